// 信息: the form that drafts and submits an item, and one item's page with the actions
// each role may take on it, its revisions, corrections, attachments and adoptions.
import { call, describe, get, post, Problem, put } from './api';
import { adoptionForm, adoptionList } from './adoptions';
import { attachmentsSection } from './attachments';
import { canCompare } from './history';
import { correctionForm, correctionsSection, type Classification, type Correction } from './corrections';
import {
  CATEGORY, POLARITY, TOPIC, banner, beijingToday, confirmDialog, el, fmtTime, personName, guardedShow, hasRole, options,
  showFieldErrors, withText, type Child, type Ctx,
} from './ui';

/** The leader's sign-off of the latest revision (签批): who, when, and the opinion if one was given. */
export interface SignOff { by: string; at: string; opinion: string | null }
export interface OnBehalf { by: string; byName?: string | null; at: string }

/** 「代录（信息室 孙涛，12月7日 10:30）」 for an item the room entered for its unit, in Beijing time; else null. */
export function onBehalfMark(item: Pick<Item, 'enteredOnBehalf'>): string | null {
  const e = item.enteredOnBehalf;
  if (!e) return null;
  const known = personName(e.by);
  const who = known !== e.by ? known : (e.byName || e.by);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric',
    day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(e.at))
    .map((p) => [p.type, p.value]));
  return `代录（信息室 ${who}，${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}）`;
}

export interface Item {
  id: string; unitId: string; status: string; statusLabel: string; revisionCount: number; submittedAt: string | null;
  /** signOffOpinion: the leader's opinion when they sent the item back, until it is submitted again */
  forwardedToCity: boolean; voidReason: string | null; signOffOpinion: string | null; nearDuplicate: boolean;
  /** leaderSentBack: a draft the leader sent back (领导退回修改); deletable: a draft never sent anywhere */
  leaderSentBack?: boolean; signOff?: SignOff | null; withdrawnAt?: string | null; deletable?: boolean;
  /** 代录: the room entered the item for its unit (who, when); absent for what the unit sent itself */
  enteredOnBehalf?: OnBehalf | null;
  similarItems: SimilarItem[];
  /** how the item counts now (the room's last correction, else as received) and every correction */
  classification?: Classification & { categoryLabel: string }; corrections?: Correction[];
  content: {
    title: string; body: string; category: string; categoryLabel: string; topics: string[]; eventDate: string;
    reporterName: string; contactPhone: string; polarity: string; majorEvent: boolean; majorEmergency: boolean;
    countermeasures: string | null; commissionId: string | null;
  };
}
export interface Page { items: Item[]; total: number; page: number; size: number }

/** A sent item this one reads like; no itemId where the reader may not open it (another unit's item). */
export interface SimilarItem { itemId?: string | null; unitId: string; title: string; similarity: number }
/** The warning before 报送 (GET /api/intake/items/{id}/similar); message is the service's own words. */
export interface SimilarityWarning {
  nearDuplicate: boolean; highestPercent?: number | null; message?: string | null; similarItems: SimilarItem[];
}

/** Each similar item by unit, title and similarity; a link to its page where the reader may open it. */
export function similarLines(unitNames: Record<string, string>, items: SimilarItem[]): HTMLElement[] {
  return items.map((s) => {
    const label = `${unitNames[s.unitId] ?? s.unitId}《${s.title}》`;
    return el('li', { 'data-similar': s.itemId ?? '' }, s.itemId ? el('a', { href: `#/items/${s.itemId}` }, label) : label,
      ` 相似度 ${Math.round(s.similarity * 100)}%`);
  });
}

/** The confirmation's text before sending an item that reads like a sent one; null when nothing is similar. */
export function duplicateQuestion(w: SimilarityWarning | null | undefined, unitNames: Record<string, string>): string | null {
  if (!w?.nearDuplicate || !w.message) return null;
  const which = w.similarItems.map((s) => `${unitNames[s.unitId] ?? s.unitId}《${s.title}》`).join('、');
  return which ? `${w.message}。相近的信息：${which}` : w.message;
}

/** Asks the unit to confirm before sending an item that reads like one already sent; true when it may go on. */
async function confirmNotDuplicate(w: SimilarityWarning | null, unitNames: Record<string, string>): Promise<boolean> {
  const question = duplicateQuestion(w, unitNames);
  return !question || confirmDialog('可能重复报送', question, '确认不是重复，报送');
}

const similarCheck = (id: string) =>
  get<SimilarityWarning>(`/api/intake/items/${id}/similar`).catch(() => null); // the warning is advice: never blocks

/** Whether the unit may still take back what it sent (撤回): neither the room nor the leader has acted on it. */
export const withdrawable = (item: Pick<Item, 'status'>) =>
  item.status === 'SUBMITTED' || item.status === 'AWAITING_SIGN_OFF';

/** The body of a sign-off: the leader's opinion when they wrote one, else none (签批意见 is optional). */
export function signOffBody(text: string): { opinion?: string } {
  const opinion = text.trim();
  return opinion ? { opinion } : {};
}

/** What a draft the leader sent back says to its unit, with the leader's opinion; null for any other item. */
export function sentBackNotice(item: Pick<Item, 'leaderSentBack' | 'signOffOpinion'>): string | null {
  if (!item.leaderSentBack) return null;
  return item.signOffOpinion ? `领导退回修改：${item.signOffOpinion}` : '领导退回修改';
}

/** The facts of the item page about its leader: the send-back opinion, or who signed the latest version and why. */
export function leaderRows(item: Pick<Item, 'leaderSentBack' | 'signOffOpinion' | 'signOff'>): [string, string][] {
  const rows: [string, string][] = [];
  if (item.leaderSentBack && item.signOffOpinion) rows.push(['领导退回意见', item.signOffOpinion]);
  if (item.signOff) {
    rows.push(['领导签批', `${personName(item.signOff.by)} · ${fmtTime(item.signOff.at)}`]);
    if (item.signOff.opinion) rows.push(['签批意见', item.signOff.opinion]);
  }
  return rows;
}

/**
 * Enter in a one-line field (the title, the phone) does not submit the form: the browser's implicit submission would
 * press 保存草稿 and leave a half-written item. Enter still confirms a Chinese input method's composition, and still
 * presses a focused button.
 */
export function keepEnterInTheForm(form: HTMLFormElement) {
  form.addEventListener('keydown', (ev: KeyboardEvent) => {
    const t = ev.target;
    if (ev.key === 'Enter' && !ev.isComposing && t instanceof HTMLInputElement
        && !['submit', 'button', 'reset', 'checkbox', 'radio', 'file'].includes(t.type)) {
      ev.preventDefault();
    }
  });
}

export async function itemForm(ctx: Ctx, itemId?: string) {
  const show = guardedShow();
  const existing = itemId ? await get<Item>(`/api/intake/items/${itemId}`) : null;
  const c = existing?.content;
  // commissions the unit may still answer: open ones, and past-deadline ones it has not answered (a late answer is
  // recorded but earns no bonus); the one this item already answers stays listed
  let openCommissions: { id: string; title: string; deadlineDisplay: string; deadlinePassed: boolean }[] = [];
  try {
    const all = await get<any[]>('/api/commission/commissions?scope=all');
    openCommissions = all.filter((o) => o.id === c?.commissionId || (o.targets ?? []).some((t: any) =>
      t.open || (o.deadlinePassed && !t.answeredOnTime && !t.answeredLate)));
  } catch { /* optional */ }
  const errorSlot = (name: string) => el('div', { className: 'field-error', id: `err-${name}`, 'aria-live': 'polite' });
  const field = (name: string, label: string, input: HTMLElement, hint?: string) =>
    el('div', { className: 'field', 'data-field': name }, el('label', { for: `f-${name}` }, label), input,
      hint ? el('small', { className: 'muted' }, hint) : null, errorSlot(name));
  const form = el('form', { id: 'item-form', novalidate: true },
    field('title', '标题 *', el('input', { id: 'f-title', name: 'title', value: c?.title ?? '', maxlength: 200 })),
    field('category', '类别 *', el('select', { id: 'f-category', name: 'category' },
      ...options(CATEGORY, c?.category, '请选择'))),
    field('body', '正文 *', el('textarea', { id: 'f-body', name: 'body', rows: 10 }, c?.body ?? '')),
    field('topics', '报送重点', el('div', { id: 'f-topics', className: 'checks' },
      ...Object.entries(TOPIC).map(([v, t]) => el('label', { className: 'check' },
        el('input', { type: 'checkbox', name: 'topics', value: v, checked: c?.topics?.includes(v) }), t)))),
    field('eventDate', '事件日期 *', el('input', { id: 'f-eventDate', name: 'eventDate', type: 'date',
      value: c?.eventDate ?? beijingToday() })),
    field('reporterName', '报送人 *', el('input', { id: 'f-reporterName', name: 'reporterName',
      value: c?.reporterName ?? ctx.me.displayName })),
    field('contactPhone', '联系电话 *', el('input', { id: 'f-contactPhone', name: 'contactPhone', type: 'tel',
      value: c?.contactPhone ?? '' })),
    field('polarity', '喜忧 *', el('select', { id: 'f-polarity', name: 'polarity' },
      ...options(POLARITY, c?.polarity, '请选择'))),
    field('countermeasures', '对策建议', el('textarea', { id: 'f-countermeasures', name: 'countermeasures', rows: 4 },
      c?.countermeasures ?? ''), '问题类信息须写明对策建议'),
    field('majorEvent', '', el('label', { className: 'check' }, el('input', { type: 'checkbox', id: 'f-majorEvent',
      name: 'majorEvent', checked: c?.majorEvent }), '涉及重大事件（报送前须经单位领导签批）')),
    field('majorEmergency', '', el('label', { className: 'check' }, el('input', { type: 'checkbox',
      id: 'f-majorEmergency', name: 'majorEmergency', checked: c?.majorEmergency }), '重大紧急类信息')),
    field('commissionId', '回复约稿任务', el('select', { id: 'f-commissionId', name: 'commissionId' },
      el('option', { value: '' }, '不是约稿'), ...openCommissions.map((o) => el('option',
        { value: o.id, selected: o.id === c?.commissionId },
        `${o.title}（截止 ${o.deadlineDisplay ?? ''}${o.deadlinePassed ? '，已截止，逾期报送不加分' : ''}）`)))),
    el('div', { className: 'actions' },
      el('button', { type: 'submit', name: 'action', value: 'draft', id: 'save-draft' }, '保存草稿'),
      el('button', { type: 'submit', name: 'action', value: 'submit', className: 'primary', id: 'save-submit' },
        '保存并报送')));
  const messages = el('div');
  let current: Item | null = existing;
  keepEnterInTheForm(form);
  form.addEventListener('submit', async (ev: SubmitEvent) => {
    ev.preventDefault();
    const action = (ev.submitter as HTMLButtonElement | null)?.value ?? 'draft';
    form.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
    form.querySelectorAll('.field').forEach((e) => e.classList.remove('invalid'));
    messages.replaceChildren();
    const data = new FormData(form);
    const text = (k: string) => { const v = String(data.get(k) ?? '').trim(); return v === '' ? null : v; };
    const body = {
      title: text('title'), body: text('body'), category: text('category'), topics: data.getAll('topics'),
      eventDate: text('eventDate'), reporterName: text('reporterName'), contactPhone: text('contactPhone'),
      polarity: text('polarity'), majorEvent: data.get('majorEvent') !== null,
      majorEmergency: data.get('majorEmergency') !== null, countermeasures: text('countermeasures'),
      commissionId: text('commissionId'),
    };
    const wasNew = current === null;
    try {
      current = current ? await put<Item>(`/api/intake/items/${current.id}`, body)
        : await post<Item>('/api/intake/items', body);
      if (action === 'submit') {
        // warned before sending: declining keeps the saved draft, whose page shows the warning
        if (!await confirmNotDuplicate(await similarCheck(current.id), ctx.unitNames)) {
          location.hash = `#/items/${current.id}`;
          return;
        }
        current = await post<Item>(`/api/intake/items/${current.id}/submit`);
      }
      location.hash = `#/items/${current.id}`;
    } catch (e) {
      showFieldErrors(form, e, messages);
      if (current && wasNew) {
        // the draft exists now: the next click saves that one rather than creating a second draft
        messages.append(banner('草稿已保存，可修改后再报送。', 'ok'));
        history.replaceState(null, '', `#/edit/${current.id}`);
      }
    }
  });
  show(el('h1', {}, existing ? '修改信息' : '新建信息'), messages, form,
    existing ? attachmentsSection(existing.id, true)
      : el('p', { className: 'muted', id: 'attachments-later' }, '附件：保存草稿后可上传附件。'));
}

export async function itemDetail(ctx: Ctx, id: string, notice?: string) {
  const show = guardedShow();
  const item = await get<Item>(`/api/intake/items/${id}`);
  const c = item.content;
  const sentBack = sentBackNotice(item);
  const messages = el('div', {}, notice ? banner(notice, 'ok') : null,
    sentBack ? el('div', { className: 'banner warn', id: 'sent-back', role: 'status' }, sentBack) : null);
  const act = async (label: string, fn: () => Promise<unknown>) => {
    try { await fn(); await itemDetail(ctx, id, `${label}成功`); }
    catch (e) { messages.replaceChildren(banner(describe(e))); }
  };
  // category, flags and topics as the item counts now: the room may have corrected them (修改记录 below)
  const k = item.classification ?? { category: c.category, categoryLabel: c.categoryLabel, majorEvent: c.majorEvent,
    majorEmergency: c.majorEmergency, topics: c.topics ?? [] };
  const rows: [string, Child][] = [
    ['单位', ctx.unitNames[item.unitId] ?? item.unitId], ['状态', item.statusLabel], ['类别', k.categoryLabel],
    ...(item.enteredOnBehalf
      ? [['报送方式', el('span', { id: 'on-behalf-mark', className: 'on-behalf' }, onBehalfMark(item))] as [string, Child]]
      : []),
    ['报送重点', (k.topics ?? []).map((t) => TOPIC[t] ?? t).join('、') || '—'], ['事件日期', c.eventDate],
    ['报送人', c.reporterName], ['联系电话', c.contactPhone], ['喜忧', POLARITY[c.polarity] ?? c.polarity],
    ['重大事件', k.majorEvent ? '是' : '否'], ['重大紧急类', k.majorEmergency ? '是' : '否'],
    ['报送时间', fmtTime(item.submittedAt)], ['已转报市政府', item.forwardedToCity ? '是' : '否'],
  ];
  if (c.countermeasures) rows.push(['对策建议', c.countermeasures]);
  if (item.voidReason) rows.push(['作废原因', item.voidReason]);
  rows.push(...leaderRows(item));
  const actions = el('div', { className: 'actions' });
  const correcting = el('div', { id: 'correcting' });
  // the unit is warned before 报送 when the item reads like one already sent (asked, not stored: the room's check
  // is the one made when the item is sent)
  const warning = el('div', { id: 'duplicate-warning' });
  if (hasRole(ctx, 'reporter') && (item.status === 'DRAFT' || item.status === 'RETURNED')) {
    const check = similarCheck(id).then((w) => {
      if (w?.nearDuplicate) {
        warning.replaceChildren(el('div', { className: 'banner warn', role: 'status' }, w.message ?? '',
          el('ul', { className: 'similar' }, ...similarLines(ctx.unitNames, w.similarItems))));
      }
      return w;
    });
    actions.append(el('a', { className: 'button', href: `#/edit/${id}` }, '修改'),
      el('button', { className: 'primary', id: 'submit-item', onclick: async () => {
        if (await confirmNotDuplicate(await check, ctx.unitNames)) {
          await act('报送', () => post(`/api/intake/items/${id}/submit`));
        }
      } }, '报送'));
  }
  if (hasRole(ctx, 'reporter') && withdrawable(item)) {
    const from = item.status === 'AWAITING_SIGN_OFF' ? '领导签批前' : '信息室接收前';
    actions.append(el('button', { id: 'withdraw-item', onclick: async () => {
      if (await confirmDialog('撤回信息', `${from}可以撤回。撤回后信息回到草稿，可修改后重新报送。`, '撤回')) {
        await act('撤回', () => post(`/api/intake/items/${id}/withdraw`));
      }
    } }, '撤回'));
  }
  if (hasRole(ctx, 'reporter') && item.deletable) {
    actions.append(el('button', { className: 'danger', id: 'delete-draft', onclick: async () => {
      if (!await confirmDialog('删除草稿', `确定删除草稿《${c.title || '（无标题）'}》吗？删除后不能恢复。`, '删除')) return;
      try {
        await call('DELETE', `/api/intake/items/${id}`);
        location.hash = '#/items';
      } catch (e) { messages.replaceChildren(banner(describe(e))); }
    } }, '删除草稿'));
  }
  if (hasRole(ctx, 'unit-leader') && item.status === 'AWAITING_SIGN_OFF') {
    const opinion = el('textarea', { id: 'sign-off-opinion', name: 'opinion', rows: 3, maxlength: 500 }) as HTMLTextAreaElement;
    actions.append(el('div', { className: 'field', 'data-field': 'opinion' },
      el('label', { for: 'sign-off-opinion' }, '签批意见（同意时可不填，退回时必填）'), opinion),
    el('button', { className: 'primary', id: 'sign-off-item', onclick: async () => {
      if (await confirmDialog('签批同意', `同意报送《${c.title}》？签批后即报送信息室。`, '签批同意')) {
        await act('签批', () => post(`/api/intake/items/${id}/sign-off`, signOffBody(opinion.value)));
      }
    } }, '签批同意'),
    el('button', { id: 'send-back-item', onclick: () => {
      const written = opinion.value.trim();
      const sendBack = (t: string) => act('退回', () => post(`/api/intake/items/${id}/send-back`, { opinion: t }));
      if (written) sendBack(written); else withText('退回意见', sendBack);
    } }, '退回'));
  }
  if (hasRole(ctx, 'info-room')) {
    if (item.status === 'SUBMITTED') {
      actions.append(el('button', { className: 'primary', id: 'receive-item',
        onclick: () => act('接收', () => post(`/api/intake/items/${id}/receive`)) }, '接收'),
      el('button', { id: 'return-item', onclick: () => withText('退回修改意见', (t) => act('退回', () => post(`/api/intake/items/${id}/return`, { opinion: t }))) }, '退回修改'),
      el('button', { id: 'receive-correct-item', onclick: () => correcting.replaceChildren(
        correctionForm(id, k, true, () => itemDetail(ctx, id, '接收并更正成功'))) }, '接收并更正'));
    }
    if (item.status === 'RECEIVED') {
      actions.append(el('button', { id: 'correct-item', onclick: () => correcting.replaceChildren(
        correctionForm(id, k, false, () => itemDetail(ctx, id, '更正成功'))) }, '更正'));
    }
    if (item.status === 'RECEIVED' && !item.forwardedToCity) {
      actions.append(el('button', { id: 'forward-item', onclick: async () => {
        if (await confirmDialog('转报市政府', `将《${c.title}》转报市政府？转报后计转报市政府加分。`, '转报')) {
          await act('转报', () => post(`/api/intake/items/${id}/forward`));
        }
      } }, '转报市政府'));
    }
    if (item.status !== 'VOIDED' && item.status !== 'DRAFT') {
      actions.append(el('button', { className: 'danger', id: 'void-item', onclick: () => withText('作废原因（作废将扣除该信息全部积分）', (t) => act('作废', () => post(`/api/intake/items/${id}/void`, { reason: t }))) }, '作废'));
    }
  }
  const similar = item.similarItems?.length ? el('div', { className: 'banner warn', id: 'similar-items' }, '疑似重复：',
    el('ul', { className: 'similar' }, ...similarLines(ctx.unitNames, item.similarItems))) : null;
  const revisions = el('section', { className: 'card' }, el('h2', {}, '修改与处理记录'), el('p', { className: 'muted' }, '加载中……'));
  const adoptions = el('section', { className: 'card', id: 'adoptions' }, el('h2', {}, '采用与批示'), el('p', { className: 'muted' }, '加载中……'));
  // 打印 prints the page as it reads (the print styles leave out menus and buttons); Word is the service's 政务信息 page
  const output = el('div', { className: 'item-output no-print' },
    el('button', { type: 'button', id: 'print-item', onclick: () => window.print() }, '打印'),
    el('a', { className: 'button', id: 'item-docx', href: `/api/intake/items/${encodeURIComponent(id)}/document.docx`,
      download: '' }, '导出 Word'));
  show(el('h1', {}, c.title), output, messages, similar, warning,
    el('section', { className: 'card' }, el('dl', { className: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('div', { className: 'body-text' }, c.body ?? '')), actions, correcting, correctionsSection(item.corrections ?? []),
    attachmentsSection(id, hasRole(ctx, 'reporter') && (item.status === 'DRAFT' || item.status === 'RETURNED')), revisions, adoptions);
  get<any[]>(`/api/intake/items/${id}/revisions`).then((list) => revisions.replaceChildren(el('h2', {}, '修改与处理记录'),
    list.length === 0 ? el('p', { className: 'muted' }, '尚未报送。') : el('ol', { className: 'revisions' }, ...list.map((r) =>
      el('li', {}, `第 ${r.number} 稿 · ${fmtTime(r.submittedAt)} 报送 · ${r.outcomeLabel ?? ''}`,
        r.signOffOpinion ? el('div', { className: 'muted' }, `领导签批意见：${r.signOffOpinion}`) : null,
        r.opinion ? el('div', { className: 'opinion' }, `信息室意见：${r.opinion}`) : null))),
    historyLinks(id, list.length, hasRole(ctx, 'info-room', 'admin'))))
    .catch((e) => revisions.replaceChildren(banner(describe(e))));
  get<any>(`/api/adoption/items/${id}`).then((a) => adoptions.replaceChildren(el('h2', {}, '采用与批示'),
    adoptionList(a, hasRole(ctx, 'reporter', 'unit-leader')), hasRole(ctx, 'info-room') ? adoptionForm(id, () => itemDetail(ctx, id, '登记成功')) : ''))
    .catch((e) => adoptions.replaceChildren(el('h2', {}, '采用与批示'),
      e instanceof Problem && e.status === 404 ? el('p', { className: 'muted' }, '暂无采用或批示记录。') : banner(describe(e)),
      hasRole(ctx, 'info-room') && item.status === 'RECEIVED' ? adoptionForm(id, () => itemDetail(ctx, id, '登记成功')) : ''));
}

/** Links to the Vue pages of the item's history: 修改对比 once there are two revisions, 办理记录 for those intake
 * answers it to (the room and the administrator). */
function historyLinks(id: string, revisionCount: number, readsTrail: boolean) {
  const links = [
    canCompare(revisionCount) ? el('a', { id: 'compare-revisions', className: 'button', href: `#/items/${encodeURIComponent(id)}/compare` }, '修改对比') : null,
    readsTrail ? el('a', { id: 'item-audit-link', className: 'button', href: `#/items/${encodeURIComponent(id)}/audit` }, '办理记录') : null,
  ].filter((a) => a !== null);
  return links.length ? el('p', { className: 'history-links' }, ...links) : '';
}
