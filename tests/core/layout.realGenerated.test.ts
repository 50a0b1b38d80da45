/**
 * Generated sheets in the layout families of real 预算/决算 books (tests/core/generators/realLayouts.ts):
 * planted errors found with the right cell and parts, no false alarm, tables located with the right kind.
 * Seeds REAL_SEEDS="from-to" (default 1-300, the range the families were developed on).
 */
import { checkSheet } from '../../src/core/engine';
import { rangeToA1 } from '../../src/core/grid/address';
import { generateRealSheet, REAL_FAMILIES } from './generators/realLayouts';
import { iou } from '../real/score';

const [FROM, TO] = (process.env.REAL_SEEDS ?? '1-300').split('-').map(Number);
const sameParts = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

describe(`real-layout families, generated (seeds ${FROM}–${TO})`, () => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tablesTotal = 0;
  let tablesFound = 0;
  const byFamily = new Map<string, { tp: number; fp: number; fn: number; tables: number; found: number }>();
  const misses: string[] = [];
  const cleanFindings: string[] = [];
  const note = (s: string) => {
    if (misses.length < 40) misses.push(s);
  };

  beforeAll(() => {
    for (const f of REAL_FAMILIES) byFamily.set(f, { tp: 0, fp: 0, fn: 0, tables: 0, found: 0 });
    for (let seed = FROM; seed <= TO; seed++) {
      const gen = generateRealSheet(seed);
      const fam = byFamily.get(gen.family)!;
      const res = checkSheet(gen.grid);
      const found = res.findings.filter((f) => f.rule.startsWith('sum.') || f.rule === 'perf.funds');
      const expected = new Map(gen.mismatches);
      if (gen.perf.funds?.mismatch) expected.set(gen.perf.funds.total, [gen.perf.funds.parts]);
      const hit = new Set<string>();
      for (const f of found) {
        const truth = expected.get(f.cell);
        if (truth && truth.some((p) => sameParts(p, f.parts ?? []))) {
          tp++;
          fam.tp++;
          hit.add(f.cell);
        } else {
          fp++;
          fam.fp++;
          note(`seed ${seed} ${gen.family}: false ${f.rule} ${f.cell} parts ${(f.parts ?? []).join(',')}${truth ? ` (true ${truth.map((p) => p.join(',')).join(' | ')})` : ''}`);
        }
      }
      for (const [cell, parts] of expected) {
        if (hit.has(cell)) continue;
        fn++;
        fam.fn++;
        note(`seed ${seed} ${gen.family}: missed ${cell} parts ${parts.map((p) => p.join(',')).join(' | ')}`);
      }
      for (const t of gen.tables) {
        tablesTotal++;
        fam.tables++;
        const best = res.detected.reduce((acc, d) => Math.max(acc, d.kind === t.kind ? iou(d.range, t.range) : 0), 0);
        if (best >= 0.9) {
          tablesFound++;
          fam.found++;
        } else note(`seed ${seed} ${gen.family}: table ${rangeToA1(t.range)} ${t.kind} → ${res.tables.map((x) => `${x.range} ${x.kind}`).join(', ')}`);
      }
      if (seed % 3 === 0) {
        const clean = generateRealSheet(seed, { errors: false });
        const f = checkSheet(clean.grid).findings.filter((x) => x.rule.startsWith('sum.') || x.rule === 'perf.funds');
        if (f.length > 0) cleanFindings.push(`seed ${seed} ${clean.family}: ${f.map((x) => `${x.rule} ${x.cell}`).join(', ')}`);
      }
    }
    const rows = [...byFamily].map(([f, s]) => `${f.padEnd(16)} true ${s.tp} false ${s.fp} missed ${s.fn} tables ${s.found}/${s.tables}`);
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(
      `seeds ${FROM}–${TO}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} tables ${tablesFound}/${tablesTotal}\n${rows.join('\n')}` +
        (misses.length ? `\n${misses.join('\n')}` : ''),
    );
  });

  it('finds the planted mismatches with their parts: precision ≥ 0.99, recall ≥ 0.98', () => {
    expect(tp).toBeGreaterThan((TO - FROM + 1) / 3);
    expect(tp / Math.max(1, tp + fp)).toBeGreaterThanOrEqual(0.99);
    expect(tp / Math.max(1, tp + fn)).toBeGreaterThanOrEqual(0.98);
  });

  it('locates ≥ 97% of the tables with IoU ≥ 0.9 and the right kind, empty ones included', () => {
    expect(tablesTotal).toBeGreaterThan(TO - FROM);
    expect(tablesFound / tablesTotal).toBeGreaterThanOrEqual(0.97);
  });

  it('gives no finding on consistent sheets', () => {
    expect(cleanFindings).toEqual([]);
  });
});
