// 积分排名 for leaders and viewers: a group's ranking for a month, quarter or year, and one unit's six-month trend.
import { describe, get, Problem } from './api';
import { barChart, lineChart } from './charts';
import { GROUPS, banner, beijingMonth, el, fmtTime, guardedShow, options } from './ui';

export async function rankings() {
  const show = guardedShow();
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const form = el('form', { className: 'filters', id: 'ranking-filters' },
    el('select', { name: 'group', id: 'r-group', 'aria-label': '组别' }, ...options(GROUPS, params.get('group') ?? '2')),
    el('input', { name: 'period', id: 'r-period', 'aria-label': '期间', value: params.get('period') ?? beijingMonth(), size: 10,
      title: '月 2026-07、季度 2026-Q3 或年 2026' }),
    el('button', { type: 'submit', className: 'primary' }, '查看'));
  const out = el('div', { id: 'ranking' });
  const trend = el('section', { className: 'card', id: 'trend' });
  const load = async () => {
    const d = new FormData(form);
    const group = String(d.get('group')); const period = String(d.get('period')).trim();
    out.replaceChildren(el('p', { className: 'muted' }, '加载中……'));
    out.removeAttribute('data-loaded');
    try {
      const r = await get<any>(`/api/reporting/rankings?group=${group}&period=${encodeURIComponent(period)}`);
      out.replaceChildren(
        el('h2', {}, `${r.groupName ?? GROUPS[group]} · ${r.period} 积分排名`),
        el('div', { className: 'chart', id: 'ranking-chart' }, barChart(r.rows.map((x: any) => ({ label: x.unitName ?? x.unitId, value: x.points, id: x.unitId })))),
        el('table', { className: 'list', id: 'ranking-table' }, el('thead', {}, el('tr', {}, ...['名次', '单位', '总分', '报送', '转报', '采用批示', '约稿', '扣分', '接收条数'].map((h) => el('th', {}, h)))),
          el('tbody', {}, ...r.rows.map((x: any) => el('tr', { 'data-unit': x.unitId },
            el('td', { 'data-label': '名次' }, x.rank),
            el('td', { 'data-label': '单位' }, el('a', { href: '#', onclick: (ev: Event) => { ev.preventDefault(); showTrend(x.unitId, x.unitName, Number(group)); } }, x.unitName ?? x.unitId)),
            el('td', { 'data-label': '总分', className: 'points' }, x.points), el('td', { 'data-label': '报送', className: 'submission' }, x.submissionPoints),
            el('td', { 'data-label': '转报' }, x.forwardPoints), el('td', { 'data-label': '采用批示', className: 'adoption' }, x.adoptionPoints),
            el('td', { 'data-label': '约稿', className: 'commission' }, x.commissionPoints), el('td', { 'data-label': '扣分' }, x.deductionPoints),
            el('td', { 'data-label': '接收条数' }, `${x.receivedItems}/${x.quota}`))))),
        el('p', { className: 'muted' }, `计算时间 ${fmtTime(r.computedAt)} · 版本 ${r.snapshotVersion}`));
    } catch (e) {
      out.replaceChildren(e instanceof Problem && e.status === 404 ? el('p', { className: 'muted' }, e.detail) : banner(describe(e)));
    }
    out.setAttribute('data-loaded', 'true');
  };
  const showTrend = async (unitId: string, unitName: string, group: number) => {
    trend.replaceChildren(el('h2', {}, `${unitName} 近六个月积分走势`), el('p', { className: 'muted' }, '加载中……'));
    const months = [-5, -4, -3, -2, -1, 0].map(beijingMonth);
    const points = await Promise.all(months.map((m) => get<any>(`/api/reporting/rankings?group=${group}&period=${m}`)
      .then((r) => r.rows.find((x: any) => x.unitId === unitId)?.points ?? 0).catch(() => 0)));
    trend.replaceChildren(el('h2', {}, `${unitName} 近六个月积分走势`), lineChart(months.map((m, i) => ({ label: m, value: points[i] }))));
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  show(el('h1', {}, '积分排名'), form, out, trend);
  await load();
}
