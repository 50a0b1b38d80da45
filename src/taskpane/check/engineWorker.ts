/**
 * The engine in a Web Worker, seen from the page: read in the host, check in the worker, mark in the host.
 * A sheet or a whole book: the grids go over in row chunks with a pause between them, so neither the copy nor
 * the check holds the page.
 * Where a worker cannot start (no Worker, a blocked or missing script: some WPS builds), checks run in the page.
 */
import type { Grid, CellData } from '../../core/grid';
import type { IgnoredFinding } from '../../core/report/review';
import type { CheckSettings } from '../../core/types';
import type { CheckOutcome, CheckPhase } from './runCheck';
import type { BookChecks, FromWorker, SheetShape, ToWorker } from './workerProtocol';

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

/**
 * Gives the page a turn between two chunks (input, painting). A MessageChannel message is a task of its own without
 * the ≥ 4 ms a nested setTimeout(0) is held to: 40 chunks of a 20,000-row sheet would wait 160 ms for nothing.
 */
function pause(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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

/**
 * Start the worker ahead of the first check (the pane calls it when it opens, once the page is idle), so that
 * check does not wait for the worker's script to load. Where no worker can run, it does nothing.
 */
export function warmCheckWorker(): void {
  void checkWorker();
}

/** Drop the worker (after a cancel: it may be deep in a check); the next check starts a fresh one. */
function dropWorker(worker: Worker): void {
  worker.terminate();
  started = undefined;
}

let nextId = 1;

/** A grid as plain data, less its cells. */
export function shapeOf(grid: Grid): SheetShape {
  return { name: grid.name, merges: [...grid.merges], hiddenRows: [...grid.hiddenRows], hiddenCols: [...grid.hiddenCols], ...(grid.unread ? { unread: grid.unread } : {}) };
}

/** The messages that carry a grid's rows to the worker, CHUNK_ROWS rows each; `sheet` is the grid's index. */
export function* rowMessages(grid: Grid, sheet: number): Generator<ToWorker> {
  for (let from = 0; from < grid.rowCount; from += CHUNK_ROWS) {
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
    yield { type: 'rows', sheet, from, rows };
  }
}

/** Every grid's rows to the worker, with a pause after each chunk; stops (and drops the worker) when the signal aborts. */
async function sendGrids(worker: Worker, grids: readonly Grid[], signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < grids.length; i++) {
    for (const message of rowMessages(grids[i], i)) {
      if (signal?.aborted) {
        dropWorker(worker);
        throw new CheckCancelled();
      }
      worker.postMessage(message);
      await pause();
    }
  }
}

type Answer = Extract<FromWorker, { type: 'done' | 'bookDone' }>;

/** Post a check and wait for its answer, passing the phases the worker reports on to onPhase. */
function ask(worker: Worker, message: Extract<ToWorker, { id: number }>, signal?: AbortSignal, onPhase?: (p: CheckPhase) => void): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
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
      if (reply.type === 'ready' || reply.id !== message.id) return;
      if (reply.type === 'phase') return onPhase?.(reply.phase);
      signal?.removeEventListener('abort', onAbort);
      if (reply.type === 'failed') reject(new Error(reply.message));
      else resolve(reply);
    };
    worker.postMessage(message);
  });
}

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
  await sendGrids(worker, [grid], signal);
  const answer = await ask(worker, { type: 'check', id: nextId++, sheet: shapeOf(grid), settings, ignored: [...ignored] }, signal);
  if (answer.type !== 'done') throw new Error(`check worker answered ${answer.type}`);
  return answer.outcome;
}

/**
 * Check every grid of a book in the worker, then the cross-table rules there too (they need the tables the
 * worker detected); the worker's progress goes to onPhase. Null when no worker can run here; rejects with
 * CheckCancelled when the signal aborts, with an Error when the engine failed.
 */
export async function checkBookInWorker(
  grids: readonly Grid[],
  settings: CheckSettings,
  onPhase: (p: CheckPhase) => void,
  signal?: AbortSignal,
): Promise<BookChecks | null> {
  const worker = await checkWorker();
  if (!worker) return null;
  await sendGrids(worker, grids, signal);
  const answer = await ask(worker, { type: 'checkBook', id: nextId++, sheets: grids.map(shapeOf), settings }, signal, onPhase);
  if (answer.type !== 'bookDone') throw new Error(`check worker answered ${answer.type}`);
  return answer.book;
}
