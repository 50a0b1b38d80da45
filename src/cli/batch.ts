import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { FileJob, FileRun, runFileJob } from './checkFile';

/** The compiled worker script; absent when the CLI runs from its TypeScript sources (tests), then files run in turn. */
const WORKER_SCRIPT = path.join(__dirname, 'checkWorker.js');

export interface BatchOptions {
  /** Worker threads; 1 without a time limit checks the files one at a time in this thread. */
  jobs: number;
  /** Seconds one file may take before it is reported and skipped (0: no limit). */
  timeoutSeconds: number;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Called with each file's outcome in the order of the files, as soon as all before it are done. */
  onRun: (run: FileRun) => void;
  /** Called after each file finishes (any order): files done so far. */
  onProgress?: (done: number) => void;
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * .xlsx bytes whose check pays for one more worker thread. A worker first loads and warms up the engine, about a
 * second of CPU on the 2-core VM, as much as checking ~2 MB of .xlsx: forty 20 KB county books ran slower on two
 * workers than on one (`npm run bench batch`).
 */
export const BYTES_PER_EXTRA_WORKER = 2 * 1024 * 1024;

/** Worker threads for a batch by default: one per core, but no more than the files' size keeps busy. */
export function defaultJobs(fileSizes: readonly number[], cores = availableCores()): number {
  const bytes = fileSizes.reduce((sum, n) => sum + n, 0);
  const worthwhile = 1 + Math.floor(bytes / BYTES_PER_EXTRA_WORKER);
  return Math.max(1, Math.min(cores, fileSizes.length, worthwhile));
}

export function canUseWorkers(): boolean {
  return existsSync(WORKER_SCRIPT);
}

function timedOut(job: FileJob, seconds: number): FileRun {
  const error = `${path.basename(job.file)}：校核超过 ${seconds} 秒仍未完成，已跳过（其余文件照常校核）；可用 --timeout 放宽时限。`;
  return { index: job.index, file: job.file, error, stderr: [error], failed: true };
}

/** Runs that finish in any order are handed on in the order of the files. */
function inOrder(count: number, onRun: (run: FileRun) => void): (run: FileRun) => void {
  const held = new Map<number, FileRun>();
  let next = 0;
  return (run) => {
    held.set(run.index, run);
    while (next < count && held.has(next)) {
      const r = held.get(next)!;
      held.delete(next++);
      onRun(r);
    }
  };
}

/**
 * Check every job: on `jobs` worker threads (one file each at a time, a fresh worker after a file exceeds the
 * time limit), or in this thread one after another when jobs is 1 or no worker script is built.
 */
export async function runBatch(jobs: FileJob[], options: BatchOptions): Promise<void> {
  const deliver = inOrder(jobs.length, options.onRun);
  let done = 0;
  const finished = (run: FileRun): void => {
    done++;
    options.onProgress?.(done);
    deliver(run);
  };
  // In this thread a check cannot be stopped, so a time limit needs a worker even for one file at a time.
  if ((options.jobs <= 1 && options.timeoutSeconds <= 0) || !canUseWorkers()) {
    for (const job of jobs) finished(await runFileJob(job));
    return;
  }
  const queue = [...jobs];
  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        worker ??= new Worker(WORKER_SCRIPT, { workerData: { cwd: options.cwd, env: options.env } });
        const run = await checkOnWorker(worker, job, options.timeoutSeconds);
        if (run === 'timeout' || run === 'crash') {
          await worker.terminate();
          worker = null;
          finished(run === 'timeout' ? timedOut(job, options.timeoutSeconds) : crashed(job));
        } else finished(run);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, jobs.length) }, lane));
}

function crashed(job: FileJob): FileRun {
  const error = `${path.basename(job.file)}：校核时内存不足或出现内部错误，未能完成。`;
  return { index: job.index, file: job.file, error, stderr: [error], failed: true };
}

function checkOnWorker(worker: Worker, job: FileJob, timeoutSeconds: number): Promise<FileRun | 'timeout' | 'crash'> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (v: FileRun | 'timeout' | 'crash'): void => {
      if (timer) clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onError);
      resolve(v);
    };
    const onMessage = (run: FileRun): void => settle(run);
    const onError = (): void => settle('crash');
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onError);
    if (timeoutSeconds > 0) timer = setTimeout(() => settle('timeout'), timeoutSeconds * 1000);
    worker.postMessage(job);
  });
}
