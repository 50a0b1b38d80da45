/**
 * 绩效目标表 as real books print them (issue 11): the 上海 wording of the funds block (item 12) and a table
 * standing to the right of the 绩效目标表 on the same rows (item 5).
 */
import { checkSheet } from '../../src/core/engine';
import { CellValue, Grid } from '../../src/core/grid';
import type { CellRange } from '../../src/core/grid/address';
import { rangeToA1 } from '../../src/core/grid/address';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { brief, perfFindings } from './helpers';

function sheet(rows: CellValue[][], merges: CellRange[] = []): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  return new Grid({
    name: 's',
    cells: rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const v = r[c];
        return v === null || v === undefined || v === '' ? undefined : { value: v };
      }),
    ),
    merges,
  });
}

const m = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** A 上海 项目绩效目标表: 主管部门及代码, then 项目资金总额 / 年度资金申请总额 / 其中：当年财政拨款 / 上年结转资金. */
function shanghai(annual: number, fiscal: number, carried: number): Grid {
  return sheet(
    [
      ['项目绩效目标表'],
      ['编制部门：上海市普陀区司法局', null, null, null, '单位：万元'],
      ['项目名称', '法律援助服务'],
      ['主管部门及代码', '[123]上海市普陀区司法局', null, '项目属性', '经常性项目'],
      ['项目起止时间', '2026年1月—2026年12月'],
      ['项目资金（万元）', '项目资金总额', 120],
      [null, '年度资金申请总额', annual],
      [null, '其中：当年财政拨款', fiscal],
      [null, '上年结转资金', carried],
      ['年度绩效目标', '为困难群众提供法律援助服务。'],
      ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['产出指标', '数量指标', '法律援助案件数', '≥500件', 50],
      ['效益指标', '社会效益指标', '群众法律服务获得感', '逐步提升', 30],
      ['满意度指标', '服务对象满意度指标', '受援人满意度', '≥95%', 20],
    ],
    [m(0, 0, 0, 4), m(2, 1, 2, 4), m(4, 1, 4, 4), m(5, 0, 8, 0), m(5, 2, 5, 4), m(6, 2, 6, 4), m(7, 2, 7, 4), m(8, 2, 8, 4), m(9, 1, 9, 4)],
  );
}

describe('the 上海 wording of a 绩效目标表 (item 12)', () => {
  it('the table starts at 项目名称, past 主管部门及代码', () => {
    const [t] = detectPerformanceTables(shanghai(100, 90, 10));
    expect(rangeToA1(t.range)).toBe('A3:E14');
  });

  it('年度资金申请总额 = 当年财政拨款 + 上年结转资金; 项目资金总额 is the whole-period total', () => {
    const perf = perfOf(detectPerformanceTables(shanghai(100, 90, 10))[0])!;
    const annual = perf.header.funds.find((g) => g.total.role === 'total')!;
    expect(annual.total.label).toBe('年度资金申请总额');
    expect(annual.parts.map((p) => [p.role, p.amount?.toString()])).toEqual([
      ['fiscal', '90'],
      ['carryover', '10'],
    ]);
    expect(perf.header.funds.find((g) => g.total.role === 'period-total')?.total.label).toBe('项目资金总额');
    expect(brief(perfFindings(shanghai(100, 90, 10))).filter((f) => f.startsWith('perf.funds'))).toEqual([]);
  });

  it('perf.funds reads it: a wrong 年度资金申请总额 is found', () => {
    const f = perfFindings(shanghai(100, 90, 9)).filter((x) => x.rule === 'perf.funds');
    expect(f.map((x) => [x.cell, x.expected, x.parts])).toEqual([['C7', '99.00', ['C8', 'C9']]]);
    expect(f[0].message).toContain('上年结转资金');
  });
});

describe('a 绩效目标表 with another table to its right (item 5)', () => {
  const g = sheet(
    [
      ['项目支出绩效目标表', null, null, null, null, null, '资金分配表'],
      ['项目名称', '示例项目', null, null, null, null, '单位：万元'],
      ['年度金额', 100, '其中：财政拨款', 100, null, null, '县区', '金额'],
      ['一级指标', '二级指标', '三级指标', '指标值', '分值', null, '甲县', 60],
      ['产出指标', '数量指标', '检查次数', '≥4次', 50, null, '乙县', 40],
      ['效益指标', '社会效益指标', '满意度', '≥90%', 50, null, '合计', 100],
    ],
    [m(0, 0, 0, 4), m(1, 1, 1, 4)],
  );

  it('ends at its own right edge and leaves the other table to be found', () => {
    const perf = detectPerformanceTables(g);
    expect(perf.map((t) => rangeToA1(t.range))).toEqual(['A2:E6']);
    const res = checkSheet(g, { rules: { sums: true, perf: false, codes: false } });
    expect(res.tables.map((t) => [t.range, t.kind])).toEqual([
      ['A2:E6', 'performance'],
      ['G3:H6', 'allocation'],
    ]);
  });

  it('and the other table is checked', () => {
    const bad = sheet(
      [
        ['项目支出绩效目标表', null, null, null, null, null, '资金分配表'],
        ['项目名称', '示例项目', null, null, null, null, '单位：万元'],
        ['年度金额', 100, '其中：财政拨款', 100, null, null, '县区', '金额'],
        ['一级指标', '二级指标', '三级指标', '指标值', '分值', null, '甲县', 60],
        ['产出指标', '数量指标', '检查次数', '≥4次', 50, null, '乙县', 40],
        ['效益指标', '社会效益指标', '满意度', '≥90%', 50, null, '合计', 101],
      ],
      [m(0, 0, 0, 4), m(1, 1, 1, 4)],
    );
    expect(checkSheet(bad, { rules: { sums: true, perf: false, codes: false } }).findings.map((f) => f.cell)).toEqual(['H6']);
  });
});

describe('a 绩效目标表 only the fallback recognises, with a table to its right', () => {
  it('keeps to its own columns and rows', () => {
    const g = sheet([
      ['项目名称', '示例项目', null, null, '县区', '合计', '中央资金'],
      ['一级指标', '二级指标', '指标值', null, '甲县', 6, 6],
      ['产出指标', '数量指标', '≥4次', null, '乙县', 4, 4],
      [null, null, null, null, '丙县', 2, 2],
      [null, null, null, null, '合计', 12, 13],
    ]);
    const res = checkSheet(g, { rules: { sums: true, perf: false, codes: false } });
    expect(res.tables.map((t) => [t.range, t.kind])).toEqual([
      ['A1:C3', 'performance'],
      ['E1:G5', 'allocation'],
    ]);
    expect(res.findings.map((f) => f.cell).sort()).toEqual(['F5', 'G5']);
  });
});
