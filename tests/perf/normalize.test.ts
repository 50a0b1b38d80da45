import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { normalizePerformanceTable } from '../../src/core/perf/normalize';
import { checkSheet } from '../../src/core/engine';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { writePlanToXlsx } from '../../src/hosts/file/renderPlan';
import { fixtureSheet } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-perf-normalize-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function roundTrip(file: string, sheet: string, split?: boolean) {
  const g = await fixtureSheet(file, sheet);
  const table = detectPerformanceTables(g)[0];
  const result = normalizePerformanceTable(table, split === undefined ? {} : { splitValue: split });
  const out = path.join(tmp, `${sheet}.xlsx`);
  await writePlanToXlsx(result.plan, out);
  const back = (await readXlsxFile(out)).sheets[0];
  return { source: perfOf(table)!, result, back, perf: perfOf(detectPerformanceTables(back)[0])! };
}

describe('normalize seed 000 (damaged 区域绩效目标表)', () => {
  test('every indicator kept; 二级 moved under the 一级 the standard gives; the rest listed', async () => {
    const { source, result, perf } = await roundTrip('seed000-regional.xlsx', '区域绩效目标表');
    expect(result.indicatorCount).toBe(29);
    expect(perf.indicators.map((i) => i.name).sort()).toEqual(source.indicators.map((i) => i.name).sort());
    const where = (name: string) => {
      const i = perf.indicators.find((x) => x.name === name)!;
      return `${i.level1?.text}/${i.level2?.text}`;
    };
    expect(where('监测点医疗机构数据采集率')).toBe('产出指标/时效指标');
    expect(where('医疗服务与保障能力提升补助成本')).toBe('成本指标/经济成本指标');
    expect(where('符合国家DRG目录库1.0范围')).toBe('效益指标/可持续影响指标');
    expect(where('病种覆盖率')).toBe('产出指标/数量指标');
    expect(result.moved.filter((m) => m.to === '产出指标 / 时效指标')).toHaveLength(5);
    expect(result.moved.filter((m) => m.to === '成本指标 / 经济成本指标')).toHaveLength(5);
    expect(result.unplaced.map((u) => u.level2)).toEqual(Array(5).fill('综合指标'));
    expect(result.unplaced[0]).toMatchObject({ name: '提升诊疗服务能力能力和水平', cell: 'D37', level1: '满意度指标' });
    expect(result.droppedLabels.map((d) => d.text).sort()).toEqual(['公平性指标', '社会公众指标']);
    // The unplaced rows come last and stay flagged: the check still points at them, nothing else.
    const r = checkSheet((await readXlsxFile(path.join(tmp, '区域绩效目标表.xlsx'))).sheets[0]);
    expect(r.findings.map((f) => `${f.rule}:${f.actual}`)).toEqual(['perf.hierarchy:综合指标']);
    expect(result.plan.cells.filter((c) => c.style?.fill).length).toBeGreaterThan(0);
  });

  test('指标值 split into 指标性质 | 指标值 | 度量单位, and read back the same', async () => {
    const { result, perf } = await roundTrip('seed000-regional.xlsx', '区域绩效目标表', true);
    const headers = result.plan.cells.filter((c) => c.style?.bold && ['指标性质', '指标值', '度量单位'].includes(String(c.value)));
    expect(headers).toHaveLength(3);
    const cost = perf.indicators.find((i) => i.name === '医疗服务与保障能力提升补助成本')!;
    expect([cost.nature?.text, cost.value.raw, cost.unit?.text]).toEqual(['=', '148', '万元']);
    expect(cost.value).toMatchObject({ number: '148', money: { unit: '万元', per: [] } });
    const resp = perf.indicators.find((i) => i.name === '医药价格监测系统运行维护响应时间')!;
    expect([resp.nature?.text, resp.value.raw, resp.unit?.text]).toEqual(['≤', '30', '分钟']);
    const grade = perf.indicators.find((i) => i.name === '医药价格监测质量')!;
    expect([grade.nature?.text, grade.value.raw]).toEqual(['定性', '显著提升']);
  });

  test('unsplit keeps the values as written', async () => {
    const { perf } = await roundTrip('seed000-regional.xlsx', '区域绩效目标表', false);
    expect(perf.columns.nature).toBeUndefined();
    expect(perf.indicators.find((i) => i.name === '病种覆盖率')!.value.raw).toBe('不低于70%');
  });
});

describe('normalize tables that are already standard', () => {
  test.each(['绩效-能力提升320', '绩效-离休600'])('seed 004 %s: same indicators, weights and funds; still clean', async (sheet) => {
    const { source, result, back, perf } = await roundTrip('seed004-projects.xlsx', sheet);
    expect(result.unplaced).toEqual([]);
    expect(perf.indicators.map((i) => [i.level1?.text, i.name, i.weight?.amount?.toString()])).toEqual(
      source.indicators.map((i) => [i.level1?.text, i.name, i.weight?.amount?.toString()]),
    );
    expect(perf.header.funds[0].total.amount?.toString()).toBe(source.header.funds[0].total.amount?.toString());
    expect(checkSheet(back).findings).toEqual([]);
  });

  test('seed 002 县级: 服务对象满意度 is renamed to the standard 服务对象满意度指标 and reported as moved', async () => {
    const { result, perf } = await roundTrip('seed002-shangrao.xlsx', '县级区域绩效目标表');
    expect(result.moved.map((m) => m.to)).toEqual(['满意度指标 / 服务对象满意度指标']);
    expect(perf.indicators.find((i) => i.name === '提升医保专业服务水平')!.level2?.text).toBe('可持续影响指标');
  });

  test('seed 001 with its county column keeps the county values', async () => {
    const { perf } = await roundTrip('seed001-regional-lianghe.xlsx', '绩效目标表');
    expect(perf.columns.regions.map((r) => r.name)).toEqual(['梁河']);
    expect(perf.indicators).toHaveLength(22);
    expect(perf.indicators[0].regionValues[0].value.raw).toBe('≥2次');
  });
});

test('a table that is not a performance table is refused with a Chinese message', () => {
  expect(() => normalizePerformanceTable({ kind: 'allocation', range: { top: 0, left: 0, bottom: 0, right: 0 }, headerTop: 0, headerBottom: 0, totalRows: [], codeCols: [], columns: [], rows: [] })).toThrow('不是绩效目标表');
});
