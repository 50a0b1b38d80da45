import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createHost } from '../hosts/detect';
import { TaskPane } from './TaskPane';

/** Task pane entry (Excel and WPS): find the host first, then render; with no host the pane says so. */
async function start(): Promise<void> {
  const container = document.getElementById('container');
  if (!container) return;
  let created: Awaited<ReturnType<typeof createHost>> = { kind: 'none', host: null };
  try {
    created = await createHost();
  } catch (err) {
    console.error('校核：无法连接表格', err);
  }
  if (created.reason) console.info(`校核：${created.reason}`);
  createRoot(container).render(<TaskPane host={created.host} />);
}

void start();
