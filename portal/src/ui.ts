// Labels and small DOM helpers shared by every page (text only: nothing from the server is parsed as HTML).

// ---------- labels (the services answer codes; people read Chinese) ----------
export const STATUS: Record<string, string> = {
  DRAFT: '草稿', AWAITING_SIGN_OFF: '待领导签批', SUBMITTED: '已报送', RECEIVED: '已接收', RETURNED: '退回修改',
  VOIDED: '已作废',
};
export const CATEGORY: Record<string, string> = {
  BRIEF: '简讯类（1分）', DYNAMIC: '动态类（1分）', COMPREHENSIVE: '综合类（1分）', PROBLEM: '问题类（5分）',
  RESEARCH_REPORT: '调研报告（5分）',
};
export const TOPIC: Record<string, string> = {
  RURAL_REVITALISATION: '乡村振兴', INDUSTRIAL_DEVELOPMENT: '产业发展', LIVELIHOOD: '民生改善',
  ENVIRONMENTAL_PROTECTION: '环境保护', SOCIAL_GOVERNANCE: '社会治理', ETHNIC_UNITY: '民族团结',
  DEEPENING_REFORM: '深化改革', LEADER_VISITS_AND_INSTRUCTIONS: '领导调研及批示落实', MAJOR_PROJECTS: '重大项目推进',
  INNOVATIVE_PRACTICES: '创新型经验做法',
};
export const POLARITY: Record<string, string> = { GOOD_NEWS: '喜（正面）', PROBLEM: '忧（问题）' };
export const ADOPTION_KIND: Record<string, string> = {
  CITY_BULLETIN_ADOPTED: '市政府办公室《鄂尔多斯政讯》采用（20分）', CITY_FORWARDED_TO_REGION: '市转报自治区（20分）',
  CITY_LEADER_INSTRUCTION: '市政府领导批示（20分）', REGION_DAILY_BRIEF_ADOPTED: '自治区政府办公厅《每日要情》采用（30分）',
  REGION_LEADER_INSTRUCTION: '自治区政府领导批示（30分）', STATE_COUNCIL_ADOPTED: '被国办采用（100分）',
  REGION_FORWARDED_TO_STATE_COUNCIL: '自治区转报国办（100分）', CENTRAL_LEADER_INSTRUCTION: '中央领导批示（100分）',
};
export const ROLE: Record<string, string> = {
  reporter: '报送人', 'unit-leader': '单位领导', 'info-room': '信息室', viewer: '领导', admin: '管理员',
};
export const GROUPS: Record<string, string> = { '1': '第一组', '2': '第二组', '3': '第三组' };
/** Who each group is (docs/rules.md, the units' seed list), for choosing a group by more than its number. */
export const GROUP_MEMBERS: Record<string, string> = {
  '1': '开发区和各镇', '2': '旗直部门和驻旗单位', '3': '事业单位和服务中心',
};

// ---------- tiny DOM helpers (text only: nothing from the server is parsed as HTML) ----------
export type Child = Node | string | number | null | undefined | false;
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, any> = {}, ...children: Child[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.substring(2), v);
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}
// The element a legacy page paints into: the Vue shell's LegacyPage hands its own container over (hostLegacyPage),
// so pages not yet ported keep calling show()/app() unchanged.
let host: HTMLElement | null = null;
/** Legacy pages paint into `element` from now on. */
export function hostLegacyPage(element: HTMLElement) { host = element; }
/** The page that `element` hosted has left: back to `#app`, unless another page already took over. */
export function releaseLegacyHost(element: HTMLElement | undefined) { if (host === element) host = null; }
export const app = () => host ?? document.getElementById('app')!;
export function show(...nodes: Child[]) { app().replaceChildren(...nodes.filter((n): n is Node | string => !!n || n === '') as (Node | string)[]); }
// Pages load asynchronously: a page started for an earlier hash must not paint over the page of the newer one.
let routeSeq = 0;
/** A new route began: pages of earlier routes stop painting. */
export function nextRoute() { routeSeq++; }
export function guardedShow() {
  const mine = routeSeq;
  return (...nodes: Child[]) => { if (mine === routeSeq) show(...nodes); };
}
export function banner(message: string, kind: 'error' | 'ok' = 'error') {
  return el('div', { className: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}
// The names of the people the services record by login name (the gateway's /api/people, read at start).
let people: Record<string, string> = {};
/** Who signed in with which name: set once by the shell at start. */
export function knowPeople(names: Record<string, string>) { people = names; }
/** 孙涛 for `room-editor`; the login name itself when nobody by that name has signed in (an import, a machine). */
export function personName(login: string | null | undefined): string {
  if (!login) return '';
  return people[login] ?? login;
}
export function fmtTime(iso?: string | null) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
export function beijingMonth(offset = 0): string {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
export function beijingToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
export function options(map: Record<string, string>, selected?: string, empty?: string) {
  const list = Object.entries(map).map(([v, t]) => el('option', { value: v, selected: v === selected }, t));
  return empty !== undefined ? [el('option', { value: '' }, empty), ...list] : list;
}


/** What a page needs to know about the signed-in person. */
export interface Ctx {
  me: { username: string; displayName: string; unitId: string | null; roles: string[] };
  unitNames: Record<string, string>;
}
export const hasRole = (ctx: Ctx, ...roles: string[]) => roles.some((r) => ctx.me.roles.includes(r));

/** Of a group of filter buttons, only this one is active and pressed (aria-pressed: heard, not only seen). */
export function pressOnly(group: HTMLElement, button: HTMLElement) {
  group.querySelectorAll('button').forEach((b) => { b.classList.remove('active'); b.setAttribute('aria-pressed', 'false'); });
  button.classList.add('active');
  button.setAttribute('aria-pressed', 'true');
}

/** A column: header, cell content, optional cell class. */
export type Column<T> = [string, (row: T) => Child, string?];

/** The responsive list table (below 640 px each row becomes a card whose cells carry their header as label). */
export function dataTable<T>(columns: Column<T>[], rows: T[], rowAttrs: (row: T) => Record<string, any> = () => ({}),
                             attrs: Record<string, any> = {}, empty = '暂无数据。') {
  if (rows.length === 0) return el('p', { className: 'muted' }, empty);
  return el('table', { className: 'list', ...attrs },
    el('thead', {}, el('tr', {}, ...columns.map(([h]) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', rowAttrs(r),
      ...columns.map(([h, cell, cls]) => el('td', { 'data-label': h, className: cls }, cell(r)))))));
}

/** The current quarter in Beijing, e.g. 2026-Q4 (offset in quarters). */
export function beijingQuarter(offset = 0): string {
  const [y, m] = beijingMonth().split('-').map(Number);
  const q = Math.floor((m - 1) / 3) + offset;
  const year = y + Math.floor(q / 4);
  return `${year}-Q${((q % 4) + 4) % 4 + 1}`;
}

/** An instant as the value of a datetime-local input in Beijing time (2026-12-03T18:00). */
export function beijingLocalInput(date: Date): string {
  return date.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).replace(' ', 'T').substring(0, 16);
}

/** A datetime-local value read as Beijing time → ISO instant (China has no daylight saving: a fixed +08:00). */
export function beijingInputToIso(value: string): string | null {
  if (!value) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const d = new Date(`${withSeconds}+08:00`);
  return isNaN(d.getTime()) ? null : d.toISOString();
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`;
}

/** A shown table as rows for a workbook: the header's texts, then each row's cell texts, whole numbers as numbers. */
export function tableRows(table: HTMLTableElement): { header: string[]; rows: (string | number)[][] } {
  const text = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
  const all = Array.from(table.tHead?.rows[0]?.cells ?? []).map(text);
  // the buttons of a row (修改, 删除) are not data
  const kept = all.map((h, i) => (h === '操作' ? -1 : i)).filter((i) => i >= 0);
  const rows = Array.from(table.tBodies[0]?.rows ?? []).map((r) => kept.map((i) => {
    const t = r.cells[i] ? text(r.cells[i]) : '';
    return /^-?\d{1,15}(\.\d+)?$/.test(t) ? Number(t) : t;
  }));
  return { header: kept.map((i) => all[i]), rows };
}

/**
 * 导出 Excel of a list: the table as shown (its filters applied) as `<name>.xlsx`. The spreadsheet code loads on the
 * first click, not with the page.
 */
export function exportButton(name: string | (() => string), table: () => HTMLTableElement | null | undefined) {
  return el('button', { type: 'button', className: 'export-xlsx', onclick: async () => {
    const shown = table();
    if (!shown) return;
    const { exportXlsx } = await import('./sheets');
    const { header, rows } = tableRows(shown);
    exportXlsx(typeof name === 'function' ? name() : name, header, rows);
  } }, '导出 Excel');
}
