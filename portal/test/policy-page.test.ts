// 积分标准 as a page: a draft from the version in force, a bad cell named beside it before anything is sent, a tier
// removed only once confirmed, the what-if's units and 保存为新版本 asked first.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { get, post } from '../src/api';
import { currentQuestion } from '../src/dialogs';
import PoliciesPage from '../src/pages/PoliciesPage.vue';
import type { Policy } from '../src/pages/policies';
import { session } from '../src/shell/session';

vi.setConfig({ testTimeout: 30_000 });
vi.mock('../src/api', async (original) => ({ ...await original<typeof import('../src/api')>(), get: vi.fn(), post: vi.fn() }));

const IN_FORCE: Policy = {
  version: '2026版', effectiveFrom: '2026-01-01', source: '伊政办发〔2026〕1号',
  categories: { BRIEF: { label: '简讯类', points: 1 } }, forwardPoints: 3,
  adoptionKinds: { CITY_BULLETIN_ADOPTED: { label: '市政府办公室《鄂尔多斯政讯》采用', points: 20, instruction: false } },
  commissionPoints: 2, monthlyQuota: { 3: 4 },
  shortfall: { 3: { tiers: [{ fromShortfall: 1, toShortfall: 2, deduction: -1 }, { fromShortfall: 3, toShortfall: null, deduction: -3 }], nothingReceived: -2 } },
  combinedCredit: 'LEAD_ONLY',
};
const admin = { username: 'admin', displayName: '管理员', unitId: null, unitName: null, roles: ['admin'] };

async function open(roles = admin) {
  session.me = roles;
  vi.mocked(get).mockResolvedValue([IN_FORCE] as never);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: PoliciesPage }] });
  const page = mount(PoliciesPage, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  return page;
}
const input = (id: string) => document.querySelector<HTMLInputElement>(`#${id}`)!;
async function type(id: string, value: string) {
  input(id).value = value;
  input(id).dispatchEvent(new Event('input'));
  await flushPromises();
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }).setSystemTime(new Date('2026-12-07T10:00:00+08:00')));
afterEach(() => {
  vi.useRealTimers();
  vi.mocked(get).mockReset();
  vi.mocked(post).mockReset();
  currentQuestion.value = null;
  document.body.innerHTML = '';
});

describe('the policy page', () => {
  it('shows the version in force in words, selected in the list, and a leader no draft form', async () => {
    const page = await open({ ...admin, roles: ['viewer'] });
    expect(page.get('#policy-list tr.selected').text()).toContain('现行');
    expect(page.get('#policy-shortfall tr.group-3').text()).toContain('差 1—2 条扣 1 分；差 3 条及以上扣 3 分');
    expect(page.get('#policy-combined').text()).toBe('只计首条来源信息');
    expect(page.find('#draft-form').exists()).toBe(false);
    page.unmount();
  });

  it('names every bad cell beside it and in the banner at once, and sends nothing', async () => {
    const page = await open();
    expect(input('t-3-0-deduction').value).toBe('1');
    await type('t-3-0-deduction', '');
    await type('t-3-1-to', '1');
    await page.get('#draft-form').trigger('submit');
    await flushPromises();
    expect(page.get('#err-tier-3-0-deduction').text()).toBe('请填写分值');
    expect(page.get('#err-tier-3-1-to').text()).toBe('截止差额不能小于起始差额');
    expect(page.get('#err-version').text()).toBe('请填写版本号');
    expect(page.get('#draft-messages').text()).toContain('第三组第1档扣分：请填写分值');
    expect(page.get('#draft-messages').text()).not.toContain('tier-3');
    expect(post).not.toHaveBeenCalled();
    page.unmount();
  });

  it('removes a tier only once the question is answered yes', async () => {
    const page = await open();
    expect(page.findAll('#tiers-3 .tier-row')).toHaveLength(2);
    await page.get('#add-tier-3').trigger('click');
    expect(page.findAll('#tiers-3 .tier-row')).toHaveLength(3);
    await page.findAll('#tiers-3 .remove-tier')[2].trigger('click');
    expect(currentQuestion.value?.message).toContain('删除第三组第3档');
    currentQuestion.value!.answer(false);
    await flushPromises();
    expect(page.findAll('#tiers-3 .tier-row')).toHaveLength(3);
    await page.findAll('#tiers-3 .remove-tier')[2].trigger('click');
    currentQuestion.value!.answer(true);
    await flushPromises();
    expect(page.findAll('#tiers-3 .tier-row')).toHaveLength(2);
    page.unmount();
  });

  it('runs the what-if for last quarter and shows the units that change most first; saves only after asking', async () => {
    const page = await open();
    await type('p-version', '2027-07');
    vi.mocked(post).mockResolvedValueOnce({ period: '2026-Q3', draftVersion: '2027-07', units: [
      { unitId: 'U001', unitName: '发改委', group: 3, currentPoints: 10, draftPoints: 10, difference: 0, currentRank: 1, draftRank: 2 },
      { unitId: 'U007', unitName: '教体局', group: 3, currentPoints: 8, draftPoints: 12, difference: 4, currentRank: 2, draftRank: 1 }] } as never);
    // the date picker's value as the page holds it
    (page.vm as unknown as { draft: { effectiveFrom: string } }).draft.effectiveFrom = '2027-07-01';
    await page.get('#draft-form').trigger('submit');
    await flushPromises();
    expect(vi.mocked(post).mock.calls[0][0]).toBe('/api/scoring/what-if');
    expect(vi.mocked(post).mock.calls[0][1]).toMatchObject({ period: '2026-Q3', group: null, policy: { version: '2027-07', effectiveFrom: '2027-07-01' } });
    expect(page.get('#what-if-results h2').text()).toBe('试算结果：2026年第三季度');
    expect(page.findAll('#what-if-table tbody tr').map((r) => r.text())[0]).toContain('教体局');
    expect(page.get('#what-if-table tr.unit-U007').text()).toContain('+4');

    await page.get('#save-draft').trigger('click');
    await flushPromises();
    expect(currentQuestion.value?.message).toContain('自 2027-07-01 起生效');
    currentQuestion.value!.answer(false);
    await flushPromises();
    expect(post).toHaveBeenCalledTimes(1);
    page.unmount();
  });
});
