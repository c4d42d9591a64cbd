// 季度通报 / 年度考评: the room drafts, opens the review (复核期), answers objections and publishes; units read their
// own figures and object while the review is open; everyone reads and downloads published circulars.
import { describe, get, post, Problem } from './api';
import {
  banner, beijingInputToIso, beijingLocalInput, beijingQuarter, clearErrors, Column, Ctx, dataTable, el, field, fmtTime, personName,
  GROUPS, guardedShow, hasRole, showFieldErrors, withText,
} from './ui';

export const CIRCULAR_KIND: Record<string, string> = { QUARTERLY: '季度通报', ANNUAL: '年度考评' };
export const CIRCULAR_STATUS: Record<string, string> = {
  DRAFT: '草稿', IN_REVIEW: '复核中', PUBLISHED: '已发布', SUPERSEDED: '已被更正',
};
const RESOLUTION: Record<string, string> = { UPHELD: '复核属实（将更正数据）', DISMISSED: '维持原结果' };

interface Summary {
  id: string; seriesId: string; kind: string; period: string; version: number; title: string;
  documentNumber: string | null; status: string; reviewClosesAt: string | null; publishedAt: string | null;
  openObjections: number; updatedAt: string;
}
interface RankingLine {
  rank: number; unitId: string; unitName: string; points: number; submissionPoints: number; forwardPoints: number;
  adoptionPoints: number; commissionPoints: number; deductionPoints: number; receivedItems: number; quota: number;
  shortfall: number;
}
interface Objection {
  id: string; unitId: string; raisedBy: string; reason: string; raisedAt: string; resolution: string | null;
  reply: string | null; resolvedBy: string | null; resolvedAt: string | null;
}
interface UnitRef { unitId: string; unitName: string; status: string }
interface AnnexLine { no: number; itemId: string; itemTitle: string; unitId: string; unitName: string; publication: string; date: string;
  /** null while scoring has not scored the item; explanation is scoring's wording (absent in older circulars) */
  points: number | null; explanation?: string | null }
/** Scoring's points of an annex item, or 待积分公布 while scoring has not scored it. */
export function annexPoints(a: Pick<AnnexLine, 'points'>): string | number {
  return a.points ?? '待积分公布';
}

interface Figures {
  period: string;
  groups: { group: number; groupName: string; snapshotVersion: number; rows: RankingLine[] }[];
  noSubmission: { group: number; unitId: string; unitName: string }[];
  missedQuota: { group: number; unitId: string; unitName: string; receivedItems: number; quota: number; shortfall: number }[];
  commissions: { commissionId: string; title: string; deadline: string; answered: UnitRef[]; missed: UnitRef[]; pending: UnitRef[] }[];
  annex: AnnexLine[];
  warnings: string[];
}
interface Circular extends Summary {
  previousId: string | null; figures: Figures; objections: Objection[]; createdBy: string; createdAt: string;
  publishedBy: string | null; correctionReason: string | null;
  /** when the period lets it be published (00:00 Beijing time after its last day), and the refusal's words before */
  publishableFrom?: string; periodNotEnded?: string;
  changes: { group: number | null; unitId: string | null; unitName: string | null; figure: string; before: string; after: string }[];
}
interface UnitFigures {
  circularId: string; unitId: string; group: number | null; line: RankingLine | null; annex: AnnexLine[];
  commissions: UnitRef[]; objections: Objection[];
}

/** A person's name for a circular id: `QUARTERLY-2026-Q4-v2` → `2026年第四季度通报（第2版）`. */
export function circularLabel(id: string): string {
  const m = /^(QUARTERLY|ANNUAL)-(\d{4})(?:-Q([1-4]))?-v(\d+)$/.exec(id);
  if (!m) return id;
  const [, kind, year, q, v] = m;
  const what = kind === 'QUARTERLY' ? `${year}年第${'一二三四'[Number(q) - 1]}季度通报` : `${year}年度考评`;
  return `${what}（第${v}版）`;
}

/**
 * Why the circular cannot be published yet because its period runs on, or null. The rule and its words are the
 * service's (`periodNotEnded`, `publishableFrom` on the circular): the page only stops saying it once the instant
 * has passed, so a page left open enables 发布 at midnight without asking again.
 */
export function periodNotEnded(c: Pick<Circular, 'publishableFrom' | 'periodNotEnded'>, now = Date.now()): string | null {
  if (!c.periodNotEnded || !c.publishableFrom || now >= Date.parse(c.publishableFrom)) return null;
  return c.periodNotEnded;
}

const docx = (id: string) => `/api/reporting/circulars/${encodeURIComponent(id)}/document.docx`;
const xlsx = (id: string) => `/api/reporting/circulars/${encodeURIComponent(id)}/document.xlsx`;
const downloads = (id: string) => el('span', { className: 'downloads' },
  el('a', { href: docx(id), 'data-download': 'docx', download: '' }, 'Word'), ' ',
  el('a', { href: xlsx(id), 'data-download': 'xlsx', download: '' }, 'Excel'));
const statusTag = (s: string) => el('span', { className: `status c-${s}`, 'data-status': s }, CIRCULAR_STATUS[s] ?? s);

/** `#/circulars`: the list; the room's new-draft form; for units also the circulars now in review. */
export async function circularList(ctx: Ctx) {
  const show = guardedShow();
  const list = await get<Summary[]>('/api/reporting/circulars');
  const room = hasRole(ctx, 'info-room');
  const reviewing = hasRole(ctx, 'reporter', 'unit-leader') ? el('section', { className: 'card', id: 'my-reviews' },
    el('h2', {}, '复核中的通报'), el('p', { className: 'muted' }, '加载中……')) : null;
  show(el('h1', {}, '通报（季度通报、年度考评）'),
    room ? draftForm() : null,
    reviewing,
    el('section', { className: 'card' }, el('h2', {}, room || hasRole(ctx, 'viewer', 'admin') ? '全部通报' : '已发布的通报'),
      dataTable<Summary>([
        ['标题', (c) => el('a', { href: `#/circulars/${c.id}` }, c.title)],
        ['期间', (c) => c.period],
        ['版本', (c) => `第 ${c.version} 版`],
        ['状态', (c) => statusTag(c.status)],
        ['文号', (c) => c.documentNumber ?? '—'],
        ['待处理复核', (c) => c.openObjections],
        ['下载', (c) => downloads(c.id)],
      ], list, (c) => ({ 'data-circular': c.id }), { id: 'circular-list' }, '暂无通报。')));
  if (reviewing) loadUnitReviews(reviewing);
}

/** Units cannot list circulars in review (the service lists only published ones to them), so the portal asks for
 * the unit's own figures of the likely series: this and last quarter, this and last year, version by version. */
async function loadUnitReviews(section: HTMLElement) {
  const year = Number(beijingQuarter().substring(0, 4));
  const series = [`QUARTERLY-${beijingQuarter()}`, `QUARTERLY-${beijingQuarter(-1)}`, `ANNUAL-${year}`, `ANNUAL-${year - 1}`];
  const found: { id: string; figures: UnitFigures }[] = [];
  await Promise.all(series.map(async (s) => {
    for (let v = 1; v <= 5; v++) {
      try {
        const figures = await get<UnitFigures>(`/api/reporting/circulars/${s}-v${v}/my-figures`);
        found.push({ id: `${s}-v${v}`, figures });
      } catch {
        return; // 404: no such version; 409: a draft, not yet in review (no later version can exist)
      }
    }
  }));
  // only the ones whose review is open matter here; published ones are in the list below
  const detailed = await Promise.all(found.map(async (f) => {
    try { return { ...f, circular: await get<Circular>(`/api/reporting/circulars/${f.id}`) }; }
    catch { return { ...f, circular: null }; } // 403: not published yet, i.e. in review
  }));
  const inReview = detailed.filter((d) => d.circular === null);
  section.replaceChildren(el('h2', {}, '复核中的通报'), inReview.length === 0
    ? el('p', { className: 'muted' }, '目前没有需要本单位核对的通报。')
    : el('ul', {}, ...inReview.map((d) => el('li', { 'data-review': d.id },
      el('a', { href: `#/circulars/${d.id}` }, `${circularLabel(d.id)}：核对本单位数据、提出复核`),
      d.figures.line ? ` · 本单位 ${d.figures.line.points} 分，第 ${d.figures.line.rank} 名` : ''))));
}

function draftForm() {
  const messages = el('div');
  const form = el('form', { id: 'circular-form', className: 'card', novalidate: true },
    el('h2', {}, '起草通报'),
    field('kind', '类型 *', el('select', { id: 'c-kind', name: 'kind' },
      ...Object.entries(CIRCULAR_KIND).map(([v, t]) => el('option', { value: v }, t)))),
    field('period', '期间 *', el('input', { id: 'c-period', name: 'period', value: beijingQuarter(-1), size: 10 }),
      '季度如 2026-Q3，年度如 2026'),
    el('button', { type: 'submit', className: 'primary', id: 'create-circular' }, '生成草稿'), messages);
  const kind = form.querySelector<HTMLSelectElement>('#c-kind')!;
  const period = form.querySelector<HTMLInputElement>('#c-period')!;
  kind.addEventListener('change', () => {
    period.value = kind.value === 'ANNUAL' ? beijingQuarter(-1).substring(0, 4) : beijingQuarter(-1);
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form, messages);
    try {
      const c = await post<Circular>('/api/reporting/circulars', { kind: kind.value, period: period.value.trim() });
      location.hash = `#/circulars/${c.id}`;
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  return form;
}

/** `#/circulars/{id}`: the whole circular for the room, leaders and viewers; a unit's own figures for units. */
export async function circularDetail(ctx: Ctx, id: string, notice?: string) {
  const show = guardedShow();
  if (hasRole(ctx, 'info-room', 'admin', 'viewer')) {
    const c = await get<Circular>(`/api/reporting/circulars/${encodeURIComponent(id)}`);
    return show(...wholeCircular(ctx, c, notice));
  }
  // units: the published circular if it is, else their own figures in review
  try {
    const c = await get<Circular>(`/api/reporting/circulars/${encodeURIComponent(id)}`);
    const mine = await get<UnitFigures>(`/api/reporting/circulars/${encodeURIComponent(id)}/my-figures`).catch(() => null);
    return show(...wholeCircular(ctx, c, notice), mine ? ownFigures(ctx, mine, false) : null);
  } catch (e) {
    if (!(e instanceof Problem) || e.status !== 403) throw e;
  }
  const mine = await get<UnitFigures>(`/api/reporting/circulars/${encodeURIComponent(id)}/my-figures`);
  const messages = el('div', {}, notice ? banner(notice, 'ok') : null);
  show(el('h1', { 'data-circular': id }, `通报复核：${circularLabel(id)}`),
    el('p', { className: 'muted' }, '通报尚未发布。请核对本单位的数据，有误的请在复核期内提出复核申请。'),
    messages, ownFigures(ctx, mine, true, () => circularDetail(ctx, id, '复核申请已提交')));
}

function ownFigures(ctx: Ctx, f: UnitFigures, mayObject: boolean, done?: () => void) {
  const l = f.line;
  const section = el('section', { className: 'card', id: 'my-figures' },
    el('h2', {}, `${ctx.unitNames[f.unitId] ?? f.unitId} 的数据`),
    l ? el('dl', { className: 'facts' },
      ...([['组别', GROUPS[String(f.group)] ?? f.group], ['名次', l.rank], ['总积分', l.points],
        ['报送', l.submissionPoints], ['转报', l.forwardPoints], ['采用批示', l.adoptionPoints], ['约稿', l.commissionPoints],
        ['扣分', l.deductionPoints], ['接收条数', `${l.receivedItems}/${l.quota}`]] as [string, any][])
        .flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-figure': k }, v)]))
      : el('p', { className: 'muted' }, '本单位不在该通报的排名中。'),
    el('h3', {}, '采用信息'),
    dataTable<AnnexLine>([['信息', (a) => a.itemTitle], ['刊物', (a) => a.publication], ['日期', (a) => a.date],
      ['积分', annexPoints], ['说明', (a) => a.explanation ?? '']], f.annex, () => ({}), {}, '无。'),
    el('h3', {}, '约稿'),
    dataTable<UnitRef>([['约稿', (r) => r.unitName], ['情况', (r) => r.status]], f.commissions, () => ({}), {}, '无。'),
    el('h3', {}, '复核申请'),
    objectionTable(ctx, f.objections, false, () => { /* units do not resolve */ }));
  if (mayObject && done) {
    const messages = el('div');
    const form = el('form', { id: 'objection-form', className: 'inline-form', novalidate: true },
      field('reason', '复核理由 *', el('textarea', { id: 'o-reason', name: 'reason', rows: 4, maxlength: 2000 }),
        '写明哪项数据有误、应为多少及依据'),
      el('button', { type: 'submit', className: 'primary', id: 'raise-objection' }, '提出复核'), messages);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form, messages);
      try {
        await post(`/api/reporting/circulars/${encodeURIComponent(f.circularId)}/objections`,
          { reason: String(new FormData(form).get('reason') ?? '').trim() });
        done();
      } catch (e) { showFieldErrors(form, e, messages); }
    });
    section.append(form);
  }
  return section;
}

function objectionTable(ctx: Ctx, list: Objection[], mayResolve: boolean, resolve: (o: Objection, form: HTMLFormElement,
  messages: HTMLElement) => void) {
  return dataTable<Objection>([
    ['单位', (o) => ctx.unitNames[o.unitId] ?? o.unitId],
    ['理由', (o) => el('div', { className: 'body-text' }, o.reason)],
    ['提出', (o) => `${personName(o.raisedBy)} · ${fmtTime(o.raisedAt)}`],
    ['答复', (o) => o.resolution
      ? el('div', { 'data-resolved': o.resolution }, el('strong', {}, RESOLUTION[o.resolution] ?? o.resolution), el('div', {}, o.reply ?? ''),
        el('small', { className: 'muted' }, `${personName(o.resolvedBy)} · ${fmtTime(o.resolvedAt)}`))
      : mayResolve ? resolutionForm(o, resolve) : el('span', { className: 'muted' }, '待信息室答复')],
  ], list, (o) => ({ 'data-objection': o.id, 'data-open': o.resolution ? 'false' : 'true' }), {}, '暂无复核申请。');
}

function resolutionForm(o: Objection, resolve: (o: Objection, form: HTMLFormElement, messages: HTMLElement) => void) {
  const messages = el('div');
  const form = el('form', { className: 'resolution-form', novalidate: true },
    field('resolution', '复核结果', el('select', { name: 'resolution', id: `r-res-${o.id}` },
      el('option', { value: '' }, '请选择'), ...Object.entries(RESOLUTION).map(([v, t]) => el('option', { value: v }, t))),
    undefined, o.id),
    field('reply', '答复意见', el('textarea', { name: 'reply', id: `r-reply-${o.id}`, rows: 3 }), undefined, o.id),
    el('button', { type: 'submit', className: 'primary', 'data-resolve': o.id }, '答复'), messages);
  form.addEventListener('submit', (ev) => { ev.preventDefault(); resolve(o, form, messages); });
  return form;
}

function wholeCircular(ctx: Ctx, c: Circular, notice: string | undefined): (Node | null)[] {
  const room = hasRole(ctx, 'info-room');
  // the whole circular carries the objections, not their count (that is only in the list's summaries)
  const openCount = c.objections.filter((o) => !o.resolution).length;
  const messages = el('div', { id: 'circular-messages' }, notice ? banner(notice, 'ok') : null);
  const base = `/api/reporting/circulars/${encodeURIComponent(c.id)}`;
  const act = async (label: string, fn: () => Promise<unknown>, after?: (r: any) => void) => {
    messages.replaceChildren();
    try { const r = await fn(); if (after) after(r); else await circularDetail(ctx, c.id, `${label}成功`); }
    catch (e) { messages.replaceChildren(banner(describe(e))); }
  };
  const actions = el('div', { className: 'actions', id: 'circular-actions' });
  if (room && (c.status === 'DRAFT' || c.status === 'IN_REVIEW')) {
    actions.append(el('button', { id: 'refresh-circular', onclick: () => act('刷新数据', () => post(`${base}/refresh`)) },
      '按最新数据刷新'));
  }
  const running = room && c.status === 'DRAFT' ? periodNotEnded(c) : null;
  if (running) {
    // drafting and review stay open while the period runs: the figures so far, refreshed before publishing
    actions.append(el('p', { className: 'muted', id: 'period-note' },
      `${running}。现在的数据截至目前，期满后请先“按最新数据刷新”再发布。`));
  }
  if (room && c.status === 'DRAFT') {
    const closes = el('input', { type: 'datetime-local', id: 'review-closes', name: 'closesAt',
      value: beijingLocalInput(new Date(Date.now() + 5 * 86_400_000)) });
    const form = el('form', { id: 'review-form', className: 'inline-form', novalidate: true },
      field('closesAt', '复核截止时间（北京时间）', closes, '截止前各单位可核对本单位数据并提出复核'),
      el('button', { type: 'submit', className: 'primary', id: 'open-review' }, '发起复核'));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form, messages);
      const closesAt = beijingInputToIso(closes.value);
      if (!closesAt) {
        return showFieldErrors(form, new Problem(400, '请填写复核截止时间', '', undefined,
          [{ field: 'closesAt', message: '请填写复核截止时间' }]), messages);
      }
      try { await post(`${base}/review`, { closesAt }); await circularDetail(ctx, c.id, '已发起复核'); }
      catch (e) { showFieldErrors(form, e, messages); }
    });
    actions.append(form);
  }
  if (room && c.status === 'IN_REVIEW') {
    const closesAt = c.reviewClosesAt ? new Date(c.reviewClosesAt).getTime() : 0;
    const publish = el('button', { className: 'primary', id: 'publish-circular',
      onclick: () => act('发布', () => post(`${base}/publish`)) }, '发布');
    const hint = el('small', { className: 'muted', id: 'publish-hint' });
    const periodEndsAt = c.publishableFrom ? Date.parse(c.publishableFrom) : 0;
    const update = () => {
      const notEnded = periodNotEnded(c);
      const open = Date.now() <= closesAt;
      const waiting = openCount > 0;
      (publish as HTMLButtonElement).disabled = !!notEnded || open || waiting;
      publish.setAttribute('data-ready', String(!notEnded && !open && !waiting));
      hint.textContent = notEnded ?? (open ? `复核期至 ${fmtTime(c.reviewClosesAt)}，结束后可发布`
        : waiting ? '还有未答复的复核申请' : '');
    };
    update();
    // enable the button when the window closes or the period ends, without a reload (the page is left open)
    const next = Math.max(closesAt, periodEndsAt);
    if (Date.now() <= next && next - Date.now() < 86_400_000) {
      const page = location.hash;
      setTimeout(() => { if (location.hash === page) update(); }, next - Date.now() + 1000);
    }
    actions.append(publish, hint);
  }
  if (room && c.status === 'PUBLISHED') {
    actions.append(el('button', { id: 'correct-circular', onclick: () => withText('更正原因', (reason) =>
      act('更正', () => post<Circular>(`${base}/corrections`, { reason }), (n: Circular) => { location.hash = `#/circulars/${n.id}`; })) },
    '发起更正（生成新版本）'));
  }
  const resolve = async (o: Objection, form: HTMLFormElement, formMessages: HTMLElement) => {
    clearErrors(form, formMessages);
    const d = new FormData(form);
    try {
      await post(`${base}/objections/${encodeURIComponent(o.id)}/resolution`,
        { resolution: String(d.get('resolution') ?? '') || null, reply: String(d.get('reply') ?? '').trim() });
      await circularDetail(ctx, c.id, '复核申请已答复');
    } catch (e) { showFieldErrors(form, e, formMessages); }
  };
  const f = c.figures;
  const rankingColumns: Column<RankingLine>[] = [
    ['名次', (r) => r.rank], ['单位', (r) => r.unitName ?? r.unitId], ['总分', (r) => r.points, 'points'],
    ['报送', (r) => r.submissionPoints], ['转报', (r) => r.forwardPoints], ['采用批示', (r) => r.adoptionPoints],
    ['约稿', (r) => r.commissionPoints], ['扣分', (r) => r.deductionPoints], ['接收条数', (r) => `${r.receivedItems}/${r.quota}`],
  ];
  const facts: [string, any][] = [
    ['类型', CIRCULAR_KIND[c.kind] ?? c.kind], ['期间', c.period], ['版本', `第 ${c.version} 版`],
    ['状态', statusTag(c.status)], ['文号', c.documentNumber ?? '发布时编号'],
    ['复核截止', fmtTime(c.reviewClosesAt)], ['起草', `${personName(c.createdBy)} · ${fmtTime(c.createdAt)}`],
    ['发布', c.publishedAt ? `${personName(c.publishedBy)} · ${fmtTime(c.publishedAt)}` : '—'],
  ];
  if (c.previousId) facts.push(['更正的版本', el('a', { href: `#/circulars/${c.previousId}` }, c.previousId)]);
  if (c.correctionReason) facts.push(['更正原因', c.correctionReason]);
  return [
    el('h1', { 'data-circular': c.id, 'data-status': c.status }, c.title),
    messages,
    el('section', { className: 'card' }, el('dl', { className: 'facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('p', {}, '下载：', downloads(c.id))),
    actions,
    c.changes.length ? el('section', { className: 'card', id: 'changes' }, el('h2', {}, '更正内容'),
      el('ul', {}, ...c.changes.map((x) => el('li', {}, `${x.unitName ? x.unitName + '：' : ''}${x.figure}由 ${x.before} 更正为 ${x.after}`)))) : null,
    (f.warnings ?? []).length ? el('div', { className: 'banner warn' }, ...f.warnings.map((w) => el('div', {}, w))) : null,
    el('section', { className: 'card', id: 'objections' }, el('h2', {}, `复核申请（待答复 ${openCount} 件）`),
      objectionTable(ctx, c.objections, room && c.status === 'IN_REVIEW', resolve)),
    ...f.groups.map((g) => el('section', { className: 'card', 'data-group': g.group },
      el('h2', {}, `${g.groupName ?? GROUPS[String(g.group)]} 积分排名`),
      dataTable(rankingColumns, g.rows, (r) => ({ 'data-unit': r.unitId })))),
    el('section', { className: 'card' }, el('h2', {}, '未报送信息的单位'),
      el('p', {}, f.noSubmission.length ? f.noSubmission.map((n) => n.unitName).join('、') : '无')),
    el('section', { className: 'card' }, el('h2', {}, '未完成基础条数的单位'),
      dataTable(([['单位', (n) => n.unitName], ['接收', (n) => n.receivedItems], ['基础条数', (n) => n.quota],
        ['差额', (n) => n.shortfall]] as Column<Figures['missedQuota'][number]>[]), f.missedQuota, () => ({}), {}, '无')),
    el('section', { className: 'card' }, el('h2', {}, '约稿完成情况'),
      dataTable(([['约稿', (l) => l.title], ['截止', (l) => fmtTime(l.deadline)],
        ['已完成', (l) => l.answered.map((u) => u.unitName).join('、') || '—'],
        ['未完成', (l) => l.missed.map((u) => u.unitName).join('、') || '—'],
        ['待定', (l) => l.pending.map((u) => u.unitName).join('、') || '—']] as Column<Figures['commissions'][number]>[]),
      f.commissions, () => ({}), {}, '本期无约稿')),
    el('section', { className: 'card' }, el('h2', {}, '附件：采用信息'),
      dataTable<AnnexLine>([['序号', (a) => a.no], ['单位', (a) => a.unitName], ['信息', (a) => a.itemTitle],
        ['刊物', (a) => a.publication], ['日期', (a) => a.date], ['积分', annexPoints], ['说明', (a) => a.explanation ?? '']],
        f.annex, () => ({}), {}, '本期无采用信息')),
  ];
}
