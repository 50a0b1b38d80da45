import * as fs from 'fs';
import * as path from 'path';
import { CellData, Grid, gridFromRows } from '../../src/core/grid';
import type { Finding } from '../../src/core/types';
import type { SheetPlan } from '../../src/core/plan';
import { DemoHost } from '../../src/hosts/demo/DemoHost';
import { DemoWorkbook, MARK_FILL, displayText } from '../../src/hosts/demo/workbook';
import { readXlsxBuffer } from '../../src/hosts/file/xlsxBytes';

function finding(sheet: string, cell: string, message: string, severity: Finding['severity'] = 'error'): Finding {
  return { rule: 'sum.column', severity, sheet, cell, message };
}

function snapshot(wb: DemoWorkbook): string {
  return JSON.stringify(wb.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges, marks: [...s.marks] })));
}

function bookWithStyles(): DemoWorkbook {
  const grid = new Grid({
    name: '表1',
    cells: [
      [{ value: '项目' }, { value: '金额' }],
      [{ value: '甲' }, { value: 1.5, numberFormat: '0.00', text: '1.50' }],
      [{ value: '乙' }, { value: 2, numberFormat: '0.00', text: '2.00' }],
      [{ value: '合计' }, { value: 3.6, numberFormat: '0.00', text: '3.60' }],
    ],
    merges: [],
  });
  const wb = DemoWorkbook.fromGrids([grid, gridFromRows('表2', [['x', 1]])], 'book.xlsx');
  // A cell with its own fill and note, and one with a white fill: clear must bring both back exactly.
  wb.sheets[0].rows[3][1]!.style = { fill: '#FFFFFF', bold: true };
  wb.sheets[0].rows[2][1]!.style = { fill: '#00B050' };
  wb.sheets[0].rows[2][1]!.note = '原有批注';
  return wb;
}

describe('DemoWorkbook + DemoHost', () => {
  test('reads the active sheet as a Grid with values, text, formats and merges, in chunks with progress', async () => {
    const rows: (CellData | undefined)[][] = [];
    for (let r = 0; r < 25; r++) rows.push([{ value: `r${r}` }, { value: r, numberFormat: '0.00', text: `${r}.00` }]);
    const wb = DemoWorkbook.fromGrids([new Grid({ name: 'S', cells: rows, merges: [{ top: 0, left: 0, bottom: 1, right: 0 }] })]);
    const host = new DemoHost(wb, { chunkRows: 10 });
    const progress: [number, number][] = [];
    const grid = await host.readActiveSheet((d, t) => progress.push([d, t]));
    expect(progress).toEqual([
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(grid.name).toBe('S');
    expect(grid.rowCount).toBe(25);
    expect(grid.text(24, 1)).toBe('24.00');
    expect(grid.amount(24, 1)!.decimals).toBe(2);
    expect(grid.mergeAt(1, 0)).toEqual({ top: 0, left: 0, bottom: 1, right: 0 });
  });

  test('the Grid it returns is a copy: marking afterwards does not change it', async () => {
    const wb = bookWithStyles();
    const host = new DemoHost(wb);
    const grid = await host.readActiveSheet();
    await host.markFindings([finding('表1', 'B4', '合计不符')]);
    expect(grid.cell(3, 1)).toEqual({ value: 3.6, numberFormat: '0.00', text: '3.60' });
  });

  test('mark paints and notes; clear restores fills (none, white, own colour) and notes exactly', async () => {
    const wb = bookWithStyles();
    const before = snapshot(wb);
    const host = new DemoHost(wb);
    const n = await host.markFindings([
      finding('表1', 'B4', '合计 3.60 ≠ 3.50'),
      finding('表1', 'B3', '指标值缺少单位', 'warning'),
      finding('表1', 'A2', '名称不符', 'warning'),
      finding('表1', 'B4', '第二条说明'),
      finding('表1', 'D9', '空单元格上的标记'),
    ]);
    expect(n).toBe(4);
    const s = wb.sheets[0];
    expect(s.rows[3][1]!.style).toEqual({ fill: MARK_FILL.error, bold: true });
    expect(s.rows[3][1]!.note).toBe('合计 3.60 ≠ 3.50\n第二条说明');
    expect(s.rows[2][1]!.style!.fill).toBe(MARK_FILL.warning);
    expect(s.rows[2][1]!.note).toBe('原有批注\n指标值缺少单位');
    expect(s.rows[1][0]!.style!.fill).toBe(MARK_FILL.warning);
    expect(s.rows[8][3]!.note).toBe('空单元格上的标记');
    expect(wb.markCount()).toBe(4);

    // Marking again (a second check) must not lose the originals.
    await host.markFindings([finding('表1', 'B4', '合计 3.60 ≠ 3.50')]);
    expect(await host.clearMarks()).toBe(4);
    expect(snapshot(wb)).toBe(before);
    expect(await host.clearMarks()).toBe(0);
  });

  test('a warning then an error on one cell ends red; clear still restores', async () => {
    const wb = bookWithStyles();
    const before = snapshot(wb);
    const host = new DemoHost(wb);
    await host.markFindings([finding('表1', 'A1', 'w', 'warning'), finding('表1', 'A1', 'e', 'error')]);
    expect(wb.sheets[0].rows[0][0]!.style!.fill).toBe(MARK_FILL.error);
    await host.clearMarks();
    expect(snapshot(wb)).toBe(before);
  });

  test('a finding on an unknown sheet throws before anything is painted', async () => {
    const wb = bookWithStyles();
    const before = snapshot(wb);
    const host = new DemoHost(wb);
    await expect(host.markFindings([finding('表1', 'B4', 'x'), finding('没有这张表', 'A1', 'y')])).rejects.toThrow('找不到工作表');
    expect(snapshot(wb)).toBe(before);
  });

  test('selectCell activates the sheet, selects a merge whole, and reports the selection', async () => {
    const grid = new Grid({ name: 'M', cells: [[{ value: '标题' }], [], [{ value: 1 }]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] });
    const wb = DemoWorkbook.fromGrids([gridFromRows('A', [[1]]), grid]);
    const host = new DemoHost(wb);
    let notified = 0;
    wb.subscribe(() => notified++);
    await host.selectCell('M', 'B1');
    expect(wb.activeSheet).toBe(1);
    expect(await host.getSelection()).toEqual({ sheet: 'M', address: 'A1:C1', top: 0, left: 0, rowCount: 1, colCount: 3 });
    await host.selectCell('M', 'a3');
    expect((await host.getSelection()).address).toBe('A3');
    expect(notified).toBe(2);
    await expect(host.selectCell('无', 'A1')).rejects.toThrow('找不到工作表“无”');
    await expect(host.selectCell('M', 'ZZZZ0')).rejects.toThrow('不是有效的单元格地址');
  });

  test('insertAtSelection writes values at the selection, numbers shown with the cell format', async () => {
    const wb = bookWithStyles();
    const host = new DemoHost(wb);
    await host.selectCell('表1', 'B2');
    await host.insertAtSelection([[12.345], [null]]);
    expect(wb.sheets[0].rows[1][1]).toMatchObject({ value: 12.345, text: '12.35', numberFormat: '0.00' });
    expect(wb.sheets[0].rows[2][1]!.value).toBeNull();
    expect(displayText(wb.sheets[0].rows[2][1])).toBe('');
    await host.writeCells('表2', 'C1', [['2101101', '行政运行']]);
    expect(displayText(wb.sheets[1].rows[0][3])).toBe('行政运行');
  });

  test('addSheet renders a plan as a new, active tab with a unique name', async () => {
    const wb = bookWithStyles();
    const host = new DemoHost(wb);
    const plan: SheetPlan = {
      name: '表2',
      cells: [
        { row: 0, col: 0, value: '项目支出绩效目标表', style: { bold: true, horizontal: 'center' } },
        { row: 2, col: 1, value: 99.96, style: { numberFormat: '0.00' } },
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      columnWidths: [12, 12, 30, 12],
    };
    const name = await host.addSheet(plan);
    expect(name).toBe('表2 (2)');
    expect(wb.active.name).toBe('表2 (2)');
    expect(displayText(wb.active.rows[2][1])).toBe('99.96');
    const grid = await host.readActiveSheet();
    expect(grid.text(0, 0)).toBe('项目支出绩效目标表');
    expect(grid.mergeAt(0, 3)).toEqual({ top: 0, left: 0, bottom: 0, right: 3 });
  });

  test('loads the sample workbook the demo page opens by default', async () => {
    const file = path.join(__dirname, '../../assets/sample/seed004-department-budget.xlsx');
    const book = await readXlsxBuffer(new Uint8Array(fs.readFileSync(file)), 'seed004-department-budget.xlsx');
    const wb = DemoWorkbook.fromGrids(book.sheets, 'seed004-department-budget.xlsx', book.activeSheet);
    const names = wb.sheets.map((s) => s.name);
    expect(names).toContain('表2 收入总体');
    await new DemoHost(wb).selectCell('表2 收入总体', 'E15');
    const grid = await new DemoHost(wb).readActiveSheet();
    expect(grid.name).toBe('表2 收入总体');
    const original = book.sheets.find((g) => g.name === '表2 收入总体')!;
    expect(grid.text(14, 4)).toBe(original.text(14, 4));
    expect(grid.merges).toEqual(original.merges);
  });
});
