// Signing in again without leaving the page: when a call answers 401 (the gateway's session has ended: timed out,
// or the gateway's store was reset), the shell asks to sign in again in a small window. The page — and whatever was
// typed into it — stays as it was; once the window has signed in, the person repeats the action.
//
// The window and this page are told apart by a mark in localStorage (set when the window is opened, fresh for 10
// minutes): window.name does not survive the trip through Keycloak's origin in every browser. Every portal page that
// starts signed in writes who it is to localStorage; the other windows of the portal get the browser's `storage`
// event, and a page waiting for its re-login takes it as done. The waiting page also asks /api/me every two seconds:
// the session cookie is the browser's, so once the window has signed in, the page's own call answers — this holds
// where the event is lost (a window that closes as it writes) or never sent (storage partitioned by the browser).
import { ref } from 'vue';
import { get, type Me } from '../api';

export const RELOGIN_URL = '/oauth2/authorization/keycloak';
const MARK = 'govinfo.relogin';
const SIGNED_IN = 'govinfo.signed-in';
const FRESH_MS = 10 * 60_000;

/** none; lost: a call answered 401; waiting: the sign-in window is open; done: signed in again */
export const relogin = ref<'none' | 'lost' | 'waiting' | 'done' | 'blocked'>('none');

/** A call answered 401 while the person was signed in. */
export function sessionLost() {
  if (relogin.value === 'none' || relogin.value === 'done') relogin.value = 'lost';
}

/** Opens the sign-in window (from a click, so no popup blocker stops it); `blocked` when the browser refused. */
export function openSignInWindow(open: typeof window.open = window.open.bind(window)) {
  localStorage.setItem(MARK, String(Date.now()));
  const w = open(RELOGIN_URL, 'govinfo-relogin', 'popup,width=560,height=720');
  relogin.value = w ? 'waiting' : 'blocked';
  if (w) pollUntilSignedIn();
}

const POLL_MS = 2_000;
/** Who this page was opened for and what to do if someone else signs in; set by listenForSignIn. */
let waiting: { me: string; otherPerson: () => void } | null = null;

/** The sign-in, as the page learns of it (from the other window's write or from its own call). */
function signedIn(username: string) {
  if (!waiting || relogin.value === 'none' || relogin.value === 'done') return;
  if (username !== waiting.me) waiting.otherPerson();
  else relogin.value = 'done';
}

/**
 * Asks /api/me while the page waits (at most ten minutes). Through the portal's own `get`: its 401 while the sign-in
 * is not done yet reaches `sessionLost`, which leaves a waiting page as it is.
 */
export function pollUntilSignedIn(ask: () => Promise<Me> = () => get<Me>('/api/me'), every = POLL_MS,
  until = Date.now() + FRESH_MS) {
  const tick = async () => {
    if (relogin.value !== 'waiting' || Date.now() > until) return;
    try {
      signedIn((await ask()).username);
    } catch { /* not signed in yet, or the gateway out of reach for a moment: ask again */ }
    if (relogin.value === 'waiting') setTimeout(tick, every);
  };
  setTimeout(tick, every);
}

/**
 * Called once the portal started signed in. In the sign-in window: tell the waiting page and close. Everywhere: say
 * who is signed in, so a waiting page goes on. A different person signed in: `otherPerson` (the page reloads, since
 * what it shows belongs to someone else).
 */
export function announceSignedIn(username: string, now = Date.now(), close: () => void = () => window.close()) {
  const mark = Number(localStorage.getItem(MARK));
  // `at` makes every write a change, so the other windows get the event even for the same person
  localStorage.setItem(SIGNED_IN, JSON.stringify({ username, at: now }));
  if (mark && now - mark < FRESH_MS) {
    localStorage.removeItem(MARK);
    close();
  }
}

/** What the sign-in wrote, if `e` is that write. */
export function signedInBy(key: string | null, value: string | null): string | null {
  if (key !== SIGNED_IN || !value) return null;
  try { return JSON.parse(value).username ?? null; } catch { return null; }
}

/** The page listens while it lives; `me` is who it was opened for. */
export function listenForSignIn(me: string, otherPerson: () => void = () => location.reload()) {
  waiting = { me, otherPerson };
  const onStorage = (ev: StorageEvent) => {
    const username = signedInBy(ev.key, ev.newValue);
    if (username) signedIn(username);
  };
  window.addEventListener('storage', onStorage);
  return () => { window.removeEventListener('storage', onStorage); waiting = null; };
}
