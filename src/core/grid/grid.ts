import Decimal from 'decimal.js';
import { CellRange, rangeContains, toA1 } from './address';
import { AMOUNT_START, decimalsOfFormat, parseAmountText } from '../money/parse';

export type CellValue = string | number | boolean | null;

/** What a host knows about one cell. Only the top-left cell of a merged area carries a value. */
export interface CellData {
  /** The value; for a formula, its cached result. Dates arrive as their display text. */
  value: CellValue;
  /** The text as displayed, when the host knows it. */
  text?: string;
  /** Formula with its leading "=". */
  formula?: string;
  /** Excel number format code. */
  numberFormat?: string;
  /** An error value such as "#REF!", "#DIV/0!", "#N/A". */
  error?: string;
  /** Indent level from the cell's alignment, when the host knows it (hierarchy by indentation). */
  indent?: number;
}

export interface GridInit {
  name: string;
  /** Row-major, sheet coordinates (row 0 is sheet row 1). Missing rows/cells are empty. */
  cells: (CellData | undefined)[][];
  merges?: CellRange[];
  hiddenRows?: number[];
  hiddenCols?: number[];
  /** Why the host could not read this sheet's cells (the grid is then empty), in one Chinese line. */
  unread?: string;
}

/** A number read from a cell, exactly. */
export interface CellAmount {
  value: Decimal;
  /** Decimals as displayed (from the number format, or as typed in text). */
  decimals: number;
  /** True when the cell held text that reads as a number ("1,234.50", "—"). */
  fromText: boolean;
}

const ERROR_RE = /^#(REF!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/;

/**
 * An immutable snapshot of one sheet: values, display text, formats, formulas, merges, hidden rows
 * and columns. Everything in core reads sheets through this class only.
 */
export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly CellRange[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenCols: ReadonlySet<number>;
  /** Why the host could not read this sheet's cells (the grid is then empty). */
  readonly unread?: string;
  private readonly cells: (CellData | undefined)[][];
  private readonly mergeIndex = new Map<number, CellRange>();
  /** 1 for rows some merge covers: cell lookups on the other rows (nearly all) skip the merge index. */
  private readonly rowMerged: Uint8Array;
  private readonly amountCache = new Map<number, CellAmount | null>();

  constructor(init: GridInit) {
    this.name = init.name;
    this.cells = init.cells;
    this.merges = init.merges ?? [];
    this.hiddenRows = new Set(init.hiddenRows ?? []);
    this.hiddenCols = new Set(init.hiddenCols ?? []);
    if (init.unread) this.unread = init.unread;
    let cols = 0;
    let rows = 0;
    for (let r = 0; r < init.cells.length; r++) {
      const row = init.cells[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        const cell = row[c];
        if (cell && !isBlankCell(cell)) {
          if (c + 1 > cols) cols = c + 1;
          rows = r + 1;
          break;
        }
      }
    }
    for (const m of this.merges) {
      rows = Math.max(rows, m.bottom + 1);
      cols = Math.max(cols, m.right + 1);
    }
    this.rowCount = rows;
    this.colCount = cols;
    this.rowMerged = new Uint8Array(rows);
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        this.rowMerged[r] = 1;
        for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The raw cell, or undefined when empty. Cells hidden under a merge are empty. */
  cell(row: number, col: number): CellData | undefined {
    if (this.rowMerged[row] === 1) {
      const m = this.mergeIndex.get(this.key(row, col));
      if (m && (m.top !== row || m.left !== col)) return undefined;
    }
    return this.cells[row]?.[col];
  }

  /** The merged area that contains this cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.rowMerged[row] === 1 ? this.mergeIndex.get(this.key(row, col)) : undefined;
  }

  /** Displayed text of the cell itself, trimmed; "" for empty. */
  text(row: number, col: number): string {
    return textOf(this.cell(row, col));
  }

  /** Text as the reader sees it: a cell covered by a merge shows the merge's top-left text. */
  visibleText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  /** Error value of the cell (#REF! etc.), from the host or from text that is an error literal. */
  error(row: number, col: number): string | undefined {
    const c = this.cell(row, col);
    if (!c) return undefined;
    if (c.error) return c.error;
    if (typeof c.value === 'string' && c.value.includes('#') && ERROR_RE.test(c.value.trim())) return c.value.trim();
    return undefined;
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === '';
  }

  /** The cell's amount: a number, or text that reads as one. null for empty, labels and errors. */
  amount(row: number, col: number): CellAmount | null {
    const c = this.cell(row, col);
    // Labels are turned away without a cache entry: they are most of a sheet's text cells.
    if (!c || c.error || (typeof c.value === 'string' && !AMOUNT_START.test(c.value))) return null;
    const k = this.key(row, col);
    const hit = this.amountCache.get(k);
    if (hit !== undefined) return hit;
    const result = readAmount(c);
    this.amountCache.set(k, result);
    return result;
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  isHiddenRow(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  inMerge(range: CellRange, row: number, col: number): boolean {
    return rangeContains(range, row, col);
  }
}

/** The amount of a cell that is there and not an error (Grid.amount caches it). */
function readAmount(c: CellData): CellAmount | null {
  const v = c.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const value = new Decimal(String(v));
    const fmt = decimalsOfFormat(c.numberFormat);
    return { value, decimals: fmt ?? Math.max(0, value.decimalPlaces()), fromText: false };
  }
  if (typeof v === 'string') {
    const p = parseAmountText(v);
    if (!p) return null;
    return { value: p.value, decimals: p.decimals, fromText: true };
  }
  return null;
}

/** Grid.text of a cell already looked up (hot loops look a cell up once and need both). */
export function textOf(c: CellData | undefined): string {
  if (!c) return '';
  if (c.error) return c.error;
  if (c.text !== undefined) return trimmed(c.text);
  const v = c.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? trimmed(v) : String(v).trim();
}

/**
 * s.trim(), without the call when neither end can be white space (nearly every cell): the hot loops
 * read each cell's text several times.
 */
function trimmed(s: string): string {
  const n = s.length;
  return n === 0 || (!mayBeSpace(s.charCodeAt(0)) && !mayBeSpace(s.charCodeAt(n - 1))) ? s : s.trim();
}

/** Every code String.prototype.trim removes passes; a few that it keeps do too (trim then decides). */
function mayBeSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x205f) || code === 0x3000 || code === 0xfeff;
}

function isBlankCell(c: CellData): boolean {
  if (c.error || c.formula) return false;
  if (c.value === null || c.value === undefined) return (c.text ?? '').trim() === '';
  return typeof c.value === 'string' ? c.value.trim() === '' && (c.text ?? '').trim() === '' : false;
}

/** Convenience for tests and generators: a grid from rows of plain values. */
export function gridFromRows(name: string, rows: CellValue[][], merges: CellRange[] = []): Grid {
  return new Grid({
    name,
    cells: rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? undefined : { value: v }))),
    merges,
  });
}
