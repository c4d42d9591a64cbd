// The portal's addresses, unchanged since the hand-built portal: `#/items`, `#/items/<id>`, `#/rankings?…`,
// `#/imports/<kind>/<batch>` … (journeys and bookmarks use them). Hash history: the gateway serves one index.html.
import { ref } from 'vue';
import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import NotFound from './NotFound.vue';
import { VUE_PAGES } from '../pages/vuePages';

/**
 * Counts the navigations: the shell draws the page anew for each (PageView's key), also when the address is the one
 * the router already shows — following a link to the page one is on opens it again, read afresh, as people expect
 * of a menu entry.
 */
export const visits = ref(0);

export function portalRoutes(defaultPage: () => string, vuePages: RouteRecordRaw[] = VUE_PAGES): RouteRecordRaw[] {
  return [
    { path: '/', name: 'home', redirect: () => defaultPage().substring(1) },
    ...vuePages,
    { path: '/:unknown(.*)*', name: 'not-found', component: NotFound },
  ];
}

export function createPortalRouter(defaultPage: () => string, history: RouterHistory = createWebHashHistory(),
                                   vuePages: RouteRecordRaw[] = VUE_PAGES) {
  const router = createRouter({ history, routes: portalRoutes(defaultPage, vuePages) });
  router.afterEach((_to, _from, failure) => { if (!failure) visits.value++; });
  if (history.base.includes('#')) followAddressChangedWhileStarting(router);
  return router;
}

/**
 * vue-router listens to the address only once its first navigation is done, and that one waits for a lazy page's
 * code (a leader's first page, 积分排名, loads ECharts); it then writes its own address over one changed meanwhile (a
 * typed address, a bookmark, a journey's next step). The last address changed while starting is followed once ready.
 */
function followAddressChangedWhileStarting(router: Router) {
  let changed: string | null = null;
  const remember = () => { changed = location.hash.substring(1) || '/'; };
  window.addEventListener('popstate', remember);
  const follow = () => {
    window.removeEventListener('popstate', remember);
    if (changed !== null && changed !== router.currentRoute.value.fullPath) void router.replace(changed);
  };
  router.isReady().then(follow, follow);
}
