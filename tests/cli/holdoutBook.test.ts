/**
 * The whole-book held-out judge (scripts/holdout-book) on a small fixed seed range, through the real file host
 * and CLI (`jiaohe check … --format json`, in process): within-table sum.* findings by cell and parts,
 * cross-table xref.* findings by both cells, tables located, no alarm on a clean book, no planted error of a
 * whole unit graded 提示. It guards the fixes the judge led to; the figures on unseen seed ranges are in
 * scripts/holdout-book/README.md.
 */
import { promises as fs } from 'fs';
import { jiaohe, tempDir } from './helpers';

const { generate } = require('../../scripts/holdout-book/gen.js');
const { score, summary } = require('../../scripts/holdout-book/score.js');

jest.setTimeout(60_000);

it('seeds 1–60: every planted error found, with nothing false', async () => {
  const dir = await tempDir('holdout-book-');
  try {
    await generate(1, 60, dir);
    const reports = async (files: string[]) => {
      const r = await jiaohe(['check', ...files, '--format', 'json', '--jobs', '1']);
      expect(r.code).toBe(1);
      return JSON.parse(r.stdout);
    };
    const s = await score(dir, reports);
    const figures = summary(s);
    // What the range holds, so the test cannot pass on nothing.
    expect(s.sum.tp).toBeGreaterThanOrEqual(50);
    expect(s.xref.plants).toBeGreaterThanOrEqual(20);
    expect(s.cleanBooks).toBeGreaterThanOrEqual(8);
    expect(s.tables).toBe(60 * 9);
    expect({ failed: s.failed, notes: s.notes }).toEqual({ failed: 0, notes: [] });
    expect(figures).toContain('sum.*  precision 1.000 recall 1.000');
    expect(figures).toContain('xref.* precision 1.000 recall 1.000');
    expect(s.located).toBe(s.tables);
    expect(s.cleanWithAlarm).toBe(0);
    expect(s.hintOnPlant).toBe(0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

it('seeds 16–45 with --more (项目支出表, 决算 基金 tables with 结转): every planted error found, with nothing false', async () => {
  const dir = await tempDir('holdout-book-more-');
  try {
    await generate(16, 45, dir, { more: true });
    const reports = async (files: string[]) => JSON.parse((await jiaohe(['check', ...files, '--format', 'json', '--jobs', '1'])).stdout);
    const s = await score(dir, reports);
    const rule = (name: string) => s.xref.byRule[name] ?? { pairs: 0, named: 0 };
    // What the range holds: 项目支出表 plants of both kinds, 决算 基金 tables in the 决算 form
    expect(rule('项目支出表 一般公共预算 = 一般公共预算支出表 项目支出').pairs).toBeGreaterThanOrEqual(3);
    expect(rule('项目支出表 合计 类 = 支出总表 项目支出 类').pairs).toBeGreaterThanOrEqual(2);
    expect(s.tables).toBe(30 * 10);
    expect({ failed: s.failed, notes: s.notes }).toEqual({ failed: 0, notes: [] });
    expect(summary(s)).toContain('xref.* precision 1.000 recall 1.000');
    expect(s.cleanWithAlarm).toBe(0);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
