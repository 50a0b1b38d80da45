/**
 * The ribbon's 一键校验 button (manifest: ExecuteFunction, FunctionName checkActiveSheet): checks the active sheet,
 * marks what it finds, and reports the count without opening the task pane.
 *
 * How the count is reported: an ExecuteFunction runtime has no UI of its own, Excel has no notification API for
 * add-ins (Office.context.mailbox is Outlook's), and opening the task pane is what this button avoids. So it
 * (1) writes the result into the workbook's marks record (lastCheck: sheet, counts, time) where the task pane
 * shows it the next time it opens, and (2) shows one small dialog (Dialog API 1.1, Excel 2016+) with the count;
 * the dialog is this same commands.html with the text in its query string, so there is no extra page to build or
 * host. The dialog closes on 关闭, on its ✕, or after a minute; event.completed() is called after that (closing a
 * function's runtime would close its dialog), and always, on success and on failure.
 */
import { checkSheet, SheetCheck } from '../core/engine';
import type { Grid } from '../core/grid';
import type { CheckSettings } from '../core/types';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import {
  CommandOutcome,
  DIALOG_PARAM,
  dialogUrl,
  formatOutcome,
  localeOf,
  MessageLocale,
  readDialogMessage,
} from './messages';

export * from './messages';

/** What the command needs from its surroundings; tests pass fakes, Office passes nothing. */
export interface CommandDeps {
  host: Pick<ExcelHost, 'readActiveSheet' | 'markFindings' | 'clearMarks'>;
  settings: () => Partial<CheckSettings>;
  /** The engine; defaults to core's checkSheet. */
  check?: (grid: Grid, settings: Partial<CheckSettings>) => Pick<SheetCheck, 'findings' | 'tables' | 'notice'>;
  notify: (outcome: CommandOutcome) => Promise<void>;
}

/** How long the result dialog may stay open before the command completes anyway (Office allows ~5 minutes). */
export const DIALOG_TIMEOUT_MS = 60_000;

function officeLocale(): MessageLocale {
  try {
    return localeOf(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
  } catch {
    return 'zh-CN';
  }
}

/** Shows the outcome in a small dialog and resolves when it is closed (or after timeoutMs). Never rejects. */
export function showOutcomeDialog(outcome: CommandOutcome, timeoutMs = DIALOG_TIMEOUT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    try {
      const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
      const dialogSupported = Office.context?.requirements?.isSetSupported?.('DialogApi', '1.1');
      if (!ui?.displayDialogAsync || !dialogSupported || typeof location === 'undefined') {
        resolve(); // the result is still in the marks record for the task pane
        return;
      }
      const locale = officeLocale();
      const url = dialogUrl(location.href, formatOutcome(outcome, locale), locale);
      ui.displayDialogAsync(url, { height: 24, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          try {
            dialog.close();
          } catch {
            /* already closed by the user */
          }
          resolve();
        };
        const timer = setTimeout(finish, timeoutMs);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch {
      resolve();
    }
  });
}

/** Where the task pane keeps its settings (src/taskpane/settings.ts STORAGE_KEY; a test keeps the two equal). */
export const PANE_SETTINGS_KEY = 'jiaohe.settings.v1';

/**
 * The officer's settings from the task pane (same origin, so the same localStorage), read without importing the
 * pane's modules: they pull in React, which this small function file does not need. Invalid values are dropped.
 */
export function readPaneSettings(storage: Pick<Storage, 'getItem'> | null): Partial<CheckSettings> {
  const out: Partial<CheckSettings> = {};
  try {
    const raw = storage?.getItem(PANE_SETTINGS_KEY);
    const o = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    if (!o || typeof o !== 'object') return out;
    if (typeof o.tolerance === 'string' && /^(\d+(\.\d+)?|\.\d+)$/.test(o.tolerance.trim())) out.tolerance = o.tolerance.trim();
    if (o.weightsTotal === 90 || o.weightsTotal === 100 || o.weightsTotal === 'auto') out.weightsTotal = o.weightsTotal;
    if (typeof o.catalogYear === 'number' && Number.isInteger(o.catalogYear)) out.catalogYear = o.catalogYear;
  } catch {
    /* storage disabled or damaged: defaults */
  }
  return out;
}

function defaultStorage(): Pick<Storage, 'getItem'> | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

function defaultDeps(): CommandDeps {
  return {
    host: new ExcelHost(),
    settings: () => readPaneSettings(defaultStorage()),
    notify: showOutcomeDialog,
  };
}

function describeFailure(e: unknown): CommandOutcome {
  const err = e as { message?: unknown; messageEn?: unknown };
  const message = typeof err?.message === 'string' && err.message ? err.message : '校验时出现未知错误。';
  return {
    ok: false,
    message: /[\u4e00-\u9fff]/.test(message) ? message : `校验失败：${message}`,
    messageEn: typeof err?.messageEn === 'string' ? err.messageEn : `Check failed: ${message}`,
  };
}

/** Checks the active sheet, replaces its marks with the new findings, reports the count. */
export async function runCheck(deps: CommandDeps): Promise<CommandOutcome> {
  try {
    const grid = await deps.host.readActiveSheet();
    const result = (deps.check ?? checkSheet)(grid, deps.settings());
    // Marks of an earlier check on this sheet go first, so cells fixed since are no longer highlighted.
    await deps.host.clearMarks(grid.name);
    const marked = await deps.host.markFindings(result.findings, { checkedSheet: grid.name });
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const outcome: CommandOutcome = {
      ok: true,
      sheet: grid.name,
      findings: result.findings.length,
      errors,
      warnings: result.findings.length - errors,
      marked,
      tables: result.tables.length,
    };
    if (result.notice) outcome.notice = result.notice;
    return outcome;
  } catch (e) {
    return describeFailure(e);
  }
}

/** The ExecuteFunction entry point. event.completed() is called whatever happens. */
export async function checkActiveSheet(event: Office.AddinCommands.Event, deps?: CommandDeps): Promise<void> {
  try {
    const d = deps ?? defaultDeps();
    const outcome = await runCheck(d);
    try {
      await d.notify(outcome);
    } catch {
      /* a dialog that cannot open must not keep the button busy */
    }
  } finally {
    event.completed();
  }
}

/** Renders the result dialog (this page opened with ?jiaohe-dialog=1). textContent only: the query is untrusted. */
export function renderDialog(doc: Document, search: string, close: () => void): boolean {
  const message = readDialogMessage(search);
  if (!message) return false;
  doc.title = message.title;
  doc.documentElement.lang = message.locale;
  const body = doc.body;
  body.textContent = '';
  const h = doc.createElement('h1');
  h.textContent = message.title;
  body.appendChild(h);
  for (const line of message.lines) {
    const p = doc.createElement('p');
    p.textContent = line;
    body.appendChild(p);
  }
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = message.locale === 'en-US' ? 'Close' : '关闭';
  button.addEventListener('click', close);
  body.appendChild(button);
  button.focus();
  return true;
}

// Registration. Office.actions.associate is the current way (and required by shared runtimes); older clients
// look the function up on the global object.
const g = globalThis as { checkActiveSheet?: unknown; location?: Location; document?: Document };
const isDialogPage = !!g.location && g.location.search.includes(DIALOG_PARAM);
if (typeof Office !== 'undefined') {
  if (isDialogPage) {
    Office.onReady(() => {
      if (g.document && g.location) renderDialog(g.document, g.location.search, () => Office.context.ui.messageParent('close'));
    });
  } else {
    g.checkActiveSheet = checkActiveSheet;
    Office.onReady(() => undefined);
    try {
      if (Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate('checkActiveSheet', checkActiveSheet);
    } catch {
      /* clients without Office.actions find the global function */
    }
  }
}
