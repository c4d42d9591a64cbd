// Files built in the browser (a list's 导出, a workbook): handed to the browser's own download; nothing goes to the
// server.
export const CSV_TYPE = 'text/csv;charset=utf-8';

/** Rows as CSV text (RFC 4180: fields with a comma, quote or line break quoted, quotes doubled), CRLF lines. */
export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A list's 导出 as Excel opens it: UTF-8 with a byte-order mark (without it Chinese Excel reads GBK). */
export function csvForExcel(rows: string[][]): string {
  return '\uFEFF' + toCsv(rows);
}

/** Lets the browser save `content` as `fileName`. */
export function saveFile(fileName: string, content: Uint8Array | string, type: string) {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser reads the blob after the click returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
