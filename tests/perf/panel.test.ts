import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PerfPanel } from '../../src/taskpane/perf/PerfPanel';
import { addLibraryIndicators, generateTemplate, normalizeActive } from '../../src/taskpane/perf/actions';
import { searchLibrary } from '../../src/core/perf/library';
import { detectPerformanceTables, perfOf } from '../../src/core/perf/detect';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { Grid } from '../../src/core/grid';
import { parseRange, toA1 } from '../../src/core/grid/address';
import type { SheetPlan } from '../../src/core/plan';
import type { SpreadsheetHost } from '../../src/hosts/host';
import { fixtureSheet, gridOfPlan } from './helpers';

/** A host over one grid that records what the pane asks of it. */
class RecordingHost implements Partial<SpreadsheetHost> {
  readonly kind = 'demo' as const;
  plans: SheetPlan[] = [];
  inserted: (string | number | null)[][][] = [];
  constructor(
    private grid: Grid,
    private sel = { row: 0, col: 0 },
  ) {}
  async readActiveSheet() {
    return this.grid;
  }
  async getSelection() {
    return { sheet: this.grid.name, address: toA1(this.sel.row, this.sel.col), top: this.sel.row, left: this.sel.col, rowCount: 1, colCount: 1 };
  }
  async addSheet(plan: SheetPlan) {
    this.plans.push(plan);
    return plan.name;
  }
  async insertAtSelection(values: (string | number | null)[][]) {
    this.inserted.push(values);
  }
  async readCells(_sheet: string, range: string) {
    const r = parseRange(range);
    const out: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: string[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(this.grid.text(row, col));
      out.push(line);
    }
    return out;
  }
  asHost(): SpreadsheetHost {
    return this as unknown as SpreadsheetHost;
  }
}

test('the pane names its controls: 生成绩效目标表, the variants, 规范化, the library (zh-CN and en-US)', () => {
  const host = {} as SpreadsheetHost;
  const zh = renderToStaticMarkup(React.createElement(PerfPanel, { host, settings: DEFAULT_SETTINGS, locale: 'zh-CN' }));
  expect(zh).toMatch(/<button[^>]*>生成绩效目标表<\/button>/);
  expect(zh).toMatch(/<button[^>]*>规范化<\/button>/);
  expect(zh).toMatch(/<button[^>]*>添加到选区<\/button>/);
  for (const label of ['项目支出绩效目标表', '中央对地方转移支付区域绩效目标表', '部门整体绩效目标表', '搜索指标', '定点医药机构监督检查覆盖率']) expect(zh).toContain(label);
  const en = renderToStaticMarkup(React.createElement(PerfPanel, { host, settings: DEFAULT_SETTINGS, locale: 'en-US' }));
  expect(en).toMatch(/<button[^>]*>Generate target sheet<\/button>/);
});

test('生成绩效目标表: a standard sheet through host.addSheet, prefilled from the table on the active sheet', async () => {
  const host = new RecordingHost(await fixtureSheet('seed004-projects.xlsx', '绩效-离休600'), { row: 10, col: 2 });
  const notice = await generateTemplate(host.asHost(), { variant: 'project', year: '2024', regions: '', weights: true, split: true, prefill: true });
  expect(notice.intent).toBe('success');
  expect(host.plans).toHaveLength(1);
  const back = perfOf(detectPerformanceTables(gridOfPlan(host.plans[0]))[0])!;
  expect(back.header.name?.value).toBe('州直企业离休干部医疗保险基金');
  expect(back.year).toBe('2024');

  const blank = new RecordingHost(new Grid({ name: '空', cells: [] }));
  const n = await generateTemplate(blank.asHost(), { variant: 'regional', year: '', regions: '梁河，盈江', weights: false, split: false, prefill: true });
  expect(n.text).toContain('空白表样');
  expect(perfOf(detectPerformanceTables(gridOfPlan(blank.plans[0]))[0])!.columns.regions.map((r) => r.name)).toEqual(['梁河', '盈江']);
});

test('规范化: the repaired table goes to a new sheet, with what moved and what needs deciding', async () => {
  const host = new RecordingHost(await fixtureSheet('seed000-regional.xlsx', '区域绩效目标表'));
  const notice = await normalizeActive(host.asHost(), true);
  expect(notice.intent).toBe('warning');
  expect(notice.text).toContain('待人工核定 5 个');
  expect(notice.lines!.some((l) => l.includes('综合指标'))).toBe(true);
  expect(host.plans[0].name).toBe('区域绩效目标表（规范）');
  const none = new RecordingHost(new Grid({ name: '空', cells: [[{ value: '单位' }]] }));
  expect((await normalizeActive(none.asHost(), true)).text).toContain('没有找到绩效目标表');
  expect(none.plans).toEqual([]);
});

test('指标库: rows written at the selection in the shape of the table under it', async () => {
  const entries = searchLibrary('响应时间', 'price');
  const sheet = await fixtureSheet('seed004-projects.xlsx', '绩效-能力提升320');
  const inTable = new RecordingHost(sheet, { row: 24, col: 2 });
  // The cells under the selection hold an indicator: the officer is asked first, and a cancel writes nothing.
  const asked: string[][] = [];
  const cancel = async (o: { cells: { cell: string; text: string }[] }) => {
    asked.push(o.cells.map((c) => `${c.cell}=${c.text}`));
    return false;
  };
  const cancelled = await addLibraryIndicators(inTable.asHost(), entries, undefined, cancel);
  expect(cancelled.text).toContain('已取消');
  expect(inTable.inserted).toEqual([]);
  expect(asked).toEqual([[`C25=${sheet.text(24, 2)}`, `D25=${sheet.text(24, 3)}`].filter((x) => !x.endsWith('='))]);
  expect(asked[0].length).toBeGreaterThan(0);
  // Without a way to ask, nothing is overwritten either.
  await addLibraryIndicators(inTable.asHost(), entries);
  expect(inTable.inserted).toEqual([]);
  await addLibraryIndicators(inTable.asHost(), entries, undefined, async () => true);
  expect(inTable.inserted).toEqual([[['医药价格监测系统运行维护响应时间', '≤30分钟']]]);

  const split = gridOfPlan((await (async () => {
    const h = new RecordingHost(new Grid({ name: '空', cells: [] }));
    await generateTemplate(h.asHost(), { variant: 'project', year: '', regions: '', weights: true, split: true, prefill: false });
    return h.plans[0];
  })()));
  const perf = perfOf(detectPerformanceTables(split)[0])!;
  const first = perf.indicators[0];
  const host = new RecordingHost(split, { row: first.row, col: perf.columns.level3 });
  // A blank row of the form: nothing to overwrite, nothing to ask.
  await addLibraryIndicators(host.asHost(), entries, undefined, async () => {
    throw new Error('asked although the cells are empty');
  });
  expect(host.inserted).toEqual([[['医药价格监测系统运行维护响应时间', '≤', '30', '分钟']]]);
  expect((await addLibraryIndicators(host.asHost(), [])).intent).toBe('warning');
});
