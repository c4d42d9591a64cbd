import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// the circular page against the service's answer; the clock is set to either side of the quarter's end
vi.mock('../src/api', async (original) => {
  const actual = await original<typeof import('../src/api')>();
  return { ...actual, get: vi.fn(), post: vi.fn() };
});

import { get } from '../src/api';
import { circularDetail } from '../src/circulars';
import type { Ctx } from '../src/ui';

const room: Ctx = { me: { username: 'room-editor', displayName: '王菁', unitId: null, roles: ['info-room'] }, unitNames: {} } as Ctx;

const circular = (status: string) => ({
  id: 'QUARTERLY-2026-Q4-v1', seriesId: 'QUARTERLY-2026-Q4', kind: 'QUARTERLY', period: '2026-Q4', version: 1,
  title: '关于2026年第四季度全旗政务信息工作情况的通报', documentNumber: null, status,
  reviewClosesAt: status === 'IN_REVIEW' ? '2026-12-20T02:00:00Z' : null, publishedAt: null, openObjections: 0,
  updatedAt: '2026-12-10T02:00:00Z', previousId: null, objections: [], createdBy: 'room-editor',
  createdAt: '2026-12-10T02:00:00Z', publishedBy: null, correctionReason: null, changes: [],
  figures: { period: '2026-Q4', groups: [], noSubmission: [], missedQuota: [], commissions: [], annex: [], warnings: [] },
  // what reporting adds while the quarter runs (the page only shows it until publishableFrom has passed)
  publishableFrom: '2026-12-31T16:00:00Z',
  periodNotEnded: '2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布',
});

async function show(status: string, beijingNow: string) {
  vi.setSystemTime(new Date(beijingNow));
  vi.mocked(get).mockResolvedValue(circular(status));
  await circularDetail(room, 'QUARTERLY-2026-Q4-v1');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  document.body.innerHTML = '<div id="app"></div>';
});
afterEach(() => vi.useRealTimers());

describe('the circular page before its period has ended', () => {
  it('disables 发布 on the quarter’s last day at 23:59 Beijing time and says when it may be published', async () => {
    await show('IN_REVIEW', '2026-12-31T23:59:00+08:00');
    const publish = document.querySelector<HTMLButtonElement>('#publish-circular')!;
    expect(publish.disabled).toBe(true);
    expect(publish.getAttribute('data-ready')).toBe('false');
    expect(document.querySelector('#publish-hint')!.textContent)
      .toBe('2026年第四季度尚未结束（12月31日结束），不能发布本季度通报；1月1日起可以发布');
  });

  it('enables 发布 from 00:00 of the next day once the review has closed', async () => {
    await show('IN_REVIEW', '2027-01-01T00:00:00+08:00');
    const publish = document.querySelector<HTMLButtonElement>('#publish-circular')!;
    expect(publish.disabled).toBe(false);
    expect(document.querySelector('#publish-hint')!.textContent).toBe('');
  });

  it('tells the room on a draft that its figures are those so far', async () => {
    await show('DRAFT', '2026-12-07T10:00:00+08:00');
    expect(document.querySelector('#period-note')!.textContent).toContain('2026年第四季度尚未结束');
    expect(document.querySelector('#period-note')!.textContent).toContain('按最新数据刷新');
    await show('DRAFT', '2027-01-02T10:00:00+08:00');
    expect(document.querySelector('#period-note')).toBeNull();
  });
});
