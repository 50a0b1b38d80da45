import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isSameFile, markWorkbook, partsNotKept } from '../../src/hosts/file/annotate';
import type { Finding } from '../../src/core/types';
import { SHARED_FIXTURES } from '../sharedFixtures';

const FIXTURES = SHARED_FIXTURES;

describe('annotated copies (file host)', () => {
  it('names what exceljs would not carry over into the copy', async () => {
    expect(partsNotKept(await fs.readFile(path.join(FIXTURES, 'seed004-department-budget.xlsx')))).toEqual([]);
    const fake = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('xl/charts/chart1.xml'), Buffer.alloc(10), Buffer.from('xl/vbaProject.bin')]);
    expect(partsNotKept(fake)).toEqual(['图表', '宏']);
  });

  it('marks merged areas on their top-left cell, one fill per cell (an error beats a warning)', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.mergeCells('B2:C3');
    ws.getCell('B2').value = 10;
    const base: Omit<Finding, 'cell' | 'severity' | 'message'> = { rule: 'sum.row', sheet: '表1' };
    const n = markWorkbook(wb, [
      { ...base, cell: 'C3', severity: 'warning', message: '甲' },
      { ...base, cell: '$B$2', severity: 'error', message: '乙' },
      { ...base, cell: 'Z9', severity: 'warning', message: '丙', sheet: '没有这个表' },
    ]);
    expect(n).toBe(1);
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.getCell('B2').note).toBe('校核：甲\n校核：乙');
  });

  it('tells the same file under another name', async () => {
    const file = path.join(FIXTURES, 'seed001-issued.xlsx');
    expect(await isSameFile(file, path.join(FIXTURES, '..', 'fixtures', 'seed001-issued.xlsx'))).toBe(true);
    expect(await isSameFile(file, path.join(FIXTURES, 'seed003-allocation.xlsx'))).toBe(false);
    expect(await isSameFile(file, path.join(FIXTURES, 'not-there.xlsx'))).toBe(false);
  });
});
