import './style.css';
import { describe, get, Me, post, Problem, put } from './api';
import { barChart, lineChart } from './charts';
import { attachmentsSection } from './attachments';
import { circularDetail, circularList } from './circulars';
import { correctionForm, correctionsSection, type Classification, type Correction } from './corrections';
import { filings } from './filings';
import { activeMenu, defaultPageFor, menuFor, parseRoute } from './routes';
import { statistics } from './statistics';
import { units } from './units';
import { ADOPTION_KIND, CATEGORY, GROUPS, POLARITY, ROLE, STATUS, TOPIC, app, banner, beijingMonth, beijingToday, el, fmtTime, guardedShow, nextRoute, options, progressBar, show, showFieldErrors, withText, type Child, type Ctx } from './ui';
import { quotaCell, quotaSentence } from './progress';

let me: Me;
let unitNames: Record<string, string> = {};
const has = (role: string) => me.roles.includes(role);
const ctx = (): Ctx => ({ me, unitNames });

// ---------- start ----------
async function start() {
  try {
    me = await get<Me>('/api/me');
  } catch (e) {
    if (e instanceof Problem && e.status === 401) return showLogin();
    return show(banner(describe(e)));
  }
  try {
    const units = await get<{ unitId: string; name: string }[]>('/api/intake/units');
    unitNames = Object.fromEntries(units.map((u) => [u.unitId, u.name]));
  } catch { /* names are a nicety; ids still show */ }
  renderHeader();
  window.addEventListener('hashchange', route);
  if (!location.hash || location.hash === '#/') location.hash = defaultPage();
  else route();
}

function showLogin() {
  document.getElementById('menu')!.replaceChildren();
  document.getElementById('who')!.replaceChildren();
  show(el('section', { className: 'card login' },
    el('h1', {}, '欢迎使用政务信息报送与考评系统'),
    el('p', {}, '报送单位、信息室和领导通过统一身份认证登录。登录后，本系统代替电子邮件报送政务信息。'),
    el('a', { className: 'button primary', href: '/oauth2/authorization/keycloak', id: 'login' }, '登录')));
}

function defaultPage() {
  return defaultPageFor(me.roles);
}

function renderHeader() {
  document.getElementById('menu')!.replaceChildren(...menuFor(me.roles)
    .map(([href, text]) => el('a', { href, 'data-page': href }, text)));
  const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.substring(11) ?? '';
  const unit = me.unitId ? `${unitNames[me.unitId] ?? me.unitId} · ` : '';
  document.getElementById('who')!.replaceChildren(
    el('span', { id: 'user' }, `${me.displayName}（${unit}${me.roles.map((r) => ROLE[r]).filter(Boolean).join('、')}）`),
    // a real form POST: the gateway ends the session and sends the browser on to Keycloak's logout
    el('form', { method: 'post', action: '/logout', className: 'inline' },
      el('input', { type: 'hidden', name: '_csrf', value: decodeURIComponent(csrf) }),
      el('button', { type: 'submit', id: 'logout' }, '退出')));
}

async function route() {
  nextRoute();
  const show = guardedShow();
  const hash = location.hash || defaultPage();
  const active = activeMenu(hash, [...document.querySelectorAll('#menu a')].map((a) => a.getAttribute('href') ?? ''));
  document.querySelectorAll('#menu a').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === active));
  const { page, arg, query } = parseRoute(hash);
  try {
    switch (page) {
      case 'items': return await (arg === 'new' ? itemForm() : arg ? itemDetail(arg) : myItems());
      case 'edit': return await itemForm(arg);
      case 'overview': return await overview();
      case 'sign-off': return await signOffQueue();
      case 'inbox': return await inbox();
      case 'commissions': return await commissions();
      case 'progress': return await bannerProgress();
      case 'units': return await units(ctx(), arg);
      case 'filings': return await filings(ctx(), query);
      case 'rankings': return await rankings();
      case 'statistics': return await statistics(ctx(), query);
      case 'circulars': return await (arg ? circularDetail(ctx(), arg) : circularList(ctx()));
      default: show(banner('没有这个页面'));
    }
  } catch (e) {
    show(banner(describe(e)));
  }
}

// ---------- items ----------
interface Item {
  id: string; unitId: string; status: string; statusLabel: string; revisionCount: number; submittedAt: string | null;
  forwardedToCity: boolean; voidReason: string | null; signOffOpinion: string | null; nearDuplicate: boolean;
  similarItems: { itemId: string; unitId: string; title: string; similarity: number }[];
  /** how the item counts now (the room's last correction, else as received) and every correction */
  classification?: Classification & { categoryLabel: string }; corrections?: Correction[];
  content: {
    title: string; body: string; category: string; categoryLabel: string; topics: string[]; eventDate: string;
    reporterName: string; contactPhone: string; polarity: string; majorEvent: boolean; majorEmergency: boolean;
    countermeasures: string | null; commissionId: string | null;
  };
}
interface Page { items: Item[]; total: number; page: number; size: number }

function itemTable(items: Item[], showUnit: boolean) {
  if (items.length === 0) return el('p', { className: 'muted' }, '没有符合条件的信息。');
  return el('table', { className: 'list' },
    el('thead', {}, el('tr', {}, el('th', {}, '标题'), showUnit && el('th', {}, '单位'), el('th', {}, '类别'),
      el('th', {}, '状态'), el('th', {}, '报送时间'))),
    el('tbody', {}, ...items.map((i) => el('tr', { 'data-item': i.id },
      el('td', { 'data-label': '标题' }, el('a', { href: `#/items/${i.id}` }, i.content.title || '（无标题）'),
        i.nearDuplicate && el('span', { className: 'tag warn', title: '与其他单位的信息内容相近' }, '疑似重复')),
      showUnit && el('td', { 'data-label': '单位' }, unitNames[i.unitId] ?? i.unitId),
      el('td', { 'data-label': '类别' }, i.content.categoryLabel ?? ''),
      el('td', { 'data-label': '状态' }, el('span', { className: `status s-${i.status}` }, i.statusLabel)),
      el('td', { 'data-label': '报送时间' }, fmtTime(i.submittedAt))))));
}

async function myItems() {
  const show = guardedShow();
  const params = new URLSearchParams(location.search);
  const status = params.get('status') ?? '';
  const load = async (s: string) => {
    const q = s ? `&status=${s}` : '';
    const page = await get<Page>(`/api/intake/items?size=100&sort=updatedAt${q}`);
    list.replaceChildren(itemTable(page.items, false));
  };
  const list = el('div');
  const tabs = el('div', { className: 'tabs', role: 'tablist' },
    ...[['', '全部'], ...Object.entries(STATUS)].map(([s, t]) => el('button', {
      type: 'button', className: s === status ? 'active' : '', 'data-status': s,
      onclick: (ev: Event) => {
        tabs.querySelectorAll('button').forEach((b) => b.classList.remove('active'));
        (ev.target as HTMLElement).classList.add('active');
        load(s).catch((e) => list.replaceChildren(banner(describe(e))));
      },
    }, t)));
  show(el('h1', {}, `本单位信息 · ${unitNames[me.unitId ?? ''] ?? me.unitId ?? ''}`),
    has('reporter') && el('a', { className: 'button primary', href: '#/items/new' }, '＋ 新建信息'), tabs, list);
  await load(status);
}


async function itemForm(itemId?: string) {
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
      value: c?.reporterName ?? me.displayName })),
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
      if (action === 'submit') current = await post<Item>(`/api/intake/items/${current.id}/submit`);
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

async function itemDetail(id: string, notice?: string) {
  const show = guardedShow();
  const item = await get<Item>(`/api/intake/items/${id}`);
  const c = item.content;
  const messages = el('div', {}, notice ? banner(notice, 'ok') : null);
  const act = async (label: string, fn: () => Promise<unknown>) => {
    try { await fn(); await itemDetail(id, `${label}成功`); }
    catch (e) { messages.replaceChildren(banner(describe(e))); }
  };
  // category, flags and topics as the item counts now: the room may have corrected them (修改记录 below)
  const k = item.classification ?? { category: c.category, categoryLabel: c.categoryLabel, majorEvent: c.majorEvent,
    majorEmergency: c.majorEmergency, topics: c.topics ?? [] };
  const rows: [string, Child][] = [
    ['单位', unitNames[item.unitId] ?? item.unitId], ['状态', item.statusLabel], ['类别', k.categoryLabel],
    ['报送重点', (k.topics ?? []).map((t) => TOPIC[t] ?? t).join('、') || '—'], ['事件日期', c.eventDate],
    ['报送人', c.reporterName], ['联系电话', c.contactPhone], ['喜忧', POLARITY[c.polarity] ?? c.polarity],
    ['重大事件', k.majorEvent ? '是' : '否'], ['重大紧急类', k.majorEmergency ? '是' : '否'],
    ['报送时间', fmtTime(item.submittedAt)], ['已转报市政府', item.forwardedToCity ? '是' : '否'],
  ];
  if (c.countermeasures) rows.push(['对策建议', c.countermeasures]);
  if (item.voidReason) rows.push(['作废原因', item.voidReason]);
  if (item.signOffOpinion) rows.push(['签批意见', item.signOffOpinion]);
  const actions = el('div', { className: 'actions' });
  const correcting = el('div', { id: 'correcting' });
  if (has('reporter') && (item.status === 'DRAFT' || item.status === 'RETURNED')) {
    actions.append(el('a', { className: 'button', href: `#/edit/${id}` }, '修改'),
      el('button', { className: 'primary', id: 'submit-item',
        onclick: () => act('报送', () => post(`/api/intake/items/${id}/submit`)) }, '报送'));
  }
  if (has('unit-leader') && item.status === 'AWAITING_SIGN_OFF') {
    actions.append(el('button', { className: 'primary', onclick: () => act('签批', () => post(`/api/intake/items/${id}/sign-off`)) }, '签批同意'),
      el('button', { onclick: () => withText('退回意见', (t) => act('退回', () => post(`/api/intake/items/${id}/send-back`, { opinion: t }))) }, '退回'));
  }
  if (has('info-room')) {
    if (item.status === 'SUBMITTED') {
      actions.append(el('button', { className: 'primary', id: 'receive-item',
        onclick: () => act('接收', () => post(`/api/intake/items/${id}/receive`)) }, '接收'),
      el('button', { id: 'return-item', onclick: () => withText('退回修改意见', (t) => act('退回', () => post(`/api/intake/items/${id}/return`, { opinion: t }))) }, '退回修改'),
      el('button', { id: 'receive-correct-item', onclick: () => correcting.replaceChildren(
        correctionForm(id, k, true, () => itemDetail(id, '接收并更正成功'))) }, '接收并更正'));
    }
    if (item.status === 'RECEIVED') {
      actions.append(el('button', { id: 'correct-item', onclick: () => correcting.replaceChildren(
        correctionForm(id, k, false, () => itemDetail(id, '更正成功'))) }, '更正'));
    }
    if (item.status === 'RECEIVED' && !item.forwardedToCity) {
      actions.append(el('button', { onclick: () => act('转报', () => post(`/api/intake/items/${id}/forward`)) }, '转报市政府'));
    }
    if (item.status !== 'VOIDED' && item.status !== 'DRAFT') {
      actions.append(el('button', { className: 'danger', onclick: () => withText('作废原因（作废将扣除该信息全部积分）', (t) => act('作废', () => post(`/api/intake/items/${id}/void`, { reason: t }))) }, '作废'));
    }
  }
  const similar = item.similarItems?.length ? el('div', { className: 'banner warn' }, '疑似重复：',
    ...item.similarItems.map((s) => el('div', {}, `${unitNames[s.unitId] ?? s.unitId}《${s.title}》相似度 ${Math.round(s.similarity * 100)}%`))) : null;
  const revisions = el('section', { className: 'card' }, el('h2', {}, '修改与处理记录'), el('p', { className: 'muted' }, '加载中……'));
  const adoptions = el('section', { className: 'card', id: 'adoptions' }, el('h2', {}, '采用与批示'), el('p', { className: 'muted' }, '加载中……'));
  show(el('h1', {}, c.title), messages, similar,
    el('section', { className: 'card' }, el('dl', { className: 'facts' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('div', { className: 'body-text' }, c.body ?? '')), actions, correcting, correctionsSection(item.corrections ?? []),
    attachmentsSection(id, has('reporter') && (item.status === 'DRAFT' || item.status === 'RETURNED')), revisions, adoptions);
  get<any[]>(`/api/intake/items/${id}/revisions`).then((list) => revisions.replaceChildren(el('h2', {}, '修改与处理记录'),
    list.length === 0 ? el('p', { className: 'muted' }, '尚未报送。') : el('ol', { className: 'revisions' }, ...list.map((r) =>
      el('li', {}, `第 ${r.number} 稿 · ${fmtTime(r.submittedAt)} 报送 · ${r.outcomeLabel ?? ''}`,
        r.opinion ? el('div', { className: 'opinion' }, `信息室意见：${r.opinion}`) : null)))))
    .catch((e) => revisions.replaceChildren(banner(describe(e))));
  get<any>(`/api/adoption/items/${id}`).then((a) => adoptions.replaceChildren(el('h2', {}, '采用与批示'),
    adoptionList(a), has('info-room') ? adoptionForm(id, () => itemDetail(id, '登记成功')) : ''))
    .catch((e) => adoptions.replaceChildren(el('h2', {}, '采用与批示'),
      e instanceof Problem && e.status === 404 ? el('p', { className: 'muted' }, '暂无采用或批示记录。') : banner(describe(e)),
      has('info-room') && item.status === 'RECEIVED' ? adoptionForm(id, () => itemDetail(id, '登记成功')) : ''));
}

function adoptionList(a: any) {
  const records: any[] = a?.records ?? [];
  if (records.length === 0) return el('p', { className: 'muted' }, '暂无采用或批示记录。');
  // points as scoring decided them; until it has, the service says 「积分待计算」 instead of a number
  const points = a.itemPoints != null ? `本信息采用批示积分：${a.itemPoints} 分` : null;
  return el('div', {}, el('p', { id: 'adoption-points', className: points ? '' : 'muted' }, points ?? a.scoreNote ?? ''),
    points && a.scoreNote ? el('p', { className: 'muted' }, a.scoreNote) : null,
    el('ul', {}, ...records.map((r) => el('li', {},
    `${r.kindLabel ?? ADOPTION_KIND[r.kind] ?? r.kind} · ${r.effectiveDate}`,
    r.publication ? ` ·《${r.publication}》${r.issueNo ?? ''}` : '', r.withdrawn ? '（已撤销）' : '',
    r.explanation ? el('div', { className: 'muted' }, r.explanation) : null))));
}

function adoptionForm(itemId: string, done: () => void) {
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

// ---------- reporter overview: quota, commissions, score ----------
async function overview() {
  const show = guardedShow();
  const month = beijingMonth();
  const quota = el('section', { className: 'card', id: 'quota' }, el('h2', {}, `${month} 任务进度`), el('p', { className: 'muted' }, '加载中……'));
  const comm = el('section', { className: 'card', id: 'my-commissions' }, el('h2', {}, '待完成的约稿'), el('p', { className: 'muted' }, '加载中……'));
  const score = el('section', { className: 'card', id: 'my-score' }, el('h2', {}, `${month} 本单位积分`), el('p', { className: 'muted' }, '加载中……'));
  show(el('h1', {}, '任务与积分'), quota, comm, score);
  get<any>(`/api/intake/quota-progress?month=${month}`).then((p) => {
    const u = (p.units ?? []).find((x: any) => x.unitId === me.unitId);
    quota.replaceChildren(el('h2', {}, `${month} 任务进度`), u
      ? el('div', {}, ...(u.quota == null ? [] : [progressBar(u.received, u.quota)]), el('p', {}, quotaSentence(u, p.quotaNote)))
      : el('p', { className: 'muted' }, '暂无数据'));
  }).catch((e) => quota.append(banner(describe(e))));
  get<any[]>('/api/commission/commissions?scope=open').then((list) => comm.replaceChildren(el('h2', {}, '待完成的约稿'),
    list.length === 0 ? el('p', { className: 'muted' }, '目前没有待完成的约稿任务。') : el('ul', {}, ...list.map((c) =>
      el('li', {}, el('strong', {}, c.title), ` · 截止 ${c.deadlineDisplay ?? c.deadline}`, el('div', { className: 'muted' }, c.requirements ?? ''))))))
    .catch((e) => comm.append(banner(describe(e))));
  get<any>(`/api/scoring/units/${me.unitId}/score?period=${month}`).then((s) => score.replaceChildren(
    el('h2', {}, `${s.periodLabel ?? month} 本单位积分：${s.points} 分`),
    el('p', { id: 'score-breakdown', 'data-commission': s.commissionPoints }, `报送 ${s.submissionPoints} · 转报 ${s.forwardPoints} · 采用批示 ${s.adoptionPoints} · 约稿 ${s.commissionPoints} · 扣分 ${s.deductionPoints}`),
    el('ul', { className: 'explain' }, ...(s.entries ?? []).map((e: any) => el('li', {}, `${e.date ?? ''} ${e.explanation} （${e.points >= 0 ? '+' : ''}${e.points}）`)))))
    .catch((e) => score.append(e instanceof Problem && e.status === 404 ? el('p', { className: 'muted' }, '本期尚无积分。') : banner(describe(e))));
}

// ---------- unit leader ----------
async function signOffQueue() {
  const show = guardedShow();
  const page = await get<Page>('/api/intake/items/sign-off-queue?size=100');
  show(el('h1', {}, '待签批信息'), itemTable(page.items, false));
}

// ---------- information room ----------
async function inbox() {
  const show = guardedShow();
  const form = el('form', { className: 'filters', id: 'inbox-filters' },
    el('select', { name: 'status' }, ...options(STATUS, 'SUBMITTED', '全部已报送')),
    el('select', { name: 'group' }, ...options(GROUPS, undefined, '全部组别')),
    el('select', { name: 'unitId' }, el('option', { value: '' }, '全部单位'),
      ...Object.entries(unitNames).map(([id, n]) => el('option', { value: id }, n))),
    el('select', { name: 'category' }, ...options(CATEGORY, undefined, '全部类别')),
    el('input', { name: 'period', placeholder: '期间，如 2026-07', size: 12 }),
    el('input', { name: 'q', placeholder: '标题或正文关键词' }),
    el('button', { type: 'submit', className: 'primary' }, '筛选'));
  const list = el('div');
  const load = async () => {
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (String(v).trim()) params.append(k, String(v).trim()); });
    params.set('size', '100');
    params.set('sort', 'submittedAt');
    try {
      const page = await get<Page>(`/api/intake/items?${params}`);
      list.replaceChildren(el('p', { className: 'muted' }, `共 ${page.total} 条`), itemTable(page.items, true));
    } catch (e) { list.replaceChildren(banner(describe(e))); }
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  show(el('h1', {}, '信息室收件箱'), form, list);
  await load();
}

async function commissions() {
  const show = guardedShow();
  const list = await get<any[]>('/api/commission/commissions?scope=all');
  const messages = el('div');
  const form = el('form', { className: 'inline-form', id: 'commission-form' },
    el('h2', {}, '发布约稿任务'),
    el('div', { className: 'field' }, el('label', {}, '题目 *'), el('input', { name: 'title' }), el('div', { className: 'field-error', id: 'err-title' })),
    el('div', { className: 'field' }, el('label', {}, '要求 *'), el('textarea', { name: 'requirements', rows: 3 }), el('div', { className: 'field-error', id: 'err-requirements' })),
    el('div', { className: 'field' }, el('label', {}, '约稿单位 *（按住 Ctrl 多选）'), el('select', { name: 'targetUnitIds', multiple: true, size: 6 },
      ...Object.entries(unitNames).map(([id, n]) => el('option', { value: id }, n))), el('div', { className: 'field-error', id: 'err-targetUnitIds' })),
    el('div', { className: 'field' }, el('label', {}, '截止时间（北京时间）*'), el('input', { name: 'deadline', type: 'datetime-local' }), el('div', { className: 'field-error', id: 'err-deadline' })),
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
      commissions();
    } catch (e) { showFieldErrors(form, e, messages); }
  });
  // each answer with its version and state; 认可/不认可 only where the room can judge now (received, not yet judged)
  const answerLine = (c: any, a: any) => el('div', { className: 'answer', 'data-item': a.itemId, 'data-status': a.status },
    el('a', { href: `#/items/${a.itemId}` }, '查看稿件'), ` 第${a.revision}版 · ${fmtTime(a.submittedAt)}报送`,
    a.onTime ? '（按时）' : '（逾期）', ` · ${a.status}`, a.reason ? `：${a.reason}` : '',
    ...(a.judgeable ? [' ',
      el('button', { className: 'judge-accept', onclick: () => judge(c.id, a.itemId, true) }, '认可'), ' ',
      el('button', { className: 'judge-reject', onclick: () => withText('不认可的理由', (r) => judge(c.id, a.itemId, false, r)) }, '不认可')] : []));
  show(el('h1', {}, '约稿任务'), messages,
    list.length === 0 ? el('p', { className: 'muted' }, '暂无约稿任务。') : el('table', { className: 'list', id: 'commission-list' },
      el('thead', {}, el('tr', {}, el('th', {}, '题目'), el('th', {}, '截止'), el('th', {}, '单位及回复'))),
      el('tbody', {}, ...list.map((c) => el('tr', { 'data-commission': c.id }, el('td', { 'data-label': '题目' }, c.title),
        el('td', { 'data-label': '截止' }, c.deadlineDisplay ?? c.deadline),
        el('td', { 'data-label': '单位及回复' }, ...(c.targets ?? []).map((t: any) => el('div', { className: 'target', 'data-unit': t.unitId },
          el('strong', {}, `${t.unitName ?? t.unitId}：`), el('span', { className: 'target-status' }, t.status),
          ...(t.answers ?? []).map((a: any) => answerLine(c, a))))))))),
    form);
}

async function judge(commissionId: string, itemId: string, accepted: boolean, reason?: string) {
  try {
    await post(`/api/commission/commissions/${commissionId}/answers/${itemId}/judgement`, { accepted, reason: reason ?? null });
    await commissions();
    app().prepend(banner(accepted ? '已认可该约稿稿件。' : '已记录不认可及理由。', 'ok'));
  } catch (e) { app().prepend(banner(describe(e))); }
}

async function bannerProgress() {
  const show = guardedShow();
  const month = beijingMonth();
  const p = await get<any>(`/api/intake/quota-progress?month=${month}`);
  show(el('h1', {}, `${month} 全旗任务进度`),
    el('div', { className: 'cards' }, ...(p.groups ?? []).map((g: any) => el('section', { className: 'card' },
      el('h2', {}, `${GROUPS[g.group] ?? g.group}（基础条数 ${quotaCell(g.quota)}）`),
      el('p', {}, g.quota == null ? `共接收 ${g.received} 条` : `${g.unitsOnQuota}/${g.units} 个单位已完成，共接收 ${g.received} 条`)))),
    ...(p.quotaNote ? [el('p', { className: 'muted', id: 'quota-note' }, p.quotaNote)] : []),
    el('table', { className: 'list' }, el('thead', {}, el('tr', {}, el('th', {}, '单位'), el('th', {}, '已接收'), el('th', {}, '基础条数'), el('th', {}, '差额'))),
      el('tbody', {}, ...(p.units ?? []).map((u: any) => el('tr', {}, el('td', { 'data-label': '单位' }, u.unitName),
        el('td', { 'data-label': '已接收' }, u.received), el('td', { 'data-label': '基础条数' }, quotaCell(u.quota)), el('td', { 'data-label': '差额' }, quotaCell(u.shortfall)))))));
}

// ---------- leaders and viewers ----------
async function rankings() {
  const show = guardedShow();
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const form = el('form', { className: 'filters', id: 'ranking-filters' },
    el('select', { name: 'group', id: 'r-group' }, ...options(GROUPS, params.get('group') ?? '2')),
    el('input', { name: 'period', id: 'r-period', value: params.get('period') ?? beijingMonth(), size: 10,
      title: '月 2026-07、季度 2026-Q3 或年 2026' }),
    el('button', { type: 'submit', className: 'primary' }, '查看'));
  const out = el('div', { id: 'ranking' });
  const trend = el('section', { className: 'card', id: 'trend' });
  const load = async () => {
    const d = new FormData(form);
    const group = String(d.get('group')); const period = String(d.get('period')).trim();
    out.replaceChildren(el('p', { className: 'muted' }, '加载中……'));
    out.removeAttribute('data-loaded');
    try {
      const r = await get<any>(`/api/reporting/rankings?group=${group}&period=${encodeURIComponent(period)}`);
      out.replaceChildren(
        el('h2', {}, `${r.groupName ?? GROUPS[group]} · ${r.period} 积分排名`),
        el('div', { className: 'chart', id: 'ranking-chart' }, barChart(r.rows.map((x: any) => ({ label: x.unitName ?? x.unitId, value: x.points, id: x.unitId })))),
        el('table', { className: 'list', id: 'ranking-table' }, el('thead', {}, el('tr', {}, ...['名次', '单位', '总分', '报送', '转报', '采用批示', '约稿', '扣分', '接收条数'].map((h) => el('th', {}, h)))),
          el('tbody', {}, ...r.rows.map((x: any) => el('tr', { 'data-unit': x.unitId },
            el('td', { 'data-label': '名次' }, x.rank),
            el('td', { 'data-label': '单位' }, el('a', { href: '#', onclick: (ev: Event) => { ev.preventDefault(); showTrend(x.unitId, x.unitName, Number(group)); } }, x.unitName ?? x.unitId)),
            el('td', { 'data-label': '总分', className: 'points' }, x.points), el('td', { 'data-label': '报送', className: 'submission' }, x.submissionPoints),
            el('td', { 'data-label': '转报' }, x.forwardPoints), el('td', { 'data-label': '采用批示', className: 'adoption' }, x.adoptionPoints),
            el('td', { 'data-label': '约稿', className: 'commission' }, x.commissionPoints), el('td', { 'data-label': '扣分' }, x.deductionPoints),
            el('td', { 'data-label': '接收条数' }, `${x.receivedItems}/${x.quota}`))))),
        el('p', { className: 'muted' }, `计算时间 ${fmtTime(r.computedAt)} · 版本 ${r.snapshotVersion}`));
    } catch (e) {
      out.replaceChildren(e instanceof Problem && e.status === 404 ? el('p', { className: 'muted' }, e.detail) : banner(describe(e)));
    }
    out.setAttribute('data-loaded', 'true');
  };
  const showTrend = async (unitId: string, unitName: string, group: number) => {
    trend.replaceChildren(el('h2', {}, `${unitName} 近六个月积分走势`), el('p', { className: 'muted' }, '加载中……'));
    const months = [-5, -4, -3, -2, -1, 0].map(beijingMonth);
    const points = await Promise.all(months.map((m) => get<any>(`/api/reporting/rankings?group=${group}&period=${m}`)
      .then((r) => r.rows.find((x: any) => x.unitId === unitId)?.points ?? 0).catch(() => 0)));
    trend.replaceChildren(el('h2', {}, `${unitName} 近六个月积分走势`), lineChart(months.map((m, i) => ({ label: m, value: points[i] }))));
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  show(el('h1', {}, '积分排名'), form, out, trend);
  await load();
}

start();
