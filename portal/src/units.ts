// 报送单位: the directory for the room, each unit with its membership spans; the administrator renames a unit, moves
// it to another group, lets it leave or join again — each from a month, which may lie in the past — and adds units
// with the month they join. Intake's field messages stand beside their fields.
import { get, post, Problem, put } from './api';
import {
  banner, beijingMonth, clearErrors, Ctx, dataTable, el, exportButton, field, GROUPS, guardedShow, hasRole, showFieldErrors,
} from './ui';

/** A span of membership: `untilMonth` is the first month after it, absent while it lasts. */
export interface MembershipView { group: number; fromMonth: string; untilMonth?: string | null }
interface UnitView { unitId: string; name: string; group: number; active: boolean; memberships?: MembershipView[] }

/** The groups offered in the forms, with whom each is for. */
export const GROUP_CHOICES: [string, string][] = [['1', '第一组（开发区、各镇）'], ['2', '第二组（旗直部门、驻旗单位）'], ['3', '第三组（服务中心、执法局等）']];

function monthLabel(month: string): string {
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
  return spans.map((s) => `${GROUPS[String(s.group)] ?? `第${s.group}组`} ${monthLabel(s.fromMonth)}`
    + (s.untilMonth ? `—${lastMonthBefore(s.untilMonth)}` : '起')).join('；');
}

/** The change the edit form sends: only what differs from the unit as it is (absent fields stay unchanged) and, with
 * a new group, a leave or a new join, the month it takes effect from; or the field errors of input that cannot be
 * sent at all (a group that is not a whole number, a month that is not 2026-07). */
export function unitChange(before: UnitView, name: string, group: string, active: boolean, fromMonth = ''):
  { change: { name?: string; group?: number; active?: boolean; fromMonth?: string };
    errors: { field: string; message: string }[] } {
  const change: { name?: string; group?: number; active?: boolean; fromMonth?: string } = {};
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

function groupSelect(id: string, selected?: number) {
  return el('select', { id, name: 'group' }, ...GROUP_CHOICES.map(([value, label]) =>
    el('option', { value, selected: String(selected) === value }, label)));
}

/** `#/units`, `#/units/{unitId}` (the administrator's edit form). */
export async function units(ctx: Ctx, editId?: string, notice?: string) {
  const show = guardedShow();
  const admin = hasRole(ctx, 'admin');
  const list = await get<UnitView[]>('/api/intake/units');
  let quotas: Record<string, number> = {};
  try {
    const p = await get<{ groups: { group: number; quota: number }[] }>(`/api/intake/quota-progress?month=${beijingMonth()}`);
    quotas = Object.fromEntries((p.groups ?? []).map((g) => [String(g.group), g.quota]));
  } catch { /* quota is a nicety here */ }
  const editing = editId ? list.find((u) => u.unitId === editId) : undefined;
  show(el('h1', {}, '报送单位'),
    notice ? banner(notice, 'ok') : null,
    el('p', { className: 'muted' }, admin ? '点击“修改”可修改单位名称，或从某月起调整组别、退出、重新加入（可追溯到以前的月份）。每月基础条数和排名按该月所在组别确定。'
      : '单位、组别和成员期间由管理员维护。每月基础条数和排名按该月所在组别确定。'),
    admin && editing ? editForm(ctx, editing) : null,
    admin && editId && !editing ? banner(`单位 ${editId} 不存在`) : null,
    exportButton('报送单位', () => document.querySelector<HTMLTableElement>('#unit-table')),
    dataTable<UnitView>([
      ['编号', (u) => u.unitId], ['名称', (u) => u.name], ['组别', (u) => GROUPS[String(u.group)] ?? `第${u.group}组`],
      ['每月基础条数', (u) => quotas[String(u.group)] ?? '—'],
      ['成员期间', (u) => el('span', { className: 'spans' }, membershipText(u.memberships))],
      ['状态', (u) => (u.active ? '在用' : '已退出')],
      ...(admin ? [['操作', (u: UnitView) => el('a', { className: 'button', href: `#/units/${u.unitId}`, 'data-edit': u.unitId }, '修改')] as [string, (u: UnitView) => Node]] : []),
    ], list, (u) => ({ 'data-unit': u.unitId, className: u.active ? '' : 'inactive' }), { id: 'unit-table' }),
    admin && !editId ? newUnitForm(ctx) : null);
}

function editForm(ctx: Ctx, u: UnitView) {
  const messages = el('div');
  const form = el('form', { id: 'unit-form', className: 'card', novalidate: true },
    el('h2', {}, `修改单位 ${u.unitId}`),
    field('name', '名称 *', el('input', { id: 'u-name', name: 'name', value: u.name, maxlength: 100 })),
    el('p', { className: 'muted' }, `成员期间：${membershipText(u.memberships)}`),
    field('group', '组别 *', groupSelect('u-group', u.group)),
    field('active', '', el('label', { className: 'check' }, el('input', { type: 'checkbox', id: 'u-active', name: 'active', checked: u.active }), '在用（退出后不再计基础条数、不参加以后月份的排名；以前月份的排名保留）')),
    field('fromMonth', '生效月份', el('input', { id: 'u-fromMonth', name: 'fromMonth', type: 'month', value: beijingMonth() }),
      '调整组别、退出或重新加入从该月起生效，可选以前的月份'),
    el('div', { className: 'actions' }, el('button', { type: 'submit', className: 'primary', id: 'save-unit' }, '保存'),
      el('a', { className: 'button', href: '#/units' }, '取消')),
    messages);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form, messages);
    const d = new FormData(form);
    const { change, errors } = unitChange(u, String(d.get('name') ?? ''), String(d.get('group') ?? ''), d.get('active') !== null,
      String(d.get('fromMonth') ?? ''));
    if (errors.length) { showFieldErrors(form, new Problem(400, '请按提示修改', '', undefined, errors), messages); return; }
    if (Object.keys(change).length === 0) { messages.replaceChildren(banner('没有修改任何内容。', 'ok')); return; }
    try {
      await put(`/api/intake/units/${encodeURIComponent(u.unitId)}`, change);
      ctx.unitNames[u.unitId] = change.name ?? u.name;
      // back to the list's address, so that 修改 on the same unit is a new hash again
      history.replaceState(null, '', '#/units');
      await units(ctx, undefined, `已保存 ${u.unitId}`);
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  return form;
}

function newUnitForm(ctx: Ctx) {
  const messages = el('div');
  const form = el('form', { id: 'new-unit-form', className: 'card', novalidate: true },
    el('h2', {}, '新增单位'),
    field('unitId', '编号 *', el('input', { id: 'n-unitId', name: 'unitId', placeholder: 'U053', size: 8 }), undefined, 'new'),
    field('name', '名称 *', el('input', { id: 'n-name', name: 'name', maxlength: 100 }), undefined, 'new'),
    field('group', '组别 *', groupSelect('n-group'), undefined, 'new'),
    field('fromMonth', '加入月份 *', el('input', { id: 'n-fromMonth', name: 'fromMonth', type: 'month', value: beijingMonth() }),
      '从该月起计基础条数并参加排名', 'new'),
    el('button', { type: 'submit', className: 'primary', id: 'create-unit' }, '新增'), messages);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form, messages);
    const d = new FormData(form);
    const group = String(d.get('group') ?? '').trim();
    try {
      const created = await post<UnitView>('/api/intake/units', { unitId: String(d.get('unitId') ?? '').trim(),
        name: String(d.get('name') ?? '').trim(), group: /^\d+$/.test(group) ? Number(group) : null,
        fromMonth: String(d.get('fromMonth') ?? '').trim() || null });
      ctx.unitNames[created.unitId] = created.name;
      await units(ctx, undefined, `已新增 ${created.unitId}`);
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  return form;
}
