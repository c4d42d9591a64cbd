import { describe, expect, it } from 'vitest';
import { annexPoints, periodEnd, periodNotEnded } from '../src/circulars';

describe('circular annex', () => {
  it('shows the points scoring gave, zero included', () => {
    expect(annexPoints({ points: 20 })).toBe(20);
    expect(annexPoints({ points: 0 })).toBe(0);
  });

  it('shows an item scoring has not scored yet as 待积分公布, not as a guessed number', () => {
    expect(annexPoints({ points: null })).toBe('待积分公布');
  });
});

describe('publishing guard: a circular waits for its period to end in Beijing time', () => {
  // 2026-12-31 23:59:59 and 2027-01-01 00:00:00 in Beijing (UTC+8)
  const lastSecond = Date.parse('2026-12-31T15:59:59Z');
  const midnight = Date.parse('2026-12-31T16:00:00Z');

  it('says on the quarter’s last day at 23:59 why 发布 is not yet possible, in the service’s words', () => {
    expect(periodNotEnded('2026-Q4', 'QUARTERLY', lastSecond))
      .toBe('2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布');
  });

  it('lets the quarter’s circular be published from 00:00 of the next day', () => {
    expect(periodNotEnded('2026-Q4', 'QUARTERLY', midnight)).toBeNull();
  });

  it('names the year for the annual evaluation', () => {
    expect(periodNotEnded('2026', 'ANNUAL', lastSecond))
      .toBe('2026年度尚未结束（12月31日结束），不能发布本年度考评；1月1日起可以发布');
  });

  it('knows each quarter’s own last day', () => {
    expect(periodEnd('2026-Q1')).toMatchObject({ lastDay: '3月31日', firstDayAfter: '4月1日' });
    expect(periodEnd('2026-Q2')).toMatchObject({ lastDay: '6月30日', firstDayAfter: '7月1日' });
    expect(periodEnd('2028-02')).toMatchObject({ name: '2028年2月', lastDay: '2月29日' });
    expect(periodEnd('2026-Q2')!.endsAt).toBe(Date.parse('2026-06-30T16:00:00Z'));
    expect(periodEnd('第三季度')).toBeNull();
  });
});
