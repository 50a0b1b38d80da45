import type { Grid } from './grid';
import { rangeToA1 } from './grid/address';
import { detectTables } from './layout/detectTables';
import type { DetectedTable } from './layout/types';
import { runChecks } from './checks';
import { tableRelations } from './checks/relations';
import { numbersOf } from './checks/sums';
import { CatalogChoice, CheckSettings, CrossTableReport, DEFAULT_SETTINGS, SheetReport, TableSummary } from './types';
import { checkCrossTables } from './xref';
import { catalogLibrary } from './catalog/catalog';
import { chooseCatalog, noteDefaultYear, yearOfBook } from './catalog/bookYear';

export interface SheetCheck extends SheetReport {
  /** The rich table models, for hosts and panels that need more than the summary. */
  detected: DetectedTable[];
  /** The catalog year the code checks used (from the settings, else the sheet's title). */
  catalog?: CatalogChoice;
  /** The host could not read the sheet (Grid.unread, also the notice): it was not checked. */
  unread?: true;
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
    if (grid.unread) return { name: grid.name, tables: [], findings: [], detected: [], notice: grid.unread, unread: true };
    return { name: grid.name, tables: [], findings: [], detected: [], notice: '工作表为空，没有可校验的表格。' };
  }
  const catalog = chooseCatalog(s.catalogYear, s.catalogYear ? undefined : yearOfBook([grid]), catalogLibrary());
  const detected = detectTables(grid);
  const findings = runChecks(grid, detected, { ...s, catalogYear: catalog.year });
  return { name: grid.name, tables: detected.map((t) => withRelations(grid, t, summarizeTable(t))), findings, detected, catalog: noteDefaultYear(catalog, findings) };
}

/** The relations the engine holds for a table (checked or set aside), as TableSummary.relations. */
function withRelations(grid: Grid, t: DetectedTable, s: TableSummary): TableSummary {
  if (t.kind === 'performance' || !t.sides || t.sides.length === 0) return s;
  const relations = tableRelations(grid, t, numbersOf(grid, t)).relations;
  if (relations.length > 0) s.relations = relations;
  return s;
}

export interface BookCheck {
  sheets: SheetCheck[];
  /** Absent when no table of the book has a role in a 预算/决算 book (a 分配表, a 绩效目标表 …). */
  crossTable?: CrossTableReport;
  /** The catalog year the code checks used: the settings', else the year the book's titles give. */
  catalog: CatalogChoice;
}

/**
 * Check every sheet, then the cross-table rules (勾稽关系) among the tables of all of them. Each table
 * that has a role in a 预算/决算 book gets it in its summary. Pass one grid to compare only the tables
 * on that sheet.
 */
export function checkBook(grids: Grid[], settings?: Partial<CheckSettings>): BookCheck {
  const steps = checkBookSteps(grids, settings);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** What checkBookSteps is about to do: check grids[sheet], or run the cross-table rules. */
export type BookStep = { sheet: number } | { cross: true };

/**
 * checkBook one step at a time: it yields before each sheet and before the cross-table rules, so a caller can
 * show progress, let its page paint, or stop between steps; it returns the same BookCheck.
 */
export function* checkBookSteps(grids: Grid[], settings?: Partial<CheckSettings>): Generator<BookStep, BookCheck, void> {
  const asked = resolveSettings(settings);
  const catalog = chooseCatalog(asked.catalogYear, asked.catalogYear ? undefined : yearOfBook(grids), catalogLibrary());
  const s = { ...asked, catalogYear: catalog.year };
  const sheets: SheetCheck[] = [];
  for (let i = 0; i < grids.length; i++) {
    yield { sheet: i };
    sheets.push(checkSheet(grids[i], s));
  }
  yield { cross: true };
  return { sheets, crossTable: crossCheck(sheets, grids, s), catalog: noteDefaultYear(catalog, sheets.flatMap((c) => c.findings)) };
}

/**
 * The cross-table rules over sheets already checked; sets each table's role in its summary. Undefined when
 * no table has a role (the book is not a 预算/决算 book).
 */
export function crossCheck(sheets: SheetCheck[], grids: Grid[], settings?: Partial<CheckSettings>): CrossTableReport | undefined {
  const s = resolveSettings(settings);
  const inputs = sheets.map((r, i) => ({ grid: grids[i], detected: r.detected, findings: r.findings }));
  const { report, roles } = checkCrossTables(inputs, s);
  if (roles.size === 0) return undefined;
  for (const r of sheets) {
    const m = roles.get(r.name);
    if (!m) continue;
    for (const [index, role] of m) if (r.tables[index]) r.tables[index].role = role;
  }
  return report;
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
  checkBook(grids: Grid[]): BookCheck {
    return checkBook(grids, this.settings);
  }
}
