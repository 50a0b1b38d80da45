import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { perfTemplate, standardLevels, VARIANT_TITLES } from '../../src/core/perf/plan';
import { templatePrefill } from '../../src/core/perf/prefill';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { checkSheet } from '../../src/core/engine';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { writePlanToXlsx } from '../../src/hosts/file/renderPlan';
import { gridFromRows } from '../../src/core/grid';
import { STANDARD_CHILDREN } from '../../src/core/perf/framework';
import type { PerfVariant } from '../../src/core/perf/types';
import { fixtureSheet } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-perf-template-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const BLANK_ROWS = standardLevels().reduce((n, l1) => n + l1.children.reduce((m, l2) => m + l2.indicators.length, 0), 0);

describe.each<PerfVariant>(['project', 'regional', 'department'])('%s template', (variant) => {
  const file = path.join(tmp, `${variant}.xlsx`);
  beforeAll(async () => {
    await writePlanToXlsx(perfTemplate({ variant, year: '2025' }), file);
  });

  test('read back and checked: a performance table whose only findings are the empty values', async () => {
    const book = await readXlsxFile(file);
    const r = checkSheet(book.sheets[0]);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ kind: 'performance', title: VARIANT_TITLES[variant], unit: '万元' });
    // A blank form is unfilled, not wrong: one finding for the table, not one error per row.
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'perf.value', severity: 'warning' });
    expect(r.findings[0].message).toContain(`待填写 ${BLANK_ROWS} 项`);
    const p = perfOf(r.detected[0])!;
    expect(p.variant).toBe(variant);
    expect(p.year).toBe('2025');
    // Every standard 二级 is there, under its 一级, ready to fill.
    const pairs = new Set(p.indicators.map((i) => `${i.level1?.text}/${i.level2?.text}`));
    for (const [l1, children] of Object.entries(STANDARD_CHILDREN)) for (const l2 of children) expect(pairs).toContain(`${l1}/${l2}`);
  });

  test('layout: merges, borders, 宋体, bold title, 0.00 amounts, A4 landscape fit to width', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    // The indicator header row repeats on every printed page.
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    const [first] = String(ws.pageSetup.printTitlesRow).split(':').map(Number);
    expect(ws.getCell(first, 1).value).toBe('一级指标');
    const merges = (ws.model as { merges: string[] }).merges;
    expect(merges.length).toBeGreaterThan(20);
    const total = (ws.columns ?? []).reduce((a, c) => a + (c.width ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(total).toBeLessThanOrEqual(145);
    let fundCells = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.numFmt === '0.00') fundCells++;
        if (cell.value !== null && cell.value !== undefined && String(cell.value) !== '' && Number(cell.row) > 2) {
          expect(cell.border?.top?.style).toBe('thin');
          expect(cell.font?.name).toBe('宋体');
        }
      }),
    );
    expect(fundCells).toBeGreaterThanOrEqual(3);
  });
});

test('weights total row: a SUM formula under the weights, only when weights are used', () => {
  const withWeights = perfTemplate({ variant: 'project' });
  const sum = withWeights.cells.find((c) => c.formula?.startsWith('=SUM('));
  expect(sum).toBeDefined();
  expect(withWeights.cells.find((c) => c.row === sum!.row && c.col === 0)?.value).toBe('合计');
  expect(perfTemplate({ variant: 'project', weights: false }).cells.some((c) => c.formula)).toBe(false);
  expect(perfTemplate({ variant: 'regional' }).cells.some((c) => c.formula)).toBe(false);
});

test('regional template with one 区域目标值 column per county, read back', async () => {
  const file = path.join(tmp, 'regions.xlsx');
  await writePlanToXlsx(perfTemplate({ variant: 'regional', regions: ['梁河', '盈江', '陇川'] }), file);
  const g = (await readXlsxFile(file)).sheets[0];
  const p = perfOf(detectPerformanceTables(g)[0])!;
  expect(p.columns.regions.map((r) => r.name)).toEqual(['梁河', '盈江', '陇川']);
  const r = checkSheet(g);
  expect(r.findings).toHaveLength(1);
  expect(r.findings[0].message).toContain(`待填写 ${BLANK_ROWS * 3} 项`);
});

test('prefilled from a detected table’s header block', async () => {
  const src = perfOf(detectPerformanceTables(await fixtureSheet('seed004-projects.xlsx', '绩效-离休600'))[0])!;
  const plan = perfTemplate({ variant: 'project', prefill: templatePrefill(src), year: '2024' });
  const file = path.join(tmp, 'prefilled.xlsx');
  await writePlanToXlsx(plan, file);
  const g = (await readXlsxFile(file)).sheets[0];
  const t = detectPerformanceTables(g)[0];
  const p = perfOf(t)!;
  expect(p.header.name?.value).toBe('州直企业离休干部医疗保险基金');
  expect(p.header.departments.map((d) => d.value)).toEqual(['新疆巴州医疗保障局', '牛曼玲']);
  expect(p.header.funds[0].total.amount?.toString()).toBe('600');
  expect(p.header.funds[0].parts.map((x) => [x.label, x.amount?.toString()])).toEqual([
    ['其中：财政拨款', '0'],
    ['其他资金', '600'],
  ]);
  expect(g.text(p.header.funds[0].total.valueCell!.row, p.header.funds[0].total.valueCell!.col)).toBe('600.00');
  expect(p.header.goal?.value).toMatch(/^为切实贯彻/);
  expect(new Set(checkSheet(g).findings.map((f) => f.rule))).toEqual(new Set(['perf.value']));
});

test('prefill carries the source year: "(2023 年)" gives （2023年度）, and an explicit year wins', () => {
  const src = gridFromRows('绩效', [
    ['项目支出绩效目标表'],
    ['（2023 年）'],
    ['项目名称', '测试项目'],
    ['年度目标', '完成建设'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '完成户数', '≥100户'],
    ['效益指标', '社会效益指标', '群众受益', '显著提升'],
  ]);
  const perf = perfOf(detectPerformanceTables(src)[0])!;
  expect(perf.year).toBe('2023');
  const yearLine = (plan: ReturnType<typeof perfTemplate>) => plan.cells.find((c) => /年度）$/.test(String(c.value)))?.value;
  expect(yearLine(perfTemplate({ variant: 'project', prefill: templatePrefill(perf) }))).toBe('（2023年度）');
  expect(yearLine(perfTemplate({ variant: 'project', prefill: templatePrefill(perf), year: '2025' }))).toBe('（2025年度）');
});
