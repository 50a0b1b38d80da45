import { checkSheet } from '../../src/core/engine';
import type { CellRange } from '../../src/core/grid/address';
import { rangeToA1 } from '../../src/core/grid/address';
import { generateSheet } from './generators/sheets';

function iou(a: CellRange, b: CellRange): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (r: CellRange) => (r.right - r.left + 1) * (r.bottom - r.top + 1);
  return inter / (area(a) + area(b) - inter);
}

const SHEETS = 400;

describe('generated workbooks: tables located and totals checked', () => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tablesTotal = 0;
  let tablesFound = 0;
  const misses: string[] = [];
  const cleanFindings: string[] = [];

  beforeAll(() => {
    for (let seed = 1; seed <= SHEETS; seed++) {
      const gen = generateSheet(seed);
      const res = checkSheet(gen.grid);
      const found = new Set(res.findings.filter((f) => f.rule.startsWith('sum.')).map((f) => f.cell));
      for (const c of found) {
        if (gen.mismatches.has(c)) tp++;
        else {
          fp++;
          if (misses.length < 30) misses.push(`seed ${seed}: false ${c}`);
        }
      }
      for (const c of gen.mismatches) {
        if (!found.has(c)) {
          fn++;
          if (misses.length < 30) misses.push(`seed ${seed}: missed ${c}`);
        }
      }
      for (const t of gen.tables) {
        tablesTotal++;
        const best = res.detected.reduce((acc, d) => Math.max(acc, d.kind === t.kind ? iou(d.range, t.range) : 0), 0);
        if (best >= 0.9) tablesFound++;
        else if (misses.length < 30) misses.push(`seed ${seed}: table ${rangeToA1(t.range)} ${t.kind} → ${res.tables.map((x) => `${x.range} ${x.kind}`).join(', ')}`);
      }
      // The same sheet without planted errors must be clean.
      if (seed % 4 === 0) {
        const clean = generateSheet(seed, { errors: false });
        const f = checkSheet(clean.grid).findings.filter((x) => x.rule.startsWith('sum.'));
        if (f.length > 0) cleanFindings.push(`seed ${seed}: ${f.map((x) => x.cell).join(',')}`);
      }
    }
  });

  it('finds the planted mismatches with precision and recall ≥ 0.98', () => {
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    if (precision < 0.98 || recall < 0.98) console.log(misses.join('\n'));
    expect(tp).toBeGreaterThan(100);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });

  it('locates ≥ 95% of the tables with IoU ≥ 0.9 and the right kind', () => {
    const rate = tablesFound / tablesTotal;
    if (rate < 0.95) console.log(misses.join('\n'));
    expect(tablesTotal).toBeGreaterThan(400);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('gives no finding on consistent sheets', () => {
    expect(cleanFindings).toEqual([]);
  });
});
