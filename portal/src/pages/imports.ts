// 历史补录: the room brings in its records of earlier years from CSV files made from the templates — items (intake),
// adoption records and instructions (adoption-tracking), commissions (commission-tasking). Every import is accepted at
// once and checked and written in the background with the same batch view, so one page serves the three: the kind
// chosen, its explanation and template, its upload, its recent batches, and a batch's progress and every row error of
// a refused file at once, by row and column. What the page (ImportsPage.vue) shows, without the page.
import { csvForExcel } from '../download';

export interface RowError { row: number; column: string; field: string; message: string }
export interface Batch {
  batchId: string; fileName: string | null; importedBy: string | null; startedAt: string; finishedAt: string | null;
  state: 'QUEUED' | 'CHECKING' | 'WRITING' | 'DONE' | 'FAILED'; stateLabel: string; done: boolean; rows: number;
  checked: number; written: number; added: number; alreadyPresent: number; errorCount: number; errors: RowError[];
  repeatedFile: boolean;
  /** adoption only: lines whose item is not received yet; each is recorded when its item is */
  waiting?: number;
}

export type ImportKind = 'items' | 'adoption' | 'commissions';

interface Kind {
  label: string;
  /** the service's collection of batches: POST a file, GET the recent ones, GET /{batchId}, GET /template */
  api: string;
  template: string;
  explanation: string;
  /** the template's column keys → the Chinese names the row errors are shown with */
  columns: Record<string, string>;
}

const ORDER = '补录顺序：先导入报送信息，再导入采用与批示记录和约稿。';
const WHOLE = '上传后由系统在后台检查并写入，整份文件全部导入或全部不导入；同一文件重复上传不会重复导入。';

export const KINDS: Record<ImportKind, Kind> = {
  items: {
    label: '报送信息', api: '/api/intake/imports', template: 'import-template.csv',
    explanation: '按模板整理往年已报送的信息（CSV，UTF-8 或 Excel 默认编码），每行一条：单位（填名称或编号）、标题、类别、'
      + '报送时间、处理结果及时间等；单位只能导入其为某组成员的月份的信息。' + WHOLE + ORDER,
    columns: {
      unit: '单位', unit_id: '单位', unit_name: '单位', title: '标题', category: '类别', submitted_at: '报送时间',
      outcome: '处理结果', decided_at: '处理时间', forwarded_at: '转报市政府时间', major_emergency: '重大紧急类',
      topics: '报送重点', void_reason: '作废理由', body: '正文',
    },
  },
  adoption: {
    label: '采用与批示记录', api: '/api/adoption/imports', template: 'adoption-import-template.csv',
    explanation: '按模板整理往年信息被采用和领导批示的记录，每行一条：所属信息（填信息编号，或同时填单位和标题）、类型、'
      + '刊物及期号、日期、批示领导及内容、落实要求及期限。' + WHOLE + ORDER
      + '填写信息编号、而该信息尚未导入或尚未接收的行先登记为等待，待该信息接收后自动记入。',
    columns: {
      item_id: '信息编号', unit: '单位', title: '标题', kind: '类型', publication: '刊物', issue_no: '期号',
      date: '日期', leader: '批示领导', text: '批示内容', follow_up_action: '落实要求', follow_up_due: '落实期限',
    },
  },
  commissions: {
    label: '约稿', api: '/api/commission/imports', template: 'commission-import-template.csv',
    explanation: '按模板整理往年的约稿任务，每行一条：约稿标题、要求、约稿单位、下发时间、截止时间，以及各单位报送的信息、'
      + '报送时间和认可情况。' + WHOLE + ORDER,
    columns: {
      id: '约稿编号', title: '约稿标题', requirements: '约稿要求', target_unit_ids: '约稿单位', targetUnitIds: '约稿单位',
      target_units: '约稿单位', issued_at: '下发时间', issuedAt: '下发时间', deadline: '截止时间', unit: '报送单位',
      unit_id: '报送单位', unitId: '报送单位', item_id: '信息编号', itemId: '信息编号', revision: '版本',
      answered_at: '报送时间', answeredAt: '报送时间', accepted: '是否认可', reason: '理由', judged_at: '审核时间',
      judgedAt: '审核时间',
    },
  },
};

const isKind = (k: string | undefined): k is ImportKind => !!k && Object.prototype.hasOwnProperty.call(KINDS, k);

/**
 * `#/imports[/<kind>][/<batchId>]` → the kind (items when none is named: the page's first address stays valid) and
 * the batch shown, if any.
 */
export function importRoute(hash: string): { kind: ImportKind; batchId?: string } {
  const [, , ...rest] = hash.split('?')[0].split('/').map((s) => decodeURIComponent(s));
  const kind = isKind(rest[0]) ? rest.shift() as ImportKind : 'items';
  return rest[0] ? { kind, batchId: rest[0] } : { kind };
}

export const importHash = (kind: ImportKind, batchId?: string) =>
  `#/imports/${kind}${batchId ? `/${encodeURIComponent(batchId)}` : ''}`;

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

/** Adoption lines waiting for their item, as a sentence; null when none waits. */
export function waitingSentence(b: Pick<Batch, 'waiting'>): string | null {
  return b.waiting ? `其中 ${b.waiting} 行所属信息尚未接收，正在等待；该信息接收后自动记入` : null;
}

/** The bar's share in per cent: all when done, the rows written while writing, none before. */
export function progressPercent(b: Pick<Batch, 'state' | 'written' | 'rows'>): number {
  if (b.state === 'DONE') return 100;
  if (b.state === 'WRITING' && b.rows > 0) return Math.min(100, Math.round((b.written / b.rows) * 100));
  return 0;
}

/** The Chinese name of a column of the kind's template; a column already named in Chinese stays as it is. */
export function columnName(kind: ImportKind, column: string): string {
  return KINDS[kind].columns[column] ?? KINDS[kind].columns[column.toLowerCase()] ?? column;
}

/**
 * The file as the service will read it: a CSV as it is, an .xlsx turned into the CSV of its first sheet (the services
 * take CSV; the workbook never leaves the browser). The rows are for the preview; `file` is what is sent.
 */
export async function prepareImportFile(chosen: File): Promise<{ file: File; rows: string[][] }> {
  const bytes = await readBytes(chosen);
  if (/\.xlsx$/i.test(chosen.name)) {
    const { readXlsx } = await import('../sheets');
    const rows = readXlsx(bytes);
    const csv = new Blob([csvForExcel(rows)], { type: 'text/csv' });
    return { file: new File([csv], chosen.name.replace(/\.xlsx$/i, '.csv'), { type: 'text/csv' }), rows };
  }
  // the preview reads UTF-8, or Excel's Chinese default GB18030 as the services do
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); }
  catch { text = new TextDecoder('gb18030').decode(bytes); }
  return { file: chosen, rows: parseCsv(text.replace(/^\uFEFF/, '')) };
}

/** A file's bytes (FileReader: every browser the portal supports, and the tests' DOM). */
export function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error('无法读取所选文件，请重新选择'));
    reader.readAsArrayBuffer(blob);
  });
}

/** CSV text into rows (RFC 4180: quoted fields with commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

const PREVIEW_ROWS = 10;

/** The chosen file's header, its first rows numbered as in the sheet (the header is row 1), and how many rows it has. */
export function previewOf(rows: string[][]) {
  const [header = [], ...data] = rows;
  return {
    header, total: data.length,
    rows: data.slice(0, PREVIEW_ROWS).map((r, i) => ({ row: i + 2, cells: header.map((_, x) => r[x] ?? '') })),
    sentence: `预览：共 ${data.length} 行${data.length > PREVIEW_ROWS ? `，下面是前 ${PREVIEW_ROWS} 行` : ''}。请核对后点“上传并导入”。`,
  };
}

/** Checks in the browser what cannot be imported: no file, the old binary .xls, an empty file. */
export function checkImportFile(name?: string, size?: number): string | null {
  if (!name) return '请选择要导入的 Excel（.xlsx）或 CSV 文件';
  if (/\.xls$/i.test(name)) return '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为”.xlsx 或 CSV 后导入';
  if (!size) return '上传的文件为空';
  return null;
}
