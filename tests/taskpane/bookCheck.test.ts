/**
 * 校验整个工作簿 without a browser: runBookCheck over the demo host with seed004 (every sheet read with
 * progress, the cross-table rules run, both cells of a 勾稽 finding marked, 清除标记 clears every sheet), in the
 * page as where no worker starts (Node has no Worker), and 取消 while reading and while checking.
 */
import * as fs from 'fs';
import { Grid } from '../../src/core/grid';
import { parseA1 } from '../../src/core/grid/address';
import { checkBook } from '../../src/core/engine';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { DemoHost } from '../../src/hosts/demo/DemoHost';
import { DemoWorkbook } from '../../src/hosts/demo/workbook';
import { readXlsxBuffer } from '../../src/hosts/file/xlsxBytes';
import { runBookCheck, CheckCancelled, CheckPhase } from '../../src/taskpane/check/runCheck';
import { sharedFixture } from '../sharedFixtures';

async function seed004(): Promise<Grid[]> {
  return (await readXlsxBuffer(fs.readFileSync(sharedFixture('seed004-department-budget.xlsx')))).sheets;
}

function withValue(grids: Grid[], sheet: string, a1: string, value: number): Grid[] {
  const at = parseA1(a1);
  return grids.map((g) => {
    if (g.name !== sheet) return g;
    const cells = Array.from({ length: g.rowCount }, (_, r) =>
      Array.from({ length: g.colCount }, (_, c) => (r === at.row && c === at.col ? { ...g.cell(r, c), value, text: undefined } : g.cell(r, c))),
    );
    return new Grid({ name: g.name, cells, merges: [...g.merges] });
  });
}

describe('runBookCheck on the demo host', () => {
  it('reads every sheet with progress, runs the cross-table rules, and finds nothing between the tables of seed004', async () => {
    const grids = await seed004();
    const host = new DemoHost(DemoWorkbook.fromGrids(grids, 'seed004.xlsx'));
    const phases: CheckPhase[] = [];
    const book = await runBookCheck(host, DEFAULT_SETTINGS, (p) => phases.push(p));
    const read = phases.filter((p) => p.phase === 'reading-sheet').map((p) => (p.phase === 'reading-sheet' ? `${p.index}/${p.total} ${p.sheet}` : ''));
    expect(read).toEqual(grids.map((g, i) => `${i + 1}/${grids.length} ${g.name}`));
    expect(phases.filter((p) => p.phase === 'checking-sheet')).toHaveLength(grids.length);
    expect(book.sheets.map((s) => s.name)).toEqual(grids.map((g) => g.name));
    expect(book.crossTable?.findings).toEqual([]);
    expect(book.crossTable?.rules.filter((r) => r.status === 'passed').length).toBe(7);
  });

  it('marks both cells of a 勾稽 finding, on two sheets, and 清除标记 restores every sheet', async () => {
    const wb = DemoWorkbook.fromGrids(withValue(await seed004(), '表5 一般公共预算支出', 'E15', 654.9), 'broken.xlsx');
    const before = JSON.stringify(wb.sheets.map((s) => s.rows));
    const host = new DemoHost(wb);
    const book = await runBookCheck(host, DEFAULT_SETTINGS);
    const [f] = book.crossTable!.findings.filter((x) => x.rule === 'xref.by-code');
    expect([f.sheet, f.cell, f.other?.sheet, f.other?.cell]).toEqual(['表4 财政拨款收支', 'E14', '表5 一般公共预算支出', 'E15']);
    expect(wb.sheet('表4 财政拨款收支').marks.size).toBeGreaterThan(0);
    expect([...wb.sheet('表5 一般公共预算支出').marks.keys()].length).toBeGreaterThan(0);
    await host.selectCell(f.other!.sheet, f.other!.cell);
    expect(wb.active.name).toBe('表5 一般公共预算支出');
    expect(await host.clearMarks()).toBe(book.marked);
    expect(wb.sheets.every((s) => s.marks.size === 0)).toBe(true);
    expect(JSON.stringify(wb.sheets.map((s) => s.rows))).toBe(before);
  });
});

describe('runBookCheck in the page (no worker) and 取消', () => {
  const label = (p: CheckPhase) => (p.phase === 'reading-sheet' || p.phase === 'checking-sheet' ? `${p.phase} ${p.index}/${p.total}` : p.phase);

  it('gives what the engine gives for the book, with a step of progress per sheet and one for the 勾稽 rules', async () => {
    const grids = await seed004();
    const phases: string[] = [];
    const book = await runBookCheck(new DemoHost(DemoWorkbook.fromGrids(grids, 'seed004.xlsx')), DEFAULT_SETTINGS, (p) => phases.push(label(p)), { inPage: true });
    const n = grids.length;
    expect(phases).toEqual([
      ...grids.map((_, i) => `reading-sheet ${i + 1}/${n}`),
      'checking',
      ...grids.map((_, i) => `checking-sheet ${i + 1}/${n}`),
      'cross',
      'marking',
    ]);
    const engine = checkBook(grids, DEFAULT_SETTINGS);
    expect(book.sheets.map((s) => [s.name, s.findings, s.tables])).toEqual(engine.sheets.map((s) => [s.name, s.findings, s.tables]));
    expect(book.crossTable).toEqual(engine.crossTable);
  });

  it('取消 while reading stops before the next sheet: rejects, nothing more is read, the marks stay as they were', async () => {
    const wb = DemoWorkbook.fromGrids(withValue(await seed004(), '表5 一般公共预算支出', 'E15', 654.9), 'broken.xlsx');
    const host = new DemoHost(wb);
    const first = await runBookCheck(host, DEFAULT_SETTINGS);
    const marks = () => wb.sheets.map((s) => [...s.marks.keys()].sort().join(','));
    const before = marks();
    expect(first.marked).toBeGreaterThan(0);
    const abort = new AbortController();
    const read: number[] = [];
    const run = runBookCheck(
      host,
      DEFAULT_SETTINGS,
      (p) => {
        if (p.phase === 'reading-sheet') read.push(p.index);
        if (p.phase === 'reading-sheet' && p.index === 3) abort.abort();
        if (p.phase === 'checking-sheet' || p.phase === 'marking') throw new Error(`went on to ${p.phase}`);
      },
      { signal: abort.signal },
    );
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    expect(read).toEqual([1, 2, 3]);
    expect(marks()).toEqual(before);
  });

  it('取消 while checking stops before the next sheet: rejects, no later sheet is checked, nothing is marked', async () => {
    const wb = DemoWorkbook.fromGrids(withValue(await seed004(), '表5 一般公共预算支出', 'E15', 654.9), 'broken.xlsx');
    const abort = new AbortController();
    const checked: number[] = [];
    const run = runBookCheck(
      new DemoHost(wb),
      DEFAULT_SETTINGS,
      (p) => {
        if (p.phase === 'checking-sheet') checked.push(p.index);
        if (p.phase === 'checking-sheet' && p.index === 2) abort.abort();
        if (p.phase === 'cross' || p.phase === 'marking') throw new Error(`went on to ${p.phase}`);
      },
      { signal: abort.signal, inPage: true },
    );
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    expect(checked).toEqual([1, 2]);
    expect(wb.sheets.every((s) => s.marks.size === 0)).toBe(true);
  });

  it('取消 before it starts reads nothing', async () => {
    const abort = new AbortController();
    abort.abort();
    const phases: CheckPhase[] = [];
    await expect(runBookCheck(new DemoHost(DemoWorkbook.fromGrids(await seed004(), 'seed004.xlsx')), DEFAULT_SETTINGS, (p) => phases.push(p), { signal: abort.signal })).rejects.toBeInstanceOf(CheckCancelled);
    expect(phases).toEqual([]);
  });
});
