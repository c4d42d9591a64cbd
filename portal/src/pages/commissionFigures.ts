// What the commission pages compute without the browser: the period of a quarter, the statistics as the rows of a
// workbook, and the notices a unit reads (a new commission, the reminders and 催报 the service posted).
import type { Cell } from '../sheets';

/** One unit's figures as `GET /api/commission/statistics` answers them. */
export interface Tally {
  unitId: string; unitName?: string | null; received: number; answeredOnTime: number; answeredLate: number;
  accepted: number; rejected: number; awaitingJudgement: number; missed: number; bonusEarned: number;
}

/** The columns of the statistics, in the order of the table and the file. */
export const TALLY_COLUMNS: [keyof Tally | 'answered', string][] = [
  ['received', '约稿数'], ['answered', '已报送'], ['answeredOnTime', '按时报送'], ['answeredLate', '逾期报送'],
  ['accepted', '采纳'], ['rejected', '未采纳'], ['awaitingJudgement', '待审核'], ['missed', '逾期未报'],
  ['bonusEarned', '加分条数'],
];

export const answered = (t: Tally) => t.answeredOnTime + t.answeredLate;

export function figure(t: Tally, column: keyof Tally | 'answered'): number {
  return column === 'answered' ? answered(t) : Number(t[column] ?? 0);
}

/** `2026-10-01`..`2026-12-31` for the quarter of a Beijing date, `offset` quarters away. */
export function quarterRange(beijingToday: string, offset = 0): [string, string] {
  const [y, m] = beijingToday.split('-').map(Number);
  const index = y * 4 + Math.floor((m - 1) / 3) + offset;
  const year = Math.floor(index / 4);
  const first = (index % 4) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${year}-${pad(first)}-01`, `${year}-${pad(first + 2)}-${pad(lastDay)}`];
}

/** The period for people: 2026年10月01日至2026年12月31日. */
export function periodText(from: string, to: string): string {
  const day = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日');
  return `${day(from)}至${day(to)}`;
}

/** The figures as the workbook's header and rows, numbers as numbers. */
export function statisticsSheet(rows: Tally[], unitName: (t: Tally) => string): { header: string[]; rows: Cell[][] } {
  return { header: ['单位', ...TALLY_COLUMNS.map(([, label]) => label)],
    rows: rows.map((t) => [unitName(t), ...TALLY_COLUMNS.map(([key]) => figure(t, key))]) };
}

/** A commission as the list answers it, as far as a notice needs it. */
export interface CommissionSummary { id: string; title: string; deadlineDisplay?: string; issuedAt?: string }
/** A reminder as `GET /api/commission/notices` answers it. */
export interface ReminderNotice {
  commissionId: string; title: string; unitId: string; kind: string; postedAt: string; subject?: string;
  message?: string;
}

/** One line of the notices; `source` intake for an item's notice, whose `read` the service keeps. */
export interface Notice {
  key: string; kind: string; text: string; detail: string; href: string; at: string;
  source?: 'intake' | 'commission'; read?: boolean;
}

/** 截止前3天提醒 for BEFORE_3D, 逾期催报 for OVERDUE: never the service's code. */
export function reminderKind(kind: string): string {
  if (kind === 'OVERDUE') return '逾期催报';
  const days = /^BEFORE_(\d+)D$/.exec(kind);
  return days ? `截止前${days[1]}天提醒` : '约稿提醒';
}

/**
 * What a unit is told, newest first: each open commission sent to it (约稿通知: it appears when the room issues it,
 * not only when the first reminder is due) and each reminder the service posted.
 */
export function noticesOf(open: CommissionSummary[], reminders: ReminderNotice[]): Notice[] {
  const notices: Notice[] = [
    ...open.map((c) => ({ key: `new:${c.id}`, kind: '约稿通知', text: `新约稿：${c.title}`,
      detail: c.deadlineDisplay ? `截止时间：${c.deadlineDisplay}（北京时间）` : '', href: `#/commissions/${c.id}`,
      at: c.issuedAt ?? '' })),
    ...reminders.map((r) => ({ key: `${r.kind}:${r.unitId}:${r.commissionId}`, kind: reminderKind(r.kind),
      text: r.subject || `${reminderKind(r.kind)}：${r.title}`, detail: r.message ?? '',
      href: `#/commissions/${r.commissionId}`, at: r.postedAt })),
  ];
  return notices.sort((a, b) => b.at.localeCompare(a.at));
}
