// The portal's addresses, unchanged from the hand-built router: `#/items`, `#/items/<id>`, `#/rankings?…`,
// `#/imports/<kind>/<batch>` … (journeys and bookmarks use them). Hash history: the gateway serves one index.html.
import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import LegacyPage from './LegacyPage.vue';
import NotFound from './NotFound.vue';
import { LEGACY_PAGES } from './legacyPages';

export function portalRoutes(defaultPage: () => string): RouteRecordRaw[] {
  return [
    { path: '/', name: 'home', redirect: () => defaultPage().substring(1) },
    // a route per page; what follows the page's name (an id, a kind and batch) is the page's to read
    ...Object.entries(LEGACY_PAGES).map(([page, render]): RouteRecordRaw => ({
      path: `/${page}/:rest(.*)?`, name: page, component: LegacyPage,
      props: (route) => ({ render, hash: `#${route.fullPath}` }),
    })),
    { path: '/:unknown(.*)*', name: 'not-found', component: NotFound },
  ];
}

export function createPortalRouter(defaultPage: () => string, history: RouterHistory = createWebHashHistory()) {
  return createRouter({ history, routes: portalRoutes(defaultPage) });
}
