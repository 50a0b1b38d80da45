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

it('seeds 1–40: every planted 绩效 error found, with nothing false', async () => {
  const dir = await tempDir('holdout-perf-');
  try {
    await generate(1, 40, dir);
    const reports = async (files: string[]) => {
      const r = await jiaohe(['check', ...files, '--format', 'json', '--jobs', '1']);
      return JSON.parse(r.stdout);
    };
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
