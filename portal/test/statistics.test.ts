import { describe, expect, it } from 'vitest';
import { barOption, countBars, drawnBars, monthlyReceived, totalsByUnit, type UnitMonthStatistics } from '../src/pages/statisticsFigures';
import { CATEGORY, TOPIC } from '../src/ui';

function month(unitId: string, m: string, over: Partial<UnitMonthStatistics> = {}): UnitMonthStatistics {
  return {
    unitId, unitName: `单位${unitId}`, group: 2, month: m, receivedItems: 0, byCategory: {}, byTopic: {}, goodNews: 0,
    problems: 0, balance: null, timeliness: { itemsWithEventDate: 0, averageDays: null, medianDays: null, maxDays: null },
    adoptedItems: 0, adoptionRate: null,
    commissions: { targeted: 0, answered: 0, late: 0, rejected: 0, missed: 0, pending: 0, responseRate: null }, ...over,
  };
}

describe('statistics mapping', () => {
  const rows = [
    month('U006', '2026-10', { receivedItems: 2, goodNews: 1, problems: 1, adoptedItems: 1,
      byCategory: { BRIEF: 1, PROBLEM: 1 }, byTopic: { LIVELIHOOD: 2 },
      timeliness: { itemsWithEventDate: 2, averageDays: 3, medianDays: 3, maxDays: 4 },
      commissions: { targeted: 2, answered: 1, late: 0, rejected: 0, missed: 1, pending: 0, responseRate: 0.5 } }),
    month('U006', '2026-11', { receivedItems: 2, goodNews: 2, adoptedItems: 0, byCategory: { BRIEF: 2 },
      timeliness: { itemsWithEventDate: 2, averageDays: 1, medianDays: 1, maxDays: 2 },
      commissions: { targeted: 1, answered: 0, late: 0, rejected: 0, missed: 0, pending: 1, responseRate: null } }),
    month('U007', '2026-11', { receivedItems: 1, problems: 1, byCategory: { PROBLEM: 1 }, byTopic: { LIVELIHOOD: 1, MAJOR_PROJECTS: 1 } }),
  ];

  it('sums a unit over the months and recomputes its rates from the sums', () => {
    const [u006, u007] = totalsByUnit(rows);
    expect(u006.unitId).toBe('U006');
    expect(u006.receivedItems).toBe(4);
    expect(u006.balance).toBe(1 / 4);
    expect(u006.adoptionRate).toBe(1 / 4);
    expect(u006.averageDays).toBe(2);
    expect(u006.maxDays).toBe(4);
    expect([u006.answered, u006.decided, u006.responseRate]).toEqual([1, 2, 0.5]);
    expect(u007.balance).toBe(1);
    expect(u007.averageDays).toBeNull();
    expect(u007.responseRate).toBeNull();
  });

  it('gives the received items per month in calendar order', () => {
    expect(monthlyReceived([...rows].reverse())).toEqual([{ label: '2026-10', value: 2 }, { label: '2026-11', value: 3 }]);
  });

  it('counts categories and topics with their Chinese names, largest first, without the points note', () => {
    expect(countBars(rows, (r) => r.byCategory, CATEGORY)).toEqual([
      { label: '简讯类', value: 3, id: 'BRIEF' }, { label: '问题类', value: 2, id: 'PROBLEM' }]);
    expect(countBars(rows, (r) => r.byTopic, TOPIC).map((b) => [b.label, b.value]))
      .toEqual([['民生改善', 3], ['重大项目推进', 1]]);
  });

  it('maps the unit totals onto the chart one bar per unit, in the order of the totals', () => {
    const bars = totalsByUnit(rows).map((t) => ({ label: t.unitName, value: t.receivedItems, id: t.unitId }));
    expect(drawnBars(bars)).toBe('U006=4;U007=1');
    const option = barOption(bars);
    expect(option.yAxis.data).toEqual(['单位U006', '单位U007']);
    expect(option.series[0].data).toEqual([4, 1]);
  });
});
