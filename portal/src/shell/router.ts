// The portal's addresses, unchanged from the hand-built router: `#/items`, `#/items/<id>`, `#/rankings?…`,
// `#/imports/<kind>/<batch>` … (journeys and bookmarks use them). Hash history: the gateway serves one index.html.
import { ref } from 'vue';
import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import LegacyPage from './LegacyPage.vue';
import NotFound from './NotFound.vue';
import { VUE_PAGES } from '../pages/vuePages';
import { LEGACY_PAGES, type LegacyRender } from './legacyPages';

/**
 * Counts the navigations: the shell draws the page anew for each (PageView's key), also when the address is the one
 * the router already shows. A legacy page may have moved the address with history.replaceState (a saved policy →
 * its version's address), which the router does not see; following a link back to the same page must open it again,
 * as the hand-built router's hashchange did.
 */
export const visits = ref(0);

export function portalRoutes(defaultPage: () => string, pages: Record<string, LegacyRender> = LEGACY_PAGES,
                             vuePages: RouteRecordRaw[] = VUE_PAGES): RouteRecordRaw[] {
  return [
    { path: '/', name: 'home', redirect: () => defaultPage().substring(1) },
    ...vuePages,
    // a route per page; what follows the page's name (an id, a kind and batch) is the page's to read. Where the bare
    // address is a Vue page (`#/items`, the list), the legacy page keeps only the longer ones (`#/items/<id>`): the
    // longer optional route would otherwise outrank the Vue one.
    ...Object.entries(pages).map(([page, render]): RouteRecordRaw => ({
      path: vuePages.some((r) => r.path === `/${page}`) ? `/${page}/:rest(.*)` : `/${page}/:rest(.*)?`,
      name: page, component: LegacyPage,
      props: (route) => ({ render, hash: `#${route.fullPath}` }),
    })),
    { path: '/:unknown(.*)*', name: 'not-found', component: NotFound },
  ];
}

export function createPortalRouter(defaultPage: () => string, history: RouterHistory = createWebHashHistory(),
                                   pages: Record<string, LegacyRender> = LEGACY_PAGES,
                                   vuePages: RouteRecordRaw[] = VUE_PAGES) {
  const router = createRouter({ history, routes: portalRoutes(defaultPage, pages, vuePages) });
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
