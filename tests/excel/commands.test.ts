import { FakeWorkbook, fakeExcel } from './fakeWorkbook';
import { ExcelHost, MARK_FILL } from '../../src/hosts/excel';
import {
  checkActiveSheet,
  CommandDeps,
  CommandOutcome,
  dialogUrl,
  formatCount,
  formatOutcome,
  readDialogMessage,
  renderDialog,
  runCheck,
  readPaneSettings,
  PANE_SETTINGS_KEY,
} from '../../src/commands/commands';
import { STORAGE_KEY, saveSettings, DEFAULT_PANE_SETTINGS, toCheckSettings } from '../../src/taskpane/settings';
import { checkSheet } from '../../src/core/engine';
import type { Grid } from '../../src/core/grid';
import type { Finding } from '../../src/core/types';

function setup(api = '1.18') {
  const wb = new FakeWorkbook();
  wb.addSheet('表2', [
    ['单位：万元'],
    ['单位', '合计', '甲', '乙'],
    ['A县', 3, 1, 1],
    ['B县', 5, 2, 3],
    ['合计', 8, 3, 4],
  ]);
  const fx = fakeExcel(wb, api);
  const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
  return { wb, host };
}

/** Stands in for the engine (being written alongside): reports B3, whose 合计 3 ≠ 1 + 1. */
function rowTotalCheck(grid: Grid) {
  const findings: Finding[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const total = grid.amount(r, 1);
    const a = grid.amount(r, 2);
    const b = grid.amount(r, 3);
    if (total && a && b && !total.value.equals(a.value.plus(b.value))) {
      findings.push({ rule: 'sum.row', severity: 'error', sheet: grid.name, cell: grid.address(r, 1), message: `合计 ${total.value} ≠ ${a.value.plus(b.value)}` });
    }
  }
  return { findings, tables: [], notice: undefined };
}

function deps(host: CommandDeps['host'], notify = jest.fn(async (_o: CommandOutcome) => undefined), check?: CommandDeps['check']): CommandDeps {
  return { host, settings: () => ({}), notify, check };
}

describe('一键校验 (checkActiveSheet)', () => {
  it('checks, marks, reports the count, and calls event.completed() on success', async () => {
    const { wb, host } = setup();
    const event = { completed: jest.fn() };
    const d = deps(host, undefined, rowTotalCheck);
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, d);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(d.notify).toHaveBeenCalledWith(expect.objectContaining({ ok: true, sheet: '表2', findings: 2, errors: 2, marked: 2 }));
    expect(wb.cell('表2', 'B3')!.fill).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
    expect(wb.sheet('表2')!.notes.get('B3')).toBe('校核：合计 3 ≠ 2');
    const record = await host.readMarks();
    expect(record.lastCheck).toMatchObject({ sheet: '表2', findings: 2 });
  });

  it('replaces the marks of an earlier run on the same sheet (a fixed cell is no longer highlighted)', async () => {
    const { wb, host } = setup();
    const event = { completed: jest.fn() };
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, deps(host, undefined, rowTotalCheck));
    wb.cell('表2', 'B3')!.value = 2; // the officer fixes the total
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, deps(host, undefined, rowTotalCheck));
    expect(wb.cell('表2', 'B3')!.fill).toBeUndefined();
    expect(wb.sheet('表2')!.notes.has('B3')).toBe(false);
    expect(wb.cell('表2', 'B5')!.fill).toEqual({ color: MARK_FILL.error, pattern: 'Solid' }); // 8 ≠ 3 + 4, still wrong
    expect(event.completed).toHaveBeenCalledTimes(2);
  });

  it('runs the real engine by default and reports what it found', async () => {
    const { host } = setup();
    const outcome = await runCheck({ host, settings: () => ({}), notify: async () => undefined });
    expect(outcome.ok).toBe(true);
    const grid = await host.readActiveSheet();
    if (outcome.ok) expect(outcome.findings).toBe(checkSheet(grid).findings.length);
  });

  it('calls event.completed() and reports a Chinese reason when reading fails', async () => {
    const { host } = setup();
    const failing = { ...host, readActiveSheet: jest.fn(async () => { throw Object.assign(new Error('boom'), { code: 'GeneralException' }); }) };
    const event = { completed: jest.fn() };
    const notify = jest.fn(async (_o: CommandOutcome) => undefined);
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, deps(failing as unknown as ExcelHost, notify));
    expect(event.completed).toHaveBeenCalledTimes(1);
    const outcome = notify.mock.calls[0][0];
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/^校验失败：boom/);
  });

  it('calls event.completed() when Excel refuses the marks (protected sheet) and passes the host’s reason on', async () => {
    const { wb, host } = setup();
    const refusing = {
      readActiveSheet: () => host.readActiveSheet(),
      clearMarks: (s?: string) => host.clearMarks(s),
      markFindings: async () => {
        throw Object.assign(new Error('x'), { code: 'AccessDenied' });
      },
    };
    const notify = jest.fn(async (_o: CommandOutcome) => undefined);
    const event = { completed: jest.fn() };
    // Through ExcelHost's own error mapping: make the fake fail the marking batch.
    const protectedHost = new ExcelHost({
      run: async (batch) => {
        if (wb.syncCount >= 2) throw Object.assign(new Error('The sheet is protected'), { code: 'AccessDenied' });
        return fakeExcel(wb).run(batch);
      },
      isSetSupported: fakeExcel(wb).isSetSupported,
    });
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, deps(protectedHost, notify, rowTotalCheck));
    expect(event.completed).toHaveBeenCalledTimes(1);
    const outcome = notify.mock.calls[0][0];
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/受保护/) });
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, deps(refusing as unknown as ExcelHost, notify, rowTotalCheck));
    expect(event.completed).toHaveBeenCalledTimes(2);
  });

  it('calls event.completed() even when the notification itself fails', async () => {
    const { host } = setup();
    const event = { completed: jest.fn() };
    const notify = jest.fn(async (_o: CommandOutcome): Promise<undefined> => {
      throw new Error('dialog blocked');
    });
    await checkActiveSheet(event as unknown as Office.AddinCommands.Event, deps(host, notify, rowTotalCheck));
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('settings shared with the task pane', () => {
  it('reads what the pane saved, under the pane’s key', () => {
    expect(PANE_SETTINGS_KEY).toBe(STORAGE_KEY);
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const pane = { ...DEFAULT_PANE_SETTINGS, tolerance: '0.01', weightsTotal: 100 as const, catalogYear: 2024 };
    saveSettings(pane, storage);
    const full = toCheckSettings(pane);
    expect(readPaneSettings(storage)).toEqual({ tolerance: full.tolerance, weightsTotal: full.weightsTotal, catalogYear: full.catalogYear });
  });

  it('falls back to defaults on damaged or missing settings', () => {
    expect(readPaneSettings(null)).toEqual({});
    expect(readPaneSettings({ getItem: () => '{not json' })).toEqual({});
    expect(readPaneSettings({ getItem: () => JSON.stringify({ tolerance: '-1', weightsTotal: 7 }) })).toEqual({});
  });
});

describe('command messages', () => {
  it('formats the count in Chinese and English', () => {
    expect(formatCount(0)).toBe('未发现问题');
    expect(formatCount(9)).toBe('发现 9 处问题');
    expect(formatCount(1, 'en-US')).toBe('1 issue found');
    expect(formatCount(9, 'en-US')).toBe('9 issues found');
  });

  it('summarises an outcome', () => {
    const ok: CommandOutcome = { ok: true, sheet: '表2', findings: 9, errors: 8, warnings: 1, marked: 9, tables: 1 };
    expect(formatOutcome(ok).lines[0]).toBe('发现 9 处问题（错误 8，提示 1）。');
    expect(formatOutcome(ok).title).toBe('校核 · 表2');
    expect(formatOutcome({ ...ok, findings: 0, errors: 0, warnings: 0, marked: 0 }).lines).toEqual(['1 张表，未发现问题。']);
    expect(formatOutcome({ ok: false, message: '读取工作表失败：x' }).lines).toEqual(['读取工作表失败：x']);
  });

  it('round-trips the dialog message through the URL and renders it as text only', () => {
    const url = dialogUrl('https://localhost:3000/commands.html?_host_Info=Excel', { title: '校核 · 表2', lines: ['发现 9 处问题', '<b>x</b>'] }, 'zh-CN');
    expect(url.startsWith('https://localhost:3000/commands.html?')).toBe(true);
    const message = readDialogMessage(new URL(url).search)!;
    expect(message).toEqual({ title: '校核 · 表2', lines: ['发现 9 处问题', '<b>x</b>'], locale: 'zh-CN' });
    expect(readDialogMessage('?other=1')).toBeNull();

    // A minimal document: renderDialog must use textContent, never HTML.
    const made: { tag: string; text: string }[] = [];
    const el = (tag: string) => {
      const node = { tag, textContent: '', type: '', appendChild: () => undefined, addEventListener: jest.fn(), focus: jest.fn() };
      made.push(node as unknown as { tag: string; text: string });
      return node;
    };
    const doc = { title: '', documentElement: { lang: '' }, body: { textContent: 'x', appendChild: () => undefined }, createElement: el };
    const close = jest.fn();
    expect(renderDialog(doc as unknown as Document, new URL(url).search, close)).toBe(true);
    expect(doc.title).toBe('校核 · 表2');
    expect((made as unknown as { tag: string; textContent: string }[]).map((m) => [m.tag, m.textContent])).toEqual([
      ['h1', '校核 · 表2'],
      ['p', '发现 9 处问题'],
      ['p', '<b>x</b>'],
      ['button', '关闭'],
    ]);
  });
});
