/**
 * Runs hostile books through the CLI (a process per book, with a time limit and its peak memory) or in this
 * process (the fixed-seed subset in `npm test`), and sorts the outcomes into a histogram.
 */
import { spawn } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import { checkSheet } from '../../src/core/engine';
import { CellData, Grid } from '../../src/core/grid';
import { checkBook } from '../../src/hosts/file/checkWorkbook';
import { readXlsxBuffer, WorkbookReadError } from '../../src/hosts/file/xlsxBytes';
import { Rng } from '../core/generators/sheetBuilder';
import { generateSheet } from '../core/generators/sheets';

export type Expect = 'valid' | 'damaged' | 'either';

export interface Outcome {
  /** checked: exit 0/1; partial: checked with exit 2; refused: exit 2 without a report; timeout; crash. */
  kind: 'checked' | 'partial' | 'refused' | 'timeout' | 'crash';
  exit: number | null;
  ms: number;
  /** Peak resident memory in MB (CLI runs only). */
  peakMb?: number;
  /** stderr lines and sheet notices: what the officer reads. */
  messages: string[];
  /** The JSON report when there is one (to compare a mutant with its original). */
  report?: string;
}

/** Words a Chinese line may carry: file formats and product names. */
const ALLOWED_WORDS = /^(xlsx|xls|et|ett|csv|excel|wps|xfd|jiaohe|json|verbose|timeout|jobs|utf|bom|docprops|xml|rels|app|core|theme|theme\d*|sheet\d*|styles|sharedstrings|workbook|worksheets|xl)$/i;

/** English or an internal token in a message meant for the officer (file names and cell addresses removed). */
export function englishIn(line: string, file: string): string | null {
  const bare = line.split(path.basename(file)).join('').replace(/\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/g, '').replace(/「[^」]*」/g, '');
  for (const w of bare.match(/[A-Za-z_][A-Za-z_]{2,}/g) ?? []) if (!ALLOWED_WORDS.test(w)) return w;
  if (/\bNaN\b|undefined|\[object|Error:/.test(bare)) return 'token';
  return null;
}

const CJK = /[\u4e00-\u9fff]/;

export interface Verdict {
  ok: boolean;
  problems: string[];
}

/** What must hold for every book: bounded, valid read, damage named, one Chinese line per refusal. */
export function judge(expect: Expect, o: Outcome, file: string, limits = { ms: 30_000, mb: 1024 }, original?: Outcome): Verdict {
  const problems: string[] = [];
  if (o.kind === 'timeout' || o.ms > limits.ms) problems.push('超时');
  if (o.peakMb !== undefined && o.peakMb > limits.mb) problems.push('内存超限');
  if (o.kind === 'crash') problems.push('崩溃');
  if (expect === 'valid' && o.kind === 'refused') problems.push('有效文件被拒');
  if (expect === 'damaged' && o.kind === 'checked') {
    // Damage that touched nothing the check reads (a zip timestamp) leaves the same report: not a miss.
    if (!original || original.report !== o.report) problems.push('损坏文件报为完整');
  }
  if (o.kind === 'refused') {
    const lines = o.messages.filter((l) => l.trim() !== '');
    if (lines.length !== 1) problems.push('拒绝原因不是一行');
    if (!lines.every((l) => CJK.test(l))) problems.push('拒绝原因不是中文');
  }
  for (const m of o.messages) if (englishIn(m, file)) problems.push(`英文：${englishIn(m, file)}`);
  return { ok: problems.length === 0, problems };
}

/** One book through the real command: `node bin/jiaohe.js check FILE --format json`, timed, with its peak memory. */
export function runCli(file: string, timeoutMs = 40_000): Promise<Outcome> {
  const bin = path.join(__dirname, '..', '..', 'bin', 'jiaohe.js');
  const memFile = `${file}.mem`;
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', memFile, process.execPath, bin, 'check', file, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (exit) => {
      clearTimeout(timer);
      const ms = Date.now() - start;
      let peakMb: number | undefined;
      try {
        peakMb = Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024;
      } catch {
        peakMb = undefined;
      }
      const messages = Buffer.concat(err).toString('utf8').split('\n').filter((l) => l.trim() !== '' && !/Command (exited|terminated)/.test(l));
      if (timedOut) return resolve({ kind: 'timeout', exit: null, ms, peakMb, messages });
      const stdout = Buffer.concat(out).toString('utf8').trim();
      if (stdout !== '') {
        try {
          const json = JSON.parse(stdout) as { sheets: { notice?: string }[] };
          for (const s of json.sheets) if (s.notice) messages.push(s.notice);
        } catch {
          return resolve({ kind: 'crash', exit, ms, peakMb, messages: [...messages, 'stdout 不是完整的 JSON'] });
        }
      }
      const kind = exit === 0 || exit === 1 ? 'checked' : exit === 2 ? (stdout !== '' ? 'partial' : 'refused') : 'crash';
      resolve({ kind, exit, ms, peakMb, messages, report: stdout !== '' ? normalizeReport(stdout) : undefined });
    });
  });
}

/** The report without the file name, so a mutant compares with its original. */
function normalizeReport(json: string): string {
  const o = JSON.parse(json) as { file?: string };
  delete o.file;
  return JSON.stringify(o);
}

/** One book in this process: the same read and check as the CLI, without a process per book. */
export async function runInProcess(bytes: Buffer, file: string): Promise<Outcome> {
  const start = Date.now();
  try {
    const book = await readXlsxBuffer(bytes, file);
    const result = checkBook(book);
    const messages = result.report.sheets.filter((s) => s.notice).map((s) => s.notice!);
    const partial = result.partialSheets.length > 0 || result.failedSheets.length > 0;
    const { file: _f, ...rest } = result.report;
    return { kind: partial ? 'partial' : 'checked', exit: partial ? 2 : 0, ms: Date.now() - start, messages, report: JSON.stringify(rest) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { kind: 'refused', exit: 2, ms: Date.now() - start, messages: [err.message] };
    return { kind: 'crash', exit: null, ms: Date.now() - start, messages: [String(err)] };
  }
}

/** A grid of random content: numbers, labels, totals words, errors, merges, in random places. */
export function noiseGrid(seed: number): Grid {
  const rng = new Rng(seed);
  const rows = rng.int(1, 60);
  const cols = rng.int(1, 20);
  const cells: (CellData | undefined)[][] = [];
  const words = ['合计', '小计', '总计', '其中：', '单位：万元', '项目', '2101', '一、', '（一）', '—', '#REF!', '1,234.50', '（12.00）', '分值', '年度金额'];
  for (let r = 0; r < rows; r++) {
    cells[r] = [];
    for (let c = 0; c < cols; c++) {
      const x = rng.next();
      if (x < 0.3) continue;
      if (x < 0.65) cells[r][c] = { value: Math.round(rng.next() * 1e6) / 100, numberFormat: rng.pick(['#,##0.00', '0', undefined as unknown as string]) };
      else if (x < 0.9) cells[r][c] = { value: rng.pick(words) };
      else if (x < 0.95) cells[r][c] = { value: null, error: '#DIV/0!' };
      else cells[r][c] = { value: rng.pick([true, '', ' ', 0, -1, 1e20, NaN]) as CellData['value'] };
    }
  }
  const merges = [];
  for (let i = rng.int(0, 4); i > 0; i--) {
    const top = rng.int(0, rows - 1);
    const left = rng.int(0, cols - 1);
    merges.push({ top, left, bottom: Math.min(rows - 1, top + rng.int(0, 2)), right: Math.min(cols - 1, left + rng.int(0, 3)) });
  }
  return new Grid({ name: `噪声${seed}`, cells, merges });
}

/** The engine on generated and noise grids: exceptions counted, never thrown. */
export function runGrids(count: number, seed0: number): { runs: number; exceptions: { seed: number; error: string }[]; slowestMs: number } {
  const exceptions: { seed: number; error: string }[] = [];
  let slowestMs = 0;
  for (let i = 0; i < count; i++) {
    const seed = seed0 + i;
    const start = Date.now();
    try {
      checkSheet(i % 2 === 0 ? generateSheet(seed).grid : noiseGrid(seed));
    } catch (err) {
      exceptions.push({ seed, error: err instanceof Error ? err.message : String(err) });
    }
    slowestMs = Math.max(slowestMs, Date.now() - start);
  }
  return { runs: count, exceptions, slowestMs };
}

/** Counts by label, printed as a small histogram. */
export class Histogram {
  private readonly counts = new Map<string, Map<string, number>>();

  add(group: string, label: string): void {
    const g = this.counts.get(group) ?? new Map<string, number>();
    g.set(label, (g.get(label) ?? 0) + 1);
    this.counts.set(group, g);
  }

  get(group: string, label: string): number {
    return this.counts.get(group)?.get(label) ?? 0;
  }

  format(): string {
    const lines: string[] = [];
    for (const [group, g] of this.counts) {
      lines.push(`${group}:`);
      const max = Math.max(...g.values());
      for (const [label, n] of [...g].sort((a, b) => b[1] - a[1])) {
        lines.push(`  ${label.padEnd(34)} ${String(n).padStart(5)}  ${'#'.repeat(Math.max(1, Math.round((n / max) * 30)))}`);
      }
    }
    return lines.join('\n');
  }
}

export async function writeTemp(dir: string, name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}
