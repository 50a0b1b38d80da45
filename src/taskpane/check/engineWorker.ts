/**
 * The engine in a Web Worker, seen from the page: read in the host, check in the worker, mark in the host.
 * The grid goes over in row chunks with a pause between them, so neither the copy nor the check holds the page.
 * Where a worker cannot start (no Worker, a blocked or missing script: some WPS builds), checks run in the page.
 */
import type { Grid, CellData } from '../../core/grid';
import type { IgnoredFinding } from '../../core/report/review';
import type { CheckSettings } from '../../core/types';
import type { CheckOutcome } from './runCheck';
import type { FromWorker, ToWorker } from './workerProtocol';

/** The bundle webpack writes for checkWorker.ts, next to the pages (taskpane.html, demo.html). */
export const CHECK_WORKER_SCRIPT = 'check-worker.js';

/** Rows per message: a chunk is copied in a few milliseconds, so the page never waits long on one. */
const CHUNK_ROWS = 500;

/** The check was stopped by the officer (取消). */
export class CheckCancelled extends Error {
  constructor() {
    super('校验已取消');
    this.name = 'CheckCancelled';
  }
}

/** A worker that answered "ready", or why none could start. */
let started: Promise<Worker | null> | undefined;
let unavailable = false;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function startWorker(): Promise<Worker | null> {
  if (unavailable || typeof Worker === 'undefined' || typeof document === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(CHECK_WORKER_SCRIPT, document.baseURI));
    } catch {
      unavailable = true;
      resolve(null);
      return;
    }
    const fail = () => {
      worker.terminate();
      unavailable = true;
      resolve(null);
    };
    worker.onerror = fail;
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.type !== 'ready') return;
      worker.onerror = null;
      resolve(worker);
    };
  });
}

/** The page's check worker, started on first use; null where none can run. */
function checkWorker(): Promise<Worker | null> {
  if (!started) started = startWorker();
  return started;
}

/** Drop the worker (after a cancel: it may be deep in a check); the next check starts a fresh one. */
function dropWorker(worker: Worker): void {
  worker.terminate();
  started = undefined;
}

let nextId = 1;

/**
 * Check a grid in the worker. Resolves null when no worker can run here (the caller checks in the page);
 * rejects with CheckCancelled when the signal aborts, with an Error when the engine failed.
 */
export async function checkInWorker(
  grid: Grid,
  settings: CheckSettings,
  ignored: readonly IgnoredFinding[],
  signal?: AbortSignal,
): Promise<CheckOutcome | null> {
  const worker = await checkWorker();
  if (!worker) return null;
  const id = nextId++;
  for (let from = 0; from < grid.rowCount; from += CHUNK_ROWS) {
    if (signal?.aborted) {
      dropWorker(worker);
      throw new CheckCancelled();
    }
    const to = Math.min(grid.rowCount, from + CHUNK_ROWS);
    const rows: (CellData | undefined)[][] = [];
    for (let r = from; r < to; r++) {
      const row: (CellData | undefined)[] = [];
      for (let c = 0; c < grid.colCount; c++) {
        const cell = grid.cell(r, c);
        if (cell) row[c] = cell;
      }
      rows.push(row);
    }
    worker.postMessage({ type: 'rows', from, rows } satisfies ToWorker);
    await pause();
  }
  const message: ToWorker = {
    type: 'check',
    id,
    sheet: { name: grid.name, merges: [...grid.merges], hiddenRows: [...grid.hiddenRows], hiddenCols: [...grid.hiddenCols] },
    settings,
    ignored: [...ignored],
  };
  return new Promise<CheckOutcome>((resolve, reject) => {
    const onAbort = () => {
      dropWorker(worker);
      reject(new CheckCancelled());
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (e) => {
      signal?.removeEventListener('abort', onAbort);
      dropWorker(worker);
      reject(new Error(e.message || 'check worker failed'));
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const reply = e.data;
      if (reply.type === 'ready' || reply.id !== id) return;
      signal?.removeEventListener('abort', onAbort);
      if (reply.type === 'done') resolve(reply.outcome);
      else reject(new Error(reply.message));
    };
    worker.postMessage(message);
  });
}
