/**
 * The causes the held-out 绩效 judge (scripts/holdout-perf) found, each on a small table: a blank 一级 under its
 * first row means "same as above" even when another table further down the sheet is typed with merges; a heading
 * over two rows with 区域目标值 columns right of 指标值; the unit of a 资金 label that heads other labels, or of the
 * unit line, applies to amounts written with their own unit; a per-unit cost multiplies only a count of the same thing.
 */
import { gridFromRows, CellValue } from '../../src/core/grid';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { brief, perfFindings } from './helpers';

type Merge = { top: number; left: number; bottom: number; right: number };
const M = (top: number, left: number, bottom: number, right: number): Merge => ({ top, left, bottom, right });

/** A project table at `top` (rows of [一级, 二级, 三级, 指标值]); with `merged`, its 一级 cells merged down. */
function projectTable(top: number, fundsLabel: string, funds: CellValue[][], rows: string[][], merged: boolean): { rows: CellValue[][]; merges: Merge[] } {
  const out: CellValue[][] = [['项目支出绩效目标表', null, null, null], ['项目名称', null, '医保基金监管项目', null]];
  funds.forEach((f, k) => out.push([k === 0 ? fundsLabel : null, ...f]));
  out.push(['年度目标', null, '提升医保基金监管水平。', null], ['一级指标', '二级指标', '三级指标', '指标值']);
  const first = top + out.length;
  const merges: Merge[] = [M(top + 2, 0, top + 1 + funds.length, 0)];
  let prev = '';
  let start = first;
  rows.forEach((r, k) => {
    const l1 = r[0];
    out.push([l1 === prev ? null : l1, r[1], r[2], r[3]]); // merged over, or typed blank below the first
    if (l1 !== prev) {
      if (merged && first + k - 1 > start) merges.push(M(start, 0, first + k - 1, 0));
      start = first + k;
    }
    prev = l1;
  });
  if (merged && first + rows.length - 1 > start) merges.push(M(start, 0, first + rows.length - 1, 0));
  return { rows: out, merges };
}

const INDICATORS = [
  ['产出指标', '数量指标', '开展经办培训次数', '≥2次'],
  ['产出指标', '质量指标', '验收合格率', '100%'],
  ['产出指标', '时效指标', '项目完成时间', '12月底前'],
  ['效益指标', '社会效益指标', '医保政策知晓率', '≥90%'],
  ['效益指标', '可持续影响指标', '医保基金可持续能力', '有所提高'],
  ['满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%'],
];

test('a 一级 left blank below its first row is "same as above", whatever the next table on the sheet does', () => {
  const a = projectTable(0, '资金情况（万元）', [['年度金额', 50], ['其中：财政拨款', 50]], INDICATORS, false);
  const top2 = a.rows.length + 2;
  const b = projectTable(top2, '资金情况（万元）', [['年度金额', 30], ['其中：财政拨款', 30]], INDICATORS, true);
  const g = gridFromRows('绩效', [...a.rows, [], [], ...b.rows], [...a.merges, ...b.merges]);
  expect(detectPerformanceTables(g)).toHaveLength(2);
  expect(brief(perfFindings(g))).toEqual([]);
  // the next table's title right under the last indicator row, without a blank row between
  const c = projectTable(a.rows.length, '资金情况（万元）', [['年度金额', 30], ['其中：财政拨款', 30]], INDICATORS, true);
  const stacked = gridFromRows('绩效', [...a.rows, ...c.rows], [...a.merges, ...c.merges]);
  expect(detectPerformanceTables(stacked)).toHaveLength(2);
  expect(brief(perfFindings(stacked))).toEqual([]);
});

test('a heading over two rows with 区域目标值 columns right of 指标值: the county row is heading, every value checked', () => {
  const rows: CellValue[][] = [
    ['区域绩效目标表', null, null, null, null, null],
    ['资金名称', null, '医药价格监测补助', null, null, null],
    ['资金情况（万元）', '年度金额', 40, null, null, null],
    [null, '其中：中央补助', 40, null, null, null],
    ['一级指标', '二级指标', '三级指标', '指标值', '区域目标值', null],
    [null, null, null, null, '梁河县', '盈江县'],
    ['产出指标', '数量指标', '开展经办培训次数', '≥2', '≥1次', '≥1次'],
    ['效益指标', '社会效益指标', '医保政策知晓率', '≥90%', '≥90%', '≥90%'],
    ['满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%', '≥90%', '≥90%'],
  ];
  const merges = [M(2, 0, 3, 0), M(4, 0, 5, 0), M(4, 1, 5, 1), M(4, 2, 5, 2), M(4, 3, 5, 3), M(4, 4, 4, 5)];
  const g = gridFromRows('区域', rows, merges);
  const p = perfOf(detectPerformanceTables(g)[0])!;
  expect(p.columns.regions.map((r) => r.name)).toEqual(['梁河县', '盈江县']);
  expect(p.indicators).toHaveLength(3);
  // the 指标值 column of its own is checked too ("≥2" has no unit); the heading rows raise nothing
  expect(brief(perfFindings(g))).toEqual(['perf.value@D7']);
});

test('"年度预算（元）" heading the 年度金额 line sets the unit; so does a unit line, for amounts that state 元', () => {
  const labelled = projectTable(0, '年度预算（元）', [['年度金额：', 900000], ['其中：中央资金', 900000]], INDICATORS, false);
  labelled.rows.push(['成本指标', '经济成本指标', '委托业务费', '≤90万元']);
  const g1 = gridFromRows('绩效', labelled.rows, labelled.merges);
  expect(perfOf(detectPerformanceTables(g1)[0])!.header.fundsUnit).toBe('元');
  expect(brief(perfFindings(g1))).toEqual([]);

  const rows: CellValue[][] = [
    ['项目支出绩效目标表', null, null, null],
    [null, null, null, '单位：元'],
    ['项目名称', null, '医保基金监管项目', null],
    ['项目资金', '年度金额', '7880900.00元', null],
    [null, '其中：财政拨款', '7880900.00元', null],
    ['年度目标', null, '一、智能审核项目181.26万元；二、执法装备项目606.83万元。', null],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '开展经办培训次数', '≥2次'],
    ['满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%'],
  ];
  const g2 = gridFromRows('绩效', rows, [M(3, 0, 4, 0)]);
  const p2 = perfOf(detectPerformanceTables(g2)[0])!;
  expect(p2.header.fundsUnit).toBe('元');
  expect(p2.header.funds[0].total.amount!.toString()).toBe('7880900');
  expect(brief(perfFindings(g2))).toEqual([]);
});

test('a per-unit cost multiplies a stated count of the same thing only', () => {
  const base = [
    ['产出指标', '数量指标', '慢性病鉴定专项检查次数', '=2次'],
    ['产出指标', '数量指标', '离休干部人数', '=61人'],
    ['成本指标', '经济成本指标', '平均每次出差费', '≤832元/次'],
    ['成本指标', '经济成本指标', '离休干部人均医疗周转金', '1.5万元/人/年'],
    ['成本指标', '经济成本指标', '离休干部医疗费', '≤508.5万元'],
    ['满意度指标', '服务对象满意度指标', '离休干部满意度', '100%'],
  ];
  const t = projectTable(0, '资金情况（万元）', [['年度金额', 600], ['其中：财政拨款', 600]], base, false);
  // 1.5 × 61 + 508.5 = 600: within the funds; the 出差费 per 次 is not multiplied by the 检查 count
  expect(brief(perfFindings(gridFromRows('绩效', t.rows, t.merges)))).toEqual([]);
  // numbered 三级 ("指标1：…", seed003) are about what follows the number, not about "指标"
  const numbered = base.map((r, k) => [r[0], r[1], `指标${k + 1}：${r[2]}`, r[3]]);
  const n = projectTable(0, '资金情况（万元）', [['年度金额', 600], ['其中：财政拨款', 600]], numbered, false);
  expect(brief(perfFindings(gridFromRows('绩效', n.rows, n.merges)))).toEqual([]);
  const over = projectTable(0, '资金情况（万元）', [['年度金额', 590], ['其中：财政拨款', 590]], base, false);
  expect(brief(perfFindings(gridFromRows('绩效', over.rows, over.merges)))).toEqual(['perf.cost@D11']);
});
