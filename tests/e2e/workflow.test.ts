import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { screenshotPath } from './helpers/browser';
import { DemoSite, openDemoPage, startDemoSite } from './helpers/demoSite';

/**
 * The officer's workflow on the demo page (seed004, the default sample), by accessible names: check 表2, fold and
 * unfold a derived finding, 忽略 one, check again (it stays out), 导出报告 (the findings sheet lists the eight
 * others), 清除标记 (the list goes too), and an insert from 指标库 over a non-empty cell asks first.
 */
const SHEET2 = '表2 收入总体';
const PERF_SHEET = '绩效-能力提升320';

jest.setTimeout(30 * 60 * 1000);

let site: DemoSite;

beforeAll(async () => {
  site = await startDemoSite();
}, 30 * 60 * 1000);

afterAll(async () => {
  await site?.stop();
});

async function openDemo(width = 1280, height = 800): Promise<Page> {
  const { page, errors } = await openDemoPage(site, { width, height });
  expect(errors).toEqual([]);
  return page;
}

async function check(page: Page): Promise<Locator> {
  const pane = page.getByTestId('task-pane');
  await pane.getByRole('button', { name: '校验当前工作表' }).click();
  await pane.getByRole('heading', { name: /校验结果/ }).waitFor({ timeout: 120000 });
  return pane.getByRole('region', { name: '发现的问题' });
}

const findingCells = (region: Locator) =>
  region.locator('button[data-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));

test('check 表2, fold and unfold, 忽略, check again, 导出报告, 清除标记', async () => {
  const page = await openDemo();
  const pane = page.getByTestId('task-pane');
  await page.getByRole('tab', { name: SHEET2 }).click();
  await page.getByRole('grid', { name: SHEET2 }).waitFor();
  let region = await check(page);
  const all = await findingCells(region);
  expect(all).toHaveLength(9);

  // A derived finding (E31, from E15) is folded under its cause; 展开 shows it, 收起 hides it again.
  const derived = region.locator('button[data-cell="E31"]');
  await expect(derived.isVisible()).resolves.toBe(false);
  const unfold = region.getByRole('button', { name: /展开 E15 引起的 1 项/ });
  await expect(unfold.getAttribute('aria-expanded')).resolves.toBe('false');
  await unfold.click();
  await derived.waitFor({ state: 'visible' });
  await expect(region.getByText('由 E15 引起').first().isVisible()).resolves.toBe(true);
  await pane.screenshot({ path: screenshotPath('pane-unfolded.png') });
  await region.getByRole('button', { name: /收起 E15 引起的 1 项/ }).click();
  await derived.waitFor({ state: 'hidden' });

  // 忽略 one finding: out of the list at once, and out of the next check.
  await region.getByRole('button', { name: '忽略 G16 的问题' }).click();
  await region.locator('button[data-cell="G16"]').waitFor({ state: 'detached' });
  expect(await findingCells(region)).toHaveLength(8);
  region = await check(page);
  const kept = await findingCells(region);
  expect(kept).toHaveLength(8);
  expect(kept).not.toContain('G16');
  await pane.getByText('另有 1 处已忽略', { exact: false }).waitFor();
  await pane.getByRole('button', { name: '已忽略（1）' }).click();
  await pane.getByRole('button', { name: '恢复 G16' }).waitFor();
  await expect(page.getByRole('grid', { name: SHEET2 }).locator('[data-cell="G16"]').getAttribute('data-mark')).resolves.toBeNull();

  // The tabs and the main buttons stay in view when the list is scrolled to its end.
  await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  for (const name of ['校验当前工作表', '清除标记', '导出报告']) {
    const box = await pane.getByRole('button', { name }).boundingBox();
    const paneBox = (await pane.boundingBox())!;
    expect(box!.y).toBeGreaterThanOrEqual(paneBox.y - 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(paneBox.y + 200);
  }
  await expect(pane.getByRole('tab', { name: '科目' }).isVisible()).resolves.toBe(true);
  await pane.screenshot({ path: screenshotPath('pane-scrolled.png') });
  await pane.evaluate((el) => el.scrollTo(0, 0));

  // 导出报告: a downloaded .xlsx whose findings sheet lists the eight others.
  const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: '导出报告' }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-report-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(path.basename(file)).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('问题清单')!;
  const cells: string[] = [];
  ws.eachRow((row, n) => n > 1 && cells.push(row.getCell(2).text));
  expect(cells.sort()).toEqual([...kept].sort());
  expect(wb.getWorksheet('汇总')).toBeDefined();

  // 清除标记: the marks and the list go.
  await pane.getByRole('button', { name: '清除标记' }).click();
  await pane.getByText(/已清除 \d+ 处标记/).waitFor();
  await expect(pane.getByRole('region', { name: '发现的问题' }).count()).resolves.toBe(0);
  await expect(pane.getByText(/发现 \d+ 处问题/).count()).resolves.toBe(0);
  expect(await page.getByRole('grid').locator('[data-mark]').count()).toBe(0);
  // The ignored finding is still ignored (restore brings it back at the next check).
  await pane.getByRole('button', { name: '恢复 G16' }).click();
  expect(await findingCells(await check(page))).toHaveLength(9);
  await page.close();
});

test('显示已核对 marks verified totals lightly; 清除标记 removes them', async () => {
  const page = await openDemo();
  const pane = page.getByTestId('task-pane');
  await page.getByRole('tab', { name: SHEET2 }).click();
  await check(page);
  const grid = page.getByRole('grid', { name: SHEET2 });
  const marked = () => grid.locator('[data-mark]').count();
  const findingsOnly = await marked();
  await pane.getByRole('switch', { name: '显示已核对' }).click();
  await page.waitForFunction(
    ([name, n]) => document.querySelectorAll(`[role="grid"][aria-label="${name}"] [data-mark]`).length > n,
    [SHEET2, findingsOnly + 10] as const,
  );
  await page.screenshot({ path: screenshotPath('demo-verified.png') });
  await pane.getByRole('button', { name: '清除标记' }).click();
  await pane.getByText(/已清除 \d+ 处标记/).waitFor();
  expect(await marked()).toBe(0);
  await page.close();
});

test('指标库 添加到选区 over a non-empty cell asks first; 取消 writes nothing, 覆盖 writes', async () => {
  const page = await openDemo();
  const pane = page.getByTestId('task-pane');
  await page.getByRole('tab', { name: PERF_SHEET }).click();
  const grid = page.getByRole('grid', { name: PERF_SHEET });
  await grid.waitFor();
  // Long 年度目标 text wraps within its merged cells: 指标值 stays on screen (as in Excel).
  const valueHeader = grid.getByRole('gridcell', { name: '指标值', exact: true }).first();
  const gridBox = (await grid.locator('xpath=..').boundingBox())!;
  const headerBox = (await valueHeader.boundingBox())!;
  expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(gridBox.x + gridBox.width);
  await page.screenshot({ path: screenshotPath('demo-perf-sheet.png') });

  const target = grid.locator('[data-cell="C25"]');
  const before = await target.textContent();
  expect((before ?? '').trim()).not.toBe('');
  await target.click();
  await pane.getByRole('tab', { name: '绩效', exact: true }).click();
  await pane.getByRole('group', { name: '指标库' }).getByRole('checkbox').first().check();
  await pane.getByRole('button', { name: '添加到选区' }).click();
  const dialog = page.getByRole('alertdialog', { name: '覆盖已有内容？' });
  await dialog.waitFor();
  await expect(dialog.getByText('C25', { exact: true }).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('demo-overwrite-dialog.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  await pane.getByText('已取消，未写入任何内容。').waitFor();
  await expect(target.textContent()).resolves.toBe(before);

  await pane.getByRole('button', { name: '添加到选区' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '覆盖' }).click();
  await pane.getByText(/已在 C25 写入 1 个指标/).waitFor();
  await expect(target.textContent()).resolves.not.toBe(before);
  await page.close();
});

test('the catalog import is a Fluent button with a Chinese label', async () => {
  const page = await openDemo();
  const pane = page.getByTestId('task-pane');
  await pane.getByRole('tab', { name: '科目', exact: true }).click();
  const button = pane.getByRole('button', { name: '选择科目表文件（.xlsx）' });
  await button.waitFor();
  await expect(pane.getByText('No file chosen').count()).resolves.toBe(0);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  expect(chooser.isMultiple()).toBe(false);
  await page.close();
});
