/**
 * Pure helpers for ExcelHost.readActiveSheet: how to split a used range into round trips that stay under the
 * Office payload limit, how big a loaded block really was, and how Excel's parallel arrays become Grid cells.
 * No Office.js here, so all of it is unit-testable.
 */
import { CellRange, parseRange, CellData } from '../../core/grid';

/** Excel on the web rejects requests/responses over 5 MB; we stay under 4 MiB to leave room for the envelope. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/**
 * Bytes one cell costs on the wire when values, text, formulas and numberFormat are all loaded (JSON, UTF-8).
 * A typical budget-table amount: value 8 + text "12,345.67" 12 + formula 8 + "#,##0.00" 11 ≈ 40; empty cells
 * cost about 20, Chinese labels about 90. 40 keeps a 10,000 × 10 sheet (4.0 MB) in one round trip and chunks
 * anything bigger; a block that turns out heavier shrinks the following chunks (see measureBlockBytes).
 */
export const DEFAULT_BYTES_PER_CELL = 40;

export interface ReadPlan {
  /** Rows per round trip; equals the row count when one read is enough. */
  chunkRows: number;
  chunks: number;
  estimatedBytes: number;
  chunked: boolean;
}

export function planRead(
  rows: number,
  cols: number,
  budget = DEFAULT_PAYLOAD_BUDGET,
  bytesPerCell = DEFAULT_BYTES_PER_CELL,
): ReadPlan {
  const safeRows = Math.max(0, Math.floor(rows));
  const safeCols = Math.max(1, Math.floor(cols));
  const estimatedBytes = safeRows * safeCols * bytesPerCell;
  if (safeRows === 0) return { chunkRows: 0, chunks: 0, estimatedBytes: 0, chunked: false };
  if (estimatedBytes <= budget) return { chunkRows: safeRows, chunks: 1, estimatedBytes, chunked: false };
  const chunkRows = rowsPerChunk(safeCols, budget, bytesPerCell);
  return { chunkRows, chunks: Math.ceil(safeRows / chunkRows), estimatedBytes, chunked: true };
}

export function rowsPerChunk(cols: number, budget: number, bytesPerCell: number): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, cols) * Math.max(1, bytesPerCell))));
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

function jsonLength(v: unknown): number {
  if (typeof v === 'string') return utf8Length(v) + 3; // quotes and a comma
  if (typeof v === 'number') return String(v).length + 1;
  if (typeof v === 'boolean') return v ? 5 : 6;
  return 5;
}

/** Approximate JSON size of a loaded block (the four parallel arrays), to correct the per-cell estimate. */
export function measureBlockBytes(arrays: readonly (readonly (readonly unknown[])[] | undefined)[]): number {
  let bytes = 0;
  for (const rows of arrays) {
    if (!rows) continue;
    for (const row of rows) {
      bytes += 2;
      for (const v of row) bytes += jsonLength(v);
    }
  }
  return bytes;
}

/** Excel error values, as Range.values reports them. Typing "#REF!" into a cell also makes it an error. */
const ERROR_VALUE = /^#(REF!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

/** Date/time formats: y, m, d, h, s outside quotes, brackets and escapes ("yyyy-mm-dd", "m月d日", "[$-804]…"). */
export function isDateTimeFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat || numberFormat === 'General' || numberFormat === '@') return false;
  const section = numberFormat
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(section.replace(/[eE][+-]/g, '')) && !/^[#0.,%\s]*$/.test(section);
}

const dateFormatCache = new Map<string, boolean>();

/** isDateTimeFormat, memoised: a sheet has a handful of distinct formats and a million cells. */
function isDateFormatCached(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  let hit = dateFormatCache.get(numberFormat);
  if (hit === undefined) {
    hit = isDateTimeFormat(numberFormat);
    if (dateFormatCache.size < 1000) dateFormatCache.set(numberFormat, hit);
  }
  return hit;
}

/** Range.text shows "####" when the column is too narrow for the number: that is not the cell's text. */
function isOverflowText(text: string): boolean {
  return text.length > 0 && /^#+$/.test(text);
}

/** One cell from Excel's parallel arrays; undefined for a truly empty cell. */
export function toCellData(value: unknown, text: unknown, numberFormat: unknown, formula: unknown): CellData | undefined {
  const fmt = typeof numberFormat === 'string' && numberFormat !== 'General' ? numberFormat : undefined;
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula : undefined;
  let shown = typeof text === 'string' ? text : undefined;
  if (value === '' || value === null || value === undefined) {
    if (!f) return undefined;
    // A formula that yields "": keep the formula so the engine knows the cell is computed.
    const cell: CellData = { value: null, formula: f };
    if (fmt) cell.numberFormat = fmt;
    return cell;
  }
  if (typeof value === 'string' && ERROR_VALUE.test(value)) {
    const cell: CellData = { value: null, error: value, text: value };
    if (f) cell.formula = f;
    return cell;
  }
  let v: CellData['value'] = typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
  if (typeof v === 'number' && shown !== undefined && isOverflowText(shown)) shown = undefined;
  // Dates arrive as their display text (the Grid's convention): a serial number is not an amount.
  if (typeof v === 'number' && shown && isDateFormatCached(fmt)) v = shown;
  const cell: CellData = { value: v };
  if (shown !== undefined && shown !== String(v)) cell.text = shown;
  if (fmt) cell.numberFormat = fmt;
  if (f) cell.formula = f;
  return cell;
}

/** Writes one loaded block into the sheet-coordinate cell matrix (the block starts at top/left on the sheet). */
export function placeBlock(
  cells: (CellData | undefined)[][],
  top: number,
  left: number,
  values: readonly (readonly unknown[])[],
  text: readonly (readonly unknown[])[] | undefined,
  numberFormat: readonly (readonly unknown[])[] | undefined,
  formulas: readonly (readonly unknown[])[] | undefined,
): void {
  for (let r = 0; r < values.length; r++) {
    const vr = values[r];
    let row: (CellData | undefined)[] | undefined;
    for (let c = 0; c < vr.length; c++) {
      const cell = toCellData(vr[c], text?.[r]?.[c], numberFormat?.[r]?.[c], formulas?.[r]?.[c]);
      if (!cell) continue;
      if (!row) row = cells[top + r] ?? (cells[top + r] = []);
      row[left + c] = cell;
    }
  }
}

/**
 * Splits an A1 address list as RangeAreas.address gives it ("Sheet1!A1:C1, 'My, Sheet'!A2:A3") into ranges,
 * dropping the sheet prefixes. Commas inside quoted sheet names are not separators.
 */
export function parseAddressList(list: string | null | undefined): CellRange[] {
  if (!list) return [];
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") {
      if (quoted && list[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  const out: CellRange[] = [];
  for (const p of parts) {
    const s = p.trim();
    if (!s) continue;
    const bare = s.includes('!') ? s.slice(s.lastIndexOf('!') + 1) : s;
    out.push(parseRange(bare.replace(/\$/g, '')));
  }
  return out;
}

/** Quotes a sheet name for an A1 reference when Excel would ("'表 2'!A1"); plain names stay bare. */
export function qualify(sheet: string, address: string): string {
  const needsQuotes = !/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet);
  return needsQuotes ? `'${sheet.replace(/'/g, "''")}'!${address}` : `${sheet}!${address}`;
}
