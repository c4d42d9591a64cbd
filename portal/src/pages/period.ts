// Periods as the services name them ("2026-07", "2026-Q4", "2026") and as people read them (2026年7月,
// 2026年第四季度, 2026年). Pure: the period picker and the pages that show a period use these.

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period { kind: PeriodKind; year: number; /** 1–12, 1–4 or 0 for a year */ part: number }

export const PERIOD_KINDS: Record<PeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };
export const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** "2026-07" | "2026-Q4" | "2026" → the period; anything else → null. */
export function parsePeriod(code: string | null | undefined): Period | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/.exec((code ?? '').trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, part: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, part: Number(m[3]) };
  return { kind: 'year', year, part: 0 };
}

/** The period → the code the services read. */
export function periodCode(p: Period): string {
  if (p.kind === 'month') return `${p.year}-${String(p.part).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.part}`;
  return String(p.year);
}

/** "2026-Q4" → 2026年第四季度, "2026-07" → 2026年7月, "2026" → 2026年; an unreadable code is returned as it is. */
export function periodLabel(code: string): string {
  const p = parsePeriod(code);
  if (!p) return code;
  if (p.kind === 'month') return `${p.year}年${p.part}月`;
  if (p.kind === 'quarter') return `${p.year}年${QUARTER_NAMES[p.part - 1]}`;
  return `${p.year}年`;
}

const lastMonth = (p: Period) => (p.kind === 'month' ? p.part : p.kind === 'quarter' ? p.part * 3 : 12);

/**
 * The period of `kind` that holds the last month of `code`, but not later than the current month `today`
 * ("2026-07"): switching 2026年 to 季度 in November gives 2026年第四季度, to 月度 2026年11月, not a month to come.
 */
export function changeKind(code: string, kind: PeriodKind, today: string): string {
  const from = parsePeriod(code) ?? parsePeriod(today)!;
  const now = parsePeriod(today)!;
  let year = from.year;
  let month = lastMonth(from);
  if (year > now.year || (year === now.year && month > now.part)) { year = now.year; month = now.part; }
  if (kind === 'month') return periodCode({ kind, year, part: month });
  if (kind === 'quarter') return periodCode({ kind, year, part: Math.ceil(month / 3) });
  return String(year);
}

/** The `count` months that end with `month` ("2026-07"), oldest first. */
export function monthsEnding(month: string, count: number): string[] {
  const p = parsePeriod(month)!;
  return Array.from({ length: count }, (_, i) => {
    const index = p.year * 12 + (p.part - 1) - (count - 1 - i);
    return periodCode({ kind: 'month', year: Math.floor(index / 12), part: (index % 12) + 1 });
  });
}
