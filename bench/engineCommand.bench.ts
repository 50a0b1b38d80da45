/**
 * Whole-command benchmark (part of `npm run bench engine`; alone: `npm run bench engineCommand`). What a user waits
 * for: `jiaohe check FILE --format json` as a separate Node process (start-up, read, Grid, checks, code checks, JSON
 * out), against the floor — a separate Node process that only reads the same file with exceljs. The two run in
 * turn, ROUNDS times each, on:
 *   - the 20k bench book of engine.bench.ts (real 2025 codes);
 *   - a book of the same size whose 款/项 codes are mostly (90 %) not in the catalog;
 *   - the 40k bench book (2× rows), for how the whole command grows.
 * Wall time is taken here, CPU time (user + system) by each process itself (bench/process/cpuAtExit.js): on this
 * shared 2-core VM the CPU figures are the steadier ones. Targets: command / read ≤ 1.35×; 2× rows → ≤ 2.2× time.
 * `KEEP=DIR npm run bench engineCommand` leaves the books in DIR (to profile: node --cpu-prof bin/jiaohe.js …).
 */
import { spawn, spawnSync } from 'child_process';
import { promises as fs, statSync, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildBenchWorkbook } from './engine.bench';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jiaohe.js');
const PRELOAD = path.join(__dirname, 'process', 'cpuAtExit.js');
const READ = path.join(__dirname, 'process', 'exceljsRead.js');
const ROUNDS = Number(process.env.ROUNDS) || 5;

interface Run {
  wall: number;
  cpu: number;
  rss: number;
}

function newest(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((n) => newest(path.join(p, n))));
}

/** The command runs from lib/: compile it when src/ is newer, so the bench never times stale code. */
export function ensureCliBuilt(): void {
  const main = path.join(ROOT, 'lib', 'cli', 'main.js');
  let built = 0;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    /* not built */
  }
  if (built > newest(path.join(ROOT, 'src'))) return;
  console.log('lib/ is older than src/: npx tsc -p tsconfig.cli.json …');
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tsc -p tsconfig.cli.json failed');
}

export async function timeProcess(args: string[], cpuFile: string): Promise<Run> {
  const started = process.hrtime.bigint();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', PRELOAD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BENCH_CPU_FILE: cpuFile },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (c) => (c === 0 || c === 1 ? resolve(c) : reject(new Error(`${args.join(' ')} exited ${c}: ${err.slice(0, 300)}`))));
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const { cpu, rss } = JSON.parse(await fs.readFile(cpuFile, 'utf8')) as { cpu: number; rss: number };
  void code;
  return { wall, cpu, rss };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t: number) => `${t.toFixed(0)} ms`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

interface Pair {
  read: Run[];
  command: Run[];
}

/** read, command, read, command …: a slow spell of the VM falls on both alike. One unmeasured pair first. */
async function alternate(file: string, dir: string): Promise<Pair> {
  const out: Pair = { read: [], command: [] };
  const cpuFile = path.join(dir, 'cpu.json');
  for (let i = -1; i < ROUNDS; i++) {
    const r = await timeProcess([READ, file], cpuFile);
    const c = await timeProcess([BIN, 'check', file, '--format', 'json'], cpuFile);
    if (i < 0) continue;
    out.read.push(r);
    out.command.push(c);
  }
  return out;
}

function summary(p: Pair) {
  const read = { wall: median(p.read.map((r) => r.wall)), cpu: median(p.read.map((r) => r.cpu)) };
  const command = { wall: median(p.command.map((r) => r.wall)), cpu: median(p.command.map((r) => r.cpu)) };
  const perRound = p.command.map((c, i) => c.wall / p.read[i].wall);
  return { read, command, perRound, rss: Math.max(...p.command.map((c) => c.rss)) };
}

export async function run(): Promise<void> {
  ensureCliBuilt();
  const keep = process.env.KEEP;
  const dir = keep ? path.resolve(keep) : await fs.mkdtemp(path.join(os.tmpdir(), 'jiaohe-bench-cmd-'));
  await fs.mkdir(dir, { recursive: true });
  try {
    const books = [
      { name: '20k, real codes', file: path.join(dir, 'bench-20000.xlsx'), rows: 20_000, unknownCodes: 0 },
      { name: '20k, 90 % unknown codes', file: path.join(dir, 'bench-20000-unknown.xlsx'), rows: 20_000, unknownCodes: 0.9 },
      { name: '40k, real codes', file: path.join(dir, 'bench-40000.xlsx'), rows: 40_000, unknownCodes: 0 },
    ];
    for (const b of books) await buildBenchWorkbook(b.file, b.rows, Math.round((300 * b.rows) / 20_000), { unknownCodes: b.unknownCodes });
    const rows: string[][] = [['book', 'exceljs read (wall / CPU)', 'jiaohe check --format json', 'ratio wall / CPU', 'per round (wall)', 'peak RSS']];
    const results = [];
    for (const b of books) {
      const s = summary(await alternate(b.file, dir));
      results.push(s);
      rows.push([
        b.name,
        `${ms(s.read.wall)} / ${ms(s.read.cpu)}`,
        `${ms(s.command.wall)} / ${ms(s.command.cpu)}`,
        `${x(s.command.wall, s.read.wall)} / ${x(s.command.cpu, s.read.cpu)}`,
        s.perRound.map((r) => r.toFixed(2)).join(' '),
        `${(s.rss / 2 ** 20).toFixed(0)} MB`,
      ]);
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
    for (const r of rows) console.log(r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))).join('  '));
    const [k20, , k40] = results;
    console.log(
      `2× rows (40k vs 20k): command ${x(k40.command.wall, k20.command.wall)} wall / ${x(k40.command.cpu, k20.command.cpu)} CPU; ` +
        `exceljs read ${x(k40.read.wall, k20.read.wall)} / ${x(k40.read.cpu, k20.read.cpu)}`,
    );
    console.log(`targets: command ≤ 1.35× the exceljs read on both 20k books; 2× rows → ≤ 2.2× time (median of ${ROUNDS} rounds, processes in turn)`);
    const load = os.loadavg()[0];
    console.log(`load average ${load.toFixed(1)} on ${os.cpus().length} CPUs${load > os.cpus().length ? ': other processes compete, the CPU ratios are the steadier figures' : ''}`);
  } finally {
    if (!keep) await fs.rm(dir, { recursive: true, force: true });
  }
}
