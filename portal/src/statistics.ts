// 统计分析: reporting's statistics per unit and month, summed over the chosen period, with SVG charts.
import { get } from './api';
import { barChart, Bar, lineChart } from './charts';
import {
  beijingMonth, CATEGORY, Column, Ctx, dataTable, el, exportButton, guardedShow, hasRole, percent, TOPIC,
} from './ui';

export interface UnitMonthStatistics {
  unitId: string; unitName: string; group: number; month: string; receivedItems: number;
  byCategory: Record<string, number>; byTopic: Record<string, number>; goodNews: number; problems: number;
  balance: number | null;
  timeliness: { itemsWithEventDate: number; averageDays: number | null; medianDays: number | null; maxDays: number | null };
  adoptedItems: number; adoptionRate: number | null;
  commissions: { targeted: number; answered: number; late: number; rejected: number; missed: number; pending: number;
    responseRate: number | null;
    /** scoring's commission bonus lines of the month (每条加10分), absent in older answers */
    bonusItems?: number | null; bonusPoints?: number | null };
}

/** One unit's figures summed over the months of the period; rates recomputed from the sums, not averaged. */
export interface UnitTotals {
  unitId: string; unitName: string; group: number; receivedItems: number; goodNews: number; problems: number;
  balance: number | null; adoptedItems: number; adoptionRate: number | null; averageDays: number | null;
  maxDays: number | null; targeted: number; answered: number; decided: number; responseRate: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function totalsByUnit(rows: UnitMonthStatistics[]): UnitTotals[] {
  const byUnit = new Map<string, UnitMonthStatistics[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  return [...byUnit.values()].map((months) => {
    const sum = (f: (m: UnitMonthStatistics) => number) => months.reduce((s, m) => s + f(m), 0);
    const received = sum((m) => m.receivedItems);
    const good = sum((m) => m.goodNews);
    const problems = sum((m) => m.problems);
    const adopted = sum((m) => m.adoptedItems);
    // the average over the period weighs each month by the items it was taken over
    const dated = sum((m) => m.timeliness?.itemsWithEventDate ?? 0);
    const daySum = sum((m) => (m.timeliness?.averageDays ?? 0) * (m.timeliness?.itemsWithEventDate ?? 0));
    const maxes = months.map((m) => m.timeliness?.maxDays).filter((x): x is number => x !== null && x !== undefined);
    const targeted = sum((m) => m.commissions?.targeted ?? 0);
    const answered = sum((m) => m.commissions?.answered ?? 0);
    const decided = targeted - sum((m) => m.commissions?.pending ?? 0);
    return {
      unitId: months[0].unitId, unitName: months[0].unitName, group: months[0].group, receivedItems: received,
      goodNews: good, problems, balance: ratio(problems, good + problems), adoptedItems: adopted,
      adoptionRate: ratio(adopted, received), averageDays: dated === 0 ? null : Math.round((daySum / dated) * 10) / 10,
      maxDays: maxes.length ? Math.max(...maxes) : null, targeted, answered, decided, responseRate: ratio(answered, decided),
    };
  }).sort((a, b) => b.receivedItems - a.receivedItems || a.unitId.localeCompare(b.unitId));
}

/** Received items per month of the period (every month present in the rows, in order). */
export function monthlyReceived(rows: UnitMonthStatistics[]): Bar[] {
  const months = new Map<string, number>();
  for (const r of [...rows].sort((a, b) => a.month.localeCompare(b.month))) {
    months.set(r.month, (months.get(r.month) ?? 0) + r.receivedItems);
  }
  return [...months].map(([label, value]) => ({ label, value }));
}

/** Counts of a map field (byCategory or byTopic) summed over the rows, labelled in Chinese, largest first. */
export function countBars(rows: UnitMonthStatistics[], pick: (r: UnitMonthStatistics) => Record<string, number>,
                          labels: Record<string, string>): Bar[] {
  const sums = new Map<string, number>();
  for (const r of rows) for (const [k, v] of Object.entries(pick(r) ?? {})) sums.set(k, (sums.get(k) ?? 0) + v);
  return [...sums].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1])
    .map(([k, v]) => ({ label: (labels[k] ?? k).replace(/（.*）$/, ''), value: v, id: k }));
}

export function periodOptions(): string[] {
  const month = beijingMonth();
  const year = month.substring(0, 4);
  const q = Math.floor((Number(month.substring(5)) - 1) / 3) + 1;
  return [month, beijingMonth(-1), `${year}-Q${q}`, year];
}

/** `#/statistics?period=2026-Q4&unitId=U006`. */
export async function statistics(ctx: Ctx, query: URLSearchParams) {
  const show = guardedShow();
  const all = hasRole(ctx, 'info-room', 'viewer', 'admin');
  const period = query.get('period') || periodOptions()[2];
  const unitId = all ? (query.get('unitId') ?? '') : (ctx.me.unitId ?? '');
  const form = el('form', { className: 'filters', id: 'stat-filters' },
    el('input', { name: 'period', id: 's-period', 'aria-label': '期间', value: period, size: 10, list: 's-periods',
      title: '月 2026-07、季度 2026-Q3 或年 2026' }),
    el('datalist', { id: 's-periods' }, ...periodOptions().map((p) => el('option', { value: p }))),
    all ? el('select', { name: 'unitId', id: 's-unit', 'aria-label': '单位' }, el('option', { value: '' }, '全部单位'),
      ...Object.entries(ctx.unitNames).map(([id, n]) => el('option', { value: id, selected: id === unitId }, n))) : null,
    el('button', { type: 'submit', className: 'primary' }, '查看'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    const q = new URLSearchParams({ period: String(d.get('period') ?? '').trim() });
    if (all && d.get('unitId')) q.set('unitId', String(d.get('unitId')));
    location.hash = `#/statistics?${q}`;
  });
  const q = new URLSearchParams({ period });
  if (unitId) q.set('unitId', unitId);
  const rows = await get<UnitMonthStatistics[]>(`/api/reporting/statistics?${q}`);
  const totals = totalsByUnit(rows);
  const sum = totalsByUnit(rows.map((r) => ({ ...r, unitId: '*', unitName: '合计' })))[0];
  const who = unitId ? (ctx.unitNames[unitId] ?? unitId) : '全旗';
  const cards = sum ? el('div', { className: 'cards', id: 'stat-summary' },
    card('接收信息', `${sum.receivedItems} 条`, 'received'),
    card('喜忧兼报', `喜 ${sum.goodNews} · 忧 ${sum.problems}（忧占 ${percent(sum.balance)}）`, 'balance'),
    card('采用率', `${percent(sum.adoptionRate)}（${sum.adoptedItems} 条被采用或转报）`, 'adoption'),
    card('时效', sum.averageDays === null ? '—' : `平均 ${sum.averageDays} 天，最长 ${sum.maxDays ?? '—'} 天`, 'timeliness'),
    card('约稿响应', `${percent(sum.responseRate)}（${sum.answered}/${sum.decided}）`, 'commissions')) : null;
  const columns: Column<UnitTotals>[] = [
    ['单位', (t) => t.unitName ?? t.unitId], ['接收', (t) => t.receivedItems, 'received'], ['喜', (t) => t.goodNews],
    ['忧', (t) => t.problems], ['忧占比', (t) => percent(t.balance)], ['采用', (t) => t.adoptedItems],
    ['采用率', (t) => percent(t.adoptionRate)], ['平均时效（天）', (t) => t.averageDays ?? '—'],
    ['约稿响应', (t) => `${t.answered}/${t.decided}（${percent(t.responseRate)}）`],
  ];
  const monthly = monthlyReceived(rows);
  show(el('h1', {}, `统计分析 · ${who} · ${period}`), form,
    rows.length === 0 ? el('p', { className: 'muted' }, '该期间暂无统计数据。') : el('div', { id: 'stat-result' },
      cards,
      el('section', { className: 'card' }, el('h2', {}, '每月接收信息'),
        el('div', { className: 'chart', id: 'stat-monthly' }, monthly.length > 1 ? lineChart(monthly, '每月接收信息走势图') : barChart(monthly, '每月接收信息柱状图', false))),
      el('section', { className: 'card' }, el('h2', {}, '类别'),
        el('div', { className: 'chart', id: 'stat-category' }, barChart(countBars(rows, (r) => r.byCategory, CATEGORY), '类别柱状图', false))),
      el('section', { className: 'card' }, el('h2', {}, '报送重点'),
        el('div', { className: 'chart', id: 'stat-topic' }, barChart(countBars(rows, (r) => r.byTopic, TOPIC), '报送重点柱状图', false))),
      !unitId ? el('section', { className: 'card' }, el('h2', {}, '各单位接收信息'),
        el('div', { className: 'chart', id: 'stat-units' },
          barChart(totals.filter((t) => t.receivedItems > 0).slice(0, 20)
            .map((t) => ({ label: t.unitName ?? t.unitId, value: t.receivedItems, id: t.unitId })), '各单位接收信息柱状图'),
          el('p', { className: 'muted' }, '只列出有接收信息的单位（最多 20 个）；全部单位见下表。'))) : null,
      unitId ? el('section', { className: 'card' }, el('h2', {}, '逐月统计'),
        dataTable<UnitMonthStatistics>([
          ['月份', (m) => m.month], ['接收', (m) => m.receivedItems], ['喜', (m) => m.goodNews], ['忧', (m) => m.problems],
          ['采用率', (m) => percent(m.adoptionRate)], ['平均时效（天）', (m) => m.timeliness?.averageDays ?? '—'],
          ['约稿响应', (m) => `${m.commissions?.answered ?? 0}/${(m.commissions?.targeted ?? 0) - (m.commissions?.pending ?? 0)}（${percent(m.commissions?.responseRate)}）`],
        ], [...rows].sort((a, b) => a.month.localeCompare(b.month)), (m) => ({ 'data-month': m.month }), { id: 'stat-months' })) : null,
      el('section', { className: 'card' }, el('h2', {}, '各单位统计'),
        exportButton(`统计分析 ${who} ${period}`, () => document.querySelector<HTMLTableElement>('#stat-table')),
        dataTable(columns, totals, (t) => ({ 'data-unit': t.unitId }), { id: 'stat-table' }))));
}

function card(title: string, value: string, key: string) {
  return el('section', { className: 'card', 'data-stat': key }, el('h2', {}, title), el('p', {}, value));
}
