// The room's list of adoption and instruction records (GET /api/adoption/items): the per-item views flattened to one
// row per record, filtered, sorted and paged in the browser (the service answers at most 500 items, unpaged), and
// exported as an Excel workbook.
import { Problem } from '../api';
import type { Cell } from '../sheets';
import { ADOPTION_KIND } from '../ui';

export interface FollowUpReport { whatWasDone: string; doneOn: string; reportedBy?: string; reportedAt?: string }
export interface FollowUp { action: string | null; dueDate: string | null; overdue: boolean; reports: FollowUpReport[] }
export interface Version { number: number; change: string; changeLabel: string; reason: string | null }
export interface RecordView {
  recordId: string; kind: string; kindLabel: string; level: string; form: string; publication: string | null;
  issueNo: string | null; effectiveDate: string; period: string; leader: string | null; text: string | null;
  combinedRecordId: string | null; combinedPosition: number | null; withdrawn: boolean; points: number | null;
  explanation: string | null; followUp: FollowUp | null; versions: Version[];
}
export interface ItemAdoptions {
  itemId: string; unitId: string | null; unitName: string | null; title: string | null; records: RecordView[];
}

export type RecordState = 'VALID' | 'CORRECTED' | 'WITHDRAWN';
export const RECORD_STATE: Record<RecordState, string> = { VALID: '有效', CORRECTED: '已更正', WITHDRAWN: '已撤销' };

export interface AdoptionRow {
  key: string; itemId: string; title: string; unitId: string | null; unitName: string; record: RecordView;
  kindName: string; instruction: boolean; state: RecordState;
}

/** A leader's instruction (批示), as opposed to a publication's adoption or a forward. */
export const isInstruction = (kind: string) => kind.endsWith('_INSTRUCTION');

/** The kind as people read it: the label without the points in brackets (the points have a column of their own). */
export const kindName = (kind: string, label?: string | null) =>
  (ADOPTION_KIND[kind] ?? label ?? '').replace(/（\d+分）$/, '');

export function stateOf(r: RecordView): RecordState {
  if (r.withdrawn) return 'WITHDRAWN';
  return r.versions.some((v) => v.change === 'CORRECTED') ? 'CORRECTED' : 'VALID';
}

export function rowsOf(items: ItemAdoptions[], unitNames: Record<string, string>): AdoptionRow[] {
  return items.flatMap((item) => item.records.map((record) => ({
    key: `${item.itemId}/${record.recordId}`, itemId: item.itemId, title: item.title ?? '（标题未同步）',
    unitId: item.unitId, unitName: item.unitName ?? (item.unitId ? unitNames[item.unitId] : undefined) ?? '—',
    record, kindName: kindName(record.kind, record.kindLabel), instruction: isInstruction(record.kind),
    state: stateOf(record),
  })));
}

export interface RowFilter { period?: string; unitId?: string; kind?: string; state?: string }

export function filterRows(rows: AdoptionRow[], f: RowFilter): AdoptionRow[] {
  return rows.filter((r) => (!f.period || r.record.period === f.period) && (!f.unitId || r.unitId === f.unitId)
    && (!f.kind || r.record.kind === f.kind) && (!f.state || r.state === f.state));
}

/** The months the rows fall in, newest first (the period filter's choices). */
export function periodsOf(rows: AdoptionRow[]): string[] {
  return [...new Set(rows.map((r) => r.record.period))].sort().reverse();
}

/** `2026-11` → 2026年11月 */
export const monthLabel = (period: string) => period.replace(/^(\d{4})-0?(\d{1,2})$/, '$1年$2月');

export type SortKey = 'date' | 'title' | 'unit' | 'points';
const SORT_VALUE: Record<SortKey, (r: AdoptionRow) => string | number> = {
  date: (r) => r.record.effectiveDate, title: (r) => r.title, unit: (r) => r.unitName,
  points: (r) => r.record.points ?? -1,
};

/** Sorted copy; ties keep the order they had (newest first when no sort is chosen). */
export function sortRows(rows: AdoptionRow[], key: SortKey | null, order: 'ascending' | 'descending' | null) {
  const k = key ?? 'date';
  const sign = (key ? order : 'descending') === 'ascending' ? 1 : -1;
  const value = SORT_VALUE[k];
  return [...rows].sort((a, b) => {
    const x = value(a), y = value(b);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), 'zh-CN');
  });
}

// ---------- 导出 ----------
// every text is written as text (an inline string), never as a formula: a title starting with = stays a title
export const SHEET_HEADER = ['信息标题', '报送单位', '类型', '级别', '积分', '日期', '刊物', '期号', '批示领导', '批示内容', '落实事项',
  '落实期限', '状态'];

export function adoptionsSheet(rows: AdoptionRow[]): Cell[][] {
  return rows.map((r) => [r.title, r.unitName, r.kindName, r.record.level, r.record.points,
    r.record.effectiveDate, r.record.publication, r.record.issueNo, r.instruction ? r.record.leader : null,
    r.instruction ? r.record.text : null, r.record.followUp?.action, r.record.followUp?.dueDate,
    RECORD_STATE[r.state]]);
}

// ---------- the record form ----------
/** What the record form edits: the body of POST …/records, …/corrections and /combined (its `record`). */
export interface RecordDraft {
  kind: string; publication: string; issueNo: string; effectiveDate: string; leader: string; text: string;
  followUpAction: string; followUpDue: string;
}

export function draftOf(r?: RecordView | null): RecordDraft {
  return {
    kind: r?.kind ?? '', publication: r?.publication ?? '', issueNo: r?.issueNo ?? '',
    effectiveDate: r?.effectiveDate ?? '', leader: r?.leader ?? '', text: r?.text ?? '',
    followUpAction: r?.followUp?.action ?? '', followUpDue: r?.followUp?.dueDate ?? '',
  };
}

export function recordBody(d: RecordDraft) {
  const v = (s: string) => (s.trim() === '' ? null : s.trim());
  const follow = isInstruction(d.kind) && (v(d.followUpAction) || v(d.followUpDue))
    ? { action: v(d.followUpAction), dueDate: v(d.followUpDue) } : null;
  return { kind: v(d.kind), publication: v(d.publication), issueNo: v(d.issueNo), effectiveDate: v(d.effectiveDate),
    leader: v(d.leader), text: v(d.text), followUp: follow };
}

/** The service's refusals that concern one field: the field the message is shown beside. */
const CODE_FIELD: Record<string, string> = {
  'record.unknown-kind': 'kind', 'record.issue-required': 'issueNo', 'record.publication-required': 'publication',
  'record.leader-required': 'leader', 'record.text-required': 'text', 'record.date-in-future': 'effectiveDate',
  'record.date-required': 'effectiveDate', 'record.reason-required': 'reason', 'record.combined-kind-fixed': 'kind',
  'record.follow-up-only-for-instructions': 'followUpAction', 'follow-up.action-required': 'followUpAction',
  'follow-up.due-required': 'followUpDue', 'follow-up.due-before-instruction': 'followUpDue',
  'combined.needs-two-sources': 'sourceItemIds', 'combined.duplicate-source': 'sourceItemIds',
  'follow-up.text-required': 'whatWasDone', 'follow-up.date-required': 'doneOn', 'follow-up.date-in-future': 'doneOn',
};

/**
 * The refusal's messages by the form's field (`record.followUp.dueDate` → followUpDue); what names no field of the
 * form stays for the banner (`rest`).
 */
export function fieldErrors(e: unknown, fields: string[]): { byField: Record<string, string>; rest: boolean } {
  const byField: Record<string, string> = {};
  if (!(e instanceof Problem)) return { byField, rest: true };
  let placed = 0;
  const put = (field: string, message: string) => {
    byField[field] = byField[field] ? `${byField[field]}；${message}` : message;
    placed++;
  };
  for (const err of e.errors) {
    const name = err.field.replace(/^record\./, '').replace(/^followUp\.action$/, 'followUpAction')
      .replace(/^followUp\.dueDate$/, 'followUpDue').replace(/\[\d+\]$/, '');
    if (fields.includes(name)) put(name, err.message);
  }
  const codeField = e.code ? CODE_FIELD[e.code] : undefined;
  if (e.errors.length === 0 && codeField && fields.includes(codeField)) put(codeField, e.detail || e.title);
  return { byField, rest: placed === 0 || e.errors.length > placed };
}
