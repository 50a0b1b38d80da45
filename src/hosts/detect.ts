import type { SpreadsheetHost } from './host';
import { isWpsAvailable } from './wps/detectWps';

/**
 * Which spreadsheet the task pane is running in. Detection looks at one family of globals at a time:
 * WPS first (window.Application / wps, never Office), then Office.js (window.Office, never WPS's), then the
 * in-page demo. The host modules are imported only once chosen, so the demo bundle carries no Office code
 * and the WPS pane never evaluates the Excel adapter.
 */
export type EnvironmentKind = 'excel' | 'wps' | 'demo' | 'none';

export interface Detection {
  kind: EnvironmentKind;
  /** Why no host was found ('none'), for the log; the pane shows its own message. */
  reason?: string;
}

/** The subset of office.js detection needs. */
interface OfficeGlobal {
  onReady?: (callback?: (info: { host: unknown; platform: unknown }) => void) => Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
}

export interface DetectOptions {
  /** The page offers an in-page workbook (the demo page). */
  demoAvailable?: boolean;
  /** How long to wait for Office.onReady before giving up (office.js loaded outside Office never says Excel). */
  officeReadyTimeoutMs?: number;
}

function windowObject(): Record<string, unknown> | undefined {
  return typeof window === 'undefined' ? undefined : (window as unknown as Record<string, unknown>);
}

function officeGlobal(): OfficeGlobal | undefined {
  const w = windowObject();
  const office = w?.Office as OfficeGlobal | undefined;
  return office && typeof office === 'object' && typeof office.onReady === 'function' ? office : undefined;
}

/** Office.onReady's host, or undefined on timeout. */
async function officeHost(office: OfficeGlobal, timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady!(), timeout]);
    return info?.host;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export async function detectEnvironment(options: DetectOptions = {}): Promise<Detection> {
  if (isWpsAvailable()) return { kind: 'wps' };
  const office = officeGlobal();
  if (office) {
    const host = await officeHost(office, options.officeReadyTimeoutMs ?? 10000);
    const excel = office.HostType?.Excel ?? 'Excel';
    if (host === excel) return { kind: 'excel' };
    // office.js loaded in a plain browser (or another Office app): fall through to the demo, if any.
    if (!options.demoAvailable) {
      return { kind: 'none', reason: host ? `office host ${String(host)} is not Excel` : 'office.js is not running inside Office' };
    }
  }
  if (options.demoAvailable) return { kind: 'demo' };
  return { kind: 'none', reason: 'neither Office.js nor WPS is present' };
}

export interface CreateHostOptions extends Omit<DetectOptions, 'demoAvailable'> {
  /** The demo page's host factory; makes 'demo' a candidate. */
  demo?: () => SpreadsheetHost;
}

export interface CreatedHost extends Detection {
  host: SpreadsheetHost | null;
}

/** Detects the environment and builds its SpreadsheetHost (null for 'none'). */
export async function createHost(options: CreateHostOptions = {}): Promise<CreatedHost> {
  const detection = await detectEnvironment({ ...options, demoAvailable: options.demo !== undefined });
  switch (detection.kind) {
    case 'wps': {
      const { WpsHost } = await import(/* webpackChunkName: "host-wps" */ './wps');
      return { ...detection, host: new WpsHost() };
    }
    case 'excel': {
      const { ExcelHost } = await import(/* webpackChunkName: "host-excel" */ './excel');
      return { ...detection, host: new ExcelHost() };
    }
    case 'demo':
      return { ...detection, host: options.demo!() };
    default:
      return { ...detection, host: null };
  }
}
