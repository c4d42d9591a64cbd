// Excel workbooks in the browser, both ways, on fflate's zip (8 kB): 导出 Excel of a list writes a real .xlsx (one
// sheet, a bold header row, column widths, numbers as numbers), and an import may take the .xlsx a clerk keeps its
// records in: its first sheet is read into rows (shared and inline strings, numbers, booleans, dates by their cell
// format) and sent to the service as the CSV it takes. Nothing leaves the browser but the CSV.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { saveFile } from './download';

export type Cell = string | number | boolean | null | undefined;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function escapeXml(s: string): string {
  // characters XML 1.0 cannot carry at all are dropped (a control character pasted from another program)
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `0` → `A`, `27` → `AB`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `AB12` → 27. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A width in characters that fits the longest value (a Chinese character counts as two). */
function widthOf(values: Cell[]): number {
  const longest = Math.max(4, ...values.map((v) => [...String(v ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)));
  return Math.min(60, longest + 2);
}

function cellXml(value: Cell, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** One sheet named `sheetName` (Excel allows 31 characters, none of \/?*[]:), the header row in bold. */
export function writeXlsx(sheetName: string, header: string[], rows: Cell[][]): Uint8Array {
  const name = escapeXml(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  const all = [header, ...rows];
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthOf(all.map((r) => r[i]))}" customWidth="1"/>`).join('');
  const sheetRows = all.map((r, y) => `<row r="${y + 1}">${r.map((v, x) => cellXml(v, `${columnName(x)}${y + 1}`, y === 0 ? 1 : 0)).join('')}</row>`).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '</Types>'),
    '_rels/.rels': strToU8(XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(XML_HEAD + `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>`
      + `<sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`
      + `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(XML_HEAD + `<styleSheet xmlns="${MAIN}">`
      + '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
      + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>'),
    'xl/worksheets/sheet1.xml': strToU8(XML_HEAD + `<worksheet xmlns="${MAIN}">`
      + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      + `<cols>${cols}</cols><sheetData>${sheetRows}</sheetData></worksheet>`),
  };
  return zipSync(files, { level: 6 });
}


export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 导出 Excel: the rows a list shows, as `<name>.xlsx`. */
export function exportXlsx(fileName: string, header: string[], rows: Cell[][]) {
  const base = fileName.replace(/\.xlsx$/i, '');
  saveFile(`${base}.xlsx`, writeXlsx(base, header, rows), XLSX_TYPE);
}

// ---------- reading ----------

export class WorkbookError extends Error {}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function parseXml(bytes: Uint8Array | undefined, what: string): Document {
  if (!bytes) throw new WorkbookError(`不是有效的 Excel 文件（缺少${what}）`);
  const doc = new DOMParser().parseFromString(strFromU8(bytes), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new WorkbookError(`Excel 文件已损坏（${what}无法读取）`);
  return doc;
}

const byTag = (node: Document | Element, tag: string) => Array.from(node.getElementsByTagNameNS('*', tag));
const textOf = (node: Element) => byTag(node, 't').map((t) => t.textContent ?? '').join('');

/** A date cell's serial number (days since 1899-12-30) as `2024-05-20` or `2024-05-20 10:30`. */
export function excelDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000 / 60_000) * 60_000;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return d.getUTCHours() || d.getUTCMinutes() ? `${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` : day;
}

/** The first sheet of an .xlsx as rows of text, as Excel shows them; empty trailing rows dropped. */
export function readXlsx(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try { files = unzipSync(bytes); } catch { throw new WorkbookError('不是有效的 Excel 文件（.xlsx）；旧版 .xls 请在 Excel 中另存为 .xlsx 或 CSV'); }
  const workbook = parseXml(files['xl/workbook.xml'], '工作簿');
  const first = byTag(workbook, 'sheet')[0];
  if (!first) throw new WorkbookError('Excel 文件中没有工作表');
  const rid = first.getAttributeNS(REL, 'id') ?? first.getAttribute('r:id');
  const rels = parseXml(files['xl/_rels/workbook.xml.rels'], '工作簿关系');
  const target = byTag(rels, 'Relationship').find((r) => r.getAttribute('Id') === rid)?.getAttribute('Target') ?? 'worksheets/sheet1.xml';
  const sheetPath = target.startsWith('/') ? target.substring(1) : `xl/${target}`;
  const shared = files['xl/sharedStrings.xml'] ? byTag(parseXml(files['xl/sharedStrings.xml'], '共享字符串'), 'si').map(textOf) : [];
  const dateStyles = new Set<number>();
  if (files['xl/styles.xml']) {
    const styles = parseXml(files['xl/styles.xml'], '样式');
    const custom = new Map(byTag(styles, 'numFmt').map((f) => [Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '']));
    const xfs = byTag(styles, 'cellXfs')[0];
    (xfs ? Array.from(xfs.children).filter((e) => e.localName === 'xf') : []).forEach((xf, i) => {
      const id = Number(xf.getAttribute('numFmtId') ?? 0);
      // a custom format is a date when it shows days, months or years (not inside quotes or brackets)
      const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
      if (BUILT_IN_DATE_FORMATS.has(id) || /[ymd]/i.test(code)) dateStyles.add(i);
    });
  }
  const sheet = parseXml(files[sheetPath], '工作表');
  const rows: string[][] = [];
  for (const row of byTag(sheet, 'row')) {
    const y = Number(row.getAttribute('r') ?? rows.length + 1) - 1;
    const line: string[] = [];
    for (const c of byTag(row, 'c')) {
      const x = c.getAttribute('r') ? columnIndex(c.getAttribute('r')!) : line.length;
      const type = c.getAttribute('t');
      const v = byTag(c, 'v')[0]?.textContent ?? '';
      let text: string;
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = textOf(c);
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (type === 'str' || type === 'e') text = v;
      else if (v !== '' && dateStyles.has(Number(c.getAttribute('s') ?? -1))) text = excelDate(Number(v));
      // a number as Excel shows it in General: 3.0 → 3, 1.38E10 → 13800000000 (a phone number typed as a number)
      else text = v !== '' && Number.isFinite(Number(v)) ? String(Number(v)) : v;
      while (line.length < x) line.push('');
      line[x] = text;
    }
    while (rows.length < y) rows.push([]);
    rows[y] = line;
  }
  while (rows.length && rows[rows.length - 1].every((v) => v.trim() === '')) rows.pop();
  return rows;
}

