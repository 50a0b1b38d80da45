/**
 * Demo host benchmark (`npm run bench demo`): the engine's time for a 20,000-row sheet through the DemoHost, in
 * Node, as the demo page runs it — read (DemoHost.readActiveSheet, chunked, with progress) → checkSheet →
 * markFindings, then clearMarks. The sheet is a 科目表 built in memory from the built-in 2025 catalog
 * (类/款/项 rows in one code column, 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费, a 合计 row on
 * top) with a planted mismatch every 2,000 rows.
 */
import { functionTree, rng } from './catalogTree';
import { checkSheet } from '../src/core/engine';
import { CellData, Grid } from '../src/core/grid';
import { DemoHost } from '../src/hosts/demo/DemoHost';
import { DemoWorkbook } from '../src/hosts/demo/workbook';

const BODY_ROWS = 20_000;
const ROUNDS = 3;


/** Amounts in integer cents: [合计, 基本支出, 人员经费, 公用经费, 项目支出]. */
type Amounts = [number, number, number, number, number];

function num(cents: number): CellData {
  const value = cents / 100;
  return { value, numberFormat: '#,##0.00', text: (cents / 100).toFixed(2) };
}

function text(s: string): CellData {
  return { value: s };
}

function leafAmounts(rand: () => number): Amounts {
  const staff = Math.floor(rand() * 50_00);
  const office = Math.floor(rand() * 100_00);
  const project = Math.floor(rand() * 2_000_00);
  return [staff + office + project, staff + office, staff, office, project];
}

/** A 科目表 with `bodyRows` 类/款/项 rows (the catalog tree repeated as needed) and one planted error per 2,000 rows. */
function buildSheet(bodyRows: number): { grid: Grid; planted: number } {
  const rand = rng(bodyRows);
  const tree = functionTree();
  const body: { code: string; name: string; amounts: Amounts }[] = [];
  const add = (a: Amounts, b: Amounts) => a.forEach((_, i) => (a[i] += b[i]));
  while (body.length < bodyRows) {
    for (const lei of tree) {
      if (body.length >= bodyRows) break;
      const leiRow = { code: lei.code, name: lei.name, amounts: [0, 0, 0, 0, 0] as Amounts };
      body.push(leiRow);
      for (const kuan of lei.children) {
        if (body.length >= bodyRows) break;
        const kuanRow = { code: kuan.code, name: kuan.name, amounts: [0, 0, 0, 0, 0] as Amounts };
        body.push(kuanRow);
        if (kuan.children.length === 0) {
          // A 款 without 项 carries its own amounts.
          kuanRow.amounts = leafAmounts(rand);
          add(leiRow.amounts, kuanRow.amounts);
        }
        for (const xiang of kuan.children) {
          if (body.length >= bodyRows) break;
          const a = leafAmounts(rand);
          body.push({ code: xiang.code, name: xiang.name, amounts: a });
          add(kuanRow.amounts, a);
          add(leiRow.amounts, a);
        }
      }
    }
  }
  const total: Amounts = [0, 0, 0, 0, 0];
  for (const r of body) if (r.code.length === 3) add(total, r.amounts);

  let planted = 0;
  let plantNext = false;
  // Columns: code | name | 合计 | 基本支出 (小计 | 人员经费 | 公用经费) | 项目支出
  const cells: (CellData | undefined)[][] = [
    [text('部门支出预算表（基准测试）')],
    [undefined, undefined, undefined, undefined, undefined, undefined, text('单位：万元')],
    [text('科目编码'), text('科目名称'), text('合计'), text('基本支出'), undefined, undefined, text('项目支出')],
    [undefined, undefined, undefined, text('小计'), text('人员经费'), text('公用经费'), undefined],
  ];
  const row = (a: Amounts) => [a[0], a[1], a[2], a[3], a[4]].map(num);
  cells.push([undefined, text('合计'), ...row(total)]);
  body.forEach((r, i) => {
    const amounts = [...r.amounts] as Amounts;
    if (i > 0 && i % 2000 === 0) plantNext = true;
    if (plantNext && r.code.length === 7) {
      amounts[0] += 1; // 项 合计 off by 0.01: its row sum and its 款's sum both disagree
      planted++;
      plantNext = false;
    }
    cells.push([text(r.code), text(r.name), ...row(amounts)]);
  });
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 6 },
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 5 },
    { top: 2, left: 6, bottom: 3, right: 6 },
  ];
  return { grid: new Grid({ name: '基准科目表', cells, merges }), planted };
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<void> {
  const { grid, planted } = buildSheet(BODY_ROWS);
  const workbook = DemoWorkbook.fromGrids([grid], 'bench.xlsx');
  const host = new DemoHost(workbook);
  console.log(`Sheet: ${grid.rowCount} rows × ${grid.colCount} columns (${BODY_ROWS} 科目 rows, ${planted} planted mismatches)`);

  const times = { read: [] as number[], check: [] as number[], mark: [] as number[], clear: [] as number[] };
  let findings = 0;
  let marked = 0;
  let progressCalls = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = process.hrtime.bigint();
    const read = await host.readActiveSheet(() => progressCalls++);
    times.read.push(ms(t));
    t = process.hrtime.bigint();
    const result = checkSheet(read);
    times.check.push(ms(t));
    t = process.hrtime.bigint();
    marked = await host.markFindings(result.findings);
    times.mark.push(ms(t));
    t = process.hrtime.bigint();
    await host.clearMarks();
    times.clear.push(ms(t));
    findings = result.findings.length;
  }
  const byRule = new Map<string, number>();
  for (const f of checkSheet(await host.readActiveSheet()).findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(`Findings: ${findings} (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}); cells marked: ${marked}`);
  console.log(`Median of ${ROUNDS} rounds (ms):`);
  console.log(`  read (DemoHost.readActiveSheet, ${Math.ceil(grid.rowCount / 2000)} chunks)  ${median(times.read).toFixed(1)}`);
  console.log(`  checkSheet (detectTables + every rule)          ${median(times.check).toFixed(1)}`);
  console.log(`  markFindings                                    ${median(times.mark).toFixed(1)}`);
  console.log(`  read → check → mark                             ${(median(times.read) + median(times.check) + median(times.mark)).toFixed(1)}`);
  console.log(`  clearMarks                                      ${median(times.clear).toFixed(1)}`);
}
