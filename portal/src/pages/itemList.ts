// The three lists of items (the room's inbox, the leader's sign-off queue, the unit's own list), pure: the filters as
// the address carries them and as intake's search reads them, the sort a column asks for, which rows a batch may take,
// a batch run item by item, and the rows of 导出 Excel. ItemList.vue draws them.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { describe } from '../api';
import { onBehalfMark, type Item, type Page } from '../items';
import { CATEGORY, fmtTime, GROUPS, STATUS } from '../ui';
import { parsePeriod } from './period';

export type ListKind = 'inbox' | 'sign-off' | 'mine';
/** The fields intake sorts by (ItemController.search); the sign-off queue keeps its own order. */
export type SortField = 'submittedAt' | 'updatedAt' | 'title' | 'unitId';
export type Order = 'asc' | 'desc';

export interface ListFilters {
  /** statuses shown; empty: every status the reader may see */
  status: string[];
  group: string; unitId: string; category: string;
  /** a month, quarter or year of the latest submission ("2026-07", "2026-Q3", "2026"); '' for any */
  period: string;
  q: string;
  sort: SortField; order: Order;
  /** 1-based, as people count pages */
  page: number; size: number;
}

export const PAGE_SIZES = [20, 50, 100];
/** intake answers at most this many items a page (MAX_PAGE_SIZE) */
const API_MAX_SIZE = 100;
const SORTS: SortField[] = ['submittedAt', 'updatedAt', 'title', 'unitId'];

/** The room opens on what still waits for it; the unit on what it touched last. */
const DEFAULT_STATUS: Record<ListKind, string[]> = { inbox: ['SUBMITTED'], 'sign-off': [], mine: [] };
const DEFAULT_SORT: Record<ListKind, SortField> = { inbox: 'submittedAt', 'sign-off': 'submittedAt', mine: 'updatedAt' };
/** In the address, "every status" where the list has a default one. */
const ALL = 'all';

const values = (v: LocationQuery[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v == null ? [] : [v]).filter((s): s is string => typeof s === 'string');
const one = (v: LocationQuery[string] | undefined) => values(v)[0]?.trim() ?? '';
const positive = (s: string, fallback: number) => (/^[1-9]\d{0,5}$/.test(s) ? Number(s) : fallback);

/** The filters an address names; what it does not name (or names wrongly) is the list's default. */
export function filtersFromQuery(kind: ListKind, query: LocationQuery): ListFilters {
  const size = positive(one(query.size), PAGE_SIZES[0]);
  const base: ListFilters = {
    status: DEFAULT_STATUS[kind], group: '', unitId: '', category: '', period: '', q: '',
    sort: DEFAULT_SORT[kind], order: 'desc', page: positive(one(query.page), 1),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  };
  if (kind === 'sign-off') return base;
  const asked = values(query.status);
  const statuses = [...new Set(asked.filter((s) => s in STATUS))];
  const status = asked.includes(ALL) ? [] : statuses.length ? (kind === 'mine' ? statuses.slice(0, 1) : statuses)
    : DEFAULT_STATUS[kind];
  const sort = one(query.sort) as SortField;
  const period = one(query.period);
  return {
    ...base, status,
    group: kind === 'inbox' && one(query.group) in GROUPS ? one(query.group) : '',
    unitId: kind === 'inbox' ? one(query.unitId) : '',
    category: one(query.category) in CATEGORY ? one(query.category) : '',
    period: parsePeriod(period) ? period : '',
    q: one(query.q).slice(0, 100),
    sort: SORTS.includes(sort) ? sort : DEFAULT_SORT[kind],
    order: one(query.order) === 'asc' ? 'asc' : 'desc',
  };
}

/** The address's query for the filters: only what differs from the list's defaults, so `#/inbox` stays short. */
export function queryOf(kind: ListKind, f: ListFilters): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  const defaults = DEFAULT_STATUS[kind];
  if (kind !== 'sign-off') {
    const sameStatus = f.status.length === defaults.length && f.status.every((s) => defaults.includes(s));
    if (!sameStatus) q.status = f.status.length ? [...f.status] : ALL;
    for (const key of ['group', 'unitId', 'category', 'period', 'q'] as const) if (f[key]) q[key] = f[key];
    if (f.sort !== DEFAULT_SORT[kind] || f.order !== 'desc') { q.sort = f.sort; q.order = f.order; }
  }
  if (f.page > 1) q.page = String(f.page);
  if (f.size !== PAGE_SIZES[0]) q.size = String(f.size);
  return q;
}

/** The service's address for one page of the list (`page` 1-based; intake counts from 0). */
export function listPath(kind: ListKind, f: ListFilters, page = f.page, size = f.size): string {
  const p = new URLSearchParams();
  if (kind !== 'sign-off') {
    f.status.forEach((s) => p.append('status', s));
    for (const key of ['group', 'unitId', 'category', 'period', 'q'] as const) if (f[key]) p.set(key, f[key]);
    p.set('sort', f.sort);
    p.set('order', f.order);
  }
  p.set('page', String(page - 1));
  p.set('size', String(size));
  return `${kind === 'sign-off' ? '/api/intake/items/sign-off-queue' : '/api/intake/items'}?${p}`;
}

/** The table's column sort → the filters' sort (back to the list's default when the column lets go). */
export function sortOf(kind: ListKind, prop: string | null, order: 'ascending' | 'descending' | null): Pick<ListFilters, 'sort' | 'order'> {
  if (!order || !prop || !SORTS.includes(prop as SortField)) return { sort: DEFAULT_SORT[kind], order: 'desc' };
  return { sort: prop as SortField, order: order === 'ascending' ? 'asc' : 'desc' };
}

/** The filters' sort as the table marks it on its column. */
export function tableSort(f: Pick<ListFilters, 'sort' | 'order'>): { prop: string; order: 'ascending' | 'descending' } {
  return { prop: f.sort, order: f.order === 'asc' ? 'ascending' : 'descending' };
}

/** Every item of the filtered list, page after page of the largest size the service answers (导出 Excel). */
export async function allItems(kind: ListKind, f: ListFilters, fetchPage: (path: string) => Promise<Page>): Promise<Item[]> {
  const all: Item[] = [];
  for (let page = 1; ; page++) {
    const answer = await fetchPage(listPath(kind, f, page, API_MAX_SIZE));
    all.push(...answer.items);
    if (answer.items.length < API_MAX_SIZE || all.length >= answer.total) return all;
  }
}

// ---------- the room's batch ----------

/** 接收 takes what a unit sent and nobody handled yet. */
export const receivable = (i: Pick<Item, 'status'>) => i.status === 'SUBMITTED';
/** 作废 takes anything sent that is not void already (as the item page offers it). */
export const voidable = (i: Pick<Item, 'status'>) => i.status !== 'VOIDED' && i.status !== 'DRAFT';

export interface BatchOutcome {
  done: Item[];
  /** each refusal with the service's Chinese reason */
  failed: { item: Item; reason: string }[];
}

/**
 * The action on each item in turn (one request at a time: each is the item page's own call, with its own
 * Idempotency-Key); a refusal is kept with its reason and the run goes on. `progress` hears each finished one.
 */
export async function inTurn(items: Item[], act: (item: Item) => Promise<unknown>,
                             progress: (finished: number) => void = () => {}): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], failed: [] };
  for (const item of items) {
    try {
      await act(item);
      outcome.done.push(item);
    } catch (e) {
      outcome.failed.push({ item, reason: describe(e) });
    }
    progress(outcome.done.length + outcome.failed.length);
  }
  return outcome;
}

export const titleOf = (i: Item) => i.content.title || '（无标题）';

// ---------- what a row shows ----------

/** The leader's opinion on a draft sent back to its unit, shown under its status; else null. */
export const leaderOpinion = (i: Pick<Item, 'leaderSentBack' | 'signOffOpinion'>) =>
  i.leaderSentBack && i.signOffOpinion ? `领导意见：${i.signOffOpinion}` : null;

/** The marks a row carries besides its facts: 疑似重复, 代录 (who, when), the leader's opinion. */
export function marksOf(i: Item): string[] {
  return [i.nearDuplicate ? '疑似重复' : null, onBehalfMark(i), leaderOpinion(i)].filter((m): m is string => !!m);
}

/** 导出 Excel: the columns the table shows, the marks in a column of their own. */
export function exportRows(items: Item[], showUnit: boolean, unitNames: Record<string, string>) {
  const header = ['标题', ...(showUnit ? ['单位'] : []), '类别', '状态', '报送时间', '标记'];
  const rows = items.map((i) => [titleOf(i), ...(showUnit ? [unitNames[i.unitId] ?? i.unitId] : []),
    i.content.categoryLabel ?? '', i.statusLabel, i.submittedAt ? fmtTime(i.submittedAt) : '', marksOf(i).join('；')]);
  return { header, rows };
}
