/**
 * WPS 表格 host. Importing this module touches no WPS global; only isWpsAvailable() and
 * `new WpsHost()` (without an explicit application) look at `window.Application` / `wps`.
 */
export { WpsHost } from './WpsHost';
export type { WpsHostOptions } from './WpsHost';

interface WpsGlobals {
  Application?: unknown;
  wps?: unknown;
}

/**
 * True inside a WPS JS add-in (task pane or ribbon runtime). WPS injects `window.Application`
 * (the ET object model) and `window.wps`. Office.js also has no `window.Application`, so this never
 * fires in Excel; the check for `Application.ActiveWorkbook`/`Worksheets` keeps a stray global
 * named Application from being taken for WPS.
 */
export function isWpsAvailable(): boolean {
  if (typeof window === 'undefined') return false;
  const g = window as unknown as WpsGlobals;
  const app = g.Application as Record<string, unknown> | undefined;
  if (!app || (typeof app !== 'object' && typeof app !== 'function')) return false;
  if (g.wps === undefined && !('Worksheets' in app) && !('ActiveWorkbook' in app)) return false;
  return true;
}
