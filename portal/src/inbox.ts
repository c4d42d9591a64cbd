// The lists of items waiting for someone: the unit leader's sign-off queue and the information room's inbox.
import { describe, get } from './api';
import { itemTable, type Page } from './items';
import { CATEGORY, GROUPS, STATUS, banner, el, exportButton, guardedShow, options, type Ctx } from './ui';

// ---------- unit leader ----------
export async function signOffQueue(ctx: Ctx) {
  const show = guardedShow();
  const page = await get<Page>('/api/intake/items/sign-off-queue?size=100');
  show(el('h1', {}, '待签批信息'), itemTable(ctx, page.items, false));
}

// ---------- information room ----------
export async function inbox(ctx: Ctx) {
  const show = guardedShow();
  const form = el('form', { className: 'filters', id: 'inbox-filters' },
    el('select', { name: 'status', 'aria-label': '状态' }, ...options(STATUS, 'SUBMITTED', '全部已报送')),
    el('select', { name: 'group', 'aria-label': '组别' }, ...options(GROUPS, undefined, '全部组别')),
    el('select', { name: 'unitId', 'aria-label': '单位' }, el('option', { value: '' }, '全部单位'),
      ...Object.entries(ctx.unitNames).map(([id, n]) => el('option', { value: id }, n))),
    el('select', { name: 'category', 'aria-label': '类别' }, ...options(CATEGORY, undefined, '全部类别')),
    el('input', { name: 'period', 'aria-label': '期间', placeholder: '期间，如 2026-07', size: 12 }),
    el('input', { name: 'q', 'aria-label': '关键词', placeholder: '标题或正文关键词' }),
    el('button', { type: 'submit', className: 'primary' }, '筛选'));
  const list = el('div');
  const load = async () => {
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params.append(k, String(v).trim()); });
    params.set('size', '100');
    params.set('sort', 'submittedAt');
    try {
      const page = await get<Page>(`/api/intake/items?${params}`);
      list.replaceChildren(el('div', { className: 'list-head' }, el('p', { className: 'muted' }, `共 ${page.total} 条`),
        page.total > page.items.length ? el('small', {}, `（显示前 ${page.items.length} 条，请用筛选缩小范围）`) : null,
        exportButton('信息室收件箱', () => list.querySelector('table'))), itemTable(ctx, page.items, true));
    } catch (e) { list.replaceChildren(banner(describe(e))); }
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  show(el('h1', {}, '信息室收件箱'), form, list);
  await load();
}
