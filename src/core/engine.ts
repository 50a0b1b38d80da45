import type { Grid } from './grid';
import { rangeToA1 } from './grid/address';
import { detectTables } from './layout/detectTables';
import type { DetectedTable } from './layout/types';
import { runChecks } from './checks';
import { tableRelations } from './checks/relations';
import { numbersOf } from './checks/sums';
import { CatalogChoice, CheckSettings, DEFAULT_SETTINGS, SheetReport, TableSummary } from './types';
import { catalogLibrary } from './catalog/catalog';
import { chooseCatalog, yearOfBook } from './catalog/bookYear';

export interface SheetCheck extends SheetReport {
  /** The rich table models, for hosts and panels that need more than the summary. */
  detected: DetectedTable[];
  /** The catalog year the code checks used (from the settings, else the sheet's title). */
  catalog?: CatalogChoice;
}

export function summarizeTable(t: DetectedTable): TableSummary {
  const s: TableSummary = {
    range: rangeToA1(t.range),
    kind: t.kind,
    headerRows: Math.max(0, t.headerBottom - t.headerTop + 1),
    totalRows: t.totalRows.map((r) => r + 1),
  };
  if (t.title) s.title = t.title;
  if (t.unit) s.unit = t.unit;
  return s;
}

export function resolveSettings(partial?: Partial<CheckSettings>): CheckSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    rules: { ...DEFAULT_SETTINGS.rules, ...(partial?.rules ?? {}) },
  };
}

/** Detect the tables on one sheet and run every check: the whole engine in one call. */
export function checkSheet(grid: Grid, settings?: Partial<CheckSettings>): SheetCheck {
  const s = resolveSettings(settings);
  if (grid.rowCount === 0 || grid.colCount === 0) {
    return { name: grid.name, tables: [], findings: [], detected: [], notice: '工作表为空，没有可校验的表格。' };
  }
  const catalog = chooseCatalog(s.catalogYear, s.catalogYear ? undefined : yearOfBook([grid]), catalogLibrary());
  const detected = detectTables(grid);
  const findings = runChecks(grid, detected, { ...s, catalogYear: catalog.year });
  return { name: grid.name, tables: detected.map((t) => withRelations(grid, t, summarizeTable(t))), findings, detected, catalog };
}

/** The relations the engine holds for a table (checked or set aside), as TableSummary.relations. */
function withRelations(grid: Grid, t: DetectedTable, s: TableSummary): TableSummary {
  if (t.kind === 'performance' || !t.sides || t.sides.length === 0) return s;
  const relations = tableRelations(grid, t, numbersOf(grid, t)).relations;
  if (relations.length > 0) s.relations = relations;
  return s;
}

/** The engine's one entry class, for callers that keep settings between checks (task pane, CLI batch). */
export class Jiaohe {
  readonly settings: CheckSettings;
  constructor(settings?: Partial<CheckSettings>) {
    this.settings = resolveSettings(settings);
  }
  checkSheet(grid: Grid): SheetCheck {
    return checkSheet(grid, this.settings);
  }
}
