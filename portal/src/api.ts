// Calls to the gateway with the session cookie. The browser never sees a token: the gateway relays the user's
// access token to the services. Changing requests carry the CSRF token from the XSRF-TOKEN cookie as a header.

export interface FieldError { field: string; message: string }

export class Problem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string,
              readonly code: string | undefined, readonly errors: FieldError[]) {
    super(detail || title);
  }
}

export interface Me {
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
}

export function csrfToken(): string | null {
  const m = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return m ? decodeURIComponent(m.substring('XSRF-TOKEN='.length)) : null;
}

/** A new Idempotency-Key: one per creating action, the same on each of its retries. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

let unauthorized: (() => void) | null = null;
/** What to do when a call answers 401: the shell asks the person to sign in again (shell/relogin.ts). */
export function onUnauthorized(handler: (() => void) | null) { unauthorized = handler; }

/** Pauses before the retries of a POST whose answer was lost (dropped connection, 502/503, key still in progress). */
export const RETRY_DELAYS_MS = [300, 1000];

/**
 * One request with the session cookie; changing requests carry the CSRF header. A POST carries an Idempotency-Key
 * and is retried with the same key when its answer was lost — the connection dropped, the gateway answered 502/503,
 * or the first attempt is still running (409): the service returns the first result and creates nothing twice.
 * A refusal becomes a Problem: the service's problem JSON, or `fallbackTitle(status)` when there is none.
 */
export async function send<T>(path: string, init: { method: string; headers?: Record<string, string>; body?: BodyInit },
                              fallbackTitle: (status: number) => string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
  if (init.method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const retries = init.method === 'POST' ? RETRY_DELAYS_MS : [];
  if (init.method === 'POST' && !headers['Idempotency-Key']) headers['Idempotency-Key'] = newIdempotencyKey();
  let response: Response | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(path, { method: init.method, headers, credentials: 'same-origin', body: init.body });
    } catch {
      response = null;
    }
    const lost = response === null || [409, 502, 503].includes(response.status)
      && (response.status !== 409 || response.headers.get('Retry-After') !== null);
    if (!lost || attempt >= retries.length) break;
    await new Promise((resolve) => setTimeout(resolve, retries[attempt]));
  }
  if (response === null) {
    throw new Problem(0, '网络错误', '无法连接服务器，请检查网络后重试', undefined, []);
  }
  const text = await response.text();
  let json: any = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    if (response.status === 401) unauthorized?.();
    const errors: FieldError[] = Array.isArray(json?.errors) ? json.errors : [];
    throw new Problem(response.status, json?.title ?? fallbackTitle(response.status), json?.detail ?? '', json?.code,
      errors);
  }
  return json as T;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  // A changing call without a body still says JSON: an endpoint whose body is optional (接收, which may carry a
  // correction) then reads "no body", while a bare '' would go out as text/plain and be refused with 415.
  return send<T>(path, {
    method,
    headers: method !== 'GET' ? { 'Content-Type': 'application/json' } : {},
    body: body === undefined ? (method === 'GET' ? undefined : '') : JSON.stringify(body),
  }, (status) => `请求失败（${status}）`);
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => call<T>('POST', path, body);
export const put = <T>(path: string, body?: unknown) => call<T>('PUT', path, body);

/** The problem as one Chinese sentence for a banner. */
export function describe(e: unknown): string {
  if (e instanceof Problem) {
    const head = e.detail && e.detail !== e.title ? `${e.title}：${e.detail}` : e.title;
    return e.status === 401 ? '登录已失效，请重新登录。' : head;
  }
  return '出现意外错误：' + String(e);
}
