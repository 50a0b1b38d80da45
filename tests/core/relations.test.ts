import { checkSheet } from '../../src/core/engine';
import { CellValue, Grid } from '../../src/core/grid';
import type { CellRange } from '../../src/core/grid/address';

const check = (g: Grid) => checkSheet(g, { rules: { sums: true, perf: false, codes: false } });
const cells = (g: Grid) => check(g).findings.map((f) => f.cell).sort();

function money(rows: CellValue[][], merges: CellRange[] = []): Grid {
  return new Grid({
    name: 's',
    cells: rows.map((r) => r.map((v) => (v === null || v === '' ? undefined : typeof v === 'number' ? { value: v, numberFormat: '0.00' } : { value: v }))),
    merges,
  });
}

describe('issue 11 repro', () => {
  it('1. a fund named 价格 is money', () => {
    const g = money([
      ['县区', '合计', '基金监管补助', '价格招采监测补助'],
      ['汉滨区', 30, 10, 20],
      ['汉阴县', 31, 10, 20],
      ['石泉县', 50, 20, 30],
      ['宁陕县', 12, 5, 7],
      ['合计', 123, 45, 77],
    ]);
    const r = check(g);
    // B6 (the 合计 row) agrees with its column, so it now differs from C6 + D6 too.
    expect(r.findings.map((f) => [f.cell, f.parts])).toEqual([
      ['B3', ['C3', 'D3']],
      ['B6', ['C6', 'D6']],
    ]);
  });
  it('2. three 合计 typos in four rows', () => {
    const g = money([
      ['县区', '合计', '中央资金', '省级资金'],
      ['汉滨区', 31, 10, 20],
      ['汉阴县', 31, 10, 20],
      ['石泉县', 51, 20, 30],
      ['宁陕县', 12, 5, 7],
    ]);
    expect(cells(g)).toEqual(['B2', 'B3', 'B4']);
  });
  it('3. blank parts under a nonzero total', () => {
    const g = money([
      ['项目', '合计', '基本支出', '项目支出'],
      ['行政运行', 30, 10, 20],
      ['机关服务', 10, null, null],
      ['事业运行', 50, 20, 30],
      ['其他', 12, 5, 7],
    ]);
    expect(cells(g)).toEqual(['B3']);
  });
  it('4. code and name starting with 人', () => {
    const g = money([
      ['科目', '合计', '基本支出', '项目支出'],
      ['201 一般公共服务支出', 30, 10, 20],
      ['20101 人大事务', 30, 10, 20],
      ['2010101 行政运行', 20, 5, 15],
      ['2010102 一般行政管理事务', 10, 5, 5],
      ['208 社会保障和就业支出', 30, 10, 20],
      ['20801人力资源和社会保障管理事务', 30, 10, 20],
      ['2080101 行政运行', 30, 10, 20],
      ['合计', 60, 20, 40],
    ]);
    expect(cells(g)).toEqual([]);
  });
});

describe('declared relations, consequences, rounding and relations as data', () => {
  const sanGong = (total: number, sub: number): CellValue[][] => [
    ['财政拨款“三公”经费支出情况表', null, null, null, null],
    ['编制部门：某局', null, null, null, '单位：万元'],
    ['项目', '合计', '资金来源', null, null],
    [null, null, '一般公共预算', '政府性基金', '国有资本经营预算'],
    ['合计', total, 6, null, null],
    ['因公出国（境）费', null, null, null, null],
    ['公务接待费', null, null, null, null],
    ['公务用车购置及运行费（小计）', sub, 6, null, null],
    ['其中：公务用车购置费', null, null, null, null],
    ['公务用车运行费', 6, 6, null, null],
  ];
  const sanGongMerges = [
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 4 },
  ];

  it('the 三公 table of seed004 with 小计 and 合计 both changed is caught, and 0.2 on 6 is not rounding', () => {
    expect(cells(money(sanGong(6, 6), sanGongMerges))).toEqual([]);
    const f = check(money(sanGong(6.2, 6.2), sanGongMerges)).findings;
    expect(f.map((x) => x.cell).sort()).toEqual(['B5', 'B8']);
    for (const x of f) {
      expect(x.severity).toBe('error');
      expect(x.rounding).toBeUndefined();
    }
  });

  it('paired 预算数/决算数 columns: each measure has its own 合计 and 小计', () => {
    const rows: CellValue[][] = [
      ['合计', null, '因公出国（境）费', null, '公务用车购置及运行费', null, null, null, null, null, '公务接待费', null],
      [null, null, null, null, '小计', null, '公务用车购置费', null, '公务用车运行费', null, null, null],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
      [10, 9.5, 1, 1, 8, 7.5, 3, 3, 5, 4.6, 1, 1],
    ];
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 1, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 9 },
      { top: 1, left: 4, bottom: 1, right: 5 },
      { top: 1, left: 6, bottom: 1, right: 7 },
      { top: 1, left: 8, bottom: 1, right: 9 },
      { top: 0, left: 10, bottom: 1, right: 11 },
    ];
    const r = check(money(rows, merges));
    const rels = r.tables[0].relations!.filter((x) => x.status === 'checked').map((x) => [x.total, x.parts.join('+')]);
    expect(rels).toEqual(expect.arrayContaining([['A', 'C+E+K'], ['B', 'D+F+L'], ['E', 'G+I'], ['F', 'H+J']]));
    // 决算 小计 7.5 ≠ 3 + 4.6 = 7.6, and the 决算 合计 9.5 = 1 + 7.5 + 1 agrees with it.
    expect(r.findings.map((x) => [x.cell, x.parts])).toEqual([['F4', ['H4', 'J4']]]);
  });

  it('a 合计 off only because a 类 row is off names the 类 row as its cause', () => {
    const g = money([
      ['科目编码', '科目名称', '金额'],
      ['201', '一般公共服务支出', 30.01],
      ['20101', '人大事务', 30],
      ['2010101', '行政运行', 30],
      ['208', '社会保障和就业支出', 20],
      ['20805', '行政事业单位养老支出', 20],
      ['2080501', '行政单位离退休', 20],
      [null, '合计', 50],
    ]);
    const f = check(g).findings;
    expect(f.map((x) => [x.cell, x.derivedFrom])).toEqual([
      ['C2', undefined],
      ['C8', 'C2'],
    ]);
  });

  it('a price column is set aside only when its numbers agree with the word', () => {
    const g = money([
      ['项目', '数量', '单价', '金额'],
      ['电脑', 2, 5000, 10000],
      ['打印机', 1, 2000, 2000],
      ['合计', 3, 7000.5, 12000],
    ]);
    const r = check(g);
    expect(r.findings).toEqual([]);
    const aside = r.tables[0].relations!.filter((x) => x.status === 'set-aside');
    expect(aside).toEqual([expect.objectContaining({ kind: 'column', total: 'C', reason: '单价列，不按金额相加' })]);
  });

  it('lists what it checked: agree and disagree per relation', () => {
    const g = money([
      ['县区', '合计', '中央资金', '省级资金'],
      ['汉滨区', 31, 10, 20],
      ['汉阴县', 31, 10, 20],
      ['石泉县', 51, 20, 30],
      ['宁陕县', 12, 5, 7],
    ]);
    const r = check(g);
    expect(r.tables[0].relations).toEqual([
      { kind: 'row', total: 'B', parts: ['C', 'D'], source: '表头', agree: 1, disagree: 3, status: 'checked', reason: '本表合计列多处不符，请核对口径' },
    ]);
    expect(r.findings[0].message).toMatch(/本表合计列多处不符，请核对口径$/);
  });
});

describe('messages show values as their cells show them', () => {
  it('"6", not "6.0": a whole-number total over parts with one decimal', () => {
    const g = new Grid({
      name: 's',
      cells: [
        [{ value: '项目' }, { value: '合计' }, { value: '基本支出' }, { value: '项目支出' }],
        [{ value: '行政运行' }, { value: 6, numberFormat: '0' }, { value: 2.5, numberFormat: '0.0' }, { value: 3.7, numberFormat: '0.0' }],
        [{ value: '机关服务' }, { value: 5, numberFormat: '0' }, { value: 2, numberFormat: '0.0' }, { value: 3, numberFormat: '0.0' }],
      ],
      merges: [],
    });
    const [f] = check(g).findings;
    expect(f.cell).toBe('B2');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('“行政运行”行“合计”列 6 ≠ 同行各分项之和 6.2（相差 0.2）');
  });
});
