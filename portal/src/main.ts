import './style.css';
import { describe, get, Me, Problem } from './api';
import { bannerProgress } from './bannerProgress';
import { circularDetail, circularList } from './circulars';
import { commissions } from './commissions';
import { filings } from './filings';
import { imports } from './imports';
import { inbox, signOffQueue } from './inbox';
import { itemDetail, itemForm, myItems } from './items';
import { overview } from './overview';
import { policies } from './policies';
import { rankings } from './rankings';
import { activeMenu, defaultPageFor, menuFor, parseRoute } from './routes';
import { statistics } from './statistics';
import { units } from './units';
import { ROLE, banner, el, guardedShow, nextRoute, show, type Ctx } from './ui';

let me: Me;
let unitNames: Record<string, string> = {};
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
      case 'items': return await (arg === 'new' ? itemForm(ctx()) : arg ? itemDetail(ctx(), arg) : myItems(ctx()));
      case 'edit': return await itemForm(ctx(), arg);
      case 'overview': return await overview(ctx());
      case 'sign-off': return await signOffQueue(ctx());
      case 'inbox': return await inbox(ctx());
      case 'commissions': return await commissions(ctx());
      case 'progress': return await bannerProgress();
      case 'units': return await units(ctx(), arg);
      case 'filings': return await filings(ctx(), query);
      case 'imports': return await imports(ctx(), hash);
      case 'policies': return await policies(ctx(), arg);
      case 'rankings': return await rankings();
      case 'statistics': return await statistics(ctx(), query);
      case 'circulars': return await (arg ? circularDetail(ctx(), arg) : circularList(ctx()));
      default: show(banner('没有这个页面'));
    }
  } catch (e) {
    show(banner(describe(e)));
  }
}

start();
