// The pages not yet ported to Vue, by the first segment of their address: each still paints itself with show()/app()
// (ui.ts) into the container that LegacyPage.vue hands it. A page ported to Vue leaves this table for a route of its own.
import { bannerProgress } from '../bannerProgress';
import { circularDetail, circularList } from '../circulars';
import { commissions } from '../commissions';
import { filings } from '../filings';
import { imports } from '../imports';
import { itemDetail, itemForm } from '../items';
import { overview } from '../overview';
import { policies } from '../policies';
import { statistics } from '../statistics';
import type { Ctx } from '../ui';
import { units } from '../units';

/** Paints one page; `arg` is the segment after the page's name, `hash` the whole address. */
export type LegacyRender = (ctx: Ctx, arg: string | undefined, query: URLSearchParams, hash: string) => Promise<unknown>;

export const LEGACY_PAGES: Record<string, LegacyRender> = {
  // `#/items` itself is the Vue list (vuePages.ts)
  items: (ctx, arg) => (arg === 'new' ? itemForm(ctx) : itemDetail(ctx, arg!)),
  edit: (ctx, arg) => itemForm(ctx, arg),
  overview: (ctx) => overview(ctx),
  commissions: (ctx) => commissions(ctx),
  progress: () => bannerProgress(),
  units: (ctx, arg) => units(ctx, arg),
  filings: (ctx, _arg, query) => filings(ctx, query),
  imports: (ctx, _arg, _query, hash) => imports(ctx, hash),
  policies: (ctx, arg) => policies(ctx, arg),
  statistics: (ctx, _arg, query) => statistics(ctx, query),
  circulars: (ctx, arg) => (arg ? circularDetail(ctx, arg) : circularList(ctx)),
};
