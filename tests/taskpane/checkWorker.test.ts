/**
 * The check worker's protocol without a browser: the page's row messages and the worker's handler
 * (workerHandler, what check-worker.js runs) with a structured clone between them, as postMessage copies; then
 * the page side (checkInWorker, runBookCheck) against a Worker stand-in that runs the same handler, for progress,
 * 取消 (the worker is dropped, the next check starts a fresh one) and a failing engine.
 */
import * as fs from 'fs';
import { checkBook, checkSheet } from '../../src/core/engine';
import { Grid } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { DemoHost } from '../../src/hosts/demo/DemoHost';
import { DemoWorkbook } from '../../src/hosts/demo/workbook';
import { readXlsxBuffer } from '../../src/hosts/file/xlsxBytes';
import { checkInWorker, rowMessages, shapeOf } from '../../src/taskpane/check/engineWorker';
import { CheckCancelled, CheckPhase, outcomeOf, runBookCheck } from '../../src/taskpane/check/runCheck';
import { workerHandler } from '../../src/taskpane/check/workerHandler';
import type { FromWorker, ToWorker } from '../../src/taskpane/check/workerProtocol';
import { sharedFixture } from '../sharedFixtures';

async function seed004(): Promise<Grid[]> {
  return (await readXlsxBuffer(fs.readFileSync(sharedFixture('seed004-department-budget.xlsx')))).sheets;
}

const withoutDetected = <T extends { detected: unknown }>(c: T) => ({ ...c, detected: [] });

/** Messages through the handler as through postMessage (each one copied), the replies collected. */
function roundTrip(messages: ToWorker[]): FromWorker[] {
  const replies: FromWorker[] = [];
  const handle = workerHandler((m) => replies.push(structuredClone(m)));
  for (const m of messages) handle(structuredClone(m));
  return replies;
}

describe('the worker protocol (page messages → handler → replies)', () => {
  test('a book: every grid in row chunks, a phase per sheet and for the 勾稽 rules, then what checkBook gives', async () => {
    const grids = await seed004();
    const rows = grids.flatMap((g, i) => [...rowMessages(g, i)]);
    expect(rows.every((m) => m.type === 'rows' && m.rows.length <= 500)).toBe(true);
    const replies = roundTrip([...rows, { type: 'checkBook', id: 7, sheets: grids.map(shapeOf), settings: DEFAULT_SETTINGS }]);
    const phases = replies.filter((r) => r.type === 'phase').map((r) => (r.type === 'phase' ? r.phase : null));
    expect(phases).toEqual([
      ...grids.map((g, i) => ({ phase: 'checking-sheet', sheet: g.name, index: i + 1, total: grids.length })),
      { phase: 'cross' },
    ]);
    const done = replies[replies.length - 1];
    if (done.type !== 'bookDone') throw new Error(`expected bookDone, got ${done.type}`);
    expect(done.id).toBe(7);
    const engine = checkBook(grids, DEFAULT_SETTINGS);
    expect(done.book.sheets).toEqual(engine.sheets.map(withoutDetected));
    expect(done.book.crossTable).toEqual(engine.crossTable);
  });

  test('a sheet the host could not read (Grid.unread) reaches the worker and comes back as that sheet’s notice', async () => {
    const [first] = await seed004();
    const unread = new Grid({ name: '表9', cells: [], unread: '未校验：工作表“表9”的内容范围过大' });
    const grids = [first, unread];
    const rows = grids.flatMap((g, i) => [...rowMessages(g, i)]);
    const replies = roundTrip([...rows, { type: 'checkBook', id: 8, sheets: grids.map(shapeOf), settings: DEFAULT_SETTINGS }]);
    const done = replies[replies.length - 1];
    if (done.type !== 'bookDone') throw new Error(`expected bookDone, got ${done.type}`);
    expect(done.book.sheets.map((c) => [c.notice, c.unread])).toEqual([
      [undefined, undefined],
      ['未校验：工作表“表9”的内容范围过大', true],
    ]);
  });

  test('a sheet of more rows than one chunk: the same outcome as in the page, without the detected tables', async () => {
    const [, sheet] = await seed004();
    const cells = Array.from({ length: 1200 }, (_, r) => Array.from({ length: sheet.colCount }, (_, c) => sheet.cell(r % sheet.rowCount, c)));
    const grid = new Grid({ name: sheet.name, cells, merges: [...sheet.merges] });
    const messages = [...rowMessages(grid, 0)];
    expect(messages).toHaveLength(3);
    const replies = roundTrip([...messages, { type: 'check', id: 1, sheet: shapeOf(grid), settings: DEFAULT_SETTINGS, ignored: [] }]);
    const inPage = outcomeOf(grid, checkSheet(grid, DEFAULT_SETTINGS), []);
    expect(replies).toEqual([{ type: 'done', id: 1, outcome: { ...inPage, check: withoutDetected(inPage.check) } }]);
  });

  test('an engine failure answers "failed" with its message, and the next check starts from no rows', () => {
    const replies: FromWorker[] = [];
    const handle = workerHandler((m) => replies.push(m));
    const shape = { name: 'S', merges: [], hiddenRows: [], hiddenCols: [] };
    handle({ type: 'rows', sheet: 0, from: 0, rows: [[{ value: '合计' }, { value: 1 }]] });
    const broken = jest.spyOn(Grid.prototype, 'cell').mockImplementation(() => {
      throw new Error('单元格读不出');
    });
    try {
      handle({ type: 'checkBook', id: 3, sheets: [shape], settings: DEFAULT_SETTINGS });
    } finally {
      broken.mockRestore();
    }
    expect(replies.filter((r) => r.type !== 'phase')).toEqual([{ type: 'failed', id: 3, message: '单元格读不出' }]);
    handle({ type: 'checkBook', id: 4, sheets: [shape], settings: DEFAULT_SETTINGS });
    const done = replies[replies.length - 1];
    expect(done.type === 'bookDone' && done.book.sheets[0].notice).toBe('工作表为空，没有可校验的表格。');
  });
});

/** A Worker stand-in: the same handler behind asynchronous, copying postMessage in both directions. */
class FakeWorker {
  static started: FakeWorker[] = [];
  /** Called with each message's type as the worker takes it. */
  static onReceive: (type: ToWorker['type']) => void = () => undefined;
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  terminated = false;
  received: ToWorker['type'][] = [];
  private readonly handle = workerHandler((m) => {
    const copy = structuredClone(m);
    setTimeout(() => !this.terminated && this.onmessage?.({ data: copy }));
  });
  constructor() {
    FakeWorker.started.push(this);
    setTimeout(() => this.onmessage?.({ data: { type: 'ready' } }));
  }
  postMessage(m: ToWorker): void {
    const copy = structuredClone(m);
    setTimeout(() => {
      if (this.terminated) return;
      this.received.push(copy.type);
      FakeWorker.onReceive(copy.type);
      this.handle(copy);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the page side against a worker', () => {
  const globals = globalThis as unknown as { Worker?: unknown; document?: unknown };
  beforeAll(() => {
    globals.Worker = FakeWorker;
    globals.document = { baseURI: 'http://127.0.0.1/demo.html' };
  });
  afterAll(() => {
    delete globals.Worker;
    delete globals.document;
  });

  test('校验整个工作簿 runs in the worker: its phases reach the pane, the result is the in-page one', async () => {
    const grids = await seed004();
    const phases: CheckPhase[] = [];
    const inWorker = await runBookCheck(new DemoHost(DemoWorkbook.fromGrids(grids, 'a.xlsx')), DEFAULT_SETTINGS, (p) => phases.push(p));
    const inPage = await runBookCheck(new DemoHost(DemoWorkbook.fromGrids(grids, 'b.xlsx')), DEFAULT_SETTINGS, undefined, { inPage: true });
    const worker = FakeWorker.started[FakeWorker.started.length - 1];
    expect(worker.received.filter((t) => t !== 'rows')).toEqual(['checkBook']);
    expect(phases.filter((p) => p.phase === 'checking-sheet')).toHaveLength(grids.length);
    expect(phases.slice(-2)).toEqual([{ phase: 'cross' }, { phase: 'marking' }]);
    expect(inWorker.sheets).toEqual(inPage.sheets.map(withoutDetected));
    expect(inWorker.crossTable).toEqual(inPage.crossTable);
    expect(inWorker.marked).toBe(inPage.marked);
  });

  test('取消 while the worker checks: rejects, the worker is dropped, nothing is marked, the next check starts a fresh worker', async () => {
    const grids = await seed004();
    const wb = DemoWorkbook.fromGrids(grids, 'a.xlsx');
    const abort = new AbortController();
    const run = runBookCheck(new DemoHost(wb), DEFAULT_SETTINGS, (p) => p.phase === 'checking-sheet' && abort.abort(), { signal: abort.signal });
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    const dropped = FakeWorker.started[FakeWorker.started.length - 1];
    expect(dropped.terminated).toBe(true);
    expect(wb.sheets.every((s) => s.marks.size === 0)).toBe(true);
    const again = await runBookCheck(new DemoHost(wb), DEFAULT_SETTINGS);
    expect(FakeWorker.started[FakeWorker.started.length - 1]).not.toBe(dropped);
    expect(again.sheets).toHaveLength(grids.length);
  });

  test('取消 while the rows are being sent: the check message is never posted', async () => {
    const [, sheet] = await seed004();
    const cells = Array.from({ length: 3000 }, (_, r) => Array.from({ length: sheet.colCount }, (_, c) => sheet.cell(r % sheet.rowCount, c)));
    const abort = new AbortController();
    const worker = FakeWorker.started[FakeWorker.started.length - 1];
    const before = worker.received.length;
    FakeWorker.onReceive = () => abort.abort();
    const run = checkInWorker(new Grid({ name: 'big', cells }), DEFAULT_SETTINGS, [], abort.signal);
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    FakeWorker.onReceive = () => undefined;
    // The worker the last check started (kept between checks) took a chunk or two (the abort lands with the fake's
    // delivery, whose order against the page's turn between chunks is not fixed), then was dropped: the rest of the
    // 6 chunks and the check message were never sent.
    expect(FakeWorker.started[FakeWorker.started.length - 1]).toBe(worker);
    expect(worker.terminated).toBe(true);
    const sent = worker.received.slice(before);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThan(6);
    expect(sent.every((type) => type === 'rows')).toBe(true);
  });
});
