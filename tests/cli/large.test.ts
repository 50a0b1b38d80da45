import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { jiaohe, tempDir } from './helpers';

const ROWS = 100_000;
/** 0-based body index of the one planted mismatch, deep in the sheet so a truncated check would miss it. */
const PLANTED = 87_654;
const FIRST_BODY_ROW = 5;

/**
 * A 100,000-row detail list (序号 | 单位名称 | 合计 | 基本支出 | 项目支出) under a 合计 row, written with the streaming
 * writer. Amounts are integer cents so every total is exact; one row's 合计 is off by 0.01.
 */
async function writeLargeBook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('明细');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '2025年各单位支出明细表';
  ws.getCell('E2').value = '单位：万元';
  ws.getRow(3).values = ['序号', '单位名称', '合计', '基本支出', '项目支出'];
  let basicTotal = 0;
  let projectTotal = 0;
  const rows: [number, number][] = [];
  for (let i = 0; i < ROWS; i++) {
    const basic = 100 + ((i * 7919) % 100_000);
    const project = (i * 104_729) % 50_000;
    rows.push([basic, project]);
    basicTotal += basic;
    projectTotal += project;
  }
  const fmt = '#,##0.00';
  const total = ws.getRow(4);
  total.values = [null, '合计', (basicTotal + projectTotal) / 100, basicTotal / 100, projectTotal / 100];
  for (let c = 3; c <= 5; c++) total.getCell(c).numFmt = fmt;
  total.commit();
  rows.forEach(([basic, project], i) => {
    const stated = basic + project + (i === PLANTED ? 1 : 0);
    const row = ws.getRow(FIRST_BODY_ROW + i);
    row.values = [i + 1, `单位${i + 1}`, stated / 100, basic / 100, project / 100];
    for (let c = 3; c <= 5; c++) row.getCell(c).numFmt = fmt;
    row.commit();
  });
  ws.commit();
  await wb.commit();
}

describe('a sheet of 100,000 rows', () => {
  it('is checked to its last row, not refused', async () => {
    const dir = await tempDir('jiaohe-large-');
    const file = path.join(dir, 'large.xlsx');
    await writeLargeBook(file);
    const r = await jiaohe(['check', file, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.sheets).toHaveLength(1);
    expect(out.sheets[0].notice).toBeUndefined();
    const cells = out.sheets[0].findings.map((f: { cell: string }) => f.cell);
    expect(cells).toContain(`C${FIRST_BODY_ROW + PLANTED}`);
    expect(r.code).toBe(1);
    // Speed is measured by `npm run bench engine`, not asserted here: timings in tests fail at random.
    await fs.rm(dir, { recursive: true, force: true });
  }, 300_000);
});
