// 报送单位, 制度备案 and 统计分析 as Vue pages: the lists sorted, filtered from the address and paged, the unit's edit
// form with intake's messages beside the fields and a confirmation before a unit leaves, the filing form's own checks,
// the statistics of the period of the address with a 合计 row, and every list's 导出 Excel of all its filtered rows.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { currentQuestion } from '../src/dialogs';
import FilingsPage from '../src/pages/FilingsPage.vue';
import StatisticsPage from '../src/pages/StatisticsPage.vue';
import type { UnitMonthStatistics } from '../src/pages/statisticsFigures';
import { filterUnits, unitSheet, type UnitView } from '../src/pages/unitDirectory';
import UnitsPage from '../src/pages/UnitsPage.vue';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';
import { beijingMonth } from '../src/ui';
import { catchDownloads } from './downloads';
import { gateway, json } from './gateway';

const admin = { username: 'admin', displayName: '管理员', unitId: null, unitName: null, roles: ['admin'] };
const room = { username: 'room-editor', displayName: '王芳', unitId: null, unitName: null, roles: ['info-room'] };
const reporter = { username: 'u007-reporter', displayName: '李明', unitId: 'U007', unitName: '教体局', roles: ['reporter'] };

/** 25 units: U001–U025, the odd ones in 第二组, U003 left in 2026-07. */
const UNITS: UnitView[] = Array.from({ length: 25 }, (_, i) => {
  const id = `U${String(i + 1).padStart(3, '0')}`;
  const group = i % 2 === 0 ? 2 : 3;
  return { unitId: id, name: i === 5 ? '旗发展和改革委员会' : `单位${i + 1}`, group, active: id !== 'U003',
    memberships: [{ group, fromMonth: '2022-07', untilMonth: id === 'U003' ? '2026-07' : null }] };
});
const QUOTAS = { groups: [{ group: 2, quota: 4 }, { group: 3, quota: 2 }] };

async function open(component: unknown, path: string, props: Record<string, unknown> = {}) {
  const router = createPortalRouter(() => '#/inbox', createMemoryHistory());
  await router.push(path);
  // ECharts measures text on a canvas, which jsdom lacks: the chart's own test is the browser journey's
  const page = mount(component as never, { props, global: { plugins: [router], stubs: { EChart: true } }, attachTo: document.body } as never);
  await flushPromises();
  return { page, router };
}

const cells = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('td').map((td) => td.text());

afterEach(() => { vi.unstubAllGlobals(); currentQuestion.value = null; document.body.innerHTML = ''; });

describe('the unit directory', () => {
  beforeEach(() => { session.me = admin; session.unitNames = {}; });
  const units = () => gateway({ '/api/intake/units': () => UNITS, [`/api/intake/quota-progress?month=${beijingMonth()}`]: () => QUOTAS });

  it('narrows by name or 编号 and by the group as it is now', () => {
    expect(filterUnits(UNITS, '发展', '').map((u) => u.unitId)).toEqual(['U006']);
    expect(filterUnits(UNITS, 'u00', '3').map((u) => u.unitId)).toEqual(['U002', 'U004', 'U006', 'U008']);
    expect(unitSheet([UNITS[2]], { 2: 4 })).toEqual([['U003', '单位3', '第二组', 4, '第二组 2022年7月—2026年6月', '已退出']]);
  });

  it('lists 20 units a page by 编号 with the group, quota and spans in Chinese, and filters from the address', async () => {
    units();
    const { page } = await open(UnitsPage, '/units');
    const rows = page.findAll('#unit-table .el-table__body tr');
    expect(rows).toHaveLength(20);
    expect(page.get('#unit-count').text()).toBe('共 25 个单位');
    expect(cells(rows[2]).slice(0, 6)).toEqual(['U003', '单位3', '第二组', '4', '第二组 2022年7月—2026年6月', '已退出']);
    expect(rows[2].classes()).toContain('inactive');
    expect(page.get('.el-pagination__total').text()).toContain('25');
    page.unmount();

    const filtered = await open(UnitsPage, '/units?group=3&name=单位1');
    expect(filtered.page.findAll('#unit-table .el-table__body tr').map((r) => cells(r)[0]))
      .toEqual(['U010', 'U012', 'U014', 'U016', 'U018']);
    // the 修改 link keeps the filters for the way back
    expect(filtered.page.get('a[data-edit=U010]').attributes('href')).toMatch(/\/units\/U010\?name=%E5%8D%95%E4%BD%8D1&group=3$/);
  });

  it('sorts by a column through the address, so reload and 后退 keep the order, and keeps it on the way to 修改', async () => {
    units();
    const { page, router } = await open(UnitsPage, '/units');
    page.getComponent({ name: 'ElTable' }).vm.$emit('sort-change', { prop: 'name', order: 'descending' });
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/units?sort=name&order=desc'));
    page.unmount();

    const sorted = await open(UnitsPage, '/units?group=2&sort=name&order=desc');
    // 单位9 > 单位7 > 单位5 > 单位3 > 单位25 … by name, descending, only 第二组
    expect(sorted.page.findAll('#unit-table .el-table__body tr').slice(0, 4).map((r) => cells(r)[0]))
      .toEqual(['U009', 'U007', 'U005', 'U003']);
    expect(sorted.page.get('a[data-edit=U009]').attributes('href')).toMatch(/\/units\/U009\?group=2&sort=name&order=desc$/);
    sorted.page.getComponent({ name: 'ElTable' }).vm.$emit('sort-change', { prop: 'unitId', order: 'ascending' });
    await vi.waitFor(() => expect(sorted.router.currentRoute.value.fullPath).toBe('/units?group=2'));
  });

  it('puts a typed filter into the address', async () => {
    units();
    const { page, router } = await open(UnitsPage, '/units');
    await page.get('#unit-filter-name').setValue('发展');
    await page.get('#unit-filter-name').trigger('change');
    await flushPromises();
    // the way back to the list is a navigation, which a loaded machine may finish after the first flush
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/units?name=%E5%8F%91%E5%B1%95'));
  });

  it('sends only the new group and its month, then returns to the list, which says what was saved', async () => {
    const calls = gateway({ '/api/intake/units': () => UNITS, 'PUT /api/intake/units/U006': () => ({ ...UNITS[5], group: 2 }) });
    const { page, router } = await open(UnitsPage, '/units/U006?name=发展', { unitId: 'U006' });
    expect(page.get('#unit-form h2').text()).toBe('修改单位 旗发展和改革委员会（U006）');
    expect((page.get('#u-name').element as HTMLInputElement).value).toBe('旗发展和改革委员会');
    page.getComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', '2');
    await page.get('#unit-form').trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ group: 2, fromMonth: beijingMonth() }]);
    // the way back to the list is a navigation, which a loaded machine may finish after the first flush
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/units?name=%E5%8F%91%E5%B1%95'));
    page.unmount();
    const list = await open(UnitsPage, '/units');
    expect(list.page.get('.banner.ok').text()).toBe('已保存 旗发展和改革委员会');
  });

  it('shows every message of intake beside its field', async () => {
    gateway({ '/api/intake/units': () => UNITS, 'PUT /api/intake/units/U006': () => json({ title: '请求有误', status: 400,
      detail: '单位名称不能为空', errors: [{ field: 'name', message: '请填写单位名称' }] }, 400) });
    const { page } = await open(UnitsPage, '/units/U006', { unitId: 'U006' });
    await page.get('#u-name').setValue(' ');
    await page.get('#unit-form').trigger('submit');
    await flushPromises();
    expect(page.get('#unit-form #err-name').text()).toBe('请填写单位名称');
    expect(page.get('#unit-form [data-field=name]').classes()).toContain('invalid');
    expect(page.get('#unit-form .banner.error').text()).toContain('名称：请填写单位名称');
  });

  it('asks before a unit leaves and sends nothing when the administrator cancels', async () => {
    const calls = gateway({ '/api/intake/units': () => UNITS });
    const { page } = await open(UnitsPage, '/units/U006', { unitId: 'U006' });
    await page.get('#u-active').setValue(false);
    await page.get('#unit-form').trigger('submit');
    await flushPromises();
    expect(currentQuestion.value?.title).toBe('退出报送单位');
    expect(currentQuestion.value?.message).toContain('旗发展和改革委员会 从');
    currentQuestion.value!.answer(false);
    await flushPromises();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('exports the filtered units of every page as a workbook', async () => {
    units();
    const saved = catchDownloads();
    const { page } = await open(UnitsPage, '/units?group=2');
    await page.get('#unit-export').trigger('click');
    await vi.dynamicImportSettled();
    expect(saved.names).toEqual(['报送单位.xlsx']);
    const rows = await saved.sheet();
    expect(rows[0]).toEqual(['编号', '名称', '组别', '每月基础条数', '成员期间', '状态']);
    expect(rows.slice(1).map((r) => r[0])).toHaveLength(13);
    saved.restore();
  });

  it('shows the list without the forms to anyone but the administrator', async () => {
    session.me = room;
    units();
    const { page } = await open(UnitsPage, '/units');
    expect(page.find('#new-unit-form').exists()).toBe(false);
    expect(page.find('a[data-edit]').exists()).toBe(false);
  });
});

describe('the filings', () => {
  const year = Number(beijingMonth().substring(0, 4));
  const filing = (unitId: string, unitName: string, status: string, statusLabel: string) => ({ unitId, unitName, group: 2,
    status, statusLabel, title: status.startsWith('FILED') ? '信息工作制度' : null, fileName: null, attachmentId: null,
    filedBy: null, filedAt: status.startsWith('FILED') ? `${year}-08-02T01:00:00Z` : null });
  const OVERVIEW = { year, deadline: `${year}-07-31T15:59:59Z`, filed: 0, filedLate: 1, missing: 1,
    units: [filing('U006', '发改委', 'OVERDUE', '逾期未备案'), filing('U007', '教体局', 'FILED_LATE', '逾期备案')] };

  it('shows the room every unit’s status and the filter of the address', async () => {
    session.me = room;
    const calls = gateway({ [`/api/intake/filings/${year}`]: () => OVERVIEW });
    const { page } = await open(FilingsPage, '/filings');
    expect(calls.map((c) => c.path)).toEqual([`/api/intake/filings/${year}`]);
    expect(page.get('h1').text()).toBe(`${year} 年制度备案`);
    expect(page.get('#filing-table tr.unit-U007 [data-status]').attributes('data-status')).toBe('FILED_LATE');
    expect(page.get('#filing-counts').text()).toContain('逾期备案 1 个，未备案 1 个');
    page.unmount();

    const overdue = await open(FilingsPage, `/filings?year=${year}&status=OVERDUE`);
    expect(overdue.page.findAll('#filing-table .el-table__body tr').map((r) => cells(r)[0])).toEqual(['发改委']);
    expect(overdue.page.get('.tabs button[data-filter=OVERDUE]').attributes('aria-pressed')).toBe('true');
    await overdue.page.get('.tabs button[data-filter=""]').trigger('click');
    await flushPromises();
    await vi.waitFor(() => expect(overdue.router.currentRoute.value.query).toEqual({ year: String(year) }));
  });

  it('checks the title and the file before sending, both at once', async () => {
    session.me = reporter;
    const calls = gateway({ [`/api/intake/filings/${year}/mine`]: () => filing('U007', '教体局', 'OVERDUE', '逾期未备案') });
    const { page } = await open(FilingsPage, '/filings');
    expect(page.get('#my-filing').attributes('data-status')).toBe('OVERDUE');
    await page.get('#filing-form').trigger('submit');
    await flushPromises();
    expect(page.get('#err-title').text()).toBe('请填写制度文件名称');
    expect(page.get('#err-file').text()).toBe('请选择制度文件');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('exports the units of the filter as a workbook named after the year', async () => {
    session.me = room;
    gateway({ [`/api/intake/filings/${year}`]: () => OVERVIEW });
    const saved = catchDownloads();
    const { page } = await open(FilingsPage, '/filings');
    await page.get('#filing-export').trigger('click');
    await vi.dynamicImportSettled();
    expect(saved.names).toEqual([`${year}年制度备案.xlsx`]);
    expect((await saved.sheet()).map((r) => r[2])).toEqual(['状态', '逾期未备案', '逾期备案']);
    saved.restore();
  });
});

describe('the statistics', () => {
  const month = (unitId: string, unitName: string, m: string, received: number): UnitMonthStatistics => ({
    unitId, unitName, group: 2, month: m, receivedItems: received, byCategory: { BRIEF: received }, byTopic: {},
    goodNews: received, problems: 0, balance: 0, timeliness: { itemsWithEventDate: 0, averageDays: null, medianDays: null, maxDays: null },
    adoptedItems: 0, adoptionRate: 0, commissions: { targeted: 0, answered: 0, late: 0, rejected: 0, missed: 0, pending: 0, responseRate: null },
  });
  const ROWS = [month('U006', '发改委', '2026-10', 1), month('U006', '发改委', '2026-11', 3), month('U007', '教体局', '2026-11', 1)];

  it('sums the period of the address per unit, with a 合计 row and the units’ bars', async () => {
    session.me = room;
    session.unitNames = { U006: '发改委', U007: '教体局' };
    const calls = gateway({ '/api/reporting/statistics?period=2026-Q4': () => ROWS });
    const { page } = await open(StatisticsPage, '/statistics?period=2026-Q4');
    expect(calls.map((c) => c.path)).toEqual(['/api/reporting/statistics?period=2026-Q4']);
    expect(page.get('h1').text()).toBe('统计分析 · 全旗 · 2026年第四季度');
    expect(page.get('h1').attributes('data-period')).toBe('2026-Q4');
    expect(page.get('#stat-table tr.unit-U006 td.received').text()).toBe('4');
    expect(page.get('#stat-table .el-table__footer').text()).toContain('合计');
    expect(page.get('#stat-table .el-table__footer td.received').text()).toBe('5');
    expect(page.get('#stat-units').attributes('data-values')).toBe('U006=4;U007=1');
    expect(page.get('#stat-summary [data-stat=received]').text()).toContain('5 条');
  });

  it('shows a unit only its own figures, month by month', async () => {
    session.me = reporter;
    const calls = gateway({ '/api/reporting/statistics?period=2026-Q4&unitId=U007': () => [ROWS[2]] });
    const { page } = await open(StatisticsPage, '/statistics?period=2026-Q4&unitId=U006');
    expect(calls.map((c) => c.path)).toEqual(['/api/reporting/statistics?period=2026-Q4&unitId=U007']);
    expect(page.find('#s-unit').exists()).toBe(false);
    expect(page.findAll('#stat-months .el-table__body tr').map((r) => cells(r)[0])).toEqual(['2026年11月']);
  });

  it('exports the units’ table as a workbook', async () => {
    session.me = room;
    gateway({ '/api/reporting/statistics?period=2026-Q4': () => ROWS });
    const saved = catchDownloads();
    const { page } = await open(StatisticsPage, '/statistics?period=2026-Q4');
    await page.get('#stat-export').trigger('click');
    await vi.dynamicImportSettled();
    expect(saved.names).toEqual(['统计分析 全旗 2026年第四季度.xlsx']);
    expect((await saved.sheet()).slice(0, 2)).toEqual([['单位', '接收', '喜', '忧', '忧占比', '采用', '采用率', '平均时效（天）', '约稿响应'],
      ['发改委', '4', '4', '0', '0%', '0', '0%', '—', '0/0（—）']]);
    saved.restore();
  });
});

describe('the addresses', () => {
  it('gives the units, one unit, the filings and the statistics their Vue pages', () => {
    const router = createPortalRouter(() => '#/inbox', createMemoryHistory());
    expect(router.resolve('/units').name).toBe('units');
    expect(router.resolve('/units/U052').name).toBe('unit');
    expect(router.resolve('/filings?year=2025').name).toBe('filings');
    expect(router.resolve('/statistics?period=2026-Q4').name).toBe('statistics');
  });
});
