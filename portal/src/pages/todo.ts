// 待办: what waits for the signed-in person, by role, each with its count and the page where it is done. The counts
// come from the services' own lists (their totals), so the home says what those pages will show.
import { get } from '../api';
import { beijingMonth } from '../ui';

export interface TodoCount {
  /** how many wait; null when the thing has no count (a quota with no figure) */
  count: number | null;
  /** one sentence beside the count, e.g. 最近截止 2026年07月31日 23:59 */
  note?: string;
}

export interface Todo {
  key: string;
  label: string;
  href: string;
  /** the count is urgent when above zero (shown in red): something late or refused waits */
  urgent?: boolean;
  load: () => Promise<TodoCount>;
}

interface Page { total: number }
interface Commission { deadlineDisplay: string; deadlineAt: string; targets: { answers: { judgeable: boolean }[] }[] }
interface CircularSummary { status: string; openObjections: number }
interface UnitProgress { unitId: string; received: number; quota: number | null; shortfall: number | null }

const items = (status: string) => async (): Promise<TodoCount> =>
  ({ count: (await get<Page>(`/api/intake/items?status=${status}&size=1`)).total });

/** The open commissions of the unit, with the nearest deadline. */
async function openCommissions(): Promise<TodoCount> {
  const list = await get<Commission[]>('/api/commission/commissions?scope=open');
  const next = [...list].sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt))[0];
  return { count: list.length, note: next ? `最近截止 ${next.deadlineDisplay}` : undefined };
}

/** Answers the room can judge now (received, not judged), over every commission. */
async function answersToJudge(): Promise<TodoCount> {
  const list = await get<Commission[]>('/api/commission/commissions?scope=all');
  return { count: list.flatMap((c) => c.targets).flatMap((t) => t.answers).filter((a) => a.judgeable).length };
}

async function circularsInReview(): Promise<TodoCount> {
  const list = await get<CircularSummary[]>('/api/reporting/circulars');
  return { count: list.filter((c) => c.status === 'IN_REVIEW').length };
}

async function openObjections(): Promise<TodoCount> {
  const list = await get<CircularSummary[]>('/api/reporting/circulars');
  return { count: list.reduce((n, c) => n + (c.status === 'IN_REVIEW' ? c.openObjections : 0), 0) };
}

/** This month's quota of the unit: what is still short (0 when done; null when the month sets no quota). */
function shortOfQuota(unitId: string) {
  return async (): Promise<TodoCount> => {
    const month = beijingMonth();
    const p = await get<{ units: UnitProgress[] }>(`/api/intake/quota-progress?month=${month}`);
    const u = p.units.find((x) => x.unitId === unitId);
    if (!u || u.quota == null) return { count: null, note: '本月本单位不设基础条数' };
    return { count: u.shortfall ?? 0, note: `已被接收 ${u.received} 条 / 基础条数 ${u.quota} 条` };
  };
}

/** What waits for a person with these roles (and unit), in the order the home shows it. */
export function todosFor(roles: string[], unitId: string | null): Todo[] {
  const has = (r: string) => roles.includes(r);
  const todos: Todo[] = [];
  if (has('reporter')) {
    todos.push(
      { key: 'returned', label: '退回修改的信息', href: '#/items?status=RETURNED', urgent: true, load: items('RETURNED') },
      { key: 'drafts', label: '未报送的草稿', href: '#/items?status=DRAFT', load: items('DRAFT') },
      { key: 'commissions', label: '待完成的约稿', href: '#/overview', urgent: true, load: openCommissions },
    );
    if (unitId) todos.push({ key: 'quota', label: '本月还差的基础条数', href: '#/overview', load: shortOfQuota(unitId) });
  }
  if (has('unit-leader')) {
    todos.push({ key: 'sign-off', label: '待签批的信息', href: '#/sign-off', urgent: true,
      load: async () => ({ count: (await get<Page>('/api/intake/items/sign-off-queue?size=1')).total }) });
  }
  if (has('reporter') || has('unit-leader')) {
    todos.push({ key: 'reviews', label: '复核中的通报（可核对本单位数据）', href: '#/circulars', load: circularsInReview });
  }
  if (has('info-room')) {
    todos.push(
      { key: 'inbox', label: '待接收的信息', href: '#/inbox', urgent: true, load: items('SUBMITTED') },
      { key: 'judgements', label: '待认可的约稿回复', href: '#/commissions', load: answersToJudge },
      { key: 'objections', label: '待答复的通报复核申请', href: '#/circulars', urgent: true, load: openObjections },
    );
  }
  return todos;
}
