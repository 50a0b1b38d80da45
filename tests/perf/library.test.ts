import { INDICATOR_LIBRARY, libraryRows, searchLibrary, FUND_TOPICS } from '../../src/core/perf/library';
import { isAcceptedChild } from '../../src/core/perf/framework';
import { parseIndicatorValue } from '../../src/core/perf/value';
import { perfTemplate } from '../../src/core/perf/plan';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { checkPerformance } from '../../src/core/perf/checks';
import { resolveSettings } from '../../src/core/engine';
import { gridOfPlan } from './helpers';

describe('indicator library', () => {
  test('every topic has indicators under every 一级, each in its standard place', () => {
    for (const topic of Object.keys(FUND_TOPICS)) {
      const entries = INDICATOR_LIBRARY.filter((e) => e.topic === topic);
      expect(new Set(entries.map((e) => e.level1))).toEqual(new Set(['产出指标', '成本指标', '效益指标', '满意度指标']));
      for (const e of entries) expect([e.name, isAcceptedChild(e.level1, e.level2)]).toEqual([e.name, true]);
      expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    }
  });

  test('values are complete: number with unit, date or grade; cost amounts left to fill carry their unit', () => {
    for (const e of INDICATOR_LIBRARY) {
      const v = parseIndicatorValue(e.value);
      if (v.kind === 'empty') {
        // Only money amounts that depend on the budget are left empty.
        expect([e.name, e.level1 === '成本指标' || e.level2 === '经济效益指标', e.unit]).toEqual([e.name, true, '万元']);
      } else if (v.kind === 'number') {
        expect([e.name, v.unit]).toEqual([e.name, e.unit]);
        expect(v.unit).toBeTruthy();
      }
    }
  });

  test('search by words and topic', () => {
    expect(searchLibrary('满意度', 'price').map((e) => e.name)).toEqual(['参保人员对医药价格的满意度']);
    expect(searchLibrary('响应时间').length).toBeGreaterThanOrEqual(2);
    expect(searchLibrary('不存在的指标')).toEqual([]);
  });

  test('rows follow the target table: split tables get 指标性质 | 指标值 | 度量单位, and are clean once inserted', () => {
    const plan = perfTemplate({ variant: 'project' });
    const grid = gridOfPlan(plan);
    const table = detectPerformanceTables(grid)[0];
    const perf = perfOf(table)!;
    const entries = searchLibrary('', 'supervision').filter((e) => e.value);
    const rows = libraryRows(entries.slice(0, 3), perf);
    expect(rows[0]).toEqual(['定点医药机构监督检查覆盖率', '=', '100', '%']);
    // Write them over the first three blank rows of the template and check the table again.
    const target = perf.indicators.slice(0, 3);
    const cells = plan.cells.map((c) => ({ ...c }));
    target.forEach((ind, k) =>
      rows[k].forEach((v, j) => {
        const cell = cells.find((c) => c.row === ind.row && c.col === perf.columns.level3 + j)!;
        cell.value = v;
      }),
    );
    const filled = gridOfPlan({ ...plan, cells });
    const findings = checkPerformance(filled, detectPerformanceTables(filled), resolveSettings());
    const filledRows = new Set(target.map((t) => t.row));
    expect(findings.filter((f) => filledRows.has(Number(/\d+/.exec(f.cell)![0]) - 1))).toEqual([]);
    expect(libraryRows([entries[0]])).toEqual([['定点医药机构监督检查覆盖率', '=100%']]);
  });
});
