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
