import type { Grid } from '../core/grid';
import type { Finding } from '../core/types';
import type { SheetPlan } from '../core/plan';
import type { IgnoredFinding } from '../core/report/review';

/** The pale fill of a verified total (显示已核对); 清除标记 removes it like any mark. */
export const VERIFIED_FILL = '#E2EFDA';

export type HostKind = 'excel' | 'wps' | 'file' | 'demo';

export interface SelectionInfo {
  sheet: string;
  /** A1 range of the selection, e.g. "B4:B9". */
  address: string;
  top: number;
  left: number;
  rowCount: number;
  colCount: number;
}

export interface ReadProgress {
  (done: number, total: number): void;
}

/** Progress of a whole-book read: which sheet (1-based index of total) is being read. */
export interface BookProgress {
  (sheet: string, index: number, total: number): void;
}

/**
 * The one interface the task pane, the ribbon command and the CLI use. Each adapter (Excel, WPS,
 * .xlsx file, in-page demo) is small: it turns host objects into a Grid and marks/plans back.
 */
export interface SpreadsheetHost {
  readonly kind: HostKind;
  /** One bulk read of the active sheet's used range. */
  readActiveSheet(onProgress?: ReadProgress): Promise<Grid>;
  /**
   * Every visible sheet, in tab order (校验整个工作簿), with progress per sheet. Optional: a host that
   * cannot read other sheets leaves it out and the pane offers the active sheet only. When `signal` aborts
   * (取消), it stops before the next sheet and returns the sheets read so far: the caller checks the signal.
   * A host that reads synchronously (WPS) never sees it abort and may ignore it.
   */
  readAllSheets?(onProgress?: BookProgress, signal?: AbortSignal): Promise<Grid[]>;
  /** Highlight each finding's cell and attach its message; remembers what it changed. */
  markFindings(findings: Finding[]): Promise<number>;
  /** Mark verified totals lightly (显示已核对): VERIFIED_FILL, no note; recorded like any mark, so 清除标记 removes it. */
  markVerified(cells: { sheet: string; cell: string }[]): Promise<number>;
  /** Findings the officer ignored (忽略), stored with the marks record in the workbook (survives save and reopen). */
  readIgnored(): Promise<IgnoredFinding[]>;
  writeIgnored(list: IgnoredFinding[]): Promise<void>;
  /** The displayed text of a block of cells (A1 range), row by row: what an insert would overwrite. */
  readCells(sheet: string, range: string): Promise<string[][]>;
  /** Restore every cell Jiaohe marked (fills exactly as they were) and remove only its own notes. */
  clearMarks(): Promise<number>;
  /** Select a cell (and activate its sheet). */
  selectCell(sheet: string, address: string): Promise<void>;
  getSelection(): Promise<SelectionInfo>;
  /** Write values into the selection's top-left, row by row (values[r][c]). Asked for by the user. */
  insertAtSelection(values: (string | number | null)[][]): Promise<void>;
  /** Write rows starting at a given cell of the active sheet. */
  writeCells(sheet: string, topLeft: string, values: (string | number | null)[][]): Promise<void>;
  /** The workbook's file name, when the host knows it (the report names it). */
  workbookName?(): Promise<string>;
  /** Add a sheet rendered from a plan; returns the name it got. */
  addSheet(plan: SheetPlan): Promise<string>;
}
