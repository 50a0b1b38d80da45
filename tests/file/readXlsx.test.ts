import * as os from 'os';
import * as path from 'path';
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { readXlsxFile, readXlsxBuffer, WorkbookReadError } from '../../src/hosts/file/readXlsx';
import { SHARED_FIXTURES } from '../sharedFixtures';

const FIXTURES = SHARED_FIXTURES;

async function tmp(name: string, data: Buffer | string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaohe-read-'));
  const f = path.join(dir, name);
  await fs.writeFile(f, data);
  return f;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
    return (e as WorkbookReadError).code;
  }
}

describe('readXlsxFile on the fixtures', () => {
  it('reads every sheet of seed004 with values, formats and merges', async () => {
    const book = await readXlsxFile(path.join(FIXTURES, 'seed004-department-budget.xlsx'));
    const names = book.sheets.map((s) => s.name);
    expect(names).toContain('表2 收入总体');
    const t2 = book.sheets.find((s) => s.name === '表2 收入总体')!;
    expect(t2.text(0, 0)).toBe('部门收入总体情况表');
    expect(t2.text(0, 1)).toBe(''); // covered by the A1:O1 merge
    expect(t2.visibleText(0, 5)).toBe('部门收入总体情况表');
    expect(t2.mergeAt(2, 6)).toEqual({ top: 2, left: 5, bottom: 2, right: 10 });
    expect(t2.amount(14, 4)?.value.toString()).toBe('744.8');
    expect(t2.amount(14, 4)?.decimals).toBe(2);
    expect(t2.cell(14, 4)?.text).toBe('744.80');
    expect(t2.rowCount).toBe(31);
    expect(t2.colCount).toBe(15);
  });
});

describe('bad input gets a Chinese reason', () => {
  it('missing file', async () => {
    expect(await codeOf(readXlsxFile('/nonexistent/x.xlsx'))).toBe('not-found');
  });
  it('empty file', async () => {
    expect(await codeOf(readXlsxFile(await tmp('e.xlsx', Buffer.alloc(0))))).toBe('empty');
  });
  it('CSV renamed .xlsx', async () => {
    expect(await codeOf(readXlsxFile(await tmp('a.xlsx', '县区,合计\n汉滨区,10\n')))).toBe('text');
  });
  it('legacy .xls, WPS .et and an encrypted workbook (CFB containers)', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const withStream = (name: string) => Buffer.concat([cfb, Buffer.from(name, 'utf16le'), Buffer.alloc(64)]);
    expect(await codeOf(readXlsxFile(await tmp('old.xls', withStream('Workbook'))))).toBe('xls');
    expect(await codeOf(readXlsxFile(await tmp('old.xlsx', withStream('Workbook'))))).toBe('xls');
    expect(await codeOf(readXlsxFile(await tmp('wps.et', withStream('Workbook'))))).toBe('et');
    expect(await codeOf(readXlsxFile(await tmp('secret.xlsx', withStream('EncryptionInfo'))))).toBe('encrypted');
  });
  it('corrupt zip', async () => {
    const good = await fs.readFile(path.join(FIXTURES, 'seed001-issued.xlsx'));
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(300, 7)]);
    expect(['corrupt', 'not-xlsx']).toContain(await codeOf(readXlsxBuffer(broken, 'broken.xlsx')));
  });
  it('binary garbage', async () => {
    const junk = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7 + 3) % 256));
    expect(await codeOf(readXlsxFile(await tmp('junk.xlsx', junk)))).toBe('corrupt');
  });
  it('a workbook with no data', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await codeOf(readXlsxBuffer(buf, 'blank.xlsx'))).toBe('empty');
  });
});

describe('cell values', () => {
  it('keeps formulas with cached results, errors and text numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 1.5;
    ws.getCell('A2').value = '1,234.50';
    ws.getCell('A3').value = { formula: 'A1+1', result: 2.5 } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('A5').value = { formula: 'A9/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('A6').value = 1234.5;
    ws.getCell('A6').numFmt = '#,##0.00';
    const book = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'v.xlsx');
    const g = book.sheets[0];
    expect(g.amount(1, 0)?.value.toString()).toBe('1234.5');
    expect(g.cell(2, 0)).toMatchObject({ value: 2.5, formula: '=A1+1' });
    expect(g.error(3, 0)).toBe('#REF!');
    expect(g.error(4, 0)).toBe('#DIV/0!');
    expect(g.text(5, 0)).toBe('1,234.50');
  });
});
