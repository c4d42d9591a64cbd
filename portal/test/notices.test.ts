// The unit's notices from both services: intake's (an item returned, sent back, waiting for sign-off; read marks on
// the server) and commission-tasking's (read marks in this browser), in one list and one count.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import NoticesPage from '../src/pages/NoticesPage.vue';
import NoticeBell from '../src/shell/NoticeBell.vue';
import { noticeState, refreshNotices, unreadCount } from '../src/shell/notices';
import { session } from '../src/shell/session';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

const reporter = { username: 'u006-reporter', displayName: '李明', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };
const open = [{ id: 'CMS-9', title: '营商环境', deadlineDisplay: '2026年12月31日 17:00', issuedAt: '2026-12-01T01:00:00Z' }];
const returned = { key: 'I-1:RETURNED:1', kind: 'RETURNED', kindLabel: '退回修改', itemId: 'I-1', title: '防汛部署',
  at: '2026-12-03T02:00:00.120Z', byName: '王菁', text: '信息室退回了《防汛部署》，请修改后重新报送',
  detail: '请补充具体数据。', read: false };
const voided = { key: 'I-2:VOIDED:1', kind: 'VOIDED', kindLabel: '作废', itemId: 'I-2', title: '春耕',
  at: '2026-11-30T02:00:00Z', text: '信息室作废了《春耕》', detail: '重复报送。', read: true };

let readUpTo: string | null = null;
let calls: { method: string; path: string; body?: any }[] = [];

beforeEach(() => {
  session.me = reporter;
  noticeState.notices = []; noticeState.read = []; noticeState.loaded = false; noticeState.itemUnread = 0;
  readUpTo = null;
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    if (path === '/api/commission/commissions?scope=open') return json(open);
    if (path === '/api/commission/notices') return json([]);
    if (path === '/api/intake/notices?limit=50') {
      const read = (at: string) => readUpTo !== null && Date.parse(at) <= Date.parse(readUpTo);
      const items = [returned, voided].map((n) => ({ ...n, read: n.read || read(n.at) }));
      return json({ notices: items, unread: items.filter((n) => !n.read).length, readUpTo });
    }
    if (method === 'POST' && path === '/api/intake/notices/read') { readUpTo = body.upTo; return json({ readUpTo }); }
    return json({ title: '未找到', status: 404 }, 404);
  }));
});
afterEach(() => { vi.unstubAllGlobals(); localStorage.clear(); });

describe('a unit\'s notices from intake and commission-tasking', () => {
  it('counts the unread of both in the header: the item\'s as the service counts it, the commission\'s here', async () => {
    const bell = mount(NoticeBell);
    await flushPromises();
    expect(bell.get('#notice-bell').attributes('data-unread')).toBe('2');
    bell.unmount();
  });

  it('lists both newest first in Chinese, an item\'s notice linking to the item with the room\'s opinion', async () => {
    const page = mount(NoticesPage);
    await flushPromises();
    const items = page.findAll('#notice-list li');
    expect(items.map((li) => li.get('a').attributes('href'))).toEqual(['#/items/I-1', '#/commissions/CMS-9', '#/items/I-2']);
    expect(items[0].text()).toContain('退回修改');
    expect(items[0].text()).toContain('信息室退回了《防汛部署》，请修改后重新报送');
    expect(items[0].text()).toContain('意见：请补充具体数据。');
    expect(items[0].attributes('data-read')).toBe('false');
    expect(items[2].text()).toContain('理由：重复报送。');
    expect(items[2].attributes('data-read')).toBe('true');
    expect(page.text()).not.toContain('RETURNED');
    page.unmount();
  });

  it('全部标为已读 marks the items on the server up to the newest shown and the commissions in this browser', async () => {
    const page = mount(NoticesPage);
    await flushPromises();
    await page.get('#notices-read-all').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/intake/notices/read', body: { upTo: '2026-12-03T02:00:00.120Z' } }]);
    expect(unreadCount.value).toBe(0);
    expect(page.findAll('.unread-mark')).toHaveLength(0);
    // another device: the server's mark holds, the commission's mark is this browser's only
    localStorage.clear();
    await refreshNotices();
    expect(noticeState.itemUnread).toBe(0);
    expect(unreadCount.value).toBe(1);
    page.unmount();
  });

  it('still shows the commissions\' notices when intake does not answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async (path: string) => (path.startsWith('/api/commission/commissions')
      ? json(open) : path === '/api/commission/notices' ? json([]) : json({ title: '服务暂不可用', status: 503 }, 503))));
    await refreshNotices();
    expect(noticeState.notices.map((n) => n.href)).toEqual(['#/commissions/CMS-9']);
    expect(unreadCount.value).toBe(1);
  });
});
