// The portal's pages: each a route of its own (vue-router ranks a static segment above a parameter: `#/items/new`
// before `#/items/:id`). Components load on first visit: a page's code (and ECharts) is not in the first bundle.
import type { RouteRecordRaw } from 'vue-router';
import HomePage from './HomePage.vue';

export const VUE_PAGES: RouteRecordRaw[] = [
  // the first page after sign-in: in the first bundle
  { path: '/home', name: 'home-todo', component: HomePage },
  // a static segment ranks above `:id`: #/commissions/statistics is never read as a commission's id
  { path: '/commissions/statistics', name: 'commission-statistics', component: () => import('./CommissionStatistics.vue') },
  { path: '/commissions/:id', name: 'commission', component: () => import('./CommissionPage.vue'), props: true },
  { path: '/notices', name: 'notices', component: () => import('./NoticesPage.vue') },
  { path: '/commissions', name: 'commissions', component: () => import('./CommissionsPage.vue') },
  { path: '/overview', name: 'overview', component: () => import('./OverviewPage.vue') },
  { path: '/progress', name: 'progress', component: () => import('./ProgressPage.vue') },
  { path: '/items/:id/compare', name: 'item-compare', component: () => import('./ItemCompare.vue'), props: true },
  { path: '/items/:id/audit', name: 'item-audit', component: () => import('./ItemAudit.vue'), props: true },
  { path: '/audit', name: 'audit', component: () => import('./AuditLog.vue') },
  { path: '/rankings', name: 'rankings', component: () => import('./RankingsPage.vue') },
  { path: '/adoptions', name: 'adoptions', component: () => import('./AdoptionsPage.vue') },
  { path: '/adoptions/overdue', name: 'adoptions-overdue', component: () => import('./OverdueFollowUps.vue') },
  { path: '/items/:id/follow-up', name: 'item-follow-up', component: () => import('./FollowUpPage.vue') },
  // a static segment ranks above `#/items/:id`: 代录 is never read as an item's id
  { path: '/items/on-behalf', name: 'on-behalf', component: () => import('./OnBehalfPage.vue') },
  { path: '/circulars', name: 'circulars', component: () => import('./CircularsPage.vue') },
  { path: '/circulars/:id', name: 'circular', component: () => import('./CircularPage.vue'), props: true },
  { path: '/policies/:version?', name: 'policies', component: () => import('./PoliciesPage.vue'), props: true },
  { path: '/units', name: 'units', component: () => import('./UnitsPage.vue') },
  { path: '/units/:unitId', name: 'unit', component: () => import('./UnitsPage.vue'), props: true },
  { path: '/filings', name: 'filings', component: () => import('./FilingsPage.vue') },
  { path: '/statistics', name: 'statistics', component: () => import('./StatisticsPage.vue') },
  // the lists of items; `/items` is exact
  { path: '/inbox', name: 'inbox', component: () => import('./ItemList.vue'), props: { kind: 'inbox' } },
  { path: '/sign-off', name: 'sign-off', component: () => import('./ItemList.vue'), props: { kind: 'sign-off' } },
  // 历史补录: `#/imports`, `#/imports/<kind>`, `#/imports[/<kind>]/<batchId>`; the page reads the kind and batch
  { path: '/imports/:rest(.*)?', name: 'imports', component: () => import('./ImportsPage.vue') },
  { path: '/items', name: 'my-items', component: () => import('./ItemList.vue'), props: { kind: 'mine' } },
  // an item and its form; static segments (new, on-behalf) and longer addresses (compare, audit) rank above `:id`
  { path: '/items/new', name: 'item-new', component: () => import('./ItemFormPage.vue') },
  { path: '/edit/:id', name: 'item-edit', component: () => import('./ItemFormPage.vue'), props: true },
  { path: '/items/:id', name: 'item', component: () => import('./ItemPage.vue'), props: true },
];
