// 任务与积分 (#/overview), 全旗任务进度 (#/progress) and 约稿任务 (#/commissions) as Vue pages: the same addresses,
// the same figures and actions as the legacy pages had, the lists sortable and exported whole.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { currentQuestion } from '../src/dialogs';
import CommissionsPage from '../src/pages/CommissionsPage.vue';
import OverviewPage from '../src/pages/OverviewPage.vue';
import ProgressPage from '../src/pages/ProgressPage.vue';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';
import { readXlsx } from '../src/sheets';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });

let calls: { method: string; path: string; body?: any }[] = [];
function gateway(routes: Record<string, () => unknown>) {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = routes[`${method} ${path}`] ?? routes[path];
    if (!answer) return json({ title: '未找到', status: 404, detail: '本期尚无积分' }, 404);
    const body = answer();
    return body instanceof Response ? body : json(body);
  }));
}

/** The workbooks 导出 Excel made, read back. */
function capturedSheets() {
  const made: Blob[] = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => { made.push(b); return 'blob:x'; },
    revokeObjectURL: () => undefined }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const bytes = (b: Blob) => new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(b);
  });
  return async () => Promise.all(made.map(async (b) => readXlsx(new Uint8Array(await bytes(b)))));
}

const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).substring(0, 7);
const progress = {
  month, quotaNote: null,
  groups: [{ group: 1, quota: 3, units: 2, unitsOnQuota: 1, received: 4 }],
  units: [
    { unitId: 'U006', unitName: '发改委', group: 1, received: 1, quota: 3, shortfall: 2 },
    { unitId: 'U007', unitName: '财政局', group: 1, received: 3, quota: 3, shortfall: 0 },
  ],
};

beforeEach(() => {
  session.unitNames = { U006: '发改委', U007: '财政局' };
});
afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

describe('the ported pages keep their addresses', () => {
  it('#/overview, #/progress and #/commissions are Vue pages on their old addresses', () => {
    const router = createPortalRouter(() => '#/home', createMemoryHistory());
    for (const name of ['overview', 'progress', 'commissions']) {
      expect(router.resolve(`/${name}`).name).toBe(name);
      expect(router.resolve(`/${name}`).matched[0].components?.default).not.toBe(undefined);
    }
  });
});

describe('任务与积分', () => {
  it('shows the unit\'s quota, its open commissions and its points, each from its own service', async () => {
    session.me = { username: 'u006-reporter', displayName: '李明', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };
    gateway({
      [`/api/intake/quota-progress?month=${month}`]: () => progress,
      '/api/commission/commissions?scope=open': () => [{ id: 'CMS-1', title: '营商环境', deadlineDisplay: '2026年12月31日 17:00',
        deadlineAt: '2026-12-31T09:00:00Z', requirements: '附典型案例' }],
      [`/api/scoring/units/U006/score?period=${month}`]: () => ({ points: 12, submissionPoints: 8, forwardPoints: 2,
        adoptionPoints: 0, commissionPoints: 10, deductionPoints: -8, entries: [{ date: '12-01', explanation: '报送被接收', points: 2 }] }),
    });
    const page = mount(OverviewPage);
    await flushPromises();
    expect(page.get('#quota').text()).toContain('已被接收 1 条 / 基础条数 3 条，还差 2 条');
    expect(page.get('#quota progress').attributes('value')).toBe('33');
    expect(page.get('#my-commissions a').attributes('href')).toBe('#/commissions/CMS-1');
    expect(page.get('#my-commissions').text()).toContain('2026年12月31日 17:00');
    expect(page.get('#score-breakdown').attributes('data-commission')).toBe('10');
    expect(page.get('#score-breakdown').text()).toContain('约稿 10');
    expect(page.get('#my-score').text()).toContain('报送被接收 （+2）');
    page.unmount();
  });

  it('says the period has no points yet rather than an error', async () => {
    session.me = { username: 'u006-reporter', displayName: '李明', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };
    gateway({ [`/api/intake/quota-progress?month=${month}`]: () => progress, '/api/commission/commissions?scope=open': () => [] });
    const page = mount(OverviewPage);
    await flushPromises();
    expect(page.get('#my-score').text()).toContain('本期尚无积分。');
    expect(page.get('#my-commissions').text()).toContain('目前没有待完成的约稿任务。');
    page.unmount();
  });
});

describe('全旗任务进度', () => {
  it('lists every unit against its quota, sorts by the shortfall and exports the whole table', async () => {
    gateway({ [`/api/intake/quota-progress?month=${month}`]: () => progress });
    const sheets = capturedSheets();
    const page = mount(ProgressPage);
    await flushPromises();
    expect(page.get('.card').text()).toContain('1/2 个单位已完成，共接收 4 条');
    const names = () => page.findAll('#progress-table tbody tr td.unit').map((td) => td.text());
    expect(names()).toEqual(['发改委', '财政局']);
    await page.get('#progress-table th.shortfall').trigger('click');
    await flushPromises();
    expect(names()).toEqual(['财政局', '发改委']);
    await page.get('#progress-export').trigger('click');
    const [rows] = await sheets();
    expect(rows).toEqual([['单位', '组别', '已接收', '基础条数', '差额'], ['发改委', '第一组', '1', '3', '2'],
      ['财政局', '第一组', '3', '3', '0']]);
    page.unmount();
  });
});

describe('约稿任务', () => {
  const list = [{ id: 'CMS-2', title: '营商环境', deadlineDisplay: '2026年12月31日 17:00', deadlineAt: '2026-12-31T09:00:00Z',
    targets: [
      { unitId: 'U006', status: '按时报送，待审核', answers: [{ itemId: 'ITEM-1', revision: 1, submittedAt: '2026-12-02T01:00:00Z',
        onTime: true, judgeable: true, status: '待审核' }] },
      { unitId: 'U007', status: '待报送', answers: [] }] }];

  beforeEach(() => {
    session.me = { username: 'room-editor', displayName: '王芳', unitId: null, unitName: null, roles: ['info-room'] };
    gateway({
      '/api/commission/commissions?scope=all': () => list,
      'POST /api/commission/commissions/CMS-2/answers/ITEM-1/judgement': () => ({}),
      'POST /api/commission/commissions': () => json({ title: '请求有误', status: 400, detail: '请检查填写的内容',
        errors: [{ field: 'title', message: '请填写题目' }, { field: 'deadline', message: '截止时间须晚于现在' }] }, 400),
    });
  });

  it('shows each unit\'s state and answers, and judges with a reason asked in the dialog', async () => {
    const page = mount(CommissionsPage);
    await flushPromises();
    const row = page.get('#commission-list tr.commission-CMS-2');
    expect(row.get('a.commission-link').attributes('data-commission')).toBe('CMS-2');
    expect(row.get('.target[data-unit=U007] .target-status').text()).toBe('待报送');
    expect(row.get('.target[data-unit=U006]').text()).toContain('发改委：');
    await row.get('.answer[data-item=ITEM-1] .judge-reject').trigger('click');
    expect(currentQuestion.value?.title).toBe('不认可的理由');
    currentQuestion.value!.answer('未附典型案例');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ accepted: false, reason: '未附典型案例' });
    expect(page.get('.banner.ok').text()).toBe('已记录不认可及理由。');
    page.unmount();
  });

  it('shows every refusal of the form beside its field', async () => {
    const page = mount(CommissionsPage);
    await flushPromises();
    await page.get('#commission-form').trigger('submit');
    await flushPromises();
    expect(page.get('#err-title').text()).toBe('请填写题目');
    expect(page.get('#err-deadline').text()).toBe('截止时间须晚于现在');
    page.unmount();
  });

  it('exports every commission with each unit as a row', async () => {
    const sheets = capturedSheets();
    const page = mount(CommissionsPage);
    await flushPromises();
    await page.get('#commissions-export').trigger('click');
    const [rows] = await sheets();
    expect(rows[0]).toEqual(['题目', '截止（北京时间）', '约稿单位', '状态', '回复']);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([['营商环境', '2026年12月31日 17:00', '发改委', '按时报送，待审核'],
      ['营商环境', '2026年12月31日 17:00', '财政局', '待报送']]);
    page.unmount();
  });
});
