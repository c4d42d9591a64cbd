// The group ranking as the page shows it: the chart's option built from the same rows as the table (pure, tested
// without a canvas), the chart's text alternative, and what changed from one kept version of a ranking to the next.

/** One unit's line as reporting answers it (`/api/reporting/rankings`). */
export interface RankingRow {
  rank: number; unitId: string; unitName?: string | null; points: number; submissionPoints: number;
  forwardPoints: number; adoptionPoints: number; commissionPoints: number; deductionPoints: number;
  receivedItems: number; quota: number; shortfall: number;
}

/** One kept version of a group's ranking for a period. */
export interface RankingView {
  period: string; periodType: string; group: number; groupName?: string; snapshotVersion: number;
  computedAt: string; policyVersion?: string | null; keptAt?: string | null; rows: RankingRow[];
}

/** Every kept version of one group's ranking for a period, oldest first (`/api/reporting/rankings/history`). */
export interface RankingHistory { period: string; group: number; versions: RankingView[] }

export type NameOf = (row: Pick<RankingRow, 'unitId' | 'unitName'>) => string;

/** The rank as the table shows it: units tied on points share it (2, 2, 4), the chart repeats it. */
export const rankLabel = (rank: number) => `第${rank}名`;

/** Room for each unit: the chart grows with the group (5 towns or 31 departments), bars never squeezed. */
export function chartHeight(units: number): number {
  return 56 + Math.max(1, units) * 34;
}

/** How wide the unit names may be: on a phone (375 px) a name longer than this is cut, its full name in the tooltip. */
export const labelWidthFor = (chartWidth: number) => (chartWidth < 560 ? 128 : 220);

const BLUE = '#1f4e8c';
const RED = '#b3261e';

/** The horizontal bar chart of a ranking, in the order of the ranking: one bar per row, negative totals left of 0. */
export function rankingOption(rows: RankingRow[], nameOf: NameOf, labelWidth: number) {
  const labels: Record<string, string> = Object.fromEntries(rows.map((r) => [r.unitId, `${rankLabel(r.rank)} ${nameOf(r)}`]));
  return {
    animation: false,
    grid: { left: 8, right: 44, top: 8, bottom: 8, containLabel: true },
    // drawn on the chart itself, not as an HTML string with style attributes (the CSP, ADR 0023)
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true,
      textStyle: { fontSize: 14 },
      formatter: (params: { name: string; value: number }[]) =>
        params.map((p) => `${labels[p.name]}：${p.value}分`).join('\n'),
    },
    xAxis: {
      // not `scale`: zero is always on the axis, and a negative total grows left from it; room on the left then for
      // that bar's value, which would otherwise run into the unit names
      type: 'value', scale: false, axisLabel: { fontSize: 12, color: '#333' },
      boundaryGap: rows.some((r) => r.points < 0) ? ['12%', '0%'] : ['0%', '0%'],
    },
    yAxis: {
      type: 'category', inverse: true, data: rows.map((r) => r.unitId),
      axisTick: { show: false },
      axisLabel: { fontSize: 13, color: '#1c1c1c', width: labelWidth, overflow: 'truncate', ellipsis: '…',
        formatter: (unitId: string) => labels[unitId] ?? unitId },
    },
    series: [{
      type: 'bar', name: '总分', barMaxWidth: 20,
      data: rows.map((r) => ({
        value: r.points,
        itemStyle: { color: r.points < 0 ? RED : BLUE },
        label: { position: r.points < 0 ? 'left' : 'right' },
      })),
      label: { show: true, fontSize: 12, color: '#1c1c1c' },
    }],
  };
}

export type RankingOption = ReturnType<typeof rankingOption>;

/** What the chart draws, unit by unit, read back from the option: `U006=23;U007=-2` (the journeys compare it with
 * the table). */
export function drawnValues(option: RankingOption): string {
  return option.yAxis.data.map((id, i) => `${id}=${option.series[0].data[i].value}`).join(';');
}

/** The chart in words, for screen readers (the SVG itself is not read). */
export function chartSummary(title: string, rows: RankingRow[], nameOf: NameOf): string {
  if (rows.length === 0) return `${title}：暂无单位`;
  return `${title}：${rows.map((r) => `${rankLabel(r.rank)} ${nameOf(r)} ${r.points}分`).join('；')}`;
}

/** A line of the trend: the unit's points month by month. */
export function trendOption(months: string[], monthLabel: (m: string) => string, points: number[]) {
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map(monthLabel), axisLabel: { fontSize: 12, color: '#333' } },
    yAxis: { type: 'value', axisLabel: { fontSize: 12, color: '#333' } },
    series: [{ type: 'line', data: points, itemStyle: { color: BLUE }, label: { show: true, fontSize: 12 } }],
  };
}

/** One kept version as the history shows it: newest first, each with what changed from the one before it. */
export interface HistoryEntry { number: number; computedAt: string; keptAt?: string | null; changes: string[] }

const MOVED_ALONG_NAMED = 3;

/** What changed between two versions of the same ranking, in sentences people read. */
export function rankingChanges(before: RankingView | undefined, after: RankingView, nameOf: NameOf): string[] {
  if (!before) return ['首次发布'];
  const changes: string[] = [];
  if ((before.policyVersion ?? null) !== (after.policyVersion ?? null)) changes.push('按新的积分标准重新计算');
  const old = new Map(before.rows.map((r) => [r.unitId, r]));
  // units whose points stayed but whose rank moved because others' did: named when few, else counted (one unit
  // leaving a tie of 29 at 第2名 would otherwise be 29 lines)
  const movedAlong: string[] = [];
  for (const r of after.rows) {
    const o = old.get(r.unitId);
    if (!o) changes.push(`${nameOf(r)} 进入排名：${rankLabel(r.rank)}，${r.points}分`);
    else if (o.points !== r.points) {
      changes.push(`${nameOf(r)}：${rankLabel(o.rank)}（${o.points}分）→ ${rankLabel(r.rank)}（${r.points}分）`);
    } else if (o.rank !== r.rank) movedAlong.push(`${nameOf(r)}：${rankLabel(o.rank)} → ${rankLabel(r.rank)}（积分未变）`);
  }
  const now = new Set(after.rows.map((r) => r.unitId));
  for (const o of before.rows) if (!now.has(o.unitId)) changes.push(`${nameOf(o)} 不再列入排名`);
  if (movedAlong.length <= MOVED_ALONG_NAMED) changes.push(...movedAlong);
  else changes.push(`另有${movedAlong.length}个单位积分未变，名次随之变动`);
  return changes.length > 0 ? changes : ['名次和积分均无变化'];
}

/** The versions newest first, numbered from the first kept (第1版), each with its changes. */
export function historyEntries(history: RankingHistory, nameOf: NameOf): HistoryEntry[] {
  return history.versions.map((v, i) => ({
    number: i + 1, computedAt: v.computedAt, keptAt: v.keptAt,
    changes: rankingChanges(history.versions[i - 1], v, nameOf),
  })).reverse();
}
