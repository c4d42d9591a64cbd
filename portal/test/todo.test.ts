// 首页（待办）: what each role is shown as waiting, counted from the services' own lists.
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/api', async (original) => {
  const actual = await original<typeof import('../src/api')>();
  return { ...actual, get: vi.fn() };
});

import { get, Problem } from '../src/api';
import HomePage from '../src/pages/HomePage.vue';
import { todosFor } from '../src/pages/todo';
import { session } from '../src/shell/session';

const keys = (roles: string[], unit: string | null = null) => todosFor(roles, unit).map((t) => t.key);

/** Answers the calls the home makes, by path. */
function answer(by: Record<string, unknown>) {
  vi.mocked(get).mockImplementation(async (path: string) => {
    const hit = Object.keys(by).find((p) => path.startsWith(p));
    if (!hit) throw new Problem(503, '服务暂不可用', '', undefined, []);
    return by[hit] as never;
  });
}

afterEach(() => vi.mocked(get).mockReset());

describe('what waits, by role', () => {
  it('gives a reporter returned items, drafts, open commissions, the quota and circulars in review', () => {
    expect(keys(['reporter'], 'U006')).toEqual(['returned', 'drafts', 'commissions', 'quota', 'reviews']);
  });

  it('gives a unit leader the sign-off queue', () => {
    expect(keys(['unit-leader'], 'U006')).toEqual(['sign-off', 'reviews']);
  });

  it('gives the room its inbox, answers to judge and objections to answer', () => {
    expect(keys(['info-room'])).toEqual(['inbox', 'judgements', 'objections']);
  });

  it('gives leaders and administrators nothing to do, only their pages', () => {
    expect(keys(['viewer'])).toEqual([]);
    expect(keys(['admin'])).toEqual([]);
  });

  it('counts only the answers the room can judge now, over every commission', async () => {
    answer({ '/api/commission/commissions?scope=all': [
      { targets: [{ answers: [{ judgeable: true }, { judgeable: false }] }, { answers: [{ judgeable: true }] }] },
      { targets: [{ answers: [] }] }] });
    const judgements = todosFor(['info-room'], null).find((t) => t.key === 'judgements')!;
    expect(await judgements.load()).toEqual({ count: 2 });
  });

  it('counts the open objections of circulars in review only', async () => {
    answer({ '/api/reporting/circulars': [{ status: 'IN_REVIEW', openObjections: 2 },
      { status: 'PUBLISHED', openObjections: 0 }, { status: 'DRAFT', openObjections: 5 }] });
    expect(await todosFor(['info-room'], null).find((t) => t.key === 'objections')!.load()).toEqual({ count: 2 });
  });

  it('names the nearest deadline of the unit’s open commissions', async () => {
    answer({ '/api/commission/commissions?scope=open': [
      { deadlineAt: '2026-07-31T15:59:59Z', deadlineDisplay: '2026年07月31日 23:59', targets: [] },
      { deadlineAt: '2026-07-10T15:59:59Z', deadlineDisplay: '2026年07月10日 23:59', targets: [] }] });
    expect(await todosFor(['reporter'], 'U006').find((t) => t.key === 'commissions')!.load())
      .toEqual({ count: 2, note: '最近截止 2026年07月10日 23:59' });
  });

  it('says a month without a quota has none, rather than 0 still to do', async () => {
    answer({ '/api/intake/quota-progress': { units: [{ unitId: 'U006', received: 3, quota: null, shortfall: null }] } });
    expect(await todosFor(['reporter'], 'U006').find((t) => t.key === 'quota')!.load())
      .toEqual({ count: null, note: '本月本单位不设基础条数' });
  });
});

describe('the home page', () => {
  it('shows each count as it arrives, links each to its page, and keeps the others when one service fails', async () => {
    session.me = { username: 'room-editor', displayName: '王菁', unitId: null, unitName: null, roles: ['info-room'] };
    answer({ '/api/intake/items?status=SUBMITTED': { total: 7 },
      '/api/reporting/circulars': [{ status: 'IN_REVIEW', openObjections: 1 }] });
    const home = mount(HomePage);
    await flushPromises();
    const card = (k: string) => home.get(`[data-todo=${k}]`);
    expect(card('inbox').attributes('href')).toBe('#/inbox');
    expect(card('inbox').get('.count').text()).toBe('7');
    expect(card('inbox').classes()).toContain('urgent');
    expect(card('objections').get('.count').text()).toBe('1');
    expect(card('judgements').get('[role=alert]').text()).toContain('服务暂不可用');
  });
});
