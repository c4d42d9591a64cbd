// Signing in again without leaving the page: a 401 asks for it, the sign-in window says when it is done and closes.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onUnauthorized, post, Problem, type Me } from '../src/api';
import ReloginDialog from '../src/shell/ReloginDialog.vue';
import { announceSignedIn, listenForSignIn, openSignInWindow, pollUntilSignedIn, relogin, RELOGIN_URL, sessionLost }
  from '../src/shell/relogin';


beforeEach(() => { relogin.value = 'none'; localStorage.clear(); });
afterEach(() => { onUnauthorized(null); vi.unstubAllGlobals(); });

describe('a call that answers 401', () => {
  it('asks the shell to sign in again and still refuses the call', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 401 })));
    onUnauthorized(sessionLost);
    await expect(post('/api/intake/items', { title: 'x' })).rejects.toBeInstanceOf(Problem);
    expect(relogin.value).toBe('lost');
  });

  it('does not ask for other refusals', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"title":"无权操作"}', { status: 403 })));
    onUnauthorized(sessionLost);
    await expect(post('/api/intake/items', {})).rejects.toBeInstanceOf(Problem);
    expect(relogin.value).toBe('none');
  });
});

describe('the sign-in window', () => {
  it('opens Keycloak’s sign-in from the click and waits', () => {
    const open = vi.fn(() => ({}) as Window);
    openSignInWindow(open);
    expect(open).toHaveBeenCalledWith(RELOGIN_URL, 'govinfo-relogin', expect.stringContaining('popup'));
    expect(relogin.value).toBe('waiting');
  });

  it('says so when the browser blocks the window', () => {
    openSignInWindow(() => null);
    expect(relogin.value).toBe('blocked');
  });

  it('closes itself once signed in, only when this page opened it within ten minutes', () => {
    const close = vi.fn();
    const now = Date.now();
    announceSignedIn('u006-reporter', now, close);
    expect(close).not.toHaveBeenCalled();
    localStorage.setItem('govinfo.relogin', String(now - 11 * 60_000));
    announceSignedIn('u006-reporter', now, close);
    expect(close).not.toHaveBeenCalled();
    localStorage.setItem('govinfo.relogin', String(now - 60_000));
    announceSignedIn('u006-reporter', now, close);
    expect(close).toHaveBeenCalledOnce();
    expect(localStorage.getItem('govinfo.relogin')).toBeNull();
  });
});

describe('the page that waits', () => {
  /** What the browser tells this window when the sign-in window writes to localStorage. */
  const signedInElsewhere = (username: string) => {
    announceSignedIn(username, Date.now(), () => {});
    window.dispatchEvent(new StorageEvent('storage', { key: 'govinfo.signed-in',
      newValue: localStorage.getItem('govinfo.signed-in') }));
  };

  it('goes on when the same person has signed in, and reloads for someone else', () => {
    const otherPerson = vi.fn();
    const stop = listenForSignIn('u006-reporter', otherPerson);
    relogin.value = 'waiting';
    signedInElsewhere('u006-reporter');
    expect(relogin.value).toBe('done');
    expect(otherPerson).not.toHaveBeenCalled();

    relogin.value = 'waiting';
    signedInElsewhere('u007-reporter');
    expect(otherPerson).toHaveBeenCalledOnce();
    stop();
  });

  it('ignores sign-ins while nothing was lost (another tab opening the portal), and other keys', () => {
    const stop = listenForSignIn('u006-reporter', vi.fn());
    signedInElsewhere('u006-reporter');
    expect(relogin.value).toBe('none');
    relogin.value = 'waiting';
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: '{"username":"u006-reporter"}' }));
    expect(relogin.value).toBe('waiting');
    stop();
  });

  it('also asks the gateway itself, and goes on once its session answers (the window’s write may never arrive)', async () => {
    const stop = listenForSignIn('u006-reporter', vi.fn());
    relogin.value = 'waiting';
    const answers = [() => Promise.reject(new Problem(401, '未登录', '', undefined, [])),
      () => Promise.resolve({ username: 'u006-reporter' } as Me)];
    const ask = vi.fn(() => answers.shift()!());
    pollUntilSignedIn(ask, 5);
    await vi.waitFor(() => expect(relogin.value).toBe('done'));
    expect(ask).toHaveBeenCalledTimes(2);
    stop();
  });

  it('reloads when the gateway answers for someone else, and stops asking once nothing waits', async () => {
    const otherPerson = vi.fn();
    const stop = listenForSignIn('u006-reporter', otherPerson);
    relogin.value = 'waiting';
    pollUntilSignedIn(async () => ({ username: 'u007-reporter' }) as Me, 5);
    await vi.waitFor(() => expect(otherPerson).toHaveBeenCalled());

    relogin.value = 'none';
    const ask = vi.fn(async () => ({ username: 'u006-reporter' }) as Me);
    pollUntilSignedIn(ask, 5);
    await new Promise((r) => setTimeout(r, 30));
    expect(ask).not.toHaveBeenCalled();
    stop();
  });

  it('keeps 已重新登录 once the dialog has closed itself (its closing says "closed", which is not a dismissal)', async () => {
    // the real transition: Element Plus reports the end of its leave as update:modelValue(false)
    const dialog = mount(ReloginDialog, { attachTo: document.body, global: { stubs: { transition: false } } });
    sessionLost();
    await flushPromises();
    relogin.value = 'done';
    await flushPromises();
    await new Promise((r) => setTimeout(r, 500)); // the dialog's leave transition has ended
    await flushPromises();
    expect(relogin.value).toBe('done');
    dialog.unmount();
  });

  it('forgets the lost session when the person closes the dialog', async () => {
    const dialog = mount(ReloginDialog, { attachTo: document.body });
    sessionLost();
    await flushPromises();
    (document.querySelector('#relogin-dismiss') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(relogin.value).toBe('none'));
    dialog.unmount();
  });

  it('shows the dialog when the session was lost, saying what was typed is kept', async () => {
    const dialog = mount(ReloginDialog, { attachTo: document.body });
    sessionLost();
    await flushPromises();
    expect(document.querySelector('#relogin-dialog')?.textContent).toContain('本页填写的内容仍然保留');
    dialog.unmount();
  });
});
