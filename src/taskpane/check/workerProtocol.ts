import type { CellData, CellRange } from '../../core/grid';
import type { IgnoredFinding } from '../../core/report/review';
import type { CheckSettings } from '../../core/types';
import type { CheckOutcome } from './runCheck';

/** A Grid as plain data, less its cells (sent in row chunks). */
export interface SheetShape {
  name: string;
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
}

/** Page → worker: rows of the sheet to check (in chunks, so no one copy blocks the page), then the check itself. */
export type ToWorker =
  | { type: 'rows'; from: number; rows: (CellData | undefined)[][] }
  | { type: 'check'; id: number; sheet: SheetShape; settings: CheckSettings; ignored: IgnoredFinding[] };

/** Worker → page. The outcome's check has no `detected` tables (the page does not use them). */
export type FromWorker = { type: 'ready' } | { type: 'done'; id: number; outcome: CheckOutcome } | { type: 'failed'; id: number; message: string };
