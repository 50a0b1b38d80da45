import * as path from 'path';
import { checkSheet, crossCheck, SheetCheck } from '../../core/engine';
import type { Grid } from '../../core/grid';
import type { CheckSettings, SheetReport, WorkbookReport } from '../../core/types';
import { totalCells } from '../../core/report/review';
import { readXlsxFile } from './readXlsx';
import { catalogLibrary, chooseCatalog, yearOfBook } from '../../core/catalog';

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
}

export interface FileCheckResult {
  report: WorkbookReport;
  /** Sheets the engine failed on (their SheetReport carries a notice): the file was not fully checked. */
  failedSheets: string[];
  /** Per sheet, per table: how many total cells were verified and how many failed (for --report). */
  totals: Record<string, { verified: number; failed: number }[]>;
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
): { sheet: SheetReport; failed: boolean; totals: { verified: number; failed: number }[]; check?: SheetCheck } {
  try {
    const r = checkSheet(grid, settings);
    // Findings belong to the sheet they were computed on, whatever the engine filled in.
    const findings = r.findings.map((f) => (f.sheet === grid.name ? f : { ...f, sheet: grid.name }));
    const sheet: SheetReport = { name: grid.name, tables: r.tables, findings };
    if (r.notice) sheet.notice = r.notice;
    const totals = totalCells(grid, r.detected, findings).map((t) => ({ verified: t.verified.length, failed: t.failed.length }));
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
  const book = await readXlsxFile(file);
  const grids = selectSheets(file, book.sheets, options.sheet);
  // Without --year the catalog year is the book's own (its titles, over every sheet), said once in the report.
  const asked = options.settings?.catalogYear;
  const catalog = chooseCatalog(asked, asked ? undefined : yearOfBook(book.sheets), catalogLibrary());
  const settings = { ...options.settings, catalogYear: catalog.year };
  const sheets: SheetReport[] = [];
  const failedSheets: string[] = [];
  const totals: FileCheckResult['totals'] = {};
  const checks: SheetCheck[] = [];
  const checkedGrids: Grid[] = [];
  for (const grid of grids) {
    const { sheet, failed, totals: t, check } = checkGrid(grid, settings);
    sheets.push(sheet);
    totals[grid.name] = t;
    if (failed) failedSheets.push(grid.name);
    if (check) {
      checks.push(check);
      checkedGrids.push(grid);
    }
  }
  const report: WorkbookReport = { file, sheets, catalog };
  try {
    // 勾稽关系 among the tables of every sheet checked (with --sheet, among the tables of that sheet).
    const crossTable = crossCheck(checks, checkedGrids, settings);
    if (crossTable) report.crossTable = crossTable;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    report.crossTable = { rules: [{ rule: 'xref.total', name: '表间勾稽关系', status: 'not-applicable', reason: `内部错误，未能完成：${reason.slice(0, 120)}` }], findings: [] };
    failedSheets.push('（表间勾稽）');
  }
  return { report, failedSheets, totals };
}
