// Files built in the browser (a list's 导出, a workbook): handed to the browser's own download; nothing goes to the
// server.
export const CSV_TYPE = 'text/csv;charset=utf-8';

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
