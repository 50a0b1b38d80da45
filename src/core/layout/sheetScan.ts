/**
 * One pass over the sheet, shared by the searches that each used to read every cell:
 *  - what the text cells of each row mention (rowMarks), for the 绩效 indicator header searches and the
 *    code-header search. Marks are necessary conditions only; each caller still tests the cells of a
 *    marked row itself;
 *  - the text cells that start with a digit (forEachDigitText), for the inline-code scan;
 *  - the plain numbers of the sheet in a dense array (plainNumbers), for column stats and table
 *    numbers: a cell object, its boxed number and its text lie apart in memory, and reading them down a
 *    20,000-row table cost more than the work done with them.
 */
// textOf straight from grid/grid: CommonJS re-exports go through a getter, and hot loops call it per cell.
import { type Grid, textOf } from '../grid/grid';
import { isDigitCode } from './text';

/** A cell whose value has both 级 and 标 (一级指标): an indicator header row may be here. */
export const MARK_LEVEL_INDICATOR = 1;
/** Two or more cells whose value has 指标. */
export const MARK_TWO_INDICATORS = 2;
/** A cell whose text has 类 (a 类 | 款 | 项 header). */
export const MARK_LEI = 4;
/** A cell whose text has 码 or 科 (科目编码). */
export const MARK_CODE_HEADER = 8;

const JI = 0x7ea7; // 级
const BIAO = 0x6807; // 标
const ZHI = 0x6307; // 指
const LEI = 0x7c7b; // 类
const MA = 0x7801; // 码
const KE = 0x79d1; // 科

/** Not a plain number: empty, text, an error, or a number shown as nothing. Read the cell. */
export const NOT_PLAIN = 0;
/** A finite number without an error, shown as some text, whose format has no %. */
export const PLAIN_NUMBER = 1;
/** The same, with a % in its number format. */
export const PLAIN_PERCENT = 2;

/** Sheets up to this many cells (rows × columns) get the dense view; larger ones are read cell by cell. */
const MAX_DENSE_CELLS = 8_000_000;

/** Plain numbers by r * width + c: kinds (NOT_PLAIN, PLAIN_NUMBER, PLAIN_PERCENT) and values. */
export interface PlainNumbers {
  width: number;
  kinds: Uint8Array;
  values: Float64Array;
}

interface SheetScan {
  /** MARK_* bits by row. */
  rows: Uint8Array;
  /** Text cells whose text starts with a digit (ASCII or full width): row r's columns are cols[start[r]..start[r+1]). */
  digitStart: Int32Array;
  digitCols: Int32Array;
  numbers?: PlainNumbers;
}

const cache = new WeakMap<Grid, SheetScan>();

/** The scan of a Grid, made on first use (a Grid never changes). */
function scanOf(grid: Grid): SheetScan {
  let scan = cache.get(grid);
  if (!scan) {
    scan = scanSheet(grid);
    cache.set(grid, scan);
  }
  return scan;
}

/** The dense view of the sheet's plain numbers, or undefined for a sheet too large to hold one. */
export function plainNumbers(grid: Grid): PlainNumbers | undefined {
  return scanOf(grid).numbers;
}

/** Marks by row (MARK_* bits), computed once per Grid. */
export function rowMarks(grid: Grid): Uint8Array {
  return scanOf(grid).rows;
}

/** Calls f for each text cell (a string value) whose text starts with a digit, row by row: where inline codes can be. */
export function forEachDigitText(grid: Grid, f: (row: number, col: number) => void): void {
  const { digitStart, digitCols } = scanOf(grid);
  for (let r = 0; r < grid.rowCount; r++) {
    for (let k = digitStart[r]; k < digitStart[r + 1]; k++) f(r, digitCols[k]);
  }
}

/** Whether s has any of the characters the marks look for: most cells (names, codes) have none. */
function hasMarkChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === JI || ch === BIAO || ch === ZHI || ch === LEI || ch === MA || ch === KE) return true;
  }
  return false;
}

function scanSheet(grid: Grid): SheetScan {
  const rows = new Uint8Array(grid.rowCount);
  const digitStart = new Int32Array(grid.rowCount + 1);
  let digitCols = new Int32Array(1024);
  let digits = 0;
  const width = grid.colCount;
  const dense = grid.rowCount * width <= MAX_DENSE_CELLS;
  const kinds = dense ? new Uint8Array(grid.rowCount * width) : undefined;
  const values = dense ? new Float64Array(grid.rowCount * width) : undefined;
  // A column keeps a format: whether it has a % is decided when the format changes.
  let lastFormat: string | undefined;
  let lastPercent = false;
  for (let r = 0; r < grid.rowCount; r++) {
    digitStart[r] = digits;
    let bits = 0;
    let indicators = 0;
    for (let c = 0; c < width; c++) {
      const cell = grid.cell(r, c);
      if (!cell) continue;
      const v = cell.value;
      if (typeof v !== 'string') {
        if (kinds && values && typeof v === 'number' && !cell.error && Number.isFinite(v) && textOf(cell) !== '') {
          const fmt = cell.numberFormat;
          if (fmt !== lastFormat) {
            lastFormat = fmt;
            lastPercent = fmt !== undefined && fmt.includes('%');
          }
          kinds[r * width + c] = lastPercent ? PLAIN_PERCENT : PLAIN_NUMBER;
          values[r * width + c] = v;
        }
        continue;
      }
      if (isDigitCode(textOf(cell).charCodeAt(0))) {
        if (digits === digitCols.length) {
          const grown = new Int32Array(digits * 2);
          grown.set(digitCols);
          digitCols = grown;
        }
        digitCols[digits++] = c;
      }
      const text = cell.text ?? v;
      const vMarked = hasMarkChar(v);
      if (!vMarked && (text === v || !hasMarkChar(text))) continue;
      if (vMarked) {
        if (v.includes('级') && v.includes('标')) bits |= MARK_LEVEL_INDICATOR;
        if (v.includes('指标') && ++indicators >= 2) bits |= MARK_TWO_INDICATORS;
      }
      if (text.includes('类')) bits |= MARK_LEI;
      if (text.includes('码') || text.includes('科')) bits |= MARK_CODE_HEADER;
    }
    rows[r] = bits;
  }
  digitStart[grid.rowCount] = digits;
  return kinds && values ? { rows, digitStart, digitCols, numbers: { width, kinds, values } } : { rows, digitStart, digitCols };
}
