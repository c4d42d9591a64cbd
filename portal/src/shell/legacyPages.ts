// The pages not yet ported to Vue, by the first segment of their address: each still paints itself with show()/app()
// (ui.ts) into the container that LegacyPage.vue hands it. A page ported to Vue leaves this table for a route of its own.
import { imports } from '../imports';
import type { Ctx } from '../ui';

/** Paints one page; `arg` is the segment after the page's name, `hash` the whole address. */
export type LegacyRender = (ctx: Ctx, arg: string | undefined, query: URLSearchParams, hash: string) => Promise<unknown>;

export const LEGACY_PAGES: Record<string, LegacyRender> = {
  imports: (ctx, _arg, _query, hash) => imports(ctx, hash),
};
