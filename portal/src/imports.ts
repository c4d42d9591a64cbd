// 历史补录: the room brings in its records of earlier years (items) from a CSV made from the template. The file is
// accepted at once and checked and written in the background; this page shows its progress, and every row error of
// a refused file at once, by row and column. The administrator sees the batches but does not upload.
import { describe, get } from './api';
import { banner, Ctx, dataTable, el, fmtTime, guardedShow, hasRole, progressBar } from './ui';
import { upload } from './upload';

export interface RowError { row: number; column: string; field: string; message: string }
export interface Batch {
  batchId: string; fileName: string | null; importedBy: string | null; startedAt: string; finishedAt: string | null;
  state: 'QUEUED' | 'CHECKING' | 'WRITING' | 'DONE' | 'FAILED'; stateLabel: string; done: boolean; rows: number;
  checked: number; written: number; added: number; alreadyPresent: number; errorCount: number; errors: RowError[];
  repeatedFile: boolean;
}

/** How often the page asks for the progress of a running import. */
export const POLL_MS = 1000;

export const finished = (b: Pick<Batch, 'state'>) => b.state === 'DONE' || b.state === 'FAILED';

/** What the batch is doing, as one Chinese sentence. */
export function progressSentence(b: Batch): string {
  switch (b.state) {
    case 'QUEUED': return '已上传，等待检查……';
    case 'CHECKING': return `正在检查：已检查 ${b.checked} 行`;
    case 'WRITING': return `检查通过，正在写入：${b.written} / ${b.rows} 行`;
    case 'DONE':
      return `${b.repeatedFile ? '该文件已导入过。' : ''}导入完成：共 ${b.rows} 行，新增 ${b.added} 条，`
        + `已存在 ${b.alreadyPresent} 条（未重复导入）`;
    case 'FAILED':
      return `文件有 ${b.errorCount} 处错误，未导入任何数据；请按下表修改后重新上传`
        + (b.errorCount > b.errors.length ? `（仅列出前 ${b.errors.length} 处）` : '');
    default: return b.stateLabel;
  }
}

/** The bar's share: rows checked while checking, rows written while writing. */
export function progressShare(b: Batch): [number, number] {
  if (b.state === 'DONE') return [1, 1];
  if (b.state === 'WRITING') return [b.written, b.rows];
  return [0, 1];
}

/** Every row error of a refused file, all at once: row, column, message. */
export function errorTable(b: Batch) {
  return dataTable<RowError>([
    ['行', (e) => e.row], ['列', (e) => COLUMN[e.column] ?? e.column], ['问题', (e) => e.message],
  ], b.errors, (e) => ({ 'data-field': e.field }), { id: 'import-errors' }, '');
}

const COLUMN: Record<string, string> = {
  unit: '单位', unit_id: '单位', unit_name: '单位', title: '标题', category: '类别', submitted_at: '报送时间',
  outcome: '处理结果', decided_at: '处理时间', forwarded_at: '转报市政府时间', major_emergency: '重大紧急类',
  topics: '报送重点', void_reason: '作废理由', body: '正文',
};

/** The status card of one batch; it asks again every POLL_MS until the batch is finished or the page is left. */
export function batchCard(first: Batch, load: (id: string) => Promise<Batch> = (id) =>
  get<Batch>(`/api/intake/imports/${encodeURIComponent(id)}`)) {
  const card = el('section', { className: 'card', id: 'import-status' });
  const paint = (b: Batch) => {
    const [done, of] = progressShare(b);
    card.dataset.state = b.state;
    card.replaceChildren(el('h2', {}, `导入批次：${b.fileName ?? b.batchId}`),
      el('p', { id: 'import-progress', role: 'status' }, progressSentence(b)),
      b.state === 'FAILED' ? errorTable(b) : progressBar(done, of));
  };
  const poll = async (b: Batch) => {
    paint(b);
    if (finished(b)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!card.isConnected) return; // the page was left
    try {
      await poll(await load(b.batchId));
    } catch {
      card.append(banner('暂时无法获取导入进度，请稍后刷新本页查看'));
    }
  };
  void poll(first);
  return card;
}

/** `#/imports` (and `#/imports/<batchId>`: that batch's status). */
export async function imports(ctx: Ctx, batchId?: string) {
  const show = guardedShow();
  const room = hasRole(ctx, 'info-room');
  const status = batchId ? batchCard(await get<Batch>(`/api/intake/imports/${encodeURIComponent(batchId)}`)) : null;
  const recent = await get<Batch[]>('/api/intake/imports');
  show(el('h1', {}, '历史信息补录'),
    el('p', { className: 'muted' }, '按模板整理往年已报送信息（CSV，UTF-8 或 Excel 默认编码），单位可填名称或编号；'
      + '单位只能导入其为某组成员的月份的信息。上传后后台检查并写入，整份文件全部导入或全部不导入。'),
    room ? uploadForm() : null,
    status,
    el('section', { className: 'card', id: 'import-batches' }, el('h2', {}, '最近的导入'),
      dataTable<Batch>([
        ['文件', (b) => el('a', { href: `#/imports/${encodeURIComponent(b.batchId)}` }, b.fileName ?? b.batchId)],
        ['导入人', (b) => b.importedBy ?? '—'], ['上传时间', (b) => fmtTime(b.startedAt)],
        ['状态', (b) => el('span', { className: `status i-${b.state}`, 'data-status': b.state }, b.stateLabel)],
        ['行数', (b) => b.rows || '—'], ['新增', (b) => b.added], ['错误', (b) => b.errorCount || '—'],
      ], recent, (b) => ({ 'data-batch': b.batchId }), { id: 'import-list' }, '尚无导入记录。')));
}

function uploadForm() {
  const messages = el('div');
  const file = el('input', { type: 'file', id: 'import-file', name: 'file', accept: '.csv,text/csv' });
  const form = el('form', { id: 'import-form', className: 'inline-form', novalidate: true },
    el('a', { href: '/api/intake/imports/template', download: 'import-template.csv', id: 'import-template' },
      '下载导入模板'),
    file, el('button', { type: 'submit', className: 'primary', id: 'import-upload' }, '上传并导入'), messages);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    messages.replaceChildren();
    const chosen = file.files?.[0];
    const refusal = checkImportFile(chosen?.name, chosen?.size);
    if (refusal) {
      messages.append(banner(refusal));
      return;
    }
    const data = new FormData();
    data.append('file', chosen!, chosen!.name);
    try {
      const accepted = await upload<Batch>('/api/intake/imports', data);
      location.hash = `#/imports/${encodeURIComponent(accepted.batchId)}`;
    } catch (e) {
      messages.append(banner(describe(e)));
    }
  });
  return el('section', { className: 'card', id: 'import-upload-card' }, el('h2', {}, '上传补录文件'), form);
}

/** Checks in the browser what the service would refuse anyway: no file, an Excel workbook, an empty file. */
export function checkImportFile(name?: string, size?: number): string | null {
  if (!name) return '请选择要导入的 CSV 文件';
  if (/\.xlsx?$/i.test(name)) return '暂不支持 Excel 文件，请在 Excel 中“另存为”CSV（UTF-8）后导入';
  if (!size) return '上传的文件为空';
  return null;
}
