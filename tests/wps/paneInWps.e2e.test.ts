/**
 * The real task pane, packaged by build:wps, in headless Chromium with a fake ET on window.Application
 * (what WPS injects into a 加载项 page): it must detect WPS, check through WpsHost, mark, select and clear.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { GridInit } from '../../src/core/grid';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { hexToBgr } from '../../src/hosts/wps/et';
import { ensureBuilt, DIST, ROOT } from '../e2e/helpers/build';
import { Browser, Served, externalRequests, launchChromium, recordRequests } from '../e2e/helpers/browser';
import { expectedMismatches, sharedFixture } from '../sharedFixtures';

const FIXTURE = sharedFixture('seed004-department-budget.xlsx');
const SHEET2 = '表2 收入总体';
const SHEET2_MISMATCHES = expectedMismatches()['seed004-department-budget.xlsx'][SHEET2].map((m) => m.cell);

jest.setTimeout(30 * 60 * 1000);

let served: Served;
let browser: Browser;
let fakeBundle: string;
let grids: GridInit[];
let active: number;

async function bundleFake(outDir: string): Promise<string> {
  const webpack = require('webpack') as typeof import('webpack');
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        context: ROOT,
        entry: './tests/wps/browser/installFakeWps.ts',
        output: { path: outDir, filename: 'fake-wps.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }] },
      },
      (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s)),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return path.join(outDir, 'fake-wps.js');
}

beforeAll(async () => {
  await ensureBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-wps-pane-'));
  const r = spawnSync(process.execPath, ['scripts/build-wps.js', '--pane-dir', DIST, '--out', path.join(tmp, 'dist-wps')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build:wps failed:\n${r.stdout}\n${r.stderr}`);
  fakeBundle = await bundleFake(path.join(tmp, 'fake'));
  const book = await readXlsxFile(FIXTURE);
  active = book.sheets.findIndex((g) => g.name === SHEET2);
  grids = book.sheets.map((g) => {
    const cells: GridInit['cells'] = [];
    for (let row = 0; row < g.rowCount; row++) {
      cells.push([]);
      for (let col = 0; col < g.colCount; col++) cells[row][col] = g.cell(row, col);
    }
    return { name: g.name, cells, merges: [...g.merges], hiddenRows: [...g.hiddenRows], hiddenCols: [...g.hiddenCols] };
  });
  const { serveStatic } = require(path.join(ROOT, 'scripts/static-server.js')) as {
    serveStatic: (root: string, opts: { port: number }) => Promise<Served>;
  };
  served = await serveStatic(path.join(tmp, 'dist-wps', 'online'), { port: 0 });
  browser = await launchChromium();
}, 30 * 60 * 1000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openPaneInWps(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.context.newPage();
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ path: fakeBundle });
  await page.addInitScript(
    ({ g, a }) => (window as unknown as { installFakeWps: (g: unknown, a: number) => unknown }).installFakeWps(g, a),
    { g: grids, a: active },
  );
  await page.goto(`${served.url}ui/taskpane.html`);
  await page.getByRole('button', { name: '校验当前工作表' }).waitFor({ timeout: 60000 });
  return { page, requests, errors };
}

/** Fill and note of a cell in the fake ET, read inside the page. */
function looks(page: Page, sheet: string, row: number, col: number) {
  return page.evaluate(
    ({ sheet, row, col }) => {
      const app = (window as unknown as { Application: { workbook: { sheets: { name: string; cellAt(r: number, c: number): { interior: unknown; comment?: { text: string } } | undefined }[] } } }).Application;
      const cell = app.workbook.sheets.find((s) => s.name === sheet)?.cellAt(row, col);
      return { interior: cell?.interior ?? null, note: cell?.comment?.text ?? null };
    },
    { sheet, row, col },
  );
}

it('checks, marks, selects and clears through WpsHost in the packaged pane', async () => {
  const { page, requests, errors } = await openPaneInWps();
  await page.getByRole('button', { name: '校验当前工作表' }).click();
  await page.getByRole('heading', { name: /校验结果/ }).waitFor({ timeout: 120000 });
  const region = page.getByRole('region', { name: '发现的问题' });
  // Every finding's button, causes and the derived findings folded under them alike.
  const listed = await region
    .locator('button[data-cell]')
    .evaluateAll((els) => els.map((e) => ({ cell: e.getAttribute('data-cell') ?? '', rule: e.getAttribute('data-rule') ?? '' })));
  const sumCells = listed.filter((f) => f.rule.startsWith('sum.')).map((f) => f.cell).sort();
  expect(sumCells).toEqual([...SHEET2_MISMATCHES].sort());

  // Every listed cell is marked in the workbook, with our note; E15 is row 14, column 4.
  for (const cell of new Set(listed.map((f) => f.cell))) {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    const col = m[1].charCodeAt(0) - 65;
    const got = await looks(page, SHEET2, Number(m[2]) - 1, col);
    expect([hexToBgr('#FFC7CE'), hexToBgr('#FFEB9C'), hexToBgr('#DDEBF7')]).toContain((got.interior as { color: number }).color);
    expect(got.note).toMatch(/^校核：/);
  }
  // 表2's nine mismatches are all 0.01: rounding, graded 提示, and marked in the hint fill.
  expect(((await looks(page, SHEET2, 14, 4)).interior as { color: number }).color).toBe(hexToBgr('#DDEBF7'));

  // Clicking a finding selects its cell in WPS.
  // G31 only follows from another finding and is folded under its cause: unfold it first.
  await region.getByRole('button', { name: /^展开 G15 引起的/ }).click();
  await region.getByRole('button').and(page.locator('[data-cell="G31"]')).first().click();
  await page.waitForFunction(() => {
    const app = (window as unknown as { Application: { selection: { r: { top: number; left: number } } | null } }).Application;
    return app.selection !== null && app.selection.r.top === 30 && app.selection.r.left === 6;
  });

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.waitForFunction(() => {
    const app = (window as unknown as { Application: { workbook: { sheets: { name: string }[] } } }).Application;
    return !app.workbook.sheets.some((s) => s.name === '_jiaohe_marks');
  });
  const cleared = await looks(page, SHEET2, 14, 4);
  expect(cleared.interior).toEqual({ color: 0xffffff, colorIndex: -4142, pattern: -4142, patternColor: 0 });
  expect(cleared.note).toBeNull();

  expect(errors).toEqual([]);
  // WPS does not run Office.js: the packaged pane never asks for it, nor for anything off the server.
  expect(requests.some((u) => /office(\.debug)?\.js/.test(u))).toBe(false);
  expect(externalRequests(requests, served.url)).toEqual([]);
});
