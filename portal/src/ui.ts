// Labels, people's names, Beijing time and figures shared by the pages.

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
