// The Vue shell: the router keeps every address, each navigation draws its page anew, the dialog refuses an empty reason.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createWebHashHistory } from 'vue-router';
import { askConfirm, askText } from '../src/dialogs';
import { defaultPageFor, menuFor } from '../src/routes';
import AskDialog from '../src/shell/AskDialog.vue';
import PageView from '../src/shell/PageView.vue';
import { relogin } from '../src/shell/relogin';
import PortalHeader from '../src/shell/PortalHeader.vue';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';

const ALL_ROLES = ['reporter', 'unit-leader', 'info-room', 'viewer', 'admin'];

function routerFor(roles: string[]) {
  return createPortalRouter(() => defaultPageFor(roles), createMemoryHistory());
}

describe('the router keeps the addresses of the hand-built portal', () => {
  it.each(['/imports', '/imports/adoption', '/imports/items/BATCH-abc', '/imports/BATCH-abc'])(
    'opens #%s as the Vue page 历史补录 with the whole address', (path) => {
      const route = routerFor(['info-room']).resolve(path);
      expect(route.name).toBe('imports');
      expect(route.path).toBe(path);
    });

  it.each([
    ['/items/new', 'item-new', {}], ['/items/ITEM-2026-000123', 'item', { id: 'ITEM-2026-000123' }],
    ['/edit/ITEM-1', 'item-edit', { id: 'ITEM-1' }], ['/items/on-behalf', 'on-behalf', {}],
    ['/items/ITEM-1/compare', 'item-compare', { id: 'ITEM-1' }],
  ])('opens the item address #%s as the Vue page %s', (path, name, params) => {
    const route = routerFor(['reporter']).resolve(path);
    expect(route.name).toBe(name);
    expect(route.params).toEqual(params);
  });

  it('opens #/rankings with its query as the Vue page', () => {
    const route = routerFor(['viewer']).resolve('/rankings?group=1&period=2026-Q4');
    expect(route.name).toBe('rankings');
    expect(route.query).toEqual({ group: '1', period: '2026-Q4' });
  });

  it.each([
    ['/circulars?kind=ANNUAL&status=PUBLISHED', 'circulars', {}], ['/circulars/QUARTERLY-2026-Q4-v1', 'circular', { id: 'QUARTERLY-2026-Q4-v1' }],
    ['/policies', 'policies', { version: '' }], ['/policies/P-3', 'policies', { version: 'P-3' }],
  ])('opens #%s as the Vue page %s with its address and query', (path, name, params) => {
    const route = routerFor(['info-room']).resolve(path);
    expect(route.name).toBe(name);
    expect(route.params).toEqual(params);
    expect(route.fullPath).toBe(path);
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
    const Circulars = defineComponent({ render: () => h('p', { id: 'circulars' }, '通报') });
    const router = createPortalRouter(() => '#/first', createWebHashHistory(),
      [{ path: '/first', component: slowly }, { path: '/circulars', component: Circulars }]);
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
    // stand-in pages: the shell's part is tested, not the pages'
    const Blank = defineComponent({ render: () => h('p') });
    const router = createPortalRouter(() => '#/imports', createMemoryHistory(),
      [{ path: '/imports', component: Blank }, { path: '/items/:id', component: Blank }]);
    const view = mount(PageView, { global: { plugins: [router] } });
    await router.push('/imports');
    relogin.value = 'done';
    await router.push('/items/ITEM-1');
    await flushPromises();
    expect(relogin.value).toBe('none');
    view.unmount();
  });

  it('draws a page anew when its address is opened again, also after the page put back an address itself', async () => {
    const drawn: string[] = [];
    const Imports = defineComponent({
      props: { kind: { type: String, default: '' } },
      setup(props) {
        drawn.push(props.kind || 'list');
        return () => h('p', { id: 'import-page' }, props.kind || '列表');
      },
    });
    history.replaceState(null, '', '#/imports');
    const router = createPortalRouter(() => '#/imports', createWebHashHistory(),
      [{ path: '/imports/:kind?', component: Imports, props: true }]);
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

    // a page that puts back its list's address without a navigation, then the same address is opened again
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
