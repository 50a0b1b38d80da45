import * as path from 'path';
import { CellData, Grid, parseA1 } from '../../src/core/grid';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { detectPerformanceTables } from '../../src/core/perf/detect';
import { checkPerformance } from '../../src/core/perf/checks';
import { resolveSettings } from '../../src/core/engine';
import type { SheetPlan } from '../../src/core/plan';
import type { CheckSettings, Finding } from '../../src/core/types';
import { SHARED_FIXTURES } from '../sharedFixtures';

export const PERF_FIXTURES = path.join(__dirname, '../fixtures/perf');
export { SHARED_FIXTURES };

const books = new Map<string, Promise<Grid[]>>();

/** A sheet of a fixture workbook (cached per file). */
export async function fixtureSheet(file: string, sheet: string): Promise<Grid> {
  const full = path.isAbsolute(file) ? file : path.join(PERF_FIXTURES, file);
  if (!books.has(full)) books.set(full, readXlsxFile(full).then((b) => b.sheets));
  const grids = await books.get(full)!;
  const g = grids.find((x) => x.name === sheet);
  if (!g) throw new Error(`${file} has no sheet ${sheet}: ${grids.map((x) => x.name).join(', ')}`);
  return g;
}

/** The Grid a SheetPlan writes (values only): what reading the generated sheet back gives the engine. */
export function gridOfPlan(plan: SheetPlan): Grid {
  const cells: (CellData | undefined)[][] = [];
  for (const c of plan.cells) {
    cells[c.row] ??= [];
    if (c.value !== null && c.value !== '') cells[c.row][c.col] = { value: c.value };
  }
  return new Grid({ name: plan.name, cells, merges: plan.merges });
}

/** A copy of the grid with some cells replaced (A1 → value; null empties the cell): a planted fault. */
export function withCells(grid: Grid, changes: Record<string, string | number | null>): Grid {
  const cells: (CellData | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    cells[r] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell) cells[r][c] = { ...cell };
    }
  }
  for (const [a1, value] of Object.entries(changes)) {
    const { row, col } = parseA1(a1);
    cells[row] ??= [];
    cells[row][col] = value === null ? undefined : { value };
  }
  return new Grid({ name: grid.name, cells, merges: [...grid.merges] });
}

export function perfFindings(grid: Grid, settings?: Partial<CheckSettings>): Finding[] {
  return checkPerformance(grid, detectPerformanceTables(grid), resolveSettings(settings));
}

/** "rule@cell" for compact assertions. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.cell}`).sort();
}
