import * as path from 'path';
import { rangeToA1 } from '../core/grid/address';
import { detectPerformanceTables } from '../core/perf/detect';
import { normalizePerformanceTable, safeSheetName, type NormalizeResult } from '../core/perf/normalize';
import { perfTemplate, VARIANT_TITLES } from '../core/perf/plan';
import { templatePrefill } from '../core/perf/prefill';
import type { PerfTable, PerfVariant } from '../core/perf/types';
import type { SheetPlan } from '../core/plan';
import { readXlsxFile, WorkbookReadError } from '../hosts/file/readXlsx';
import { writePlansToXlsx } from '../hosts/file/renderPlan';
import { CliIO, EXIT } from './io';

export const PERF_USAGE = `用法：
  jiaohe perf template --kind project|regional|department -o OUT.xlsx [选项]
      生成标准绩效目标表（项目支出 / 中央对地方转移支付区域 / 部门整体）。
      --year YYYY            填入“（YYYY年度）”
      --regions 县1,县2      区域表：每个县区一列“区域目标值”
      --weights | --no-weights   是否带分值列与合计行（项目、部门默认带，区域默认不带）
      --no-split             指标值不拆分为 指标性质 | 指标值 | 度量单位
      --from IN.xlsx --sheet NAME   用已有绩效目标表的表头（名称、部门、资金、年度目标）预填
  jiaohe perf normalize IN.xlsx [--sheet NAME] -o OUT.xlsx [--no-split] [--format text|json]
      把（可能错位的）绩效目标表整理为标准格式，写入新文件；原文件不变。
      列出移动过的指标和无法按标准归类、需人工核定的指标。
退出码：0 成功；2 参数有误或文件无法读取。
`;

class UsageError extends Error {}

interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export const PERF_VALUE_OPTIONS = new Set(['--kind', '-o', '--out', '--output', '--sheet', '--year', '--regions', '--from', '--format']);
export const PERF_FLAG_OPTIONS = new Set(['--weights', '--no-weights', '--no-split', '--split', '-h', '--help']);

function parseArgs(args: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (PERF_VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`选项 ${name} 需要一个值。`);
      out.options.set(name === '--out' || name === '--output' ? '-o' : name, value);
    } else if (PERF_FLAG_OPTIONS.has(name)) {
      out.options.set(name, true);
    } else {
      throw new UsageError(`未知选项：${arg}`);
    }
  }
  return out;
}

function str(a: ParsedArgs, name: string): string | undefined {
  const v = a.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

const KINDS: Record<string, PerfVariant> = {
  project: 'project',
  regional: 'regional',
  region: 'regional',
  department: 'department',
  项目: 'project',
  区域: 'regional',
  部门: 'department',
};

export async function runPerf(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
      io.stdout(PERF_USAGE);
      return sub === undefined ? EXIT.failed : EXIT.clean;
    }
    const parsed = parseArgs(rest);
    if (parsed.options.has('-h') || parsed.options.has('--help')) {
      io.stdout(PERF_USAGE);
      return EXIT.clean;
    }
    if (sub === 'template') return await runTemplate(parsed, io);
    if (sub === 'normalize') return await runNormalize(parsed, io);
    throw new UsageError(`未知的 perf 子命令：${sub}`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n${PERF_USAGE}`);
      return EXIT.failed;
    }
    if (err instanceof WorkbookReadError) {
      io.stderr(`${err.message}\n`);
      return EXIT.failed;
    }
    const msg = err instanceof Error ? err.message : String(err);
    io.stderr(`jiaohe perf：${msg.split('\n')[0]}\n`);
    return EXIT.failed;
  }
}

function outPath(a: ParsedArgs, io: CliIO): string {
  const o = str(a, '-o');
  if (!o) throw new UsageError('缺少输出文件：-o OUT.xlsx');
  if (!/\.xlsx$/i.test(o)) throw new UsageError(`输出文件须为 .xlsx：${o}`);
  return path.resolve(io.cwd, o);
}

async function runTemplate(a: ParsedArgs, io: CliIO): Promise<number> {
  const kindText = str(a, '--kind') ?? 'project';
  const variant = KINDS[kindText];
  if (!variant) throw new UsageError(`--kind 应为 project、regional 或 department，而不是“${kindText}”。`);
  if (a.positional.length) throw new UsageError(`多余的参数：${a.positional.join(' ')}`);
  const out = outPath(a, io);
  const year = str(a, '--year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--year 应为四位年份，如 2025，而不是“${year}”。`);
  const regions = (str(a, '--regions') ?? '')
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (regions.length && variant !== 'regional') throw new UsageError('--regions 只用于区域绩效目标表（--kind regional）。');
  let prefill;
  const from = str(a, '--from');
  if (from) {
    const { perf } = await readTable(path.resolve(io.cwd, from), str(a, '--sheet'));
    prefill = templatePrefill(perf);
  }
  const plan = perfTemplate({
    variant,
    year: year ?? undefined,
    regions,
    weights: a.options.has('--weights') ? true : a.options.has('--no-weights') ? false : undefined,
    splitValue: a.options.has('--no-split') ? false : undefined,
    prefill,
  });
  await writePlansToXlsx([plan], out);
  io.stdout(`已生成 ${VARIANT_TITLES[variant]}：${out}（工作表“${plan.name}”）\n`);
  return EXIT.clean;
}

async function readTable(file: string, sheet: string | undefined): Promise<{ perf: PerfTable; sheet: string }> {
  const book = await readXlsxFile(file);
  const grids = sheet ? book.sheets.filter((g) => g.name === sheet) : book.sheets;
  if (sheet && !grids.length) {
    throw new UsageError(`${path.basename(file)} 中没有名为“${sheet}”的工作表（有：${book.sheets.map((g) => g.name).join('、')}）。`);
  }
  for (const g of grids) {
    const t = detectPerformanceTables(g)[0];
    if (t) return { perf: t.perf as PerfTable, sheet: g.name };
  }
  throw new UsageError(`${path.basename(file)}${sheet ? ` 的“${sheet}”` : ''} 中没有找到绩效目标表（需要“一级指标 | 二级指标 | 三级指标 | 指标值”表头）。`);
}

async function runNormalize(a: ParsedArgs, io: CliIO): Promise<number> {
  if (a.positional.length !== 1) throw new UsageError('请给出一个输入文件：jiaohe perf normalize IN.xlsx --sheet NAME -o OUT.xlsx');
  const input = path.resolve(io.cwd, a.positional[0]);
  const out = outPath(a, io);
  if (path.resolve(out) === input) throw new UsageError('输出文件不能与输入文件相同：原表不会被改动，请另存为新文件。');
  const format = str(a, '--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 应为 text 或 json，而不是“${format}”。`);
  const sheet = str(a, '--sheet');
  const book = await readXlsxFile(input);
  const grids = sheet ? book.sheets.filter((g) => g.name === sheet) : book.sheets;
  if (sheet && !grids.length) {
    throw new UsageError(`${path.basename(input)} 中没有名为“${sheet}”的工作表（有：${book.sheets.map((g) => g.name).join('、')}）。`);
  }
  const results: { sheet: string; range: string; result: NormalizeResult }[] = [];
  const plans: SheetPlan[] = [];
  const used = new Set<string>();
  for (const g of grids) {
    for (const t of detectPerformanceTables(g)) {
      let name = safeSheetName(g.name, '（规范）');
      for (let n = 2; used.has(name); n++) name = safeSheetName(g.name, `（规范${n}）`);
      used.add(name);
      const result = normalizePerformanceTable(t, { sheetName: name, splitValue: a.options.has('--no-split') ? false : undefined });
      plans.push(result.plan);
      results.push({ sheet: g.name, range: rangeToA1(t.range), result });
    }
  }
  if (!plans.length) {
    throw new UsageError(`${path.basename(input)}${sheet ? ` 的“${sheet}”` : ''} 中没有找到绩效目标表（需要“一级指标 | 二级指标 | 三级指标 | 指标值”表头）。`);
  }
  await writePlansToXlsx(plans, out);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          file: a.positional[0],
          output: out,
          tables: results.map((r) => ({
            sheet: r.sheet,
            range: r.range,
            outputSheet: r.result.plan.name,
            indicators: r.result.indicatorCount,
            moved: r.result.moved,
            unplaced: r.result.unplaced,
            droppedLabels: r.result.droppedLabels,
          })),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.clean;
  }
  let text = '';
  for (const r of results) {
    const res = r.result;
    text += `“${r.sheet}”${r.range} → 工作表“${res.plan.name}”：共 ${res.indicatorCount} 个指标，移动 ${res.moved.length} 个，待人工核定 ${res.unplaced.length} 个。\n`;
    for (const m of res.moved) text += `  移动 ${m.cell} ${m.name}：${m.from} → ${m.to}\n`;
    for (const u of res.unplaced) text += `  待核定 ${u.cell} ${u.name}：${u.reason}（原在 ${u.level1 || '（无）'} / ${u.level2 || '（无）'}）\n`;
    for (const d of res.droppedLabels) text += `  去掉标签 ${d.cell}“${d.text}”：不在标准指标体系内，其下指标已按同行的二级指标归类\n`;
  }
  text += `已写入 ${out}（原文件未改动）。\n`;
  io.stdout(text);
  return EXIT.clean;
}
