// An item's history as people read it: what changed between two revisions (a word/character diff of the texts the
// service answers, the other fields by their Chinese labels), the actions of the audit trail in Chinese, and the
// room's audit list exported as a CSV that Excel opens in Chinese. Pure: the pages draw it.
import type { Cell } from './sheets';

// ---------- the diff of two texts ----------
export type DiffKind = 'same' | 'added' | 'removed';
export interface DiffPiece { kind: DiffKind; text: string }

/** Chinese is compared character by character; a run of Latin letters or digits, or of spaces, is one token. */
export function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9]+|\s+|[\s\S]/gu) ?? [];
}

// Beyond this many edits a text was rewritten rather than revised: shown as removed and added whole, which keeps the
// diff's memory (it grows with the square of the edits) small for a long body.
const MAX_EDITS = 2000;

/** What `after` removed from and added to `before`, in order; adjacent pieces of one kind joined. */
export function diffText(before: string, after: string): DiffPiece[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const middle = edits(a.slice(start, endA), b.slice(start, endB));
  const pieces: DiffPiece[] = [
    ...a.slice(0, start).map((text) => ({ kind: 'same' as const, text })),
    ...middle,
    ...a.slice(endA).map((text) => ({ kind: 'same' as const, text })),
  ];
  const joined: DiffPiece[] = [];
  for (const p of pieces) {
    const last = joined[joined.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else joined.push({ ...p });
  }
  return joined;
}

/** Myers' shortest edit script of two token lists. */
function edits(a: string[], b: string[]): DiffPiece[] {
  const n = a.length;
  const m = b.length;
  const whole = (): DiffPiece[] => [...a.map((text) => ({ kind: 'removed' as const, text })),
    ...b.map((text) => ({ kind: 'added' as const, text }))];
  if (n === 0 || m === 0) return whole();
  const max = Math.min(n + m, MAX_EDITS);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for diagonals -d..d as it was before step d
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
  }
  if (!found) return whole();
  const out: DiffPiece[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const at = (k: number) => trace[d][k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) { out.push({ kind: 'same', text: a[x - 1] }); x--; y--; }
    if (d > 0) {
      if (x === prevX) out.push({ kind: 'added', text: b[y - 1] });
      else out.push({ kind: 'removed', text: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

// ---------- the changed fields ----------
/** One field that differs between two revisions, as intake's compare answers it (values already in Chinese). */
export interface FieldChange { field: string; label: string; before: string | null; after: string | null }

/** Fields compared as text with additions and deletions marked; the others are shown before → after. */
export const TEXT_FIELDS = ['title', 'body', 'countermeasures'];

const YES_NO = new Set(['majorEvent', 'majorEmergency']);

/** A list the service writes as `[乡村振兴, 产业发展]` (Java's toString). */
function listItems(value: string): string[] {
  const inner = value.replace(/^\[/, '').replace(/\]$/, '').trim();
  return inner ? inner.split(/,\s*/) : [];
}

/** A compared field's value in words: 是/否, topics joined with 、, attachments and commissions without their ids. */
export function fieldValue(field: string, value: string | null): string {
  if (field === 'attachmentIds') {
    const n = value ? listItems(value).length : 0;
    return n === 0 ? '无附件' : `${n} 个附件`;
  }
  if (field === 'commissionId') return value ? '已关联约稿任务' : '未关联约稿任务';
  if (value === null || value === '') return '（空）';
  if (YES_NO.has(field)) return value === 'true' ? '是' : '否';
  if (field === 'topics') {
    const topics = listItems(value);
    return topics.length ? topics.join('、') : '（空）';
  }
  return value;
}

/** The compare link is offered once there is something to compare. */
export function canCompare(revisionCount: number): boolean {
  return revisionCount >= 2;
}

/** The two revisions compared when the page opens: the last two. */
export function defaultPair(numbers: number[]): [number, number] | null {
  const sorted = [...numbers].sort((x, y) => x - y);
  return sorted.length < 2 ? null : [sorted[sorted.length - 2], sorted[sorted.length - 1]];
}

// ---------- the audit trail ----------
/** intake's audit actions (AuditEntry.action) in Chinese; a history import's lines are `IMPORTED_<action>`. */
export const ACTION: Record<string, string> = {
  SIGN_OFF_REQUESTED: '提请领导签批', SIGNED_OFF: '领导签批同意', SENT_BACK_BY_LEADER: '领导退回修改',
  SUBMITTED: '报送', RECEIVED: '接收', RETURNED: '退回修改', VOIDED: '作废', WITHDRAWN: '撤回',
  DELETED: '删除草稿', FORWARDED_TO_CITY: '转报市政府', CORRECTED: '更正分类',
};

/** An action in words; never the code (an action this page does not know yet reads 其他办理). */
export function actionLabel(action: string): string {
  if (action.startsWith('IMPORTED_')) {
    const inner = ACTION[action.substring('IMPORTED_'.length)];
    return inner ? `历史补录：${inner}` : '历史补录';
  }
  return ACTION[action] ?? '其他办理';
}

export interface AuditLine {
  itemId: string; unitId: string; at: string; by: string; byName: string | null; action: string;
  revision: number | null; reason: string | null; origin: string | null;
}

/** Who did it: the name the service gives, else the login name (a name is never made up). */
export function actorName(line: { by: string; byName: string | null }): string {
  return line.byName || line.by;
}

/** Beijing time as 2026-12-07 18:30:05, which sorts and reads the same in Excel. */
export function beijingTime(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() + 8 * 3600_000).toISOString().substring(0, 19).replace('T', ' ');
}

// ---------- the room's period ----------
export type PeriodKind = 'month' | 'quarter' | 'year';

/** The period intake reads (`2026-07`, `2026-Q3`, `2026`) from a picked month or year and a quarter. */
export function periodValue(kind: PeriodKind, picked: string, quarter: number): string {
  const year = picked.substring(0, 4);
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${quarter}`;
  return picked.substring(0, 7);
}

/** `2026-07` → 2026年7月, `2026-Q3` → 2026年第三季度, `2026` → 2026年. */
export function periodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${period}年`;
}

// ---------- export ----------
/** The lines as the workbook's header and rows (导出 Excel). */
export function auditSheet(lines: AuditLine[], unitNames: Record<string, string>): { header: string[]; rows: Cell[][] } {
  const header = ['时间（北京时间）', '单位', '办理人', '办理事项', '稿次', '意见或理由', '信息编号'];
  const rows = lines.map((l) => [beijingTime(l.at), unitNames[l.unitId] ?? l.unitId, actorName(l),
    actionLabel(l.action), l.revision ? `第${l.revision}稿` : '', l.reason ?? '', l.itemId]);
  return { header, rows };
}

export function auditFileName(period: string): string {
  return `办理记录_${periodLabel(period)}.xlsx`;
}
