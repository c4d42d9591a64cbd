// The pages ported to (or written in) Vue: each a route of its own, matched before the legacy pages' catch-alls
// (vue-router ranks a static segment above `:rest`), so `#/items/<id>/compare` can be Vue while `#/items/<id>` is
// still legacy. Components load on first visit: a page's code (and ECharts) is not in the first bundle.
import type { RouteRecordRaw } from 'vue-router';

export const VUE_PAGES: RouteRecordRaw[] = [
  { path: '/adoptions', name: 'adoptions', component: () => import('./AdoptionsPage.vue') },
  { path: '/adoptions/overdue', name: 'adoptions-overdue', component: () => import('./OverdueFollowUps.vue') },
  { path: '/items/:id/follow-up', name: 'item-follow-up', component: () => import('./FollowUpPage.vue') },
];
