/**
 * Layouts of real published 预算/决算 books (issue 11, items 5–9, 11, 12), each as a small made-up table:
 * ranges, relations and findings.
 */
import { checkSheet } from '../../src/core/engine';
import { CellValue, Grid } from '../../src/core/grid';
import type { CellRange } from '../../src/core/grid/address';
import { rangeToA1 } from '../../src/core/grid/address';
import { detectTables } from '../../src/core/layout/detectTables';

function sheet(rows: CellValue[][], merges: CellRange[] = [], name = 's'): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  return new Grid({
    name,
    cells: rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const v = r[c];
        return v === null || v === undefined || v === '' ? undefined : typeof v === 'number' ? { value: v, numberFormat: '0.00' } : { value: v };
      }),
    ),
    merges,
  });
}

const blank = (n: number): CellValue[][] => Array.from({ length: n }, () => []);
const sums = (g: Grid) => checkSheet(g, { rules: { sums: true, perf: false, codes: false } }).findings.filter((f) => f.rule.startsWith('sum.'));
const m = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** 收支总表 of a 决算 book: 本年收入合计 ≠ 本年支出合计 legitimately; the 结转 lines make the 总计 equal. */
function twoSidedSummary(incomeGrand = 130, expenseGrand = 130, ruledRows = 4): Grid {
  return sheet(
    [
      ['收入支出决算总表'],
      [null, null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '决算数', '项目', '决算数'],
      ['一、财政拨款收入', 100, '一、一般公共服务支出', 80],
      ['二、其他收入', 20, '二、卫生健康支出', 30],
      ...blank(ruledRows),
      ['本年收入合计', 120, '本年支出合计', 110],
      ['使用非财政拨款结余', null, '结余分配', null],
      ['年初结转和结余', 10, '年末结转和结余', 20],
      ['总计', incomeGrand, '总计', expenseGrand],
    ],
    [m(0, 0, 0, 3), m(2, 0, 2, 1), m(2, 2, 2, 3)],
  );
}

describe('two-sided 收支总表 with 结转 lines and 总计 (item 6)', () => {
  it('is one table from the header to the 总计 row, past ruled empty rows', () => {
    const g = twoSidedSummary();
    const t = detectTables(g);
    expect(t.map((x) => [rangeToA1(x.range), x.kind])).toEqual([['A3:D14', 'summary']]);
    const [income, expense] = t[0].sides!;
    expect([income.side, expense.side]).toEqual(['income', 'expense']);
    // 总计 = 本年合计 + the 结转 lines, on each side.
    expect(income.rowSums.find((r) => r.total === 13)?.parts).toEqual([10, 11, 12]);
    expect(expense.rowSums.find((r) => r.total === 13)?.parts).toEqual([10, 11, 12]);
    expect([income.grandTotal, expense.grandTotal]).toEqual([
      { row: 13, col: 1 },
      { row: 13, col: 3 },
    ]);
  });

  it('does not compare 本年收入合计 with 本年支出合计: a consistent table has no finding', () => {
    expect(sums(twoSidedSummary())).toEqual([]);
    expect(sums(twoSidedSummary(130, 130, 12))).toEqual([]);
  });

  it('without a 总计 row the two 本年合计 are not compared', () => {
    const g = twoSidedSummary();
    const cut = new Grid({
      name: 's',
      cells: Array.from({ length: 13 }, (_, r) => Array.from({ length: 4 }, (_, c) => g.cell(r, c))),
      merges: [...g.merges],
    });
    expect(sums(cut)).toEqual([]);
  });

  it('a wrong 总计 is found with its parts (本年合计 and the 结转 lines)', () => {
    const f = sums(twoSidedSummary(131, 130));
    expect(f.map((x) => [x.rule, x.cell, x.parts])).toEqual([['sum.column', 'B14', ['B11', 'B12', 'B13']]]);
  });
});

describe('合计 written in the 类/款/项 header row (item 7)', () => {
  const table = (total: number) =>
    sheet(
      [
        ['收入决算表'],
        [null, null, null, null, '单位：万元'],
        ['项目', null, null, null, '本年收入合计'],
        ['支出功能分类科目编码', null, null, '科目名称', null],
        ['类', '款', '项', '合计', total],
        ['201', null, null, '一般公共服务支出', 30],
        ['201', '06', null, '财政事务', 30],
        ['201', '06', '01', '行政运行', 10],
        ['201', '06', '02', '一般行政管理事务', 20],
        ['208', null, null, '社会保障和就业支出', 5],
        ['208', '05', null, '行政事业单位养老支出', 5],
        ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 5],
      ],
      [m(0, 0, 0, 4), m(2, 0, 2, 3), m(3, 0, 3, 2), m(2, 4, 3, 4)],
    );

  it('that row is the table total, the sum of the 类 rows', () => {
    const [t] = detectTables(table(35));
    expect(rangeToA1(t.range)).toBe('A3:E12');
    expect(t.codeCols.map((c) => c.role)).toEqual(['类', '款', '项']);
    expect(t.totalRows).toEqual([4]);
    expect(t.sides![0].rowSums.find((r) => r.total === 4)?.parts).toEqual([5, 9]);
    expect(sums(table(35))).toEqual([]);
  });

  it('a wrong total names the 类 rows as its parts', () => {
    expect(sums(table(35.01)).map((f) => [f.cell, f.parts])).toEqual([['E5', ['E6', 'E10']]]);
  });
});

describe('基本支出 printed as two halves side by side (item 8)', () => {
  const table = (rightTop: number, rightTotal: number) =>
    sheet(
      [
        ['一般公共预算财政拨款基本支出决算表'],
        [null, null, null, null, null, null, null, '单位：万元'],
        ['经济分类', null, '科目名称', '决算数', '经济分类', null, '科目名称', '决算数'],
        ['科目编码', null, null, null, '科目编码'],
        ['类', '款', null, null, '类', '款'],
        ['301', null, '工资福利支出', 30, '302', null, '商品和服务支出', rightTop],
        ['301', '01', '基本工资', 10, '302', '01', '办公费', 2],
        ['301', '02', '津贴补贴', 20, '302', '02', '印刷费', 3],
        ['303', null, '对个人和家庭的补助', 4, '302', '99', '其他商品和服务支出', 1],
        ['303', '02', '退休费', 4, '310', null, '资本性支出', 7],
        [null, null, null, null, '310', '02', '办公设备购置', 7],
        ['人员经费合计', null, null, 34, '公用经费合计', null, null, rightTotal],
      ],
      [m(0, 0, 0, 7), m(2, 0, 2, 1), m(2, 4, 2, 5), m(3, 0, 3, 1), m(3, 4, 3, 5), m(2, 2, 4, 2), m(2, 3, 4, 3), m(2, 6, 4, 6), m(2, 7, 4, 7), m(11, 0, 11, 2), m(11, 4, 11, 6)],
    );

  it('the right half has its own codes, hierarchy and 合计', () => {
    const [t] = detectTables(table(6, 13));
    expect(rangeToA1(t.range)).toBe('A3:H12');
    expect(t.sides).toHaveLength(2);
    const [left, right] = t.sides!;
    expect([left.left, left.right, right.left, right.right]).toEqual([0, 3, 4, 7]);
    expect(right.codeCols.map((c) => c.col)).toEqual([4, 5]);
    expect(right.rowSums.map((r) => [r.total, r.parts])).toEqual(
      expect.arrayContaining([
        [5, [6, 7, 8]],
        [9, [10]],
        [11, [5, 9]],
      ]),
    );
    expect(left.rowSums.map((r) => [r.total, r.parts])).toEqual(expect.arrayContaining([[11, [5, 8]]]));
    expect(sums(table(6, 13))).toEqual([]);
  });

  it('a wrong 类 row on the right is checked against the right half only', () => {
    expect(sums(table(6.01, 13.01)).map((f) => [f.rule, f.cell, f.parts])).toEqual([['sum.hierarchy', 'H6', ['H7', 'H8', 'H9']]]);
  });
});

describe('款/项 written without the leading zero (item 9)', () => {
  const table = (top: number) =>
    sheet([
      ['功能分类科目编码', null, null, '科目名称', '合计'],
      ['类', '款', '项', null, null],
      ['201', null, null, '一般公共服务支出', top],
      ['201', '6', null, '财政事务', 30],
      ['201', '6', '1', '行政运行', 10],
      ['201', '6', '2', '一般行政管理事务', 20],
      ['201', '11', null, '纪检监察事务', 5],
      ['201', '11', '1', '行政运行', 5],
      ['合计', null, null, null, top],
    ]);

  it('"6" reads as 款 06 and "1" as 项 01', () => {
    const [t] = detectTables(table(35));
    expect(t.rows.slice(0, 6).map((r) => [r.code, r.level])).toEqual([
      ['201', 0],
      ['20106', 1],
      ['2010601', 2],
      ['2010602', 2],
      ['20111', 1],
      ['2011101', 2],
    ]);
    expect(sums(table(35))).toEqual([]);
    expect(sums(table(36)).map((f) => [f.cell, f.parts])).toEqual([['E3', ['E4', 'E7']]]);
  });
});

describe('empty tables with a 空表说明 (item 11)', () => {
  it('are located from the header to their 合计 row', () => {
    const g = sheet(
      [
        ['政府性基金预算财政拨款收入支出决算表'],
        [null, null, null, null, null, null, '单位：万元'],
        ['项目', null, null, null, '本年支出'],
        ['功能分类科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
        ['类', '款', '项'],
        ...blank(8),
        ['合计'],
        ['注：本单位无政府性基金预算财政拨款支出，故本表无数据。'],
      ],
      [m(0, 0, 0, 6), m(2, 0, 2, 3), m(2, 4, 2, 6), m(3, 0, 3, 2), m(3, 3, 4, 3), m(13, 0, 13, 3)],
    );
    expect(detectTables(g).map((t) => rangeToA1(t.range))).toEqual(['A3:G14']);
    expect(sums(g)).toEqual([]);
  });

  it('and so is one whose only row says 无', () => {
    const g = sheet(
      [
        ['国有资本经营预算支出功能分类预算表'],
        [null, null, null, null, '单位：元'],
        ['功能分类科目编码', null, null, '功能分类科目名称', '合计'],
        ['类', '款', '项'],
        ['无'],
        ...blank(6),
        ['合计'],
        ['注：本部门无国有资本经营预算安排的预算，故本表为空表。'],
      ],
      [m(0, 0, 0, 4), m(2, 0, 2, 2), m(2, 3, 3, 3), m(2, 4, 3, 4)],
    );
    expect(detectTables(g).map((t) => rangeToA1(t.range))).toEqual(['A3:E12']);
  });
});

describe('an empty table whose 合计 follows one ruled row, and a column left blank', () => {
  it('the 合计 closes the table after a single empty row', () => {
    const g = sheet(
      [
        ['政府性基金预算支出功能分类预算表'],
        [null, null, null, null, '单位：元'],
        ['功能分类科目编码', null, null, '功能分类科目名称', '合计'],
        ['类', '款', '项'],
        [],
        ['合计'],
        ['注：本单位无政府性基金预算财政拨款安排的预算，故本表为空表。'],
      ],
      [m(0, 0, 0, 4), m(2, 0, 2, 2), m(2, 3, 3, 3), m(2, 4, 3, 4)],
    );
    expect(detectTables(g).map((t) => rangeToA1(t.range))).toEqual(['A3:E6']);
  });

  it('a 项目支出 column with no amount is still a part of 合计', () => {
    const g = sheet([
      ['科目名称', '合计', '基本支出', '项目支出'],
      ['行政运行', 10, 10],
      ['机关服务', 5, 5],
      ['合计', 15, 15],
    ]);
    const [t] = detectTables(g);
    expect(t.sides![0].columnSums.map((c) => [c.total, c.parts])).toEqual([[1, [2, 3]]]);
  });
});

describe('a group heading merged over the whole header', () => {
  it('is the header top row, not the title', () => {
    const g = sheet(
      [
        ['财政拨款三公经费支出决算表'],
        [null, null, null, '单位：万元'],
        ['财政拨款“三公”经费'],
        ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'],
        [3, 1, 1, 1],
      ],
      [m(0, 0, 0, 3), m(2, 0, 2, 3)],
    );
    const [t] = detectTables(g);
    expect([rangeToA1(t.range), t.title]).toEqual(['A3:D5', '财政拨款三公经费支出决算表']);
  });
});

describe('三公 table with paired 预算数 | 决算数 groups over a three-row header', () => {
  // 预算数 / 决算数 merged over six columns each; under them 合计 | 因公出国（境）费 | 公务用车购置及运行费 (over
  // 小计 | 购置费 | 运行费) | 公务接待费. The third header row has no header words of its own except 小计.
  const group = ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'];
  const sub = [null, null, '小计', '公务用车购置费', '公务用车运行费', null];
  const merges = [m(2, 0, 2, 5), m(2, 6, 2, 11)];
  for (const left of [0, 6]) merges.push(m(3, left, 4, left), m(3, left + 1, 4, left + 1), m(3, left + 2, 3, left + 4), m(3, left + 5, 4, left + 5));
  const grid = (planned: number, actualCar: number) =>
    sheet(
      [
        ['“三公”经费支出表'],
        ['单位：元'],
        ['预算数', null, null, null, null, null, '决算数'],
        [...group, ...group],
        [...sub, ...sub],
        [planned, 40, 80, 50, 30, 20, 140, 40, actualCar, 50, 30, 20],
      ],
      merges,
    );

  test('the three rows are the header, and each group has its own 合计 and 小计', () => {
    const t = detectTables(grid(140, 80))[0];
    expect(rangeToA1(t.range)).toBe('A3:L6');
    expect(t.headerBottom).toBe(4);
    expect(sums(grid(140, 80))).toEqual([]);
  });

  test('a wrong 预算数 合计 and a wrong 决算数 小计 are each found with their own parts', () => {
    const found = sums(grid(141, 81)).map((f) => [f.cell, f.parts]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['A6', ['B6', 'C6', 'F6']],
        ['I6', ['J6', 'K6']],
      ]),
    );
  });
});

describe('a heading broken over two rows without merges (PDF conversion), found by scripts/holdout-book', () => {
  // "科目编码" over "编码" and nothing else on the second row; the 总计 row at the top of the body.
  const rows = (d6: number): CellValue[][] => [
    ['一般公共预算支出情况表'],
    [null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['编码'],
    [null, '总计', 300, d6, 100],
    ['205', '教育支出', 100, 50, 50],
    ['20508', '进修及培训', 100, 50, 50],
    ['210', '卫生健康支出', 200, 150, 50],
    ['21011', '行政事业单位医疗', 200, 150, 50],
  ];

  it('the second heading row is header, so the 总计 row totals the rows below it', () => {
    const t = detectTables(sheet(rows(200)))[0];
    expect(rangeToA1(t.range)).toBe('A3:E9');
    expect(t.headerBottom).toBe(3);
    expect(sums(sheet(rows(200)))).toEqual([]);
    const f = sums(sheet(rows(201)));
    expect(f.map((x) => [x.cell, x.parts]).sort()).toEqual([['C5', ['D5', 'E5']], ['D5', ['D6', 'D8']]]);
  });
});

describe('a 三公 list whose last item is blank, with another table right below (scripts/holdout-book)', () => {
  it('keeps the blank last item in its table', () => {
    const g = sheet([
      ['一般公共预算“三公”经费支出情况表'],
      [null, null, '单位：万元'],
      ['项目', '合计', '一般公共预算'],
      ['合计', 30, 30],
      ['因公出国（境）费', 10, 10],
      ['公务接待费', 20, 20],
      ['公务用车购置及运行费'],
      ['其中：公务用车购置费'],
      ['公务用车运行费'],
      [],
      ['政府性基金预算支出情况表'],
      [null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '项目支出'],
      ['212', '城乡社区支出', 5, 5],
      ['合计', null, 5, 5],
    ]);
    expect(detectTables(g).map((t) => rangeToA1(t.range))).toEqual(['A3:C9', 'A13:D15']);
  });
});

describe('a 其中 group its parent names (scripts/holdout-book)', () => {
  // 公务用车购置及运行费 names 购置 and 运行: both rows below are its parts, even when 运行费 is wrong in one column.
  const rows = (c9: number): CellValue[][] => [
    ['“三公”经费支出情况表'],
    [null, null, null, '单位：万元'],
    ['项目', '合计', '一般公共预算', '政府性基金'],
    ['合计', 82.38, 82.38],
    ['因公出国（境）费', 0, 0],
    ['公务接待费', 6.35, 6.35],
    ['公务用车购置及运行费', 76.03, 76.03],
    ['其中：公务用车购置费', 76.03, 76.03],
    ['公务用车运行费', 0, c9],
  ];
  it('keeps 公务用车运行费 in the group whatever its amounts', () => {
    expect(sums(sheet(rows(0)))).toEqual([]);
    const f = sums(sheet(rows(344.89)));
    expect(f.map((x) => [x.rule, x.cell, x.parts]).sort()).toEqual([
      ['sum.hierarchy', 'C7', ['C8', 'C9']],
      ['sum.row', 'B9', ['C9', 'D9']],
    ]);
  });
});
