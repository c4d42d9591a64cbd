import { describe, expect, it } from 'vitest';
import { annexPoints } from '../src/circulars';

describe('circular annex', () => {
  it('shows the points scoring gave, zero included', () => {
    expect(annexPoints({ points: 20 })).toBe(20);
    expect(annexPoints({ points: 0 })).toBe(0);
  });

  it('shows an item scoring has not scored yet as 待积分公布, not as a guessed number', () => {
    expect(annexPoints({ points: null })).toBe('待积分公布');
  });
});
