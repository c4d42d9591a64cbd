import { describe, expect, it } from 'vitest';
import { Problem } from '../src/api';
import {
  bodyOf, COMBINED_CREDIT, currentVersion, draftOf, lastQuarter, PART, placeProblem, Policy,
  sortedDifferences, tierText, UnitDifference, versionState, whatIfSheet,
} from '../src/pages/policies';

const policy: Policy = {
  version: '2026版', effectiveFrom: '2026-01-01', source: '伊政办发〔2026〕1号',
  categories: { BRIEF: { label: '简讯类', points: 1 }, PROBLEM: { label: '问题类', points: 5 } },
  forwardPoints: 3,
  adoptionKinds: { CITY_BULLETIN_ADOPTED: { label: '市政府办公室《鄂尔多斯政讯》采用', shortLabel: '政讯', points: 20, instruction: false } },
  commissionPoints: 2,
  monthlyQuota: { 1: 8, 3: 4 },
  shortfall: {
    1: { tiers: [{ fromShortfall: 1, toShortfall: 2, deduction: -1 }, { fromShortfall: 3, toShortfall: null, deduction: -3 }], nothingReceived: -5, note: '说明' },
    3: { tiers: [{ fromShortfall: 1, toShortfall: null, deduction: -1 }], nothingReceived: -2 },
  },
  combinedCredit: 'LEAD_ONLY',
};

describe('the parts of a policy in Chinese', () => {
  it('names every part and both ways of crediting a combined adoption in words, not codes', () => {
    expect(Object.values(PART)).toEqual(['类别积分', '转报积分', '采用/批示各类积分', '约稿加分', '各组每月报送任务', '各组扣分档次',
      '未报送扣分', '综合采用计分方式']);
    expect(COMBINED_CREDIT.FULL).toBe('每条来源信息均计分');
    expect(COMBINED_CREDIT.LEAD_ONLY).toBe('只计首条来源信息');
    for (const words of Object.values(COMBINED_CREDIT)) expect(words).not.toMatch(/[A-Z_]{3,}/);
  });

  it('reads a tier as a sentence, open-ended when it has no end', () => {
    expect(tierText({ fromShortfall: 1, toShortfall: 2, deduction: -1 })).toBe('差 1—2 条扣 1 分');
    expect(tierText({ fromShortfall: 3, toShortfall: 3, deduction: -2 })).toBe('差 3 条扣 2 分');
    expect(tierText({ fromShortfall: 5, toShortfall: null, deduction: -5 })).toBe('差 5 条及以上扣 5 分');
  });

  it('takes the latest version in force on the day as the current one, not a future one', () => {
    const later = { ...policy, version: '2027版', effectiveFrom: '2027-07-01' };
    expect(currentVersion([later, policy], '2026-12-07')?.version).toBe('2026版');
    expect(currentVersion([later, policy], '2027-07-01')?.version).toBe('2027版');
  });
});

describe('the draft and the body', () => {
  it('starts from a version without its name and date, deductions as points taken off, and gives back the same rules', () => {
    const d = draftOf(policy);
    expect(d.version).toBe('');
    expect(d.tiers['1']).toEqual([{ from: '1', to: '2', deduction: '1' }, { from: '3', to: '', deduction: '3' }]);
    expect(d.nothingReceived['1']).toBe('5');
    d.version = '2027-07';
    d.effectiveFrom = '2027-07-01';
    const { body, errors } = bodyOf(d, policy);
    expect(errors).toEqual([]);
    expect(body).toEqual({ ...policy, version: '2027-07', effectiveFrom: '2027-07-01', source: null });
  });

  it('carries an edited tier, an added tier and changed points; labels and notes stay', () => {
    const d = draftOf(policy);
    Object.assign(d, { version: 'v', effectiveFrom: '2027-07-01' });
    d.tiers['3'][0].to = '2';
    d.tiers['3'].push({ from: '3', to: '', deduction: '4' });
    d.categories.PROBLEM = '6';
    d.quota['3'] = '5';
    const body = bodyOf(d, policy).body!;
    expect(body.shortfall['3'].tiers).toEqual([{ fromShortfall: 1, toShortfall: 2, deduction: -1 },
      { fromShortfall: 3, toShortfall: null, deduction: -4 }]);
    expect(body.categories.PROBLEM).toEqual({ label: '问题类', points: 6 });
    expect(body.monthlyQuota['3']).toBe(5);
    expect(body.shortfall['1'].note).toBe('说明');
  });

  it('names every empty or wrong cell at once, each by its own field', () => {
    const d = draftOf(policy);
    d.tiers['3'][0].deduction = '';
    d.quota['1'] = '八';
    d.tiers['1'][0].to = '0';
    d.version = '2027年版';
    d.effectiveFrom = '';
    const { body, errors } = bodyOf(d, policy);
    expect(body).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['version', 'effectiveFrom', 'quota-1', 'tier-1-0-to', 'tier-3-0-deduction']);
    expect(errors.find((e) => e.field === 'tier-3-0-deduction')?.message).toBe('请填写分值');
    expect(errors.find((e) => e.field === 'version')?.message).toContain('字母、数字');
  });

  it('puts a service message about a group beside that group and the rest atop the form', () => {
    const placed = placeProblem(new Problem(400, '请求无效', '积分标准无效', 'policy.invalid', [
      { field: 'policy', message: '第3组的扣分梯次缺少起始差额或扣分' }, { field: 'policy', message: '版本号 v 已存在' }])) as Problem;
    expect(placed.errors.map((e) => e.field)).toEqual(['group-3', 'policy']);
    const bare = placeProblem(new Problem(400, '请求无效', '自 2026-07-01 起生效将改变已公布的通报', 'x', [])) as Problem;
    expect(bare.errors).toEqual([{ field: 'policy', message: '自 2026-07-01 起生效将改变已公布的通报' }]);
  });
});

describe('the what-if', () => {
  it('starts at the quarter before today, last year’s fourth in the first quarter', () => {
    expect(lastQuarter('2026-12-07')).toBe('2026-Q3');
    expect(lastQuarter('2027-02-01')).toBe('2026-Q4');
  });

  it('lists the units that change most first', () => {
    const u = (unitId: string, difference: number): UnitDifference => ({ unitId, unitName: unitId, group: 3,
      currentPoints: 10, draftPoints: 10 + difference, difference, currentRank: 1, draftRank: 1 });
    expect(sortedDifferences([u('A', 0), u('B', -3), u('C', 3), u('D', 1)]).map((x) => x.unitId)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('exports the units in the order the table shows them, the difference signed and the group in words', () => {
    const u = (unitId: string, difference: number): UnitDifference => ({ unitId, unitName: `单位${unitId}`, group: 3,
      currentPoints: 10, draftPoints: 10 + difference, difference, currentRank: 2, draftRank: 1 });
    expect(whatIfSheet([u('A', 0), u('B', 4)])).toEqual([['单位B', '第三组', 10, 14, '+4', 2, 1], ['单位A', '第三组', 10, 10, '0', 2, 1]]);
  });
});

describe('the version list', () => {
  it('calls the version of the day 现行, a later one 待生效 and an earlier one 已废止', () => {
    const later = { ...policy, version: '2027版', effectiveFrom: '2027-07-01' };
    const earlier = { ...policy, version: '2025版', effectiveFrom: '2025-01-01' };
    expect(versionState(policy, policy, '2026-12-07')).toBe('现行');
    expect(versionState(later, policy, '2026-12-07')).toBe('待生效');
    expect(versionState(earlier, policy, '2026-12-07')).toBe('已废止');
  });
});
