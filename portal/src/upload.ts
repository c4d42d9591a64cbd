// Multipart uploads through the gateway with the session cookie and the CSRF header (api.ts sends JSON only).
import { FieldError, Problem } from './api';

function csrfToken(): string | null {
  const m = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return m ? decodeURIComponent(m.substring('XSRF-TOKEN='.length)) : null;
}

/** POSTs the form data (the browser sets the multipart boundary); a refusal becomes a Problem like api.ts's. */
export async function upload<T>(path: string, data: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: data });
  } catch {
    throw new Problem(0, '网络错误', '无法连接服务器，请检查网络后重试', undefined, []);
  }
  const text = await response.text();
  let json: any = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const errors: FieldError[] = Array.isArray(json?.errors) ? json.errors : [];
    // a body refused before the service (gateway or proxy size limit) has no problem JSON
    const title = json?.title ?? (response.status === 413 ? '文件过大' : `上传失败（${response.status}）`);
    throw new Problem(response.status, title, json?.detail ?? '', json?.code, errors);
  }
  return json as T;
}
