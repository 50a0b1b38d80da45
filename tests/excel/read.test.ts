import { FakeCell, FakeWorkbook, fakeExcel } from './fakeWorkbook';
import { ExcelHost } from '../../src/hosts/excel';
import { DEFAULT_BYTES_PER_CELL, DEFAULT_PAYLOAD_BUDGET, rowsPerChunk } from '../../src/hosts/excel/readPlan';
import { parseRange } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { runBookCheck } from '../../src/taskpane/check/runCheck';

/** "#,##0.00" display text, cheaply (formatNumber's exact decimals are not what this test is about). */
function money(v: number): string {
  const [i, f] = v.toFixed(2).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** A budget-table-like sheet: a label column, a 合计 column with a formula, eight amount columns. */
function budgetSheet(wb: FakeWorkbook, rows: number, name = '表1') {
  const sheet = wb.addSheet(name);
  sheet.generated = {
    top: 0,
    left: 0,
    rows,
    cols: 10,
    cell: (r: number, c: number): FakeCell => {
      if (r === 0) return { value: c === 0 ? '单位' : c === 1 ? '合计' : `类${c}` };
      if (c === 0) return { value: `单位${r}` };
      if (c === 1) return { value: r * 8 + 0.5, text: money(r * 8 + 0.5), formula: `=SUM(C${r + 1}:J${r + 1})`, numberFormat: '#,##0.00' };
      const v = ((r * 31 + c * 7) % 1000) + 0.25;
      return { value: v, text: money(v), numberFormat: '#,##0.00' };
    },
  };
  return sheet;
}

async function readWith(rows: number, options: { budget?: number; api?: string; maxCells?: number } = {}) {
  const wb = new FakeWorkbook();
  budgetSheet(wb, rows);
  if (options.maxCells) wb.maxCellsPerSync = options.maxCells;
  const fx = fakeExcel(wb, options.api ?? '1.18');
  const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported, payloadBudget: options.budget });
  const progress: [number, number][] = [];
  const grid = await host.readActiveSheet((done, total) => progress.push([done, total]));
  return { wb, host, grid, syncs: wb.syncCount, stats: host.lastReadStats!, progress };
}

describe('ExcelHost.readActiveSheet round trips (office-addin-mock)', () => {
  it('uses the same number of context.sync() calls for 10 rows and 10,000 rows × 10 columns', async () => {
    const small = await readWith(10);
    const large = await readWith(10_000);
    expect(small.syncs).toBe(2);
    expect(large.syncs).toBe(small.syncs);
    expect(large.stats.chunks).toBe(1);
    expect(large.grid.rowCount).toBe(10_000);
    expect(large.grid.colCount).toBe(10);
    expect(large.grid.text(9_999, 0)).toBe('单位9999');
    expect(large.grid.amount(9_999, 1)!.value.toString()).toBe('79992.5');
  });

  it('reads 200,000 rows in payload-sized chunks: one more round trip per chunk, nothing per row', async () => {
    const big = await readWith(200_000);
    const { stats } = big;
    expect(stats.chunks).toBeGreaterThan(1);
    expect(big.syncs).toBe(1 + stats.chunks);
    // The first chunk is sized from the budget; a heavier-than-estimated sheet only makes later chunks smaller.
    expect(stats.chunkRows).toBe(rowsPerChunk(10, DEFAULT_PAYLOAD_BUDGET, DEFAULT_BYTES_PER_CELL));
    expect(stats.chunks).toBeLessThanOrEqual(Math.ceil(200_000 / (stats.chunkRows * 0.8)));
    expect(big.grid.rowCount).toBe(200_000);
    expect(big.grid.text(199_999, 0)).toBe('单位199999');
    expect(big.grid.cell(123_456, 1)?.formula).toBe('=SUM(C123457:J123457)');
    // Progress: once before the first chunk, then after every chunk, ending at the total.
    expect(big.progress).toHaveLength(stats.chunks + 1);
    expect(big.progress[big.progress.length - 1]).toEqual([200_000, 200_000]);
  }, 120_000);

  it('chunks only because of the payload: a budget that fits the sheet reads it in two round trips', async () => {
    const chunked = await readWith(50_000);
    expect(chunked.syncs).toBe(1 + chunked.stats.chunks);
    expect(chunked.stats.chunks).toBeGreaterThan(1);
    const unlimited = await readWith(50_000, { budget: 1e12 });
    expect(unlimited.syncs).toBe(2);
    expect(unlimited.grid.text(49_999, 0)).toBe(chunked.grid.text(49_999, 0));
  }, 60_000);

  it('halves the chunk and retries when Excel still rejects a payload as too large', async () => {
    const r = await readWith(10_000, { maxCells: 30_000 });
    expect(r.grid.rowCount).toBe(10_000);
    expect(r.grid.text(9_999, 0)).toBe('单位9999');
    expect(r.stats.chunks).toBeGreaterThan(1);
  });
});

describe('ExcelHost.readActiveSheet → Grid', () => {
  function sheetAtB3() {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('表2', [
      ['部门收入总体情况表', null, null],
      ['项目', '金额', '日期'],
      ['合计', 1234.5, 45292],
      ['坏引用', '#REF!', null],
      ['窄列', 98765432.1, null],
    ], 'B3');
    sheet.cells.get('4,2')!.numberFormat = '#,##0.00';
    sheet.cells.get('4,2')!.formula = '=SUM(C7:C9)';
    sheet.cells.get('4,3')!.numberFormat = 'yyyy"年"m"月"d"日"';
    sheet.cells.get('4,3')!.text = '2024年1月1日';
    sheet.merges.push(parseRange('B3:D3'));
    sheet.hiddenRows.add(6);
    sheet.hiddenCols.add(3);
    return { wb, sheet };
  }

  it('keeps sheet coordinates, formulas, formats, errors, dates and merges', async () => {
    const { wb } = sheetAtB3();
    const fx = fakeExcel(wb, '1.18');
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const grid = await host.readActiveSheet();
    expect(grid.name).toBe('表2');
    expect(grid.text(2, 1)).toBe('部门收入总体情况表'); // B3
    expect(grid.isEmpty(0, 0)).toBe(true);
    const total = grid.cell(4, 2)!; // C5
    expect(total.formula).toBe('=SUM(C7:C9)');
    expect(total.numberFormat).toBe('#,##0.00');
    expect(grid.amount(4, 2)!.value.toString()).toBe('1234.5');
    expect(grid.amount(4, 2)!.decimals).toBe(2);
    expect(grid.error(5, 2)).toBe('#REF!');
    expect(grid.amount(5, 2)).toBeNull();
    // A date is its display text, not serial 45292.
    expect(grid.cell(4, 3)!.value).toBe('2024年1月1日');
    expect(grid.amount(4, 3)).toBeNull();
    expect(grid.merges).toEqual([parseRange('B3:D3')]);
    expect(grid.visibleText(2, 3)).toBe('部门收入总体情况表');
    expect([...grid.hiddenRows]).toEqual([6]);
    expect([...grid.hiddenCols]).toEqual([3]);
  });

  it('reads without merged areas on ExcelApi 1.1 and with the same two round trips', async () => {
    const { wb } = sheetAtB3();
    const fx = fakeExcel(wb, '1.1');
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const grid = await host.readActiveSheet();
    expect(wb.syncCount).toBe(2);
    expect(grid.merges).toEqual([]);
    expect(grid.hiddenRows.size).toBe(0); // row properties need ExcelApi 1.9
    expect(grid.text(3, 2)).toBe('金额');
  });

  it('returns an empty grid for an empty sheet', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('空表');
    const fx = fakeExcel(wb, '1.18');
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const grid = await host.readActiveSheet();
    expect(grid.rowCount).toBe(0);
    expect(wb.syncCount).toBe(1);
  });
});

describe('ExcelHost.readAllSheets (校验整个工作簿)', () => {
  it('reads every visible sheet in tab order with progress per sheet, skipping hidden sheets', async () => {
    const wb = new FakeWorkbook();
    budgetSheet(wb, 5, '表1');
    budgetSheet(wb, 7, '表2');
    budgetSheet(wb, 3, '隐藏').visibility = 'Hidden';
    const fx = fakeExcel(wb, '1.18');
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const progress: string[] = [];
    const grids = await host.readAllSheets((sheet, index, total) => progress.push(`${index}/${total} ${sheet}`));
    expect(grids.map((g) => [g.name, g.rowCount])).toEqual([
      ['表1', 5],
      ['表2', 7],
    ]);
    expect(progress).toEqual(['1/2 表1', '2/2 表2']);
    expect(grids[1].text(3, 0)).toBe('单位3');
  });

  it('取消 stops before the next sheet: the sheets read so far, and no sync for the sheets left', async () => {
    const book = () => {
      const wb = new FakeWorkbook();
      for (const name of ['表1', '表2', '表3']) budgetSheet(wb, 5, name);
      return wb;
    };
    const all = book();
    const fxAll = fakeExcel(all, '1.18');
    await new ExcelHost({ run: fxAll.run, isSetSupported: fxAll.isSetSupported }).readAllSheets();
    const wb = book();
    const fx = fakeExcel(wb, '1.18');
    const abort = new AbortController();
    const grids = await new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported }).readAllSheets((_s, index) => index === 2 && abort.abort(), abort.signal);
    expect(grids.map((g) => g.name)).toEqual(['表1', '表2']);
    // One sync for the list of sheets, then the same per sheet: the third sheet's are not made.
    const perSheet = (all.syncCount - 1) / 3;
    expect(wb.syncCount).toBe(1 + 2 * perSheet);
  });
});

describe('a sheet whose content range is too large to read (a stray value at XFD1048576)', () => {
  it('is refused after the one sync that measured it, with a Chinese reason naming the range and what to do', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('表1');
    const rows = 1_048_576;
    const cols = 16_384;
    sheet.generated = {
      top: 0,
      left: 0,
      rows,
      cols,
      cell: (r, c) => (r === 0 && c < 2 ? { value: c ? '金额' : '项目' } : r === rows - 1 && c === cols - 1 ? { value: 'x' } : undefined),
    };
    const fx = fakeExcel(wb, '1.18');
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const read = host.readActiveSheet();
    await expect(read).rejects.toThrow(/工作表“表1”的内容范围为 A1:XFD1048576（1,048,576 行 × 16,384 列），超过可读取的 500 万个单元格.*Ctrl\+End/);
    await expect(read).rejects.toMatchObject({ name: 'ExcelHostError', code: 'SheetTooLarge' });
    expect(wb.syncCount).toBe(1);
  });

  it('in 校验整个工作簿 only that sheet is left out, saying why; the others are read and checked', async () => {
    const wb = new FakeWorkbook();
    budgetSheet(wb, 5, '表1');
    const stray = wb.addSheet('表2');
    stray.generated = { top: 0, left: 0, rows: 1_048_576, cols: 16_384, cell: (r, c) => (r === 0 && c === 0 ? { value: '项目' } : r === 1_048_575 && c === 16_383 ? { value: 'x' } : undefined) };
    budgetSheet(wb, 7, '表3');
    const fx = fakeExcel(wb, '1.18');
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const grids = await host.readAllSheets();
    expect(grids.map((g) => [g.name, g.rowCount, g.unread?.slice(0, 14)])).toEqual([
      ['表1', 5, undefined],
      ['表2', 0, '未校验：工作表“表2”的内容'],
      ['表3', 7, undefined],
    ]);
    const book = await runBookCheck(host, DEFAULT_SETTINGS, undefined, { inPage: true });
    expect(book.sheets.map((s) => s.notice?.startsWith('未校验：工作表“表2”的内容范围为 A1:XFD1048576') ?? false)).toEqual([false, true, false]);
  });
});
