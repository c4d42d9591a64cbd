// The adoption records in the portal: the room's list (one row per record, instruction details, state, filters,
// sorting, 导出), 更正 with the service's messages beside the fields, 撤销 through the shell's reason dialog, and the
// unit's follow-up report; the item page shows the instruction's leader and text.
import { flushPromises, mount } from '@vue/test-utils';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import AdoptionsSection from '../src/pages/item/AdoptionsSection.vue';
import { Problem } from '../src/api';
import { currentQuestion } from '../src/dialogs';
import {
  adoptionsSheet, fieldErrors, filterRows, periodsOf, recordBody, draftOf, rowsOf, SHEET_HEADER, sortRows,
  type ItemAdoptions, type RecordView,
} from '../src/pages/adoptionRecords';
import AdoptionsPage from '../src/pages/AdoptionsPage.vue';
import { writeXlsx } from '../src/sheets';
import { strFromU8, unzipSync } from 'fflate';

import FollowUpPage from '../src/pages/FollowUpPage.vue';
import { session } from '../src/shell/session';

function record(over: Partial<RecordView> = {}): RecordView {
  return {
    recordId: 'R1', kind: 'CITY_BULLETIN_ADOPTED', kindLabel: '市政府办公室《鄂尔多斯政讯》采用', level: '市', form: '刊物采用',
    publication: '鄂尔多斯政讯', issueNo: '第12期', effectiveDate: '2026-11-20', period: '2026-11', leader: null, text: null,
    combinedRecordId: null, combinedPosition: null, withdrawn: false, points: 20, explanation: null, followUp: null,
    versions: [{ number: 1, change: 'RECORDED', changeLabel: '登记', reason: null }], ...over,
  };
}
const INSTRUCTION = record({
  recordId: 'R2', kind: 'CITY_LEADER_INSTRUCTION', kindLabel: '市政府领导批示', form: '领导批示', publication: null,
  issueNo: null, effectiveDate: '2026-10-08', period: '2026-10', leader: '张副市长', text: '请总结经验，全市推广',
  followUp: { action: '报送推广情况', dueDate: '2026-11-30', overdue: true, reports: [] },
});
const ITEMS: ItemAdoptions[] = [
  { itemId: 'I-1', unitId: 'U006', unitName: '发改委', title: '我旗重点项目建设提速', records: [record(), INSTRUCTION] },
  { itemId: 'I-2', unitId: 'U007', unitName: null, title: '交通局推进农村公路建设', records: [record({
    recordId: 'R3', effectiveDate: '2026-11-02', points: null, withdrawn: true,
    versions: [{ number: 1, change: 'RECORDED', changeLabel: '登记', reason: null },
      { number: 2, change: 'WITHDRAWN', changeLabel: '撤销', reason: '误录' }] })] },
];
const UNITS = { U006: '发改委', U007: '交通运输局' };

describe('the rows of the records list', () => {
  const rows = rowsOf(ITEMS, UNITS);

  it('makes a row of every record, names the unit and says the state in Chinese', () => {
    expect(rows.map((r) => [r.itemId, r.unitName, r.kindName, r.state])).toEqual([
      ['I-1', '发改委', '市政府办公室《鄂尔多斯政讯》采用', 'VALID'],
      ['I-1', '发改委', '市政府领导批示', 'VALID'],
      ['I-2', '交通运输局', '市政府办公室《鄂尔多斯政讯》采用', 'WITHDRAWN'],
    ]);
    const corrected = rowsOf([{ ...ITEMS[0], records: [record({ versions: [
      { number: 1, change: 'RECORDED', changeLabel: '登记', reason: null },
      { number: 2, change: 'CORRECTED', changeLabel: '更正', reason: '期号有误' }] })] }], UNITS);
    expect(corrected[0].state).toBe('CORRECTED');
  });

  it('filters by month, unit, kind and state together', () => {
    expect(filterRows(rows, { period: '2026-11' }).map((r) => r.record.recordId)).toEqual(['R1', 'R3']);
    expect(filterRows(rows, { period: '2026-11', unitId: 'U007' }).map((r) => r.record.recordId)).toEqual(['R3']);
    expect(filterRows(rows, { kind: 'CITY_LEADER_INSTRUCTION' }).map((r) => r.record.recordId)).toEqual(['R2']);
    expect(filterRows(rows, { state: 'WITHDRAWN' }).map((r) => r.record.recordId)).toEqual(['R3']);
    expect(periodsOf(rows)).toEqual(['2026-11', '2026-10']);
  });

  it('sorts newest first by default and by the chosen column either way', () => {
    expect(sortRows(rows, null, null).map((r) => r.record.effectiveDate)).toEqual(['2026-11-20', '2026-11-02', '2026-10-08']);
    expect(sortRows(rows, 'date', 'ascending').map((r) => r.record.recordId)).toEqual(['R2', 'R3', 'R1']);
    expect(sortRows(rows, 'points', 'descending').map((r) => r.record.points)).toEqual([20, 20, null]);
  });

  it('exports a workbook: Chinese header, the instruction details, points as numbers, a title never a formula', () => {
    const sheet = adoptionsSheet(rows);
    expect(SHEET_HEADER).toEqual(['信息标题', '报送单位', '类型', '级别', '积分', '日期', '刊物', '期号', '批示领导', '批示内容', '落实事项', '落实期限', '状态']);
    expect(sheet).toContainEqual(['我旗重点项目建设提速', '发改委', '市政府领导批示', '市', 20, '2026-10-08', null, null, '张副市长',
      '请总结经验，全市推广', '报送推广情况', '2026-11-30', '有效']);
    expect(sheet.map((r) => r[12])).toContain('已撤销');
    const formula = writeXlsx('采用', ['信息标题'], [['=HYPERLINK("x")']]);
    expect(strFromU8(unzipSync(formula)['xl/worksheets/sheet1.xml'])).toContain('t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;x&quot;)</t>');
  });

});

describe('the record form', () => {
  it('sends the follow-up only with an instruction, and empty fields as absent', () => {
    expect(recordBody({ ...draftOf(INSTRUCTION), followUpAction: '', followUpDue: '' }).followUp).toBeNull();
    expect(recordBody(draftOf(INSTRUCTION)).followUp).toEqual({ action: '报送推广情况', dueDate: '2026-11-30' });
    expect(recordBody({ ...draftOf(record()), followUpAction: '不该发送' }).followUp).toBeNull();
    expect(recordBody({ ...draftOf(record()), issueNo: '  ' }).issueNo).toBeNull();
  });

  it('puts the service’s messages beside the fields they name, and a refusal of a rule beside its field', () => {
    const invalid = new Problem(400, '请求有误', '', 'validation', [
      { field: 'record.effectiveDate', message: '请填写采用或批示日期' }, { field: 'reason', message: '请填写更正原因' },
      { field: 'record.followUp.dueDate', message: '日期格式有误' }]);
    expect(fieldErrors(invalid, ['effectiveDate', 'reason', 'followUpDue'])).toEqual({ rest: false, byField: {
      effectiveDate: '请填写采用或批示日期', reason: '请填写更正原因', followUpDue: '日期格式有误' } });
    const rule = new Problem(422, '无法处理', '领导批示须填写批示领导', 'record.leader-required', []);
    expect(fieldErrors(rule, ['leader'])).toEqual({ rest: false, byField: { leader: '领导批示须填写批示领导' } });
    expect(fieldErrors(new Problem(409, '状态冲突', '', 'item.busy', []), ['leader']).rest).toBe(true);
  });
});

/** Element Plus shows a field's message after a short debounce. */
const messagesShown = async () => { await flushPromises(); await new Promise((r) => setTimeout(r, 250)); };

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('the records page', () => {
  let calls: { method: string; url: string; body: any }[];
  let refuseNext: Response | null;
  beforeEach(() => {
    calls = [];
    refuseNext = null;
    session.me = { username: 'room-editor', displayName: '王芳', unitId: null, unitName: null, roles: ['info-room'] };
    session.unitNames = UNITS;
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ method: init.method!, url, body: init.body ? JSON.parse(String(init.body)) : null });
      if (init.method === 'GET') return answer(200, url.startsWith('/api/intake') ? { items: [] } : ITEMS);
      if (refuseNext) { const r = refuseNext; refuseNext = null; return r; }
      return answer(200, {});
    }));
  });
  afterEach(() => { vi.unstubAllGlobals(); currentQuestion.value = null; document.body.innerHTML = ''; });

  const open = async () => {
    const page = mount(AdoptionsPage, { attachTo: document.body });
    await flushPromises();
    return page;
  };

  it('lists every record with the item, the unit, the kind, the instruction’s leader and text and the state', async () => {
    const page = await open();
    const table = page.get('#adoption-table');
    expect(table.text()).toContain('我旗重点项目建设提速');
    expect(table.text()).toContain('张副市长');
    expect(table.text()).toContain('请总结经验，全市推广');
    expect(table.findAll('.record-state').map((s) => s.text())).toEqual(['有效', '已撤销', '有效']);
    expect(table.find('a[data-item="I-1"]').attributes('href')).toBe('#/items/I-1');
    expect(page.text()).not.toMatch(/CITY_|VALID|WITHDRAWN/);
    // a withdrawn record has nothing left to correct or withdraw
    expect(page.findAll('button[data-action=withdraw]')).toHaveLength(2);
    page.unmount();
  });

  it('withdraws a record with the reason asked in the shell’s dialog, then lists again', async () => {
    const page = await open();
    await page.get('button[data-action=withdraw][data-record=R1]').trigger('click');
    expect(currentQuestion.value?.title).toBe('撤销原因');
    currentQuestion.value!.answer('重复登记');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', url: '/api/adoption/items/I-1/records/R1/withdrawal', body: { reason: '重复登记' } }]);
    expect(calls.filter((c) => c.method === 'GET' && c.url === '/api/adoption/items')).toHaveLength(2);
    expect(page.get('[role=status]').text()).toBe('已撤销该记录。');
    page.unmount();
  });

  it('corrects a record from a dialog filled with its fields, and shows the service’s refusal beside the field', async () => {
    const page = await open();
    await page.get('button[data-action=correct][data-record=R2]').trigger('click');
    await flushPromises();
    const leader = document.querySelector<HTMLInputElement>('#r-leader')!;
    expect(leader.value).toBe('张副市长');
    const save = document.querySelector<HTMLButtonElement>('#record-save')!;
    save.click(); // no reason: refused here, beside the field
    await messagesShown();
    expect(document.querySelector('#record-dialog')!.textContent).toContain('请填写更正原因');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    const reason = document.querySelector<HTMLTextAreaElement>('#r-reason')!;
    reason.value = '批示领导录入有误';
    reason.dispatchEvent(new Event('input'));
    refuseNext = answer(422, { title: '无法处理', detail: '领导批示须填写批示领导', code: 'record.leader-required' });
    save.click();
    await messagesShown();
    const leaderItem = leader.closest('.el-form-item')!;
    expect(leaderItem.textContent).toContain('领导批示须填写批示领导');
    expect(calls.at(-1)).toMatchObject({ url: '/api/adoption/items/I-1/records/R2/corrections',
      body: { reason: '批示领导录入有误', record: { kind: 'CITY_LEADER_INSTRUCTION', leader: '张副市长',
        followUp: { action: '报送推广情况', dueDate: '2026-11-30' } } } });

    save.click();
    await flushPromises();
    expect(page.get('[role=status]').text()).toBe('已更正该记录。');
    page.unmount();
  });

  it('names every control for a screen reader (axe-core; colours are the browser journey’s)', async () => {
    const page = await open();
    await page.get('button[data-action=correct][data-record=R2]').trigger('click');
    await flushPromises();
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    page.unmount();
  });

  it('hides the room’s actions from a reader', async () => {
    session.me = { username: 'leader', displayName: '李明', unitId: null, unitName: null, roles: ['viewer'] };
    const page = await open();
    expect(page.find('button[data-action=correct]').exists()).toBe(false);
    expect(page.find('#combine-adoption').exists()).toBe(false);
    expect(page.get('#adoption-table').text()).toContain('张副市长');
    page.unmount();
  });
});

describe('the follow-up page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the instruction to the item’s unit and sends its report', async () => {
    session.me = { username: 'u006-reporter', displayName: '赵敏', unitId: 'U006', unitName: '发改委', roles: ['reporter'] };
    const posted: any[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === 'POST') posted.push({ url, body: JSON.parse(String(init.body)) });
      return answer(init.method === 'POST' ? 201 : 200, ITEMS[0]);
    }));
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/items/:id/follow-up', component: FollowUpPage }] });
    await router.push('/items/I-1/follow-up');
    const page = mount(FollowUpPage, { global: { plugins: [router] } });
    await flushPromises();
    const section = page.get('section[data-record=R2]');
    expect(section.get('.instruction-leader').text()).toBe('张副市长');
    expect(section.text()).toContain('已逾期，尚未报告');
    await section.get('.report-follow-up').trigger('click'); // empty: refused beside the field
    await messagesShown();
    expect(section.text()).toContain('请填写落实情况');
    await section.get('textarea').setValue('已在全旗推广，召开现场会两次');
    await section.get('.report-follow-up').trigger('click');
    await flushPromises();
    expect(posted).toHaveLength(1);
    expect(posted[0].url).toBe('/api/adoption/items/I-1/records/R2/follow-up-reports');
    expect(posted[0].body.whatWasDone).toBe('已在全旗推广，召开现场会两次');
    expect(posted[0].body.doneOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.get('[role=status]').text()).toBe('已报告落实情况。');
  });
});

describe('the item page’s adoptions', () => {
  afterEach(() => vi.unstubAllGlobals());
  const section = async (unitReports: boolean, room = false) => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, ITEMS[0])));
    const shown = mount(AdoptionsSection, { props: { itemId: 'I-1', unitReports, room, received: true } });
    await flushPromises();
    return shown;
  };

  it('shows the instruction’s leader and text, and links the unit to its follow-up report', async () => {
    const list = await section(true);
    expect(list.get('.instruction-leader').text()).toBe('批示领导：张副市长');
    expect(list.get('.instruction-text').text()).toBe('批示内容：请总结经验，全市推广');
    const link = list.get('a.follow-up-link');
    expect([link.attributes('href'), link.text()]).toEqual(['#/items/I-1/follow-up', '报告落实情况']);
    expect(list.find('#adoption-form').exists()).toBe(false);
    expect((await section(false)).get('a.follow-up-link').text()).toBe('查看落实情况');
  });

  it('gives the room the form to record one', async () => {
    expect((await section(false, true)).find('#adoption-form #a-kind').exists()).toBe(true);
  });
});
