import * as path from 'path';
import ExcelJS from 'exceljs';
import { jiaohe, tempDir } from './helpers';

const ROWS = 100_000;

/** A classification-style sheet of 100,000 item rows under one 合计 row, written with the streaming writer. */
async function writeLargeBook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('大表');
  ws.addRow(['单位：万元']).commit();
  ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '项目支出']).commit();
  ws.addRow(['', '合计', ROWS * 3, ROWS, ROWS * 2]).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow([String(2080000 + (i % 9999)), `项目${i}`, 3, 1, 2]).commit();
  ws.commit();
  await wb.commit();
}

describe('a sheet of 100,000 rows', () => {
  it('is checked, not refused', async () => {
    const dir = await tempDir('jiaohe-large-');
    const file = path.join(dir, 'large.xlsx');
    await writeLargeBook(file);
    const started = Date.now();
    const r = await jiaohe(['check', file, '--format', 'json']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout);
    expect(out.sheets).toHaveLength(1);
    expect(out.sheets[0].name).toBe('大表');
    expect(out.sheets[0].notice).toBeUndefined();
    expect(seconds).toBeLessThan(30);
  }, 60_000);
});
