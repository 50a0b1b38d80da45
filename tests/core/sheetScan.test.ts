import { Grid } from '../../src/core/grid';
import { forEachDigitText, MARK_CODE_HEADER, MARK_LEI, MARK_LEVEL_INDICATOR, MARK_TWO_INDICATORS, NOT_PLAIN, PLAIN_NUMBER, PLAIN_PERCENT, plainNumbers, rowMarks } from '../../src/core/layout/sheetScan';

describe('sheetScan', () => {
  const grid = new Grid({
    name: 's',
    cells: [
      [{ value: '一级指标' }, { value: '二级指标' }, { value: '三级指标' }],
      [{ value: '类' }, { value: '科目编码' }, { value: 12.5, numberFormat: '0.00', text: '12.50' }],
      [{ value: 0.25, numberFormat: '0%', text: '25%' }, { value: 7, text: '' }, { value: null, error: '#REF!' }],
      [{ value: '2101501 行政运行' }, { value: '　２０５' }, { value: true }],
      [{ value: Infinity }, { value: '12' }, undefined],
    ],
    merges: [],
  });

  it('marks the rows the searches need', () => {
    const m = rowMarks(grid);
    expect(m[0] & MARK_LEVEL_INDICATOR).toBeTruthy();
    expect(m[0] & MARK_TWO_INDICATORS).toBeTruthy();
    expect(m[1] & MARK_LEI).toBeTruthy();
    expect(m[1] & MARK_CODE_HEADER).toBeTruthy();
    expect(m[3]).toBe(0);
  });

  it('lists text cells that start with a digit, full width and leading spaces included', () => {
    const seen: string[] = [];
    forEachDigitText(grid, (r, c) => seen.push(`${r}:${c}`));
    expect(seen).toEqual(['3:0', '3:1', '4:1']);
  });

  it('holds plain numbers densely; numbers shown as nothing, errors, text and non-finite values are read from their cells', () => {
    const dense = plainNumbers(grid)!;
    const kind = (r: number, c: number) => dense.kinds[r * dense.width + c];
    expect(kind(1, 2)).toBe(PLAIN_NUMBER);
    expect(dense.values[1 * dense.width + 2]).toBe(12.5);
    expect(kind(2, 0)).toBe(PLAIN_PERCENT);
    expect(kind(2, 1)).toBe(NOT_PLAIN); // a format that shows 7 as nothing
    expect(kind(2, 2)).toBe(NOT_PLAIN);
    expect(kind(4, 0)).toBe(NOT_PLAIN);
    expect(kind(4, 1)).toBe(NOT_PLAIN); // "12" typed as text
    expect(kind(3, 2)).toBe(NOT_PLAIN);
  });
});
