import type { CatalogChoice, CrossTableReport, Finding, RelationSummary, SheetReport, TableSummary, WorkbookReport } from '../types';

/** The JSON shape of DESIGN.md ("jiaohe check FILE --format json"). Optional keys are absent, never null. */
export interface JsonTable {
  range: string;
  kind: TableSummary['kind'];
  title?: string;
  unit?: string;
  headerRows: number;
  totalRows: number[];
  role?: string;
  relations?: RelationSummary[];
}

export interface JsonFinding {
  rule: Finding['rule'];
  cell: string;
  severity: Finding['severity'];
  expected?: string;
  actual?: string;
  parts?: string[];
  message: string;
  messageEn?: string;
  rounding?: boolean;
  table?: number;
  derivedFrom?: string;
  other?: Finding['other'];
}

export interface JsonSheet {
  name: string;
  tables: JsonTable[];
  findings: JsonFinding[];
  /** Why the sheet was not (fully) checked. */
  notice?: string;
}

export interface JsonWorkbook {
  file: string;
  sheets: JsonSheet[];
  /** Only in a batch (array) output: the one-line reason this file could not be checked. */
  error?: string;
  /** The cross-table rules (勾稽关系) when the book was checked as a whole. */
  crossTable?: { rules: CrossTableReport['rules']; findings: JsonFinding[] };
  /** Sheets read only in part (each sheet's notice says what was not read). */
  partial?: string[];
  /** The catalog year the code checks used: year, edition, source (option|book|default), note. */
  catalog?: CatalogChoice;
}

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== null) target[key] = value;
}

export function jsonTable(t: TableSummary): JsonTable {
  const out = { range: t.range, kind: t.kind } as JsonTable;
  put(out, 'title', t.title);
  put(out, 'unit', t.unit);
  out.headerRows = t.headerRows;
  out.totalRows = [...t.totalRows];
  put(out, 'role', t.role);
  if (t.relations) out.relations = t.relations.map((r) => ({ ...r, parts: [...r.parts] }));
  return out;
}

export function jsonFinding(f: Finding): JsonFinding {
  // Key order follows DESIGN.md so diffs of saved reports stay readable.
  const out = { rule: f.rule, cell: f.cell, severity: f.severity } as JsonFinding;
  put(out, 'expected', f.expected);
  put(out, 'actual', f.actual);
  if (f.parts) out.parts = [...f.parts];
  out.message = f.message;
  put(out, 'messageEn', f.messageEn);
  put(out, 'rounding', f.rounding);
  put(out, 'table', f.table);
  put(out, 'derivedFrom', f.derivedFrom);
  if (f.other) out.other = { ...f.other };
  return out;
}

export function jsonSheet(s: SheetReport): JsonSheet {
  const out: JsonSheet = { name: s.name, tables: s.tables.map(jsonTable), findings: s.findings.map(jsonFinding) };
  put(out, 'notice', s.notice);
  return out;
}

export function jsonWorkbook(r: WorkbookReport): JsonWorkbook {
  const out: JsonWorkbook = { file: r.file, sheets: r.sheets.map(jsonSheet) };
  if (r.crossTable) {
    // A cross-table finding names its sheet in its cell (Sheet!A1): it is not under one sheet.
    const findings = r.crossTable.findings.map((f) => ({ ...jsonFinding(f), cell: `${f.sheet}!${f.cell}` }));
    out.crossTable = { rules: r.crossTable.rules.map((x) => ({ ...x })), findings };
  }
  if (r.partial && r.partial.length > 0) out.partial = [...r.partial];
  if (r.catalog) out.catalog = { ...r.catalog };
  return out;
}

/** A file that could not be checked, as it appears in a batch array. */
export function jsonFailedWorkbook(file: string, reason: string): JsonWorkbook {
  return { file, sheets: [], error: reason };
}
