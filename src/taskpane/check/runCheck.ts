import { checkBookSteps, checkSheet, type BookStep, type SheetCheck } from '../../core/engine';
import type { Grid } from '../../core/grid';
import { parseA1 } from '../../core/grid/address';
import { splitIgnored, tableCoverage, totalCells, type IgnoredFinding, type TableCoverage } from '../../core/report/review';
import type { CatalogChoice, CheckSettings, CrossTableReport, Finding, RuleId, TableKind, TableSummary } from '../../core/types';
import { cellsToMark } from '../../core/report/text';
import type { SpreadsheetHost } from '../../hosts/host';
import { CheckCancelled, checkBookInWorker, checkInWorker } from './engineWorker';
import type { BookChecks } from './workerProtocol';

export { CheckCancelled } from './engineWorker';

export type CheckPhase =
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'reading-sheet' | 'checking-sheet'; sheet: string; index: number; total: number }
  | { phase: 'cross' }
  | { phase: 'checking' }
  | { phase: 'marking' };

export interface CheckOutcome {
  check: SheetCheck;
  /** Findings to show and mark: the check's findings less those the officer ignored. */
  kept: Finding[];
  /** Findings of this check that the officer ignored earlier. */
  ignored: Finding[];
  /** Per table: its coverage (verified, failed, not checked) and the verified total cells (显示已核对). */
  tables: { coverage: TableCoverage; verified: string[] }[];
  /** Cells marked on the sheet. */
  marked: number;
  /** Why marking failed, when the findings could not be painted (the list is still valid). */
  markError?: unknown;
}

export interface CheckOptions {
  /** Findings ignored in this workbook (from the marks record). */
  ignored?: readonly IgnoredFinding[];
  /** 显示已核对: mark the verified totals lightly too. */
  showVerified?: boolean;
  /** 取消: stops the check (it then rejects with CheckCancelled) and nothing is marked. */
  signal?: AbortSignal;
  /** Run the engine in the page even where a worker could run it (tests, or a host known to need it). */
  inPage?: boolean;
}

/** The outcome of a check of one grid (no host): findings less the ignored ones, coverage per table. */
export function outcomeOf(grid: Grid, check: SheetCheck, ignored: readonly IgnoredFinding[]): CheckOutcome {
  const split = splitIgnored(check.findings, ignored);
  const totals = totalCells(grid, check.detected, check.findings);
  const tables = check.tables.map((t, i) => {
    const cells = totals[i] ?? { verified: [], failed: [] };
    return { coverage: tableCoverage(t, { verified: cells.verified.length, failed: cells.failed.length }), verified: cells.verified };
  });
  return { check, kept: split.kept, ignored: split.ignored, tables, marked: 0 };
}

/** Replace the marks on the workbook by those of this outcome: the kept findings, and the verified totals when asked. */
export async function markOutcome(host: SpreadsheetHost, outcome: CheckOutcome, showVerified: boolean): Promise<CheckOutcome> {
  try {
    await host.clearMarks();
    let marked = outcome.kept.length ? await host.markFindings(outcome.kept) : 0;
    if (showVerified) {
      const cells = outcome.tables.flatMap((t) => t.verified.map((cell) => ({ sheet: outcome.check.name, cell })));
      if (cells.length) marked += await host.markVerified(cells);
    }
    return { ...outcome, marked, markError: undefined };
  } catch (markError) {
    return { ...outcome, marked: 0, markError };
  }
}

/** Lets the browser paint the progress before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The pane's one check: read the active sheet (with progress), run the engine — in a Web Worker where one can
 * start, so the page stays responsive, else in the page — then replace the previous marks with the new ones so
 * fixed cells lose their highlight. The host is only touched on the page (reads, then marks: the same calls
 * either way). Read or engine errors propagate; a failure to mark does not hide the findings.
 */
export async function runSheetCheck(
  host: SpreadsheetHost,
  settings: CheckSettings,
  onPhase: (p: CheckPhase) => void = () => undefined,
  options: CheckOptions = {},
): Promise<CheckOutcome> {
  const { signal } = options;
  const grid = await host.readActiveSheet((done, total) => onPhase({ phase: 'reading', done, total }));
  if (signal?.aborted) throw new CheckCancelled();
  onPhase({ phase: 'checking' });
  const ignored = options.ignored ?? [];
  let outcome = options.inPage ? null : await checkInWorker(grid, settings, ignored, signal);
  if (!outcome) {
    await nextFrame();
    outcome = outcomeOf(grid, checkSheet(grid, settings), ignored);
    if (signal?.aborted) throw new CheckCancelled();
  }
  onPhase({ phase: 'marking' });
  return markOutcome(host, outcome, !!options.showVerified);
}

export interface BookOutcome {
  /** Each sheet's check, its findings less those the officer ignored (no `detected` tables when checked in the worker). */
  sheets: SheetCheck[];
  /** The cross-table rules (勾稽关系); absent when no table has a role in a 预算/决算 book. */
  crossTable?: CrossTableReport;
  /** The catalog year the code checks used (its note is shown when there is one). */
  catalog?: CatalogChoice;
  marked: number;
  markError?: unknown;
}

/** Every finding of a book check: each sheet's, then the cross-table ones. */
export function bookFindings(b: Pick<BookOutcome, 'sheets' | 'crossTable'>): Finding[] {
  return [...b.sheets.flatMap((s) => s.findings), ...(b.crossTable?.findings ?? [])];
}

/** The progress of a book check's next step: a sheet about to be checked, or the cross-table rules. */
export function bookPhase(step: BookStep, grids: readonly Grid[]): CheckPhase {
  return 'sheet' in step ? { phase: 'checking-sheet', sheet: grids[step.sheet].name, index: step.sheet + 1, total: grids.length } : { phase: 'cross' };
}

/** The engine over a book in the page (where no worker runs): one step at a time, the progress painted between. */
async function checkBookInPage(grids: Grid[], settings: CheckSettings, onPhase: (p: CheckPhase) => void, signal?: AbortSignal): Promise<BookChecks> {
  const steps = checkBookSteps(grids, settings);
  let step = steps.next();
  for (; !step.done; step = steps.next()) {
    onPhase(bookPhase(step.value, grids));
    await nextFrame();
    if (signal?.aborted) throw new CheckCancelled();
  }
  return step.value;
}

/**
 * 校验整个工作簿: read every sheet (progress per sheet), check each and run the cross-table rules among all
 * their tables — in the Web Worker where one can start, else in the page — then replace the previous marks with
 * the new ones on every sheet (a cross-table finding marks both its cells). 取消 stops it between sheets while
 * reading and at any time while checking; nothing is marked then.
 */
export async function runBookCheck(
  host: SpreadsheetHost,
  settings: CheckSettings,
  onPhase: (p: CheckPhase) => void = () => undefined,
  options: CheckOptions = {},
): Promise<BookOutcome> {
  if (!host.readAllSheets) throw new Error('此环境不能读取整个工作簿，请逐个工作表校验。');
  const { signal } = options;
  const grids = await host.readAllSheets((sheet, index, total) => onPhase({ phase: 'reading-sheet', sheet, index, total }), signal);
  if (signal?.aborted) throw new CheckCancelled();
  onPhase({ phase: 'checking' });
  const checked =
    (options.inPage ? null : await checkBookInWorker(grids, settings, onPhase, signal)) ?? (await checkBookInPage(grids, settings, onPhase, signal));
  if (signal?.aborted) throw new CheckCancelled();
  const ignored = options.ignored ?? [];
  const outcome: BookOutcome = { sheets: checked.sheets.map((c) => ({ ...c, findings: splitIgnored(c.findings, ignored).kept })), marked: 0 };
  if (checked.catalog) outcome.catalog = checked.catalog;
  if (checked.crossTable) outcome.crossTable = { ...checked.crossTable, findings: splitIgnored(checked.crossTable.findings, ignored).kept };
  onPhase({ phase: 'marking' });
  try {
    await host.clearMarks();
    const findings = cellsToMark(bookFindings(outcome));
    outcome.marked = findings.length ? await host.markFindings(findings) : 0;
  } catch (markError) {
    outcome.markError = markError;
  }
  return outcome;
}

/**
 * The headline of a result, saying what was checked: findings, or for a clean result whether totals were verified,
 * only 绩效目标表 were checked, or nothing was understood at all.
 */
export function headline(outcome: Pick<CheckOutcome, 'check' | 'kept' | 'tables'>): {
  key: 'summary.findings' | 'summary.okTotals' | 'summary.okPerf' | 'summary.nothingChecked' | 'summary.noTables';
  vars: Record<string, number>;
} {
  const { check, kept, tables } = outcome;
  if (kept.length) return { key: 'summary.findings', vars: { count: kept.length } };
  if (!check.tables.length) return { key: 'summary.noTables', vars: {} };
  const verified = tables.reduce((n, t) => n + t.coverage.verified, 0);
  const perf = check.tables.filter((t) => t.kind === 'performance').length;
  if (verified > 0) return { key: 'summary.okTotals', vars: { count: verified, tables: check.tables.length } };
  if (perf > 0) return { key: 'summary.okPerf', vars: { count: perf } };
  return { key: 'summary.nothingChecked', vars: { count: check.tables.length } };
}

export interface FindingGroup {
  key: string;
  /** Index into SheetCheck.tables; undefined for findings outside any table. */
  tableIndex?: number;
  table?: TableSummary;
  findings: Finding[];
}

function cellOrder(a: Finding, b: Finding): number {
  try {
    const p = parseA1(a.cell);
    const q = parseA1(b.cell);
    return p.row - q.row || p.col - q.col;
  } catch {
    return a.cell.localeCompare(b.cell);
  }
}

/** Findings grouped by table, tables in sheet order, cells in reading order; findings without a table last. */
export function groupFindings(check: Pick<SheetCheck, 'tables' | 'findings'>): FindingGroup[] {
  const byTable = new Map<number, Finding[]>();
  const other: Finding[] = [];
  for (const f of check.findings) {
    if (f.table !== undefined && f.table >= 0 && f.table < check.tables.length) {
      const list = byTable.get(f.table) ?? [];
      list.push(f);
      byTable.set(f.table, list);
    } else {
      other.push(f);
    }
  }
  const groups: FindingGroup[] = [...byTable.keys()]
    .sort((a, b) => a - b)
    .map((i) => ({ key: `t${i}`, tableIndex: i, table: check.tables[i], findings: byTable.get(i)!.sort(cellOrder) }));
  if (other.length) groups.push({ key: 'other', findings: other.sort(cellOrder) });
  return groups;
}

export interface CheckSummary {
  tables: number;
  byKind: { kind: TableKind; count: number }[];
  findings: number;
  byRule: { rule: RuleId; count: number }[];
}

export function summarizeCheck(check: Pick<SheetCheck, 'tables' | 'findings'>): CheckSummary {
  const kinds = new Map<TableKind, number>();
  for (const t of check.tables) kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
  const rules = new Map<RuleId, number>();
  for (const f of check.findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
  return {
    tables: check.tables.length,
    byKind: [...kinds].map(([kind, count]) => ({ kind, count })),
    findings: check.findings.length,
    byRule: [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count),
  };
}

/** The one line shown for an error, whatever was thrown (WorkbookReadError, OfficeExtension.Error, string…). */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
