// 信息: what the item's page (pages/ItemPage.vue), its form (pages/ItemFormPage.vue) and the lists read of an item:
// its shape, the near-duplicate warning, who may still withdraw it, the leader's rows.
import { get } from './api';
import type { Classification, Correction } from './corrections';
import { fmtTime, personName } from './ui';

/** The leader's sign-off of the latest revision (签批): who, when, and the opinion if one was given. */
export interface SignOff { by: string; at: string; opinion: string | null }
export interface OnBehalf { by: string; byName?: string | null; at: string }

/** 「代录（信息室 孙涛，12月7日 10:30）」 for an item the room entered for its unit, in Beijing time; else null. */
export function onBehalfMark(item: Pick<Item, 'enteredOnBehalf'>): string | null {
  const e = item.enteredOnBehalf;
  if (!e) return null;
  const known = personName(e.by);
  const who = known !== e.by ? known : (e.byName || e.by);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric',
    day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(e.at))
    .map((p) => [p.type, p.value]));
  return `代录（信息室 ${who}，${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}）`;
}

export interface Item {
  id: string; unitId: string; status: string; statusLabel: string; revisionCount: number; submittedAt: string | null;
  /** signOffOpinion: the leader's opinion when they sent the item back, until it is submitted again */
  forwardedToCity: boolean; voidReason: string | null; signOffOpinion: string | null; nearDuplicate: boolean;
  /** leaderSentBack: a draft the leader sent back (领导退回修改); deletable: a draft never sent anywhere */
  leaderSentBack?: boolean; signOff?: SignOff | null; withdrawnAt?: string | null; deletable?: boolean;
  /** 代录: the room entered the item for its unit (who, when); absent for what the unit sent itself */
  enteredOnBehalf?: OnBehalf | null;
  similarItems: SimilarItem[];
  /** how the item counts now (the room's last correction, else as received) and every correction */
  classification?: Classification & { categoryLabel: string }; corrections?: Correction[];
  content: {
    title: string; body: string; category: string; categoryLabel: string; topics: string[]; eventDate: string;
    reporterName: string; contactPhone: string; polarity: string; majorEvent: boolean; majorEmergency: boolean;
    countermeasures: string | null; commissionId: string | null;
  };
}
export interface Page { items: Item[]; total: number; page: number; size: number }

/** A sent item this one reads like; no itemId where the reader may not open it (another unit's item). */
export interface SimilarItem { itemId?: string | null; unitId: string; title: string; similarity: number }
/** The warning before 报送 (GET /api/intake/items/{id}/similar); message is the service's own words. */
export interface SimilarityWarning {
  nearDuplicate: boolean; highestPercent?: number | null; message?: string | null; similarItems: SimilarItem[];
}

/** 「发改委《标题》」: a similar item as the warning names it. */
export const similarLabel = (unitNames: Record<string, string>, s: SimilarItem) =>
  `${unitNames[s.unitId] ?? s.unitId}《${s.title}》`;

/** The confirmation's text before sending an item that reads like a sent one; null when nothing is similar. */
export function duplicateQuestion(w: SimilarityWarning | null | undefined, unitNames: Record<string, string>): string | null {
  if (!w?.nearDuplicate || !w.message) return null;
  const which = w.similarItems.map((s) => similarLabel(unitNames, s)).join('、');
  return which ? `${w.message}。相近的信息：${which}` : w.message;
}

/** The warning before 报送, or null when it cannot be had: the warning is advice and never blocks. */
export const similarCheck = (id: string) =>
  get<SimilarityWarning>(`/api/intake/items/${id}/similar`).catch(() => null);

/** Whether the unit may still take back what it sent (撤回): neither the room nor the leader has acted on it. */
export const withdrawable = (item: Pick<Item, 'status'>) =>
  item.status === 'SUBMITTED' || item.status === 'AWAITING_SIGN_OFF';

/** The body of a sign-off: the leader's opinion when they wrote one, else none (签批意见 is optional). */
export function signOffBody(text: string): { opinion?: string } {
  const opinion = text.trim();
  return opinion ? { opinion } : {};
}

/** What a draft the leader sent back says to its unit, with the leader's opinion; null for any other item. */
export function sentBackNotice(item: Pick<Item, 'leaderSentBack' | 'signOffOpinion'>): string | null {
  if (!item.leaderSentBack) return null;
  return item.signOffOpinion ? `领导退回修改：${item.signOffOpinion}` : '领导退回修改';
}

/** The facts of the item page about its leader: the send-back opinion, or who signed the latest version and why. */
export function leaderRows(item: Pick<Item, 'leaderSentBack' | 'signOffOpinion' | 'signOff'>): [string, string][] {
  const rows: [string, string][] = [];
  if (item.leaderSentBack && item.signOffOpinion) rows.push(['领导退回意见', item.signOffOpinion]);
  if (item.signOff) {
    rows.push(['领导签批', `${personName(item.signOff.by)} · ${fmtTime(item.signOff.at)}`]);
    if (item.signOff.opinion) rows.push(['签批意见', item.signOff.opinion]);
  }
  return rows;
}

/**
 * Enter in a one-line field (the title, the phone) does not submit the form: the browser's implicit submission would
 * press 保存草稿 and leave a half-written item. Enter still confirms a Chinese input method's composition, and still
 * presses a focused button.
 */
export function keepEnterInTheForm(form: HTMLFormElement) {
  form.addEventListener('keydown', (ev: KeyboardEvent) => {
    const t = ev.target;
    if (ev.key === 'Enter' && !ev.isComposing && t instanceof HTMLInputElement
        && !['submit', 'button', 'reset', 'checkbox', 'radio', 'file'].includes(t.type)) {
      ev.preventDefault();
    }
  });
}
