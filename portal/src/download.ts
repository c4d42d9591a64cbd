// Files built in the browser: a list's 导出 Excel is handed to the browser's own download (nothing goes to the
// server); a workbook chosen for an import becomes the CSV the import service reads.

/** One CSV field: quoted when it holds a comma, quote or line break, quotes doubled (RFC 4180). */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows as CSV text with CRLF lines and a UTF-8 byte-order mark (the import reads the file as Excel saves it). */
export function csvForExcel(rows: string[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
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
