import * as path from 'path';
import { checkSheet, crossCheck, SheetCheck } from '../../core/engine';
import type { Grid } from '../../core/grid';
import type { CheckSettings, CrossTableReport, Finding, SheetReport, WorkbookReport } from '../../core/types';
import { splitIgnored, totalCells } from '../../core/report/review';
import { ignoredInBook, isRecordSheet } from './ignoredRecord';
import { readXlsxFile } from './readXlsx';
import type { SheetReadNote, XlsxBook } from './xlsxBytes';
import { remapAddresses, remapSheetReport } from './remapReport';
import { catalogLibrary, chooseCatalog, noteDefaultYear, yearOfBook } from '../../core/catalog';

/** `--sheet NAME` named a sheet the workbook does not have; the message lists the sheets it has. */
export class SheetNotFoundError extends Error {
  constructor(
    readonly file: string,
    readonly sheet: string,
    readonly available: string[],
  ) {
    super(`${path.basename(file)}：没有名为「${sheet}」的工作表。现有工作表：${available.map((n) => `「${n}」`).join('、')}。`);
    this.name = 'SheetNotFoundError';
  }
}

export interface CheckFileOptions {
  settings?: Partial<CheckSettings>;
  /** Check only this sheet (exact name; surrounding spaces ignored). */
  sheet?: string;
  /** Count the verified and failed total cells of each table (for --report); default true. */
  countTotals?: boolean;
}

export interface FileCheckResult {
  report: WorkbookReport;
  /** Sheets the engine failed on (their SheetReport carries a notice): the file was not fully checked. */
  failedSheets: string[];
  /** Sheets the reader could read only in part (their notice says what was not read): not fully checked. */
  partialSheets: string[];
  /** The reader's English details for --verbose, per sheet. */
  details: string[];
  /** Findings the officer ignored in the add-in (from the workbook's marks record), left out of the report. */
  ignored?: Finding[];
  /** Per sheet, per table: how many total cells were verified and how many failed (for --report). */
  totals: Record<string, { verified: number; failed: number }[]>;
}

/** One notice line for a sheet: what was not read, what was collapsed or set aside, and the engine's own. */
function noticeOf(note: SheetReadNote | undefined, engineNotice: string | undefined): string | undefined {
  const parts: string[] = [];
  if (note && note.lost.length > 0) parts.push(`未完整读取：${note.lost.join('；')}`);
  if (note) parts.push(...note.notices);
  if (engineNotice) parts.push(engineNotice);
  return parts.length > 0 ? parts.join('；') : undefined;
}

/** Cross-table findings name cells of sheets whose gaps were collapsed in grid positions: back to the sheet's. */
function remapCrossTable(cross: CrossTableReport, collapsed: Map<string, SheetReadNote>): CrossTableReport {
  const on = (sheet: string, cell: string): string => {
    const note = collapsed.get(sheet);
    return note ? remapAddresses(cell, note.rows, note.cols) : cell;
  };
  return {
    ...cross,
    findings: cross.findings.map((f) => ({ ...f, cell: on(f.sheet, f.cell), ...(f.other ? { other: { ...f.other, cell: on(f.other.sheet, f.other.cell) } } : {}) })),
  };
}

/** Check the sheets of a book already read (all, or the one named), with what the reader noted on each. */
export function checkBook(book: XlsxBook, options: CheckFileOptions = {}): FileCheckResult {
  // Jiaohe's own marks record is not a table; the findings ignored in it stay out of this check too.
  const ignoredList = ignoredInBook(book.sheets);
  const grids = selectSheets(book.file, book.sheets.filter((g) => !isRecordSheet(g)), options.sheet);
  // Without --year the catalog year is the book's own (its titles, over every sheet), said once in the report.
  const asked = options.settings?.catalogYear;
  const catalog = chooseCatalog(asked, asked ? undefined : yearOfBook(book.sheets), catalogLibrary());
  const settings = { ...options.settings, catalogYear: catalog.year };
  const sheets: SheetReport[] = [];
  const failedSheets: string[] = [];
  const partialSheets: string[] = [];
  const details: string[] = [];
  const totals: FileCheckResult['totals'] = {};
  const checks: SheetCheck[] = [];
  const checkedGrids: Grid[] = [];
  const collapsed = new Map<string, SheetReadNote>();
  for (const grid of grids) {
    const note = book.notes?.[book.sheets.indexOf(grid)];
    const unread = grid.rowCount === 0 && note !== undefined && note.lost.length > 0;
    const checked: ReturnType<typeof checkGrid> = unread
      ? { sheet: { name: grid.name, tables: [], findings: [] }, failed: false, totals: [] }
      : checkGrid(grid, settings, options.countTotals ?? true);
    let sheet = checked.sheet;
    const failed = checked.failed;
    totals[grid.name] = checked.totals;
    if (checked.check) {
      checks.push(checked.check);
      checkedGrids.push(grid);
    }
    if (note && (note.rows || note.cols)) {
      sheet = remapSheetReport(sheet, note.rows, note.cols);
      collapsed.set(grid.name, note);
    }
    const notice = noticeOf(note, sheet.notice);
    if (notice) sheet.notice = notice;
    sheets.push(sheet);
    if (failed) failedSheets.push(grid.name);
    if (note && note.lost.length > 0) partialSheets.push(grid.name);
    if (note) details.push(...note.detail.map((d) => `${grid.name}: ${d}`));
  }
  const ignored: Finding[] = [];
  if (ignoredList.length) {
    for (const sheet of sheets) {
      const split = splitIgnored(sheet.findings, ignoredList);
      sheet.findings = split.kept;
      ignored.push(...split.ignored);
    }
  }
  const report: WorkbookReport = { file: book.file, sheets, catalog: noteDefaultYear(catalog, sheets.flatMap((s) => s.findings)) };
  if (partialSheets.length > 0) report.partial = partialSheets;
  try {
    // 勾稽关系 among the tables of every sheet checked (with --sheet, among the tables of that sheet).
    const crossTable = crossCheck(checks, checkedGrids, settings);
    if (crossTable) report.crossTable = collapsed.size > 0 ? remapCrossTable(crossTable, collapsed) : crossTable;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    report.crossTable = { rules: [{ rule: 'xref.total', name: '表间勾稽关系', status: 'not-applicable', reason: `内部错误，未能完成：${reason.slice(0, 120)}` }], findings: [] };
    failedSheets.push('（表间勾稽）');
  }
  return { report, failedSheets, partialSheets, details, totals, ignored };
}

export function selectSheets(file: string, sheets: Grid[], name: string | undefined): Grid[] {
  if (name === undefined) return sheets;
  const exact = sheets.filter((g) => g.name === name);
  if (exact.length > 0) return exact;
  const trimmed = sheets.filter((g) => g.name.trim() === name.trim());
  if (trimmed.length > 0) return trimmed;
  throw new SheetNotFoundError(file, name, sheets.map((g) => g.name));
}

/** Check one grid; an engine failure becomes a notice on that sheet instead of ending the run. */
export function checkGrid(
  grid: Grid,
  settings?: Partial<CheckSettings>,
  countTotals = true,
): { sheet: SheetReport; failed: boolean; totals: { verified: number; failed: number }[]; check?: SheetCheck } {
  try {
    const r = checkSheet(grid, settings);
    // Findings belong to the sheet they were computed on, whatever the engine filled in.
    const findings = r.findings.map((f) => (f.sheet === grid.name ? f : { ...f, sheet: grid.name }));
    const sheet: SheetReport = { name: grid.name, tables: r.tables, findings };
    if (r.notice) sheet.notice = r.notice;
    const totals = !countTotals ? [] : totalCells(grid, r.detected, findings).map((t) => ({ verified: t.verified.length, failed: t.failed.length }));
    return { sheet, failed: false, totals, check: { ...r, findings } };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      sheet: { name: grid.name, tables: [], findings: [], notice: `校核此工作表时出现内部错误，未能完成：${reason.slice(0, 120)}` },
      failed: true,
      totals: [],
    };
  }
}

/** Read an .xlsx file and check every sheet (or the one named). Read errors throw WorkbookReadError. */
export async function checkXlsxFile(file: string, options: CheckFileOptions = {}): Promise<FileCheckResult> {
  return checkBook(await readXlsxFile(file), options);
}
