import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { DIST, ROOT } from './build';

// Never let playwright fetch a browser: the system Chromium is used.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'tests/e2e/screenshots');

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** A built dist/ (or a copy of it) on an ephemeral 127.0.0.1 port, with the same server as `npm start`. */
export async function serveDist(root: string = DIST): Promise<Served> {
  const { serveStatic } = require(path.join(ROOT, 'scripts/static-server.js')) as {
    serveStatic: (root: string, opts: { port: number }) => Promise<Served>;
  };
  return serveStatic(root, { port: 0 });
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Headless system Chromium with a fresh profile and no background traffic. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records every request a page makes, so tests can assert that nothing leaves the local server. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (req) => urls.push(req.url()));
  return urls;
}

/** Requests to anything but the local server (data:/blob: URLs are local). */
export function externalRequests(urls: string[], base: string): string[] {
  return urls.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}
