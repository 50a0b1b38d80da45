/**
 * WPS detection on its own, so host detection can import it without pulling the WPS adapter into the
 * task pane's main bundle (the adapter itself is loaded with a dynamic import once WPS is detected).
 */
interface WpsGlobals {
  Application?: unknown;
  wps?: unknown;
}

/**
 * True inside a WPS JS add-in (task pane or ribbon runtime). WPS injects `window.Application` (the ET
 * object model) and `window.wps`. Excel's Office.js has no `window.Application`, so this never fires in
 * Excel; requiring `wps` or Application's Worksheets/ActiveWorkbook keeps a stray global named
 * Application from being taken for WPS. Touches no other global.
 */
export function isWpsAvailable(): boolean {
  if (typeof window === 'undefined') return false;
  const g = window as unknown as WpsGlobals;
  const app = g.Application as Record<string, unknown> | undefined;
  if (!app || (typeof app !== 'object' && typeof app !== 'function')) return false;
  if (g.wps === undefined && !('Worksheets' in app) && !('ActiveWorkbook' in app)) return false;
  return true;
}
