/**
 * WPS 表格 host. Importing this module touches no WPS global; only isWpsAvailable() and
 * `new WpsHost()` (without an explicit application) look at `window.Application` / `wps`.
 * Host detection that should not carry the adapter can import './wps/detectWps' instead.
 */
export { WpsHost } from './WpsHost';
export type { WpsHostOptions } from './WpsHost';
export { isWpsAvailable } from './detectWps';
