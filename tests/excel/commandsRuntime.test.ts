/**
 * The one-click command as Office runs it: commands.ts loaded into a function-file runtime whose Office and Excel
 * globals are office-addin-mock objects (Excel over the fake workbook), no dependencies injected.
 */
import { FakeWorkbook, fakeExcel } from './fakeWorkbook';
import type { CommandOutcome } from '../../src/commands/messages';

const { OfficeMockObject } = require('office-addin-mock') as typeof import('office-addin-mock');

type Handler = (arg: unknown) => void;

interface Runtime {
  wb: FakeWorkbook;
  associate: jest.Mock;
  dialogs: { url: string; handlers: Map<string, Handler>; close: jest.Mock }[];
  commands: typeof import('../../src/commands/commands');
}

function loadRuntime(options: { dialog?: boolean; search?: string } = {}): Runtime {
  const wb = new FakeWorkbook();
  wb.addSheet('表2', [
    ['单位', '合计', '甲', '乙'],
    ['A县', 3, 1, 1],
  ]);
  const fx = fakeExcel(wb, '1.18');
  const associate = jest.fn();
  const dialogs: Runtime['dialogs'] = [];
  const office = new OfficeMockObject({
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => (name === 'DialogApi' ? options.dialog !== false : fx.isSetSupported(name, version)) },
      ui: {
        displayDialogAsync: (url: string, _opts: unknown, callback: (r: unknown) => void) => {
          const dialog = { url, handlers: new Map<string, Handler>(), close: jest.fn() };
          dialogs.push(dialog);
          callback({
            status: 'succeeded',
            value: { addEventHandler: (type: string, h: Handler) => dialog.handlers.set(type, h), close: dialog.close },
          });
        },
        messageParent: jest.fn(),
      },
    },
    actions: { associate },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  });
  // Enumerations and plain properties need no load() in Office.js; office-addin-mock would demand one.
  office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  office.EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
  office.context.displayLanguage = 'zh-CN';
  const g = globalThis as Record<string, unknown>;
  g.Office = office;
  g.Excel = fx.excel;
  g.location = new URL(`https://localhost:3000/commands.html${options.search ?? '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0'}`);
  let commands!: Runtime['commands'];
  jest.isolateModules(() => {
    commands = require('../../src/commands/commands');
  });
  return { wb, associate, dialogs, commands };
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Office;
  delete g.Excel;
  delete g.location;
});

const tick = () => new Promise((r) => setImmediate(r));

describe('commands.ts in an ExecuteFunction runtime (office-addin-mock globals)', () => {
  it('registers checkActiveSheet with Office.actions.associate and as a global function', () => {
    const rt = loadRuntime();
    expect(rt.associate).toHaveBeenCalledWith('checkActiveSheet', rt.commands.checkActiveSheet);
    expect((globalThis as Record<string, unknown>).checkActiveSheet).toBe(rt.commands.checkActiveSheet);
  });

  it('registers nothing when the page is opened as the result dialog', () => {
    delete (globalThis as Record<string, unknown>).checkActiveSheet;
    const rt = loadRuntime({ search: '?jiaohe-dialog=1&title=x&text=y' });
    expect(rt.associate).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>).checkActiveSheet).toBeUndefined();
  });

  it('checks through Excel.run, shows the count in a dialog and completes when the dialog is closed', async () => {
    const rt = loadRuntime();
    const event = { completed: jest.fn() };
    const running = rt.commands.checkActiveSheet(event as unknown as Office.AddinCommands.Event);
    for (let i = 0; i < 50 && !rt.dialogs.length; i++) await tick();
    expect(rt.dialogs).toHaveLength(1);
    const url = new URL(rt.dialogs[0].url);
    expect(url.origin + url.pathname).toBe('https://localhost:3000/commands.html');
    expect(url.searchParams.get('title')).toBe('校核 · 表2');
    expect(event.completed).not.toHaveBeenCalled(); // the dialog lives as long as the function
    rt.dialogs[0].handlers.get('dialogMessageReceived')!({ message: 'close' });
    await running;
    expect(rt.dialogs[0].close).toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(rt.wb.syncCount).toBeGreaterThan(0); // it really went through Excel.run
  });

  it('completes without a dialog where the Dialog API is missing', async () => {
    const rt = loadRuntime({ dialog: false });
    const event = { completed: jest.fn() };
    await rt.commands.checkActiveSheet(event as unknown as Office.AddinCommands.Event);
    expect(rt.dialogs).toHaveLength(0);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('closes a forgotten dialog after the timeout', async () => {
    const rt = loadRuntime();
    const outcome: CommandOutcome = { ok: true, sheet: '表2', findings: 0, errors: 0, warnings: 0, marked: 0, tables: 1 };
    await rt.commands.showOutcomeDialog(outcome, 20);
    expect(rt.dialogs[0].close).toHaveBeenCalledTimes(1);
  });
});

describe('isExcelAvailable', () => {
  it('is true only with Office in Excel and Excel.run present', () => {
    const { isExcelAvailable } = require('../../src/hosts/excel') as typeof import('../../src/hosts/excel');
    const g = globalThis as Record<string, unknown>;
    expect(isExcelAvailable()).toBe(false);
    g.Office = { context: { host: 'Excel' }, HostType: { Excel: 'Excel' } };
    expect(isExcelAvailable()).toBe(false); // no Excel namespace
    g.Excel = { run: async () => undefined };
    expect(isExcelAvailable()).toBe(true);
    g.Office = { context: { host: 'Word' }, HostType: { Excel: 'Excel' } };
    expect(isExcelAvailable()).toBe(false);
  });
});
