import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { summarizeTable } from '../../src/core/engine';
import { detectTables } from '../../src/core/layout/detectTables';
import { gridFromRows } from '../../src/core/grid';
import { fixtureSheet, SHARED_FIXTURES } from './helpers';

const SEED004 = 'seed004-projects.xlsx';

describe('detectPerformanceTables on the seed transcriptions', () => {
  test('seed 004 项目支出绩效目标表: range from 预算单位 to the last indicator, header rows, unit, funds', async () => {
    const g = await fixtureSheet(SEED004, '绩效-离休600');
    const [t, ...rest] = detectPerformanceTables(g);
    expect(rest).toHaveLength(0);
    expect(summarizeTable(t)).toEqual({
      range: 'A3:I17',
      kind: 'performance',
      headerRows: 5,
      totalRows: [],
      title: '项目支出绩效目标表',
      unit: '万元',
    });
    const p = perfOf(t)!;
    expect(p.variant).toBe('project');
    expect(p.year).toBe('2023');
    expect(p.header.name?.value).toBe('州直企业离休干部医疗保险基金');
    expect(p.header.departments.map((d) => [d.label, d.value])).toEqual([
      ['预算单位', '新疆巴州医疗保障局'],
      ['项目负责人', '牛曼玲'],
    ]);
    const annual = p.header.funds[0];
    expect(annual.total.amount?.toString()).toBe('600');
    expect(annual.parts.map((x) => [x.role, x.amount?.toString()])).toEqual([
      ['fiscal', '0'],
      ['other', '600'],
    ]);
    expect(p.header.goal?.value).toMatch(/^为切实贯彻《社会保险法》/);
    expect(p.columns).toMatchObject({ level1: 0, level2: 1, level3: 2, value: 3, basis: 4, lastYear: 5, weight: 6, scoring: 7, evidence: 8 });
    expect(p.indicators).toHaveLength(10);
    const perHead = p.indicators.find((i) => i.name === '离休干部人均医疗周转金')!;
    expect(perHead.level1?.text).toBe('成本指标');
    expect(perHead.level2?.text).toBe('经济成本指标');
    expect(perHead.value).toMatchObject({ kind: 'number', comparator: '=', number: '1.5', money: { unit: '万元', per: ['人', '年'] } });
    expect(perHead.weight?.amount?.toString()).toBe('10');
    expect(p.levelIssues).toEqual([]);
  });

  test('the lead’s seed004 workbook reads the same as the transcription', async () => {
    for (const sheet of ['绩效-能力提升320', '绩效-离休600']) {
      const a = perfOf(detectPerformanceTables(await fixtureSheet(`${SHARED_FIXTURES}/seed004-department-budget.xlsx`, sheet))[0])!;
      const b = perfOf(detectPerformanceTables(await fixtureSheet(SEED004, sheet))[0])!;
      expect(a.indicators.map((i) => [i.level1?.text, i.level2?.text, i.name, i.value.raw, i.weight?.text])).toEqual(
        b.indicators.map((i) => [i.level1?.text, i.level2?.text, i.name, i.value.raw, i.weight?.text]),
      );
    }
  });

  test('seed 003: 名称 / 实施期 and 年度 fund groups side by side, 指标内容 column, goal under its label', async () => {
    const t = detectPerformanceTables(await fixtureSheet('seed003-ankang.xlsx', '绩效目标表'))[0];
    const p = perfOf(t)!;
    expect(summarizeTable(t).range).toBe('A3:G23');
    expect(p.header.name?.value).toBe('医疗保障与服务能力提升补助资金');
    expect(p.header.funds.map((f) => [f.total.role, f.total.amount?.toString(), f.parts.map((x) => x.amount?.toString())])).toEqual([
      ['total', '430', ['430']],
      ['period-total', '430', ['430']],
    ]);
    expect(p.header.goal?.value).toBe('完善信息系统功能,构建市县村三级医保服务体系。');
    expect(p.indicators).toHaveLength(14);
    // The OCR shifted the 满意度 rows one column right; they are still read as indicators.
    const sat = p.indicators.filter((i) => i.level1?.text === '满意度指标');
    expect(sat.map((i) => [i.level2?.text, i.name, i.value.raw, i.shift])).toEqual([
      ['服务对象满意度指标', '指标1: 参保群众满意度', '≥90%', 1],
      ['服务对象满意度指标', '指标2: 参保群众对政策知晓度', '≥90%', 1],
    ]);
  });

  test('seed 001: regional table with a county column (梁河) and the county amount in 资金情况', async () => {
    const t = detectPerformanceTables(await fixtureSheet('seed001-regional-lianghe.xlsx', '绩效目标表'))[0];
    const p = perfOf(t)!;
    expect(p.variant).toBe('regional');
    expect(p.columns.regions).toEqual([{ name: '梁河', col: 4 }]);
    expect(p.header.regionFunds.map((r) => [r.region, r.amount?.toString()])).toEqual([['梁河', '6']]);
    expect(summarizeTable(t)).toMatchObject({ range: 'A3:E33', headerRows: 9 });
    expect(p.indicators).toHaveLength(22);
    expect(p.indicators[0].regionValues.map((r) => [r.region, r.value.raw])).toEqual([['梁河', '≥2次']]);
  });

  test('seed 000: the damaged levels are read as written', async () => {
    const p = perfOf(detectPerformanceTables(await fixtureSheet('seed000-regional.xlsx', '区域绩效目标表'))[0])!;
    expect(p.variant).toBe('regional');
    expect(p.indicators).toHaveLength(29);
    const first = p.indicators.find((i) => i.name.startsWith('完善与监测点'))!;
    expect([first.level1?.text, first.level2?.text]).toEqual(['效益指标', '时效指标']);
    const cost = p.indicators.find((i) => i.name === '医疗服务与保障能力提升补助成本')!;
    expect([cost.level1?.text, cost.level2?.text]).toEqual(['满意度指标', '成本指标']);
    expect(p.levelIssues.map((i) => [i.kind, i.text]).sort()).toEqual(
      [
        ['misplaced', '成本指标'],
        ['misplaced', '时效指标'],
        ['unknown', '公平性指标'],
        ['unknown', '社会公众指标'],
        ['unknown', '综合指标'],
      ].sort(),
    );
  });

  test('two stacked tables on one sheet are two tables', async () => {
    const rows = [
      ['项目支出绩效目标表', null, null, null],
      ['项目名称', '甲', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训次数', '≥2次'],
      [null, null, null, null],
      ['项目支出绩效目标表', null, null, null],
      ['项目名称', '乙', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
    ];
    const tables = detectPerformanceTables(gridFromRows('s', rows));
    expect(tables.map((t) => [summarizeTable(t).range, perfOf(t)!.header.name?.value])).toEqual([
      ['A2:D4', '甲'],
      ['A7:D9', '乙'],
    ]);
  });

  test('a sheet without an indicator header has no performance table', () => {
    const g = gridFromRows('s', [
      ['单位', '合计', '基本支出'],
      ['甲', 3, 1],
    ]);
    expect(detectPerformanceTables(g)).toEqual([]);
  });

  test('the engine’s detectTables takes the performance tables as they are', async () => {
    const g = await fixtureSheet(SEED004, '绩效-能力提升320');
    const perf = detectTables(g).filter((t) => t.kind === 'performance');
    expect(perf.map(summarizeTable)).toEqual(detectPerformanceTables(g).map(summarizeTable));
  });
});
