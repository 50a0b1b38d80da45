import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { Browser, Served, externalRequests, recordRequests, screenshotPath } from './helpers/browser';
import { DemoSite, openDemoPage, startDemoSite } from './helpers/demoSite';
import { expectedMismatches, sharedFixture } from '../sharedFixtures';

/**
 * The demo page in headless Chromium: the same task pane as in Excel/WPS, driven by accessible names.
 * Builds dist/ once (or reuses it when fresh), serves it with the `npm start` server on an ephemeral port.
 */
const FIXTURE = sharedFixture('seed004-department-budget.xlsx');
const SHEET2 = '表2 收入总体';
const SHEET2_MISMATCHES = expectedMismatches()['seed004-department-budget.xlsx'][SHEET2].map((m) => m.cell);

jest.setTimeout(30 * 60 * 1000);

let site: DemoSite;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  site = await startDemoSite();
  ({ served, browser } = site);
}, 30 * 60 * 1000);

afterAll(async () => {
  await site?.stop();
});

async function openDemo(width = 1280, height = 800): Promise<{ page: Page; requests: string[] }> {
  const { page, requests, errors } = await openDemoPage(site, { width, height });
  expect(errors).toEqual([]);
  return { page, requests };
}

async function openFixture(page: Page): Promise<void> {
  // The default sample has the same file name: wait for the workbook itself to be replaced.
  const book = page.getByRole('region', { name: '工作簿' });
  const before = await book.getAttribute('data-workbook-id');
  await page.getByLabel('打开工作簿').setInputFiles(FIXTURE);
  await page.waitForFunction(
    (id) => document.querySelector('[data-workbook-id]')?.getAttribute('data-workbook-id') !== id,
    before,
  );
  await expect(page.getByTestId('file-name').textContent()).resolves.toBe(path.basename(FIXTURE));
}

function gridCell(page: Page, address: string): Locator {
  return page.getByRole('grid').locator(`[data-cell="${address}"]`);
}

async function checkSheet2(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: SHEET2 }).click();
  await page.getByRole('grid', { name: SHEET2 }).waitFor();
  await page.getByRole('button', { name: '校验当前工作表' }).click();
  // The result, or the pane's error message (shown in the failure instead of a bare timeout).
  const results = page.getByRole('heading', { name: /校验结果/ });
  const failed = page.getByText(/读取工作表失败|校验时出错/);
  await results.or(failed).first().waitFor({ timeout: 120000 });
  if (await failed.count()) throw new Error(`the pane reported: ${await failed.first().textContent()}`);
  return page.getByRole('region', { name: '发现的问题' });
}

async function listedFindings(region: Locator): Promise<{ cell: string; rule: string }[]> {
  // Every finding's button, causes and the derived findings folded under them alike.
  return region
    .locator('button[data-cell]')
    .evaluateAll((els) => els.map((e) => ({ cell: e.getAttribute('data-cell') ?? '', rule: e.getAttribute('data-rule') ?? '' })));
}

/** Unfold every cause, so derived findings can be clicked. */
async function unfoldAll(region: Locator): Promise<void> {
  const folds = region.getByRole('button', { name: /^展开/ });
  while (await folds.count()) await folds.first().click();
}

async function markedCells(page: Page): Promise<string[]> {
  return page.getByRole('grid').locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
}

describe('demo page', () => {
  test('the default sample workbook loads, with sheet tabs and merged cells, and nothing is fetched from outside', async () => {
    const { page, requests } = await openDemo();
    await expect(page.getByTestId('file-name').textContent()).resolves.toBe('seed004-department-budget.xlsx');
    await page.getByRole('tab', { name: SHEET2 }).click();
    const grid = page.getByRole('grid', { name: SHEET2 });
    await grid.waitFor();
    // The title row is merged across the table.
    const colspans = await grid.locator('td[colspan]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('colspan'))));
    expect(Math.max(...colspans)).toBeGreaterThan(1);
    await expect(grid.getByText('部门收入总体情况表', { exact: false }).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('demo-default.png') });
    expect(externalRequests(requests, served.url)).toEqual([]);
    await page.close();
  });

  test('open the fixture, check 表2: the nine mismatches are listed and highlighted; a click selects; clear restores', async () => {
    const { page, requests } = await openDemo();
    await openFixture(page);
    // How every cell of 表2 looks before the check: fill (style) and note (title).
    await page.getByRole('tab', { name: SHEET2 }).click();
    await page.getByRole('grid', { name: SHEET2 }).locator('[data-cell="E15"]').waitFor();
    const sheet2Before = await page
      .getByRole('grid', { name: SHEET2 })
      .locator('td')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')}|${e.getAttribute('style') ?? ''}|${e.getAttribute('title') ?? ''}`));
    expect(sheet2Before.length).toBeGreaterThan(100);

    const region = await checkSheet2(page);
    const findings = await listedFindings(region);
    const sumCells = findings.filter((f) => f.rule.startsWith('sum.')).map((f) => f.cell).sort();
    expect(sumCells).toEqual([...SHEET2_MISMATCHES].sort());
    const marked = await markedCells(page);
    for (const cell of SHEET2_MISMATCHES) expect(marked).toContain(cell);
    expect([...new Set(findings.map((f) => f.cell))].sort()).toEqual([...marked].sort());
    for (const cell of SHEET2_MISMATCHES) {
      await expect(gridCell(page, cell).getAttribute('title')).resolves.toMatch(new RegExp(`^${cell}：`));
    }
    await expect(page.getByText(`发现 ${findings.length} 处问题`).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('demo-checked.png') });
    await page.getByTestId('task-pane').screenshot({ path: screenshotPath('pane-checked.png') });

    // Clicking a finding selects its cell in the grid (and the name box says which).
    await unfoldAll(region);
    for (const cell of ['G31', 'E15', 'F31']) {
      await region.getByRole('button').and(page.locator(`[data-cell="${cell}"]`)).first().click();
      await expect(gridCell(page, cell).getAttribute('aria-selected')).resolves.toBe('true');
      await expect(page.getByTestId('name-box').textContent()).resolves.toBe(cell);
      // Scrolled into view, clear of the sticky headers.
      const inView = await gridCell(page, cell).evaluate((el) => {
        const sc = el.closest('table')!.parentElement!;
        const v = sc.getBoundingClientRect();
        const c = el.getBoundingClientRect();
        const headerW = sc.querySelector('tbody th')!.getBoundingClientRect().width;
        const headerH = sc.querySelector('thead')!.getBoundingClientRect().height;
        return c.left >= v.left + headerW - 1 && c.top >= v.top + headerH - 1 && c.right <= v.left + sc.clientWidth + 1 && c.bottom <= v.top + sc.clientHeight + 1;
      });
      expect(inView).toBe(true);
    }

    // 清除标记 removes every highlight and restores every cell as it was.
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除 \d+ 处标记/).waitFor();
    expect(await markedCells(page)).toEqual([]);
    const sheet2After = await page
      .getByRole('grid', { name: SHEET2 })
      .locator('td')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')}|${e.getAttribute('style') ?? ''}|${e.getAttribute('title') ?? ''}`));
    expect(sheet2After).toEqual(sheet2Before);
    expect(externalRequests(requests, served.url)).toEqual([]);
    await page.close();
  });

  test('the pane is usable at 320 px: no horizontal overflow, controls reachable', async () => {
    const { page } = await openDemo(320, 900);
    await openFixture(page);
    await checkSheet2(page);
    const pane = page.getByTestId('task-pane');
    await pane.getByRole('button', { name: '设置' }).click();
    await pane.getByLabel(/容差/).waitFor();
    const overflow = await pane.evaluate((el) => {
      const paneRect = el.getBoundingClientRect();
      const wider: string[] = [];
      for (const child of Array.from(el.querySelectorAll('*'))) {
        const r = child.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > paneRect.right + 0.5 || r.left < paneRect.left - 0.5) {
          wider.push(`${child.tagName.toLowerCase()}.${(child.getAttribute('class') ?? '').split(' ')[0]} ${Math.round(r.left)}-${Math.round(r.right)}`);
        }
      }
      return {
        paneWidth: paneRect.width,
        paneScroll: el.scrollWidth - el.clientWidth,
        docScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wider: wider.slice(0, 10),
      };
    });
    expect(overflow.paneWidth).toBeLessThanOrEqual(320);
    expect(overflow.wider).toEqual([]);
    expect(overflow.paneScroll).toBe(0);
    expect(overflow.docScroll).toBe(0);
    for (const name of ['校验当前工作表', '清除标记']) {
      const box = await pane.getByRole('button', { name }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    }
    await pane.screenshot({ path: screenshotPath('pane-320.png') });
    await page.close();
  });

  test('a file that is not a workbook shows the reason in Chinese and keeps the current workbook', async () => {
    const { page } = await openDemo();
    await page.getByLabel('打开工作簿').setInputFiles({
      name: '预算.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('单位,金额\n甲,1.00\n', 'utf8'),
    });
    await page.getByText(/预算\.xlsx：这是文本\/CSV 文件/).waitFor();
    await expect(page.getByTestId('file-name').textContent()).resolves.toBe('seed004-department-budget.xlsx');
    await page.close();
  });

  test('language switch: the pane reads English after choosing English in settings', async () => {
    const { page } = await openDemo();
    const pane = page.getByTestId('task-pane');
    await pane.getByRole('button', { name: '设置' }).click();
    await pane.getByLabel('界面语言').selectOption('en-US');
    await pane.getByRole('button', { name: 'Check this sheet' }).waitFor();
    // Saved: still English after a reload.
    await page.reload();
    await pane.getByRole('button', { name: 'Check this sheet' }).waitFor({ timeout: 60000 });
    await pane.getByRole('button', { name: 'Settings' }).click();
    await pane.getByLabel('Language').selectOption('');
    await pane.getByRole('button', { name: '校验当前工作表' }).waitFor();
    await page.close();
  });
});

describe('taskpane.html outside Office and WPS', () => {
  test('loads office.js from its own origin, says there is no spreadsheet API, and requests nothing outside', async () => {
    const page = await browser.context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${served.url}taskpane.html`);
    await page.getByText('当前环境没有可用的表格接口', { exact: false }).first().waitFor({ timeout: 60000 });
    expect(requests.some((u) => u === `${served.url}office-js/office.js`)).toBe(true);
    expect(externalRequests(requests, served.url)).toEqual([]);
    await expect(page.getByRole('button', { name: '校验当前工作表' }).isDisabled()).resolves.toBe(true);
    await page.close();
  });
});
