import { checkSheet, crossCheck, SheetCheck } from '../../core/engine';
import { parseA1 } from '../../core/grid/address';
import type { CheckSettings, CrossTableReport, Finding, RuleId, TableKind, TableSummary } from '../../core/types';
import type { SpreadsheetHost } from '../../hosts/host';

export type CheckPhase =
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'reading-sheet' | 'checking-sheet'; sheet: string; index: number; total: number }
  | { phase: 'cross' }
  | { phase: 'checking' }
  | { phase: 'marking' };

export interface CheckOutcome {
  check: SheetCheck;
  /** Cells marked on the sheet. */
  marked: number;
  /** Why marking failed, when the findings could not be painted (the list is still valid). */
  markError?: unknown;
}

/** Lets the browser paint the progress before a long synchronous step. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The pane's one check: read the active sheet (with progress), run the engine, then replace the previous
 * marks with the new ones so fixed cells lose their highlight. Read or engine errors propagate; a failure to
 * mark does not hide the findings.
 */
export async function runSheetCheck(
  host: SpreadsheetHost,
  settings: CheckSettings,
  onPhase: (p: CheckPhase) => void = () => undefined,
): Promise<CheckOutcome> {
  const grid = await host.readActiveSheet((done, total) => onPhase({ phase: 'reading', done, total }));
  onPhase({ phase: 'checking' });
  await nextFrame();
  const check = checkSheet(grid, settings);
  onPhase({ phase: 'marking' });
  try {
    await host.clearMarks();
    const marked = check.findings.length ? await host.markFindings(check.findings) : 0;
    return { check, marked };
  } catch (markError) {
    return { check, marked: 0, markError };
  }
}

export interface BookOutcome {
  sheets: SheetCheck[];
  /** The cross-table rules (勾稽关系); absent when no table has a role in a 预算/决算 book. */
  crossTable?: CrossTableReport;
  marked: number;
  markError?: unknown;
}

/** Every finding of a book check: each sheet's, then the cross-table ones (they are marked on both sheets' cells). */
export function bookFindings(b: Pick<BookOutcome, 'sheets' | 'crossTable'>): Finding[] {
  return [...b.sheets.flatMap((s) => s.findings), ...(b.crossTable?.findings ?? [])];
}

/**
 * 校验整个工作簿: read every sheet (progress per sheet), check each, run the cross-table rules among all
 * their tables, then replace the previous marks with the new ones on every sheet.
 */
export async function runBookCheck(
  host: SpreadsheetHost,
  settings: CheckSettings,
  onPhase: (p: CheckPhase) => void = () => undefined,
): Promise<BookOutcome> {
  if (!host.readAllSheets) throw new Error('此环境不能读取整个工作簿，请逐个工作表校验。');
  const grids = await host.readAllSheets((sheet, index, total) => onPhase({ phase: 'reading-sheet', sheet, index, total }));
  const sheets: SheetCheck[] = [];
  for (let i = 0; i < grids.length; i++) {
    onPhase({ phase: 'checking-sheet', sheet: grids[i].name, index: i + 1, total: grids.length });
    await nextFrame();
    sheets.push(checkSheet(grids[i], settings));
  }
  onPhase({ phase: 'cross' });
  await nextFrame();
  const crossTable = crossCheck(sheets, grids, settings);
  const outcome: BookOutcome = { sheets, marked: 0 };
  if (crossTable) outcome.crossTable = crossTable;
  onPhase({ phase: 'marking' });
  try {
    await host.clearMarks();
    // A cross-table finding marks both its cells, so either sheet shows it.
    const findings = bookFindings(outcome).flatMap((f) => (f.other ? [f, { ...f, sheet: f.other.sheet, cell: f.other.cell }] : [f]));
    outcome.marked = findings.length ? await host.markFindings(findings) : 0;
  } catch (markError) {
    outcome.markError = markError;
  }
  return outcome;
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
