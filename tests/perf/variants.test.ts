import { gridFromRows, CellValue } from '../../src/core/grid';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { summarizeTable } from '../../src/core/engine';
import { brief, perfFindings, withCells } from './helpers';

const R = (a1: string) => {
  const [top, bottom] = a1.split(':');
  const p = /([A-Z]+)(\d+)/.exec(top)!;
  const q = /([A-Z]+)(\d+)/.exec(bottom ?? top)!;
  const col = (s: string) => s.charCodeAt(0) - 65;
  return { top: Number(p[2]) - 1, left: col(p[1]), bottom: Number(q[2]) - 1, right: col(q[1]) };
};

/** 部门整体绩效目标表 with the funds laid out as a row of labels over a row of amounts. */
function departmentTable(): ReturnType<typeof gridFromRows> {
  const rows: CellValue[][] = [
    ['部门整体绩效目标表', null, null, null, null],
    ['（2023年度）', null, null, null, null],
    ['部门名称', '某市医疗保障局', null, null, null],
    ['年度预算申请（万元）', '资金总额', '财政拨款', '其他资金', null],
    [null, 1336.71, 1336.71, 0, null],
    ['年度主要任务', '任务名称', '主要内容', '预算金额（万元）', null],
    [null, '基金监管', '开展飞行检查、专项检查', 100, null],
    ['年度总体目标', '维护医保基金安全，提升经办服务能力。', null, null, null],
    ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
    ['产出指标', '数量指标', '检查定点医药机构数量', '≥80家', 30],
    ['产出指标', '质量指标', '智能审核完成率', '=100%', 20],
    ['成本指标', '经济成本指标', '基金监管检查经费', '≤100万元', 10],
    ['效益指标', '社会效益指标', '医保政策知晓率', '≥95%', 20],
    ['满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%', 10],
  ];
  return gridFromRows('部门整体', rows, [R('A1:E1'), R('A2:E2'), R('B3:E3'), R('A4:A5'), R('A6:A7'), R('B8:E8')]);
}

describe('other layouts', () => {
  test('部门整体绩效目标表: variant, funds from the row below their labels, indicators without merges', () => {
    const g = departmentTable();
    const t = detectPerformanceTables(g)[0];
    const p = perfOf(t)!;
    expect(summarizeTable(t)).toMatchObject({ range: 'A3:E14', title: '部门整体绩效目标表', headerRows: 7 });
    expect(p.variant).toBe('department');
    expect(p.header.name?.value).toBe('某市医疗保障局');
    const annual = p.header.funds.find((f) => f.total.amount !== null)!;
    expect([annual.total.label, annual.total.amount?.toString(), annual.parts.map((x) => x.amount?.toString())]).toEqual(['资金总额', '1336.71', ['1336.71', '0']]);
    expect(p.header.goal?.value).toBe('维护医保基金安全，提升经办服务能力。');
    expect(p.indicators).toHaveLength(5);
    expect(perfFindings(g)).toEqual([]);
  });

  test('a weights 合计 row: included in the range, its stated total checked against the weights', () => {
    const base = departmentTable();
    const rows: CellValue[][] = [];
    for (let r = 0; r < base.rowCount; r++) rows.push([0, 1, 2, 3, 4].map((c) => base.cell(r, c)?.value ?? null));
    rows.push(['合计', null, null, null, 90]);
    const g = gridFromRows('合计', rows, [...base.merges, R('A15:D15')]);
    const t = detectPerformanceTables(g)[0];
    expect(summarizeTable(t)).toMatchObject({ range: 'A3:E15', totalRows: [15] });
    expect(perfFindings(g)).toEqual([]);
    const f = perfFindings(withCells(g, { E15: 95 }));
    expect(brief(f)).toEqual(['perf.weights@E15']);
    expect(f[0]).toMatchObject({ expected: '90', actual: '95' });
  });

  test('部门整体: planted funds, weights and cost faults', () => {
    const g = departmentTable();
    expect(brief(perfFindings(withCells(g, { D5: 10 })))).toEqual(['perf.funds@B5']);
    expect(brief(perfFindings(withCells(g, { E10: 35 })))).toEqual(['perf.weights@E9']);
    expect(brief(perfFindings(withCells(g, { D12: '≤1400万元' })))).toEqual(['perf.cost@D12']);
    expect(brief(perfFindings(withCells(g, { B13: '时效指标' })))).toEqual(['perf.hierarchy@B13']);
    expect(brief(perfFindings(withCells(g, { D13: '95' })))).toEqual(['perf.value@D13']);
  });

  test('split value columns: 指标性质 | 指标值 | 度量单位 are read together', () => {
    const rows: CellValue[][] = [
      ['项目名称', '示例项目', null, null, null, null],
      ['资金情况（万元）', '年度金额', 50, null, null, null],
      [null, '其中：中央资金', 40, null, null, null],
      [null, '地方资金', 10, null, null, null],
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['产出指标', '数量指标', '培训次数', '≥', 2, '次'],
      ['成本指标', '经济成本指标', '培训费', '≤', 30, '万元'],
      [null, null, '设备购置费', '≤', 20, '万元'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', 90, '%'],
    ];
    const g = gridFromRows('拆分', rows, [R('A2:A4'), R('A7:A8'), R('B7:B8')]);
    expect(perfFindings(g)).toEqual([]);
    const p = perfOf(detectPerformanceTables(g)[0])!;
    expect(p.indicators[1].value).toMatchObject({ comparator: '<=', number: '30', money: { unit: '万元' } });
    expect(brief(perfFindings(withCells(g, { E8: 21 })))).toEqual(['perf.cost@E8']);
    // A number with neither a unit in the value nor in 度量单位: the unit cell is the one to fill.
    expect(brief(perfFindings(withCells(g, { F6: null })))).toEqual(['perf.value@F6']);
    expect(brief(perfFindings(withCells(g, { C4: 11 })))).toEqual(['perf.funds@C2']);
  });

  test('older tables: 成本指标 under 产出指标 and a bare 满意度指标 二级 are tolerated', () => {
    const rows: CellValue[][] = [
      ['项目名称', '示例', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训次数', '≥2次'],
      [null, '成本指标', '培训费', '≤3万元'],
      ['效益指标', '社会效益指标', '知晓率', '≥90%'],
      ['满意度指标', '满意度指标', '满意度', '≥90%'],
    ];
    const g = gridFromRows('旧表', rows, [R('A3:A4')]);
    expect(perfFindings(g)).toEqual([]);
  });

  test('a footer under the table ends it; 一级 labels may carry their points in brackets', () => {
    const rows: CellValue[][] = [
      ['项目名称', '示例', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标（50分）', '数量指标', '培训次数', '≥2次'],
      ['满意度指标（10分）', '服务对象满意度指标', '满意度', '≥90%'],
      ['填报人：张三', null, '联系电话：0000', null],
    ];
    const g = gridFromRows('页脚', rows);
    expect(summarizeTable(detectPerformanceTables(g)[0]).range).toBe('A1:D4');
    expect(perfFindings(g)).toEqual([]);
  });

  test('a 填报单位 / 单位 line above the header block is not part of the table; its unit is used', () => {
    const rows: CellValue[][] = [
      ['项目支出绩效目标表', null, null, null],
      ['填报单位：某医保局', null, null, '单位：元'],
      ['项目名称', '示例', null, null],
      ['资金情况', '年度金额', 500000, null],
      [null, '其中：财政拨款', 500000, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训次数', '≥2次'],
      ['成本指标', '经济成本指标', '培训费', '≤50万元'],
    ];
    const g = gridFromRows('单位', rows, [R('A4:A5')]);
    const t = detectPerformanceTables(g)[0];
    expect(summarizeTable(t)).toMatchObject({ range: 'A3:D8', unit: '元', title: '项目支出绩效目标表' });
    expect(perfFindings(g)).toEqual([]);
    expect(brief(perfFindings(withCells(g, { D8: '≤51万元' })))).toEqual(['perf.cost@D8']);
  });

  test('regional table: county names beside 一级指标 under a merged 区域目标值', () => {
    const rows: CellValue[][] = [
      ['中央对地方转移支付区域绩效目标表', null, null, null, null],
      ['转移支付名称', '医疗服务与保障能力提升补助资金', null, null, null],
      ['资金情况（万元）', '年度金额', 30, null, null],
      [null, '其中：中央补助', 30, null, null],
      [null, null, null, '区域目标值', null],
      ['一级指标', '二级指标', '三级指标', '梁河县', '盈江县'],
      ['产出指标', '数量指标', '培训次数', '≥2次', '≥3次'],
      ['满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%', ''],
    ];
    const g = gridFromRows('区域', rows, [R('A1:E1'), R('B2:E2'), R('A3:A4'), R('D5:E5')]);
    const t = detectPerformanceTables(g)[0];
    const p = perfOf(t)!;
    expect(p.columns.regions).toEqual([
      { name: '梁河县', col: 3 },
      { name: '盈江县', col: 4 },
    ]);
    expect(summarizeTable(t)).toMatchObject({ range: 'A2:E8', title: '中央对地方转移支付区域绩效目标表' });
    expect(p.header.funds[0].total.amount?.toString()).toBe('30');
    expect(brief(perfFindings(g))).toEqual(['perf.value@E8']);
  });

  test('a 指标值 or 分值 merged over several indicators is shared, not missing', () => {
    const rows: CellValue[][] = [
      ['项目名称', '示例', null, null, null],
      ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['产出指标', '数量指标', '培训次数', '≥2次', 60],
      [null, null, '宣传次数', '≥3次', null],
      ['效益指标', '社会效益指标', '政策知晓率', '≥90%', 20],
      [null, null, '群众获得感', null, null],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', 10],
    ];
    const g = gridFromRows('合并', rows, [R('A3:A4'), R('B3:B4'), R('E3:E4'), R('A5:A6'), R('B5:B6'), R('D5:D6'), R('E5:E6')]);
    expect(perfFindings(g)).toEqual([]);
    const p = perfOf(detectPerformanceTables(g)[0])!;
    expect(p.indicators[3].value.raw).toBe('≥90%');
  });

  test('a value of 无 is a value; a dash is not', () => {
    const rows: CellValue[][] = [
      ['项目名称', '示例', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['效益指标', '社会效益指标', '重大安全事故', '无'],
      ['效益指标', '社会效益指标', '投诉', '—'],
    ];
    expect(brief(perfFindings(gridFromRows('无', rows)))).toEqual(['perf.value@D4']);
  });
});
