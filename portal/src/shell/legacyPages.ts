// The hand-built pages by the first segment of their address: each paints itself with show()/app() (ui.ts) into the
// container that LegacyPage.vue hands it. Every page is Vue now, so the table is empty; the host stays until it goes.
import type { Ctx } from '../ui';

/** Paints one page; `arg` is the segment after the page's name, `hash` the whole address. */
export type LegacyRender = (ctx: Ctx, arg: string | undefined, query: URLSearchParams, hash: string) => Promise<unknown>;

export const LEGACY_PAGES: Record<string, LegacyRender> = {};
