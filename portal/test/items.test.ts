import { beforeEach, describe, expect, it, vi } from 'vitest';

// the item page against answers of the intake API as the service gives them; the confirmation is answered by the test
vi.mock('../src/api', async (original) => {
  const actual = await original<typeof import('../src/api')>();
  return { ...actual, get: vi.fn(), post: vi.fn(), put: vi.fn(), call: vi.fn() };
});
vi.mock('../src/dialogs', async (original) => {
  const actual = await original<typeof import('../src/dialogs')>();
  return { ...actual, askConfirm: vi.fn(), askText: vi.fn() };
});

import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { call, get, post, Problem } from '../src/api';
import { askConfirm } from '../src/dialogs';
import {
  duplicateQuestion, leaderRows, sentBackNotice, signOffBody, similarLabel, withdrawable, type Item,
  type SimilarityWarning,
} from '../src/items';
import { leaderOpinion } from '../src/pages/itemList';
import ItemPage from '../src/pages/ItemPage.vue';
import { session } from '../src/shell/session';

/** Who looks at the page: the session the page reads. */
interface Ctx {
  me: { username: string; displayName: string; unitId: string | null; roles: string[] };
  unitNames: Record<string, string>;
}
const ctx = (...roles: string[]): Ctx => ({
  me: { username: 'u', displayName: '张信息员', unitId: 'U006', roles }, unitNames: { U006: '旗发改委' },
});

function item(over: Partial<Item> = {}): Item {
  return {
    id: 'I1', unitId: 'U006', status: 'DRAFT', statusLabel: '草稿', revisionCount: 0, submittedAt: null,
    forwardedToCity: false, voidReason: null, signOffOpinion: null, nearDuplicate: false, similarItems: [],
    leaderSentBack: false, signOff: null, withdrawnAt: null, deletable: false,
    content: {
      title: '城川镇部署春季防火', body: '正文。', category: 'DYNAMIC', categoryLabel: '动态类', topics: [],
      eventDate: '2026-07-10', reporterName: '张信息员', contactPhone: '0477-7622029', polarity: 'GOOD_NEWS',
      majorEvent: false, majorEmergency: false, countermeasures: null, commissionId: null,
    },
    ...over,
  };
}

/** Shows the item page for `shown` (and the warning before 报送, if given) and waits until it is on the page. */
async function page(shown: Item, c: Ctx, warning?: SimilarityWarning) {
  vi.mocked(get).mockImplementation(async (path: string) => {
    if (path === `/api/intake/items/${shown.id}`) return shown;
    if (path === `/api/intake/items/${shown.id}/similar`) {
      return warning ?? { nearDuplicate: false, highestPercent: null, message: null, similarItems: [] };
    }
    if (path.startsWith('/api/adoption/')) throw new Problem(404, '未找到', '', undefined, []);
    return [];
  });
  session.me = { ...c.me, unitId: c.me.unitId ?? undefined } as any;
  session.unitNames = c.unitNames;
  mounted?.unmount();
  router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/items/:id', component: ItemPage, props: true }, { path: '/items', component: { template: '<p/>' } }] });
  await router.push(`/items/${shown.id}`);
  mounted = mount(ItemPage, { props: { id: shown.id }, global: { plugins: [router] }, attachTo: '#app' });
  await flushPromises();
}
let mounted: VueWrapper | undefined;
let router: ReturnType<typeof createRouter>;
/** Writes into a field the page binds (as typing does). */
function type(selector: string, text: string) {
  const field = document.querySelector<HTMLTextAreaElement>(selector)!;
  field.value = text;
  field.dispatchEvent(new Event('input'));
}

const button = (id: string) => document.querySelector<HTMLButtonElement>(`#${id}`);
const settle = () => flushPromises();

beforeEach(() => {
  mounted?.unmount();
  mounted = undefined;
  document.body.innerHTML = '<div id="app"></div>';
  vi.mocked(get).mockReset();
  vi.mocked(post).mockReset().mockResolvedValue({});
  vi.mocked(call).mockReset().mockResolvedValue(null);
  vi.mocked(askConfirm).mockReset();
});

describe('what the unit may undo', () => {
  it('withdraws only what neither the room nor the leader has acted on', () => {
    expect(withdrawable({ status: 'SUBMITTED' })).toBe(true);
    expect(withdrawable({ status: 'AWAITING_SIGN_OFF' })).toBe(true);
    for (const status of ['DRAFT', 'RECEIVED', 'RETURNED', 'VOIDED']) expect(withdrawable({ status })).toBe(false);
  });

  it('offers 撤回 on a submitted item and withdraws it once confirmed', async () => {
    await page(item({ status: 'SUBMITTED', statusLabel: '已报送', revisionCount: 1 }), ctx('reporter'));
    vi.mocked(askConfirm).mockResolvedValueOnce(false);
    button('withdraw-item')!.click();
    await settle();
    expect(post).not.toHaveBeenCalled();

    vi.mocked(askConfirm).mockResolvedValueOnce(true);
    button('withdraw-item')!.click();
    await settle();
    expect(askConfirm).toHaveBeenLastCalledWith('撤回信息', expect.stringContaining('信息室接收前可以撤回'), '撤回');
    expect(post).toHaveBeenCalledWith('/api/intake/items/I1/withdraw');
  });

  it('offers no 撤回 to the room, nor on an item the room received', async () => {
    await page(item({ status: 'SUBMITTED' }), ctx('info-room'));
    expect(button('withdraw-item')).toBeNull();
    await page(item({ status: 'RECEIVED' }), ctx('reporter'));
    expect(button('withdraw-item')).toBeNull();
  });

  it('deletes a draft never sent once confirmed and goes back to the unit list', async () => {
    await page(item({ deletable: true }), ctx('reporter'));
    vi.mocked(askConfirm).mockResolvedValueOnce(true);
    button('delete-draft')!.click();
    await settle();
    expect(askConfirm).toHaveBeenCalledWith('删除草稿', expect.stringContaining('《城川镇部署春季防火》'), '删除');
    expect(call).toHaveBeenCalledWith('DELETE', '/api/intake/items/I1');
    expect(router.currentRoute.value.path).toBe('/items');
  });

  it('shows the refusal when the draft may no longer be deleted', async () => {
    await page(item({ deletable: true }), ctx('reporter'));
    vi.mocked(askConfirm).mockResolvedValueOnce(true);
    vi.mocked(call).mockRejectedValueOnce(new Problem(409, '状态冲突', '该信息已经报送过，是正式记录，不能删除',
      'item.not-deletable', []));
    button('delete-draft')!.click();
    await settle();
    expect(document.body.textContent).toContain('该信息已经报送过，是正式记录，不能删除');
  });

  it('offers no 删除草稿 for a draft that was once sent', async () => {
    await page(item({ deletable: false, withdrawnAt: '2026-07-10T02:00:00Z' }), ctx('reporter'));
    expect(button('delete-draft')).toBeNull();
  });
});

describe('the leader', () => {
  it('signs off nothing when the confirmation is cancelled', async () => {
    await page(item({ status: 'AWAITING_SIGN_OFF', statusLabel: '待领导签批' }), ctx('unit-leader'));
    vi.mocked(askConfirm).mockResolvedValueOnce(false);
    button('sign-off-item')!.click();
    await settle();
    expect(post).not.toHaveBeenCalled();
  });

  it('signs off with the opinion written, or with none', async () => {
    await page(item({ status: 'AWAITING_SIGN_OFF', statusLabel: '待领导签批' }), ctx('unit-leader'));
    type('#sign-off-opinion', ' 同意报送，注意数据口径。 ');
    vi.mocked(askConfirm).mockResolvedValueOnce(true);
    button('sign-off-item')!.click();
    await settle();
    expect(post).toHaveBeenCalledWith('/api/intake/items/I1/sign-off', { opinion: '同意报送，注意数据口径。' });
    expect(signOffBody('   ')).toEqual({});
  });

  it('sends back with the opinion written in the same field', async () => {
    await page(item({ status: 'AWAITING_SIGN_OFF' }), ctx('unit-leader'));
    type('#sign-off-opinion', '请核实受灾数字');
    button('send-back-item')!.click();
    await settle();
    expect(post).toHaveBeenCalledWith('/api/intake/items/I1/send-back', { opinion: '请核实受灾数字' });
  });

  it('is read as 领导退回修改 with the opinion on the item page and in the list', async () => {
    const sentBack = item({ statusLabel: '领导退回修改', leaderSentBack: true, signOffOpinion: '请核实受灾数字' });
    expect(sentBackNotice(sentBack)).toBe('领导退回修改：请核实受灾数字');
    expect(sentBackNotice(item())).toBeNull();

    await page(sentBack, ctx('reporter'));
    expect(document.querySelector('#sent-back')!.textContent).toBe('领导退回修改：请核实受灾数字');
    expect(document.body.textContent).toContain('领导退回意见请核实受灾数字');

    expect(leaderOpinion(sentBack)).toBe('领导意见：请核实受灾数字');
    expect(leaderOpinion(item())).toBeNull();
  });

  it('shows who signed the latest version and the opinion given', () => {
    const rows = leaderRows(item({ signOff: { by: 'lead-U006', at: '2026-07-10T02:00:00Z', opinion: '同意' } }));
    expect(rows.map(([k]) => k)).toEqual(['领导签批', '签批意见']);
    expect(rows[1][1]).toBe('同意');
    expect(leaderRows(item({ signOff: { by: 'lead-U006', at: '2026-07-10T02:00:00Z', opinion: null } }))
      .map(([k]) => k)).toEqual(['领导签批']);
  });
});

describe('the warning of a near-duplicate', () => {
  const warning: SimilarityWarning = {
    nearDuplicate: true, highestPercent: 94, message: '与已报送的信息内容相近（相似度 94%），请确认不是重复报送',
    similarItems: [
      { unitId: 'U003', title: '城川镇部署夏季防汛工作', similarity: 0.94 },
      { itemId: 'I0', unitId: 'U006', title: '发改委部署防汛', similarity: 0.71 },
    ],
  };
  const names = { U003: '城川镇', U006: '旗发改委' };

  it('shows the reporter the warning on the draft before 报送, another unit’s item without a link', async () => {
    await page(item(), ctx('reporter'), warning);
    await settle();
    const shown = document.querySelector('#duplicate-warning')!;
    expect(shown.textContent).toContain('与已报送的信息内容相近（相似度 94%），请确认不是重复报送');
    expect(shown.textContent).toContain('U003《城川镇部署夏季防汛工作》 相似度 94%');
    expect(shown.querySelector('li[data-similar=""] a')).toBeNull();
    expect(shown.querySelector('a[href="#/items/I0"]')).not.toBeNull();
  });

  it('asks the reporter to confirm before sending, and sends nothing when declined', async () => {
    await page(item(), ctx('reporter'), warning);
    vi.mocked(askConfirm).mockResolvedValueOnce(false);
    button('submit-item')!.click();
    await settle();
    expect(askConfirm).toHaveBeenCalledWith('可能重复报送', expect.stringContaining('相似度 94%'), '确认不是重复，报送');
    expect(post).not.toHaveBeenCalled();

    vi.mocked(askConfirm).mockResolvedValueOnce(true);
    button('submit-item')!.click();
    await settle();
    expect(post).toHaveBeenCalledWith('/api/intake/items/I1/submit');
  });

  it('sends at once when nothing sent reads like the item', async () => {
    await page(item(), ctx('reporter'));
    button('submit-item')!.click();
    await settle();
    expect(askConfirm).not.toHaveBeenCalled();
    expect(post).toHaveBeenCalledWith('/api/intake/items/I1/submit');
    expect(document.querySelector('#duplicate-warning')!.textContent).toBe('');
  });

  it('gives the room each similar item as a link to its page', async () => {
    await page(item({ status: 'SUBMITTED', nearDuplicate: true, similarItems: [
      { itemId: 'I9', unitId: 'U006', title: '发改委部署防汛', similarity: 0.94 }] }), ctx('info-room'));
    const link = document.querySelector<HTMLAnchorElement>('#similar-items a')!;
    expect(link.getAttribute('href')).toBe('#/items/I9');
    expect(link.textContent).toBe('旗发改委《发改委部署防汛》');
    expect(document.querySelector('#similar-items')!.textContent).toContain('相似度 94%');
    expect(get).not.toHaveBeenCalledWith('/api/intake/items/I1/similar');
  });

  it('names the similar items in the question, by unit and title', () => {
    expect(duplicateQuestion(warning, names)).toBe('与已报送的信息内容相近（相似度 94%），请确认不是重复报送。'
      + '相近的信息：城川镇《城川镇部署夏季防汛工作》、旗发改委《发改委部署防汛》');
    expect(duplicateQuestion({ nearDuplicate: false, highestPercent: null, message: null, similarItems: [] }, names))
      .toBeNull();
    expect(duplicateQuestion(null, names)).toBeNull();
    expect(warning.similarItems.map((s) => similarLabel(names, s)))
      .toEqual(['城川镇《城川镇部署夏季防汛工作》', '旗发改委《发改委部署防汛》']);
  });
});
