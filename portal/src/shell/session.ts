// Who is signed in, read once at start, and the units' names every page shows.
import { reactive } from 'vue';
import { describe, get, Me, onUnauthorized, Problem } from '../api';
import { announceSignedIn, sessionLost } from './relogin';
import { knowPeople } from '../ui';

export interface Session {
  /** loading; login: nobody is signed in (401); failed: /api/me answered otherwise; ready */
  state: 'loading' | 'login' | 'failed' | 'ready';
  me: Me | null;
  unitNames: Record<string, string>;
  error: string;
}

export const session = reactive<Session>({ state: 'loading', me: null, unitNames: {}, error: '' });

export async function startSession(): Promise<Session> {
  try {
    session.me = await get<Me>('/api/me');
  } catch (e) {
    if (e instanceof Problem && e.status === 401) session.state = 'login';
    else { session.state = 'failed'; session.error = describe(e); }
    return session;
  }
  // first, so a sign-in window closes as soon as it knows who signed in
  announceSignedIn(session.me.username);
  try {
    const units = await get<{ unitId: string; name: string }[]>('/api/intake/units');
    session.unitNames = Object.fromEntries(units.map((u) => [u.unitId, u.name]));
  } catch { /* names are a nicety; ids still show */ }
  try {
    const people = await get<{ username: string; name: string }[]>('/api/people');
    knowPeople(Object.fromEntries(people.map((p) => [p.username, p.name])));
  } catch { /* likewise: login names still show */ }
  session.state = 'ready';
  onUnauthorized(sessionLost);
  return session;
}

/** What a page needs to know about the signed-in person. */
