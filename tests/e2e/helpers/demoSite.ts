import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { freshDistSnapshot } from './build';
import { Browser, Served, launchChromium, recordRequests, serveDist } from './browser';

/** A snapshot of the built dist/, served on an ephemeral port, and a browser: what every demo e2e test starts with. */
export interface DemoSite {
  served: Served;
  browser: Browser;
  stop: () => Promise<void>;
}

export async function startDemoSite(): Promise<DemoSite> {
  const root = await freshDistSnapshot();
  let served: Served | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await served?.close();
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    served = await serveDist(root);
    browser = await launchChromium();
  } catch (err) {
    await stop();
    throw err;
  }
  return { served, browser, stop };
}

/**
 * A new page on demo.html, returned once the default sample has loaded (its sheet tabs are there). `size` sets
 * the viewport; without it the browser's default is kept. Requests and page errors are recorded.
 */
export async function openDemoPage(site: DemoSite, size?: { width: number; height: number }): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await site.browser.context.newPage();
  if (size) await page.setViewportSize(size);
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.served.url}demo.html`);
  await page.getByRole('tab', { name: '表1 收支总体' }).waitFor({ timeout: 60000 });
  return { page, requests, errors };
}
