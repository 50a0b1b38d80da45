import { detectTables } from '../../src/core/layout/detectTables';
import { checkSheet } from '../../src/core/engine';
import { CellValue, Grid } from '../../src/core/grid';
import { rangeToA1 } from '../../src/core/grid/address';
import type { CellRange } from '../../src/core/grid/address';

function sheet(rows: CellValue[][], merges: CellRange[] = [], name = 's'): Grid {
  return new Grid({
    name,
    cells: rows.map((r) => r.map((v) => (v === null || v === '' ? undefined : typeof v === 'number' ? { value: v, numberFormat: '0.00' } : { value: v }))),
    merges,
  });
}

describe('detectTables', () => {
  it('finds stacked tables with titles, unit lines and notes, and leaves those out of the range', () => {
    const g = sheet(
      [
        ['表一 资金分配表', null, null],
        ['编制部门：市医保局', null, '单位：万元'],
        ['县区', '合计', '中央资金'],
        ['汉滨区', 10, 10],
        ['汉阴县', 5, 5],
        ['合计', 15, 15],
        ['注：本表为示例。', null, null],
        [null, null, null],
        ['部门支出预算表', null, null],
        ['项目', '金额（万元）', null],
        ['一、基本支出', 8, null],
        ['二、项目支出', 2, null],
        ['合 计', 10, null],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 2 }],
    );
    const t = detectTables(g);
    expect(t.map((x) => [rangeToA1(x.range), x.kind, x.title, x.unit, x.totalRows])).toEqual([
      ['A3:C6', 'allocation', '表一 资金分配表', '万元', [5]],
      ['A10:B13', 'generic', '部门支出预算表', '万元', [12]],
    ]);
  });

  it('splits two tables side by side and keeps a 收支总表 as one two-sided table', () => {
    const g = sheet([
      ['县区', '合计', '中央', null, '单位', '金额'],
      ['甲县', 3, 3, null, '市局', 7],
      ['乙县', 4, 4, null, '中心', 8],
      ['合计', 7, 7, null, '合计', 15],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
      ['收入', null, '支出', null, null, null],
      ['项目', '预算数', '项目', '预算数', null, null],
      ['一、本年收入', 10, '201一般公共服务支出', 4, null, null],
      ['二、上年结转', 2, '210卫生健康支出', 8, null, null],
      ['收入总计', 12, '支出总计', 12, null, null],
    ], [
      { top: 6, left: 0, bottom: 6, right: 1 },
      { top: 6, left: 2, bottom: 6, right: 3 },
    ]);
    const t = detectTables(g);
    expect(t.map((x) => [rangeToA1(x.range), x.kind])).toEqual([
      ['A1:C4', 'allocation'],
      ['E1:F4', 'allocation'],
      ['A7:D11', 'summary'],
    ]);
    expect(t[2].sides!.map((s) => s.side)).toEqual(['income', 'expense']);
  });

  it('reads split 类/款/项 codes into a hierarchy and the 合计 written in the code columns', () => {
    const g = sheet(
      [
        ['功能分类科目编码', null, null, '科目名称', '合计'],
        ['类', '款', '项', null, null],
        ['210', null, null, '卫生健康支出', 3],
        ['210', '11', null, '行政事业单位医疗', 3],
        ['210', '11', '01', '行政单位医疗', 1],
        ['210', '11', '02', '事业单位医疗', 2],
        ['合计', null, null, null, 3],
      ],
      [
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 0, left: 3, bottom: 1, right: 3 },
        { top: 0, left: 4, bottom: 1, right: 4 },
        { top: 6, left: 0, bottom: 6, right: 3 },
      ],
    );
    const [t] = detectTables(g);
    expect(rangeToA1(t.range)).toBe('A1:E7');
    expect(t.kind).toBe('classification');
    expect(t.headerBottom - t.headerTop + 1).toBe(2);
    expect(t.labelCol).toBe(3);
    expect(t.codeCols.map((c) => c.role)).toEqual(['类', '款', '项']);
    expect(t.rows.map((r) => [r.code, r.level, r.parentRow])).toEqual([
      ['210', 0, undefined],
      ['21011', 1, 2],
      ['2101101', 2, 3],
      ['2101102', 2, 3],
      [undefined, 0, undefined],
    ]);
    expect(t.totalRows).toEqual([6]);
  });

  it('levels by indentation (full-width spaces) when the amounts confirm it', () => {
    const g = sheet([
      ['项目', '金额'],
      ['基本支出', 10],
      ['\u3000\u3000工资福利支出', 6],
      ['\u3000\u3000商品和服务支出', 4],
      ['项目支出', 5],
      ['合计', 15],
    ]);
    const [t] = detectTables(g);
    expect(t.rows.map((r) => r.level)).toEqual([0, 1, 1, 0, 0]);
    expect(checkSheet(g).findings).toEqual([]);
  });

  it('a 绩效目标表 is kind performance and its weights are never summed', () => {
    const g = sheet(
      [
        ['项目支出绩效目标表', null, null, null, null],
        ['项目名称', '示例项目', null, null, null],
        ['一级指标', '二级指标', '三级指标', '指标值', '指标分值权重'],
        ['产出指标', '数量指标', '检查次数', '≥4次', 30],
        ['产出指标', '质量指标', '合格率', '≥95%', 20],
        ['效益指标', '社会效益指标', '满意度', '≥90%', 40],
        ['合计', null, null, null, 100],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 4 }],
    );
    const res = checkSheet(g, { rules: { sums: true, perf: false, codes: false } });
    expect(res.tables.every((t) => t.kind === 'performance')).toBe(true);
    expect(res.findings).toEqual([]);
  });

  it('a header that names years as numbers is still a header', () => {
    const g = new Grid({
      name: 's',
      cells: [
        [{ value: '项目' }, { value: 2023 }, { value: 2024 }],
        [{ value: '基本支出' }, { value: 10, numberFormat: '0.00' }, { value: 12, numberFormat: '0.00' }],
        [{ value: '项目支出' }, { value: 5, numberFormat: '0.00' }, { value: 6, numberFormat: '0.00' }],
        [{ value: '合计' }, { value: 15, numberFormat: '0.00' }, { value: 18.5, numberFormat: '0.00' }],
      ],
    });
    const [t] = detectTables(g);
    expect(t.headerBottom - t.headerTop + 1).toBe(1);
    expect(checkSheet(g).findings.map((f) => [f.cell, f.expected])).toEqual([['C4', '18']]);
  });

  it('a column formatted as percent is not summed', () => {
    const pct = (v: number) => ({ value: v, numberFormat: '0.00%' });
    const num = (v: number) => ({ value: v, numberFormat: '0.00' });
    const g = new Grid({
      name: 's',
      cells: [
        [{ value: '单位' }, { value: '金额' }, { value: '执行进度' }],
        [{ value: '甲县' }, num(10), pct(0.5)],
        [{ value: '乙县' }, num(30), pct(0.8)],
        [{ value: '合计' }, num(40), pct(0.725)],
      ],
    });
    expect(checkSheet(g).findings).toEqual([]);
  });

  it('a title and its unit on one row stay out of the table', () => {
    const g = sheet([
      ['部门支出预算表', null, '单位：万元'],
      ['项目', '一季度', '全年'],
      ['基本支出', 10, 10],
      ['项目支出', 5, 5],
      ['合计', 15, 15],
    ]);
    const [t] = detectTables(g);
    expect([rangeToA1(t.range), t.title, t.unit]).toEqual(['A2:C5', '部门支出预算表', '万元']);
  });

  it('an empty spacer column inside a table does not split it', () => {
    const g = sheet([
      ['项目', null, '金额'],
      ['基本支出', null, 10],
      ['项目支出', null, 5],
      ['合计', null, 16],
    ]);
    const t = detectTables(g);
    expect(t.map((x) => rangeToA1(x.range))).toEqual(['A1:C4']);
    expect(checkSheet(g).findings.map((f) => f.cell)).toEqual(['C4']);
  });

  it('an empty sheet and a sheet of prose give no tables', () => {
    expect(detectTables(sheet([]))).toEqual([]);
    expect(detectTables(sheet([['关于下达2022年补助资金的通知'], ['各县区财政局：'], ['现将有关事项通知如下。']]))).toEqual([]);
  });
});

describe('scale', () => {
  // Speed and growth are measured by `npm run bench engine`; this checks the result at that size.
  it('checks a 100,000-row sheet', () => {
    const n = 100000;
    const rows: CellValue[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      const x = (i * 37) % 1000;
      const y = (i * 53) % 1000;
      a += x;
      b += y;
      rows.push([String(2000000 + (i % 9000000)), `科目${i}`, (x + y) / 100, x / 100, y / 100]);
    }
    rows.push([null, '合计', (a + b) / 100, a / 100, b / 100 + 0.01]);
    const res = checkSheet(sheet(rows), { rules: { sums: true, perf: false, codes: false } });
    expect(res.tables).toHaveLength(1);
    expect(res.findings.map((f) => f.cell).sort()).toEqual([`C${n + 2}`, `E${n + 2}`]);
  });
});
