// 约稿任务: the room publishes commissions, sees each unit's answers and judges them.
import { describe, get, post } from './api';
import { app, banner, el, fmtTime, guardedShow, showFieldErrors, withText, type Ctx } from './ui';

export async function commissions(ctx: Ctx) {
  const show = guardedShow();
  const list = await get<any[]>('/api/commission/commissions?scope=all');
  const messages = el('div');
  const form = el('form', { className: 'inline-form', id: 'commission-form' },
    el('h2', {}, '发布约稿任务'),
    el('div', { className: 'field' }, el('label', { for: 'cm-title' }, '题目 *'), el('input', { id: 'cm-title', name: 'title' }), el('div', { className: 'field-error', id: 'err-title' })),
    el('div', { className: 'field' }, el('label', { for: 'cm-requirements' }, '要求 *'), el('textarea', { id: 'cm-requirements', name: 'requirements', rows: 3 }), el('div', { className: 'field-error', id: 'err-requirements' })),
    el('div', { className: 'field' }, el('label', { for: 'cm-units' }, '约稿单位 *（按住 Ctrl 多选）'), el('select', { id: 'cm-units', name: 'targetUnitIds', multiple: true, size: 6 },
      ...Object.entries(ctx.unitNames).map(([id, n]) => el('option', { value: id }, n))), el('div', { className: 'field-error', id: 'err-targetUnitIds' })),
    el('div', { className: 'field' }, el('label', { for: 'cm-deadline' }, '截止时间（北京时间）*'), el('input', { id: 'cm-deadline', name: 'deadline', type: 'datetime-local' }), el('div', { className: 'field-error', id: 'err-deadline' })),
    el('button', { type: 'submit', className: 'primary' }, '发布'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    form.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
    messages.replaceChildren();
    const d = new FormData(form);
    const deadline = String(d.get('deadline') ?? '');
    try {
      await post('/api/commission/commissions', { title: d.get('title'), requirements: d.get('requirements'),
        targetUnitIds: d.getAll('targetUnitIds'), deadline: deadline ? (deadline.length === 16 ? deadline + ':00' : deadline) : null });
      commissions(ctx);
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  // each answer with its version and state; 认可/不认可 only where the room can judge now (received, not yet judged)
  const answerLine = (c: any, a: any) => el('div', { className: 'answer', 'data-item': a.itemId, 'data-status': a.status },
    el('a', { href: `#/items/${a.itemId}` }, '查看稿件'), ` 第${a.revision}版 · ${fmtTime(a.submittedAt)}报送`,
    a.onTime ? '（按时）' : '（逾期）', ` · ${a.status}`, a.reason ? `：${a.reason}` : '',
    // 约稿分 as scoring decided it (its explanation), or 积分待计算 until scoring has scored the judged answer
    ...(a.bonus ? [el('div', { className: 'muted answer-bonus' }, `约稿分：${a.bonus}`)] : []),
    ...(a.judgeable ? [' ',
      el('button', { className: 'judge-accept', onclick: () => judge(ctx, c.id, a.itemId, true) }, '认可'), ' ',
      el('button', { className: 'judge-reject', onclick: () => withText('不认可的理由', (r) => judge(ctx, c.id, a.itemId, false, r)) }, '不认可')] : []));
  show(el('h1', {}, '约稿任务'), messages,
    list.length === 0 ? el('p', { className: 'muted' }, '暂无约稿任务。') : el('table', { className: 'list', id: 'commission-list' },
      el('thead', {}, el('tr', {}, el('th', {}, '题目'), el('th', {}, '截止'), el('th', {}, '单位及回复'))),
      el('tbody', {}, ...list.map((c) => el('tr', { 'data-commission': c.id }, el('td', { 'data-label': '题目' }, el('a', { href: `#/commissions/${c.id}`, className: 'commission-link' }, c.title)),
        el('td', { 'data-label': '截止' }, c.deadlineDisplay ?? c.deadline),
        el('td', { 'data-label': '单位及回复' }, ...(c.targets ?? []).map((t: any) => el('div', { className: 'target', 'data-unit': t.unitId },
          el('strong', {}, `${t.unitName ?? t.unitId}：`), el('span', { className: 'target-status' }, t.status),
          ...(t.answers ?? []).map((a: any) => answerLine(c, a))))))))),
    form);
}

async function judge(ctx: Ctx, commissionId: string, itemId: string, accepted: boolean, reason?: string) {
  try {
    await post(`/api/commission/commissions/${commissionId}/answers/${itemId}/judgement`, { accepted, reason: reason ?? null });
    await commissions(ctx);
    app().prepend(banner(accepted ? '已认可该约稿稿件。' : '已记录不认可及理由。', 'ok'));
  } catch (e) { app().prepend(banner(describe(e))); }
}
