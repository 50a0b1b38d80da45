/**
 * The check worker (bundled by webpack as check-worker.js): the engine off the page's main thread. The page reads
 * the sheet in its host, sends the grid here in row chunks, and marks what comes back; see engineWorker.ts.
 */
import { checkSheet } from '../../core/engine';
import { CellData, Grid } from '../../core/grid';
import { outcomeOf } from './runCheck';
import type { FromWorker, ToWorker } from './workerProtocol';

interface Scope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as Scope;
let rows: (CellData | undefined)[][] = [];

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'rows') {
    for (let i = 0; i < msg.rows.length; i++) rows[msg.from + i] = msg.rows[i];
    return;
  }
  if (msg.type === 'check') {
    const cells = rows;
    rows = [];
    try {
      const grid = new Grid({ ...msg.sheet, cells });
      const check = checkSheet(grid, msg.settings);
      const outcome = outcomeOf(grid, check, msg.ignored);
      // The rich table models stay here: only outcomeOf needed them, and they are most of what would be copied.
      scope.postMessage({ type: 'done', id: msg.id, outcome: { ...outcome, check: { ...outcome.check, detected: [] } } });
    } catch (err) {
      scope.postMessage({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message || err.name : String(err) });
    }
  }
};

scope.postMessage({ type: 'ready' });
