// 任务与积分, the reporter's overview: the unit's quota progress this month, the commissions it may still answer and
// its points with their explanations.
import { describe, get, Problem } from './api';
import { quotaSentence } from './progress';
import { banner, beijingMonth, el, guardedShow, progressBar, type Ctx } from './ui';

export async function overview(ctx: Ctx) {
  const show = guardedShow();
  const month = beijingMonth();
  const quota = el('section', { className: 'card', id: 'quota' }, el('h2', {}, `${month} 任务进度`), el('p', { className: 'muted' }, '加载中……'));
  const comm = el('section', { className: 'card', id: 'my-commissions' }, el('h2', {}, '待完成的约稿'), el('p', { className: 'muted' }, '加载中……'));
  const score = el('section', { className: 'card', id: 'my-score' }, el('h2', {}, `${month} 本单位积分`), el('p', { className: 'muted' }, '加载中……'));
  show(el('h1', {}, '任务与积分'), quota, comm, score);
  get<any>(`/api/intake/quota-progress?month=${month}`).then((p) => {
    const u = (p.units ?? []).find((x: any) => x.unitId === ctx.me.unitId);
    quota.replaceChildren(el('h2', {}, `${month} 任务进度`), u
      ? el('div', {}, ...(u.quota == null ? [] : [progressBar(u.received, u.quota, `${month} 任务完成进度`)]), el('p', {}, quotaSentence(u, p.quotaNote)))
      : el('p', { className: 'muted' }, '暂无数据'));
  }).catch((e) => quota.append(banner(describe(e))));
  get<any[]>('/api/commission/commissions?scope=open').then((list) => comm.replaceChildren(el('h2', {}, '待完成的约稿'),
    list.length === 0 ? el('p', { className: 'muted' }, '目前没有待完成的约稿任务。') : el('ul', {}, ...list.map((c) =>
      el('li', {}, el('a', { href: `#/commissions/${c.id}` }, el('strong', {}, c.title)), ` · 截止 ${c.deadlineDisplay ?? c.deadline}`, el('div', { className: 'muted' }, c.requirements ?? ''))))))
    .catch((e) => comm.append(banner(describe(e))));
  get<any>(`/api/scoring/units/${ctx.me.unitId}/score?period=${month}`).then((s) => score.replaceChildren(
    el('h2', {}, `${s.periodLabel ?? month} 本单位积分：${s.points} 分`),
    el('p', { id: 'score-breakdown', 'data-commission': s.commissionPoints }, `报送 ${s.submissionPoints} · 转报 ${s.forwardPoints} · 采用批示 ${s.adoptionPoints} · 约稿 ${s.commissionPoints} · 扣分 ${s.deductionPoints}`),
    el('ul', { className: 'explain' }, ...(s.entries ?? []).map((e: any) => el('li', {}, `${e.date ?? ''} ${e.explanation} （${e.points >= 0 ? '+' : ''}${e.points}）`)))))
    .catch((e) => score.append(e instanceof Problem && e.status === 404 ? el('p', { className: 'muted' }, '本期尚无积分。') : banner(describe(e))));
}
