import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// the form against answers of the intake API; the near-duplicate question is answered by the test
vi.mock('../src/api', async (original) => {
  const actual = await original<typeof import('../src/api')>();
  return { ...actual, get: vi.fn(), post: vi.fn(), put: vi.fn() };
});
vi.mock('../src/dialogs', async (original) => {
  const actual = await original<typeof import('../src/dialogs')>();
  return { ...actual, askConfirm: vi.fn() };
});

import { createMemoryHistory, createRouter } from 'vue-router';
import { get, post, Problem, put } from '../src/api';
import { askConfirm } from '../src/dialogs';
import ItemFormPage from '../src/pages/ItemFormPage.vue';
import { session } from '../src/shell/session';

async function open(id?: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/items/new', component: ItemFormPage }, { path: '/edit/:id', component: ItemFormPage, props: true },
    { path: '/items/:id', component: { template: '<p/>' } }] });
  await router.push(id ? `/edit/${id}` : '/items/new');
  const page = mount(ItemFormPage, { props: id ? { id } : {}, global: { plugins: [router] }, attachTo: '#app' });
  await flushPromises();
  return { page, router };
}
const saved = { id: 'I7', status: 'DRAFT', content: {} };

beforeEach(() => {
  document.body.innerHTML = '<div id="app"></div>';
  session.me = { username: 'u006-reporter', displayName: '刘伟', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };
  session.unitNames = { U006: '发改委', U003: '城川镇' };
  vi.mocked(get).mockReset().mockImplementation(async (path: string) => {
    if (path.startsWith('/api/commission/')) {
      return [{ id: 'C1', title: '营商环境约稿', deadlineDisplay: '12月20日', deadlinePassed: false, targets: [{ open: true }] },
        { id: 'C2', title: '已答复的约稿', deadlinePassed: true, targets: [{ open: false, answeredOnTime: true }] }];
    }
    if (path.endsWith('/similar')) return { nearDuplicate: false, similarItems: [] };
    return [];
  });
  vi.mocked(post).mockReset().mockResolvedValue(saved);
  vi.mocked(put).mockReset().mockResolvedValue(saved);
  vi.mocked(askConfirm).mockReset();
});
afterEach(() => { document.body.innerHTML = ''; });

describe('the item form', () => {
  it('offers the commissions the unit may still answer and fills the reporter’s name', async () => {
    const { page } = await open();
    expect(page.findAll('#f-commissionId option').map((o) => o.text()))
      .toEqual(['不是约稿', '营商环境约稿（截止 12月20日）']);
    expect((page.get('#f-reporterName').element as HTMLInputElement).value).toBe('刘伟');
    expect(page.find('#attachments-later').exists()).toBe(true);
  });

  it('does not save when Enter is pressed in the title', async () => {
    const { page } = await open();
    await page.get('#f-title').setValue('标题');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    page.get('#f-title').element.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(post).not.toHaveBeenCalled();
  });

  it('puts the service’s message beside its field, then edits the draft it already saved', async () => {
    const { page, router } = await open();
    await page.get('#f-title').setValue('  发改委重点项目观摩  ');
    await page.get('input[name=topics][value=MAJOR_PROJECTS]').setValue(true);
    vi.mocked(post).mockResolvedValueOnce(saved).mockRejectedValueOnce(new Problem(400, '信息内容不完整', '', 'item.invalid',
      [{ field: 'contactPhone', message: '请填写联系电话' }]));
    await page.get('#save-submit').trigger('click');
    await flushPromises();
    expect(vi.mocked(post).mock.calls[0][1]).toMatchObject({ title: '发改委重点项目观摩', topics: ['MAJOR_PROJECTS'],
      contactPhone: null, reporterName: '刘伟' });
    expect(page.get('#err-contactPhone').text()).toBe('请填写联系电话');
    expect(page.get('[data-field=contactPhone]').classes()).toContain('invalid');
    expect(page.text()).toContain('草稿已保存，可修改后再报送。');
    expect((page.get('#f-title').element as HTMLInputElement).value).toBe('  发改委重点项目观摩  ');

    await page.get('#f-contactPhone').setValue('0477-7622029');
    await page.get('#save-submit').trigger('click');
    await flushPromises();
    expect(put).toHaveBeenCalledWith('/api/intake/items/I7', expect.objectContaining({ contactPhone: '0477-7622029' }));
    expect(post).toHaveBeenLastCalledWith('/api/intake/items/I7/submit');
    expect(router.currentRoute.value.path).toBe('/items/I7');
  });

  it('asks before sending an item that reads like one sent, and keeps the draft when declined', async () => {
    vi.mocked(get).mockImplementation(async (path: string) => (path.endsWith('/similar')
      ? { nearDuplicate: true, message: '与已报送的信息内容相近（相似度 94%）', similarItems: [
        { unitId: 'U003', title: '城川镇部署防汛', similarity: 0.94 }] } : []));
    vi.mocked(askConfirm).mockResolvedValueOnce(false);
    const { page, router } = await open();
    await page.get('#save-submit').trigger('click');
    await flushPromises();
    expect(askConfirm).toHaveBeenCalledWith('可能重复报送', expect.stringContaining('城川镇《城川镇部署防汛》'),
      '确认不是重复，报送');
    expect(post).not.toHaveBeenCalledWith('/api/intake/items/I7/submit');
    expect(router.currentRoute.value.path).toBe('/items/I7');
  });
});
