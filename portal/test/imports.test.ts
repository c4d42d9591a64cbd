import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import {
  Batch, checkImportFile, parseCsv, prepareImportFile, previewOf, readBytes, columnName, importHash, importRoute, KINDS,
  POLL_MS, progressPercent, progressSentence, waitingSentence,
} from '../src/pages/imports';
import ImportsPage from '../src/pages/ImportsPage.vue';
import { createPortalRouter } from '../src/shell/router';
import { session } from '../src/shell/session';
import { gateway, json } from './gateway';

const room = { username: 'room-editor', displayName: '信息室', unitId: null, unitName: null, roles: ['info-room'] };
const admin = { username: 'admin', displayName: '管理员', unitId: null, unitName: null, roles: ['admin'] };

/** The page at `path` as the shell opens it: through the portal's router. */
async function open(path: string) {
  const router = createPortalRouter(() => '#/imports', createMemoryHistory());
  await router.push(path);
  const page = mount(ImportsPage, { global: { plugins: [router] }, attachTo: document.body });
  await flushPromises();
  return { page, router };
}
const cells = (page: ReturnType<typeof mount>, selector: string) =>
  page.findAll(`${selector} tbody tr`).map((tr) => tr.findAll('td').map((td) => td.text()));

const batch = (over: Partial<Batch>): Batch => ({
  batchId: 'BATCH-1', fileName: 'history-2025.csv', importedBy: 'room-editor', startedAt: '2026-12-07T01:00:00Z',
  finishedAt: null, state: 'QUEUED', stateLabel: '排队中', done: false, rows: 0, checked: 0, written: 0, added: 0,
  alreadyPresent: 0, errorCount: 0, errors: [], repeatedFile: false, ...over,
});

describe('history import page', () => {
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); document.body.replaceChildren(); });

  it('says in Chinese where the background import stands', () => {
    expect(progressSentence(batch({ state: 'CHECKING', checked: 4000 }))).toBe('正在检查：已检查 4000 行');
    expect(progressSentence(batch({ state: 'WRITING', rows: 10000, written: 2500 })))
      .toBe('检查通过，正在写入：2500 / 10000 行');
    expect(progressSentence(batch({ state: 'DONE', rows: 3, added: 2, alreadyPresent: 1 })))
      .toBe('导入完成：共 3 行，新增 2 条，已存在 1 条（未重复导入）');
    expect(progressSentence(batch({ state: 'DONE', rows: 3, added: 3, repeatedFile: true })))
      .toBe('该文件已导入过。导入完成：共 3 行，新增 3 条，已存在 0 条（未重复导入）');
    expect(progressSentence(batch({ state: 'FAILED', errorCount: 250, errors: new Array(200).fill(null) })))
      .toBe('文件有 250 处错误，未导入任何数据；请按下表修改后重新上传（仅列出前 200 处）');
  });

  it('fills the bar by the rows written, all once done, none while checking', () => {
    expect(progressPercent(batch({ state: 'CHECKING', checked: 40 }))).toBe(0);
    expect(progressPercent(batch({ state: 'WRITING', rows: 3, written: 1 }))).toBe(33);
    expect(progressPercent(batch({ state: 'WRITING', rows: 0, written: 0 }))).toBe(0);
    expect(progressPercent(batch({ state: 'DONE', rows: 0 }))).toBe(100);
    expect(progressPercent(batch({ state: 'FAILED' }))).toBe(0);
  });

  it('previews the first ten rows under the header, numbered as in the sheet, and says how many there are', () => {
    const rows = [['a', 'b'], ...Array.from({ length: 12 }, (_, i) => [`${i}`])];
    const p = previewOf(rows);
    expect(p.total).toBe(12);
    expect(p.rows).toHaveLength(10);
    expect(p.rows[0]).toEqual({ row: 2, cells: ['0', ''] });
    expect(p.sentence).toBe('预览：共 12 行，下面是前 10 行。请核对后点“上传并导入”。');
    expect(previewOf([['a']]).sentence).toBe('预览：共 0 行。请核对后点“上传并导入”。');
  });

  it('refuses in the browser what the service would refuse: no file, an Excel workbook, an empty file', () => {
    expect(checkImportFile(undefined, undefined)).toBe('请选择要导入的 Excel（.xlsx）或 CSV 文件');
    expect(checkImportFile('2025.xls', 2048)).toBe('不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为”.xlsx 或 CSV 后导入');
    expect(checkImportFile('2025.xlsx', 2048)).toBeNull();
    expect(checkImportFile('2025.csv', 0)).toBe('上传的文件为空');
    expect(checkImportFile('2025.csv', 10)).toBeNull();
  });

  it('reads the kind and the batch from the address, the first addresses meaning items', () => {
    expect(importRoute('#/imports')).toEqual({ kind: 'items' });
    expect(importRoute('#/imports/BATCH-ab12')).toEqual({ kind: 'items', batchId: 'BATCH-ab12' });
    expect(importRoute('#/imports/items')).toEqual({ kind: 'items' });
    expect(importRoute('#/imports/adoption')).toEqual({ kind: 'adoption' });
    expect(importRoute('#/imports/adoption/BATCH-9')).toEqual({ kind: 'adoption', batchId: 'BATCH-9' });
    expect(importRoute('#/imports/commissions/BATCH%2F7?x=1')).toEqual({ kind: 'commissions', batchId: 'BATCH/7' });
    expect(importHash('commissions', 'BATCH/7')).toBe('#/imports/commissions/BATCH%2F7');
    expect(importHash('adoption')).toBe('#/imports/adoption');
  });

  it('names each kind\'s template columns in Chinese, and leaves a column already in Chinese as it is', () => {
    expect(columnName('items', 'submitted_at')).toBe('报送时间');
    expect(columnName('adoption', 'item_id')).toBe('信息编号');
    expect(columnName('adoption', 'follow_up_due')).toBe('落实期限');
    expect(columnName('adoption', 'kind')).toBe('类型');
    expect(columnName('commissions', 'deadline')).toBe('截止时间');
    expect(columnName('commissions', 'title')).toBe('约稿标题');
    expect(columnName('commissions', '截止时间')).toBe('截止时间');
    expect(Object.keys(KINDS)).toEqual(['items', 'adoption', 'commissions']);
    expect(Object.values(KINDS).map((k) => k.label)).toEqual(['报送信息', '采用与批示记录', '约稿']);
  });

  it('tells the import order in every kind\'s explanation, and adoption\'s waiting lines', () => {
    for (const k of Object.values(KINDS)) expect(k.explanation).toContain('先导入报送信息，再导入采用与批示记录和约稿');
    expect(KINDS.adoption.explanation).toContain('待该信息接收后自动记入');
    expect(waitingSentence({ waiting: 0 })).toBeNull();
    expect(waitingSentence({})).toBeNull();
    expect(waitingSentence({ waiting: 3 })).toBe('其中 3 行所属信息尚未接收，正在等待；该信息接收后自动记入');
  });

});

describe('the file the room chooses, read before it is sent', () => {
  it('sends an .xlsx as the CSV of its first sheet under the same name, and previews its rows', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const xlsx = readFileSync(resolve(__dirname, 'fixtures/poi-history.xlsx'));
    const { file, rows } = await prepareImportFile(new File([xlsx], '住建局2024年补录.xlsx'));
    expect(file.name).toBe('住建局2024年补录.csv');
    const sent = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBytes(file));
    expect(sent.startsWith('\uFEFF单位,标题,类别,报送时间')).toBe(true);
    expect(sent).toContain('U016,"住建局推进老旧小区改造，""12个""小区完工",DYNAMIC,2024-05-20 10:30,RECEIVED,2024-05-21,3,FALSE');
    expect(rows).toHaveLength(3);
  });

  it('sends a CSV as it is, and previews it in UTF-8 or in Excel’s GB18030', async () => {
    const utf8 = new File(['\uFEFFunit,title\nU016,"标题,含逗号"\n'], 'a.csv');
    expect((await prepareImportFile(utf8)).file).toBe(utf8);
    expect((await prepareImportFile(utf8)).rows).toEqual([['unit', 'title'], ['U016', '标题,含逗号']]);
    // 住建局 in GB18030
    const gbk = new File([new Uint8Array([0x75, 0x6e, 0x69, 0x74, 0x0a, 0xd7, 0xa1, 0xbd, 0xa8, 0xbe, 0xd6, 0x0a])], 'b.csv');
    expect((await prepareImportFile(gbk)).rows).toEqual([['unit'], ['住建局']]);
  });

  it('reads quoted line breaks and doubled quotes, and drops blank lines', () => {
    expect(parseCsv('a,b\r\n"两\n行","说""好"""\r\n\r\n')).toEqual([['a', 'b'], ['两\n行', '说"好"']]);
  });
});

describe('the 历史补录 page', () => {
  beforeEach(() => { session.me = room; });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); document.body.replaceChildren(); });

  it('opens the kind of the address as the chosen tab, with its explanation, template and recent batches', async () => {
    gateway({ '/api/adoption/imports': () => [batch({ batchId: 'BATCH-7', state: 'DONE', stateLabel: '已完成', rows: 4, added: 3, waiting: 1 })] });
    const { page } = await open('/imports/adoption');
    expect(page.find('#import-kinds a[aria-selected=true]').attributes('data-kind')).toBe('adoption');
    expect(page.findAll('#import-kinds a').map((a) => a.attributes('href'))).toEqual(['#/imports/items', '#/imports/adoption', '#/imports/commissions']);
    expect(page.find('#import-explanation').text()).toContain('待该信息接收后自动记入');
    expect(page.find('#import-template').attributes('href')).toBe('/api/adoption/imports/template');
    expect(page.find('#import-form').attributes('data-kind')).toBe('adoption');
    expect(cells(page, '#import-list')).toEqual([['history-2025.csv', 'room-editor', expect.any(String), '已完成', '4', '3', '—', '1']]);
    expect(page.find('#import-list tr.batch-BATCH-7 a').attributes('href')).toBe('#/imports/adoption/BATCH-7');
    page.unmount();
  });

  it('lets the administrator read the batches without an upload form', async () => {
    session.me = admin;
    gateway({ '/api/intake/imports': () => [] });
    const { page } = await open('/imports');
    expect(page.find('#import-form').exists()).toBe(false);
    expect(page.find('#import-readonly').text()).toContain('由信息室上传');
    expect(page.find('#import-list').text()).toContain('尚无导入记录。');
    page.unmount();
  });

  it('lists every row error of a refused file at once, by row and the template column in Chinese', async () => {
    gateway({ '/api/intake/imports': () => [], '/api/intake/imports/BATCH-1': () => batch({ state: 'FAILED', errorCount: 2, errors: [
      { row: 3, column: 'submitted_at', field: '第3行.submitted_at', message: '第3行「报送时间」：「2025-13-05」不是有效时间' },
      { row: 5, column: 'unit', field: '第5行.unit', message: '第5行「单位」：单位「新设单位」（U053）2025年9月不是任何分组的成员' },
    ] }) });
    const { page } = await open('/imports/BATCH-1');
    expect(page.find('#import-status').attributes('data-state')).toBe('FAILED');
    expect(cells(page, '#import-errors')).toEqual([
      ['3', '报送时间', '第3行「报送时间」：「2025-13-05」不是有效时间'],
      ['5', '单位', '第5行「单位」：单位「新设单位」（U053）2025年9月不是任何分组的成员'],
    ]);
    expect(page.find('#import-status progress').exists()).toBe(false);
    page.unmount();
  });

  it('asks for the progress every second until the batch is finished, then lists the batches again', async () => {
    vi.useFakeTimers();
    const answers = [batch({ state: 'CHECKING', checked: 500 }), batch({ state: 'WRITING', rows: 10000, written: 5000 }),
      batch({ state: 'DONE', rows: 10000, written: 10000, added: 10000, waiting: 2 })];
    const calls = gateway({ '/api/adoption/imports': () => [], '/api/adoption/imports/BATCH-1': () => answers.shift() });
    const asked = () => calls.filter((c) => c.path === '/api/adoption/imports/BATCH-1').length;
    const { page } = await open('/imports/adoption/BATCH-1');
    expect(page.find('#import-progress').text()).toBe('正在检查：已检查 500 行');

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(page.find('#import-progress').text()).toBe('检查通过，正在写入：5000 / 10000 行');
    expect(page.find('#import-status progress').attributes('value')).toBe('50');
    expect(calls.filter((c) => c.path === '/api/adoption/imports')).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(page.find('#import-status').attributes('data-state')).toBe('DONE');
    expect(page.find('#import-status progress').attributes('value')).toBe('100');
    expect(page.find('#import-waiting').text()).toBe('其中 2 行所属信息尚未接收，正在等待；该信息接收后自动记入');
    expect(calls.filter((c) => c.path === '/api/adoption/imports')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(asked()).toBe(3);
    page.unmount();
  });

  it('stops asking once the page was left', async () => {
    vi.useFakeTimers();
    const calls = gateway({ '/api/intake/imports': () => [], '/api/intake/imports/BATCH-1': () => batch({ state: 'WRITING', rows: 10, written: 5 }) });
    const { page } = await open('/imports/items/BATCH-1');
    page.unmount();
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(calls.filter((c) => c.path === '/api/intake/imports/BATCH-1')).toHaveLength(1);
  });

  it('previews the chosen file, refuses an old workbook, and after the upload opens the batch\'s address', async () => {
    const calls = gateway({ 'GET /api/commission/imports': () => [],
      'POST /api/commission/imports': () => json(batch({ batchId: 'BATCH-9' }), 202) });
    const { page, router } = await open('/imports/commissions');
    const input = page.find<HTMLInputElement>('#import-file');
    const choose = async (file: File) => {
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
      await input.trigger('change');
      await new Promise((r) => setTimeout(r, 20));
      await flushPromises();
    };
    await choose(new File(['x'], '2024.xls'));
    expect(page.find('[role=alert]').text()).toContain('不支持旧版 Excel（.xls）文件');
    expect(page.find('#import-preview').exists()).toBe(false);

    await choose(new File(['title,deadline\n约稿一,2024-04-30 17:00\n'], '约稿2024.csv'));
    expect(page.find('[role=alert]').exists()).toBe(false);
    expect(page.find('#import-preview').attributes('data-rows')).toBe('1');
    expect(cells(page, '#import-preview')).toEqual([['2', '约稿一', '2024-04-30 17:00']]);
    // the template's column codes under their Chinese names
    expect(page.findAll('#import-preview th').map((th) => th.text())).toEqual(['行', '约稿标题', '截止时间']);

    await page.find('#import-form').trigger('submit');
    await flushPromises();
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.path).toBe('/api/commission/imports');
    expect((sent.body as FormData).get('file')).toBeInstanceOf(File);
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/imports/commissions/BATCH-9'));
    page.unmount();
  });
});
