import { goalAllocations } from '../../src/core/perf/checks';
import { checkSheet } from '../../src/core/engine';
import { brief, fixtureSheet, perfFindings, SHARED_FIXTURES, withCells } from './helpers';

const SEED004 = 'seed004-projects.xlsx';
const SEED004_SHEETS = ['绩效-能力提升320', '绩效-全民参保1.19', '绩效-专项行动52', '绩效-离休600', '绩效-能力提升90'];

describe('seed 004: five 项目支出绩效目标表 pass clean', () => {
  test.each(SEED004_SHEETS)('%s', async (sheet) => {
    const g = await fixtureSheet(SEED004, sheet);
    expect(perfFindings(g)).toEqual([]);
    // The whole engine too: recognised as a performance table, nothing to report.
    const r = checkSheet(g);
    expect(r.tables.map((t) => t.kind)).toEqual(['performance']);
    expect(r.findings).toEqual([]);
  });

  test.each(['绩效-能力提升320', '绩效-离休600'])('the lead’s workbook, %s', async (sheet) => {
    expect(perfFindings(await fixtureSheet(`${SHARED_FIXTURES}/seed004-department-budget.xlsx`, sheet))).toEqual([]);
  });
});

describe('seeds 000, 002 and 003: the faults they really have', () => {
  test('seed 000 区域绩效目标表: hierarchy (时效指标 under 效益指标, 成本指标 under 满意度指标, unknown labels)', async () => {
    const f = perfFindings(await fixtureSheet('seed000-regional.xlsx', '区域绩效目标表'));
    expect(brief(f)).toEqual(['perf.hierarchy@B22', 'perf.hierarchy@B32', 'perf.hierarchy@C22', 'perf.hierarchy@C32', 'perf.hierarchy@C37']);
    const time = f.find((x) => x.cell === 'C22')!;
    expect(time.message).toContain('时效指标');
    expect(time.message).toContain('产出指标');
    expect(time.expected).toBe('产出指标');
    expect(f.find((x) => x.cell === 'C32')!.expected).toBe('成本指标');
    expect(f.find((x) => x.cell === 'C37')!.message).toContain('综合指标');
    expect(f.every((x) => x.severity === 'error' && x.messageEn)).toBe(true);
  });

  test('seed 002 市本级: duplicate indicator, goal amounts 99.94 ≠ 99.96 (warning), shifted 时效指标 row', async () => {
    const f = perfFindings(await fixtureSheet('seed002-shangrao.xlsx', '市本级绩效目标表'));
    expect(brief(f)).toEqual(['perf.duplicate@D28', 'perf.goal-amounts@B10', 'perf.hierarchy@D22']);
    const dup = f.find((x) => x.rule === 'perf.duplicate')!;
    expect(dup.actual).toBe('定点医药机构本地医保结算违规率下降');
    expect(dup.parts).toEqual(['D26']);
    const goal = f.find((x) => x.rule === 'perf.goal-amounts')!;
    expect(goal).toMatchObject({ severity: 'warning', expected: '99.96', actual: '99.94', parts: ['C7'] });
    expect(goal.message).toContain('35.81万元 + 60万元 + 4.13万元');
  });

  test('seed 002 区域 3-2: the indicator without a value; 可持续影响指标 in the 一级 column', async () => {
    const f = perfFindings(await fixtureSheet('seed002-shangrao.xlsx', '区域绩效目标表3-2'));
    expect(brief(f)).toEqual(['perf.hierarchy@B18', 'perf.hierarchy@D17', 'perf.value@F17']);
    expect(f.find((x) => x.rule === 'perf.value')!.message).toContain('医保经办服务能力');
    expect(f.find((x) => x.cell === 'B18')!.expected).toBe('效益指标');
  });

  test('seed 002 县级: the shifted 可持续影响指标 row leaves 提升医保专业服务水平 without a value', async () => {
    const f = perfFindings(await fixtureSheet('seed002-shangrao.xlsx', '县级区域绩效目标表'));
    expect(brief(f)).toEqual(['perf.hierarchy@D20', 'perf.value@F20']);
  });

  test('seed 001 and seed 003 (shifted 满意度 row only)', async () => {
    expect(perfFindings(await fixtureSheet('seed001-regional-lianghe.xlsx', '绩效目标表'))).toEqual([]);
    expect(brief(perfFindings(await fixtureSheet('seed003-ankang.xlsx', '绩效目标表')))).toEqual(['perf.hierarchy@C22']);
  });
});

describe('planted faults in seed 004 tables: each caught, nothing else reported', () => {
  const planted = async (sheet: string, changes: Record<string, string | number | null>) => perfFindings(withCells(await fixtureSheet(SEED004, sheet), changes));

  test('perf.funds: 年度预算总额 ≠ 财政拨款 + 其他资金', async () => {
    const f = await planted('绩效-能力提升320', { D5: 330 });
    expect(brief(f)).toEqual(['perf.funds@D5']);
    expect(f[0]).toMatchObject({ expected: '320.00', actual: '330.00', parts: ['F5', 'H5'] });
    expect(f[0].message).toContain('财政拨款 + 其他资金');
  });

  test('perf.funds: a 0.01 difference is reported and called rounding', async () => {
    const f = await planted('绩效-专项行动52', { F5: 51.99 });
    expect(brief(f)).toEqual(['perf.funds@D5']);
    expect(f[0].rounding).toBe(true);
  });

  test('perf.weights: one weight changed (sum 91)', async () => {
    const f = await planted('绩效-能力提升320', { G8: 4 });
    expect(brief(f)).toEqual(['perf.weights@G7']);
    expect(f[0]).toMatchObject({ actual: '91', expected: '90|100' });
  });

  test('perf.weights: a configured total', async () => {
    const g = await fixtureSheet(SEED004, '绩效-离休600');
    expect(brief(perfFindings(g, { weightsTotal: 100 }))).toEqual(['perf.weights@G7']);
    expect(perfFindings(g, { weightsTotal: 90 })).toEqual([]);
  });

  test('perf.weights: the total the form states in the 分值 heading is the one the weights must reach', async () => {
    const f = await planted('绩效-能力提升320', { G7: '指标分值权重（满分100分）' });
    expect(brief(f)).toEqual(['perf.weights@G7']);
    expect(f[0]).toMatchObject({ actual: '90', expected: '100' });
    expect(f[0].message).toContain('表中注明分值合计为 100 分');
    expect(await planted('绩效-能力提升320', { G7: '指标分值权重（90分）' })).toEqual([]);
  });

  test('perf.hierarchy: a run shifted right under a short 二级 name (社会效益), its values in words', async () => {
    const shifted = (value: string) => ({
      B31: null, C31: '社会效益', D31: '定点医疗机构就医购药结算服务保障能力', E31: value, F31: '其他标准', G31: '无', H31: 4, I31: '按评判等级赋分', J31: '工作资料',
      C32: null, D32: '互联网+就诊购药服务', E32: '有效改善', F32: '其他标准', G32: '无', H32: 4, I32: '按评判等级赋分', J32: '工作资料',
    });
    // The 分值 one column right of the 分值 column shows the shift even though the values are words.
    expect(brief(await planted('绩效-能力提升320', shifted('严格按照规定程序')))).toEqual(['perf.hierarchy@C31']);
  });

  test('perf.weights: a missing weight', async () => {
    const f = await planted('绩效-离休600', { G16: null });
    expect(brief(f)).toEqual(['perf.weights@G16', 'perf.weights@G7']);
  });

  test('perf.cost: money costs above the funds', async () => {
    const f = await planted('绩效-能力提升320', { D26: '≤170万元' });
    expect(brief(f)).toEqual(['perf.cost@D29']);
    expect(f[0]).toMatchObject({ actual: '330.00', expected: '<=320.00', parts: ['D26', 'D27', 'D28', 'D29'] });
  });

  test('perf.cost: 元 amounts are converted to 万元', async () => {
    expect(await planted('绩效-能力提升90', { D16: '<=100000 元' })).toEqual([]); // 80 + 10 = 90
    expect(brief(await planted('绩效-能力提升90', { D16: '<=100100 元' }))).toEqual(['perf.cost@D16']);
  });

  test('perf.cost: a per-person cost times the stated head count (1.5万元/人/年 × 61 + 508.50 = 600)', async () => {
    expect(brief(await planted('绩效-离休600', { D14: '=1.6 万元/人/年' }))).toEqual(['perf.cost@D15']);
    expect(brief(await planted('绩效-离休600', { D8: '=62 人', D9: '=62 人' }))).toEqual(['perf.cost@D15']);
  });

  test('perf.cost: a per-unit cost without an exact count is not summed', async () => {
    // "<=1322 元/次" with 办公出差次数 ">=9 次": the count is a lower bound, so nothing is summed.
    expect(await planted('绩效-全民参保1.19', { D8: '>=20 次' })).toEqual([]);
    // With an exact count it is: 1322 元 × 10 = 1.322 万元 > 1.19 万元.
    expect(brief(await planted('绩效-全民参保1.19', { D8: '=10 次' }))).toEqual(['perf.cost@D12']);
    expect(await planted('绩效-全民参保1.19', { D8: '=9 次' })).toEqual([]);
    // Two different exact counts of 人: not known.
    expect(await planted('绩效-离休600', { D9: '=70 人', D14: '=1.6 万元/人/年' })).toEqual([]);
  });

  test('perf.hierarchy: a 二级 under the wrong 一级', async () => {
    const f = await planted('绩效-能力提升320', { B30: '时效指标' });
    expect(brief(f)).toEqual(['perf.hierarchy@B30']);
    expect(f[0].message).toContain('应放在一级指标“产出指标”下');
    expect(brief(await planted('绩效-离休600', { B16: '数量指标' }))).toEqual(['perf.hierarchy@B16']);
  });

  test('perf.hierarchy: an unknown 二级, and a missing one', async () => {
    expect(brief(await planted('绩效-能力提升90', { B18: '公平性指标' }))).toEqual(['perf.hierarchy@B18']);
    const g = await fixtureSheet(SEED004, '绩效-离休600');
    // Without merges: a row that has an 一级 but no 二级.
    const f = perfFindings(withCells(g, { A16: '效益指标', B16: null }));
    expect(brief(f)).toEqual(['perf.hierarchy@B16']);
    expect(f[0].message).toContain('缺少二级指标');
  });

  test('perf.hierarchy: a blank 一级 or 二级 cell in a merged grid is a missing level, reported once', async () => {
    const f2 = await planted('绩效-能力提升320', { B18: null });
    expect(brief(f2)).toEqual(['perf.hierarchy@B18']);
    expect(f2[0].message).toContain('缺少二级指标');
    const f1 = await planted('绩效-能力提升320', { A26: null });
    expect(brief(f1)).toEqual(['perf.hierarchy@A26']);
    expect(f1[0].message).toContain('缺少一级指标');
  });

  test('perf.value: empty, number without unit, comparator without number', async () => {
    const f = await planted('绩效-能力提升320', { D9: null, D10: '>=1', D11: '≥' });
    expect(brief(f)).toEqual(['perf.value@D10', 'perf.value@D11', 'perf.value@D9']);
    expect(f.find((x) => x.cell === 'D9')!.message).toContain('为空');
    expect(f.find((x) => x.cell === 'D10')!.message).toContain('没有度量单位');
  });

  test('perf.duplicate: the same 三级 twice', async () => {
    const f = await planted('绩效-专项行动52', { C9: '定期医保机构交叉检查次数' });
    expect(brief(f)).toEqual(['perf.duplicate@C9']);
    expect(f[0].parts).toEqual(['C8']);
  });

  test('perf.goal-amounts: allocations in the goal text that miss the total', async () => {
    const f = await planted('绩效-专项行动52', { C6: '一、专项检查项目30万元；二、全民参保宣传经费20万元。' });
    expect(brief(f)).toEqual(['perf.goal-amounts@C6']);
    expect(f[0].severity).toBe('warning');
    expect(await planted('绩效-专项行动52', { C6: '一、专项检查项目32万元；二、全民参保宣传经费20万元。' })).toEqual([]);
  });
});

describe('goalAllocations', () => {
  test('reads sub-project allocations, not other amounts', () => {
    expect(goalAllocations('一、医保智能审核第三方服务项目35.81万元:目标1… 二、装备项目4.13万元').map((a) => a.text)).toEqual(['35.81万元', '4.13万元']);
    expect(goalAllocations('追回医保基金600万元，检查80家')).toEqual([]);
  });
});
