// Which pages a person gets, by role. The menu only hides: the services refuse what a role may not do.

/** The first page after sign-in: 首页 with what waits for the person (pages/HomePage.vue), for every role. */
export function defaultPageFor(_roles: string[]): string {
  return '#/home';
}

/** The menu links [hash, label] in order, each page once. */
export function menuFor(roles: string[]): [string, string][] {
  const has = (r: string) => roles.includes(r);
  const links: [string, string][] = [['#/home', '首页']];
  if (has('reporter')) links.push(['#/items', '本单位信息'], ['#/items/new', '新建信息'], ['#/overview', '任务与积分']);
  if (has('unit-leader')) links.push(['#/sign-off', '待签批'], ['#/items', '本单位信息']);
  if (has('info-room')) links.push(['#/inbox', '收件箱'], ['#/items/on-behalf', '代录信息'], ['#/commissions', '约稿任务'],
    ['#/progress', '全旗任务进度']);
  if (has('info-room') || has('admin')) links.push(['#/units', '报送单位'], ['#/imports', '历史补录'], ['#/audit', '办理记录']);
  if (has('info-room') || has('viewer') || has('admin')) {
    links.push(['#/adoptions', '采用与批示'], ['#/rankings', '积分排名'], ['#/commissions/statistics', '约稿统计']);
  }
  links.push(['#/statistics', '统计分析']);
  links.push(['#/policies', '积分标准']);
  links.push(['#/filings', '制度备案']);
  links.push(['#/circulars', '通报']);
  const seen = new Set<string>();
  return links.filter(([h]) => !seen.has(h) && !!seen.add(h));
}

/** The menu entry of a page: the longest menu hash the page's path equals or lies under (`#/circulars/X?y` →
 * `#/circulars`; `#/items/new` → `#/items/new`, not `#/items`). */
export function activeMenu(hash: string, menu: string[]): string | undefined {
  const path = hash.split('?')[0];
  return menu.filter((h) => path === h || path.startsWith(`${h}/`)).sort((a, b) => b.length - a.length)[0];
}
