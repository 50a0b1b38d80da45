/** WpsHost against the fake ET: reading quirks, marks, selection, writes, sheets from plans, ScreenUpdating. */
import { Grid, gridFromRows } from '../../src/core/grid';
import type { Finding } from '../../src/core/types';
import type { SheetPlan } from '../../src/core/plan';
import { WpsHost } from '../../src/hosts/wps';
import { VERIFIED_FILL } from '../../src/hosts/host';
import { hexToBgr } from '../../src/hosts/wps/et';
import { COMMENT_PREFIX, MARKS_SHEET } from '../../src/hosts/wps/etMarks';
import { FakeApplication, FakeEtOptions, FakeWorksheet, snapshotLooks } from './fakeEt';

function appWith(rows: (string | number | null)[][], options: FakeEtOptions = {}, name = '表1'): FakeApplication {
  return FakeApplication.fromGrids([gridFromRows(name, rows)], 0, options);
}

function finding(cell: string, sheet = '表1', severity: 'error' | 'warning' = 'error'): Finding {
  return { rule: 'sum.column', severity, sheet, cell, message: `${cell} 合计不等于明细之和` };
}

const MODES: [string, FakeEtOptions][] = [
  ['properties', { memberStyle: 'property' }],
  ['methods, 1-D arrays', { memberStyle: 'method', arrayShape: '1d' }],
];

describe.each(MODES)('reading a sheet (%s)', (_label, options) => {
  it('turns dates into their display text, CVErr codes into errors, and keeps formulas with cached values', async () => {
    const app = appWith(
      [
        ['项目', '日期', '金额'],
        ['甲', null, 10],
        ['乙', null, 20],
        ['合计', null, 30],
      ],
      options,
    );
    const ws = app.workbook.sheets[0];
    const date = ws.cellAt(1, 1, true);
    date.value = 45000;
    date.numberFormat = 'yyyy-mm-dd';
    date.text = '2023-03-15';
    const err = ws.cellAt(2, 1, true);
    err.value = -2146826281;
    err.text = '#DIV/0!';
    const total = ws.cellAt(3, 2, true);
    total.formula = '=SUM(C2:C3)';
    const grid = await new WpsHost({ application: app }).readActiveSheet();
    expect(grid.cell(1, 1)).toMatchObject({ value: '2023-03-15', text: '2023-03-15', numberFormat: 'yyyy-mm-dd' });
    expect(grid.error(2, 1)).toBe('#DIV/0!');
    expect(grid.cell(3, 2)).toMatchObject({ value: 30, formula: '=SUM(C2:C3)' });
    expect(grid.amount(3, 2)?.value.toString()).toBe('30');
  });

  it('reads hidden rows and columns, and a used range that does not start at A1', async () => {
    const app = new FakeApplication(options);
    const ws = app.workbook.addSheetFromGrid(
      new Grid({
        name: '下达表',
        cells: [[], [], [undefined, undefined, { value: '单位' }, { value: '金额' }], [undefined, undefined, { value: '甲' }, { value: 5 }]],
      }),
    );
    ws.hiddenRows.add(3);
    ws.hiddenCols.add(2);
    const grid = await new WpsHost({ application: app }).readActiveSheet();
    expect(grid.text(2, 2)).toBe('单位');
    expect(grid.amount(3, 3)?.value.toString()).toBe('5');
    expect([...grid.hiddenRows]).toEqual([3]);
    expect([...grid.hiddenCols]).toEqual([2]);
    expect(app.totalCalls('Hidden')).toBe(0);
  });

  it('falls back to asking each row when SpecialCells is missing or nothing is visible', async () => {
    const app = new FakeApplication(options);
    const ws = app.workbook.addSheetFromGrid(gridFromRows('表', [['a', 'b'], ['c', 'd'], ['e', 'f']]));
    ws.hiddenRows.add(0).add(1).add(2);
    ws.hiddenCols.add(1);
    const grid = await new WpsHost({ application: app }).readActiveSheet();
    expect([...grid.hiddenRows]).toEqual([0, 1, 2]);
    expect([...grid.hiddenCols]).toEqual([1]);
    expect(app.totalCalls('Hidden')).toBe(3 + 2);
  });
});

describe('reading a large sheet stays bulk', () => {
  it('reads 5 000 rows × 15 columns with merged title/header in a few hundred calls, not per cell', async () => {
    const rows: (string | number | null)[][] = [['2025年资金分配表', ...new Array(14).fill(null)], ['单位', '合计', ...new Array(13).fill('其中')]];
    for (let r = 0; r < 5000; r++) rows.push([`单位${r}`, ...Array.from({ length: 14 }, (_, c) => r + c)]);
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 14 },
      { top: 1, left: 2, bottom: 1, right: 14 },
    ];
    const app = FakeApplication.fromGrids([gridFromRows('大表', rows, merges)], 0);
    const ws = app.workbook.sheets[0];
    // Amount columns formatted "#,##0.00", the label column General: a mixed NumberFormat.
    ws.Range('B3:O5002').NumberFormat = '#,##0.00';
    const host = new WpsHost({ application: app });
    const started = Date.now();
    const grid = await host.readActiveSheet();
    const ms = Date.now() - started;
    expect(grid.merges).toEqual(merges);
    expect(grid.cell(4000, 5)?.numberFormat).toBe('#,##0.00');
    expect(grid.cell(4000, 0)?.numberFormat).toBeUndefined();
    expect(app.totalCalls('Value2', 'Formula')).toBe(2);
    expect(app.totalCalls('Value2.cell', 'Formula.cell', 'Text')).toBe(0);
    const cellScaled = app.totalCalls('NumberFormat', 'NumberFormat.cell', 'IndentLevel', 'IndentLevel.cell', 'MergeCells', 'MergeCells.cell', 'MergeArea');
    expect(cellScaled).toBeLessThan(500);
    // Hidden rows/columns come from SpecialCells(visible), not row by row.
    expect(app.totalCalls('Hidden')).toBe(0);
    expect(app.totalCalls('SpecialCells')).toBe(1);
    expect(host.lastReadStats.calls).toBeLessThan(500);
    if (process.env.WPS_CALLS) console.log(`5002×15: ${cellScaled} attribute/merge calls, ${host.lastReadStats.calls} total, ${ms} ms (fake ET)`);
  });
});

describe('marks', () => {
  function decorated(): FakeApplication {
    const app = appWith([
      ['项目', '金额', '备注'],
      ['甲', 10, null],
      ['乙', 20, null],
      ['合计', 31, null],
    ]);
    const ws = app.workbook.sheets[0];
    (ws.Range('B2').Interior as Record<string, number>).Color = hexToBgr('#FFFFFF');
    (ws.Range('B3').Interior as Record<string, number>).Color = hexToBgr('#92D050');
    ws.Range('B4').AddComment('张三：请复核');
    return app;
  }

  it('fills, annotates, and clear restores none / white / colour and the officer’s own note', async () => {
    const app = decorated();
    const before = snapshotLooks(app);
    const host = new WpsHost({ application: app });
    const n = await host.markFindings([finding('B2'), finding('B3', '表1', 'warning'), finding('B4'), finding('A4')]);
    expect(n).toBe(4);
    const ws = app.workbook.sheets[0];
    expect(ws.cellAt(1, 1)!.interior.color).toBe(hexToBgr('#FFC7CE'));
    expect(ws.cellAt(2, 1)!.interior.color).toBe(hexToBgr('#FFEB9C'));
    expect(ws.cellAt(3, 1)!.comment!.text).toBe(`张三：请复核\n\n${COMMENT_PREFIX}B4 合计不等于明细之和`);
    expect(ws.cellAt(3, 0)!.comment!.text).toBe(`${COMMENT_PREFIX}A4 合计不等于明细之和`);
    expect(await host.clearMarks()).toBe(4);
    expect(snapshotLooks(app)).toEqual(before);
    const a4 = ws.cellAt(3, 0)!;
    expect(a4.interior).toEqual({ color: 0xffffff, colorIndex: -4142, pattern: -4142, patternColor: 0 });
  });

  it('puts several findings on one cell into one note, with the worst severity’s colour', async () => {
    const app = decorated();
    await new WpsHost({ application: app }).markFindings([finding('B4', '表1', 'warning'), { ...finding('B4'), message: '第二条' }]);
    const c = app.workbook.sheets[0].cellAt(3, 1)!;
    expect(c.interior.color).toBe(hexToBgr('#FFC7CE'));
    expect(c.comment!.text).toContain(`${COMMENT_PREFIX}B4 合计不等于明细之和\n第二条`);
  });

  it('leaves a note the officer rewrote after marking, and skips findings on sheets that do not exist', async () => {
    const app = decorated();
    const host = new WpsHost({ application: app });
    expect(await host.markFindings([finding('A2'), finding('B2', '不存在的表')])).toBe(1);
    const ws = app.workbook.sheets[0];
    ws.cellAt(1, 0)!.comment!.text = '已核实，数据无误';
    await host.clearMarks();
    expect(ws.cellAt(1, 0)!.comment?.text).toBe('已核实，数据无误');
  });

  it('keeps the record of a renamed sheet for a later clear, and deletes the record sheet when all are cleared', async () => {
    const app = decorated();
    const host = new WpsHost({ application: app });
    await host.markFindings([finding('B2')]);
    const ws = app.workbook.sheets[0];
    ws.name = '改名后';
    expect(await host.clearMarks()).toBe(0);
    expect(app.workbook.sheets.some((s) => s.name === MARKS_SHEET)).toBe(true);
    ws.name = '表1';
    expect(await host.clearMarks()).toBe(1);
    expect(app.workbook.sheets.some((s) => s.name === MARKS_SHEET)).toBe(false);
  });

  it('keeps sheet names and comment text that look like numbers or formulas in the record', async () => {
    const app = FakeApplication.fromGrids([gridFromRows('2024', [['合计', 1]])], 0);
    const ws = app.workbook.sheets[0];
    ws.Range('B1').AddComment('=这不是公式');
    const host = new WpsHost({ application: app });
    await host.markFindings([finding('B1', '2024')]);
    expect(await new WpsHost({ application: app }).clearMarks()).toBe(1);
    expect(ws.cellAt(0, 1)!.comment!.text).toBe('=这不是公式');
  });

  it('restores ScreenUpdating when marking fails half way (protected sheet), and keeps it off if it was off', async () => {
    const app = decorated();
    const before = snapshotLooks(app);
    app.workbook.sheets[0].protected_ = true;
    const host = new WpsHost({ application: app });
    await expect(host.markFindings([finding('A2')])).rejects.toThrow('无法在单元格上标记（工作表可能受保护');
    expect(app.ScreenUpdating).toBe(true);
    // The fill painted before the note failed is recorded, so clearing puts it back.
    app.workbook.sheets[0].protected_ = false;
    expect(app.workbook.sheets[0].cellAt(1, 0)!.interior.color).toBe(hexToBgr('#FFC7CE'));
    expect(await host.clearMarks()).toBe(1);
    expect(snapshotLooks(app)).toEqual(before);
    app.ScreenUpdating = false;
    await host.markFindings([finding('A2')]);
    expect(app.ScreenUpdating).toBe(false);
    expect(app.screenUpdatingLog.slice(-2)).toEqual([false, false]);
  });
});

describe('selection and writes', () => {
  it('selects a cell on another sheet by activating it first', async () => {
    const app = FakeApplication.fromGrids([gridFromRows('表1', [['a']]), gridFromRows('表2', [['b']])], 0, { memberStyle: 'method' });
    const host = new WpsHost({ application: app });
    await host.selectCell('表2', 'C5');
    expect(app.workbook.active.name).toBe('表2');
    expect(await host.getSelection()).toEqual({ sheet: '表2', address: 'C5', top: 4, left: 2, rowCount: 1, colCount: 1 });
    await host.selectCell('表1', '表1!B2:D4');
    expect(await host.getSelection()).toMatchObject({ sheet: '表1', address: 'B2:D4', rowCount: 3, colCount: 3 });
    await expect(host.selectCell('没有这张表', 'A1')).rejects.toThrow('找不到工作表“没有这张表”');
  });

  it('asks for a selection when there is none', async () => {
    const app = appWith([['a']]);
    await expect(new WpsHost({ application: app }).getSelection()).rejects.toThrow('请先在工作表中选中单元格');
  });

  it('inserts at the selection, keeping codes with leading zeros as text', async () => {
    const app = appWith([['科目编码', '科目名称']]);
    const host = new WpsHost({ application: app });
    await host.selectCell('表1', 'A2');
    await host.insertAtSelection([
      ['2101501', '行政运行'],
      ['0101', null],
    ]);
    const ws = app.workbook.sheets[0];
    expect(ws.cellAt(1, 0)!.value).toBe(2101501);
    expect(ws.cellAt(1, 1)!.value).toBe('行政运行');
    expect(ws.cellAt(2, 0)!.value).toBe('0101');
    expect(app.ScreenUpdating).toBe(true);
  });

  it('writes a single cell, and restores ScreenUpdating when a write throws', async () => {
    const app = appWith([['a']]);
    const host = new WpsHost({ application: app });
    await host.writeCells('表1', 'D4', [[42]]);
    expect(app.workbook.sheets[0].cellAt(3, 3)!.value).toBe(42);
    app.workbook.sheets[0].protected_ = true;
    await expect(host.writeCells('表1', 'A1', [['x', 'y']])).rejects.toThrow('受保护');
    expect(app.ScreenUpdating).toBe(true);
    await expect(host.writeCells(MARKS_SHEET, 'A1', [['x']])).rejects.toThrow('不能写入');
  });
});

describe('addSheet from a SheetPlan', () => {
  const plan: SheetPlan = {
    name: '绩效目标表',
    cells: [
      { row: 0, col: 0, value: '项目支出绩效目标表', style: { bold: true, fontSize: 16, horizontal: 'center' } },
      { row: 1, col: 0, value: '项目名称', style: { border: true, fill: '#DDEBF7' } },
      { row: 1, col: 1, value: '能力提升', style: { border: true } },
      { row: 2, col: 0, value: '编码', style: { numberFormat: '@' } },
      { row: 2, col: 1, value: '0101', style: { numberFormat: '@' } },
      { row: 3, col: 0, value: 12.5, style: { numberFormat: '0.00', horizontal: 'right' } },
      { row: 3, col: 1, value: null, formula: '=A4*2' },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    columnWidths: [12, 30, 0, 8],
    rowHeights: { 0: 28 },
    defaultFont: { name: '仿宋_GB2312', size: 12 },
    page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
  };

  it.each([
    ['Add returns the sheet', { addReturnsSheet: true }],
    ['Add returns nothing, methods', { addReturnsSheet: false, memberStyle: 'method' as const }],
  ])('renders values, merges, styles, widths and page setup (%s)', async (_l, options) => {
    const app = FakeApplication.fromGrids([gridFromRows('表1', [['x']]), gridFromRows('绩效目标表', [['y']])], 0, options);
    const name = await new WpsHost({ application: app }).addSheet(plan);
    expect(name).toBe('绩效目标表(2)');
    const ws = app.workbook.active as FakeWorksheet;
    expect(ws.name).toBe(name);
    expect(app.workbook.sheets.indexOf(ws)).toBe(2);
    expect(ws.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    const title = ws.cellAt(0, 0)!;
    expect(title.value).toBe('项目支出绩效目标表');
    expect(title.font).toEqual({ bold: true, size: 16, name: '仿宋_GB2312' });
    expect(title.hAlign).toBe(-4108);
    expect(ws.cellAt(1, 0)!.border).toEqual({ lineStyle: 1, weight: 2 });
    expect(ws.cellAt(1, 0)!.interior.color).toBe(hexToBgr('#DDEBF7'));
    expect(ws.cellAt(2, 1)!.value).toBe('0101');
    expect(ws.cellAt(3, 0)!).toMatchObject({ value: 12.5, numberFormat: '0.00', hAlign: -4152 });
    expect(ws.cellAt(3, 1)!.formula).toBe('=A4*2');
    expect(ws.columnWidths.get(0)).toBe(12);
    expect(ws.columnWidths.get(1)).toBe(30);
    expect(ws.columnWidths.has(2)).toBe(false);
    expect(ws.rowHeights.get(0)).toBe(28);
    expect(ws.pageSetup).toMatchObject({ Orientation: 2, PaperSize: 9, Zoom: false, FitToPagesWide: 1, FitToPagesTall: false });
    expect(app.ScreenUpdating).toBe(true);
  });

  it('makes a sheet name ET accepts, and restores ScreenUpdating when adding fails', async () => {
    const app = appWith([['x']]);
    const host = new WpsHost({ application: app });
    expect(await host.addSheet({ ...plan, name: '2025/绩效:目标[表]*？这个名字很长很长很长很长很长很长很长很长' })).toMatch(/^2025_绩效_目标_表_/);
    expect(app.workbook.active.name.length).toBeLessThanOrEqual(31);
    app.workbook.Worksheets.Add = () => {
      throw new Error('工作簿受保护，不能添加工作表');
    };
    await expect(host.addSheet(plan)).rejects.toThrow('工作簿受保护');
    expect(app.ScreenUpdating).toBe(true);
  });
});

describe('progress', () => {
  it('reports reading progress in rows, from 0 to all of them', async () => {
    const app = appWith([['a'], ['b'], ['c']]);
    const seen: [number, number][] = [];
    await new WpsHost({ application: app }).readActiveSheet((done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [0, 3],
      [3, 3],
    ]);
  });
});

describe('the read follows the values, not the formatted extent', () => {
  it('a column formatted down to row 200,000 does not make the read 200,000 rows: only up to the last value', async () => {
    const app = appWith([
      ['项目', '金额'],
      ['甲', 1],
      ['合计', 1],
    ]);
    const ws = app.workbook.sheets[0];
    ws.Range('B1:B3').NumberFormat = '#,##0.00';
    ws.cellAt(199_999, 2, true).numberFormat = '#,##0.00';
    expect(ws.usedBounds()).toEqual({ top: 0, left: 0, bottom: 199_999, right: 2 });
    const ranges = jest.spyOn(ws, 'Range');
    const grid = await new WpsHost({ application: app }).readActiveSheet();
    // Values and formulas come from the block up to the last value (Cells.Find), not from UsedRange.
    expect(ranges.mock.calls.map(([a]) => a)).toContain('A1:B3');
    expect([grid.rowCount, grid.colCount]).toEqual([3, 2]);
    expect(grid.cell(2, 1)).toMatchObject({ value: 1, numberFormat: '#,##0.00' });
    expect(app.totalCalls('Value2', 'Formula')).toBe(2);
  });
});

describe.each(MODES)('readAllSheets: 校验整个工作簿 (%s)', (_label, options) => {
  it('reads every visible sheet in tab order with progress, not hidden sheets', async () => {
    const app = FakeApplication.fromGrids([gridFromRows('表1', [['项目', '金额'], ['甲', 1]]), gridFromRows('隐藏', [['x', 2]]), gridFromRows('表2', [['项目', '金额'], ['乙', 2], ['合计', 2]])], 0, options);
    app.workbook.sheets[1].visible = 0;
    const progress: string[] = [];
    const grids = await new WpsHost({ application: app }).readAllSheets((sheet, index, total) => progress.push(`${index}/${total} ${sheet}`));
    expect(grids.map((g) => [g.name, g.rowCount])).toEqual([
      ['表1', 2],
      ['表2', 3],
    ]);
    expect(progress).toEqual(['1/2 表1', '2/2 表2']);
    expect(grids[1].text(2, 0)).toBe('合计');
  });
});

describe('ignored findings, verified totals, reading cells', () => {
  const rows = [
    ['项目', '金额'],
    ['甲', 1],
    ['乙', 2],
    ['合计', 4],
  ];

  it('the ignored list is kept in the record sheet next to the marks: survives clearing every mark and a new host', async () => {
    const app = appWith(rows);
    const host = new WpsHost({ application: app });
    const item = { sheet: '表1', cell: 'B4', rule: 'sum.column' as const, message: '此处合计口径不同' };
    await host.writeIgnored([item]);
    expect(app.workbook.sheets.some((s) => s.name === MARKS_SHEET)).toBe(true);
    await host.markFindings([finding('B2')]);
    expect(await new WpsHost({ application: app }).readIgnored()).toEqual([item]);
    await host.clearMarks();
    expect(await new WpsHost({ application: app }).readIgnored()).toEqual([item]);
    await host.writeIgnored([]);
    expect(await host.readIgnored()).toEqual([]);
    expect(app.workbook.sheets.map((s) => s.name)).toEqual(['表1']);
  });

  it('显示已核对 paints the verified fill without a comment; 清除标记 restores the cell', async () => {
    const app = appWith(rows);
    const host = new WpsHost({ application: app });
    const before = snapshotLooks(app);
    expect(await host.markVerified([{ sheet: '表1', cell: 'B2' }])).toBe(1);
    const cell = app.workbook.sheets[0].cellAt(1, 1)!;
    expect(cell.interior.color).toBe(hexToBgr(VERIFIED_FILL));
    expect(cell.comment).toBeUndefined();
    await host.clearMarks();
    expect(snapshotLooks(app)).toEqual(before);
  });

  it('readCells gives a block of values as text, for the overwrite check', async () => {
    const host = new WpsHost({ application: appWith(rows) });
    expect(await host.readCells('表1', 'A1:B2')).toEqual([
      ['项目', '金额'],
      ['甲', '1'],
    ]);
    expect(await host.readCells('表1', 'A3')).toEqual([['乙']]);
  });
});

describe('a sheet whose content range is too large to read', () => {
  it('a stray value at XFD1048576: refused with a Chinese reason before any cell is read', async () => {
    const app = appWith([['项目', '金额'], ['甲', 1]]);
    app.workbook.active.cellAt(1_048_575, 16_383, true).value = 'x';
    await expect(new WpsHost({ application: app }).readActiveSheet()).rejects.toThrow(
      /工作表“表1”的内容范围为 A1:XFD1048576（1,048,576 行 × 16,384 列），超过可读取的 500 万个单元格.*Ctrl\+End/,
    );
  });

  it('in 校验整个工作簿 only that sheet is left out, saying why', async () => {
    const app = FakeApplication.fromGrids([gridFromRows('表1', [['项目', '金额'], ['甲', 1]]), gridFromRows('表2', [['项目', '金额'], ['乙', 2]])], 0);
    app.workbook.sheets[0].cellAt(1_048_575, 16_383, true).value = 'x';
    const grids = await new WpsHost({ application: app }).readAllSheets();
    expect(grids.map((g) => [g.name, g.rowCount])).toEqual([
      ['表1', 0],
      ['表2', 2],
    ]);
    expect(grids[0].unread).toMatch(/^未校验：工作表“表1”的内容范围为 A1:XFD1048576/);
    expect(grids[1].unread).toBeUndefined();
  });
});
