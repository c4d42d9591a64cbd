// The circular and policy pages against the services' answers: the publishing guard on either side of the quarter's
// end, the confirmation before 发布, the answer dialog and a unit's objection with the errors beside their fields;
// 积分标准's draft with a bad cell named beside it before anything is sent, a tier removed only once confirmed, the
// what-if's units and 保存为新版本 asked first.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { get, post, Problem, type FieldError } from '../src/api';
import { currentQuestion } from '../src/dialogs';
import CircularPage from '../src/pages/CircularPage.vue';
import {
  circularSheet, draftName, filterCirculars, kindOfPeriod, likelySeries, publishState, type Summary,
} from '../src/pages/circulars';
import PoliciesPage from '../src/pages/PoliciesPage.vue';
import type { Policy } from '../src/pages/policies';
import { session } from '../src/shell/session';

// the service's answers by method and path; what was sent is in the mocks' calls
vi.setConfig({ testTimeout: 30_000 });
vi.mock('../src/api', async (original) => ({ ...await original<typeof import('../src/api')>(), get: vi.fn(), post: vi.fn() }));
const refused = (status: number, errors: FieldError[] = []) => new Problem(status, status === 403 ? '无权访问' : '请求无效', '', undefined, errors);
function gateway(answers: Record<string, () => unknown>) {
  const answer = (key: string) => async () => {
    const a = answers[key];
    if (!a) throw refused(404);
    const body = a();
    if (body instanceof Problem) throw body;
    return body;
  };
  vi.mocked(get).mockImplementation((path: string) => answer(path)() as Promise<never>);
  vi.mocked(post).mockImplementation((path: string) => answer(`POST ${path}`)() as Promise<never>);
  return {
    posts: () => vi.mocked(post).mock.calls.map(([path, body]) => ({ path, body })),
  };
}

const room = { username: 'room-editor', displayName: '王菁', unitId: null, unitName: null, roles: ['info-room'] };
const reporter = { username: 'u007-reporter', displayName: '李明', unitId: 'U007', unitName: '教体局', roles: ['reporter'] };
const ID = 'QUARTERLY-2026-Q4-v1';
const PATH = `/api/reporting/circulars/${ID}`;
const OBJECTION = { id: 'OBJ-1', unitId: 'U007', raisedBy: 'u007-reporter', reason: '11月采用信息漏计', raisedAt: '2026-12-10T02:00:00Z',
  resolution: null, reply: null, resolvedBy: null, resolvedAt: null };

const circular = (status: string, over: Record<string, unknown> = {}) => ({
  id: ID, seriesId: 'QUARTERLY-2026-Q4', kind: 'QUARTERLY', period: '2026-Q4', version: 1,
  title: '关于2026年第四季度全旗政务信息工作情况的通报', documentNumber: null, status,
  reviewClosesAt: status === 'IN_REVIEW' ? '2026-12-20T02:00:00Z' : null, publishedAt: null, openObjections: 0,
  updatedAt: '2026-12-10T02:00:00Z', previousId: null, objections: [], createdBy: 'room-editor',
  createdAt: '2026-12-10T02:00:00Z', publishedBy: null, correctionReason: null, changes: [],
  figures: { period: '2026-Q4', groups: [{ group: 2, groupName: '第二组', snapshotVersion: 1, rows: [{ rank: 1, unitId: 'U007',
    unitName: '教体局', points: 12, submissionPoints: 10, forwardPoints: 2, adoptionPoints: 0, commissionPoints: 0,
    deductionPoints: 0, receivedItems: 5, quota: 4, shortfall: 0 }] }], noSubmission: [], missedQuota: [], commissions: [],
  annex: [], warnings: [] },
  // what reporting adds while the quarter runs (the page only shows it until publishableFrom has passed)
  publishableFrom: '2026-12-31T16:00:00Z',
  periodNotEnded: '2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布',
  ...over,
});

async function showAt(beijingNow: string, answers: Record<string, () => unknown>) {
  vi.setSystemTime(new Date(beijingNow));
  const calls = gateway(answers);
  const page = mount(CircularPage, { props: { id: ID }, attachTo: document.body });
  await flushPromises();
  return { page, posts: calls.posts };
}
const publishButton = () => document.querySelector<HTMLButtonElement>('#publish-circular')!;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  session.me = room;
  session.unitNames = { U007: '教体局' };
});
afterEach(() => {
  vi.useRealTimers();
  vi.mocked(get).mockReset();
  vi.mocked(post).mockReset();
  currentQuestion.value = null;
  document.body.innerHTML = '';
});

describe('the circular page before its period has ended', () => {
  it('disables 发布 on the quarter’s last day at 23:59 Beijing time and says when it may be published', async () => {
    const { page } = await showAt('2026-12-31T23:59:00+08:00', { [PATH]: () => circular('IN_REVIEW') });
    expect(publishButton().disabled).toBe(true);
    expect(publishButton().getAttribute('data-ready')).toBe('false');
    expect(page.get('#publish-hint').text()).toBe('2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布');
    page.unmount();
  });

  it('enables 发布 from 00:00 of the next day once the review has closed, and publishes only after asking', async () => {
    const { page, posts } = await showAt('2027-01-01T00:00:00+08:00', { [PATH]: () => circular('IN_REVIEW'),
      [`POST ${PATH}/publish`]: () => circular('PUBLISHED', { documentNumber: '鄂前政办信〔2027〕1号' }) });
    expect(publishButton().disabled).toBe(false);
    expect(page.get('#publish-hint').text()).toBe('');

    await page.get('#publish-circular').trigger('click');
    expect(currentQuestion.value?.kind).toBe('confirm');
    expect(currentQuestion.value?.message).toContain('发布后数据冻结');
    expect(posts()).toEqual([]);
    currentQuestion.value!.answer(true);
    await flushPromises();
    expect(posts().map((c) => c.path)).toEqual([`${PATH}/publish`]);
    page.unmount();
  });

  it('does not publish when the room cancels the question', async () => {
    const { page, posts } = await showAt('2027-01-02T10:00:00+08:00', { [PATH]: () => circular('IN_REVIEW') });
    await page.get('#publish-circular').trigger('click');
    currentQuestion.value!.answer(false);
    await flushPromises();
    expect(posts()).toEqual([]);
    page.unmount();
  });

  it('tells the room on a draft that its figures are those so far', async () => {
    let { page } = await showAt('2026-12-07T10:00:00+08:00', { [PATH]: () => circular('DRAFT') });
    expect(page.get('#period-note').text()).toContain('2026年第四季度尚未结束');
    // the period in words, never its code (2026-Q4)
    expect(page.get('dl').text()).toContain('期间2026年第四季度');
    expect(page.get('dl').text()).not.toContain('Q4');
    expect(page.get('#period-note').text()).toContain('按最新数据刷新');
    expect(page.find('section[data-group="2"] tr.unit-U007').exists()).toBe(true);
    page.unmount();
    ({ page } = await showAt('2027-01-02T10:00:00+08:00', { [PATH]: () => circular('DRAFT') }));
    expect(page.find('#period-note').exists()).toBe(false);
    page.unmount();
  });
});

describe('answering an objection', () => {
  it('asks for the result and the reply beside their fields before sending, then sends both', async () => {
    const { page, posts } = await showAt('2026-12-15T10:00:00+08:00', {
      [PATH]: () => circular('IN_REVIEW', { objections: [OBJECTION] }),
      [`POST ${PATH}/objections/OBJ-1/resolution`]: () => ({}) });
    expect(page.find('#objections tr.objection-open').text()).toContain('11月采用信息漏计');
    expect(publishButton().disabled).toBe(true);
    await page.get('#objections button[data-resolve="OBJ-1"]').trigger('click');
    await flushPromises();
    const dialog = () => document.querySelector('#resolution-dialog')!;
    (dialog().querySelector('#resolution-submit') as HTMLButtonElement).click();
    await flushPromises();
    expect(dialog().querySelector('#err-resolution')!.textContent).toBe('请选择复核结果');
    expect(dialog().querySelector('#err-reply')!.textContent).toBe('请填写答复意见');
    expect(posts()).toEqual([]);

    (dialog().querySelector('[data-resolution=DISMISSED] input') as HTMLInputElement).click();
    const reply = dialog().querySelector<HTMLTextAreaElement>('#r-reply')!;
    reply.value = '经核实，计入下一季度。';
    reply.dispatchEvent(new Event('input'));
    await flushPromises();
    (dialog().querySelector('#resolution-submit') as HTMLButtonElement).click();
    await flushPromises();
    expect(posts()).toEqual([{ path: `${PATH}/objections/OBJ-1/resolution`,
      body: { resolution: 'DISMISSED', reply: '经核实，计入下一季度。' } }]);
    expect(page.get('#circular-messages').text()).toContain('复核申请已答复');
    page.unmount();
  });
});

describe('a unit in the review', () => {
  it('reads its own figures while the circular is unpublished and sees the service’s refusal beside the reason', async () => {
    session.me = reporter;
    const { page, posts } = await showAt('2026-12-15T10:00:00+08:00', {
      [PATH]: () => refused(403),
      [`${PATH}/my-figures`]: () => ({ circularId: ID, unitId: 'U007', group: 2, line: circular('IN_REVIEW').figures.groups[0].rows[0],
        annex: [], commissions: [], objections: [] }),
      [`POST ${PATH}/objections`]: () => refused(400, [{ field: 'reason', message: '请写明复核理由' }]),
    });
    expect(page.get('h1').text()).toBe('通报复核：2026年第四季度通报（第1版）');
    expect(page.get('#my-figures dd[data-figure="名次"]').text()).toBe('1');
    await page.get('#raise-objection').trigger('click');
    await flushPromises();
    (document.querySelector('#objection-submit') as HTMLButtonElement).click();
    await flushPromises();
    expect(posts().map((c) => c.body)).toEqual([{ reason: '' }]);
    expect(document.querySelector('#objection-dialog #err-reason')!.textContent).toBe('请写明复核理由');
    page.unmount();
  });
});

describe('the circulars as the pages read them', () => {
  const s = (id: string, kind: string, period: string, version: number, status: string): Summary => ({ id, seriesId: id,
    kind, period, version, title: id, documentNumber: null, status, reviewClosesAt: null, publishedAt: null,
    openObjections: 0, updatedAt: '' });
  const list = [s('a', 'QUARTERLY', '2026-Q3', 1, 'SUPERSEDED'), s('b', 'QUARTERLY', '2026-Q3', 2, 'PUBLISHED'),
    s('c', 'ANNUAL', '2025', 1, 'PUBLISHED'), s('d', 'QUARTERLY', '2026-Q4', 1, 'DRAFT')];

  it('keeps what the filters ask for, the newest period and version first', () => {
    expect(filterCirculars(list, { kind: '', status: '', year: '' }).map((c) => c.id)).toEqual(['d', 'b', 'a', 'c']);
    expect(filterCirculars(list, { kind: 'QUARTERLY', status: 'PUBLISHED', year: '' }).map((c) => c.id)).toEqual(['b']);
    expect(filterCirculars(list, { kind: '', status: '', year: '2025' }).map((c) => c.id)).toEqual(['c']);
  });

  it('exports the list in words, never the codes', () => {
    expect(circularSheet([list[1]])[0].slice(0, 5)).toEqual(['b', '季度通报', '2026年第三季度', 2, '已发布']);
  });

  it('makes a quarter’s period a 季度通报 and a year’s a 年度考评', () => {
    expect(kindOfPeriod('2026-Q3')).toBe('QUARTERLY');
    expect(kindOfPeriod('2026')).toBe('ANNUAL');
    expect(draftName('2026-Q3')).toBe('2026年第三季度通报');
    expect(draftName('2026')).toBe('2026年度考评');
  });

  it('looks for a unit’s reviews in this and last quarter and this and last year', () => {
    expect(likelySeries('2027-Q1', '2026-Q4')).toEqual(['QUARTERLY-2027-Q1', 'QUARTERLY-2026-Q4', 'ANNUAL-2027', 'ANNUAL-2026']);
  });

  it('holds 发布 while objections wait, and says when it may change', () => {
    const c = { publishableFrom: undefined, periodNotEnded: undefined, reviewClosesAt: '2026-12-20T02:00:00Z', objections: [OBJECTION] };
    const after = Date.parse('2026-12-21T00:00:00Z');
    expect(publishState(c, after)).toEqual({ ready: false, hint: '还有未答复的复核申请', next: null });
    expect(publishState({ ...c, objections: [] }, after).ready).toBe(true);
    expect(publishState({ ...c, objections: [] }, Date.parse('2026-12-19T00:00:00Z')).next).toBe(Date.parse(c.reviewClosesAt) + 1);
  });
});

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

describe('the policy page', () => {
  beforeEach(() => { vi.setSystemTime(new Date('2026-12-07T10:00:00+08:00')); });

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
