/**
 * A small typed facade over the WPS 表格 (ET) object model: only the subset Jiaohe uses, and helpers
 * for the ways WPS builds differ from each other and from Excel's COM model.
 *
 * The ET API is synchronous and VBA-like (`Application.ActiveSheet.UsedRange.Value2`). What differs
 * between builds (Windows 11.x/12.x, Linux 11.1 on UOS/Kylin, older 2019 builds):
 * - a member is a property on one build and a method on another (`Name` vs `Name()`, `Address`);
 *   read every such member through `prop()`;
 * - `Value2`/`Formula` of a range come back as a scalar (one cell), a 2-D array, a flat 1-D array, or
 *   a 1-based SAFEARRAY-like object; `toMatrix()` turns all of them into a rows × cols JS array;
 * - collections are reached with `.Item(i | name)`; `item()` also copes with array-like collections;
 * - `Interior.Color` is a BGR integer (0xBBGGRR), converted by `bgrToHex()` / `hexToBgr()`.
 */

/** A member that is a property on some builds and a method on others. */
export type Member<T> = T | ((...args: unknown[]) => T);

export type EtScalar = string | number | boolean | null | undefined;

export interface EtCollection<T> {
  Count: Member<number>;
  Item(index: number | string): T;
}

export interface EtFont {
  Bold: boolean | null;
  Size: number | null;
  Name: string | null;
}

export interface EtInterior {
  /** BGR integer. */
  Color: number | null;
  /** Palette index; -4142 (xlColorIndexNone) when the cell has no fill. */
  ColorIndex: number | null;
  /** -4142 xlPatternNone, 1 xlPatternSolid, others are hatch patterns. */
  Pattern: number | null;
  PatternColor?: number | null;
}

export interface EtBorders {
  LineStyle: number | null;
  Weight: number | null;
}

export interface EtComment {
  /** A method on every build: Text() reads, Text(text) replaces. Some builds also expose it as a string. */
  Text: Member<string>;
  Delete(): void;
  Parent?: Member<EtRange>;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
}

export interface EtRange {
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  Text: Member<unknown>;
  IndentLevel?: unknown;
  Row: Member<number>;
  Column: Member<number>;
  Rows: EtCollection<EtRange> & { Count: Member<number> };
  Columns: EtCollection<EtRange> & { Count: Member<number> };
  Address: Member<string>;
  MergeCells: boolean | null;
  MergeArea: Member<EtRange>;
  Merge(across?: boolean): void;
  Interior: EtInterior;
  Font: EtFont;
  Borders: EtBorders;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  WrapText: boolean | null;
  ColumnWidth: number | null;
  RowHeight: number | null;
  Hidden: boolean | null;
  EntireRow?: EtRange;
  EntireColumn?: EtRange;
  Comment: Member<EtComment | null>;
  AddComment(text?: string): EtComment;
  Select(): void;
  Activate?(): void;
  Worksheet?: Member<EtWorksheet>;
  Areas?: EtCollection<EtRange>;
}

export interface EtWorksheet {
  Name: Member<string>;
  Index?: Member<number>;
  Visible: Member<number | boolean>;
  UsedRange: Member<EtRange>;
  Cells: EtRange & { Item(row: number, col?: number): EtRange };
  Rows: EtCollection<EtRange>;
  Columns: EtCollection<EtRange>;
  Range(address: string): EtRange;
  Comments?: EtCollection<EtComment>;
  PageSetup: EtPageSetup;
  Activate(): void;
  Select?(): void;
  Delete(): void;
}

export interface EtSheets extends EtCollection<EtWorksheet> {
  /** Before/After are sheets; returns the new sheet on most builds (re-read ActiveSheet anyway). */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null, count?: number, type?: number): EtWorksheet | undefined;
}

export interface EtWorkbook {
  Name: Member<string>;
  Worksheets: EtSheets;
  Sheets: EtSheets;
  ActiveSheet: Member<EtWorksheet>;
}

export interface EtPluginStorage {
  setItem(key: string, value: string): void;
  getItem(key: string): string | null | undefined;
  removeItem?(key: string): void;
}

export interface EtTaskPane {
  ID: Member<string | number>;
  Visible: boolean;
  DockPosition?: number;
  Navigate?(url: string): void;
}

export interface EtApplication {
  ActiveWorkbook: Member<EtWorkbook | null>;
  ActiveSheet: Member<EtWorksheet | null>;
  Worksheets: EtSheets;
  Sheets?: EtSheets;
  Selection: Member<EtRange | null>;
  ScreenUpdating: boolean;
  DisplayAlerts?: boolean;
  StatusBar?: string | boolean;
  PluginStorage?: EtPluginStorage;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: string | number): EtTaskPane | null | undefined;
  Alert?(message: string): void;
}

/** ET / Excel constants used here (values are those of the VBA enums; WPS uses the same numbers). */
export const XL = {
  none: -4142, // xlNone, xlColorIndexNone, xlPatternNone
  patternSolid: 1,
  automatic: -4105,
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  continuous: 1,
  thin: 2,
  hAlignLeft: -4131,
  hAlignCenter: -4108,
  hAlignRight: -4152,
  vAlignTop: -4160,
  vAlignCenter: -4108,
  vAlignBottom: -4107,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
} as const;

/** Read a member that is a property on some builds and a method on others. */
export function prop<T>(obj: unknown, name: string, ...args: unknown[]): T {
  if (obj === null || obj === undefined) throw new Error(`WPS 对象为空，无法读取 ${name}`);
  const v = (obj as Record<string, unknown>)[name];
  if (typeof v === 'function') return (v as (...a: unknown[]) => T).apply(obj, args);
  return v as T;
}

/** Like prop(), but null when the object is missing or reading throws (optional members on old builds). */
export function tryProp<T>(obj: unknown, name: string, ...args: unknown[]): T | null {
  try {
    if (obj === null || obj === undefined) return null;
    const v = prop<T>(obj, name, ...args);
    return v === undefined ? null : v;
  } catch {
    return null;
  }
}

/** `.Item(i | name)` of a collection; array-like collections (some builds) are indexed 1-based too. */
export function item<T>(collection: unknown, index: number | string): T {
  const c = collection as Record<string | number, unknown> | null | undefined;
  if (!c) throw new Error('WPS 集合对象为空');
  if (typeof c.Item === 'function') return (c.Item as (i: number | string) => T).call(c, index);
  if (typeof index === 'number' && Array.isArray(c)) return c[index - 1] as T;
  const direct = c[index];
  if (direct !== undefined) return direct as T;
  throw new Error(`WPS 集合中没有 ${String(index)}`);
}

export function count(collection: unknown): number {
  const n = Number(prop<number>(collection, 'Count'));
  return Number.isFinite(n) ? n : 0;
}

/** The sheet with this name, or null; compares names exactly as ET does not (case-insensitively). */
export function findSheet(sheets: EtSheets, name: string): EtWorksheet | null {
  const n = count(sheets);
  const wanted = name.toLowerCase();
  for (let i = 1; i <= n; i++) {
    const ws = item<EtWorksheet>(sheets, i);
    if (String(prop<string>(ws, 'Name')).toLowerCase() === wanted) return ws;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Value2 / Formula / NumberFormat shapes

interface VbArrayLike {
  dimensions(): number;
  lbound(dim?: number): number;
  ubound(dim?: number): number;
  getItem(...indices: number[]): unknown;
}

function isVbArray(x: unknown): x is VbArrayLike {
  const o = x as Partial<VbArrayLike> | null;
  return !!o && typeof o === 'object' && typeof o.getItem === 'function' && typeof o.ubound === 'function';
}

/** A 1-based "array" delivered as an object {1: …, 2: …} (seen when a SAFEARRAY is marshalled as a map). */
function isOneBasedObject(x: unknown): x is Record<number, unknown> {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => /^\d+$/.test(k)) && !('0' in (x as object));
}

function oneBasedToArray(x: Record<number, unknown>): unknown[] {
  const keys = Object.keys(x).map(Number);
  const max = Math.max(...keys);
  const out: unknown[] = [];
  for (let i = 1; i <= max; i++) out.push(x[i]);
  return out;
}

/** An array whose index 0 is a hole and whose length is one more than expected: 1-based. */
function dropOneBasedHole(arr: unknown[], expected: number): unknown[] {
  return arr.length === expected + 1 && arr[0] === undefined ? arr.slice(1) : arr;
}

function asList(x: unknown, expected: number): unknown[] | null {
  if (Array.isArray(x)) return dropOneBasedHole(x, expected);
  if (isOneBasedObject(x)) return oneBasedToArray(x);
  return null;
}

/**
 * Normalise whatever a bulk read returned into exactly rows × cols (0-based, row-major). A scalar
 * fills a 1×1 range; for a larger range a scalar means "the same for every cell" only when
 * `scalarFillsAll` (NumberFormat, IndentLevel), otherwise it lands in the top-left cell.
 */
export function toMatrix(raw: unknown, rows: number, cols: number, scalarFillsAll = false): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) out.push(new Array<unknown>(cols).fill(null));
  if (rows === 0 || cols === 0) return out;
  if (isVbArray(raw)) {
    const dims = typeof raw.dimensions === 'function' ? raw.dimensions() : 2;
    if (dims === 1) {
      const lb = raw.lbound(1);
      const flat: unknown[] = [];
      for (let i = lb; i <= raw.ubound(1); i++) flat.push(raw.getItem(i));
      return toMatrix(flat, rows, cols, scalarFillsAll);
    }
    const lr = raw.lbound(1);
    const lc = raw.lbound(2);
    for (let r = 0; r < rows && lr + r <= raw.ubound(1); r++) {
      for (let c = 0; c < cols && lc + c <= raw.ubound(2); c++) out[r][c] = raw.getItem(lr + r, lc + c);
    }
    return out;
  }
  const nested = Array.isArray(raw) || isOneBasedObject(raw)
    ? (Array.isArray(raw) ? raw : oneBasedToArray(raw)).some((e) => Array.isArray(e) || isOneBasedObject(e))
    : false;
  const list = asList(raw, nested ? rows : rows * cols);
  if (!list) {
    if (scalarFillsAll) for (const row of out) row.fill(raw);
    else out[0][0] = raw;
    return out;
  }
  if (nested) {
    for (let r = 0; r < rows && r < list.length; r++) {
      const row = asList(list[r], cols) ?? [list[r]];
      for (let c = 0; c < cols && c < row.length; c++) out[r][c] = row[c];
    }
    return out;
  }
  // A flat list: one row, one column, or a whole block row-major.
  const flat = list;
  if (rows === 1) {
    for (let c = 0; c < cols && c < flat.length; c++) out[0][c] = flat[c];
  } else if (cols === 1) {
    for (let r = 0; r < rows && r < flat.length; r++) out[r][0] = flat[r];
  } else {
    for (let i = 0; i < flat.length && i < rows * cols; i++) out[Math.floor(i / cols)][i % cols] = flat[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Colours

/** ET's Interior.Color (0xBBGGRR) → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const n = Math.max(0, Math.round(bgr)) & 0xffffff;
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** "#RRGGBB" (or "RRGGBB") → ET's BGR integer. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`颜色格式不正确：${hex}（应为 #RRGGBB）`);
  const v = parseInt(m[1], 16);
  const r = (v >> 16) & 0xff;
  const g = (v >> 8) & 0xff;
  const b = v & 0xff;
  return (b << 16) | (g << 8) | r;
}

// ---------------------------------------------------------------------------------------------
// Error values and number formats

const CVERR_BASE = -2146828288; // 0x800A0000 as a signed 32-bit integer
const XL_ERRORS: Record<number, string> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
  2043: '#GETTING_DATA',
  2045: '#SPILL!',
  2047: '#CALC!',
};

/** Value2 of an error cell arrives as the COM CVErr code (-2146826281 = #DIV/0!). */
export function errorFromValue2(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || v >= 0) return undefined;
  return XL_ERRORS[v - CVERR_BASE];
}

/** WPS's Chinese UI reports General as "G/通用格式"; an empty string also means General. */
export function normaliseNumberFormat(fmt: unknown): string | undefined {
  if (typeof fmt !== 'string') return undefined;
  const f = fmt.trim();
  if (f === '' || f === 'General' || f === 'G/通用格式' || f.toLowerCase() === 'general') return undefined;
  return f;
}

/**
 * True when the display text of a number under this format can be computed without asking ET (plain
 * decimals, thousands separators, percent). Anything else (dates, times, text sections, colours,
 * conditions, currency words) is read back from Range.Text, cell by cell, for those cells only.
 */
export function isPlainNumberFormat(fmt: string | undefined): boolean {
  if (fmt === undefined || fmt === '@') return true;
  // Padding (_x, *x), colours and locales ([红色], [$-804]) and spaces change nothing in the trimmed text;
  // "0.00_ " and "#,##0.00_ ;[红色]-#,##0.00 " are the usual formats of Chinese budget templates.
  const clean = (section: string) => section.replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '').replace(/\s+/g, '');
  const sections = fmt.split(';');
  if (sections.length > 2) return false;
  const first = clean(sections[0]);
  if (!/^[#0,]*(\.[0#]+)?%?$/.test(first) || !/[0#]/.test(first)) return false;
  return sections.length === 1 || clean(sections[1]) === `-${first}`;
}
