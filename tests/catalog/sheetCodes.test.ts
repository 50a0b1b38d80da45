import { gridFromRows } from '../../src/core/grid';
import { findCodeCells, findSplitBlocks, readSplitBlock } from '../../src/core/catalog/sheetCodes';

describe('reading split 类/款/项 columns', () => {
  // The Ministry's layout writes 类 and 款 only on the row that opens them; later rows inherit them.
  const grid = gridFromRows('s', [
    ['类', '款', '项', '科目名称', '金额'],
    [null, '01', '01', '缺类的行', 1],
    ['201', null, null, '一般公共服务支出', 10],
    [null, '01', null, '人大事务', 10],
    [null, null, '01', '行政运行', 6],
    [null, null, '02', '一般行政管理事务', 4],
    [null, '20103', null, '政府办公厅（室）及相关机构事务', 0],
    [null, null, '01', '行政运行', 0],
    ['2O8', '01', '01', '字母O', 1],
    ['208', '1', null, '款位数不对', 1],
    [205, 8, 3, '数字丢了前导零', 1],
  ]);

  it('inherits empty leading parts, keeps full codes typed in a part column, and reports malformed parts', () => {
    const [block] = findSplitBlocks(grid);
    expect(block).toMatchObject({ headerRow: 0, partCols: [0, 1, 2], nameCol: 3, firstRow: 1, lastRow: 10 });
    const { cells, problems } = readSplitBlock(grid, block);
    expect(cells.map((c) => [c.row, c.code, c.name])).toEqual([
      [2, '201', '一般公共服务支出'],
      [3, '20101', '人大事务'],
      [4, '2010101', '行政运行'],
      [5, '2010102', '一般行政管理事务'],
      [6, '20103', '政府办公厅（室）及相关机构事务'],
      [7, '2010301', '行政运行'],
      [10, '2050803', '数字丢了前导零'],
    ]);
    expect(problems.map((p) => [p.row, p.col, p.message])).toEqual([
      [1, 0, '缺少类编码'],
      [8, 0, '类编码“2O8”不是数字'],
      [9, 1, '款编码“1”应为2位数字'],
    ]);
  });
});

describe('stacked code-column tables', () => {
  test('each 科目编码 column is read from its header to the next header in the column, once', () => {
    const rows: (string | number)[][] = [];
    for (let t = 0; t < 3; t++) {
      rows.push(['科目编码', '科目名称', '金额']);
      rows.push(['210', '卫生健康支出', 1], ['21015', '医疗保障管理事务', 1]);
      rows.push([]);
    }
    const { cells } = findCodeCells(gridFromRows('表', rows));
    expect(cells.map((c) => `${c.row}:${c.code}:${c.group}`)).toEqual([
      '1:210:column:0:0',
      '2:21015:column:0:0',
      '5:210:column:4:0',
      '6:21015:column:4:0',
      '9:210:column:8:0',
      '10:21015:column:8:0',
    ]);
  });
});
