import { CellData, Grid, rangeToA1 } from '../../core/grid';
import type { SheetPlan } from '../../core/plan';
import type { Finding } from '../../core/types';
import type { BookProgress, HostKind, ReadProgress, SelectionInfo, SpreadsheetHost } from '../host';
import { VERIFIED_FILL } from '../host';
import { sanitizeIgnored, type IgnoredFinding } from '../../core/report/review';
import type { DemoSheet } from './workbook';
import { DemoWorkbook } from './workbook';

export interface DemoHostOptions {
  /** Rows per read chunk: progress is reported (and the page repaints) after each. */
  chunkRows?: number;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The SpreadsheetHost of the demo page: the in-memory DemoWorkbook, no DOM (usable in Node). */
export class DemoHost implements SpreadsheetHost {
  readonly kind: HostKind = 'demo';
  private readonly chunkRows: number;

  constructor(
    readonly workbook: DemoWorkbook,
    options: DemoHostOptions = {},
  ) {
    this.chunkRows = Math.max(1, options.chunkRows ?? 500);
  }

  /** Reads the active sheet in row chunks, like a large sheet in Excel, so the pane can show progress. */
  async readActiveSheet(onProgress?: ReadProgress): Promise<Grid> {
    return this.readSheet(this.workbook.active, onProgress);
  }

  /** Every sheet of the workbook, in tab order (stops between sheets when the signal aborts). */
  async readAllSheets(onProgress?: BookProgress, signal?: AbortSignal): Promise<Grid[]> {
    const grids: Grid[] = [];
    const sheets = this.workbook.sheets;
    for (let i = 0; i < sheets.length && !signal?.aborted; i++) {
      onProgress?.(sheets[i].name, i + 1, sheets.length);
      grids.push(await this.readSheet(sheets[i]));
      await yieldToEventLoop();
    }
    return grids;
  }

  private async readSheet(sheet: DemoSheet, onProgress?: ReadProgress): Promise<Grid> {
    const total = sheet.rows.length;
    const cells: (CellData | undefined)[][] = [];
    onProgress?.(0, total);
    for (let from = 0; from < total; from += this.chunkRows) {
      const to = Math.min(total, from + this.chunkRows);
      for (const row of this.workbook.toGrid(sheet, from, to)) cells.push(row);
      onProgress?.(to, total);
      if (to < total) await yieldToEventLoop();
    }
    return new Grid({
      name: sheet.name,
      cells,
      merges: sheet.merges.map((m) => ({ ...m })),
      hiddenRows: sheet.hiddenRows,
      hiddenCols: sheet.hiddenCols,
    });
  }

  async markFindings(findings: Finding[]): Promise<number> {
    return this.workbook.mark(findings.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity, message: f.message })));
  }

  async markVerified(cells: { sheet: string; cell: string }[]): Promise<number> {
    return this.workbook.mark(
      cells.map((c) => ({ ...c, severity: 'hint' as const, message: '' })),
      { fill: VERIFIED_FILL, note: false },
    );
  }

  async workbookName(): Promise<string> {
    return this.workbook.fileName;
  }

  async readIgnored(): Promise<IgnoredFinding[]> {
    return sanitizeIgnored(this.workbook.ignored);
  }

  async writeIgnored(list: IgnoredFinding[]): Promise<void> {
    this.workbook.ignored = sanitizeIgnored(list);
  }

  async readCells(sheet: string, range: string): Promise<string[][]> {
    return this.workbook.readText(sheet, range);
  }

  async clearMarks(): Promise<number> {
    return this.workbook.clearMarks();
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.workbook.select(sheet, address);
  }

  async getSelection(): Promise<SelectionInfo> {
    const { sheet, range } = this.workbook.selection;
    return {
      sheet,
      address: rangeToA1(range),
      top: range.top,
      left: range.left,
      rowCount: range.bottom - range.top + 1,
      colCount: range.right - range.left + 1,
    };
  }

  async insertAtSelection(values: (string | number | null)[][]): Promise<void> {
    const { sheet, range } = this.workbook.selection;
    this.workbook.write(sheet, rangeToA1({ top: range.top, left: range.left, bottom: range.top, right: range.left }), values);
  }

  async writeCells(sheet: string, topLeft: string, values: (string | number | null)[][]): Promise<void> {
    this.workbook.write(sheet, topLeft, values);
  }

  async addSheet(plan: SheetPlan): Promise<string> {
    return this.workbook.addSheet(plan);
  }
}
