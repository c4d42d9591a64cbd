// 季度通报 / 年度考评 as the pages read them: the service's answers, their Chinese names, the publishing guard, the
// list's filters and its sheet, and where a unit finds the circulars it may review. Pure but for `unitReviews`.
import { get } from '../api';
import type { Cell } from '../sheets';
import { fmtTime } from '../ui';
import { parsePeriod, periodLabel } from './period';

export const CIRCULAR_KIND: Record<string, string> = { QUARTERLY: '季度通报', ANNUAL: '年度考评' };
export const CIRCULAR_STATUS: Record<string, string> = {
  DRAFT: '草稿', IN_REVIEW: '复核中', PUBLISHED: '已发布', SUPERSEDED: '已被更正',
};
export const RESOLUTION: Record<string, string> = { UPHELD: '复核属实（将更正数据）', DISMISSED: '维持原结果' };

export interface Summary {
  id: string; seriesId: string; kind: string; period: string; version: number; title: string;
  documentNumber: string | null; status: string; reviewClosesAt: string | null; publishedAt: string | null;
  openObjections: number; updatedAt: string;
}
export interface RankingLine {
  rank: number; unitId: string; unitName: string; points: number; submissionPoints: number; forwardPoints: number;
  adoptionPoints: number; commissionPoints: number; deductionPoints: number; receivedItems: number; quota: number;
  shortfall: number;
}
export interface Objection {
  id: string; unitId: string; raisedBy: string; reason: string; raisedAt: string; resolution: string | null;
  reply: string | null; resolvedBy: string | null; resolvedAt: string | null;
}
export interface UnitRef { unitId: string; unitName: string; status: string }
export interface AnnexLine { no: number; itemId: string; itemTitle: string; unitId: string; unitName: string; publication: string; date: string;
  /** null while scoring has not scored the item; explanation is scoring's wording (absent in older circulars) */
  points: number | null; explanation?: string | null }
/** Scoring's points of an annex item, or 待积分公布 while scoring has not scored it. */
export function annexPoints(a: Pick<AnnexLine, 'points'>): string | number {
  return a.points ?? '待积分公布';
}

export interface Figures {
  period: string;
  groups: { group: number; groupName: string; snapshotVersion: number; rows: RankingLine[] }[];
  noSubmission: { group: number; unitId: string; unitName: string }[];
  missedQuota: { group: number; unitId: string; unitName: string; receivedItems: number; quota: number; shortfall: number }[];
  commissions: { commissionId: string; title: string; deadline: string; answered: UnitRef[]; missed: UnitRef[]; pending: UnitRef[] }[];
  annex: AnnexLine[];
  warnings: string[];
}
export interface Circular extends Summary {
  previousId: string | null; figures: Figures; objections: Objection[]; createdBy: string; createdAt: string;
  publishedBy: string | null; correctionReason: string | null;
  /** when the period lets it be published (00:00 Beijing time after its last day), and the refusal's words before */
  publishableFrom?: string; periodNotEnded?: string;
  changes: { group: number | null; unitId: string | null; unitName: string | null; figure: string; before: string; after: string }[];
}
export interface UnitFigures {
  circularId: string; unitId: string; group: number | null; line: RankingLine | null; annex: AnnexLine[];
  commissions: UnitRef[]; objections: Objection[];
}

export const circularPath = (id: string) => `/api/reporting/circulars/${encodeURIComponent(id)}`;
export const docxPath = (id: string) => `/api/reporting/circulars/${encodeURIComponent(id)}/document.docx`;
export const xlsxPath = (id: string) => `/api/reporting/circulars/${encodeURIComponent(id)}/document.xlsx`;

/** A person's name for a circular id: `QUARTERLY-2026-Q4-v2` → `2026年第四季度通报（第2版）`. */
export function circularLabel(id: string): string {
  const m = /^(QUARTERLY|ANNUAL)-(\d{4})(?:-Q([1-4]))?-v(\d+)$/.exec(id);
  if (!m) return id;
  const [, kind, year, q, v] = m;
  const what = kind === 'QUARTERLY' ? `${year}年第${'一二三四'[Number(q) - 1]}季度通报` : `${year}年度考评`;
  return `${what}（第${v}版）`;
}

/** The kind of circular a chosen period makes: a quarter its 季度通报, a year its 年度考评. */
export const kindOfPeriod = (code: string) => (parsePeriod(code)?.kind === 'year' ? 'ANNUAL' : 'QUARTERLY');

/** What a new draft of the period will be called: 2026年第三季度通报, 2026年度考评. */
export const draftName = (code: string) => (kindOfPeriod(code) === 'ANNUAL' ? `${code}年度考评` : `${periodLabel(code)}通报`);

/**
 * Why the circular cannot be published yet because its period runs on, or null. The rule and its words are the
 * service's (`periodNotEnded`, `publishableFrom` on the circular): the page only stops saying it once the instant
 * has passed, so a page left open enables 发布 at midnight without asking again.
 */
export function periodNotEnded(c: Pick<Circular, 'publishableFrom' | 'periodNotEnded'>, now = Date.now()): string | null {
  if (!c.periodNotEnded || !c.publishableFrom || now >= Date.parse(c.publishableFrom)) return null;
  return c.periodNotEnded;
}

/** Whether 发布 may be pressed now, and the reason beside it when not; `next` is when the answer may change. */
export function publishState(c: Pick<Circular, 'publishableFrom' | 'periodNotEnded' | 'reviewClosesAt' | 'objections'>,
  now = Date.now()): { ready: boolean; hint: string; next: number | null } {
  const notEnded = periodNotEnded(c, now);
  const closesAt = c.reviewClosesAt ? Date.parse(c.reviewClosesAt) : 0;
  const open = now <= closesAt;
  const waiting = c.objections.some((o) => !o.resolution);
  const hint = notEnded ?? (open ? `复核期至 ${fmtTime(c.reviewClosesAt)}，结束后可发布` : waiting ? '还有未答复的复核申请' : '');
  const later = [closesAt + 1, c.publishableFrom ? Date.parse(c.publishableFrom) : 0].filter((t) => t > now);
  return { ready: !notEnded && !open && !waiting, hint, next: later.length ? Math.max(...later) : null };
}

// ---------- the list ----------
export interface ListFilter { kind: string; status: string; year: string }

/** The circulars the filter keeps, newest period first, then the latest version first. */
export function filterCirculars(list: Summary[], f: ListFilter): Summary[] {
  return list.filter((c) => (!f.kind || c.kind === f.kind) && (!f.status || c.status === f.status)
    && (!f.year || c.period.startsWith(f.year)))
    .sort((a, b) => b.period.localeCompare(a.period) || a.kind.localeCompare(b.kind) || b.version - a.version);
}

export const yearsOf = (list: Summary[]) => [...new Set(list.map((c) => c.period.substring(0, 4)))].sort().reverse();

export const CIRCULAR_SHEET = ['标题', '类型', '期间', '版本', '状态', '文号', '复核截止', '待处理复核', '发布时间'];
/** The rows of 导出 Excel: what the list shows, in words. */
export function circularSheet(list: Summary[]): Cell[][] {
  return list.map((c) => [c.title, CIRCULAR_KIND[c.kind] ?? c.kind, periodLabel(c.period), c.version, CIRCULAR_STATUS[c.status] ?? c.status,
    c.documentNumber ?? '', c.reviewClosesAt ? fmtTime(c.reviewClosesAt) : '', c.openObjections,
    c.publishedAt ? fmtTime(c.publishedAt) : '']);
}

// ---------- a unit's reviews ----------
export interface UnitReview { id: string; figures: UnitFigures }

/** The series a unit may be asked to review now: this and last quarter (`2026-Q4`), this and last year. */
export function likelySeries(thisQuarter: string, lastQuarter: string): string[] {
  const year = Number(thisQuarter.substring(0, 4));
  return [`QUARTERLY-${thisQuarter}`, `QUARTERLY-${lastQuarter}`, `ANNUAL-${year}`, `ANNUAL-${year - 1}`];
}

/** Units cannot list circulars in review (the service lists only published ones to them), so the page asks for
 * the unit's own figures of the likely series, version by version, and keeps those not yet published. */
export async function unitReviews(series: string[]): Promise<UnitReview[]> {
  const found: UnitReview[] = [];
  await Promise.all(series.map(async (s) => {
    for (let v = 1; v <= 5; v++) {
      try {
        found.push({ id: `${s}-v${v}`, figures: await get<UnitFigures>(`${circularPath(`${s}-v${v}`)}/my-figures`) });
      } catch {
        return; // 404: no such version; 409: a draft, not yet in review (no later version can exist)
      }
    }
  }));
  const published = await Promise.all(found.map((f) => get<Circular>(circularPath(f.id)).then(() => true, () => false)));
  // 403 on the circular: not published yet, i.e. in review; published ones are in the list
  return found.filter((_, i) => !published[i]).sort((a, b) => a.id.localeCompare(b.id));
}
