// The Vue shell: the router keeps every address, a legacy page is hosted and cleared, the dialog refuses an empty reason.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createWebHashHistory } from 'vue-router';
import { askConfirm, askText } from '../src/dialogs';
import { defaultPageFor, menuFor } from '../src/routes';
import AskDialog from '../src/shell/AskDialog.vue';
import LegacyPage from '../src/shell/LegacyPage.vue';
import { LEGACY_PAGES, type LegacyRender } from '../src/shell/legacyPages';
import PageView from '../src/shell/PageView.vue';
import { relogin } from '../src/shell/relogin';
import PortalHeader from '../src/shell/PortalHeader.vue';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';
import { app, el, guardedShow, show } from '../src/ui';

const ALL_ROLES = ['reporter', 'unit-leader', 'info-room', 'viewer', 'admin'];

function routerFor(roles: string[]) {
  return createPortalRouter(() => defaultPageFor(roles), createMemoryHistory());
}

describe('the router keeps the addresses of the hand-built portal', () => {
  it.each(['/imports', '/imports/adoption', '/imports/items/BATCH-abc', '/imports/BATCH-abc'])(
    'opens #%s as the Vue page 历史补录 with the whole address', (path) => {
      const route = routerFor(['info-room']).resolve(path);
      expect(route.name).toBe('imports');
      expect(route.matched[0].components?.default).not.toBe(LegacyPage);
      expect(route.path).toBe(path);
      expect(LEGACY_PAGES.imports).toBeUndefined();
    });

  it.each([
    ['/items/new', 'item-new', {}], ['/items/ITEM-2026-000123', 'item', { id: 'ITEM-2026-000123' }],
    ['/edit/ITEM-1', 'item-edit', { id: 'ITEM-1' }], ['/items/on-behalf', 'on-behalf', {}],
    ['/items/ITEM-1/compare', 'item-compare', { id: 'ITEM-1' }],
  ])('opens the item address #%s as the Vue page %s', (path, name, params) => {
    const route = routerFor(['reporter']).resolve(path);
    expect(route.name).toBe(name);
    expect(route.matched[0].components?.default).not.toBe(LegacyPage);
    expect(route.params).toEqual(params);
    expect(LEGACY_PAGES.items).toBeUndefined();
    expect(LEGACY_PAGES.edit).toBeUndefined();
  });

  it('opens #/rankings with its query as the Vue page, not a legacy one', () => {
    const route = routerFor(['viewer']).resolve('/rankings?group=1&period=2026-Q4');
    expect(route.name).toBe('rankings');
    expect(route.matched[0].components?.default).not.toBe(LegacyPage);
    expect(route.query).toEqual({ group: '1', period: '2026-Q4' });
    expect(LEGACY_PAGES.rankings).toBeUndefined();
  });

  it.each([
    ['/circulars?kind=ANNUAL&status=PUBLISHED', 'circulars', {}], ['/circulars/QUARTERLY-2026-Q4-v1', 'circular', { id: 'QUARTERLY-2026-Q4-v1' }],
    ['/policies', 'policies', { version: '' }], ['/policies/P-3', 'policies', { version: 'P-3' }],
  ])('opens #%s as the Vue page %s with its address and query', (path, name, params) => {
    const route = routerFor(['info-room']).resolve(path);
    expect(route.name).toBe(name);
    expect(route.matched[0].components?.default).not.toBe(LegacyPage);
    expect(route.params).toEqual(params);
    expect(route.fullPath).toBe(path);
    expect(LEGACY_PAGES[name.replace(/^circular$/, 'circulars')]).toBeUndefined();
  });

  it('has a page for every menu entry of every role', () => {
    const router = routerFor(ALL_ROLES);
    for (const [href] of menuFor(ALL_ROLES)) expect(router.resolve(href.substring(1)).name, href).not.toBe('not-found');
  });

  it('sends an address it does not know to 没有这个页面', () => {
    expect(routerFor(['viewer']).resolve('/nothing-here').name).toBe('not-found');
  });

  it.each([[['info-room']], [['reporter']], [['unit-leader']], [['viewer']]])(
    'opens 首页 of %s at the bare address', async (roles) => {
      const router = routerFor(roles);
      await router.push('/');
      expect(router.currentRoute.value.fullPath).toBe('/home');
      expect(router.currentRoute.value.name).toBe('home-todo');
    });
});

describe('the page of the address in the browser', () => {
  const popped = () => new Promise((r) => window.addEventListener('popstate', r, { once: true }));

  it('follows an address changed while the first page\'s code is still loading, not the first page\'s', async () => {
    const First = defineComponent({ render: () => h('p', { id: 'first' }, '积分排名') });
    let arrive = () => {};
    const slowly = () => new Promise<typeof First>((resolve) => { arrive = () => resolve(First); });
    history.replaceState(null, '', '#/');
    const router = createPortalRouter(() => '#/first', createWebHashHistory(),
      { circulars: async () => { show(el('p', { id: 'circulars' }, '通报')); } }, [{ path: '/first', component: slowly }]);
    const view = mount(PageView, { global: { plugins: [router] }, attachTo: document.body });
    const next = popped();
    location.hash = '#/circulars';
    await next;
    arrive();
    await router.isReady();
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/circulars');
    expect(location.hash).toBe('#/circulars');
    expect(view.find('#circulars').exists()).toBe(true);
    view.unmount();
  });

  it('drops 已重新登录 once the person has gone on to another page', async () => {
    // legacy pages only: the shell's part is tested, not the pages'
    const router = createPortalRouter(() => '#/imports', createMemoryHistory(),
      { imports: async () => {}, items: async () => {} }, []);
    const view = mount(PageView, { global: { plugins: [router] } });
    await router.push('/imports');
    relogin.value = 'done';
    await router.push('/items/ITEM-1');
    await flushPromises();
    expect(relogin.value).toBe('none');
    view.unmount();
  });

  it('follows a legacy page that sets location.hash, and opens an address again after the page replaced it', async () => {
    const drawn: string[] = [];
    const pages: Record<string, LegacyRender> = {
      imports: async (_ctx, arg) => { drawn.push(arg ?? 'list'); show(el('p', { id: 'import-page' }, arg ?? '列表')); },
    };
    history.replaceState(null, '', '#/imports');
    const router = createPortalRouter(() => '#/imports', createWebHashHistory(), pages, []);
    const view = mount(PageView, { global: { plugins: [router] }, attachTo: document.body });
    await router.isReady();
    await flushPromises();
    expect(drawn).toEqual(['list']);

    let next = popped();
    location.hash = '#/imports/adoption';
    await next;
    await flushPromises();
    expect(drawn).toEqual(['list', 'adoption']);
    expect(view.find('#import-page').text()).toBe('adoption');

    // a legacy page that puts back its list's address without a navigation, then the same address is opened again
    history.replaceState(null, '', '#/imports');
    next = popped();
    location.hash = '#/imports/adoption';
    await next;
    await flushPromises();
    expect(drawn).toEqual(['list', 'adoption', 'adoption']);
    view.unmount();
  });
});

describe('the header', () => {
  afterEach(() => { document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'; });

  it('marks the page’s menu entry and signs out with a form POST that carries the CSRF token', async () => {
    session.me = { username: 'room-editor', displayName: '王芳', unitId: null, unitName: null, roles: ['info-room'] };
    document.cookie = 'XSRF-TOKEN=abc%2Bdef';
    const router = routerFor(['info-room']);
    await router.push('/circulars/QUARTERLY-2026-Q4-v1');
    const header = mount(PortalHeader, { global: { plugins: [router] } });
    expect(header.find('#menu a.active').attributes('href')).toBe('#/circulars');
    expect(header.find('#user').text()).toBe('王芳（信息室）');
    const form = header.find('form');
    expect([form.attributes('method'), form.attributes('action')]).toEqual(['post', '/logout']);
    expect((header.find('input[name=_csrf]').element as HTMLInputElement).value).toBe('abc+def');
    expect(header.find('#logout').text()).toBe('退出');
  });
});

describe('a legacy page hosted in the shell', () => {
  it('paints into its own container and leaves nothing behind when the person moves on', async () => {
    const render: LegacyRender = async (_ctx, arg) => show(el('p', { id: 'old-page' }, `旧页面 ${arg}`));
    const page = mount(LegacyPage, { props: { render, hash: '#/items/ITEM-1' }, attachTo: document.body });
    await flushPromises();
    expect(page.find('.legacy-page #old-page').text()).toBe('旧页面 ITEM-1');
    expect(app()).toBe(page.find('.legacy-page').element);
    const container = page.find('.legacy-page').element;
    page.unmount();
    expect(container.childNodes.length).toBe(0);
    expect(app()).not.toBe(container);
  });

  it('does not let a page that answers late paint over the page that followed it', async () => {
    let answer!: () => void;
    const slow: LegacyRender = async () => {
      const paint = guardedShow();
      await new Promise<void>((r) => { answer = r; });
      paint(el('p', { id: 'late' }, '迟到的页面'));
    };
    const first = mount(LegacyPage, { props: { render: slow, hash: '#/inbox' }, attachTo: document.body });
    await flushPromises();
    first.unmount();
    const second = mount(LegacyPage, { props: { render: async () => show(el('p', { id: 'now' }, '当前页面')), hash: '#/items' },
      attachTo: document.body });
    await flushPromises();
    answer();
    await flushPromises();
    expect(document.querySelector('#late')).toBeNull();
    expect(second.find('#now').exists()).toBe(true);
    second.unmount();
  });

  it('shows a page’s failure as a banner in Chinese', async () => {
    const failing: LegacyRender = async () => { throw new Error('网络不通'); };
    const page = mount(LegacyPage, { props: { render: failing, hash: '#/inbox' }, attachTo: document.body });
    await flushPromises();
    expect(page.find('.banner.error').exists()).toBe(true);
    page.unmount();
  });
});

describe('the dialog that replaces prompt() and confirm()', () => {
  const dialog = () => mount(AskDialog, { attachTo: document.body });
  const byId = (id: string) => document.getElementById(id);
  const typeReason = async (text: string) => {
    const input = document.querySelector<HTMLTextAreaElement>('#reason-input')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await flushPromises();
  };

  it('refuses an empty reason with a message and sends the trimmed one', async () => {
    const host = dialog();
    const then = vi.fn();
    askText('退回修改意见').then((t) => { if (t !== null) then(t); });
    await flushPromises();
    expect(byId('reason-dialog')!.textContent).toContain('退回修改意见');

    await typeReason('   ');
    byId('reason-ok')!.click();
    await flushPromises();
    expect(byId('reason-error')!.textContent).toBe('请填写退回修改意见，不能为空。');
    expect(then).not.toHaveBeenCalled();

    await typeReason('  请补充改革前后的对比数据 ');
    expect(byId('reason-error')!.textContent).toBe('');
    byId('reason-ok')!.click();
    await flushPromises();
    expect(then).toHaveBeenCalledWith('请补充改革前后的对比数据');
    host.unmount();
  });

  it('does nothing when the person cancels', async () => {
    const host = dialog();
    const then = vi.fn();
    askText('作废原因').then((t) => { if (t !== null) then(t); });
    await flushPromises();
    await typeReason('重复报送');
    byId('reason-cancel')!.click();
    await flushPromises();
    expect(then).not.toHaveBeenCalled();
    host.unmount();
  });

  it('asks a confirmation with its own buttons and answers which one was pressed', async () => {
    const host = dialog();
    const yes = askConfirm('转报市政府', '将《标题》转报市政府？', '转报');
    await flushPromises();
    expect(byId('confirm-message')!.textContent).toBe('将《标题》转报市政府？');
    expect(byId('confirm-ok')!.textContent).toContain('转报');
    byId('confirm-ok')!.click();
    expect(await yes).toBe(true);

    const no = askConfirm('删除附件', '删除附件“a.pdf”？', '删除');
    await flushPromises();
    byId('confirm-cancel')!.click();
    expect(await no).toBe(false);
    host.unmount();
  });
});
