/**
 * Scores the engine on varied generated sheets: a sum.* finding is right only when it names a total cell
 * that differs from its parts AND the parts of a relation that cell breaks; tables count as located when
 * a detected table of the right kind covers them with IoU ≥ 0.9.
 */
import { checkSheet } from '../../../src/core/engine';
import type { CellRange } from '../../../src/core/grid/address';
import { parseA1, rangeToA1 } from '../../../src/core/grid/address';
import type { Grid } from '../../../src/core/grid';
import { generateVaried } from './varied';

export interface VariedScore {
  tp: number;
  fp: number;
  fn: number;
  tables: number;
  located: number;
  /** Sheets without planted errors that still got a sum.* finding. */
  cleanAlarms: number;
  precision: number;
  recall: number;
  locatedRate: number;
  notes: string[];
}

export function iou(a: CellRange, b: CellRange): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (r: CellRange) => (r.right - r.left + 1) * (r.bottom - r.top + 1);
  return inter / (area(a) + area(b) - inter);
}

/** The same parts, blank cells aside: B = C and B = C + D with D blank everywhere cannot be told apart. */
function sameParts(grid: Grid, a: readonly string[], b: readonly string[]): boolean {
  const filled = (xs: readonly string[]) =>
    xs
      .filter((x) => {
        const p = parseA1(x);
        return grid.text(p.row, p.col) !== '';
      })
      .sort()
      .join();
  return filled(a) === filled(b);
}

export function scoreVaried(from: number, to: number, opts: { cleanEvery?: number; maxNotes?: number } = {}): VariedScore {
  const s: VariedScore = { tp: 0, fp: 0, fn: 0, tables: 0, located: 0, cleanAlarms: 0, precision: 0, recall: 0, locatedRate: 0, notes: [] };
  const note = (x: string) => {
    if (s.notes.length < (opts.maxNotes ?? 40)) s.notes.push(x);
  };
  for (let seed = from; seed <= to; seed++) {
    const gen = generateVaried(seed);
    const res = checkSheet(gen.grid, { rules: { sums: true, perf: false, codes: false } });
    const found = res.findings.filter((f) => f.rule.startsWith('sum.'));
    const right = new Set<string>();
    for (const f of found) {
      const truth = gen.mismatches.get(f.cell);
      if (truth && truth.some((p) => sameParts(gen.grid, p, f.parts ?? []))) {
        s.tp++;
        right.add(f.cell);
      } else {
        s.fp++;
        note(`seed ${seed}: ${truth ? 'wrong parts' : 'false'} ${f.cell} [${(f.parts ?? []).join(',')}]${truth ? ` want [${truth.map((p) => p.join(',')).join(' | ')}]` : ''}`);
      }
    }
    for (const [cell, parts] of gen.mismatches) {
      if (right.has(cell)) continue;
      s.fn++;
      if (!found.some((f) => f.cell === cell)) note(`seed ${seed}: missed ${cell} [${parts.map((p) => p.join(',')).join(' | ')}]`);
    }
    for (const t of gen.tables) {
      s.tables++;
      const best = res.detected.reduce((acc, d) => Math.max(acc, d.kind === t.kind ? iou(d.range, t.range) : 0), 0);
      if (best >= 0.9) s.located++;
      else note(`seed ${seed}: table ${rangeToA1(t.range)} ${t.kind} → ${res.tables.map((x) => `${x.range} ${x.kind}`).join(', ')}`);
    }
    if (opts.cleanEvery && seed % opts.cleanEvery === 0) {
      const clean = generateVaried(seed, { errors: false });
      const f = checkSheet(clean.grid, { rules: { sums: true, perf: false, codes: false } }).findings.filter((x) => x.rule.startsWith('sum.'));
      if (f.length > 0) {
        s.cleanAlarms++;
        note(`seed ${seed} clean: ${f.map((x) => x.cell).join(',')}`);
      }
    }
  }
  s.precision = s.tp / Math.max(1, s.tp + s.fp);
  s.recall = s.tp / Math.max(1, s.tp + s.fn);
  s.locatedRate = s.located / Math.max(1, s.tables);
  return s;
}
