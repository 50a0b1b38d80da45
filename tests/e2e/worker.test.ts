import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { buildBenchWorkbook } from '../../bench/engine.bench';
import { freshDistSnapshot } from './helpers/build';
import { Browser, Served, launchChromium, serveDist } from './helpers/browser';

/**
 * The demo checks a 20,000-row sheet, and the whole book around it (校验整个工作簿), with the engine in a Web
 * Worker: the page's main thread never runs a task longer than 200 ms while it does (PerformanceObserver, long
 * tasks), the book's result is the one the page gives without a worker, and 取消 stops either check.
 */
jest.setTimeout(30 * 60 * 1000);

const ROWS = 20_000;
/** 资金分配表 stacked on a second sheet (two of them with a wrong 合计), so the book has findings on two sheets. */
const ALLOCATION_TABLES = 100;
const LONG_TASK_LIMIT_MS = 200;
/**
 * Long tasks are wall time: on a VM whose cores run several times more work than they have (other test files,
 * other builds), a 40 ms task takes 200. The 200 ms limit holds when the machine is not oversubscribed; beyond
 * that the test still fails a page that freezes (a check on the main thread took seconds here).
 */
const OVERSUBSCRIBED_LIMIT_MS = 1000;

let served: Served;
let browser: Browser;
let root: string;
let tmp: string;
let book: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-worker-'));
  book = path.join(tmp, `bench-${ROWS}.xlsx`);
  await buildBenchWorkbook(book, ROWS, ALLOCATION_TABLES);
  root = await freshDistSnapshot();
  served = await serveDist(root);
  browser = await launchChromium();
}, 30 * 60 * 1000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A demo page with the bench book open; `noWorker` takes Worker away first, as on a host where none can start. */
async function openLargeBook(options: { noWorker?: boolean } = {}): Promise<{ page: Page }> {
  const page = await browser.context.newPage();
  if (options.noWorker) await page.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.url}demo.html`);
  await page.getByRole('tab', { name: '表1 收支总体' }).waitFor({ timeout: 60000 });
  await page.getByLabel('打开工作簿').setInputFiles(book);
  await page.getByTestId('file-name').filter({ hasText: path.basename(book) }).waitFor({ timeout: 120000 });
  await page.getByRole('grid', { name: '表3 支出总体' }).waitFor({ timeout: 120000 });
  expect(errors).toEqual([]);
  return { page };
}

/** Once the page has drawn the opened book and gone idle, records its long tasks (durations in ms). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

/** The long-task limit for this machine now: 200 ms, or the oversubscription allowance when its cores are overrun. */
function longTaskLimit(): number {
  const load = os.loadavg()[0] / os.cpus().length;
  if (load <= 1) return LONG_TASK_LIMIT_MS;
  console.log(`load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores: long tasks held to ${OVERSUBSCRIBED_LIMIT_MS} ms instead of ${LONG_TASK_LIMIT_MS}`);
  return OVERSUBSCRIBED_LIMIT_MS;
}

const checkWorkers = (page: Page) => page.workers().filter((w) => path.basename(new URL(w.url()).pathname) === 'check-worker.js');

/** Click 校验整个工作簿 and wait for its result; the wall time from the click (ms). */
async function checkWholeBook(page: Page): Promise<number> {
  const started = Date.now();
  await page.getByRole('button', { name: '校验整个工作簿' }).click();
  const results = page.getByTestId('book-results');
  const failed = page.getByText(/读取工作表失败|校验时出错/);
  await results.or(failed).first().waitFor({ timeout: 300000 });
  if (await failed.count()) throw new Error(`the pane reported: ${await failed.first().textContent()}`);
  return Date.now() - started;
}

/** What the book's result shows: the summary, each sheet's findings (cell, rule, grade), the 勾稽 rules and findings. */
function bookResult(page: Page) {
  return page.getByTestId('book-results').evaluate((root) => ({
    summary: root.querySelector('[role="status"]')?.textContent,
    sheets: Array.from(root.querySelectorAll<HTMLElement>('[data-sheet]')).map((s) => ({
      sheet: s.dataset.sheet,
      findings: Array.from(s.querySelectorAll<HTMLElement>('button[data-cell]')).map((b) => `${b.dataset.cell} ${b.dataset.rule} ${b.dataset.severity}`),
    })),
    rules: Array.from(root.querySelectorAll<HTMLElement>('[data-rule-id]')).map((r) => `${r.dataset.ruleId} ${r.dataset.status}`),
    cross: Array.from(root.querySelectorAll('[data-testid="cross-table"] li[data-rule]')).map((li) => li.textContent),
  }));
}

describe('the engine in a Web Worker', () => {
  test(`a ${ROWS.toLocaleString('en-US')}-row check: findings as in the page, no main-thread task over ${LONG_TASK_LIMIT_MS} ms`, async () => {
    const { page } = await openLargeBook();
    await watchLongTasks(page);
    const started = Date.now();
    await page.getByRole('button', { name: '校验当前工作表' }).click();
    // While it runs, the page answers: the 取消 button is there and the tabs still switch focus.
    await page.getByRole('button', { name: '取消' }).waitFor({ timeout: 60000 });
    const results = page.getByRole('heading', { name: /校验结果/ });
    const failed = page.getByText(/读取工作表失败|校验时出错/);
    await results.or(failed).first().waitFor({ timeout: 300000 });
    if (await failed.count()) throw new Error(`the pane reported: ${await failed.first().textContent()}`);
    const elapsed = Date.now() - started;
    // The planted mismatches of the bench book (parent 款 ≠ Σ 项) are found.
    await expect(page.getByText(/发现 \d+ 处问题/).isVisible()).resolves.toBe(true);
    const tasks = await longTasks(page);
    console.log(`${ROWS} rows checked in ${elapsed} ms; long tasks on the main thread (ms): ${tasks.join(' ') || 'none'}`);
    expect(checkWorkers(page)).toHaveLength(1);
    expect(Math.max(0, ...tasks)).toBeLessThanOrEqual(longTaskLimit());
    await page.close();
  });

  test('取消 stops the check: no result, nothing marked, a note says so', async () => {
    const { page } = await openLargeBook();
    await page.getByRole('button', { name: '校验当前工作表' }).click();
    await page.getByRole('button', { name: '取消' }).click({ timeout: 60000 });
    await page.getByText('已取消校验').waitFor({ timeout: 60000 });
    await expect(page.getByRole('heading', { name: /校验结果/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('grid').locator('[data-mark]').count()).resolves.toBe(0);
    // The pane is ready for the next check.
    await expect(page.getByRole('button', { name: '校验当前工作表' }).isEnabled()).resolves.toBe(true);
    await page.close();
  });

  test(`校验整个工作簿 of the ${ROWS.toLocaleString('en-US')}-row book: the result of the page without a worker, no main-thread task over ${LONG_TASK_LIMIT_MS} ms`, async () => {
    // Where no worker can start, the page checks the book itself (and freezes while it does): the reference.
    const { page: alone } = await openLargeBook({ noWorker: true });
    await watchLongTasks(alone);
    const inPageMs = await checkWholeBook(alone);
    const inPageLongest = Math.max(0, ...(await longTasks(alone)));
    expect(checkWorkers(alone)).toEqual([]);
    const expected = await bookResult(alone);
    const expectedMarks = await alone.getByRole('grid').locator('[data-mark]').count();
    await alone.close();

    const { page } = await openLargeBook();
    await watchLongTasks(page);
    const inWorkerMs = await checkWholeBook(page);
    const tasks = await longTasks(page);
    const result = await bookResult(page);
    console.log(
      `book (${ROWS} rows, ${ALLOCATION_TABLES} 分配表; findings ${result.sheets.map((x) => x.findings.length).join(' + ')}, ${result.rules.length} 勾稽 rules) ` +
        `checked in the page in ${inPageMs} ms (longest task ${inPageLongest} ms), in the worker in ${inWorkerMs} ms; ` +
        `long tasks on the main thread (ms): ${tasks.join(' ') || 'none'}`,
    );
    expect(checkWorkers(page)).toHaveLength(1);
    expect(result).toEqual(expected);
    // Both sheets have their planted wrong totals, and the 勾稽 rules ran.
    expect(result.sheets.map((s) => s.sheet)).toEqual(['表3 支出总体', '分配表']);
    expect(result.sheets.every((s) => s.findings.length > 0)).toBe(true);
    expect(result.rules.length).toBeGreaterThan(0);
    await expect(page.getByRole('grid').locator('[data-mark]').count()).resolves.toBe(expectedMarks);
    expect(Math.max(0, ...tasks)).toBeLessThanOrEqual(longTaskLimit());
    await page.close();
  });

  test('取消 stops 校验整个工作簿 while the worker checks: the worker is dropped, no result, nothing marked; the next check runs', async () => {
    const { page } = await openLargeBook();
    await page.getByRole('button', { name: '校验整个工作簿' }).click();
    await page.getByText(/正在校验工作表 1\/2/).waitFor({ timeout: 120000 });
    const [cancelled] = checkWorkers(page);
    // Clicked at once (force: no wait for the button to hold still over animation frames): on a loaded machine that
    // wait outlasted the worker's check, and the button was gone before the click.
    await page.getByRole('button', { name: '取消' }).click({ force: true });
    await page.getByText('已取消校验').waitFor({ timeout: 60000 });
    await expect(page.getByTestId('book-results').count()).resolves.toBe(0);
    await expect(page.getByRole('grid').locator('[data-mark]').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '校验整个工作簿' }).isEnabled()).resolves.toBe(true);
    // The next check runs in a fresh worker; the cancelled one is gone.
    await checkWholeBook(page);
    const workers = checkWorkers(page);
    expect(workers).toHaveLength(1);
    expect(workers[0]).not.toBe(cancelled);
    await expect(page.getByTestId('book-results').getByText(/已校验 2 张工作表/).isVisible()).resolves.toBe(true);
    await page.close();
  });
});
