import { promises as fs, statSync } from 'fs';
import * as path from 'path';
import type { CheckSettings } from '../core/types';
import {
  FileOutcome,
  formatBatchSummary,
  formatWorkbookText,
  jsonFailedWorkbook,
  JsonWorkbook,
  jsonWorkbook,
  workbookFindings,
} from '../core/report';
import { writeReport } from '../hosts/file/writeReport';
import type { ReportBook } from '../core/report';
import { CliIO, EXIT } from './io';
import { loadUserCatalogs } from './catalogImport';
import { defaultJobs, runBatch } from './batch';
import { FileJob, FileRun } from './checkFile';

/** Per-file time limit of a batch unless --timeout says otherwise. */
export const BATCH_TIMEOUT_SECONDS = 120;

export const CHECK_USAGE = `用法：jiaohe check FILE... [选项]
  --sheet NAME          只校验名为 NAME 的工作表
  --format text|json    输出格式，默认 text（中文报告）；json 见 DESIGN.md
  --annotate OUT.xlsx   另存一份标注副本（问题单元格填色并加批注），原文件不变。
                        多个文件时 OUT 须为文件夹（已存在或以 / 结尾）或含 {name} 的模板，如 out/{name}-校核.xlsx
  --report OUT.xlsx|OUT.csv
                        另存一份校核报告：.xlsx 含“汇总”和“问题清单”两张表；.csv 为问题清单（UTF-8 带 BOM，Excel 可直接打开）
  --tolerance N         差额绝对值 ≤ N 时不报告（默认 0：差 0.01 也报告）
  --weights 90|100|auto 绩效指标分值应合计为多少（默认 auto）
  --year YYYY           科目编码校验所用的科目表年度
  --jobs N              多个文件时同时校核的文件数，默认为 CPU 核数（1 为逐个校核）
  --timeout 秒          每个文件的校核时限，超时的文件报告后跳过；多个文件时默认 ${BATCH_TIMEOUT_SECONDS} 秒，0 为不限
  --verbose             无法读取的原因后附上读取库的原文（英文）
  --explain             逐表列出核对的每个合计关系（依据、相符与不符的个数）及未核对的原因
退出码：0 未发现问题；1 发现问题；2 有文件无法校核或参数有误（优先于 1）。
`;

export interface CheckArgs {
  files: string[];
  /** Worker threads for a batch (default: one per core). */
  jobs?: number;
  /** Per-file time limit in seconds (default: BATCH_TIMEOUT_SECONDS with several files, none with one). */
  timeoutSeconds?: number;
  verbose: boolean;
  sheet?: string;
  format: 'text' | 'json';
  annotate?: string;
  report?: string;
  settings: Partial<CheckSettings>;
  help: boolean;
  /** Text report lists every relation of every table. */
  explain?: boolean;
}

class UsageError extends Error {}

export const CHECK_VALUE_OPTIONS = new Set(['--sheet', '--format', '--annotate', '--report', '--tolerance', '--weights', '--year', '--jobs', '--timeout']);

export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const out: CheckArgs = { files: [], format: 'text', settings: {}, help: false, verbose: false };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      out.files.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      out.help = true;
      continue;
    }
    if (arg === '--verbose') {
      out.verbose = true;
      continue;
    }
    if (arg === '--explain') {
      out.explain = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!CHECK_VALUE_OPTIONS.has(name)) throw new UsageError(`未知选项：${arg}`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new UsageError(`选项 ${name} 缺少取值`);
      value = args[++i];
    }
    switch (name) {
      case '--sheet':
        if (value.trim() === '') throw new UsageError('--sheet 需要工作表名称');
        out.sheet = value;
        break;
      case '--format':
        if (value !== 'text' && value !== 'json') throw new UsageError(`--format 只能是 text 或 json（收到 ${value}）`);
        out.format = value;
        break;
      case '--annotate':
        if (value.trim() === '') throw new UsageError('--annotate 需要输出路径');
        out.annotate = value;
        break;
      case '--report':
        if (!/\.(xlsx|csv)$/i.test(value.trim())) throw new UsageError(`--report 须为 .xlsx 或 .csv 文件（收到 ${value}）`);
        out.report = value.trim();
        break;
      case '--tolerance':
        if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`--tolerance 须为非负数（收到 ${value}）`);
        out.settings.tolerance = value.trim();
        break;
      case '--weights':
        if (value === 'auto') out.settings.weightsTotal = 'auto';
        else if (value === '90' || value === '100') out.settings.weightsTotal = Number(value);
        else throw new UsageError(`--weights 只能是 90、100 或 auto（收到 ${value}）`);
        break;
      case '--jobs':
        if (!/^[1-9]\d{0,2}$/.test(value.trim())) throw new UsageError(`--jobs 须为正整数（收到 ${value}）`);
        out.jobs = Number(value.trim());
        break;
      case '--timeout':
        if (!/^\d+(\.\d+)?$/.test(value.trim())) throw new UsageError(`--timeout 须为秒数（收到 ${value}）`);
        out.timeoutSeconds = Number(value.trim());
        break;
      case '--year': {
        const year = Number(value);
        if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw new UsageError(`--year 须为四位年份（收到 ${value}）`);
        out.settings.catalogYear = year;
        break;
      }
    }
  }
  return out;
}

function stem(file: string): string {
  return path.basename(file, path.extname(file));
}

const ANNOTATED_SUFFIX = '-校核.xlsx';

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Where each input's annotated copy goes. OUT may be a file (one input only), a folder (existing, or written with a
 * trailing slash; each copy is NAME-校核.xlsx) or a template with {name} (the input's name without extension).
 */
export async function planAnnotations(files: readonly string[], out: string, cwd: string): Promise<string[]> {
  const resolved = path.resolve(cwd, out);
  let targets: string[];
  if (out.includes('{name}')) {
    targets = files.map((f) => path.resolve(cwd, out.split('{name}').join(stem(f))));
  } else if (/[\\/]$/.test(out) || (await isDirectory(resolved))) {
    await fs.mkdir(resolved, { recursive: true }).catch(() => undefined);
    targets = files.map((f) => path.join(resolved, `${stem(f)}${ANNOTATED_SUFFIX}`));
  } else if (files.length === 1) {
    targets = [resolved];
  } else {
    throw new UsageError(`校验多个文件时，--annotate 须为文件夹（已存在或以 / 结尾）或含 {name} 的模板，例如 标注/{name}-校核.xlsx（收到 ${out}）`);
  }
  const seen = new Map<string, string>();
  targets.forEach((t, i) => {
    const prev = seen.get(t);
    if (prev !== undefined) throw new UsageError(`${prev} 与 ${files[i]} 的标注副本都会写到 ${t}，请改用含 {name} 的模板或分开运行`);
    seen.set(t, files[i]);
  });
  return targets;
}

/** `jiaohe check FILE... [--sheet NAME] [--format text|json] [--annotate OUT.xlsx]`. Returns the exit code. */
export async function runCheck(args: string[], io: CliIO): Promise<number> {
  let opts: CheckArgs;
  let targets: string[] | undefined;
  try {
    opts = parseCheckArgs(args);
    if (opts.help) {
      io.stdout(CHECK_USAGE);
      return EXIT.clean;
    }
    if (opts.files.length === 0) throw new UsageError('请给出要校验的 .xlsx 文件');
    if (opts.annotate !== undefined) targets = await planAnnotations(opts.files, opts.annotate, io.cwd);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`jiaohe check：${err.message}。\n${CHECK_USAGE}`);
    return EXIT.failed;
  }

  // Catalog years the officer imported on this machine take part in the code checks.
  await loadUserCatalogs(io);
  const outcomes: FileOutcome[] = [];
  const json: JsonWorkbook[] = [];
  const reportBooks: ReportBook[] = [];
  let failed = false;
  let findingsSeen = false;
  const jobs: FileJob[] = opts.files.map((file, index) => ({
    index,
    file,
    abs: path.resolve(io.cwd, file),
    cwd: io.cwd,
    sheet: opts.sheet,
    settings: opts.settings,
    annotate: targets?.[index],
    verbose: opts.verbose,
    countTotals: opts.report !== undefined,
  }));
  const batch = opts.files.length > 1;
  const progress = batch && io.stderrIsTTY ? (done: number) => io.stderr(`\r校核进度：${done}/${jobs.length}`) : undefined;
  const printRun = (run: FileRun): void => {
    if (progress) io.stderr('\r\x1b[K');
    for (const line of run.stderr) io.stderr(`${line}\n`);
    if (run.failed) failed = true;
    if (!run.report) {
      outcomes.push({ file: run.file, error: run.error });
      json.push(jsonFailedWorkbook(run.file, run.error ?? `${run.file}：无法校核`));
      return;
    }
    const report = run.report;
    if (workbookFindings(report).length > 0) findingsSeen = true;
    outcomes.push({ file: run.file, report });
    if (run.totals) reportBooks.push({ report: { ...report, file: path.resolve(io.cwd, run.file) }, totals: run.totals, ignored: run.ignored });
    if (opts.format === 'json') json.push(jsonWorkbook(report));
    else io.stdout(`${run.index > 0 ? '\n' : ''}${formatWorkbookText(report, { explain: opts.explain })}`);
  };
  await runBatch(jobs, {
    jobs: opts.jobs ?? (batch ? defaultJobs(jobs.map((j) => sizeOf(j.abs))) : 1),
    timeoutSeconds: opts.timeoutSeconds ?? (batch ? BATCH_TIMEOUT_SECONDS : 0),
    cwd: io.cwd,
    env: io.env,
    onRun: printRun,
    onProgress: progress,
  });
  if (progress) io.stderr('\r\x1b[K');

  if (opts.report !== undefined) {
    try {
      const out = await writeReport(reportBooks, path.resolve(io.cwd, opts.report));
      io.stderr(`已写入校核报告：${path.relative(io.cwd, out) || out}\n`);
    } catch (err) {
      io.stderr(`无法写入校核报告 ${opts.report}：${err instanceof Error ? err.message : String(err)}\n`);
      failed = true;
    }
  }

  if (opts.format === 'json') {
    // One file: the DESIGN.md object (nothing on stdout if it failed). Several: an array, failed files with "error".
    if (opts.files.length === 1) {
      if (outcomes[0].report) io.stdout(`${JSON.stringify(json[0], null, 2)}\n`);
    } else {
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    }
  } else if (opts.files.length > 1) {
    io.stdout(`\n${formatBatchSummary(outcomes)}`);
  }
  if (failed) return EXIT.failed;
  return findingsSeen ? EXIT.findings : EXIT.clean;
}

/** A file's size in bytes (0 when it cannot be read: its check reports why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
