import { buildSheetGrid } from '../../src/hosts/file/sheetExtent';
import type { PlacedCell, SheetXmlRead } from '../../src/hosts/file/sheetXml';

const cell = (row: number, col: number, value: string | number): PlacedCell => ({ row, col, data: { value } });
const read = (cells: PlacedCell[], merges: SheetXmlRead['merges']): SheetXmlRead => ({
  cells,
  merges,
  hiddenRows: [],
  hiddenCols: [],
  problems: { lost: [], detail: [] },
});

describe('the grid reaches as far as the merges over values', () => {
  test('a title merged over A1:G1 and a heading merged down its empty last rows keep the table’s shape', () => {
    const g = buildSheetGrid('绩效', read([cell(0, 0, '绩效目标表'), cell(2, 0, '产出指标'), cell(2, 5, '≥90%')], [
      { top: 0, left: 0, bottom: 0, right: 6 },
      { top: 2, left: 0, bottom: 6, right: 0 },
    ])).grid;
    expect(g.colCount).toBe(7);
    expect(g.rowCount).toBe(7);
    expect(g.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 0, right: 6 }, { top: 2, left: 0, bottom: 6, right: 0 }]));
  });

  test('a merge over the whole sheet stops a little past the values', () => {
    const g = buildSheetGrid('全表', read([cell(0, 0, '标题'), cell(3, 2, 5)], [{ top: 0, left: 0, bottom: 1048575, right: 16383 }])).grid;
    expect(g.rowCount).toBeLessThanOrEqual(4 + 50);
    expect(g.colCount).toBeLessThanOrEqual(3 + 20);
  });

  test('an empty merge past the values adds nothing', () => {
    const g = buildSheetGrid('空', read([cell(0, 0, '甲'), cell(1, 1, 2)], [{ top: 0, left: 1, bottom: 0, right: 9 }])).grid;
    expect(g.colCount).toBe(2);
  });
});
