import type { SheetCheck } from '../../core/engine';
import type { CellData, CellRange } from '../../core/grid';
import type { IgnoredFinding } from '../../core/report/review';
import type { CatalogChoice, CheckSettings, CrossTableReport } from '../../core/types';
import type { CheckOutcome, CheckPhase } from './runCheck';

/** A Grid as plain data, less its cells (sent in row chunks). */
export interface SheetShape {
  name: string;
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** Why the host could not read the sheet (Grid.unread). */
  unread?: string;
}

/** What the worker sends back for a book: each sheet's check without its `detected` tables, and the 勾稽 report. */
export interface BookChecks {
  sheets: SheetCheck[];
  crossTable?: CrossTableReport;
  /** The catalog year the code checks used, with its note when the report must say it. */
  catalog?: CatalogChoice;
}

/**
 * Page → worker: rows of the grids to check (in chunks, so no one copy blocks the page; `sheet` is the grid's
 * index, 0 for a single sheet), then the check itself: one sheet ('check') or every grid sent ('checkBook').
 */
export type ToWorker =
  | { type: 'rows'; sheet: number; from: number; rows: (CellData | undefined)[][] }
  | { type: 'check'; id: number; sheet: SheetShape; settings: CheckSettings; ignored: IgnoredFinding[] }
  | { type: 'checkBook'; id: number; sheets: SheetShape[]; settings: CheckSettings };

/**
 * Worker → page. Checks come back without their `detected` tables (the page does not use them, and they are most
 * of what would be copied). A book check reports a 'phase' before each sheet and before the cross-table rules.
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'phase'; id: number; phase: CheckPhase }
  | { type: 'done'; id: number; outcome: CheckOutcome }
  | { type: 'bookDone'; id: number; book: BookChecks }
  | { type: 'failed'; id: number; message: string };
