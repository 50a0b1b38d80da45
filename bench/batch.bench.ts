/**
 * Batch benchmark (`npm run bench batch`): one `jiaohe check` over many files, one at a time (--jobs 1) against
 * worker threads (--jobs 2) and the default, each a separate process, in turn, ROUNDS times:
 *   - 40 copies of the seed004 department budget book (about 20 KB each: the county books of one 财政局);
 *   - 6 copies of the 20,000-row bench book (about 1.4 MB each).
 * Prints wall and CPU time (all threads) per mode, and the worker count the default picked (defaultJobs).
 */
import { promises as fs, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sharedFixture } from '../tests/sharedFixtures';
import { buildBenchWorkbook } from './engine.bench';
import { ensureCliBuilt, median, timeProcess } from './engineCommand.bench';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jiaohe.js');
const ROUNDS = Number(process.env.ROUNDS) || 3;

interface Set {
  name: string;
  files: string[];
}

async function copies(dir: string, source: string, count: number, stem: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const f = path.join(dir, `${stem}-${String(i).padStart(2, '0')}.xlsx`);
    await fs.copyFile(source, f);
    files.push(f);
  }
  return files;
}

export async function run(): Promise<void> {
  ensureCliBuilt();
  const { defaultJobs } = require(path.join(ROOT, 'lib', 'cli', 'batch.js')) as typeof import('../src/cli/batch');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaohe-bench-batch-'));
  try {
    const big = path.join(dir, 'bench-20000.xlsx');
    await buildBenchWorkbook(big, 20_000, 300);
    const sets: Set[] = [
      { name: '40 × seed004', files: await copies(dir, sharedFixture('seed004-department-budget.xlsx'), 40, 'county') },
      { name: '6 × 20k rows', files: await copies(dir, big, 6, 'big') },
    ];
    const modes = [
      { name: 'one at a time (--jobs 1)', args: ['--jobs', '1'] },
      { name: 'two workers (--jobs 2)', args: ['--jobs', '2'] },
      { name: 'default', args: [] as string[] },
    ];
    const cpuFile = path.join(dir, 'cpu.json');
    for (const set of sets) {
      const picked = defaultJobs(set.files.map((f) => statSync(f).size));
      const runs = modes.map(() => [] as { wall: number; cpu: number }[]);
      for (let round = -1; round < ROUNDS; round++) {
        for (let m = 0; m < modes.length; m++) {
          const r = await timeProcess([BIN, 'check', ...set.files, ...modes[m].args], cpuFile);
          if (round >= 0) runs[m].push(r);
        }
      }
      const bytes = set.files.reduce((n, f) => n + statSync(f).size, 0);
      console.log(`${set.name} (${(bytes / 2 ** 20).toFixed(1)} MB; the default picks ${picked} worker${picked > 1 ? 's' : ''}):`);
      modes.forEach((m, i) => {
        const wall = median(runs[i].map((r) => r.wall));
        const cpu = median(runs[i].map((r) => r.cpu));
        console.log(`  ${m.name.padEnd(26)} ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU`);
      });
    }
    const load = os.loadavg()[0];
    console.log(`median of ${ROUNDS} rounds, modes in turn; load average ${load.toFixed(1)} on ${os.cpus().length} CPUs${load > 1 ? ' (other processes compete: the wall times of parallel runs suffer most)' : ''}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
