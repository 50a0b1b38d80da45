/**
 * The fixed-seed subset of `npm run fuzz`, in this process: mutants of the fixtures and random books are read
 * and checked within bounds, valid ones are never refused, damaged ones never pass as clean, every message is
 * Chinese; the engine throws on none of the random grids.
 */
import { runFuzz } from './fuzz';

jest.setTimeout(120_000);

it('a fixed-seed subset of the fuzz run finds no failure', async () => {
  const lines: string[] = [];
  const r = await runFuzz({ mutants: 24, books: 6, grids: 200, seed: 7, inProcess: true, jobs: 1, log: (l) => lines.push(l) });
  expect(r.failures).toEqual([]);
  expect(r.gridExceptions).toBe(0);
  expect(r.histogram.get('引擎随机网格', '运行 200')).toBe(1);
});
