// 代录 (issue 19): the room enters an item for a unit that sends by e-mail — the page, its route and menu entry, and
// the mark 「代录（信息室 孙涛，12月7日 10:30）」 on the item page and in the lists.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { onBehalfMark, type Item } from '../src/items';
import { marksOf } from '../src/pages/itemList';
import OnBehalfPage from '../src/pages/OnBehalfPage.vue';
import { menuFor } from '../src/routes';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';
import { knowPeople } from '../src/ui';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

function gateway(answer: () => Response) {
  const calls: { method: string; path: string; body?: any }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return answer();
  }));
  return calls;
}

const room = { username: 'room-editor', displayName: '孙涛', unitId: null, unitName: null, roles: ['info-room'] };

afterEach(() => { vi.unstubAllGlobals(); knowPeople({}); location.hash = ''; });

describe('the mark of an item the room entered for its unit', () => {
  it('names the room person by name and the time in Beijing', () => {
    knowPeople({ 'room-editor': '孙涛' });
    expect(onBehalfMark({ enteredOnBehalf: { by: 'room-editor', byName: 'room-editor', at: '2026-12-07T02:30:00Z' } }))
      .toBe('代录（信息室 孙涛，12月7日 10:30）');
    expect(onBehalfMark({ enteredOnBehalf: null })).toBeNull();
    expect(onBehalfMark({})).toBeNull();
  });

  it('falls back to the name the service kept when nobody by that login signed in here', () => {
    expect(onBehalfMark({ enteredOnBehalf: { by: 'room-2', byName: '王菁', at: '2026-12-06T16:05:00Z' } }))
      .toBe('代录（信息室 王菁，12月7日 00:05）');
  });

  it('shows in the lists beside the status, and not on the unit’s own items', () => {
    knowPeople({ 'room-editor': '孙涛' });
    const item = (id: string, entered: boolean) => ({ id, unitId: 'U006', status: 'SUBMITTED', statusLabel: '已报送',
      submittedAt: '2026-12-07T01:00:00Z', nearDuplicate: false, content: { title: id, categoryLabel: '动态类' },
      enteredOnBehalf: entered ? { by: 'room-editor', at: '2026-12-07T02:30:00Z' } : undefined }) as unknown as Item;
    expect(marksOf(item('A', true))).toEqual(['代录（信息室 孙涛，12月7日 10:30）']);
    expect(marksOf(item('B', false))).toEqual([]);
  });
});

describe('the route and menu of 代录信息', () => {
  it('is a Vue page of its own, never read as an item id, and in the room’s menu only', () => {
    const router = createPortalRouter(() => '#/inbox', createMemoryHistory());
    expect(router.resolve('/items/on-behalf').name).toBe('on-behalf');
    expect(menuFor(['info-room'])).toContainEqual(['#/items/on-behalf', '代录信息']);
    for (const role of ['reporter', 'unit-leader', 'viewer', 'admin']) {
      expect(menuFor([role]).map(([h]) => h), role).not.toContain('#/items/on-behalf');
    }
  });
});

describe('the 代录 page', () => {
  beforeEach(() => { session.me = room; session.unitNames = { U007: '教体局', U006: '发改委' }; });

  const mountPage = async () => {
    const page = mount(OnBehalfPage, { attachTo: document.body });
    await flushPromises();
    return page;
  };

  it('offers the units by name and sends the unit, the time read in Beijing and the content, then opens the item', async () => {
    const calls = gateway(() => json({ id: 'ITEM-9', unitId: 'U006' }, 201));
    const page = await mountPage();
    const vm = page.vm as any;
    expect(page.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['发改委', '教体局']);
    vm.form.unitId = 'U006';
    vm.form.sentAt = '2026-12-07 09:15';
    await page.get('#ob-title').setValue('发改委：召开项目调度会');
    await page.get('#ob-category').setValue('DYNAMIC');
    await page.get('#ob-body').setValue('12月6日，旗发改委召开重点项目调度会。');
    await page.get('#ob-reporterName').setValue('李明');
    await page.get('#ob-contactPhone').setValue('0477-7622029');
    await page.get('#ob-polarity').setValue('GOOD_NEWS');
    await page.get('input[name=topics][value=MAJOR_PROJECTS]').setValue(true);
    await page.get('#on-behalf-form').trigger('submit');
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('POST');
    expect(calls[0].path).toBe('/api/intake/items/on-behalf');
    expect(calls[0].body).toMatchObject({ unitId: 'U006', sentAt: '2026-12-07T01:15:00.000Z', title: '发改委：召开项目调度会',
      category: 'DYNAMIC', topics: ['MAJOR_PROJECTS'], polarity: 'GOOD_NEWS', majorEvent: false });
    expect(location.hash).toBe('#/items/ITEM-9');
    page.unmount();
  });

  it('lets the picker offer the first of last month to the end of today in Beijing, a typed time today too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T11:04:00Z')); // 19:04 in Beijing
    const page = await mountPage();
    const outside = (page.vm as any).outsideAcceptedDays as (d: Date) => boolean;
    expect(outside(new Date(2026, 11, 7, 18, 4))).toBe(false);
    expect(outside(new Date(2026, 11, 7, 0, 0))).toBe(false);
    expect(outside(new Date(2026, 10, 1, 0, 0))).toBe(false);
    expect(outside(new Date(2026, 11, 8, 0, 0))).toBe(true);
    expect(outside(new Date(2026, 9, 31, 23, 59))).toBe(true);
    vi.useRealTimers();
    page.unmount();
  });

  it('shows every field error of the service beside its field and all of them in the banner', async () => {
    gateway(() => json({ title: '请求有误', status: 400, detail: '请检查填写的内容', code: 'validation-failed',
      errors: [{ field: 'sentAt', message: '报送时间不能晚于现在' }, { field: 'body', message: '正文不能为空' },
        { field: 'unitId', message: '报送单位不存在' }] }, 400));
    const page = await mountPage();
    await page.get('#on-behalf-form').trigger('submit');
    await flushPromises();

    expect(page.get('#err-sentAt').text()).toBe('报送时间不能晚于现在');
    expect(page.get('#err-body').text()).toBe('正文不能为空');
    expect(page.get('#err-unitId').text()).toBe('报送单位不存在');
    expect(page.get('[data-field=body]').classes()).toContain('invalid');
    expect(page.get('#err-title').text()).toBe('');
    const banner = page.get('[role=alert]').text();
    expect(banner).toContain('报送时间：报送时间不能晚于现在');
    expect(banner).toContain('正文：正文不能为空');
    expect(location.hash).not.toBe('#/items/ITEM-9');
    page.unmount();
  });
});
