import { afterEach, describe, expect, it, vi } from 'vitest';
import { describe as describeProblem, get, post, Problem } from '../src/api';
import { upload } from '../src/upload';

function answer(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn().mockImplementation(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body),
    { status, headers: { 'Content-Type': contentType } }));
}

/** The Problem a call was refused with (fails the test when the call succeeded or threw something else). */
async function refused(call: Promise<unknown>): Promise<Problem> {
  const outcome = await call.then(() => 'succeeded', (e: unknown) => e);
  if (!(outcome instanceof Problem)) throw new Error(`expected a Problem, got ${String(outcome)}`);
  return outcome;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('api problem handling', () => {
  it('turns an RFC 9457 problem into a Problem with its status, code and field errors', async () => {
    vi.stubGlobal('fetch', answer(400, { title: '信息内容不完整', detail: '请填写联系电话', status: 400, code: 'item.invalid',
      errors: [{ field: 'contactPhone', message: '请填写联系电话' }] }));
    const error = await refused(post('/api/intake/items', { title: 'x' }));
    expect(error).toBeInstanceOf(Problem);
    expect(error.status).toBe(400);
    expect(error.code).toBe('item.invalid');
    expect(error.errors).toEqual([{ field: 'contactPhone', message: '请填写联系电话' }]);
    expect(describeProblem(error)).toBe('信息内容不完整：请填写联系电话');
  });

  it('gives a Chinese title to an error without a problem body', async () => {
    vi.stubGlobal('fetch', answer(502, '<html>Bad Gateway</html>', 'text/html'));
    const error = await refused(get('/api/reporting/rankings'));
    expect(error).toBeInstanceOf(Problem);
    expect(error.title).toBe('请求失败（502）');
    expect(error.errors).toEqual([]);
  });

  it('says the network failed when the request never reached the gateway', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await refused(get('/api/me'));
    expect(error.status).toBe(0);
    expect(describeProblem(error)).toBe('网络错误：无法连接服务器，请检查网络后重试');
  });

  it('asks to sign in again on 401 whatever the service said', () => {
    expect(describeProblem(new Problem(401, '未登录', '需要登录', undefined, []))).toBe('登录已失效，请重新登录。');
  });

  it('sends the CSRF cookie back as a header on changing calls only', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123';
    const fetch = answer(200, { ok: true }, 'application/json');
    vi.stubGlobal('fetch', fetch);
    await get('/api/me');
    await post('/api/intake/items/I1/submit');
    expect(fetch.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBeUndefined();
    expect(fetch.mock.calls[1][1].headers['X-XSRF-TOKEN']).toBe('abc=123');
  });

  it('uploads multipart with the CSRF header and reads a refused upload like any problem', async () => {
    document.cookie = 'XSRF-TOKEN=t1';
    const fetch = answer(400, { title: '附件不符合要求', detail: '扩展名与文件内容不符', code: 'attachment.invalid',
      errors: [{ field: 'file', message: '扩展名与文件内容不符' }] });
    vi.stubGlobal('fetch', fetch);
    const data = new FormData();
    data.append('file', new Blob(['%PDF-']), 'a.pdf');
    const error = await refused(upload('/api/intake/items/I1/attachments', data));
    expect(fetch.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBe('t1');
    expect(fetch.mock.calls[0][1].headers['Content-Type']).toBeUndefined(); // the browser sets the boundary
    expect(error.errors[0].field).toBe('file');
  });

  it('names a body too large for the gateway in Chinese', async () => {
    vi.stubGlobal('fetch', answer(413, '', 'text/plain'));
    const error = await refused(upload('/api/intake/filings/2026', new FormData()));
    expect(error.title).toBe('文件过大');
  });
});

describe('Idempotency-Key on creating calls', () => {
  it('declares JSON on a changing call without a body, so an optional body reads as absent', async () => {
    const fetch = answer(200, { status: 'RECEIVED' });
    vi.stubGlobal('fetch', fetch);
    await post('/api/intake/items/I1/receive');
    await get('/api/intake/items/I1');
    expect(fetch.mock.calls[0][1].headers['Content-Type']).toBe('application/json');
    expect(fetch.mock.calls[0][1].body).toBe('');
    expect(fetch.mock.calls[1][1].headers['Content-Type']).toBeUndefined();
  });

  it('sends a key on POST and none on GET or PUT', async () => {
    const fetch = answer(201, { id: 'I1' }, 'application/json');
    vi.stubGlobal('fetch', fetch);
    await post('/api/intake/items', { title: 'x' });
    await get('/api/intake/items');
    expect(fetch.mock.calls[0][1].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fetch.mock.calls[1][1].headers['Idempotency-Key']).toBeUndefined();
  });

  it('retries a POST whose connection dropped with the same key and returns the first result', async () => {
    const fetch = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockImplementationOnce(async () => new Response('{"code":"upstream-failed"}', { status: 502 }))
      .mockImplementationOnce(async () => new Response('{"id":"I1"}', { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    const created = await post<{ id: string }>('/api/intake/items', { title: 'x' });
    expect(created.id).toBe('I1');
    expect(fetch).toHaveBeenCalledTimes(3);
    const keys = fetch.mock.calls.map((c) => c[1].headers['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
  });

  it('does not retry a POST the service refused', async () => {
    const fetch = answer(400, { title: '请求有误', status: 400 });
    vi.stubGlobal('fetch', fetch);
    await refused(post('/api/intake/items', { title: 'x' }));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('gives each new creating action a new key', async () => {
    const fetch = answer(201, { id: 'I1' }, 'application/json');
    vi.stubGlobal('fetch', fetch);
    await post('/api/intake/items', { title: 'x' });
    await post('/api/intake/items', { title: 'x' });
    expect(fetch.mock.calls[0][1].headers['Idempotency-Key']).not.toBe(fetch.mock.calls[1][1].headers['Idempotency-Key']);
  });
});
