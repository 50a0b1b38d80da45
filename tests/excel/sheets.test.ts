import { FakeWorkbook, fakeExcel } from './fakeWorkbook';
import { ExcelHost, columnWidthPoints, toWritable, uniqueSheetName } from '../../src/hosts/excel';
import { parseRange } from '../../src/core/grid';
import type { SheetPlan } from '../../src/core/plan';

function setup(api = '1.18') {
  const wb = new FakeWorkbook();
  wb.addSheet('表1', [['项目', '金额']]);
  const fx = fakeExcel(wb, api);
  return { wb, host: new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported }) };
}

const plan: SheetPlan = {
  name: '绩效目标表',
  cells: [
    { row: 0, col: 0, value: '项目支出绩效目标表', style: { bold: true, fontSize: 16, horizontal: 'center' } },
    { row: 1, col: 0, value: '项目名称', style: { border: true } },
    { row: 1, col: 1, value: '医疗服务与保障能力提升', style: { border: true, wrap: true } },
    { row: 2, col: 0, value: '年度金额', style: { border: true } },
    { row: 2, col: 1, value: 99.96, style: { border: true, numberFormat: '0.00' } },
    { row: 3, col: 0, value: '2101501', style: { border: true } },
    { row: 3, col: 1, value: null, formula: 'B3*2' },
  ],
  merges: [parseRange('A1:D1'), parseRange('B2:D2')],
  columnWidths: [12, 30, 10, 10],
  rowHeights: { 0: 28 },
  defaultFont: { name: '宋体', size: 11 },
  page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
};

describe('ExcelHost.addSheet', () => {
  it('renders a SheetPlan: values, formulas, merges, fonts, borders, widths, landscape A4, and activates it', async () => {
    const { wb, host } = setup();
    const before = wb.syncCount;
    expect(await host.addSheet(plan)).toBe('绩效目标表');
    expect(wb.syncCount - before).toBe(2);
    const s = wb.sheet('绩效目标表')!;
    expect(wb.active).toBe('绩效目标表');
    expect(wb.cell('绩效目标表', 'A1')!.value).toBe('项目支出绩效目标表');
    expect(wb.cell('绩效目标表', 'A1')!.font).toMatchObject({ name: '宋体', bold: true, size: 16 });
    expect(wb.cell('绩效目标表', 'B2')!.font).toMatchObject({ name: '宋体', size: 11 });
    expect(wb.cell('绩效目标表', 'B2')!.wrap).toBe(true);
    expect(wb.cell('绩效目标表', 'B3')!.value).toBe(99.96);
    expect(wb.cell('绩效目标表', 'B3')!.numberFormat).toBe('0.00');
    expect(wb.cell('绩效目标表', 'B4')!.formula).toBe('=B3*2');
    // A code stays text: "@" before the value, or Excel would make 2101501 a number.
    expect(wb.cell('绩效目标表', 'A4')!.numberFormat).toBe('@');
    expect(wb.cell('绩效目标表', 'A4')!.value).toBe('2101501');
    expect(new Set(wb.cell('绩效目标表', 'A2')!.borders)).toEqual(new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']));
    expect(s.merges).toEqual(plan.merges);
    expect(s.columnWidths.get(1)).toBe(columnWidthPoints(30));
    expect(s.page).toEqual({ orientation: 'Landscape', paperSize: 'A4' });
  });

  it('picks a unique name and skips what older Excel cannot do', async () => {
    const { wb, host } = setup('1.1');
    wb.addSheet('绩效目标表');
    expect(await host.addSheet(plan)).toBe('绩效目标表 (2)');
    const s = wb.sheet('绩效目标表 (2)')!;
    expect(wb.cell('绩效目标表 (2)', 'A1')!.value).toBe('项目支出绩效目标表');
    expect(s.merges).toEqual([]); // Range.merge needs ExcelApi 1.2
    expect(s.page).toEqual({}); // page layout needs 1.9
  });
});

describe('ExcelHost selection and writing', () => {
  it('selects a cell on another sheet and reads the selection back', async () => {
    const { wb, host } = setup();
    wb.addSheet('表2');
    await host.selectCell('表2', 'E15');
    expect(wb.active).toBe('表2');
    expect(await host.getSelection()).toEqual({ sheet: '表2', address: 'E15', top: 14, left: 4, rowCount: 1, colCount: 1 });
  });

  it('explains in Chinese when the sheet to select is gone', async () => {
    const { host } = setup();
    await expect(host.selectCell('不存在', 'A1')).rejects.toThrow(/定位单元格失败：找不到/);
  });

  it('inserts values at the selection’s top-left, sized to the matrix, codes kept as text', async () => {
    const { wb, host } = setup();
    wb.selection = { sheet: '表1', address: 'C5:F9' };
    await host.insertAtSelection([
      ['2101501', '行政运行'],
      ['2101502', null],
    ]);
    expect(wb.cell('表1', 'C5')!.value).toBe('2101501');
    expect(wb.cell('表1', 'C5')!.numberFormat).toBe('@');
    expect(wb.cell('表1', 'D5')!.value).toBe('行政运行');
    expect(wb.cell('表1', 'D5')!.numberFormat).toBeUndefined();
    expect(wb.cell('表1', 'C6')!.value).toBe('2101502');
    expect(wb.cell('表1', 'E5')).toBeUndefined();
    expect(wb.selection).toEqual({ sheet: '表1', address: 'C5:D6' });
  });

  it('writes rows at a given cell', async () => {
    const { wb, host } = setup();
    await host.writeCells('表1', 'B2', [[1, 2, 3]]);
    expect([wb.cell('表1', 'B2')!.value, wb.cell('表1', 'D2')!.value]).toEqual([1, 3]);
  });
});

describe('pure helpers', () => {
  it('converts column widths from characters to points', () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 64 px = 48 pt
    expect(columnWidthPoints(0)).toBe(3.75);
  });

  it('makes valid, unique sheet names', () => {
    expect(uniqueSheetName('表[1]:a/b', new Set())).toBe('表_1__a_b');
    expect(uniqueSheetName('Sheet1', new Set(['sheet1']))).toBe('Sheet1 (2)');
    expect(uniqueSheetName('x'.repeat(40), new Set()).length).toBe(31);
  });

  it('protects strings Excel would reinterpret', () => {
    const w = toWritable([['=1+1', '1-2', '行政运行', 5, '']]);
    expect(w.formats[0]).toEqual(['@', '@', null, null, null]);
    expect(w.values[0]).toEqual(['=1+1', '1-2', '行政运行', 5, '']);
  });
});
