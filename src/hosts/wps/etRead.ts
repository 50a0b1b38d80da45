import { CellData, CellRange, Grid, parseRange, rangeToA1, toA1 } from '../../core/grid';
import { formatNumber } from '../../core/money';
import { SheetTooLargeError, tooLargeToRead } from '../readLimit';
import {
  EtRange,
  EtWorksheet,
  errorFromValue2,
  isPlainNumberFormat,
  normaliseNumberFormat,
  prop,
  toMatrix,
  tryProp,
} from './et';

const ERROR_LITERAL = /^#(REF!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/;

export interface UsedBlock {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The used range's position and size (0-based top/left). */
export function usedBlock(used: EtRange): UsedBlock {
  const top = Number(prop(used, 'Row')) - 1;
  const left = Number(prop(used, 'Column')) - 1;
  const rows = Number(prop(prop(used, 'Rows'), 'Count'));
  const cols = Number(prop(prop(used, 'Columns'), 'Count'));
  return { top, left, rows, cols };
}

/** "$A$1:$C$2" (property or method, with or without sheet prefix) → CellRange. */
export function rangeOf(range: EtRange): CellRange {
  const raw = String(prop<string>(range, 'Address', false, false));
  const first = raw.split(',')[0].replace(/\$/g, '');
  return parseRange(first);
}

function rangeAt(ws: EtWorksheet, r: CellRange): EtRange {
  return ws.Range(rangeToA1(r));
}

/**
 * Merged areas inside a block, without asking every cell. `MergeCells` of a range is true when all its
 * cells are merged, false when none is and null when mixed; so one call answers for the whole used range
 * in the common cases (no merges at all), and a mixed range is split in two (along its longer side)
 * until each part is all-merged or merge-free. In an all-merged part each cell not yet covered asks
 * for its MergeArea once, which returns the whole area; the cells it covers are then skipped. The cost
 * is about (number of merges) × log2(cells) calls instead of one per cell: a 5 000-row data sheet with
 * a merged title and header costs a few hundred calls, not 75 000.
 */
export function scanMerges(ws: EtWorksheet, block: CellRange, counter?: { calls: number }): CellRange[] {
  const found: CellRange[] = [];
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * 16384 + c;
  const expand = (part: CellRange) => {
    for (let r = part.top; r <= part.bottom; r++) {
      for (let c = part.left; c <= part.right; c++) {
        if (covered.has(key(r, c))) continue;
        if (counter) counter.calls++;
        const area = rangeOf(prop<EtRange>(ws.Range(rangeToA1({ top: r, left: c, bottom: r, right: c })), 'MergeArea'));
        for (let rr = area.top; rr <= area.bottom; rr++) for (let cc = area.left; cc <= area.right; cc++) covered.add(key(rr, cc));
        if (area.bottom > area.top || area.right > area.left) found.push(area);
      }
    }
  };
  const visit = (part: CellRange) => {
    if (counter) counter.calls++;
    const merged = tryProp<boolean | null>(rangeAt(ws, part), 'MergeCells');
    if (merged === false || merged === undefined || (merged as unknown) === 0) return;
    const single = part.top === part.bottom && part.left === part.right;
    if (merged === true || (merged as unknown) === -1 || single) {
      expand(part);
      return;
    }
    const height = part.bottom - part.top + 1;
    const width = part.right - part.left + 1;
    if (height >= width) {
      const mid = part.top + Math.floor(height / 2) - 1;
      visit({ ...part, bottom: mid });
      visit({ ...part, top: mid + 1 });
    } else {
      const mid = part.left + Math.floor(width / 2) - 1;
      visit({ ...part, right: mid });
      visit({ ...part, left: mid + 1 });
    }
  };
  if (block.bottom >= block.top && block.right >= block.left) visit(block);
  // A merge that sticks out of the used range (rare) is kept as ET reports it.
  return found.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A per-cell attribute (NumberFormat, IndentLevel) read in bulk. ET answers a range with the common
 * value, or null when its cells differ. The whole used range is asked first (one call on uniform sheets);
 * a mixed range is split, columns first because formats follow columns (a label column, amount columns),
 * then rows within a column (the header/body boundary), and parts holding no value are never asked.
 * The cost grows with the number of format boundaries times log2(size), not with the number of cells.
 */
function readUniformAttribute(
  ws: EtWorksheet,
  block: UsedBlock,
  name: 'NumberFormat' | 'IndentLevel',
  hasValue: (r: number, c: number) => boolean,
  counter?: { calls: number },
): unknown[][] {
  const out = toMatrix(null, block.rows, block.cols, true);
  const anyValue = (p: CellRange) => {
    for (let r = p.top; r <= p.bottom; r++) for (let c = p.left; c <= p.right; c++) if (hasValue(r, c)) return true;
    return false;
  };
  // Parts are in block coordinates (0-based inside the used range).
  const visit = (p: CellRange) => {
    if (!anyValue(p)) return;
    if (counter) counter.calls++;
    const onSheet = { top: block.top + p.top, bottom: block.top + p.bottom, left: block.left + p.left, right: block.left + p.right };
    const raw = tryProp<unknown>(rangeAt(ws, onSheet), name);
    const h = p.bottom - p.top + 1;
    const w = p.right - p.left + 1;
    if (raw !== null && raw !== undefined) {
      const m = toMatrix(raw, h, w, true);
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) out[p.top + r][p.left + c] = m[r][c];
      return;
    }
    if (h === 1 && w === 1) return;
    if (w > 1) {
      const mid = p.left + Math.floor(w / 2) - 1;
      visit({ ...p, right: mid });
      visit({ ...p, left: mid + 1 });
    } else {
      const mid = p.top + Math.floor(h / 2) - 1;
      visit({ ...p, bottom: mid });
      visit({ ...p, top: mid + 1 });
    }
  };
  if (block.rows > 0 && block.cols > 0) visit({ top: 0, left: 0, bottom: block.rows - 1, right: block.cols - 1 });
  return out;
}

export interface ReadStats {
  /** Calls into the ET object model that scale with the sheet (bulk reads, fallbacks, merges). */
  calls: number;
}

/**
 * Read a worksheet's used range into a Grid: one bulk Value2, one Formula, one NumberFormat and one
 * IndentLevel read, plus the merge scan and hidden rows/columns. Display text for numbers is computed
 * from the format when it is a plain number format (as the file host does); for dates and other
 * formats the cell's own Text is asked, for those cells only.
 */
export function readWorksheet(ws: EtWorksheet, onProgress?: (done: number, total: number) => void, stats?: ReadStats): Grid {
  const counter = stats ?? { calls: 0 };
  const name = String(prop<string>(ws, 'Name'));
  const used = prop<EtRange>(ws, 'UsedRange');
  if (!used) throw new Error(`工作表“${name}”没有可读取的单元格区域（可能是图表工作表）。`);
  const block = usedBlock(used);
  // ET's UsedRange also covers formatted empty cells (a column formatted down to row 1,048,576): read only up to
  // the last cell with a value or formula, as Excel's getUsedRange(true) does.
  const last = lastContent(ws);
  const trimmed = last !== null && (last.row < block.top + block.rows - 1 || last.col < block.left + block.cols - 1);
  if (last !== null) {
    block.rows = Math.max(0, Math.min(block.rows, last.row - block.top + 1));
    block.cols = Math.max(0, Math.min(block.cols, last.col - block.left + 1));
  }
  const tooLarge = tooLargeToRead(name, block);
  if (tooLarge) throw new SheetTooLargeError(tooLarge);
  const source = trimmed && block.rows > 0 && block.cols > 0 ? ws.Range(rangeToA1({ top: block.top, left: block.left, bottom: block.top + block.rows - 1, right: block.left + block.cols - 1 })) : used;
  // Progress is in rows, like the other hosts; ET reads are synchronous, so only start and end are reported.
  onProgress?.(0, block.rows);
  counter.calls += 2;
  const values = toMatrix(source.Value2, block.rows, block.cols);
  const formulas = toMatrix(source.Formula, block.rows, block.cols);
  const present = (r: number, c: number) => {
    const v = values[r][c];
    return v !== null && v !== undefined && v !== '';
  };
  const formats = readUniformAttribute(ws, block, 'NumberFormat', present, counter);
  const indents = readUniformAttribute(ws, block, 'IndentLevel', present, counter);

  const cells: (CellData | undefined)[][] = [];
  for (let r = 0; r < block.rows; r++) {
    const row: (CellData | undefined)[] = [];
    for (let c = 0; c < block.cols; c++) {
      const cell = toCellData(ws, block.top + r, block.left + c, values[r][c], formulas[r][c], formats[r][c], indents[r][c], counter);
      if (cell) row[block.left + c] = cell;
    }
    cells[block.top + r] = row;
  }
  const merges = scanMerges(ws, { top: block.top, left: block.left, bottom: block.top + block.rows - 1, right: block.left + block.cols - 1 }, counter);
  const hidden = readHidden(ws, block, counter);
  onProgress?.(block.rows, block.rows);
  return new Grid({ name, cells, merges, hiddenRows: hidden.rows, hiddenCols: hidden.cols });
}

const XL_FORMULAS = -4123;
const XL_PART = 2;
const XL_BY_ROWS = 1;
const XL_BY_COLUMNS = 2;
const XL_PREVIOUS = 2;

type FindHost = { Find?: (...args: unknown[]) => EtRange | null | undefined };

/**
 * The last row and the last column holding a value or formula: Cells.Find("*", …, xlPrevious) by rows and by
 * columns, the VBA idiom. null when the host has no Find, it fails, or the sheet has no content (the used range
 * is then read as it is).
 */
function lastContent(ws: EtWorksheet): { row: number; col: number } | null {
  try {
    const cells = ws.Cells as unknown as FindHost;
    if (typeof cells.Find !== 'function') return null;
    const byRows = cells.Find('*', undefined, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_PREVIOUS);
    const byCols = cells.Find('*', undefined, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_PREVIOUS);
    if (!byRows || !byCols) return null;
    const row = Number(prop(byRows, 'Row')) - 1;
    const col = Number(prop(byCols, 'Column')) - 1;
    return Number.isFinite(row) && Number.isFinite(col) && row >= 0 && col >= 0 ? { row, col } : null;
  } catch {
    return null;
  }
}

/** A date/time format: y m d h s (or 年月日) outside quoted text and [..] sections. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhsYMDHS年月日]/.test(bare) && !/^[#0,.%]*$/.test(bare);
}

const XL_CELL_TYPE_VISIBLE = 12;

/**
 * Hidden rows and columns of the used range. SpecialCells(xlCellTypeVisible) on the used range answers in
 * one call: its Areas are the visible blocks, so rows and columns that no area covers are hidden. When
 * SpecialCells is missing, or throws because nothing is visible, every row and column of the used range
 * is asked for Hidden instead.
 */
function readHidden(ws: EtWorksheet, block: UsedBlock, counter: { calls: number }): { rows: number[]; cols: number[] } {
  if (block.rows <= 0 || block.cols <= 0) return { rows: [], cols: [] };
  const whole: CellRange = { top: block.top, left: block.left, bottom: block.top + block.rows - 1, right: block.left + block.cols - 1 };
  const gaps = (from: number, n: number, shown: Set<number>) => {
    const out: number[] = [];
    for (let k = from; k < from + n; k++) if (!shown.has(k)) out.push(k);
    return out;
  };
  try {
    counter.calls++;
    const visible = (rangeAt(ws, whole) as unknown as { SpecialCells(type: number): EtRange }).SpecialCells(XL_CELL_TYPE_VISIBLE);
    const areas = prop<unknown>(visible, 'Areas');
    const count = Number(prop(areas, 'Count'));
    if (!(count > 0)) throw new Error('no areas');
    const shownRows = new Set<number>();
    const shownCols = new Set<number>();
    for (let i = 1; i <= count; i++) {
      counter.calls++;
      const r = rangeOf(itemOf(areas, i) as EtRange);
      for (let k = r.top; k <= r.bottom; k++) shownRows.add(k);
      for (let k = r.left; k <= r.right; k++) shownCols.add(k);
    }
    return { rows: gaps(block.top, block.rows, shownRows), cols: gaps(block.left, block.cols, shownCols) };
  } catch {
    const ask = (collection: string, from: number, n: number) => {
      const lines = prop(ws, collection);
      const hidden: number[] = [];
      for (let k = from; k < from + n; k++) {
        counter.calls++;
        if (tryProp<boolean>(itemOf(lines, k + 1), 'Hidden') === true) hidden.push(k);
      }
      return hidden;
    };
    return { rows: ask('Rows', block.top, block.rows), cols: ask('Columns', block.left, block.cols) };
  }
}

function itemOf(collection: unknown, i: number): unknown {
  const c = collection as { Item?: (i: number) => unknown };
  return typeof c.Item === 'function' ? c.Item(i) : (collection as unknown[])[i - 1];
}

function toCellData(
  ws: EtWorksheet,
  row: number,
  col: number,
  raw: unknown,
  rawFormula: unknown,
  rawFormat: unknown,
  rawIndent: unknown,
  counter: { calls: number },
): CellData | undefined {
  // Range.Formula returns constants too, and text typed as '=2 次 comes back as "=2 次": a formula is
  // a "=…" whose cached value is not that same text.
  const formula = typeof rawFormula === 'string' && rawFormula.startsWith('=') && rawFormula !== raw ? rawFormula : undefined;
  if ((raw === null || raw === undefined || raw === '') && !formula) return undefined;
  const numberFormat = normaliseNumberFormat(rawFormat);
  const indent = typeof rawIndent === 'number' && rawIndent > 0 ? rawIndent : undefined;
  const d: CellData = { value: null };
  if (numberFormat) d.numberFormat = numberFormat;
  if (indent) d.indent = indent;
  if (formula) d.formula = formula;
  const cellText = () => {
    counter.calls++;
    const t = tryProp<unknown>(ws.Range(toA1(row, col)), 'Text');
    return t === null || t === undefined ? '' : String(t);
  };
  const code = errorFromValue2(raw);
  if (code) {
    // A CVErr integer; confirm with the displayed text (a real number this size would display as one).
    const shown = cellText();
    if (shown.startsWith('#')) {
      d.error = ERROR_LITERAL.test(shown) ? shown : code;
      return d;
    }
  }
  if (typeof raw === 'string' && ERROR_LITERAL.test(raw)) {
    d.error = raw;
    return d;
  }
  if (typeof raw === 'number') {
    if (isPlainNumberFormat(numberFormat)) {
      d.value = raw;
      d.text = formatNumber(raw, numberFormat);
    } else {
      // Dates, times and custom formats: the Grid wants what the officer sees.
      const shown = cellText();
      if (isDateFormat(numberFormat) && shown !== '' && !shown.startsWith('#')) {
        d.value = shown;
        d.text = shown;
      } else {
        d.value = raw;
        d.text = shown || formatNumber(raw, numberFormat);
      }
    }
    return d;
  }
  if (typeof raw === 'boolean') {
    d.value = raw;
    d.text = raw ? 'TRUE' : 'FALSE';
    return d;
  }
  if (raw === null || raw === undefined || raw === '') return formula ? d : undefined;
  d.value = String(raw);
  return d;
}
