/**
 * The held-out 绩效 judge (scripts/holdout-perf) on a small fixed development seed range, through the real file
 * host and CLI (`jiaohe check … --format json`, in process): every planted 绩效 error found by its rule family at
 * one of its cells, nothing false, no alarm on a clean table, every table located, the blank templates noted once.
 * The figures on unseen seed ranges are in scripts/holdout-perf/README.md.
 */
import { promises as fs } from 'fs';
import { jiaohe, tempDir } from '../cli/helpers';

const { generate } = require('../../scripts/holdout-perf/gen.js');
const { score, summary } = require('../../scripts/holdout-perf/score.js');

jest.setTimeout(60_000);

const reports = async (files: string[]) => {
  const r = await jiaohe(['check', ...files, '--format', 'json', '--jobs', '1']);
  return JSON.parse(r.stdout);
};

it('seeds 1–40: every planted 绩效 error found, with nothing false', async () => {
  const dir = await tempDir('holdout-perf-');
  try {
    await generate(1, 40, dir);
    const s = await score(dir, reports);
    const figures = summary(s);
    // What the range holds, so the test cannot pass on nothing.
    const planted = Object.values(s.fam as Record<string, { plants: number }>).reduce((a, x) => a + x.plants, 0);
    expect(planted).toBeGreaterThanOrEqual(60);
    for (const fam of ['perf.funds', 'perf.weights', 'perf.cost', 'perf.value', 'perf.hierarchy', 'perf.duplicate', 'perf.goal-amounts']) {
      expect(s.fam[fam].plants).toBeGreaterThanOrEqual(3);
    }
    expect(s.cleanBooks).toBeGreaterThanOrEqual(10);
    expect(s.templates).toBeGreaterThanOrEqual(1);
    expect(s.notes).toEqual([]);
    expect(figures).toContain('perf.* (all)       precision 1.000 recall 1.000');
    expect(s.located).toBe(s.tables);
    expect(s.cleanWithAlarm).toBe(0);
    expect(s.sumInPerf).toBe(0);
    expect(s.templatesNoted).toBe(s.templates);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

it('seeds 5001–5020 with the --wide variants: tables beside and above, stated 分值 totals, shifted rows, real numbers', async () => {
  const dir = await tempDir('holdout-perf-wide-');
  try {
    await generate(5001, 5020, dir, { wide: true });
    interface TruthTable {
      plants: { variant?: string }[];
      numericValues?: boolean;
    }
    const truth = JSON.parse(await fs.readFile(`${dir}/truth.json`, 'utf8')) as { sheets: { tables: TruthTable[] }[] }[];
    const tables = truth.flatMap((b) => b.sheets.flatMap((s) => s.tables));
    const plants = tables.flatMap((t) => t.plants);
    // What the range holds, so the test cannot pass on nothing.
    expect(plants.filter((p) => p.variant === 'stated').length).toBeGreaterThanOrEqual(3);
    expect(plants.filter((p) => p.variant === 'shift').length).toBeGreaterThanOrEqual(3);
    expect(tables.filter((t) => t.numericValues).length).toBeGreaterThanOrEqual(5);
    const s = await score(dir, reports);
    expect(s.other.tables).toBeGreaterThanOrEqual(15);
    expect(s.other.plants).toBeGreaterThanOrEqual(4);
    expect(s.notes).toEqual([]);
    expect(summary(s)).toContain('perf.* (all)       precision 1.000 recall 1.000');
    expect(s.other.found).toBe(s.other.plants);
    expect(s.other.fp).toBe(0);
    expect(s.located).toBe(s.tables);
    expect(s.cleanWithAlarm).toBe(0);
    expect(s.sumInPerf).toBe(0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
