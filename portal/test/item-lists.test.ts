// The lists of items (issue 19): the room's inbox, the leader's sign-off queue and the unit's own list — the filters
// in the address and in the service's query, the column sort, the whole list for 导出 Excel, and the room's batch
// 接收 / 作废 item by item with every refusal named.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { Problem } from '../src/api';
import type { Item } from '../src/items';
import ItemList from '../src/pages/ItemList.vue';
import {
  allItems, exportRows, filtersFromQuery, inTurn, listPath, queryOf, receivable, sortOf, tableSort, voidable,
} from '../src/pages/itemList';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';

const item = (id: string, over: Partial<Item> = {}) => ({
  id, unitId: 'U006', status: 'SUBMITTED', statusLabel: '已报送', submittedAt: '2026-12-07T01:00:00Z',
  nearDuplicate: false, content: { title: `信息${id}`, categoryLabel: '动态类（1分）' }, ...over,
}) as unknown as Item;

describe('the filters of a list', () => {
  it('open the inbox on what waits for the room, newest first, 20 a page', () => {
    const f = filtersFromQuery('inbox', {});
    expect(f).toMatchObject({ status: ['SUBMITTED'], sort: 'submittedAt', order: 'desc', page: 1, size: 20 });
    expect(queryOf('inbox', f)).toEqual({});
    expect(listPath('inbox', f)).toBe('/api/intake/items?status=SUBMITTED&sort=submittedAt&order=desc&page=0&size=20');
  });

  it('survive the round trip through the address, several statuses and a period included', () => {
    const f = { ...filtersFromQuery('inbox', {}), status: ['RECEIVED', 'VOIDED'], group: '2', unitId: 'U016',
      category: 'PROBLEM', period: '2024-05', q: '防汛', sort: 'title' as const, order: 'asc' as const, page: 3, size: 50 };
    const address = queryOf('inbox', f);
    expect(address).toEqual({ status: ['RECEIVED', 'VOIDED'], group: '2', unitId: 'U016', category: 'PROBLEM',
      period: '2024-05', q: '防汛', sort: 'title', order: 'asc', page: '3', size: '50' });
    expect(filtersFromQuery('inbox', address as any)).toEqual(f);
    const asked = new URLSearchParams(listPath('inbox', f).split('?')[1]);
    expect(asked.getAll('status')).toEqual(['RECEIVED', 'VOIDED']);
    expect(asked.get('page')).toBe('2');
    expect(asked.get('period')).toBe('2024-05');
  });

  it('say "every status" in the address where the list has a default one', () => {
    const all = { ...filtersFromQuery('inbox', {}), status: [] };
    expect(queryOf('inbox', all)).toEqual({ status: 'all' });
    expect(filtersFromQuery('inbox', { status: 'all' }).status).toEqual([]);
    expect(listPath('inbox', all)).not.toContain('status=');
  });

  it('keep the unit list’s ?status= the home page links to, and ignore what an address names wrongly', () => {
    expect(filtersFromQuery('mine', { status: 'RETURNED' })).toMatchObject({ status: ['RETURNED'], sort: 'updatedAt' });
    expect(filtersFromQuery('mine', {}).status).toEqual([]);
    expect(filtersFromQuery('inbox', { status: 'PENDING', period: '2026-13', size: '1000', page: '-1', group: '9',
      sort: 'points', category: 'X' })).toMatchObject({ status: ['SUBMITTED'], period: '', size: 20, page: 1, group: '',
      sort: 'submittedAt', category: '' });
    // the unit's own list has no unit or group to choose
    expect(filtersFromQuery('mine', { unitId: 'U001', group: '1' })).toMatchObject({ unitId: '', group: '' });
  });

  it('page the sign-off queue and nothing else', () => {
    const f = filtersFromQuery('sign-off', { status: 'RECEIVED', page: '2', q: 'x' });
    expect(listPath('sign-off', f)).toBe('/api/intake/items/sign-off-queue?page=1&size=20');
    expect(queryOf('sign-off', f)).toEqual({ page: '2' });
  });
});

describe('the column sort', () => {
  it('maps a column to the service’s sort and back to the default when let go', () => {
    expect(sortOf('inbox', 'title', 'ascending')).toEqual({ sort: 'title', order: 'asc' });
    expect(sortOf('inbox', 'unitId', 'descending')).toEqual({ sort: 'unitId', order: 'desc' });
    expect(sortOf('inbox', 'title', null)).toEqual({ sort: 'submittedAt', order: 'desc' });
    expect(sortOf('mine', null, null)).toEqual({ sort: 'updatedAt', order: 'desc' });
    expect(tableSort({ sort: 'title', order: 'asc' })).toEqual({ prop: 'title', order: 'ascending' });
  });
});

describe('导出 Excel', () => {
  it('reads every page of the filtered list, not only the one shown', async () => {
    const asked: string[] = [];
    const items = Array.from({ length: 230 }, (_, i) => item(`I${i}`));
    const all = await allItems('inbox', { ...filtersFromQuery('inbox', { q: '防汛', page: '4' }) }, async (path) => {
      asked.push(path);
      const page = Number(new URLSearchParams(path.split('?')[1]).get('page'));
      return { items: items.slice(page * 100, page * 100 + 100), total: 230, page, size: 100 };
    });
    expect(all).toHaveLength(230);
    expect(asked.map((p) => new URLSearchParams(p.split('?')[1]).get('page'))).toEqual(['0', '1', '2']);
    expect(asked.every((p) => p.includes('q=%E9%98%B2%E6%B1%9B') && p.includes('size=100'))).toBe(true);
  });

  it('writes the columns of the table, units by name and the marks in a column of their own', () => {
    const { header, rows } = exportRows([item('A', { nearDuplicate: true })], true, { U006: '发改委' });
    expect(header).toEqual(['标题', '单位', '类别', '状态', '报送时间', '标记']);
    expect(rows[0][0]).toBe('信息A');
    expect(rows[0][1]).toBe('发改委');
    expect(rows[0][5]).toBe('疑似重复');
    expect(exportRows([item('A')], false, {}).header).not.toContain('单位');
  });
});

describe('the room’s batch', () => {
  it('offers 接收 for what was sent and 作废 for anything sent and not void', () => {
    expect(receivable(item('A'))).toBe(true);
    expect(receivable(item('A', { status: 'RECEIVED' }))).toBe(false);
    expect(voidable(item('A', { status: 'RECEIVED' }))).toBe(true);
    expect(voidable(item('A', { status: 'VOIDED' }))).toBe(false);
    expect(voidable(item('A', { status: 'DRAFT' }))).toBe(false);
  });

  it('goes on after a refusal and keeps it with the service’s reason', async () => {
    const seen: number[] = [];
    const outcome = await inTurn([item('A'), item('B'), item('C')], async (i) => {
      if (i.id === 'B') throw new Problem(409, '操作冲突', '该信息已被接收', 'item.state', []);
    }, (n) => seen.push(n));
    expect(outcome.done.map((i) => i.id)).toEqual(['A', 'C']);
    expect(outcome.failed).toEqual([{ item: expect.objectContaining({ id: 'B' }), reason: '操作冲突：该信息已被接收' }]);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('the addresses of the lists', () => {
  const router = () => createPortalRouter(() => '#/inbox', createMemoryHistory());
  it('are Vue pages beside the item form and the item page', () => {
    expect(router().resolve('/inbox').name).toBe('inbox');
    expect(router().resolve('/sign-off').name).toBe('sign-off');
    expect(router().resolve('/items?status=RETURNED').name).toBe('my-items');
    expect(router().resolve('/items/new').name).toBe('item-new');
    expect(router().resolve('/items/ITEM-1').name).toBe('item');
  });
});

// ---------- the inbox page against a stubbed gateway ----------

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

describe('the inbox page', () => {
  let calls: { method: string; path: string; body?: any }[];
  let listed: Item[];
  beforeEach(() => {
    session.me = { username: 'room-editor', displayName: '孙涛', unitId: null, unitName: null, roles: ['info-room'] };
    session.unitNames = { U006: '发改委', U007: '教体局' };
    listed = [item('A'), item('B', { unitId: 'U007' }), item('C', { status: 'VOIDED', statusLabel: '已作废' })];
    calls = [];
    vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (method === 'GET') return json({ items: listed, total: 45, page: 0, size: 20 });
      if (path.includes('/B/')) return json({ title: '操作冲突', detail: '该信息已被接收', status: 409 }, 409);
      return json({});
    }));
  });
  afterEach(() => { vi.unstubAllGlobals(); document.body.innerHTML = ''; });

  async function open(address: string, kind: 'inbox' | 'mine' | 'sign-off' = 'inbox') {
    const router = createPortalRouter(() => '#/inbox', createMemoryHistory());
    await router.push(address);
    const page = mount(ItemList, { props: { kind }, global: { plugins: [router] }, attachTo: document.body });
    await flushPromises();
    return { page, router };
  }

  it('asks the service for the page the address names and shows the total, units by name', async () => {
    const { page } = await open('/inbox?status=RECEIVED&page=2&sort=title&order=asc');
    expect(calls[0].path).toBe('/api/intake/items?status=RECEIVED&sort=title&order=asc&page=1&size=20');
    expect(page.get('#item-count').text()).toBe('共 45 条');
    expect(page.findAll('a.item-title').map((a) => a.text())).toEqual(['信息A', '信息B', '信息C']);
    expect(page.text()).toContain('教体局');
  });

  /** The inbox with these rows chosen and the batch button pressed; the button's text before the press. */
  async function press(button: string, chosen: Item[]) {
    const { page } = await open('/inbox');
    (page.vm as any).selected = chosen;
    await flushPromises();
    const label = page.get(button).text();
    await page.get(button).trigger('click');
    await flushPromises();
    return { page, vm: page.vm as any, label };
  }

  it('receives the chosen items one by one and sums up, naming each refusal with its reason', async () => {
    const { page, label } = await press('#batch-receive', [listed[0], listed[1]]);
    expect(label).toBe('批量接收（2 条）');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual(['/api/intake/items/A/receive', '/api/intake/items/B/receive']);
    const summary = page.get('#batch-summary');
    expect(summary.attributes('data-done')).toBe('1');
    expect(summary.text()).toContain('已接收 1 条，1 条未能接收');
    expect(summary.get('li').text()).toBe('《信息B》：操作冲突：该信息已被接收');
    // and the list is read anew
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('voids only with a reason, the same one for each item', async () => {
    const { page, vm, label } = await press('#batch-void', [listed[0], listed[2]]);
    expect(label).toBe('批量作废（1 条）');
    document.querySelector<HTMLButtonElement>('#void-confirm')!.click();
    await flushPromises();
    expect(document.querySelector('#void-dialog')!.textContent).toContain('请填写作废原因');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    vm.voiding.reason = '重复报送';
    document.querySelector<HTMLButtonElement>('#void-confirm')!.click();
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/intake/items/A/void', body: { reason: '重复报送' } }]);
    expect(page.get('#batch-summary').text()).toContain('已作废 1 条；另有 1 条所选信息的状态不能作废，未处理');
  });

  it('puts a new sort in the address', async () => {
    const { page, router } = await open('/inbox');
    (page.vm as any).sortChanged({ prop: 'title', order: 'ascending' });
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ sort: 'title', order: 'asc' }));
  });

  it('shows the unit its own items by the status the home page names, the pressed button said', async () => {
    session.me = { username: 'u006-reporter', displayName: '张', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };
    const { page, router } = await open('/items?status=RETURNED', 'mine');
    expect(calls[0].path).toBe('/api/intake/items?status=RETURNED&sort=updatedAt&order=desc&page=0&size=20');
    expect(page.get('h1').text()).toBe('本单位信息 · 发改委');
    expect(page.get('button[data-status=RETURNED]').attributes('aria-pressed')).toBe('true');
    expect(page.get('button[data-status=""]').attributes('aria-pressed')).toBe('false');
    expect(page.find('#batch-receive').exists()).toBe(false);
    await page.get('button[data-status=""]').trigger('click');
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
  });

  it('pages the leader’s sign-off queue', async () => {
    session.me = { username: 'lead-U006', displayName: '王', unitId: 'U006', unitName: '发改委', roles: ['unit-leader'] };
    const { page } = await open('/sign-off?page=3', 'sign-off');
    expect(calls[0].path).toBe('/api/intake/items/sign-off-queue?page=2&size=20');
    expect(page.get('h1').text()).toBe('待签批信息');
    expect(page.find('#inbox-filters').exists()).toBe(false);
  });
});
