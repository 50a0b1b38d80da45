/**
 * The officer's workflow in the pane's logic, on the demo host (the same calls Excel and WPS get): check 表2 of
 * seed004, ignore a finding (it stays out of the next check, the marks and the report), show verified totals,
 * export the report, clear; and the overwrite check before an insert.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { gridFromRows } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { FINDING_HEADER, REPORT_SHEETS } from '../../src/core/report';
import { VERIFIED_FILL } from '../../src/hosts/host';
import { DemoHost } from '../../src/hosts/demo/DemoHost';
import { DemoWorkbook, MARK_FILL } from '../../src/hosts/demo/workbook';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { bookFindings, headline, markOutcome, runBookCheck, runSheetCheck } from '../../src/taskpane/check/runCheck';
import { bookOutcomeBook, outcomeBook, reportXlsxBytes } from '../../src/taskpane/check/exportReport';
import { cellsToOverwrite, insertAtSelectionGuarded } from '../../src/taskpane/overwrite';
import { toIgnored } from '../../src/core/report/review';

const SEED004 = path.join(__dirname, '..', '..', 'assets', 'sample', 'seed004-department-budget.xlsx');
const SHEET2 = '表2 收入总体';

async function seed004(): Promise<{ wb: DemoWorkbook; host: DemoHost }> {
  const book = await readXlsxFile(SEED004);
  const wb = DemoWorkbook.fromGrids(book.sheets, 'seed004-department-budget.xlsx', book.sheets.findIndex((g) => g.name === SHEET2));
  return { wb, host: new DemoHost(wb) };
}

function fillOf(wb: DemoWorkbook, address: string): string | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return wb.active.rows[Number(m[2]) - 1]?.[col]?.style?.fill;
}

test('check 表2, ignore one finding: it stays out of the next check, of the marks and of the report', async () => {
  const { wb, host } = await seed004();
  const first = await runSheetCheck(host, DEFAULT_SETTINGS, undefined, { ignored: await host.readIgnored() });
  expect(first.kept).toHaveLength(9);
  const target = first.kept[0];
  expect(fillOf(wb, target.cell)).toBe(MARK_FILL[target.severity]);

  await host.writeIgnored([toIgnored(target)]);
  const again = await runSheetCheck(host, DEFAULT_SETTINGS, undefined, { ignored: await host.readIgnored() });
  expect(again.kept).toHaveLength(8);
  expect(again.ignored.map((f) => f.cell)).toEqual([target.cell]);
  expect(again.kept.some((f) => f.cell === target.cell && f.rule === target.rule)).toBe(false);
  // The ignored cell is no longer marked (unless another finding sits on it).
  if (!again.kept.some((f) => f.cell === target.cell)) expect(fillOf(wb, target.cell)).toBeUndefined();
  expect(headline(again)).toEqual({ key: 'summary.findings', vars: { count: 8 } });

  // 导出报告: the findings sheet lists the eight others.
  const bytes = await reportXlsxBytes(outcomeBook(again, wb.fileName));
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = x.getWorksheet(REPORT_SHEETS.findings)!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push(FINDING_HEADER.map((_h, i) => row.getCell(i + 1).text)));
  expect(rows[0]).toEqual([...FINDING_HEADER]);
  expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(again.kept.map((f) => f.cell).sort());
  const summary: string[] = [];
  x.getWorksheet(REPORT_SHEETS.summary)!.eachRow((row) => summary.push((row.values as unknown[]).slice(1).join('|')));
  expect(summary.find((l) => l.startsWith('seed004-department-budget.xlsx|'))!.split('|').slice(-1)).toEqual(['1']);

  // Restoring it brings it back at the next check.
  await host.writeIgnored([]);
  expect((await runSheetCheck(host, DEFAULT_SETTINGS, undefined, { ignored: await host.readIgnored() })).kept).toHaveLength(9);
});

test('显示已核对 marks the verified totals lightly, never a failed one; 清除标记 removes every mark', async () => {
  const { wb, host } = await seed004();
  const before = JSON.stringify(wb.active.rows);
  const outcome = await runSheetCheck(host, DEFAULT_SETTINGS, undefined, { showVerified: true });
  const verified = outcome.tables.flatMap((t) => t.verified);
  expect(verified.length).toBeGreaterThan(20);
  for (const cell of verified) expect(fillOf(wb, cell)).toBe(VERIFIED_FILL);
  for (const f of outcome.kept) expect(verified).not.toContain(f.cell);
  expect(outcome.tables[0].coverage.failed).toBe(new Set(outcome.kept.map((f) => f.cell)).size);
  // Toggled off: findings stay marked, verified totals lose their fill.
  await markOutcome(host, outcome, false);
  expect(fillOf(wb, verified[0])).toBeUndefined();
  expect(fillOf(wb, outcome.kept[0].cell)).toBe(MARK_FILL[outcome.kept[0].severity]);
  await markOutcome(host, outcome, true);
  await host.clearMarks();
  expect(JSON.stringify(wb.active.rows)).toBe(before);
});

test('the headline says what was checked: totals, 绩效目标表 only, or nothing understood', async () => {
  const totals = DemoWorkbook.fromGrids([
    gridFromRows('S', [
      ['项目', '合计', '基本支出', '项目支出'],
      ['甲', 10, 4, 6],
      ['乙', 20, 5, 15],
      ['合计', 30, 9, 21],
    ]),
  ]);
  const ok = await runSheetCheck(new DemoHost(totals), DEFAULT_SETTINGS);
  expect(headline(ok).key).toBe('summary.okTotals');
  expect(headline(ok).vars.count).toBeGreaterThan(0);

  const { wb } = await seed004();
  wb.activate(wb.sheetIndex('绩效-离休600'));
  const perf = await runSheetCheck(new DemoHost(wb), DEFAULT_SETTINGS);
  expect(perf.kept).toEqual([]);
  expect(headline(perf)).toEqual({ key: 'summary.okPerf', vars: { count: 1 } });

  const text = DemoWorkbook.fromGrids([gridFromRows('T', [['说明'], ['本表无数据'], ['另见附件']])]);
  expect(headline(await runSheetCheck(new DemoHost(text), DEFAULT_SETTINGS)).key).toMatch(/^summary\.(noTables|nothingChecked)$/);
});

test('an insert over non-empty cells asks first; a cancel leaves every cell as it was', async () => {
  const wb = DemoWorkbook.fromGrids([gridFromRows('S', [['指标', '指标值'], ['完成率', 6], [null, null]])]);
  const host = new DemoHost(wb);
  wb.select('S', 'A2');
  const before = JSON.stringify(wb.sheets[0].rows);
  const values = [['新指标', '≥95%'], ['另一个', '≤30分钟']];
  const o = await cellsToOverwrite(host, 'S', 1, 0, values);
  expect(o).toEqual({ sheet: 'S', range: 'A2:B3', cells: [{ cell: 'A2', text: '完成率' }, { cell: 'B2', text: '6' }] });
  const asked: string[] = [];
  expect(await insertAtSelectionGuarded(host, values, async (x) => (asked.push(x.range), false))).toBe(false);
  expect(asked).toEqual(['A2:B3']);
  expect(JSON.stringify(wb.sheets[0].rows)).toBe(before);
  expect(await insertAtSelectionGuarded(host, values, async () => true)).toBe(true);
  expect(wb.readText('S', 'A2:B3')).toEqual([['新指标', '≥95%'], ['另一个', '≤30分钟']]);
  // Empty target: written without asking.
  wb.select('S', 'D5');
  expect(await insertAtSelectionGuarded(host, values, async () => { throw new Error('asked'); })).toBe(true);
});

test('导出报告 after 校验整个工作簿: every sheet\'s findings and the cross-table ones, the ignored counted', async () => {
  const { host } = await seed004();
  const ignored = [toIgnored({ rule: 'sum.hierarchy', severity: 'hint', sheet: SHEET2, cell: 'G16', message: '口径不同' })];
  const book = await runBookCheck(host, DEFAULT_SETTINGS, undefined, { ignored });
  const all = bookFindings(book);
  expect(all.some((f) => f.sheet === SHEET2 && f.cell === 'G16')).toBe(false);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await reportXlsxBytes(bookOutcomeBook(book, 'seed004-department-budget.xlsx', ignored))) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  x.getWorksheet(REPORT_SHEETS.findings)!.eachRow((row, n) => n > 1 && rows.push([row.getCell(1).text, row.getCell(2).text]));
  expect(rows).toHaveLength(all.length);
  // Cells are plain addresses, their sheet in the sheet column (cross-table findings name Sheet!A1).
  for (const [sheet, cell] of rows) {
    expect(cell).toMatch(/^[A-Z]+\d+$/);
    expect(sheet).not.toBe('');
  }
  const summary: string[] = [];
  x.getWorksheet(REPORT_SHEETS.summary)!.eachRow((row) => summary.push((row.values as unknown[]).slice(1).join('|')));
  expect(summary.find((l) => l.startsWith('seed004-department-budget.xlsx|'))!.split('|').slice(-1)).toEqual(['1']);
});
