/**
 * The check worker (bundled by webpack as check-worker.js): the engine off the page's main thread. The page reads
 * the sheets in its host, sends the grids here in row chunks, and marks what comes back; see engineWorker.ts.
 */
import { workerHandler } from './workerHandler';
import type { FromWorker, ToWorker } from './workerProtocol';

interface Scope {
  onmessage: ((e: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as Scope;
const handle = workerHandler((message) => scope.postMessage(message));
scope.onmessage = (e) => handle(e.data);
scope.postMessage({ type: 'ready' });
