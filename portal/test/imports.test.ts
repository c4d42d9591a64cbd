import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  batchCard, Batch, checkImportFile, parseCsv, prepareImportFile, readBytes, columnName, errorTable, importHash, importRoute, KINDS, POLL_MS, progressSentence,
  waitingSentence,
} from '../src/imports';

const batch = (over: Partial<Batch>): Batch => ({
  batchId: 'BATCH-1', fileName: 'history-2025.csv', importedBy: 'room-editor', startedAt: '2026-12-07T01:00:00Z',
  finishedAt: null, state: 'QUEUED', stateLabel: '排队中', done: false, rows: 0, checked: 0, written: 0, added: 0,
  alreadyPresent: 0, errorCount: 0, errors: [], repeatedFile: false, ...over,
});

describe('history import page', () => {
  afterEach(() => { vi.useRealTimers(); document.body.replaceChildren(); });

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

  it('lists every row error of a refused file at once, by row and column', () => {
    const table = errorTable('items', batch({ state: 'FAILED', errorCount: 2, errors: [
      { row: 3, column: 'submitted_at', field: '第3行.submitted_at', message: '第3行「报送时间」：「2025-13-05」不是有效时间' },
      { row: 5, column: 'unit', field: '第5行.unit', message: '第5行「单位」：单位「新设单位」（U053）2025年9月不是任何分组的成员' },
    ] }));
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['3', '报送时间', '第3行「报送时间」：「2025-13-05」不是有效时间'],
      ['5', '单位', '第5行「单位」：单位「新设单位」（U053）2025年9月不是任何分组的成员'],
    ]);
  });

  it('refuses in the browser what the service would refuse: no file, an Excel workbook, an empty file', () => {
    expect(checkImportFile(undefined, undefined)).toBe('请选择要导入的 Excel（.xlsx）或 CSV 文件');
    expect(checkImportFile('2025.xls', 2048)).toBe('不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为”.xlsx 或 CSV 后导入');
    expect(checkImportFile('2025.xlsx', 2048)).toBeNull();
    expect(checkImportFile('2025.csv', 0)).toBe('上传的文件为空');
    expect(checkImportFile('2025.csv', 10)).toBeNull();
  });

  it('asks for the progress until the batch is finished, shows the bar meanwhile, and says when it finished', async () => {
    vi.useFakeTimers();
    const answers = [batch({ state: 'WRITING', rows: 10000, written: 5000 }),
      batch({ state: 'DONE', rows: 10000, written: 10000, added: 10000 })];
    const load = vi.fn(async () => answers.shift()!);
    const onFinished = vi.fn();
    const card = batchCard('items', batch({ state: 'CHECKING', checked: 500 }), load, onFinished);
    document.body.append(card);
    expect(card.querySelector('#import-progress')!.textContent).toBe('正在检查：已检查 500 行');

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(card.querySelector('#import-progress')!.textContent).toBe('检查通过，正在写入：5000 / 10000 行');
    expect(card.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).toBe('50');

    expect(onFinished).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(card.dataset.state).toBe('DONE');
    expect(onFinished).toHaveBeenCalledTimes(1);
    expect(onFinished.mock.calls[0][0].state).toBe('DONE');
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(load).toHaveBeenCalledTimes(2);
    expect(onFinished).toHaveBeenCalledTimes(1);
  });

  it('stops asking once the page was left', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => batch({ state: 'WRITING', rows: 10, written: 5 }));
    const card = batchCard('items', batch({ state: 'QUEUED' }), load);
    document.body.append(card);
    card.remove();
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(load).not.toHaveBeenCalled();
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

  it('shows an adoption batch\'s waiting lines and its row errors by the adoption template\'s columns', () => {
    const done = batchCard('adoption', batch({ state: 'DONE', rows: 5, added: 3, waiting: 2 }), vi.fn());
    expect(done.querySelector('#import-waiting')!.textContent).toBe('其中 2 行所属信息尚未接收，正在等待；该信息接收后自动记入');
    expect(batchCard('items', batch({ state: 'DONE', rows: 5, added: 5 }), vi.fn()).querySelector('#import-waiting'))
      .toBeNull();
    const refused = batchCard('adoption', batch({ state: 'FAILED', errorCount: 1, errors: [
      { row: 2, column: 'date', field: '第2行.date', message: '第 2 行：日期「2025-02-30」无效' }] }), vi.fn());
    expect([...refused.querySelectorAll('#import-errors tbody td')].map((td) => td.textContent))
      .toEqual(['2', '日期', '第 2 行：日期「2025-02-30」无效']);
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
