// 制度备案 without the browser: the statuses in Chinese, the page's own check of the chosen file, the year chosen
// from the address, and the units' filings as a workbook.
import { checkAttachment } from '../attachments';
import type { Cell } from '../sheets';
import { fmtTime, GROUPS, personName } from '../ui';

export const FILING_STATUS: Record<string, string> = {
  FILED: '已备案', FILED_LATE: '逾期备案', NOT_YET_DUE: '未备案（未到期）', OVERDUE: '逾期未备案',
};

export interface UnitFiling {
  unitId: string; unitName: string; group: number; status: string; statusLabel: string; title: string | null;
  fileName: string | null; attachmentId: string | null; filedBy: string | null; filedAt: string | null;
}
export interface FilingOverview { year: number; deadline: string; filed: number; filedLate: number; missing: number; units: UnitFiling[] }

/** Filings are documents only (the service refuses images here). */
export function checkFilingFile(name: string, size: number): string | null {
  if (/\.(jpe?g|png)$/i.test(name)) return '备案材料应为 PDF、Word 或 WPS 文档';
  return checkAttachment(name, size, 0);
}

/** The year of the address (an older one from a bookmark too, none to come) and the years offered: this one
 * (Beijing), the two before it and the asked one. */
export function filingYears(thisYear: number, asked: string): { years: number[]; year: number } {
  const year = /^\d{4}$/.test(asked) && Number(asked) <= thisYear ? Number(asked) : thisYear;
  return { years: [...new Set([thisYear, thisYear - 1, thisYear - 2, year])].sort((a, b) => b - a), year };
}

export const FILING_SHEET_HEADER = ['单位', '组别', '状态', '制度文件', '备案人', '备案时间'];

export function filingSheet(units: UnitFiling[], unitName: (f: UnitFiling) => string): Cell[][] {
  return units.map((f) => [unitName(f), GROUPS[String(f.group)] ?? `第${f.group}组`, f.statusLabel ?? FILING_STATUS[f.status] ?? '',
    f.title ?? '—', personName(f.filedBy) || '—', fmtTime(f.filedAt)]);
}
