// What a page hands the browser to save: the file names and, read back, the workbooks' first sheets.
import { vi } from 'vitest';
import { readXlsx } from '../src/sheets';

export function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  /** The `index`th saved file's first sheet as rows of text. */
  const sheet = (index = 0) => new Promise<string[][]>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(readXlsx(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blobs[index]);
  });
  return { names, sheet, restore: () => click.mockRestore() };
}
