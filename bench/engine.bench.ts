/**
 * Engine benchmark (`npm run bench engine`). Builds its own large workbooks with exceljs in a temp folder:
 * a 科目表 of N classification rows (类/款/项 codes split over three columns, 6 amount columns, a 合计 row on top,
 * a few planted mismatches) and a sheet of stacked 资金分配表. Then it times, separately:
 *   - read: the exceljs load of the file (the file library alone), then worksheetToGrid (exceljs → Grid);
 *   - check: checkSheet (detectTables + every rule) on each Grid;
 * and prints checks / exceljs load (target ≤ 25 %), peak memory and how time grows with 2× rows (target ≤ 2.2×).
 * As in the file host (readXlsxBuffer keeps only the Grids), nothing holds the exceljs workbook once its
 * Grids are built, so the checks do not pay for collecting around it. After four warm-up passes the best of
 * 7 passes is kept, and the linearity sizes are measured in turn, pass by pass: this machine is a shared VM
 * whose stolen time shows up as wall time, and a collection of the read's garbage may fall into either
 * phase. The check/load ratio of each pass is printed too: its two phases run a second apart, so the VM's
 * drift mostly cancels.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { functionTree, rng } from './catalogTree';
import { checkSheet } from '../src/core/engine';
import type { Grid } from '../src/core/grid';
import { worksheetToGrid } from '../src/hosts/file/readXlsx';


const cents = (n: number) => n / 100; // integer cents → 万元 with 2 decimals (exact when written as text)

/** Amount columns: 合计 = 基本支出小计 + 项目支出 + 经营支出; 基本支出小计 = 人员经费 + 公用经费. */
type Amounts = [number, number, number, number, number, number];

function itemAmounts(rand: () => number): Amounts {
  const staff = Math.floor(rand() * 50_00);
  const office = Math.floor(rand() * 100_00);
  const project = Math.floor(rand() * 2_000_00);
  const business = rand() < 0.9 ? 0 : Math.floor(rand() * 50_00);
  const basic = staff + office;
  return [basic + project + business, basic, staff, office, project, business];
}

function addAmounts(into: Amounts, a: Amounts): void {
  for (let i = 0; i < 6; i++) into[i] += a[i];
}

export interface BuildStats {
  classificationRows: number;
  allocationTables: number;
  planted: number;
}

/**
 * Write the workbook with the streaming writer (generation is not what we measure). `rows` counts the body rows of
 * the 科目表 (类 + 款 + 项 rows); one planted mismatch every ~2,000 rows gives the checks real findings to report.
 */
export interface BuildOptions {
  /**
   * Share of 款 and 项 rows whose code is replaced by one the catalog does not have (款/项 parts 70–98, names kept):
   * an old edition, a local code list, a pasted column of 项目编码. 0 (the default): every code is a real one.
   */
  unknownCodes?: number;
}

export async function buildBenchWorkbook(file: string, rows: number, allocationTables: number, options: BuildOptions = {}): Promise<BuildStats> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const rand = rng(rows * 31 + allocationTables);
  let planted = 0;

  // ---- 科目表 ----
  const ws = wb.addWorksheet('表3 支出总体');
  const fmt = '#,##0.00';
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = '2025年部门支出总体情况表';
  ws.getCell('J2').value = '单位：万元';
  ws.getRow(3).values = ['科目编码', null, null, '科目名称', '合计', '基本支出', null, null, '项目支出', '事业单位经营支出'];
  ws.getRow(4).values = ['类', '款', '项', null, null, '小计', '人员经费', '公用经费', null, null];
  ws.mergeCells('A3:C3');
  ws.mergeCells('D3:D4');
  ws.mergeCells('E3:E4');
  ws.mergeCells('F3:H3');
  ws.mergeCells('I3:I4');
  ws.mergeCells('J3:J4');

  // Plan the hierarchy first (parents need their children's sums). Codes and names are the real 2025 支出功能分类,
  // 类 → 款 → 项 in catalog order, repeated from the top when the table is longer than the catalog.
  type Line = { codes: [string, string, string]; name: string; amounts: Amounts; level: 0 | 1 | 2 };
  const lines: Line[] = [];
  const total: Amounts = [0, 0, 0, 0, 0, 0];
  const tree = functionTree();
  const unknown = options.unknownCodes ?? 0;
  const codeRand = rng(rows * 7 + 1);
  const part = (real: string) => (unknown > 0 && codeRand() < unknown ? String(70 + Math.floor(codeRand() * 29)) : real);
  for (let b = 0; lines.length < rows; b = (b + 1) % tree.length) {
    const lei = tree[b];
    const leiLine: Line = { codes: [lei.code, '', ''], name: lei.name, amounts: [0, 0, 0, 0, 0, 0], level: 0 };
    lines.push(leiLine);
    for (const kuan of lei.children) {
      if (lines.length >= rows) break;
      const kuanCode = part(kuan.code.slice(3));
      const kuanLine: Line = { codes: [lei.code, kuanCode, ''], name: kuan.name, amounts: [0, 0, 0, 0, 0, 0], level: 1 };
      lines.push(kuanLine);
      if (kuan.children.length === 0) kuanLine.amounts = itemAmounts(rand);
      for (const xiang of kuan.children) {
        if (lines.length >= rows) break;
        const a = itemAmounts(rand);
        lines.push({ codes: [lei.code, kuanCode, part(xiang.code.slice(5))], name: xiang.name, amounts: a, level: 2 });
        addAmounts(kuanLine.amounts, a);
      }
      addAmounts(leiLine.amounts, kuanLine.amounts);
    }
    addAmounts(total, leiLine.amounts);
  }
  const totalRow = ws.getRow(5);
  totalRow.values = [null, null, null, '合计', ...total.map(cents)];
  for (let c = 5; c <= 10; c++) totalRow.getCell(c).numFmt = fmt;
  totalRow.commit();
  lines.forEach((line, i) => {
    const row = ws.getRow(6 + i);
    const values = line.amounts.map(cents);
    // Plant a stated total that is off by a small amount on some 款 rows (a parent ≠ Σ children).
    if (line.level === 1 && i % 2000 < 9 && i > 0) {
      values[0] = cents(line.amounts[0] + 1);
      planted++;
    }
    row.values = [line.codes[0], line.codes[1], line.codes[2], line.name, ...values];
    for (let c = 5; c <= 10; c++) row.getCell(c).numFmt = fmt;
    row.commit();
  });
  ws.commit();

  // ---- stacked 资金分配表 ----
  const wa = wb.addWorksheet('分配表');
  const counties = ['汉滨区', '汉阴县', '石泉县', '宁陕县', '紫阳县', '岚皋县', '平利县', '镇坪县', '旬阳市', '白河县'];
  let r = 1;
  for (let t = 0; t < allocationTables; t++) {
    wa.mergeCells(r, 1, r, 5);
    wa.getCell(r, 1).value = `2025年第${t + 1}批补助资金分配表`;
    wa.getCell(r + 1, 5).value = '单位：万元';
    wa.getRow(r + 2).values = ['县区', '合计', '其中', null, '备注'];
    wa.getRow(r + 3).values = [null, null, '中央资金', '省级资金', null];
    wa.mergeCells(r + 2, 3, r + 2, 4);
    wa.mergeCells(r + 2, 1, r + 3, 1);
    wa.mergeCells(r + 2, 2, r + 3, 2);
    wa.mergeCells(r + 2, 5, r + 3, 5);
    const body: Amounts[] = counties.map(() => {
      const central = Math.floor(rand() * 800_00);
      const province = Math.floor(rand() * 200_00);
      return [central + province, central, province, 0, 0, 0];
    });
    const sum: Amounts = [0, 0, 0, 0, 0, 0];
    body.forEach((a) => addAmounts(sum, a));
    const stated = t % 50 === 7 ? sum[0] + 1 : sum[0];
    if (stated !== sum[0]) planted++;
    wa.getRow(r + 4).values = ['合计', cents(stated), cents(sum[1]), cents(sum[2]), null];
    body.forEach((a, i) => {
      wa.getRow(r + 5 + i).values = [counties[i], cents(a[0]), cents(a[1]), cents(a[2]), i % 3 === 0 ? '基层能力建设' : null];
    });
    for (let rr = r + 4; rr <= r + 4 + counties.length; rr++) for (let c = 2; c <= 4; c++) wa.getCell(rr, c).numFmt = fmt;
    r += 4 + 1 + counties.length + 2; // one blank row between tables
  }
  wa.commit();
  await wb.commit();
  return { classificationRows: rows, allocationTables, planted };
}

/** Peak memory: the process's own max RSS, plus heap samples taken between phases and on a timer. */
class MemoryProbe {
  peakHeap = 0;
  peakRss = 0;
  private timer?: NodeJS.Timeout;
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
  }
  sample(): void {
    const m = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
    this.peakRss = Math.max(this.peakRss, m.rss);
  }
  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** CPU time of this process (user + system), in ms: far less disturbed than wall time when the machine is shared. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Wall and CPU milliseconds of one phase. */
interface Timing {
  wall: number;
  cpu: number;
}

interface Measure {
  load: Timing;
  grid: Timing;
  check: Timing;
  /** check / exceljs load of each pass (wall): the two phases run seconds apart, so drift in the VM's speed cancels. */
  ratios: number[];
  /** Wall time of each measured pass: load, checks. */
  loads: number[];
  checks: number[];
  tables: number;
  findings: number;
  cells: number;
}

const best = (a: Timing, b: Timing): Timing => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });
const plus = (a: Timing, b: Timing): Timing => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

async function timed<T>(f: () => T | Promise<T>): Promise<[T, Timing]> {
  const w = now();
  const c = cpu();
  const value = await f();
  return [value, { wall: now() - w, cpu: cpu() - c }];
}

/**
 * Passes run before measuring: the JIT compiles exceljs and the engine on them. With fewer, the first
 * measured passes of the main workbook ran a third slower than the same workbook measured later.
 */
const WARM_UP = 4;

/** One pass over a file: exceljs load, worksheet → Grid, checkSheet on each Grid. */
async function onePass(file: string, probe: MemoryProbe): Promise<{ load: Timing; grid: Timing; check: Timing; tables: number; findings: number; cells: number }> {
  // The workbook is held in a box so that nothing keeps it once its Grids exist (readXlsxBuffer keeps only the Grids).
  const box: { book?: ExcelJS.Workbook } = {};
  const [, load] = await timed(async () => {
    box.book = new ExcelJS.Workbook();
    await box.book.xlsx.readFile(file);
  });
  probe.sample();
  const [grids, grid] = await timed(() => box.book!.worksheets.map((ws) => worksheetToGrid(ws)));
  delete box.book;
  probe.sample();
  const [counts, check] = await timed(() => {
    const c = { tables: 0, findings: 0, cells: 0 };
    for (const g of grids as Grid[]) {
      const r = checkSheet(g);
      c.tables += r.tables.length;
      c.findings += r.findings.length;
      c.cells += g.rowCount * g.colCount;
    }
    return c;
  });
  probe.sample();
  return { load, grid, check, ...counts };
}

/**
 * Passes over files, taken in turn (pass 1 of every file, then pass 2 …) so that a slow spell of the VM
 * falls on all of them alike; per file, the best of `repeat` per phase after WARM_UP passes not counted.
 */
async function measure(files: string[], probe: MemoryProbe, repeat: number): Promise<Measure[]> {
  const none: Timing = { wall: Infinity, cpu: Infinity };
  const out: Measure[] = files.map(() => ({ load: none, grid: none, check: none, ratios: [], loads: [], checks: [], tables: 0, findings: 0, cells: 0 }));
  for (let i = -WARM_UP; i < repeat; i++) {
    for (let k = 0; k < files.length; k++) {
      const p = await onePass(files[k], probe);
      if (i < 0) continue;
      const m = out[k];
      Object.assign(m, { tables: p.tables, findings: p.findings, cells: p.cells, load: best(m.load, p.load), grid: best(m.grid, p.grid), check: best(m.check, p.check) });
      m.ratios.push(p.check.wall / p.load.wall);
      m.loads.push(p.load.wall);
      m.checks.push(p.check.wall);
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
const times = (a: number, b: number) => `${(a / Math.max(b, 0.001)).toFixed(2)}×`;
const both = (t: Timing) => `${ms(t.wall)} / ${ms(t.cpu)}`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const padTo = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  return rows.map((r) => r.map((cell, c) => padTo(cell, widths[c])).join('  ')).join('\n');
}

export async function run(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaohe-bench-'));
  const probe = new MemoryProbe();
  try {
    // Main workbook: 20,000 科目 rows × 6 amount columns + 300 stacked allocation tables.
    const mainFile = path.join(dir, 'bench-20000.xlsx');
    const built = await buildBenchWorkbook(mainFile, 20_000, 300);
    const size = (await fs.stat(mainFile)).size;
    probe.start();
    const [main] = await measure([mainFile], probe, 7);
    probe.stop();
    const read = plus(main.load, main.grid);
    console.log(
      `workbook: ${built.classificationRows} 科目 rows × 6 amount columns + ${built.allocationTables} allocation tables, ` +
        `${(size / 2 ** 20).toFixed(1)} MB, ${main.cells.toLocaleString('en-US')} grid cells, ${built.planted} planted mismatches`,
    );
    console.log(
      table([
        ['phase', 'wall / CPU', 'note'],
        ['read: exceljs load', both(main.load), 'the file library alone'],
        ['read: worksheet → Grid', both(main.grid), ''],
        ['read total', both(read), ''],
        ['detect + checks', both(main.check), `${main.tables} tables, ${main.findings} findings`],
        ['checks / read', `${pct(main.check.wall, read.wall)} / ${pct(main.check.cpu, read.cpu)}`, 'read = exceljs load + Grid'],
        ['checks / exceljs load', `${pct(main.check.wall, main.load.wall)} / ${pct(main.check.cpu, main.load.cpu)}`, 'target ≤ 25 % (read = the file library alone)'],
        ['  per pass (wall)', main.ratios.map((r) => pct(r, 1)).join(' '), `median ${pct(median(main.ratios), 1)}`],
        ['peak RSS', mb(Math.max(probe.peakRss, process.resourceUsage().maxRSS * 1024)), 'process max (incl. generation)'],
        ['peak heapUsed', mb(probe.peakHeap), 'sampled'],
      ]),
    );

    // Linearity: double the rows (and the allocation tables) twice.
    console.log('\nlinearity (rows of 科目表; allocation tables scale along; CPU time, wall in brackets):');
    const sizes = [10_000, 20_000, 40_000];
    const files: string[] = [];
    for (const n of sizes) {
      const f = path.join(dir, `lin-${n}.xlsx`);
      await buildBenchWorkbook(f, n, Math.round((300 * n) / 20_000));
      files.push(f);
    }
    const results = await measure(files, probe, 7);
    const rows: string[][] = [['rows', 'read', 'detect+checks', 'read ×', 'checks ×', 'median: load ×, checks ×', 'checks/read', 'checks/load, median per pass']];
    results.forEach((m, i) => {
      const prev = results[i - 1];
      const r = plus(m.load, m.grid);
      const pr = prev && plus(prev.load, prev.grid);
      rows.push([
        String(sizes[i]),
        `${ms(r.cpu)} (${ms(r.wall)})`,
        `${ms(m.check.cpu)} (${ms(m.check.wall)})`,
        pr ? `${times(r.cpu, pr.cpu)} (${times(r.wall, pr.wall)})` : '',
        prev ? `${times(m.check.cpu, prev.check.cpu)} (${times(m.check.wall, prev.check.wall)})` : '',
        prev ? `${times(median(m.loads), median(prev.loads))}, ${times(median(m.checks), median(prev.checks))}` : '',
        `${pct(m.check.cpu, r.cpu)} (${pct(m.check.wall, r.wall)})`,
        pct(median(m.ratios), 1),
      ]);
    });
    console.log(table(rows));
    console.log(`targets: checks ≤ 25 % of the exceljs load; 2× rows → ≤ 2.2× time (sizes measured in turn; best of 7 passes each, after ${WARM_UP} warm-up passes)`);
    const load = os.loadavg()[0];
    if (load > os.cpus().length) {
      console.log(`note: load average ${load.toFixed(1)} on ${os.cpus().length} CPUs — other processes compete; CPU times are the steadier figures`);
    }
  } finally {
    probe.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
