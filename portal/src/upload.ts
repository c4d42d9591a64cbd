// Multipart uploads through the gateway with the session cookie and the CSRF header (api.ts's send; the browser
// sets the multipart boundary itself, so no Content-Type here).
import { send } from './api';

/** POSTs the form data; a refusal becomes a Problem like api.ts's. */
export async function upload<T>(path: string, data: FormData): Promise<T> {
  // a body refused before the service (gateway or proxy size limit) has no problem JSON
  return send<T>(path, { method: 'POST', body: data },
    (status) => (status === 413 ? '文件过大' : `上传失败（${status}）`));
}
