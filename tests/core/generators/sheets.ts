/**
 * Whole generated sheets: one to three tables stacked (with titles, unit lines, notes and 0–2 blank rows
 * between), sometimes two tables side by side, and planted single-cell errors. The builder's ground
 * truth says which total cells then differ from the sum of their parts.
 */
import { Grid } from '../../../src/core/grid';
import { Rng, SheetBuilder, TruthTable } from './sheetBuilder';
import { allocationTable, classificationTable, itemsTable, plainTable, summaryChainTable, summaryTable, writeNote, Placed } from './tables';

type Gen = (b: SheetBuilder, rng: Rng, top: number, left: number) => Placed;

const GENERATORS: [Gen, number][] = [
  [allocationTable, 4],
  [classificationTable, 4],
  [itemsTable, 3],
  [summaryTable, 2],
  [summaryChainTable, 1],
  [plainTable, 1],
];

function pickGen(rng: Rng): Gen {
  const total = GENERATORS.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [g, w] of GENERATORS) {
    x -= w;
    if (x < 0) return g;
  }
  return GENERATORS[0][0];
}

export interface GeneratedSheet {
  grid: Grid;
  tables: TruthTable[];
  /** A1 addresses of total cells that differ from the sum of their parts. */
  mismatches: Set<string>;
  planted: number;
}

export function generateSheet(seed: number, opts: { errors?: boolean } = {}): GeneratedSheet {
  const rng = new Rng(seed);
  const b = new SheetBuilder();
  let row = rng.int(0, 2);
  const nTables = rng.int(1, 3);
  for (let t = 0; t < nTables; t++) {
    if (rng.chance(0.15)) {
      // Two tables side by side, one empty column between them.
      const a = allocationTable(b, rng, row, 0);
      const g = rng.chance(0.5) ? allocationTable : plainTable;
      const c = g(b, rng, row, a.right + 2);
      row = Math.max(a.bottom, c.bottom) + 1;
    } else {
      const placed = pickGen(rng)(b, rng, row, rng.chance(0.15) ? 1 : 0);
      row = writeNote(b, rng, placed.bottom + 1, 0, placed.right) + 1;
    }
    row += rng.int(0, 2);
  }
  let planted = 0;
  if (opts.errors !== false) {
    const cells = [...b.plantable.values()];
    const n = cells.length === 0 ? 0 : rng.chance(0.25) ? 0 : rng.int(1, 2);
    for (let i = 0; i < n; i++) {
      const cell = rng.pick(cells);
      const delta = rng.chance(0.35) ? rng.pick([1, -1]) : rng.pick([1, -1]) * rng.int(2, 500000);
      b.plant(cell, delta);
      planted++;
    }
  }
  return { grid: b.grid(`生成${seed}`), tables: b.tables, mismatches: b.mismatches(), planted };
}
