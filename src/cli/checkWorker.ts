import { parentPort, workerData } from 'worker_threads';
import { loadUserCatalogs } from './catalogImport';
import { FileJob, runFileJob } from './checkFile';

/** A batch worker: loads the officer's catalogs once, then checks the files the main thread sends, one at a time. */
if (parentPort) {
  const port = parentPort;
  const { cwd, env } = workerData as { cwd: string; env: Record<string, string | undefined> };
  const ready = loadUserCatalogs({ stdout: () => undefined, stderr: () => undefined, cwd, env });
  port.on('message', (job: FileJob) => {
    void ready.then(() => runFileJob(job)).then((run) => port.postMessage(run));
  });
}
