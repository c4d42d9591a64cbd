import { describe, expect, it } from 'vitest';
import { annexPoints, periodNotEnded } from '../src/pages/circulars';

describe('circular annex', () => {
  it('shows the points scoring gave, zero included', () => {
    expect(annexPoints({ points: 20 })).toBe(20);
    expect(annexPoints({ points: 0 })).toBe(0);
  });

  it('shows an item scoring has not scored yet as 待积分公布, not as a guessed number', () => {
    expect(annexPoints({ points: null })).toBe('待积分公布');
  });
});

describe('publishing guard: the page says what the service will answer before anyone clicks', () => {
  // 2026-12-31 23:59:59 and 2027-01-01 00:00:00 in Beijing (UTC+8), as reporting answers them for 2026-Q4
  const lastSecond = Date.parse('2026-12-31T15:59:59Z');
  const midnight = Date.parse('2026-12-31T16:00:00Z');
  const q4 = { publishableFrom: '2026-12-31T16:00:00Z',
    periodNotEnded: '2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布' };

  it('shows the service’s words while the period runs', () => {
    expect(periodNotEnded(q4, lastSecond)).toBe(q4.periodNotEnded);
  });

  it('stops saying it from the instant publishing opens, on a page left open', () => {
    expect(periodNotEnded(q4, midnight)).toBeNull();
  });

  it('says nothing when the service says nothing (the period has ended, or an older reporting)', () => {
    expect(periodNotEnded({ publishableFrom: '2026-12-31T16:00:00Z' }, lastSecond)).toBeNull();
    expect(periodNotEnded({}, lastSecond)).toBeNull();
  });
});
