// Excel workbooks both ways in the browser: a file Excel's own library (Apache POI) wrote is read as Excel shows it;
// what the portal writes reads back the same.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvForExcel } from '../src/download';
import { columnName, excelDate, readXlsx, WorkbookError, writeXlsx } from '../src/sheets';

const poiWritten = new Uint8Array(readFileSync(resolve(__dirname, 'fixtures/poi-history.xlsx')));

describe('reading a workbook a clerk keeps its records in', () => {
  const rows = readXlsx(poiWritten);

  it('reads the first sheet’s header and values as Excel shows them, shared strings and quotes included', () => {
    expect(rows[0]).toEqual(['单位', '标题', '类别', '报送时间', '状态', '接收日期', '条数', '重大事件']);
    expect(rows[1].slice(0, 3)).toEqual(['U016', '住建局推进老旧小区改造，"12个"小区完工', 'DYNAMIC']);
  });

  it('turns date cells into the dates the import templates ask for, with the time where there is one', () => {
    expect(rows[1][3]).toBe('2024-05-20 10:30');
    expect(rows[1][5]).toBe('2024-05-21');
  });

  it('keeps numbers and booleans as text, fills a gap in a row and drops empty rows at the end', () => {
    expect(rows[1].slice(6)).toEqual(['3', 'FALSE']);
    expect(rows[2]).toEqual(['U017', '', 'BRIEF']);
    expect(rows).toHaveLength(3);
  });

  it('refuses what is not a workbook in Chinese, naming the old .xls', () => {
    expect(() => readXlsx(new TextEncoder().encode('单位,标题\n'))).toThrow(WorkbookError);
    expect(() => readXlsx(new TextEncoder().encode('x'))).toThrow(/另存为 \.xlsx 或 CSV/);
  });
});

describe('writing 导出 Excel', () => {
  it('reads back what it wrote: text, numbers, empty cells, XML characters and a long Chinese sheet name', () => {
    const bytes = writeXlsx('2026年第四季度采用与批示记录（信息室导出）/副本', ['标题', '积分', '备注'],
      [['<发改委> & "营商环境"', 20, null], ['第二条', -5, '扣分']]);
    expect(readXlsx(bytes)).toEqual([['标题', '积分', '备注'], ['<发改委> & "营商环境"', '20'], ['第二条', '-5', '扣分']]);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('counts days as Excel does (1900 date system)', () => {
    expect(excelDate(45432)).toBe('2024-05-20');
    expect(excelDate(45432.4375)).toBe('2024-05-20 10:30');
  });
});

describe('CSV for the services', () => {
  it('quotes fields with commas, quotes and line breaks, after a byte-order mark', () => {
    expect(csvForExcel([['U016', '标题,含逗号', '说"好"', '两\n行']])).toBe('\uFEFFU016,"标题,含逗号","说""好""","两\n行"\r\n');

  });
});
