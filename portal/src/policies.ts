// 积分标准: the scoring policy versions — every signed-in role reads them in office Chinese; the administrator and
// the room draft a version from a chosen one and see what it would change per unit (试算); the administrator saves
// the draft as a new version. The page shows the labels the versions carry, never the codes behind them.
import { FieldError, get, post, Problem } from './api';
import {
  banner, beijingToday, clearErrors, confirmDialog, Ctx, dataTable, el, field, GROUPS, guardedShow, hasRole,
  showFieldErrors,
} from './ui';

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

// ---------- the period of a what-if ----------
export type PeriodKind = 'month' | 'quarter' | 'year';
export interface PeriodChoice { kind: PeriodKind; year: number; index: number }

/** The service's period parameter: 2026-07, 2026-Q3 or 2026. */
export function periodValue(p: PeriodChoice): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

export function periodLabel(p: PeriodChoice): string {
  if (p.kind === 'year') return `${p.year}年度`;
  if (p.kind === 'quarter') return `${p.year}年第${'一二三四'[p.index - 1]}季度`;
  return `${p.year}年${p.index}月`;
}

/** The quarter before the one of a day (2026-12-07 → 2026 Q3; 2027-02-01 → 2026 Q4): what a what-if looks at first. */
export function lastQuarter(today: string): PeriodChoice {
  const [y, m] = today.split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? { kind: 'quarter', year: y - 1, index: 4 } : { kind: 'quarter', year: y, index: q - 1 };
}

/** The units of a what-if, those that change most first (gains before losses), then by group and unit. */
export function sortedDifferences(units: UnitDifference[]): UnitDifference[] {
  return [...units].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || b.difference - a.difference
    || a.group - b.group || a.unitId.localeCompare(b.unitId));
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

// ---------- the page ----------
const byDate = (vs: Policy[]) => [...vs].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
export const policyHash = (version: string) => `#/policies/${encodeURIComponent(version)}`;

/** `#/policies`, `#/policies/<version>`. */
export async function policies(ctx: Ctx, chosen?: string, notice?: string) {
  const show = guardedShow();
  const versions = byDate(await get<Policy[]>('/api/scoring/policies'));
  const today = beijingToday();
  const current = currentVersion(versions, today);
  const selected = versions.find((v) => v.version === chosen) ?? current;
  const canTry = hasRole(ctx, 'admin', 'info-room');
  show(el('h1', {}, '积分标准'),
    notice ? banner(notice, 'ok') : null,
    chosen && selected?.version !== chosen ? banner(`没有版本 ${chosen}`) : null,
    el('p', { className: 'muted' }, '各单位报送信息的积分、扣分按信息所在日期生效的积分标准计算。'),
    dataTable<Policy>([
      ['生效日期', (v) => v.effectiveFrom],
      ['版本', (v) => el('a', { href: policyHash(v.version) }, v.version)],
      ['来源', (v) => v.source || '—'],
      ['状态', (v) => (v === current ? '现行' : v.effectiveFrom > today ? '待生效' : '已废止')],
    ], versions, (v) => ({ 'data-version': v.version, className: v === selected ? 'selected' : '',
      'aria-current': v === selected ? 'true' : undefined }), { id: 'policy-list' }, '尚无积分标准。'),
    selected ? policyView(selected) : null,
    selected && canTry ? draftForm(ctx, selected, today) : null);
}

function policyView(p: Policy) {
  const groups = [...new Set([...Object.keys(p.monthlyQuota ?? {}), ...Object.keys(p.shortfall ?? {})])].sort();
  const dl = (rows: [string, string][], id: string) =>
    el('dl', { className: 'facts', id }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-part': k }, v)]));
  return el('section', { className: 'card', id: 'policy-view', 'data-version': p.version },
    el('h2', {}, `${p.version}（${p.effectiveFrom} 起生效）`),
    p.source ? el('p', { className: 'muted' }, `来源：${p.source}`) : null,
    el('h3', {}, PART.categories),
    dl(Object.values(p.categories ?? {}).map((c) => [c.label, `${c.points} 分`]), 'policy-categories'),
    el('h3', {}, PART.forwardPoints), el('p', { id: 'policy-forward' }, `转报市政府的信息加 ${p.forwardPoints} 分`),
    el('h3', {}, PART.adoptionKinds),
    dl(Object.values(p.adoptionKinds ?? {}).map((k) => [k.label, `${k.points} 分`]), 'policy-kinds'),
    el('h3', {}, PART.commissionPoints), el('p', { id: 'policy-commission' }, `按约稿要求报送并被认可的信息加 ${p.commissionPoints} 分`),
    el('h3', {}, PART.monthlyQuota),
    dl(groups.map((g) => [groupName(g), `${p.monthlyQuota?.[g] ?? '—'} 条`]), 'policy-quota'),
    el('h3', {}, `${PART.shortfall}及${PART.nothingReceived}`),
    dataTable<string>([
      ['组别', (g) => groupName(g)],
      [PART.shortfall, (g) => (p.shortfall?.[g]?.tiers ?? []).map(tierText).join('；') || '—'],
      [PART.nothingReceived, (g) => (p.shortfall?.[g] ? `当月未报送扣 ${Math.abs(p.shortfall[g].nothingReceived)} 分` : '—')],
      ['说明', (g) => p.shortfall?.[g]?.note || '—'],
    ], groups, (g) => ({ 'data-group': g }), { id: 'policy-shortfall' }),
    el('h3', {}, PART.combinedCredit),
    el('p', { id: 'policy-combined' }, COMBINED_CREDIT[p.combinedCredit] ?? '—'));
}

const input = (id: string, name: string, value: string, attrs: Record<string, any> = {}) =>
  el('input', { id, name, value, inputmode: 'numeric', size: 4, ...attrs });

function draftForm(ctx: Ctx, base: Policy, today: string) {
  const admin = hasRole(ctx, 'admin');
  const d = draftOf(base);
  const messages = el('div', { id: 'draft-messages' });
  const results = el('section', { id: 'what-if-results' });
  const groups = Object.keys(d.quota).sort();
  // every input writes itself into the draft, so the tier rows can be redrawn without losing what was typed
  const bound = (id: string, name: string, get: () => string, set: (v: string) => void, attrs: Record<string, any> = {}) => {
    const i = input(id, name, get(), attrs) as HTMLInputElement;
    i.addEventListener('input', () => set(i.value));
    return i;
  };
  const tierBoxes: Record<string, HTMLElement> = {};
  const drawTiers = (g: string) => {
    const rows = d.tiers[g];
    tierBoxes[g].replaceChildren(...rows.map((t, i) => el('div', { className: 'tier-row', 'data-tier': i },
      field(slot.tier(g, i, 'from'), `第${i + 1}档 差额自`, bound(`t-${g}-${i}-from`, 'from', () => t.from, (v) => (t.from = v))),
      field(slot.tier(g, i, 'to'), '至（空为“及以上”）', bound(`t-${g}-${i}-to`, 'to', () => t.to, (v) => (t.to = v))),
      field(slot.tier(g, i, 'deduction'), '扣分（分）', bound(`t-${g}-${i}-deduction`, 'deduction', () => t.deduction, (v) => (t.deduction = v))),
      // the name begins with the visible words, so that speaking them works (WCAG 2.5.3)
      el('button', { type: 'button', className: 'remove-tier', 'aria-label': `删除此档（${groupName(g)}第${i + 1}档）`,
        onclick: () => { rows.splice(i, 1); drawTiers(g); } }, '删除此档'))),
      el('button', { type: 'button', className: 'add-tier', id: `add-tier-${g}`,
        onclick: () => { rows.push({ from: '', to: '', deduction: '' }); drawTiers(g); } }, '增加一档'));
  };
  const groupParts = groups.map((g) => {
    tierBoxes[g] = el('div', { className: 'tiers', id: `tiers-${g}` });
    drawTiers(g);
    return el('fieldset', { 'data-group': g }, el('legend', {}, groupName(g)),
      el('div', { className: 'field-error', id: `err-${slot.group(g)}`, 'data-error-for': slot.group(g), 'aria-live': 'polite' }),
      field(slot.quota(g), `${PART.monthlyQuota}（条）`, bound(`q-${g}`, 'quota', () => d.quota[g], (v) => (d.quota[g] = v))),
      field(slot.nothing(g), `${PART.nothingReceived}（分）`, bound(`n-${g}`, 'nothing', () => d.nothingReceived[g], (v) => (d.nothingReceived[g] = v))),
      el('p', { className: 'muted' }, PART.shortfall), tierBoxes[g]);
  });
  const period = periodPicker(lastQuarter(today));
  const form = el('form', { id: 'draft-form', className: 'card', novalidate: true },
    el('h2', {}, admin ? '草拟新版本' : '试算'),
    el('p', { className: 'muted' }, `以“${base.version}”为基础修改，${admin ? '试算无误后可保存为新版本' : '试算各单位积分的变化（不保存）'}。`),
    el('div', { className: 'field-error', id: 'err-policy', 'data-error-for': 'policy', 'aria-live': 'polite' }),
    field('effectiveFrom', '生效日期 *', bound('p-effectiveFrom', 'effectiveFrom', () => d.effectiveFrom, (v) => (d.effectiveFrom = v), { type: 'date', inputmode: undefined, size: undefined })),
    field('version', '版本号 *', bound('p-version', 'version', () => d.version, (v) => (d.version = v), { inputmode: undefined, size: 30, placeholder: '2027-07' }), '字母、数字、点、下划线和连字符'),
    field('source', '来源（文件名称及文号）', bound('p-source', 'source', () => d.source, (v) => (d.source = v), { inputmode: undefined, size: 40 })),
    el('fieldset', {}, el('legend', {}, PART.categories), ...Object.entries(base.categories).map(([code, c]) =>
      field(slot.category(code), `${c.label}（分）`, bound(`c-${code}`, 'category', () => d.categories[code], (v) => (d.categories[code] = v))))),
    field('forwardPoints', `${PART.forwardPoints}（分）`, bound('p-forward', 'forwardPoints', () => d.forwardPoints, (v) => (d.forwardPoints = v))),
    el('fieldset', {}, el('legend', {}, PART.adoptionKinds), ...Object.entries(base.adoptionKinds).map(([code, k]) =>
      field(slot.kind(code), `${k.label}（分）`, bound(`k-${code}`, 'kind', () => d.kinds[code], (v) => (d.kinds[code] = v))))),
    field('commissionPoints', `${PART.commissionPoints}（分）`, bound('p-commission', 'commissionPoints', () => d.commissionPoints, (v) => (d.commissionPoints = v))),
    ...groupParts,
    field('combinedCredit', PART.combinedCredit, (() => {
      const s = el('select', { id: 'p-combined', name: 'combinedCredit' }, ...Object.entries(COMBINED_CREDIT)
        .map(([v, t]) => el('option', { value: v, selected: v === d.combinedCredit }, t))) as HTMLSelectElement;
      s.addEventListener('change', () => (d.combinedCredit = s.value));
      return s;
    })()),
    el('fieldset', { id: 'what-if-period' }, el('legend', {}, '试算期间'), period.node),
    el('div', { className: 'actions' },
      el('button', { type: 'submit', className: admin ? '' : 'primary', id: 'run-what-if' }, '试算'),
      admin ? el('button', { type: 'button', className: 'primary', id: 'save-draft' }, '保存为新版本') : null),
    messages);
  /** The body, or the errors beside their fields (all at once); null when the draft cannot be sent. */
  const checked = (): Policy | null => {
    clearErrors(form, messages);
    const { body, errors } = bodyOf(d, base);
    if (!body) showFieldErrors(form, new Problem(400, '请按提示修改', '', undefined, errors), messages);
    return body;
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = checked();
    if (!body) return;
    results.replaceChildren(el('p', { className: 'muted' }, '正在试算……'));
    try {
      const r = await post<WhatIfResult>('/api/scoring/what-if', { policy: body, period: period.value(), group: period.group() });
      results.replaceChildren(whatIfTable(r, period.label()));
    } catch (e) {
      results.replaceChildren();
      showFieldErrors(form, placeProblem(e), messages);
    }
  });
  form.querySelector('#save-draft')?.addEventListener('click', async () => {
    const body = checked();
    if (!body) return;
    const ok = await confirmDialog('保存为新版本',
      `将“${body.version}”保存为新的积分标准，自 ${body.effectiveFrom} 起生效；该日期以后各期间的积分将按新版本重新计算。确定保存吗？`,
      '确定保存');
    if (!ok) return;
    try {
      const saved = await post<Policy>('/api/scoring/what-if/save', { policy: body, period: period.value() });
      history.replaceState(null, '', policyHash(saved.version));
      await policies(ctx, saved.version, `已保存新版本“${saved.version}”，自 ${saved.effectiveFrom} 起生效`);
    } catch (e) {
      showFieldErrors(form, placeProblem(e), messages);
    }
  });
  return el('div', {}, form, results);
}

function whatIfTable(r: WhatIfResult, label: string) {
  const rows = sortedDifferences(r.units);
  return el('div', { className: 'card' }, el('h2', {}, `试算结果：${label}`),
    el('p', { className: 'muted' }, `共 ${rows.length} 个单位，积分变化的 ${rows.filter((u) => u.difference !== 0).length} 个；按变化大小排列。试算不保存、不公布。`),
    dataTable<UnitDifference>([
      ['单位', (u) => u.unitName || u.unitId], ['组别', (u) => groupName(u.group)],
      ['原积分', (u) => u.currentPoints], ['试算积分', (u) => u.draftPoints],
      ['差额', (u) => el('span', { className: u.difference > 0 ? 'up' : u.difference < 0 ? 'down' : '' }, signed(u.difference))],
      ['名次', (u) => (u.currentRank === u.draftRank ? String(u.currentRank) : `${u.currentRank} → ${u.draftRank}`)],
    ], rows, (u) => ({ 'data-unit': u.unitId, 'data-difference': u.difference }), { id: 'what-if-table' }, '该期间没有单位。'));
}

/** Month, quarter or year, and the group: chosen, never typed. */
function periodPicker(start: PeriodChoice) {
  const thisYear = Number(beijingToday().substring(0, 4));
  const kind = el('select', { id: 'w-kind', 'aria-label': '期间类型' },
    ...[['month', '月度'], ['quarter', '季度'], ['year', '年度']].map(([v, t]) => el('option', { value: v, selected: v === start.kind }, t))) as HTMLSelectElement;
  const year = el('select', { id: 'w-year', 'aria-label': '年份' },
    ...[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => el('option', { value: y, selected: y === start.year }, `${y}年`))) as HTMLSelectElement;
  const index = el('select', { id: 'w-index', 'aria-label': '月份或季度' }) as HTMLSelectElement;
  const group = el('select', { id: 'w-group', 'aria-label': '组别' }, el('option', { value: '' }, '全部组别'),
    ...Object.entries(GROUPS).map(([v, t]) => el('option', { value: v }, t))) as HTMLSelectElement;
  const fill = (selected: number) => {
    const k = kind.value as PeriodKind;
    index.hidden = k === 'year';
    index.replaceChildren(...(k === 'month' ? Array.from({ length: 12 }, (_, i) => [i + 1, `${i + 1}月`] as const)
      : k === 'quarter' ? [1, 2, 3, 4].map((q) => [q, `第${'一二三四'[q - 1]}季度`] as const) : [])
      .map(([v, t]) => el('option', { value: v, selected: v === selected }, t)));
  };
  fill(start.index);
  kind.addEventListener('change', () => fill(1));
  const choice = (): PeriodChoice => ({ kind: kind.value as PeriodKind, year: Number(year.value), index: Number(index.value || 1) });
  return {
    node: el('div', { className: 'inline-form' }, kind, year, index, group),
    value: () => periodValue(choice()), label: () => periodLabel(choice()),
    group: () => (group.value ? Number(group.value) : null),
  };
}
