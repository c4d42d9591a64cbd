// 报送单位 without the browser: a unit's membership spans as people read them, the change the edit form sends, the
// list narrowed by name and group, and the list as a workbook.
import type { Cell } from '../sheets';
import { GROUPS } from '../ui';

/** A span of membership: `untilMonth` is the first month after it, absent while it lasts. */
export interface MembershipView { group: number; fromMonth: string; untilMonth?: string | null }
export interface UnitView { unitId: string; name: string; group: number; active: boolean; memberships?: MembershipView[] }
export interface UnitChange { name?: string; group?: number; active?: boolean; fromMonth?: string }

/** The groups offered in the forms, with whom each is for. */
export const GROUP_CHOICES: [string, string][] = [['1', '第一组（开发区、各镇）'], ['2', '第二组（旗直部门、驻旗单位）'], ['3', '第三组（服务中心、执法局等）']];

export const groupName = (group: number) => GROUPS[String(group)] ?? `第${group}组`;

/** `2026-07` → 2026年7月. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

function lastMonthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`;
}

/** The spans as a person reads them, e.g. 第二组 2022年7月—2026年6月；第三组 2026年7月起. */
export function membershipText(spans: MembershipView[] | undefined): string {
  if (!spans || spans.length === 0) return '—';
  return spans.map((s) => `${groupName(s.group)} ${monthLabel(s.fromMonth)}`
    + (s.untilMonth ? `—${lastMonthBefore(s.untilMonth)}` : '起')).join('；');
}

/** The change the edit form sends: only what differs from the unit as it is (absent fields stay unchanged) and, with
 * a new group, a leave or a new join, the month it takes effect from; or the field errors of input that cannot be
 * sent at all (a group that is not a whole number, a month that is not 2026-07). */
export function unitChange(before: UnitView, name: string, group: string, active: boolean, fromMonth = ''):
  { change: UnitChange; errors: { field: string; message: string }[] } {
  const change: UnitChange = {};
  const errors: { field: string; message: string }[] = [];
  if (name.trim() !== before.name) change.name = name.trim();
  const g = group.trim();
  if (!/^\d+$/.test(g)) errors.push({ field: 'group', message: '组别应为整数，如 2' });
  else if (Number(g) !== before.group) change.group = Number(g);
  if (active !== before.active) change.active = active;
  const month = fromMonth.trim();
  if ((change.group !== undefined || change.active !== undefined) && month) {
    if (!/^\d{4}-\d{2}$/.test(month)) errors.push({ field: 'fromMonth', message: '生效月份格式应为 2026-07' });
    else change.fromMonth = month;
  }
  return { change, errors };
}

/** The units whose name (or 编号) holds `text` and, when one is chosen, that are in `group` now. */
export function filterUnits(units: UnitView[], text: string, group: string): UnitView[] {
  const wanted = text.trim().toLowerCase();
  return units.filter((u) => (!group || String(u.group) === group)
    && (!wanted || u.name.toLowerCase().includes(wanted) || u.unitId.toLowerCase().includes(wanted)));
}

export const UNIT_SHEET_HEADER = ['编号', '名称', '组别', '每月基础条数', '成员期间', '状态'];

/** The units as the list shows them, one row each; the monthly quota as a number where the group has one. */
export function unitSheet(units: UnitView[], quotas: Record<string, number>): Cell[][] {
  return units.map((u) => [u.unitId, u.name, groupName(u.group), quotas[String(u.group)] ?? '—',
    membershipText(u.memberships), u.active ? '在用' : '已退出']);
}
