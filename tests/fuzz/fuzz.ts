/**
 * `npm run fuzz`: mutants of the fixtures, random books and random grids, each book through the CLI (or in this
 * process with --in-process), with a time and memory watch; prints a histogram and the failing cases.
 */
import { promises as fs, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mutate } from './mutants';
import { randomBook } from './randomBooks';
import { Expect, Histogram, judge, Outcome, runCli, runGrids, runInProcess, writeTemp } from './runner';

export interface FuzzOptions {
  mutants: number;
  books: number;
  grids: number;
  seed: number;
  inProcess: boolean;
  jobs: number;
  log: (line: string) => void;
}

export interface FuzzResult {
  histogram: Histogram;
  failures: { name: string; problems: string[] }[];
  gridExceptions: number;
  slowest: { name: string; ms: number }[];
  peakMb: number;
}

export const FIXTURE_DIRS = [path.join(__dirname, '..', '..', '..', 'shared', 'fixtures'), '/work/shared/fixtures', path.join(__dirname, '..', 'fixtures', 'perf')];

export function fixtureFiles(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const dir of FIXTURE_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names.filter((x) => x.endsWith('.xlsx')).sort()) {
      if (seen.has(n)) continue;
      seen.add(n);
      out.push(path.join(dir, n));
    }
  }
  return out;
}

interface Case {
  name: string;
  expect: Expect;
  bytes: Buffer;
  original?: Buffer;
}

async function pool<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzResult> {
  const histogram = new Histogram();
  const failures: FuzzResult['failures'] = [];
  const slowest: FuzzResult['slowest'] = [];
  let peakMb = 0;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaohe-fuzz-'));
  const fixtures = await Promise.all(fixtureFiles().map(async (f) => ({ name: path.basename(f, '.xlsx'), bytes: await fs.readFile(f) })));
  const originals = new Map<string, Outcome>();
  const run = async (name: string, bytes: Buffer): Promise<Outcome> => {
    const file = await writeTemp(dir, `${name}.xlsx`, bytes);
    try {
      return o.inProcess ? await runInProcess(bytes, file) : await runCli(file);
    } finally {
      await fs.rm(file, { force: true });
      await fs.rm(`${file}.mem`, { force: true });
    }
  };
  try {
    for (const f of fixtures) originals.set(f.name, await run(`orig-${f.name}`, f.bytes));
    // Cases are made as the pool asks for them: the first runs start at once, memory holds only a few books.
    const specs: (() => Promise<(Case & { fixture?: string }) | null>)[] = [];
    for (let i = 0; i < o.mutants * 3; i++) {
      specs.push(async () => {
        if (mutantsMade >= o.mutants) return null;
        const f = fixtures[i % fixtures.length];
        const m = await mutate(f.bytes, o.seed * 100_003 + i);
        return m ? { name: `m${i}-${m.name}-${f.name}`, expect: m.expect, bytes: m.bytes, fixture: f.name } : null;
      });
    }
    for (let i = 0; i < o.books; i++) {
      specs.push(async () => {
        const b = await randomBook(o.seed * 7_919 + i);
        return { name: `b${i}-${b.name}`, expect: 'valid', bytes: b.bytes };
      });
    }
    let done = 0;
    let mutantsMade = 0;
    const total = o.mutants + o.books;
    await pool(specs, o.jobs, async (spec) => {
      const c = await spec();
      if (!c) return;
      if (c.fixture) {
        if (mutantsMade >= o.mutants) return;
        mutantsMade++;
      }
      const outcome = await run(c.name.replace(/[^\w\u4e00-\u9fff+-]/g, '_').slice(0, 80), c.bytes);
      const verdict = judge(c.expect, outcome, c.name, undefined, c.fixture ? originals.get(c.fixture) : undefined);
      const group = c.name.startsWith('m') ? '变异文件（结果）' : '随机文件（结果）';
      histogram.add(group, `${outcome.kind} exit=${outcome.exit}`);
      histogram.add('用时', outcome.ms < 2000 ? '< 2 s' : outcome.ms < 10_000 ? '2–10 s' : outcome.ms < 30_000 ? '10–30 s' : '> 30 s');
      if (outcome.peakMb !== undefined) {
        histogram.add('峰值内存', outcome.peakMb < 256 ? '< 256 MB' : outcome.peakMb < 512 ? '256–512 MB' : outcome.peakMb < 1024 ? '512 MB–1 GB' : '> 1 GB');
        peakMb = Math.max(peakMb, outcome.peakMb);
      }
      const kind = c.name.replace(/^[mb]\d+-/, '').replace(/-(seed|putuo)[\w-]*$/, '').replace(/-\d+$/, '');
      histogram.add('种类', `${kind} → ${outcome.kind}`);
      for (const p of verdict.problems) histogram.add('问题', p.startsWith('英文') ? '消息含英文或内部标记' : p);
      if (!verdict.ok) failures.push({ name: c.name, problems: [...verdict.problems, ...outcome.messages.slice(0, 2)] });
      slowest.push({ name: c.name, ms: outcome.ms });
      if (++done % 50 === 0) o.log(`  ${done}/${total}`);
    });
    const grids = runGrids(o.grids, o.seed * 31);
    histogram.add('引擎随机网格', `运行 ${grids.runs}`);
    histogram.add('引擎随机网格', `异常 ${grids.exceptions.length}`);
    for (const e of grids.exceptions.slice(0, 5)) failures.push({ name: `grid seed ${e.seed}`, problems: [e.error] });
    slowest.sort((a, b) => b.ms - a.ms);
    return { histogram, failures, gridExceptions: grids.exceptions.length, slowest: slowest.slice(0, 5), peakMb };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
