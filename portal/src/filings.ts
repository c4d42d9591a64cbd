// 制度备案: each unit files its information-work rules for the year by 31 July (Beijing); the room, leaders and
// administrators see who filed, who filed late and who is overdue.
import { get } from './api';
import { checkAttachment } from './attachments';
import {
  banner, clearErrors, Ctx, dataTable, el, exportButton, field, fmtTime, personName, GROUPS, guardedShow, hasRole, pressOnly, showFieldErrors,
} from './ui';
import { upload } from './upload';

export const FILING_STATUS: Record<string, string> = {
  FILED: '已备案', FILED_LATE: '逾期备案', NOT_YET_DUE: '未备案（未到期）', OVERDUE: '逾期未备案',
};

interface UnitFiling {
  unitId: string; unitName: string; group: number; status: string; statusLabel: string; title: string | null;
  fileName: string | null; attachmentId: string | null; filedBy: string | null; filedAt: string | null;
}
interface Overview { year: number; deadline: string; filed: number; filedLate: number; missing: number; units: UnitFiling[] }

/** Filings are documents only (the service refuses images here). */
export function checkFilingFile(name: string, size: number): string | null {
  if (/\.(jpe?g|png)$/i.test(name)) return '备案材料应为 PDF、Word 或 WPS 文档';
  return checkAttachment(name, size, 0);
}

const statusTag = (s: string, label?: string) =>
  el('span', { className: `status f-${s}`, 'data-status': s }, label ?? FILING_STATUS[s] ?? s);

/** `#/filings?year=2026`. */
export async function filings(ctx: Ctx, query: URLSearchParams, notice?: string) {
  const show = guardedShow();
  const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).substring(0, 4));
  const year = Number(query.get('year')) || thisYear;
  const years = el('form', { className: 'filters', id: 'filing-year' },
    el('select', { name: 'year', id: 'fy', 'aria-label': '年份' }, ...[thisYear, thisYear - 1, thisYear - 2].map((y) =>
      el('option', { value: y, selected: y === year }, `${y} 年`))),
    el('button', { type: 'submit', className: 'primary' }, '查看'));
  years.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/filings?year=${new FormData(years).get('year')}`;
  });
  const head = [el('h1', {}, `${year} 年制度备案`), years,
    el('p', { className: 'muted' }, `各单位应于 ${year} 年 7 月 31 日（北京时间）前将本单位信息工作制度报信息室备案。`),
    notice ? banner(notice, 'ok') : null];
  const sections: (Node | null)[] = [];
  if (hasRole(ctx, 'info-room', 'viewer', 'admin')) sections.push(await overview(ctx, year));
  if (ctx.me.unitId && hasRole(ctx, 'reporter', 'unit-leader')) sections.push(await mine(ctx, year));
  show(...head, ...sections);
}

async function overview(ctx: Ctx, year: number) {
  const o = await get<Overview>(`/api/intake/filings/${year}`);
  const table = el('div');
  let filter = '';
  const render = () => table.replaceChildren(exportButton(`${year}年制度备案`, () => table.querySelector('table')),
    dataTable<UnitFiling>([
    ['单位', (u) => u.unitName ?? ctx.unitNames[u.unitId] ?? u.unitId], ['组别', (u) => GROUPS[String(u.group)] ?? u.group],
    ['状态', (u) => statusTag(u.status, u.statusLabel)], ['制度文件', (u) => u.title ?? '—'],
    ['备案人', (u) => personName(u.filedBy) || '—'], ['备案时间', (u) => fmtTime(u.filedAt)],
  ], o.units.filter((u) => !filter || u.status === filter), (u) => ({ 'data-unit': u.unitId, 'data-status': u.status }),
  { id: 'filing-table' }, '没有符合条件的单位。'));
  const tabs = el('div', { className: 'tabs', role: 'group', 'aria-label': '按备案状态筛选' }, ...[['', '全部'], ...Object.entries(FILING_STATUS)].map(([s, t]) =>
    el('button', { type: 'button', className: s === filter ? 'active' : '', 'data-filter': s, 'aria-pressed': String(s === filter), onclick: (ev: Event) => {
      filter = s;
      pressOnly(tabs, ev.target as HTMLElement);
      render();
    } }, `${t}（${s ? o.units.filter((u) => u.status === s).length : o.units.length}）`)));
  render();
  return el('section', { className: 'card', id: 'filing-overview' },
    el('h2', {}, '各单位备案情况'),
    el('p', { id: 'filing-counts' }, `截止 ${fmtTime(o.deadline)}：按时备案 ${o.filed} 个，逾期备案 ${o.filedLate} 个，未备案 ${o.missing} 个`),
    tabs, table);
}

async function mine(ctx: Ctx, year: number) {
  const f = await get<UnitFiling>(`/api/intake/filings/${year}/mine`);
  const messages = el('div');
  const file = el('input', { type: 'file', id: 'filing-file', name: 'file', accept: '.pdf,.doc,.docx,.wps' });
  const form = el('form', { id: 'filing-form', className: 'inline-form', novalidate: true },
    field('title', '制度文件名称 *', el('input', { id: 'filing-title', name: 'title', value: f.title ?? '', maxlength: 200 })),
    field('file', '制度文件 *', file, 'PDF、Word 或 WPS 文档，不超过 10 MB'),
    el('button', { type: 'submit', className: 'primary', id: 'file-rules' }, f.filedAt ? '重新备案' : '备案'), messages);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form, messages);
    const title = String(new FormData(form).get('title') ?? '').trim();
    const chosen = file.files?.[0];
    const local: [string, string][] = [];
    if (!title) local.push(['title', '请填写制度文件名称']);
    const refusal = chosen ? checkFilingFile(chosen.name, chosen.size) : '请选择制度文件';
    if (refusal) local.push(['file', refusal]);
    if (local.length) {
      for (const [name, message] of local) {
        form.querySelector(`#err-${name}`)!.textContent = message;
        form.querySelector(`[data-field=${name}]`)!.classList.add('invalid');
      }
      return;
    }
    const data = new FormData();
    data.append('title', title);
    data.append('file', chosen!, chosen!.name);
    try {
      await upload(`/api/intake/filings/${year}`, data);
      await filings(ctx, new URLSearchParams({ year: String(year) }), '备案成功');
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  return el('section', { className: 'card', id: 'my-filing', 'data-status': f.status },
    el('h2', {}, `${f.unitName ?? ctx.unitNames[f.unitId] ?? f.unitId} 的备案`),
    el('dl', { className: 'facts' },
      el('dt', {}, '状态'), el('dd', {}, statusTag(f.status, f.statusLabel)),
      el('dt', {}, '制度文件'), el('dd', {}, f.title ? `${f.title}（${f.fileName ?? ''}）` : '—'),
      el('dt', {}, '备案人'), el('dd', {}, personName(f.filedBy) || '—'),
      el('dt', {}, '备案时间'), el('dd', {}, fmtTime(f.filedAt))),
    form);
}
