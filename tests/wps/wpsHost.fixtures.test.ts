/**
 * The whole check → mark → clear flow through WpsHost, on every sheet of every fixture workbook, against
 * the fake ET. The baseline is the file host: the findings must be the same, one for one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkSheet } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { WpsHost } from '../../src/hosts/wps';
import { COMMENT_PREFIX, MARKS_SHEET } from '../../src/hosts/wps/etMarks';
import { hexToBgr } from '../../src/hosts/wps/et';
import { FakeApplication, FakeEtOptions, snapshotLooks } from './fakeEt';
import { expectedMismatches, SHARED_FIXTURES } from '../sharedFixtures';

const FIXTURES = SHARED_FIXTURES;
const files = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();
const mismatches = expectedMismatches();

const BUILDS: [string, FakeEtOptions][] = [
  ['2-D arrays, properties', { arrayShape: '2d', memberStyle: 'property' }],
  ['1-D arrays, methods, G/通用格式', { arrayShape: '1d', memberStyle: 'method', chineseGeneral: true }],
  ['1-based SAFEARRAY, methods, Add returns nothing', { arrayShape: 'safearray', memberStyle: 'method', addReturnsSheet: false }],
  ['1-based objects, properties', { arrayShape: 'onebased', memberStyle: 'property' }],
];

/** Pre-colour some cells the way officers do: white fill, a colour, a hatch pattern, their own notes. */
function decorate(app: FakeApplication, sheetIndex: number, cells: string[]): void {
  const ws = app.workbook.sheets[sheetIndex];
  cells.forEach((cell, i) => {
    const range = ws.Range(cell);
    const interior = range.Interior as Record<string, number>;
    if (i % 4 === 0) interior.Color = hexToBgr('#FFFFFF');
    if (i % 4 === 1) interior.Color = hexToBgr('#00B0F0');
    if (i % 4 === 2) {
      interior.Color = hexToBgr('#FFFF00');
      interior.Pattern = 17; // xlGray25-like hatch
      interior.PatternColor = hexToBgr('#808080');
    }
    if (i % 3 === 0) range.AddComment(`经办人备注 ${i}`);
  });
  // A note that merely looks like ours, on a cell Jiaohe never marked: it must survive clearMarks.
  ws.Range('A1').AddComment(`${COMMENT_PREFIX}这是人工写的批注`);
}

/** Findings to mark regardless of the engine's state: the real mismatching totals of the fixture. */
function mismatchFindings(file: string, sheet: string): Finding[] {
  return (mismatches[file]?.[sheet] ?? []).map((m) => ({
    rule: 'sum.column',
    severity: 'error',
    sheet,
    cell: m.cell,
    message: `合计与明细之和不一致（${m.cell}）`,
  }));
}

const callLog: string[] = [];
afterAll(() => {
  if (process.env.WPS_CALLS) console.log(callLog.join('\n'));
});

describe.each(files)('WpsHost on fixture %s', (file) => {
  let grids: Awaited<ReturnType<typeof readXlsxFile>>['sheets'];

  beforeAll(async () => {
    grids = (await readXlsxFile(path.join(FIXTURES, file))).sheets;
  });

  it.each(BUILDS)('reads every sheet into the same findings as the file host (%s)', async (_label, options) => {
    for (let i = 0; i < grids.length; i++) {
      const app = FakeApplication.fromGrids(grids, i, options);
      const host = new WpsHost({ application: app });
      const wpsGrid = await host.readActiveSheet();
      const expected = checkSheet(grids[i]);
      const actual = checkSheet(wpsGrid);
      expect(wpsGrid.name).toBe(grids[i].name);
      expect(actual.findings).toEqual(expected.findings);
      expect(actual.tables).toEqual(expected.tables);
      expect(wpsGrid.merges).toEqual([...grids[i].merges].sort((a, b) => a.top - b.top || a.left - b.left));
      expect([wpsGrid.rowCount, wpsGrid.colCount]).toEqual([grids[i].rowCount, grids[i].colCount]);
      for (let r = 0; r < grids[i].rowCount; r++) {
        for (let c = 0; c < grids[i].colCount; c++) expect(wpsGrid.cell(r, c)).toEqual(grids[i].cell(r, c));
      }
      // Bulk reads: values and formulas in one call each, never cell by cell.
      expect(app.totalCalls('Value2.cell', 'Formula.cell')).toBe(0);
      expect(app.totalCalls('Value2', 'Formula')).toBe(2);
      const cellCount = grids[i].rowCount * grids[i].colCount;
      const formatCalls = app.totalCalls('NumberFormat', 'NumberFormat.cell');
      const mergeCalls = app.totalCalls('MergeCells', 'MergeCells.cell', 'MergeArea');
      callLog.push(`${file} ${grids[i].name}: ${expected.findings.length} findings, ${cellCount} cells, NumberFormat ${formatCalls}, merges ${mergeCalls}, total ${host.lastReadStats.calls}`);
    }
  });

  it('check → mark → clear on every sheet restores every colour and removes only its own notes', async () => {
    const app = FakeApplication.fromGrids(grids, 0, { memberStyle: 'method', arrayShape: '1d' });
    let host = new WpsHost({ application: app });
    for (let i = 0; i < grids.length; i++) {
      const sheetName = grids[i].name;
      const fromEngine = checkSheet(grids[i]).findings;
      const extra = mismatchFindings(file, sheetName);
      const findings = [...fromEngine, ...extra];
      const cells = [...new Set(findings.map((f) => f.cell))];
      decorate(app, i, cells);
      app.workbook.activeIndex = i;
      const before = snapshotLooks(app);

      const wpsFindings = checkSheet(await host.readActiveSheet()).findings;
      expect(wpsFindings).toEqual(fromEngine);

      const marked = await host.markFindings([...wpsFindings, ...extra]);
      expect(marked).toBe(cells.length);
      const ws = app.workbook.sheets.find((s) => s.name === sheetName)!;
      for (const cell of cells) {
        const c = ws.cellAt(ws.Range(cell).r.top, ws.Range(cell).r.left)!;
        expect([hexToBgr('#FFC7CE'), hexToBgr('#FFEB9C')]).toContain(c.interior.color);
        expect(c.comment?.text).toContain(COMMENT_PREFIX);
      }
      // The record sheet exists, very hidden, and the officer still sees the sheet they were on.
      const record = app.workbook.sheets.find((s) => s.name === MARKS_SHEET);
      if (cells.length > 0) expect(record?.visible).toBe(2);
      expect(app.workbook.active.name).toBe(sheetName);
      expect(app.ScreenUpdating).toBe(true);

      // Marking again (officer pressed 校验 twice) must not lose the original colours.
      await host.markFindings([...wpsFindings, ...extra]);

      // A new session (as after save and reopen): nothing kept in memory or PluginStorage.
      host = new WpsHost({ application: app });
      app.storage.clear();
      const cleared = await host.clearMarks();
      expect(cleared).toBe(cells.length);
      expect(snapshotLooks(app)).toEqual(before);
      expect(app.workbook.sheets.find((s) => s.name === MARKS_SHEET)).toBeUndefined();
      expect(app.ScreenUpdating).toBe(true);
      expect(await host.clearMarks()).toBe(0);
    }
  });
});
