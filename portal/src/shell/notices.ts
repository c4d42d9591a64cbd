// The unit's notices (站内提醒) for the header's 提醒 and the #/notices page, from two services asked now and then:
// intake tells what happened to the unit's items (退回修改, 签批退回, 作废, 接收, 转报, 更正, and a leader's 签批请求)
// and keeps each person's read mark on the server (every device and replica sees the same); commission-tasking tells
// of new commissions and its reminders, and has no read operation, so their read-marks stay in this browser
// (localStorage).
import { computed, reactive } from 'vue';
import { get, post } from '../api';
import { noticesOf, type CommissionSummary, type Notice, type ReminderNotice } from '../pages/commissionFigures';
import { session } from './session';

/** The roles told of their unit's items and commissions: a unit's own staff (the room works from its home page). */
export const noticeRoles = ['reporter', 'unit-leader'];
export const getsNotices = (roles: string[]) => roles.some((r) => noticeRoles.includes(r));

export const POLL_MS = 60_000;

/** A notice of intake as `GET /api/intake/notices` answers it. */
export interface ItemNotice {
  key: string; kind: string; kindLabel: string; itemId: string; title: string; at: string; byName?: string | null;
  text: string; detail?: string | null; read: boolean;
}
export interface ItemNotices { notices: ItemNotice[]; unread: number; readUpTo?: string | null }

export const noticeState = reactive({
  notices: [] as Notice[], read: [] as string[], loaded: false, failed: false,
  /** intake's unread count over all its notices (the list holds the newest 50 only) */
  itemUnread: 0,
});

const storageKey = () => `govinfo.notices.read.${session.me?.username ?? ''}`;

function loadRead(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey()) ?? '[]');
    return Array.isArray(stored) ? stored.filter((k) => typeof k === 'string') : [];
  } catch { return []; }
}

/** An item's notice as the list shows it: the service's Chinese sentence, a link to the item. */
export function itemNotice(n: ItemNotice): Notice {
  // a correction's detail says itself what changed and why; a void gives a reason, the rest an opinion
  const label = n.kind === 'CORRECTED' ? '' : n.kind === 'VOIDED' ? '理由：' : '意见：';
  return { key: `item:${n.key}`, kind: n.kindLabel, text: n.text, detail: n.detail ? label + n.detail : '',
    href: `#/items/${n.itemId}`, at: n.at, source: 'intake', read: n.read };
}

const commissionNotices = () => noticeState.notices.filter((n) => n.source !== 'intake');

export const isRead = (n: Notice) => (n.source === 'intake' ? !!n.read : noticeState.read.includes(n.key));
export const unreadCount = computed(() =>
  noticeState.itemUnread + commissionNotices().filter((n) => !noticeState.read.includes(n.key)).length);

/** Marks commission notices read in this browser (an item's notice is read through markAllRead, on the server). */
export function markRead(keys: string[]) {
  // only keys of notices still there are kept: the list does not grow without end
  const current = new Set(commissionNotices().map((n) => n.key));
  noticeState.read = [...new Set([...noticeState.read, ...keys])].filter((k) => current.has(k));
  try { localStorage.setItem(storageKey(), JSON.stringify(noticeState.read)); } catch { /* private mode: this page only */ }
}

/**
 * 全部标为已读: the commission notices in this browser, the item notices on the server up to the newest one shown
 * (not "now": a notice that came in after the list was read stays unread).
 */
export async function markAllRead(): Promise<void> {
  markRead(commissionNotices().map((n) => n.key));
  const items = noticeState.notices.filter((n) => n.source === 'intake');
  if (items.length > 0) {
    const upTo = items.map((n) => n.at).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
    await post('/api/intake/notices/read', { upTo });
    items.forEach((n) => { n.read = true; });
    noticeState.itemUnread = 0;
    await refreshNotices();
  }
}

export async function refreshNotices(): Promise<void> {
  const [open, reminders, items] = await Promise.allSettled([
    get<CommissionSummary[]>('/api/commission/commissions?scope=open'),
    get<ReminderNotice[]>('/api/commission/notices'),
    get<ItemNotices>('/api/intake/notices?limit=50')]);
  const commissions = open.status === 'fulfilled' && reminders.status === 'fulfilled';
  if (!commissions && items.status !== 'fulfilled') {
    // a missed poll is tried again at the next one; the page says so when it has nothing to show
    noticeState.failed = true;
    return;
  }
  // one source that did not answer keeps what it showed before
  const before = noticeState.notices;
  const fromCommissions = commissions ? noticesOf(open.value, reminders.value)
    : before.filter((n) => n.source !== 'intake');
  const fromItems = items.status === 'fulfilled' ? items.value.notices.map(itemNotice)
    : before.filter((n) => n.source === 'intake');
  if (items.status === 'fulfilled') noticeState.itemUnread = items.value.unread;
  noticeState.notices = [...fromItems, ...fromCommissions].sort((a, b) => b.at.localeCompare(a.at));
  noticeState.read = loadRead();
  noticeState.loaded = true;
  noticeState.failed = !commissions || items.status !== 'fulfilled';
}

/**
 * Asks every POLL_MS while the tab is shown, at once when it is shown again, never while it is hidden.
 * Returns the stop.
 */
export function pollNotices(every = POLL_MS): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const start = () => { if (timer === undefined) timer = setInterval(() => void refreshNotices(), every); };
  const stop = () => { if (timer !== undefined) { clearInterval(timer); timer = undefined; } };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') stop();
    else { void refreshNotices(); start(); }
  };
  document.addEventListener('visibilitychange', onVisibility);
  void refreshNotices();
  if (document.visibilityState !== 'hidden') start();
  return () => { stop(); document.removeEventListener('visibilitychange', onVisibility); };
}
