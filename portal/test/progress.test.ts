import { describe, expect, it } from 'vitest';
import { quotaCell, quotaSentence } from '../src/progress';

describe('quota progress', () => {
  it('counts the received items against the quota of the policy in force', () => {
    expect(quotaSentence({ unitId: 'U045', unitName: '法律服务中心', group: 3, received: 2, quota: 4, shortfall: 2 }, null))
      .toBe('已被接收 2 条 / 基础条数 4 条，还差 2 条');
    expect(quotaSentence({ unitId: 'U045', unitName: '法律服务中心', group: 3, received: 4, quota: 4, shortfall: 0 }, null))
      .toBe('已被接收 4 条 / 基础条数 4 条，已完成');
  });

  it('says in Chinese why a month before the first policy version has no quota', () => {
    const note = '本月初尚无积分标准（第一个版本 2022-07-06 自2022年7月6日起施行），本月不设基础条数，不计差额';
    expect(quotaSentence({ unitId: 'U045', unitName: '法律服务中心', group: 3, received: 1, quota: null, shortfall: null }, note))
      .toBe(`已被接收 1 条。${note}`);
    expect(quotaCell(null)).toBe('—');
    expect(quotaCell(0)).toBe(0);
  });
});
