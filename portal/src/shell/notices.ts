// The unit's notices (站内提醒) for the header's 提醒 and the #/notices page: asked of the service now and then, and
// read-marks kept in this browser (localStorage): the service has no read/acknowledge operation, and several replicas
// serve it, so nothing here lives in one server process. Another browser shows the same notices as unread.
import { computed, reactive } from 'vue';
import { get } from '../api';
import { noticesOf, type CommissionSummary, type Notice, type ReminderNotice } from '../pages/commissionFigures';
import { session } from './session';

/** The roles told of commissions: a unit's own staff (the room and readers of all units see the commission pages). */
export const noticeRoles = ['reporter', 'unit-leader'];
export const getsNotices = (roles: string[]) => roles.some((r) => noticeRoles.includes(r));

export const POLL_MS = 60_000;

export const noticeState = reactive({ notices: [] as Notice[], read: [] as string[], loaded: false, failed: false });

const storageKey = () => `govinfo.notices.read.${session.me?.username ?? ''}`;

function loadRead(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey()) ?? '[]');
    return Array.isArray(stored) ? stored.filter((k) => typeof k === 'string') : [];
  } catch { return []; }
}

export const unreadCount = computed(() => noticeState.notices.filter((n) => !noticeState.read.includes(n.key)).length);
export const isRead = (n: Notice) => noticeState.read.includes(n.key);

export function markRead(keys: string[]) {
  // only keys of notices still there are kept: the list does not grow without end
  const current = new Set(noticeState.notices.map((n) => n.key));
  noticeState.read = [...new Set([...noticeState.read, ...keys])].filter((k) => current.has(k));
  try { localStorage.setItem(storageKey(), JSON.stringify(noticeState.read)); } catch { /* private mode: this page only */ }
}

export async function refreshNotices(): Promise<void> {
  try {
    const [open, reminders] = await Promise.all([
      get<CommissionSummary[]>('/api/commission/commissions?scope=open'),
      get<ReminderNotice[]>('/api/commission/notices')]);
    noticeState.notices = noticesOf(open, reminders);
    noticeState.read = loadRead();
    noticeState.loaded = true;
    noticeState.failed = false;
  } catch {
    // a missed poll is tried again at the next one; the page says so when it has nothing to show
    noticeState.failed = true;
  }
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
