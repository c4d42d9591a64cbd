// A fake gateway for page tests: the answer for each path (method and path, or the path alone), and what was sent.
import { vi } from 'vitest';

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

export function gateway(routes: Record<string, () => unknown>) {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  const fetch = vi.fn(async (path: string, init: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: init?.body && typeof init.body === 'string' ? JSON.parse(init.body) : init?.body });
    const answer = routes[`${method} ${path}`] ?? routes[path];
    if (!answer) return json({ title: '未找到', status: 404 }, 404);
    const body = answer();
    return body instanceof Response ? body : json(body);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}
