// 采用与批示 on an item's page: the records with the points scoring gave them, and the room's form to record one.
import { post } from './api';
import { ADOPTION_KIND, beijingToday, el, options, showFieldErrors } from './ui';

/** The instruction's details (批示领导, 批示内容) and what it asks of the unit, with the link to its follow-up page. */
function instructionLines(itemId: string, r: any, unitReports: boolean) {
  if (!String(r.kind ?? '').endsWith('_INSTRUCTION')) return [];
  const f = r.followUp;
  const state = !f ? null : f.reports?.length ? '已报告落实情况' : f.overdue ? '逾期未报告落实情况' : `落实期限：${f.dueDate ?? '—'}`;
  return [
    el('div', { className: 'instruction-leader' }, `批示领导：${r.leader ?? '—'}`),
    el('div', { className: 'instruction-text' }, `批示内容：${r.text ?? '—'}`),
    f ? el('div', {}, `落实事项：${f.action ?? '—'}（${state}） `, r.withdrawn ? null : el('a',
      { href: `#/items/${itemId}/follow-up`, className: 'follow-up-link' }, unitReports ? '报告落实情况' : '查看落实情况')) : null,
  ];
}

/** `unitReports`: the reader is of the item's unit and reports the follow-up of its instructions. */
export function adoptionList(a: any, unitReports = false) {
  const records: any[] = a?.records ?? [];
  if (records.length === 0) return el('p', { className: 'muted' }, '暂无采用或批示记录。');
  // points as scoring decided them; until it has, the service says 「积分待计算」 instead of a number
  const points = a.itemPoints != null ? `本信息采用批示积分：${a.itemPoints} 分` : null;
  return el('div', {}, el('p', { id: 'adoption-points', className: points ? '' : 'muted' }, points ?? a.scoreNote ?? ''),
    points && a.scoreNote ? el('p', { className: 'muted' }, a.scoreNote) : null,
    el('ul', {}, ...records.map((r) => el('li', {},
    `${r.kindLabel ?? ADOPTION_KIND[r.kind] ?? r.kind} · ${r.effectiveDate}`,
    r.publication ? ` ·《${r.publication}》${r.issueNo ?? ''}` : '', r.withdrawn ? '（已撤销）' : '',
    ...instructionLines(a.itemId, r, unitReports),
    r.explanation ? el('div', { className: 'muted' }, r.explanation) : null))));
}

export function adoptionForm(itemId: string, done: () => void) {
  const errorSlot = (n: string) => el('div', { className: 'field-error', id: `err-${n}` });
  const form = el('form', { id: 'adoption-form', className: 'inline-form' },
    el('h3', {}, '登记采用或批示'),
    el('div', { className: 'field' }, el('label', { for: 'a-kind' }, '类型 *'),
      el('select', { id: 'a-kind', name: 'kind' }, ...options(ADOPTION_KIND, undefined, '请选择')), errorSlot('kind')),
    el('div', { className: 'field' }, el('label', { for: 'a-date' }, '采用或批示日期 *'),
      el('input', { id: 'a-date', name: 'effectiveDate', type: 'date', value: beijingToday() }), errorSlot('effectiveDate')),
    el('div', { className: 'field' }, el('label', { for: 'a-pub' }, '刊物'), el('input', { id: 'a-pub', name: 'publication' }), errorSlot('publication')),
    el('div', { className: 'field' }, el('label', { for: 'a-issue' }, '期号'), el('input', { id: 'a-issue', name: 'issueNo' }), errorSlot('issueNo')),
    el('div', { className: 'field' }, el('label', { for: 'a-leader' }, '批示领导'), el('input', { id: 'a-leader', name: 'leader' }), errorSlot('leader')),
    el('div', { className: 'field' }, el('label', { for: 'a-text' }, '批示内容或备注'), el('textarea', { id: 'a-text', name: 'text', rows: 3 }), errorSlot('text')),
    el('button', { type: 'submit', className: 'primary', id: 'record-adoption' }, '登记'));
  const messages = el('div');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    form.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
    messages.replaceChildren();
    const d = new FormData(form);
    const v = (k: string) => { const s = String(d.get(k) ?? '').trim(); return s === '' ? null : s; };
    try {
      await post(`/api/adoption/items/${itemId}/records`, { kind: v('kind'), effectiveDate: v('effectiveDate'),
        publication: v('publication'), issueNo: v('issueNo'), leader: v('leader'), text: v('text') });
      done();
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  return el('div', {}, messages, form);
}
