import {
  DEFAULT_BYTES_PER_CELL,
  DEFAULT_PAYLOAD_BUDGET,
  isDateTimeFormat,
  measureBlockBytes,
  parseAddressList,
  planRead,
  qualify,
  toCellData,
} from '../../src/hosts/excel/readPlan';
import { parseRange } from '../../src/core/grid';
import { recordToRows, rowsToRecord, MarksRecord } from '../../src/hosts/excel/marksRecord';

describe('planRead', () => {
  it('reads in one go under the budget and in equal row chunks above it', () => {
    expect(planRead(10_000, 10)).toMatchObject({ chunks: 1, chunked: false, chunkRows: 10_000 });
    const big = planRead(200_000, 10);
    expect(big.chunked).toBe(true);
    expect(big.chunkRows).toBe(Math.floor(DEFAULT_PAYLOAD_BUDGET / (10 * DEFAULT_BYTES_PER_CELL)));
    expect(big.chunks).toBe(Math.ceil(200_000 / big.chunkRows));
    expect(big.chunkRows * 10 * DEFAULT_BYTES_PER_CELL).toBeLessThanOrEqual(DEFAULT_PAYLOAD_BUDGET);
    expect(planRead(0, 5)).toMatchObject({ chunks: 0 });
    // A very wide sheet still makes progress one row at a time.
    expect(planRead(3, 1e7).chunkRows).toBe(1);
  });

  it('measures UTF-8 JSON size, so Chinese labels weigh more than digits', () => {
    expect(measureBlockBytes([[['合计']]])).toBe(2 + 6 + 3); // brackets, 2 × 3 UTF-8 bytes, quotes + comma
    expect(measureBlockBytes([[[12.5, '']]])).toBe(2 + 5 + 3);
  });
});

describe('toCellData', () => {
  it('maps Excel’s parallel arrays to CellData', () => {
    expect(toCellData('', '', 'General', '')).toBeUndefined();
    expect(toCellData('', '', 'General', '=IF(A1,"","")')).toEqual({ value: null, formula: '=IF(A1,"","")' });
    expect(toCellData(1234.5, '1,234.50', '#,##0.00', '=SUM(B2:B9)')).toEqual({
      value: 1234.5,
      text: '1,234.50',
      numberFormat: '#,##0.00',
      formula: '=SUM(B2:B9)',
    });
    expect(toCellData('#DIV/0!', '#DIV/0!', 'General', '=A1/0')).toEqual({ value: null, error: '#DIV/0!', text: '#DIV/0!', formula: '=A1/0' });
    // "#####" is a too-narrow column, not the text.
    expect(toCellData(98765432.1, '########', '#,##0.00', 98765432.1)).toEqual({ value: 98765432.1, numberFormat: '#,##0.00' });
    expect(toCellData(45292, '2024/1/1', 'yyyy/m/d', 45292)).toEqual({ value: '2024/1/1', numberFormat: 'yyyy/m/d' });
    expect(toCellData('行政运行', '行政运行', '@', '行政运行')).toEqual({ value: '行政运行', numberFormat: '@' });
  });

  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日', 'h:mm:ss', '[h]:mm']) expect([f, isDateTimeFormat(f)]).toEqual([f, true]);
    for (const f of ['General', '#,##0.00', '0.00_ ', '0%', '"元"#,##0', '[Red]#,##0.00', '0.00E+00', '@']) expect([f, isDateTimeFormat(f)]).toEqual([f, false]);
  });
});

describe('address lists', () => {
  it('parses RangeAreas addresses, quoted sheet names with commas included', () => {
    expect(parseAddressList("Sheet1!A1:C1, Sheet1!A2:A3")).toEqual([parseRange('A1:C1'), parseRange('A2:A3')]);
    expect(parseAddressList("'预算,2024'!$B$3:$D$3,'O''Brien'!E5")).toEqual([parseRange('B3:D3'), parseRange('E5')]);
    expect(parseAddressList('')).toEqual([]);
    expect(qualify('表2', 'A1')).toBe('表2!A1');
    expect(qualify('表 2', 'A1')).toBe("'表 2'!A1");
  });
});

describe('marks record', () => {
  it('round-trips through sheet rows and skips damaged rows', () => {
    const record: MarksRecord = {
      marks: [
        { sheet: '表2', cell: 'E15', severity: 'error', message: '合计 744.80 ≠ 744.81', original: { pattern: 'None', color: '#FFFFFF' }, markFill: '#FFC7CE', annotation: 'note' },
      ],
      lastCheck: { sheet: '表2', findings: 1, errors: 1, warnings: 0, at: '2026-01-01T00:00:00.000Z' },
    };
    const rows = recordToRows(record);
    expect(rowsToRecord(rows)).toEqual(record);
    expect(rowsToRecord([...rows, ['{broken'], [''], [JSON.stringify({ sheet: 'x' })]])).toEqual(record);
    expect(rowsToRecord([['别人的数据']])).toBeNull();
  });
});
