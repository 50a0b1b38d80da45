import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Served, externalRequests, screenshotPath } from './helpers/browser';
import { DemoSite, openDemoPage, startDemoSite } from './helpers/demoSite';
import { sharedFixture } from '../sharedFixtures';

/**
 * 校验整个工作簿 on the demo page in headless Chromium: seed004 as it is (no cross-table finding), then with
 * one 类 amount changed in 表5 only — the 勾稽 finding names both sides, each side selects its cell on its
 * sheet, both sheets are marked, and 清除标记 clears every sheet.
 */
jest.setTimeout(30 * 60 * 1000);

let site: DemoSite;
let served: Served;
let tmp: string;
let broken: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-book-'));
  // 表5 210 卫生健康支出 654.80 → 654.90 in that table only.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sharedFixture('seed004-department-budget.xlsx'));
  wb.getWorksheet('表5 一般公共预算支出')!.getCell('E15').value = 654.9;
  broken = path.join(tmp, 'seed004-表5改动.xlsx');
  await wb.xlsx.writeFile(broken);
  site = await startDemoSite();
  served = site.served;
}, 30 * 60 * 1000);

afterAll(async () => {
  await site?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function openDemo(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  return openDemoPage(site);
}

/** Click 校验整个工作簿 and wait for the result, recording every progress line the pane showed. */
async function checkBook(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    new MutationObserver(() => {
      for (const el of Array.from(document.querySelectorAll('[role="status"]'))) {
        const text = el.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('button', { name: '校验整个工作簿' }).click();
  const results = page.getByTestId('book-results');
  const failed = page.getByText(/读取工作表失败|校验时出错/);
  await results.or(failed).first().waitFor({ timeout: 120000 });
  if (await failed.count()) throw new Error(`the pane reported: ${await failed.first().textContent()}`);
  return page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
}

const marked = (page: Page) =>
  page.getByRole('grid').locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));

describe('校验整个工作簿 on the demo', () => {
  test('seed004 as it is: every sheet checked with progress, the rules listed, no cross-table finding', async () => {
    const { page, requests, errors } = await openDemo();
    const progress = await checkBook(page);
    // Per-sheet progress: the worker reports each sheet, but React may draw two quick reports in one frame, so
    // not every sheet's line need appear; those that do go forward, and name sheets of this book out of 8.
    const sheetLines = progress.filter((p) => /正在校验工作表 \d+\/8：/.test(p));
    expect(sheetLines.length).toBeGreaterThan(0);
    const indexes = sheetLines.map((p) => Number(/工作表 (\d+)\/8/.exec(p)![1]));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    const tabs = await page.getByRole('tab').allTextContents();
    expect(sheetLines.filter((p) => !tabs.some((name) => p.includes(`：${name}`)))).toEqual([]);
    await expect(page.getByTestId('book-results').getByText(/已校验 8 张工作表：表内问题 \d+ 处，表间问题 0 处/).isVisible()).resolves.toBe(true);
    const cross = page.getByTestId('cross-table');
    await expect(cross.getByText('17 条规则：通过 7，不符 0，不适用 10').isVisible()).resolves.toBe(true);
    await expect(cross.locator('[data-rule-id="xref.total.project"]').textContent()).resolves.toContain('未找到项目支出表');
    // Within-table findings of several sheets are listed together, sheet by sheet.
    await expect(page.getByRole('heading', { name: /工作表“表2 收入总体”/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: /工作表“表5 一般公共预算支出”/ }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    expect(externalRequests(requests, served.url)).toEqual([]);
    await page.close();
  });

  test('a 类 changed in 表5 only: both sides named and selectable, both sheets marked, 清除标记 clears every sheet', async () => {
    const { page, errors } = await openDemo();
    const book = page.getByRole('region', { name: '工作簿' });
    const before = await book.getAttribute('data-workbook-id');
    await page.getByLabel('打开工作簿').setInputFiles(broken);
    await page.waitForFunction((id) => document.querySelector('[data-workbook-id]')?.getAttribute('data-workbook-id') !== id, before);
    await checkBook(page);
    await expect(page.getByTestId('book-results').getByText(/表间问题 1 处/).isVisible()).resolves.toBe(true);
    const item = page.getByTestId('cross-table').locator('li[data-rule="xref.by-code"]');
    await expect(item.textContent()).resolves.toContain('财政拨款收支总表 一般公共预算 210 卫生健康支出 654.80 ≠ 一般公共预算支出表 210 卫生健康支出 654.90');
    await page.getByTestId('task-pane').screenshot({ path: screenshotPath('pane-book.png') });

    // Each side selects its own cell on its own sheet.
    await item.locator('[data-side="other"]').click();
    await page.getByRole('grid', { name: '表5 一般公共预算支出' }).waitFor();
    await expect(page.getByTestId('name-box').textContent()).resolves.toBe('E15');
    await expect(page.getByRole('grid').locator('[data-cell="E15"]').getAttribute('data-mark')).resolves.not.toBeNull();
    await item.locator('[data-side="cell"]').click();
    await page.getByRole('grid', { name: '表4 财政拨款收支' }).waitFor();
    await expect(page.getByTestId('name-box').textContent()).resolves.toBe('E14');
    expect(await marked(page)).toContain('E14');

    // 清除标记 restores every sheet, not only the active one.
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除 \d+ 处标记/).waitFor();
    for (const sheet of ['表4 财政拨款收支', '表5 一般公共预算支出', '表2 收入总体']) {
      await page.getByRole('tab', { name: sheet }).click();
      await page.getByRole('grid', { name: sheet }).waitFor();
      expect(await marked(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
