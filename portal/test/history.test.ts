// An item's history: the diff of two revisions' texts, the changed fields and the audit actions in Chinese, the
// room's audit list filtered, paged and exported as a workbook; the three pages mounted.

import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  actionLabel, actorName, auditFileName, auditSheet, beijingTime, defaultPair, diffText, fieldValue, periodLabel,
  periodValue, tokens, type AuditLine,
} from '../src/history';
import AuditLog from '../src/pages/AuditLog.vue';
import ItemAudit from '../src/pages/ItemAudit.vue';
import ItemCompare from '../src/pages/ItemCompare.vue';
import { session } from '../src/shell/session';
import { catchDownloads } from './downloads';

/** `fetch` answering by path (without the query); every path asked is kept in `asked`. */
function serve(routes: Record<string, unknown>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn().mockImplementation(async (path: string) => {
    asked.push(path);
    const body = routes[path.split('?')[0]];
    if (body === undefined) return new Response(JSON.stringify({ title: '未找到', status: 404 }), { status: 404 });
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.unitNames = {};
});

const added = (pieces: ReturnType<typeof diffText>) => pieces.filter((p) => p.kind === 'added').map((p) => p.text);
const removed = (pieces: ReturnType<typeof diffText>) => pieces.filter((p) => p.kind === 'removed').map((p) => p.text);

describe('the diff of two texts', () => {
  it('marks what the revision added and removed in a Chinese sentence, character by character', () => {
    const pieces = diffText('我委推进营商环境改革。', '我委推进营商环境改革，企业开办时限由5个工作日压缩至1个工作日。');
    expect(added(pieces)).toEqual(['，企业开办时限由5个工作日压缩至1个工作日']);
    expect(removed(pieces)).toEqual([]);
    expect(diffText('时限压缩至5日', '时限压缩至1日')).toEqual([{ kind: 'same', text: '时限压缩至' },
      { kind: 'removed', text: '5' }, { kind: 'added', text: '1' }, { kind: 'same', text: '日' }]);
    expect(pieces[0]).toEqual({ kind: 'same', text: '我委推进营商环境改革' });
  });

  it('rebuilds both texts from its pieces', () => {
    const before = '全旗完成投资12亿元，同比增长8%。\n下一步将继续推进。';
    const after = '全旗完成固定资产投资15亿元，同比增长10%。\n下一步将加快推进。';
    const pieces = diffText(before, after);
    expect(pieces.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(pieces.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(added(pieces)).toEqual(['固定资产', '15', '10', '加快']);
    expect(removed(pieces)).toEqual(['12', '8', '继续']);
  });

  it('compares a Latin word or a number as a whole', () => {
    expect(tokens('PM2 5 达标')).toEqual(['PM2', ' ', '5', ' ', '达', '标']);
    expect(removed(diffText('浓度 35 微克', '浓度 38 微克'))).toEqual(['35']);
  });

  it('shows an empty text against a new one as added whole, and equal texts as unchanged', () => {
    expect(diffText('', '新增对策建议')).toEqual([{ kind: 'added', text: '新增对策建议' }]);
    expect(diffText('相同', '相同')).toEqual([{ kind: 'same', text: '相同' }]);
  });

  it('still answers for a long body rewritten from start to end', () => {
    const before = '甲'.repeat(3000);
    const after = '乙'.repeat(3000);
    const pieces = diffText(before, after);
    expect(pieces).toEqual([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  });
});

describe('the changed fields in words', () => {
  it('says yes or no, joins the topics and names no attachment or commission id', () => {
    expect(fieldValue('majorEmergency', 'true')).toBe('是');
    expect(fieldValue('majorEvent', 'false')).toBe('否');
    expect(fieldValue('topics', '[乡村振兴, 产业发展]')).toBe('乡村振兴、产业发展');
    expect(fieldValue('attachmentIds', '[a1b2, c3d4]')).toBe('2 个附件');
    expect(fieldValue('attachmentIds', '[]')).toBe('无附件');
    expect(fieldValue('commissionId', 'C-2026-007')).toBe('已关联约稿任务');
    expect(fieldValue('commissionId', null)).toBe('未关联约稿任务');
    expect(fieldValue('eventDate', null)).toBe('（空）');
    expect(fieldValue('category', '问题类')).toBe('问题类');
  });

  it('compares the last two revisions when the page opens', () => {
    expect(defaultPair([3, 1, 2])).toEqual([2, 3]);
    expect(defaultPair([1])).toBeNull();
  });
});

describe('the audit actions and the period', () => {
  it('names every action of intake in Chinese, a history import’s too, and never shows a code', () => {
    for (const code of ['SIGN_OFF_REQUESTED', 'SIGNED_OFF', 'SENT_BACK_BY_LEADER', 'SUBMITTED', 'RECEIVED', 'RETURNED',
      'VOIDED', 'WITHDRAWN', 'DELETED', 'FORWARDED_TO_CITY', 'CORRECTED']) {
      expect(actionLabel(code)).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(actionLabel('RETURNED')).toBe('退回修改');
    expect(actionLabel('IMPORTED_RECEIVED')).toBe('历史补录：接收');
    expect(actionLabel('SOMETHING_NEW')).toBe('其他办理');
  });

  it('names the person by the name the service gives, else by the login name', () => {
    expect(actorName({ by: 'room-editor', byName: '王丽' })).toBe('王丽');
    expect(actorName({ by: 'room-editor', byName: null })).toBe('room-editor');
  });

  it('shows Beijing time, also across midnight UTC', () => {
    expect(beijingTime('2026-12-31T16:30:05Z')).toBe('2027-01-01 00:30:05');
  });

  it('reads the picked month, quarter or year as intake’s period, and says it in Chinese', () => {
    expect(periodValue('month', '2026-07', 1)).toBe('2026-07');
    expect(periodValue('quarter', '2026-07', 3)).toBe('2026-Q3');
    expect(periodValue('year', '2026', 1)).toBe('2026');
    expect(periodLabel('2026-07')).toBe('2026年7月');
    expect(periodLabel('2026-Q4')).toBe('2026年第四季度');
    expect(periodLabel('2026')).toBe('2026年');
  });
});

const line = (over: Partial<AuditLine>): AuditLine => ({
  itemId: 'a1', unitId: 'U006', at: '2026-12-07T02:00:00Z', by: 'room-editor', byName: '王丽', action: 'RECEIVED',
  revision: 1, reason: null, origin: '10.0.0.1', ...over,
});

describe('the export', () => {
  it('has Chinese headers, the unit and action by name and the reason as it was written', () => {
    const sheet = auditSheet([line({ action: 'RETURNED', reason: '请补充数据，"办理时限"\n对比' })], { U006: '旗发改委' });
    expect(sheet.header).toEqual(['时间（北京时间）', '单位', '办理人', '办理事项', '稿次', '意见或理由', '信息编号']);
    expect(sheet.rows).toEqual([['2026-12-07 10:00:00', '旗发改委', '王丽', '退回修改', '第1稿', '请补充数据，"办理时限"\n对比', 'a1']]);
  });

  it('names the file in Chinese after the period', () => {
    expect(auditFileName('2026-Q4')).toBe('办理记录_2026年第四季度.xlsx');
  });
});

describe('the pages', () => {
  const revisions = [
    { number: 1, submittedAt: '2026-12-01T02:00:00Z', outcomeLabel: '退回修改',
      content: { title: '发改委推进营商环境改革', body: '我委推进营商环境改革。', countermeasures: null } },
    { number: 2, submittedAt: '2026-12-02T02:00:00Z', outcomeLabel: null,
      content: { title: '发改委推进营商环境改革', body: '我委推进营商环境改革，时限压缩至1日。', countermeasures: null } },
  ];

  it('compares the last two revisions: the body marked, the title unchanged, other fields in words', async () => {
    const asked = serve({
      '/api/intake/items/a1/revisions': revisions,
      '/api/intake/items/a1/revisions/compare': [
        { field: 'body', label: '正文', before: '我委推进营商环境改革。', after: '我委推进营商环境改革，时限压缩至1日。' },
        { field: 'majorEmergency', label: '重大紧急类', before: 'false', after: 'true' },
      ],
    });
    const page = mount(ItemCompare, { props: { id: 'a1' } });
    await flushPromises();
    expect(asked).toContain('/api/intake/items/a1/revisions/compare?from=1&to=2');
    const body = page.get('[data-field=body]');
    expect(body.findAll('ins.diff-added').map((i) => i.text())).toEqual(['，时限压缩至1日']);
    expect(body.get('.diff').text()).toBe('我委推进营商环境改革，时限压缩至1日。');
    expect(page.get('[data-field=title]').text()).toContain('未改动');
    expect(page.get('#compare-fields tr[data-field=majorEmergency]').text()).toBe('重大紧急类否是');
    expect(page.text()).not.toMatch(/majorEmergency|true|false/);
  });

  it('says there is nothing to compare for a single revision', async () => {
    serve({ '/api/intake/items/a1/revisions': revisions.slice(0, 1) });
    const page = mount(ItemCompare, { props: { id: 'a1' } });
    await flushPromises();
    expect(page.text()).toContain('只有一稿');
  });

  it('lists the item’s trail in Beijing time with the person, the action in Chinese and the opinion', async () => {
    serve({ '/api/intake/items/a1/audit': [
      { at: '2026-12-01T02:00:00Z', by: 'u006-reporter', byName: null, action: 'SUBMITTED', revision: 1, reason: null },
      { at: '2026-12-01T03:00:00Z', by: 'room-editor', byName: '王丽', action: 'RETURNED', revision: 1,
        reason: '请补充对比数据' },
    ] });
    const page = mount(ItemAudit, { props: { id: 'a1' } });
    await flushPromises();
    const rows = page.findAll('#item-audit tbody tr').map((r) => r.text());
    expect(rows).toEqual(['2026-12-01 10:00:00u006-reporter报送第1稿', '2026-12-01 11:00:00王丽退回修改第1稿请补充对比数据']);
  });

  it('shows intake’s refusal of the trail to someone who may not read it', async () => {
    serve({ '/api/intake/items/a1/audit': new Response(JSON.stringify({ title: '无权操作', detail: '只有信息室和管理员可以查看操作记录', status: 403 }),
      { status: 403, headers: { 'Content-Type': 'application/problem+json' } }) });
    const page = mount(ItemAudit, { props: { id: 'a1' } });
    await flushPromises();
    expect(page.get('[role=alert]').text()).toContain('只有信息室和管理员可以查看操作记录');
  });

  it('lists the period’s lines newest first, 20 a page, filters by unit and action, and links each to its item', async () => {
    session.unitNames = { U006: '旗发改委', U007: '旗教育局' };
    const lines = Array.from({ length: 25 }, (_, i) => line({
      itemId: `i${i}`, unitId: i % 5 === 0 ? 'U007' : 'U006', action: i % 5 === 0 ? 'RETURNED' : 'RECEIVED',
      at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(), reason: i % 5 === 0 ? '请补充' : null,
    }));
    const asked = serve({ '/api/intake/item-audit': lines });
    const page = mount(AuditLog, { attachTo: document.body });
    await flushPromises();
    expect(asked[0]).toMatch(/^\/api\/intake\/item-audit\?period=\d{4}-\d{2}$/);
    expect(page.get('#audit-summary').text()).toContain('共 25 条办理记录');
    const rows = () => page.findAll('#audit-log tbody tr.audit-row');
    expect(rows()).toHaveLength(20);
    expect(rows()[0].text()).toContain('2026-12-01 08:24:00');
    expect(rows()[0].get('a').attributes('href')).toBe('#/items/i24');

    const vm = page.vm as unknown as { unit: string; action: string; page: number };
    vm.unit = 'U007';
    await flushPromises();
    expect(rows()).toHaveLength(5);
    expect(rows().every((r) => r.text().includes('旗教育局') && r.text().includes('退回修改'))).toBe(true);
    vm.unit = '';
    vm.action = '接收';
    await flushPromises();
    expect(page.get('#audit-summary').text()).toContain('共 20 条办理记录');
    page.unmount();
  });

  it('asks intake for the quarter or the year picked', async () => {
    const asked = serve({ '/api/intake/item-audit': [] });
    const page = mount(AuditLog, { attachTo: document.body });
    await flushPromises();
    const vm = page.vm as unknown as { kind: string; quarter: number };
    vm.kind = 'quarter';
    await flushPromises();
    vm.quarter = 2;
    await flushPromises();
    expect(asked[asked.length - 1]).toMatch(/^\/api\/intake\/item-audit\?period=\d{4}-Q2$/);
    vm.kind = 'year';
    await flushPromises();
    expect(asked[asked.length - 1]).toMatch(/^\/api\/intake\/item-audit\?period=\d{4}$/);
    expect(page.get('#audit-summary').text()).toMatch(/^\d{4}年：共 0 条办理记录$/);
    page.unmount();
  });

  it('exports the filtered lines of every page as a workbook named in Chinese', async () => {
    session.unitNames = { U006: '旗发改委' };
    serve({ '/api/intake/item-audit': Array.from({ length: 30 }, (_, i) => line({ itemId: `i${i}` })) });
    const saved = catchDownloads();
    const page = mount(AuditLog, { attachTo: document.body });
    await flushPromises();
    await page.get('#audit-export').trigger('click');
    await vi.dynamicImportSettled();
    expect(saved.names).toHaveLength(1);
    expect(saved.names[0]).toMatch(/^办理记录_\d{4}年\d{1,2}月\.xlsx$/);
    const rows = await saved.sheet();
    expect(rows[0][1]).toBe('单位');
    expect(rows.filter((r) => r[1] === '旗发改委')).toHaveLength(30);
    saved.restore();
    page.unmount();
  });
});
