// 积分标准 as the page reads it: the versions, their parts in office Chinese, the draft the form edits (as text) and
// the body it sends, the what-if's differences. Pure: PoliciesPage.vue draws them.
import { FieldError, Problem } from '../api';
import { GROUPS } from '../ui';

export interface Tier { fromShortfall: number; toShortfall: number | null; deduction: number }
export interface Shortfall { tiers: Tier[]; nothingReceived: number; example?: boolean; note?: string | null }
export interface Policy {
  version: string; effectiveFrom: string; source: string | null;
  categories: Record<string, { label: string; points: number }>;
  forwardPoints: number;
  adoptionKinds: Record<string, { label: string; shortLabel?: string | null; points: number; instruction: boolean }>;
  commissionPoints: number;
  monthlyQuota: Record<string, number>;
  shortfall: Record<string, Shortfall>;
  combinedCredit: 'FULL' | 'LEAD_ONLY' | string;
}
export interface UnitDifference {
  unitId: string; unitName: string; group: number; currentPoints: number; draftPoints: number; difference: number;
  currentRank: number; draftRank: number;
}
export interface WhatIfResult { period: unknown; draftVersion: string; units: UnitDifference[] }

/** How a combined adoption (综合采用) credits its source items, as the office says it. */
export const COMBINED_CREDIT: Record<string, string> = {
  FULL: '每条来源信息均计分', LEAD_ONLY: '只计首条来源信息',
};

/** The names of the parts of a version, as the page heads them. */
export const PART = {
  categories: '类别积分', forwardPoints: '转报积分', adoptionKinds: '采用/批示各类积分', commissionPoints: '约稿加分',
  monthlyQuota: '各组每月报送任务', shortfall: '各组扣分档次', nothingReceived: '未报送扣分', combinedCredit: '综合采用计分方式',
} as const;

export const groupName = (g: string | number) => GROUPS[String(g)] ?? `第${g}组`;

/** A deduction tier as a sentence: 差 1—2 条扣 1 分；差 5 条及以上扣 5 分. */
export function tierText(t: Tier): string {
  const span = t.toShortfall === null || t.toShortfall === undefined ? `${t.fromShortfall} 条及以上`
    : t.toShortfall === t.fromShortfall ? `${t.fromShortfall} 条` : `${t.fromShortfall}—${t.toShortfall} 条`;
  return `差 ${span}扣 ${Math.abs(t.deduction)} 分`;
}

/** The version in force on a day: the latest whose effective date is not after it (the first one if none). */
export function currentVersion(versions: Policy[], today: string): Policy | undefined {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((v) => v.effectiveFrom <= today).pop() ?? sorted[0];
}

/** The service's rule for a version number (scoring's PolicyValidation), checked before sending. */
export const VERSION_PATTERN = /^[0-9A-Za-z._-]{1,40}$/;
export const VERSION_RULE = '版本号只能由字母、数字、点、下划线和连字符组成，最长40个字符，如 2027-07';

// ---------- the draft: what the form edits, as text, and back to a body ----------
export interface TierDraft { from: string; to: string; deduction: string }
export interface Draft {
  version: string; effectiveFrom: string; source: string;
  categories: Record<string, string>; forwardPoints: string; kinds: Record<string, string>; commissionPoints: string;
  quota: Record<string, string>; tiers: Record<string, TierDraft[]>; nothingReceived: Record<string, string>;
  combinedCredit: string;
}

const absent = (n: number | null | undefined) => (n === null || n === undefined ? n : Math.abs(n));
const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const mapValues = <A, B>(m: Record<string, A>, f: (a: A) => B) =>
  Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, f(v)])) as Record<string, B>;

/** A draft starting from a version: everything as it is, but no name and no date (the new version needs its own).
 * Deductions are stored negative (a tier adds −2 to the score); people write them as the points taken off (扣 2 分). */
export function draftOf(p: Policy): Draft {
  const groups = [...new Set([...Object.keys(p.monthlyQuota ?? {}), ...Object.keys(p.shortfall ?? {})])];
  return {
    version: '', effectiveFrom: '', source: '',
    categories: mapValues(p.categories, (c) => text(c.points)), forwardPoints: text(p.forwardPoints),
    kinds: mapValues(p.adoptionKinds, (k) => text(k.points)), commissionPoints: text(p.commissionPoints),
    quota: Object.fromEntries(groups.map((g) => [g, text(p.monthlyQuota?.[g])])),
    tiers: Object.fromEntries(groups.map((g) => [g, (p.shortfall?.[g]?.tiers ?? [])
      .map((t) => ({ from: text(t.fromShortfall), to: text(t.toShortfall), deduction: text(Math.abs(t.deduction)) }))])),
    nothingReceived: Object.fromEntries(groups.map((g) => [g, text(absent(p.shortfall?.[g]?.nothingReceived))])),
    combinedCredit: p.combinedCredit ?? 'FULL',
  };
}

/** The error slot names of the form: one per field, so each message stands beside its field. */
export const slot = {
  category: (code: string) => `category-${code}`, kind: (code: string) => `kind-${code}`,
  quota: (g: string) => `quota-${g}`, nothing: (g: string) => `nothing-${g}`,
  tier: (g: string, i: number, part: 'from' | 'to' | 'deduction') => `tier-${g}-${i}-${part}`,
  group: (g: string) => `group-${g}`,
};

/**
 * The body the service reads, built from the draft on the version it started from (labels, notes and whatever the
 * form does not edit come from there); or every field error at once for what cannot be sent: an empty or
 * non-numeric cell, a tier whose end lies before its start.
 */
export function bodyOf(d: Draft, base: Policy): { body: Policy | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const off = (value: string, name: string) => { const n = whole(value, name); return n === null ? null : -Math.abs(n); };
  const whole = (value: string, name: string, optional = false): number | null => {
    const v = value.trim();
    if (v === '') {
      if (!optional) errors.push({ field: name, message: '请填写分值' });
      return null;
    }
    if (!/^-?\d+$/.test(v)) { errors.push({ field: name, message: '应为整数' }); return null; }
    return Number(v);
  };
  if (!d.version.trim()) errors.push({ field: 'version', message: '请填写版本号' });
  else if (!VERSION_PATTERN.test(d.version.trim())) errors.push({ field: 'version', message: VERSION_RULE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.effectiveFrom)) errors.push({ field: 'effectiveFrom', message: '请选择生效日期' });
  const categories = mapValues(base.categories, (c) => ({ ...c }));
  for (const [code, v] of Object.entries(d.categories)) categories[code] = { ...categories[code], points: whole(v, slot.category(code))! };
  const adoptionKinds = mapValues(base.adoptionKinds, (k) => ({ ...k }));
  for (const [code, v] of Object.entries(d.kinds)) adoptionKinds[code] = { ...adoptionKinds[code], points: whole(v, slot.kind(code))! };
  const forwardPoints = whole(d.forwardPoints, 'forwardPoints');
  const commissionPoints = whole(d.commissionPoints, 'commissionPoints');
  const monthlyQuota: Record<string, number> = {};
  for (const [g, v] of Object.entries(d.quota)) monthlyQuota[g] = whole(v, slot.quota(g))!;
  const shortfall: Record<string, Shortfall> = {};
  for (const [g, rows] of Object.entries(d.tiers)) {
    const tiers = rows.map((r, i) => {
      const from = whole(r.from, slot.tier(g, i, 'from'));
      const to = whole(r.to, slot.tier(g, i, 'to'), true);
      const deduction = off(r.deduction, slot.tier(g, i, 'deduction'));
      if (from !== null && to !== null && to < from) errors.push({ field: slot.tier(g, i, 'to'), message: '截止差额不能小于起始差额' });
      return { fromShortfall: from!, toShortfall: to, deduction: deduction! };
    });
    shortfall[g] = { ...base.shortfall?.[g], tiers, nothingReceived: off(d.nothingReceived[g] ?? '', slot.nothing(g))! };
  }
  if (errors.length) return { body: null, errors };
  return {
    body: {
      version: d.version.trim(), effectiveFrom: d.effectiveFrom, source: d.source.trim() || null, categories,
      forwardPoints: forwardPoints!, adoptionKinds, commissionPoints: commissionPoints!, monthlyQuota, shortfall,
      combinedCredit: d.combinedCredit,
    },
    errors: [],
  };
}

/** The service's messages name the group they are about (第3组…): those stand by that group, the rest atop the form. */
export function placeProblem(e: unknown): unknown {
  if (!(e instanceof Problem)) return e;
  const errors = (e.errors.length ? e.errors : [{ field: 'policy', message: e.detail || e.title }]).map((err) => {
    const g = /第(\d+)组/.exec(err.message);
    return err.field === 'policy' && g ? { field: slot.group(g[1]), message: err.message } : err;
  });
  return new Problem(e.status, e.title, e.detail, e.code, errors);
}

// ---------- the what-if ----------
/** The quarter before the one of a day (2026-12-07 → 2026-Q3; 2027-02-01 → 2026-Q4): what a what-if looks at first. */
export function lastQuarter(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The units of a what-if, those that change most first (gains before losses), then by group and unit. */
export function sortedDifferences(units: UnitDifference[]): UnitDifference[] {
  return [...units].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || b.difference - a.difference
    || a.group - b.group || a.unitId.localeCompare(b.unitId));
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Newest effective date first, as the version list shows them. */
export const byDate = (vs: Policy[]) => [...vs].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
export const policyHash = (version: string) => `#/policies/${encodeURIComponent(version)}`;

/** What a version is on a day: 现行 (in force), 待生效 (to come) or 已废止 (replaced). */
export function versionState(v: Policy, current: Policy | undefined, today: string): string {
  return v.version === current?.version ? '现行' : v.effectiveFrom > today ? '待生效' : '已废止';
}

/** The groups a version names (quota or deductions), in order. */
export const groupsOf = (p: Policy) => [...new Set([...Object.keys(p.monthlyQuota ?? {}), ...Object.keys(p.shortfall ?? {})])].sort();

export const WHAT_IF_SHEET = ['单位', '组别', '原积分', '试算积分', '差额', '原名次', '试算名次'];
/** The rows of 导出 Excel of a what-if, in the order the table shows them. */
export function whatIfSheet(units: UnitDifference[]): (string | number)[][] {
  return sortedDifferences(units).map((u) => [u.unitName || '—', groupName(u.group), u.currentPoints, u.draftPoints,
    signed(u.difference), u.currentRank, u.draftRank]);
}
