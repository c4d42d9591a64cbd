// The ranking's chart agrees with its table: the same ranks (ties shared), the same order, negative totals left of
// zero, readable labels; the history says what changed between versions.
import { describe, expect, it } from 'vitest';
import {
  chartHeight, chartSummary, drawnValues, historyEntries, labelWidthFor, rankingChanges, rankingOption,
  type RankingRow, type RankingView,
} from '../src/pages/ranking';

function row(unitId: string, rank: number, points: number, unitName: string | null = `单位${unitId}`): RankingRow {
  return { rank, unitId, unitName, points, submissionPoints: points, forwardPoints: 0, adoptionPoints: 0,
    commissionPoints: 0, deductionPoints: 0, receivedItems: 0, quota: 8, shortfall: 0 };
}
const nameOf = (r: Pick<RankingRow, 'unitId' | 'unitName'>) => r.unitName ?? r.unitId;
const view = (rows: RankingRow[], over: Partial<RankingView> = {}): RankingView => ({ period: '2026-Q4',
  periodType: 'QUARTER', group: 2, snapshotVersion: 1, computedAt: '2026-12-01T02:00:00Z', policyVersion: 'P-1', rows, ...over });

const tied = [row('U007', 1, 40, '教体局'), row('U006', 2, 23, '发改委'), row('U010', 2, 23, '公安局'),
  row('U011', 4, -2, '民政局')];

describe('the ranking chart', () => {
  const option = rankingOption(tied, nameOf, 220);
  const label = (id: string) => option.yAxis.axisLabel.formatter(id);

  it('gives tied units the rank the table shows, not their position', () => {
    expect(['U007', 'U006', 'U010', 'U011'].map(label)).toEqual(['第1名 教体局', '第2名 发改委', '第2名 公安局', '第4名 民政局']);
  });

  it('draws the units in the order of the ranking, first at the top, one bar each with its total', () => {
    expect(option.yAxis.data).toEqual(['U007', 'U006', 'U010', 'U011']);
    expect(option.yAxis.inverse).toBe(true);
    expect(drawnValues(option)).toBe('U007=40;U006=23;U010=23;U011=-2');
  });

  it('draws a negative total left of zero, in red, its value on the left', () => {
    const bar = option.series[0].data[3];
    expect(bar.value).toBe(-2);
    expect(bar.label.position).toBe('left');
    expect(bar.itemStyle.color).not.toBe(option.series[0].data[0].itemStyle.color);
    expect(option.xAxis.scale).toBe(false);
    expect(option.xAxis.boundaryGap[0]).not.toBe('0%');
    expect(rankingOption(tied.slice(0, 3), nameOf, 220).xAxis.boundaryGap).toEqual(['0%', '0%']);
  });

  it('keeps labels readable on a phone: at least 12 px, long names cut to the width with the full name in the tooltip', () => {
    expect(option.yAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(12);
    expect(option.xAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(12);
    expect(option.series[0].label.fontSize).toBeGreaterThanOrEqual(12);
    expect(labelWidthFor(343)).toBeLessThan(labelWidthFor(760));
    expect(rankingOption(tied, nameOf, labelWidthFor(343)).yAxis.axisLabel).toMatchObject({ width: 128, overflow: 'truncate' });
    expect(option.tooltip.renderMode).toBe('richText');
    expect(option.tooltip.formatter([{ name: 'U006', value: 23 }])).toBe('第2名 发改委：23分');
  });

  it('grows with the number of units', () => {
    expect(chartHeight(31)).toBeGreaterThan(chartHeight(5));
    expect(chartHeight(31) / 31).toBeGreaterThanOrEqual(30);
  });

  it('names a unit by its id when the ranking has no name for it', () => {
    expect(rankingOption([row('U099', 1, 3, null)], nameOf, 220).yAxis.axisLabel.formatter('U099')).toBe('第1名 U099');
  });

  it('is read out as the ranking in words', () => {
    expect(chartSummary('第二组', tied.slice(2), nameOf)).toBe('第二组：第2名 公安局 23分；第4名 民政局 -2分');
    expect(chartSummary('第二组', [], nameOf)).toBe('第二组：暂无单位');
  });
});

describe('the versions of a ranking', () => {
  it('says which unit moved, which came in and which left', () => {
    const before = view([row('U007', 1, 40, '教体局'), row('U006', 2, 23, '发改委'), row('U011', 3, 1, '民政局')]);
    const after = view([row('U006', 1, 44, '发改委'), row('U007', 2, 40, '教体局'), row('U010', 3, 5, '公安局')],
      { snapshotVersion: 2 });
    expect(rankingChanges(before, after, nameOf)).toEqual([
      '发改委：第2名（23分）→ 第1名（44分）', '公安局 进入排名：第3名，5分', '民政局 不再列入排名',
      '教体局：第1名 → 第2名（积分未变）',
    ]);
  });

  it('counts the units that only moved along when many did (one unit leaving a tie of many)', () => {
    // before, all 30 tied at 第1名 with nothing; then U006 gets a point and the 29 others share 第2名
    const group = (u006: number) => [row('U006', 1, u006), ...Array.from({ length: 29 },
      (_, i) => row(`U${100 + i}`, u006 > 0 ? 2 : 1, 0))];
    expect(rankingChanges(view(group(0)), view(group(1)), nameOf)).toEqual([
      '单位U006：第1名（0分）→ 第1名（1分）', '另有29个单位积分未变，名次随之变动',
    ]);
  });

  it('says so when only the policy changed, or nothing did', () => {
    const rows = [row('U007', 1, 40)];
    expect(rankingChanges(view(rows), view(rows, { policyVersion: 'P-2' }), nameOf)).toEqual(['按新的积分标准重新计算']);
    expect(rankingChanges(view(rows), view(rows), nameOf)).toEqual(['名次和积分均无变化']);
  });

  it('lists the newest version first, numbered from the first kept', () => {
    const entries = historyEntries({ period: '2026-Q4', group: 2, versions: [view([row('U007', 1, 1)]),
      view([row('U007', 1, 2)], { snapshotVersion: 5, computedAt: '2026-12-02T02:00:00Z' })] }, nameOf);
    expect(entries.map((e) => e.number)).toEqual([2, 1]);
    expect(entries[0].changes).toEqual(['单位U007：第1名（1分）→ 第1名（2分）']);
    expect(entries[1].changes).toEqual(['首次发布']);
  });
});
