/**
 * The check worker's message handling, without the worker itself: rows are gathered per grid until a check
 * arrives, then the engine runs on them and the answer is posted. checkWorker.ts binds it to the worker's scope;
 * tests drive it directly in Node.
 */
import { checkBookSteps, checkSheet } from '../../core/engine';
import { CellData, Grid } from '../../core/grid';
import { bookPhase, outcomeOf } from './runCheck';
import type { FromWorker, SheetShape, ToWorker } from './workerProtocol';

export function workerHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
  /** Rows received so far, per grid (the index the page gave it). */
  let rows: (CellData | undefined)[][][] = [];
  return (msg) => {
    if (msg.type === 'rows') {
      const sheet = (rows[msg.sheet] ??= []);
      for (let i = 0; i < msg.rows.length; i++) sheet[msg.from + i] = msg.rows[i];
      return;
    }
    const received = rows;
    rows = [];
    const gridOf = (shape: SheetShape, index: number) => new Grid({ ...shape, cells: received[index] ?? [] });
    try {
      if (msg.type === 'check') {
        const grid = gridOf(msg.sheet, 0);
        const outcome = outcomeOf(grid, checkSheet(grid, msg.settings), msg.ignored);
        // The rich table models stay here: only outcomeOf needed them, and they are most of what would be copied.
        post({ type: 'done', id: msg.id, outcome: { ...outcome, check: { ...outcome.check, detected: [] } } });
        return;
      }
      const grids = msg.sheets.map(gridOf);
      const steps = checkBookSteps(grids, msg.settings);
      let step = steps.next();
      for (; !step.done; step = steps.next()) post({ type: 'phase', id: msg.id, phase: bookPhase(step.value, grids) });
      const { sheets, crossTable, catalog } = step.value;
      post({ type: 'bookDone', id: msg.id, book: { sheets: sheets.map((c) => ({ ...c, detected: [] })), crossTable, catalog } });
    } catch (err) {
      post({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message || err.name : String(err) });
    }
  };
}
