// 全旗任务进度: every group's and unit's received items against the month's quota.
import { get } from './api';
import { quotaCell } from './progress';
import { GROUPS, beijingMonth, el, exportButton, guardedShow } from './ui';

export async function bannerProgress() {
  const show = guardedShow();
  const month = beijingMonth();
  const p = await get<any>(`/api/intake/quota-progress?month=${month}`);
  show(el('h1', {}, `${month} 全旗任务进度`),
    el('div', { className: 'cards' }, ...(p.groups ?? []).map((g: any) => el('section', { className: 'card' },
      el('h2', {}, `${GROUPS[g.group] ?? g.group}（基础条数 ${quotaCell(g.quota)}）`),
      el('p', {}, g.quota == null ? `共接收 ${g.received} 条` : `${g.unitsOnQuota}/${g.units} 个单位已完成，共接收 ${g.received} 条`)))),
    ...(p.quotaNote ? [el('p', { className: 'muted', id: 'quota-note' }, p.quotaNote)] : []),
    exportButton(`${month} 全旗任务进度`, () => document.querySelector<HTMLTableElement>('#progress-table')),
    el('table', { className: 'list', id: 'progress-table' }, el('thead', {}, el('tr', {}, el('th', {}, '单位'), el('th', {}, '已接收'), el('th', {}, '基础条数'), el('th', {}, '差额'))),
      el('tbody', {}, ...(p.units ?? []).map((u: any) => el('tr', {}, el('td', { 'data-label': '单位' }, u.unitName),
        el('td', { 'data-label': '已接收' }, u.received), el('td', { 'data-label': '基础条数' }, quotaCell(u.quota)), el('td', { 'data-label': '差额' }, quotaCell(u.shortfall)))))));
}
