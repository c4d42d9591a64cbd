// Issue 19's commission pages: one commission with every unit's answers and the room's judging, the statistics with
// 导出, and a unit's notices with their unread count (read-marks in this browser).
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { currentQuestion } from '../src/dialogs';
import { defaultPageFor, menuFor } from '../src/routes';
import CommissionPage from '../src/pages/CommissionPage.vue';
import CommissionStatistics from '../src/pages/CommissionStatistics.vue';
import { noticesOf, periodText, quarterRange, reminderKind, statisticsSheet, type Tally } from '../src/pages/commissionFigures';
import NoticesPage from '../src/pages/NoticesPage.vue';
import NoticeBell from '../src/shell/NoticeBell.vue';
import { markRead, noticeState, pollNotices, refreshNotices, unreadCount } from '../src/shell/notices';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';
import { catchDownloads } from './downloads';
import { gateway, json } from './gateway';


const room = { username: 'room-editor', displayName: '王芳', unitId: null, unitName: null, roles: ['info-room'] };
const reporter = { username: 'u006-reporter', displayName: '李明', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };

afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers(); localStorage.clear(); });

describe('the figures of the commission pages', () => {
  it('takes a quarter by the Beijing date, also across the turn of the year', () => {
    expect(quarterRange('2026-11-15')).toEqual(['2026-10-01', '2026-12-31']);
    expect(quarterRange('2026-02-01', -1)).toEqual(['2025-10-01', '2025-12-31']);
    expect(quarterRange('2024-01-10')).toEqual(['2024-01-01', '2024-03-31']);
    expect(periodText('2026-10-01', '2026-12-31')).toBe('2026年10月01日至2026年12月31日');
  });

  it('writes the statistics as a sheet: Chinese headers, the unit by name, the figures as numbers', () => {
    const t: Tally = { unitId: 'U006', unitName: '发改委, 统计局', received: 3, answeredOnTime: 1, answeredLate: 1,
      accepted: 1, rejected: 0, awaitingJudgement: 1, missed: 1, bonusEarned: 2 };
    const sheet = statisticsSheet([t], (x) => x.unitName!);
    expect(sheet.header).toEqual(['单位', '约稿数', '已报送', '按时报送', '逾期报送', '采纳', '未采纳', '待审核', '逾期未报', '加分条数']);
    expect(sheet.rows).toEqual([['发改委, 统计局', 3, 2, 1, 1, 1, 0, 1, 1, 2]]);
  });

  it('tells each notice in Chinese, newest first, never the service code', () => {
    const notices = noticesOf(
      [{ id: 'CMS-1', title: '营商环境', deadlineDisplay: '2026年12月31日 17:00', issuedAt: '2026-12-01T01:00:00Z' }],
      [{ commissionId: 'CMS-0', title: '乡村振兴', unitId: 'U006', kind: 'OVERDUE', postedAt: '2026-12-02T01:00:00Z',
        subject: '【约稿逾期】乡村振兴', message: '发改委：约稿《乡村振兴》已截止' }]);
    expect(notices.map((n) => [n.kind, n.text, n.href])).toEqual([
      ['逾期催报', '【约稿逾期】乡村振兴', '#/commissions/CMS-0'],
      ['约稿通知', '新约稿：营商环境', '#/commissions/CMS-1']]);
    expect(notices[1].detail).toBe('截止时间：2026年12月31日 17:00（北京时间）');
    expect([reminderKind('BEFORE_3D'), reminderKind('BEFORE_1D'), reminderKind('X')])
      .toEqual(['截止前3天提醒', '截止前1天提醒', '约稿提醒']);
  });
});

describe('the routes and menu of the commission pages', () => {
  const router = () => createPortalRouter(() => '#/inbox', createMemoryHistory());
  it('gives the list, statistics, one commission and the notices their own Vue pages', () => {
    expect(router().resolve('/commissions/statistics').name).toBe('commission-statistics');
    expect(router().resolve('/commissions/CMS-2026-0003').name).toBe('commission');
    expect(router().resolve('/commissions/CMS-2026-0003').params.id).toBe('CMS-2026-0003');
    expect(router().resolve('/notices').name).toBe('notices');
    expect(router().resolve('/commissions').name).toBe('commissions');
  });

  it('offers 约稿统计 to the room, viewers and administrators, not to a unit', () => {
    for (const role of ['info-room', 'viewer', 'admin']) {
      expect(menuFor([role]).map(([h]) => h), role).toContain('#/commissions/statistics');
    }
    expect(menuFor(['reporter']).map(([h]) => h)).not.toContain('#/commissions/statistics');
    expect(defaultPageFor(['viewer'])).toBe('#/home');
  });
});

const COMMISSION = {
  id: 'CMS-7', title: '营商环境典型经验', requirements: '报送一篇调研报告，须附典型案例。', deadline: '2026-12-31T17:00',
  deadlineDisplay: '2026年12月31日 17:00', deadlineAt: '2026-12-31T09:00:59.999999999Z', deadlinePassed: false,
  issuedBy: 'room-editor', issuedAt: '2026-12-01T02:00:00Z', targets: [
    { unitId: 'U006', unitName: '发改委', status: '按时报送，待审核', open: false, answers: [
      { itemId: 'ITEM-1', revision: 1, submittedAt: '2026-12-02T02:30:00Z', onTime: true, received: true,
        judgeable: true, status: '待审核', reason: null }] },
    { unitId: 'U007', unitName: '教体局', status: '逾期报送，未采纳：未附典型案例', open: false, answers: [
      { itemId: 'ITEM-2', revision: 2, submittedAt: '2027-01-01T02:30:00Z', onTime: false, received: true,
        judgeable: false, status: '未采纳', reason: '未附典型案例', bonus: '积分待计算' }] },
    { unitId: 'U037', unitName: '营商环境促进中心', status: '待报送', open: true, answers: [] }],
};

describe('one commission', () => {
  beforeEach(() => { session.me = room; session.unitNames = {}; });

  const mountPage = async () => {
    const page = mount(CommissionPage, { props: { id: 'CMS-7' }, attachTo: document.body });
    await flushPromises();
    return page;
  };

  it('shows what was asked, by when in Beijing time, of whom, each answer with its title and judgement, and who has not answered', async () => {
    gateway({ '/api/commission/commissions/CMS-7': () => COMMISSION,
      '/api/intake/items/ITEM-1': () => ({ id: 'ITEM-1', content: { title: '发改委优化营商环境的做法' } }) });
    const page = await mountPage();
    expect(page.get('h1').text()).toBe('营商环境典型经验');
    expect(page.get('#commission-deadline').text()).toBe('2026年12月31日 17:00（北京时间）');
    expect(page.get('#commission-units').text()).toBe('发改委、教体局、营商环境促进中心');
    const first = page.get('.answer[data-item=ITEM-1]');
    expect(first.get('a').attributes('href')).toBe('#/items/ITEM-1');
    expect(first.get('a').text()).toBe('发改委优化营商环境的做法');
    expect(first.text()).toContain('2026/12/2 10:30:00');
    expect(first.get('.on-time').text()).toBe('按时');
    const late = page.get('.answer[data-item=ITEM-2]');
    // the title intake did not give: the link still leads to the item
    expect(late.get('a').text()).toBe('查看稿件');
    expect(late.get('.on-time').text()).toBe('逾期');
    expect(late.get('.judgement').text()).toContain('未采纳：未附典型案例');
    expect(late.find('.judge-accept').exists()).toBe(false);
    expect(page.get('.target[data-unit=U007] .target-status').text()).toBe('逾期报送，未采纳：未附典型案例');
    expect(page.get('#not-answered').text()).toBe('营商环境促进中心：待报送');
    page.unmount();
  });

  it('lets the room accept an answer and shows the commission as the service then answers it', async () => {
    let judged = false;
    const calls = gateway({
      '/api/commission/commissions/CMS-7': () => (judged ? { ...COMMISSION, targets: [{ ...COMMISSION.targets[0],
        status: '按时报送，已采纳', answers: [{ ...COMMISSION.targets[0].answers[0], judgeable: false, status: '已采纳' }] },
      ...COMMISSION.targets.slice(1)] } : COMMISSION),
      'POST /api/commission/commissions/CMS-7/answers/ITEM-1/judgement': () => { judged = true; return {}; } });
    const page = await mountPage();
    await page.get('.answer[data-item=ITEM-1] .judge-accept').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ accepted: true, reason: null });
    expect(page.get('[role=status]').text()).toBe('已认可该约稿稿件。');
    expect(page.get('.answer[data-item=ITEM-1]').attributes('data-status')).toBe('已采纳');
    expect(page.find('.answer[data-item=ITEM-1] .judge-accept').exists()).toBe(false);
    page.unmount();
  });

  it('asks the reason of a 不认可, sends nothing when the room cancels, and sends the reason it gives', async () => {
    const calls = gateway({ '/api/commission/commissions/CMS-7': () => COMMISSION,
      'POST /api/commission/commissions/CMS-7/answers/ITEM-1/judgement': () => ({}) });
    const page = await mountPage();
    await page.get('.answer[data-item=ITEM-1] .judge-reject').trigger('click');
    expect(currentQuestion.value?.title).toBe('不认可的理由');
    currentQuestion.value!.answer(null);
    await flushPromises();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await page.get('.answer[data-item=ITEM-1] .judge-reject').trigger('click');
    currentQuestion.value!.answer('未附典型案例');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ accepted: false, reason: '未附典型案例' });
    expect(page.get('[role=status]').text()).toBe('已记录不认可及理由。');
    page.unmount();
  });

  it('offers no judging to a unit and says so when the commission was not sent to it', async () => {
    session.me = reporter;
    gateway({ '/api/commission/commissions/CMS-7': () => json({ title: '未找到', detail: '约稿不存在：CMS-7', status: 404 }, 404) });
    const page = await mountPage();
    expect(page.get('[role=alert]').text()).toContain('约稿不存在');
    expect(page.find('.judge-accept').exists()).toBe(false);
    page.unmount();
  });
});

describe('the commission statistics', () => {
  beforeEach(() => { session.me = room; session.unitNames = { U007: '教体局' }; });
  const UNITS: Tally[] = [
    { unitId: 'U006', unitName: '发改委', received: 2, answeredOnTime: 1, answeredLate: 0, accepted: 1, rejected: 0,
      awaitingJudgement: 0, missed: 1, bonusEarned: 1 },
    { unitId: 'U007', unitName: null, received: 3, answeredOnTime: 2, answeredLate: 1, accepted: 1, rejected: 1,
      awaitingJudgement: 1, missed: 0, bonusEarned: 1 }];

  async function open(path: string) {
    const router = createPortalRouter(() => '#/inbox', createMemoryHistory());
    await router.push(path);
    const page = mount(CommissionStatistics, { global: { plugins: [router] }, attachTo: document.body });
    await flushPromises();
    return { page, router };
  }

  it('asks for the period of the address and shows each unit by name with its figures and a 合计 row', async () => {
    const calls = gateway({ '/api/commission/statistics?from=2026-10-01&to=2026-12-31': () =>
      ({ from: '2026-10-01', to: '2026-12-31', basis: '按截止日期（北京时间）统计', units: UNITS }) });
    const { page } = await open('/commissions/statistics?from=2026-10-01&to=2026-12-31');
    expect(calls.map((c) => c.path)).toEqual(['/api/commission/statistics?from=2026-10-01&to=2026-12-31']);
    expect(page.get('#stats-basis').text()).toContain('2026年10月01日至2026年12月31日截止的约稿');
    const rows = page.findAll('#commission-stats .el-table__body tr');
    // sorted by 约稿数, most first
    expect(rows.map((r) => r.find('td').text())).toEqual(['教体局', '发改委']);
    expect(rows[0].findAll('td').map((td) => td.text())).toEqual(['教体局', '3', '3', '2', '1', '1', '1', '1', '0', '1']);
    expect(page.get('#commission-stats .el-table__footer').text().replace(/\s+/g, ' ')).toContain('合计');
    page.unmount();
  });

  it('exports what the table shows as a workbook with a Chinese name', async () => {
    gateway({ '/api/commission/statistics?from=2026-10-01&to=2026-12-31': () =>
      ({ from: '2026-10-01', to: '2026-12-31', basis: '按截止日期（北京时间）统计', units: UNITS }) });
    const saved = catchDownloads();
    const { page } = await open('/commissions/statistics?from=2026-10-01&to=2026-12-31');
    await page.get('#stats-export').trigger('click');
    await vi.dynamicImportSettled();
    expect(saved.names).toEqual(['约稿统计（2026年10月01日至2026年12月31日）.xlsx']);
    const rows = await saved.sheet();
    expect(rows[0].slice(0, 2)).toEqual(['单位', '约稿数']);
    expect(rows).toContainEqual(['教体局', '3', '3', '2', '1', '1', '1', '1', '0', '1']);
    saved.restore();
    page.unmount();
  });

  it('opens on the current Beijing quarter when the address names no period', async () => {
    const calls = gateway({});
    const { page } = await open('/commissions/statistics');
    const [from, to] = quarterRange(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    expect(calls[0].path).toBe(`/api/commission/statistics?from=${from}&to=${to}`);
    page.unmount();
  });
});

describe('a unit\'s notices', () => {
  const open = [{ id: 'CMS-9', title: '营商环境', deadlineDisplay: '2026年12月31日 17:00', issuedAt: '2026-12-01T01:00:00Z' }];
  const reminders = [{ commissionId: 'CMS-8', title: '乡村振兴', unitId: 'U006', kind: 'BEFORE_1D',
    postedAt: '2026-12-02T01:00:00Z', subject: '【约稿提醒】乡村振兴', message: '发改委：约稿《乡村振兴》将于……截止' }];
  beforeEach(() => {
    session.me = reporter;
    noticeState.notices = []; noticeState.read = []; noticeState.loaded = false; noticeState.itemUnread = 0;
    gateway({ '/api/commission/commissions?scope=open': () => open, '/api/commission/notices': () => reminders,
      '/api/intake/notices?limit=50': () => ({ notices: [], unread: 0 }) });
  });

  it('counts the unread in the header, and a notice read stays read in this browser', async () => {
    const bell = mount(NoticeBell);
    await flushPromises();
    expect(bell.get('#notice-bell').attributes('data-unread')).toBe('2');
    expect(bell.get('#notice-bell').attributes('aria-label')).toBe('提醒（2条未读）');
    expect(bell.get('.el-badge__content').text()).toBe('2');
    markRead(['new:CMS-9']);
    await flushPromises();
    expect(bell.get('#notice-bell').attributes('data-unread')).toBe('1');
    bell.unmount();
    noticeState.read = [];
    await refreshNotices();
    expect(unreadCount.value).toBe(1);
  });

  it('lists each notice in Chinese with a link to its commission, and 全部标为已读 clears the count', async () => {
    const page = mount(NoticesPage);
    await flushPromises();
    const items = page.findAll('#notice-list li');
    expect(items.map((li) => li.get('a').attributes('href'))).toEqual(['#/commissions/CMS-8', '#/commissions/CMS-9']);
    expect(items[0].text()).toContain('截止前1天提醒');
    expect(items[0].text()).toContain('未读');
    expect(items[1].text()).toContain('新约稿：营商环境');
    await items[1].get('a').trigger('click');
    expect(page.get('[data-notice="new:CMS-9"]').attributes('data-read')).toBe('true');
    await page.get('#notices-read-all').trigger('click');
    expect(unreadCount.value).toBe(0);
    expect(page.findAll('.unread-mark')).toHaveLength(0);
    page.unmount();
  });

  it('asks every minute while the tab is shown and not while it is hidden', async () => {
    vi.useFakeTimers();
    let state: DocumentVisibilityState = 'visible';
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    const fetch = globalThis.fetch as ReturnType<typeof vi.fn>;
    const stop = pollNotices(60_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(6);
    state = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(180_000);
    expect(fetch).toHaveBeenCalledTimes(6);
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fetch).toHaveBeenCalledTimes(9);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetch).toHaveBeenCalledTimes(9);
    visibility.mockRestore();
  });

  it('is not shown to the room, whose pages list every unit', () => {
    session.me = room;
    const page = mount(NoticesPage);
    expect(page.text()).toContain('站内提醒发给报送单位的信息员和领导');
    expect(page.find('#notice-list').exists()).toBe(false);
  });
});
