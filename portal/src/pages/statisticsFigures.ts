// 统计分析 without the browser: reporting's statistics per unit and month summed over the chosen period (rates
// recomputed from the sums), the counts the charts draw, the charts' ECharts options and the table as a workbook.
import type { Cell } from '../sheets';
import { percent } from '../ui';

/** One bar or point of a chart; `id` names the unit a bar stands for. */
export interface Bar { label: string; value: number; id?: string }

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

const BLUE = '#1f4e8c';

/** Horizontal bars, largest first from the top, each with its value; `data-values` reads them back (journeys). */
export function barOption(bars: Bar[]) {
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 12, color: '#333' } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false },
      axisLabel: { fontSize: 13, color: '#1c1c1c', width: 150, overflow: 'truncate', ellipsis: '…' } },
    series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: BLUE }, data: bars.map((b) => b.value),
      label: { show: true, position: 'right', fontSize: 12, color: '#1c1c1c' } }],
  };
}

/** Room for each bar: the chart grows with the bars, never squeezed. */
export const barHeight = (bars: number) => 40 + Math.max(1, bars) * 30;

/** What a bar chart draws, bar by bar: `U006=4;U007=1` (by `id`, else by label). */
export function drawnBars(bars: Bar[]): string {
  return bars.map((b) => `${b.id ?? b.label}=${b.value}`).join(';');
}

/** The chart in words, for screen readers (the SVG itself is not read). */
export function barsText(title: string, bars: Bar[]): string {
  return bars.length === 0 ? `${title}：暂无数据` : `${title}：${bars.map((b) => `${b.label} ${b.value}`).join('；')}`;
}

export const UNIT_TOTALS_HEADER = ['单位', '接收', '喜', '忧', '忧占比', '采用', '采用率', '平均时效（天）', '约稿响应'];

/** The table of the units as the workbook's rows: counts as numbers, rates as the table shows them. */
export function totalsSheet(totals: UnitTotals[]): Cell[][] {
  return totals.map((t) => [t.unitName ?? t.unitId, t.receivedItems, t.goodNews, t.problems, percent(t.balance),
    t.adoptedItems, percent(t.adoptionRate), t.averageDays ?? '—', `${t.answered}/${t.decided}（${percent(t.responseRate)}）`]);
}
