/**
 * Exact numbers of a table, read once: every amount cell as a decimal.js Decimal, with its state
 * (blank, number, error, text) and displayed decimals. A number cell's Decimal is built here, once per
 * distinct number of the table (only this reads number cells of amount columns as Decimal); a text
 * amount ("1,234.50") reuses the Grid's cached one. Every sum and every comparison of amounts, here and in relations.ts, hierarchy.ts
 * and checks/sums.ts, is Decimal arithmetic (plus from an exact zero, eq, cmp), as the money rule asks.
 * Values with more than 9 decimals are rounded to 9 (toDecimalPlaces) so that binary noise from formulas
 * (0.30000000000000004) is not a difference. Sums skip blank, text and zero cells instead of adding
 * zeros, and each (parts, total cell) sum is added up once and remembered.
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import { decimalsOfFormat } from '../money/parse';

export enum CellState {
  Blank = 0,
  Number = 1,
  Error = 2,
  Text = 3,
}

const MAX_DECIMALS = 9;
const ZERO = new Decimal(0);
/**
 * decimal.js rounds every result to `precision` significant digits (20 by default), so a sum started
 * from this zero keeps all its digits (1e12 plus 0.123456789 is 22 of them) without changing the
 * global Decimal other code uses.
 */
export const EXACT_ZERO: Decimal = new (Decimal.clone({ precision: 1e9 }))(0);

export class TableNumbers {
  readonly top: number;
  readonly bottom: number;
  private readonly states = new Map<number, Uint8Array>();
  private readonly decimals = new Map<number, Uint8Array>();
  /** Per column, the value of each body row; ZERO for blank, text and error cells. */
  private readonly values = new Map<number, Decimal[]>();
  /** Per body row, 1 when any of the table's amount columns holds a number there. */
  private readonly rowHasNumber: Uint8Array;
  /**
   * Outcomes of checkAcross / checkDown by parts list, then by total cell: the layout engine confirms a
   * relation and the checks report on it, with the same parts array, so each sum is added up once.
   * A parts array must not change after it has been checked (none does: they are built, then used).
   */
  readonly checkedAcross = new WeakMap<readonly number[], Map<number, CheckResult>>();
  readonly checkedDown = new WeakMap<readonly number[], Map<number, CheckResult>>();

  constructor(grid: Grid, top: number, bottom: number, cols: number[]) {
    this.top = top;
    this.bottom = bottom;
    const n = Math.max(0, bottom - top + 1);
    this.rowHasNumber = new Uint8Array(n);
    // A table uses a handful of number formats; their decimals are parsed once, not per cell.
    const formatDecimals = new Map<string | undefined, number | undefined>();
    const decimalsOf = (fmt: string | undefined): number | undefined => {
      if (!formatDecimals.has(fmt)) formatDecimals.set(fmt, decimalsOfFormat(fmt));
      return formatDecimals.get(fmt);
    };
    // The same amount recurs (a parent with one child, 合计 = 基本支出 when nothing else is spent): one
    // Decimal per distinct number in the table (Decimals are immutable, so sharing is safe).
    const byNumber = new Map<number, Decimal>();
    for (const c of cols) {
      const st = new Uint8Array(n);
      const dec = new Uint8Array(n);
      const vals: Decimal[] = new Array(n).fill(ZERO);
      for (let i = 0; i < n; i++) {
        const r = top + i;
        const cell = grid.cell(r, c);
        if (!cell) continue;
        if (cell.error) {
          st[i] = CellState.Error;
          continue;
        }
        const raw = cell.value;
        if (typeof raw === 'number' && Number.isFinite(raw)) {
          // Built here, once per cell (only this reads number cells of amount columns as Decimal); a
          // blank-looking 0 needs no Decimal at all.
          st[i] = CellState.Number;
          this.rowHasNumber[i] = 1;
          let v = raw === 0 ? ZERO : byNumber.get(raw);
          if (v === undefined) {
            v = new Decimal(raw);
            if (v.decimalPlaces() > MAX_DECIMALS) v = v.toDecimalPlaces(MAX_DECIMALS);
            byNumber.set(raw, v);
          }
          vals[i] = v;
          dec[i] = Math.min(decimalsOf(cell.numberFormat) ?? v.decimalPlaces(), 20);
          continue;
        }
        const a = grid.amount(r, c);
        if (a) {
          st[i] = CellState.Number;
          this.rowHasNumber[i] = 1;
          vals[i] = a.value.decimalPlaces() > MAX_DECIMALS ? a.value.toDecimalPlaces(MAX_DECIMALS) : a.value;
          dec[i] = Math.min(a.decimals, 20);
          continue;
        }
        if (grid.error(r, c) !== undefined) st[i] = CellState.Error;
        else st[i] = grid.text(r, c) === '' ? CellState.Blank : CellState.Text;
      }
      this.states.set(c, st);
      this.decimals.set(c, dec);
      this.values.set(c, vals);
    }
  }

  /** Whether any amount column holds a number in this row (a row sum has nothing to add otherwise). */
  hasNumber(row: number): boolean {
    return row >= this.top && row <= this.bottom && this.rowHasNumber[row - this.top] === 1;
  }

  /** The cell states and values of one column (undefined when the column was not read). */
  column(col: number): { states: Uint8Array; values: Decimal[] } | undefined {
    const states = this.states.get(col);
    return states && { states, values: this.values.get(col)! };
  }

  has(col: number): boolean {
    return this.states.has(col);
  }

  state(row: number, col: number): CellState {
    const st = this.states.get(col);
    if (!st || row < this.top || row > this.bottom) return CellState.Blank;
    return st[row - this.top] as CellState;
  }

  /** The cell's amount (zero for blank, text and errors). */
  value(row: number, col: number): Decimal {
    const v = this.values.get(col);
    if (!v || row < this.top || row > this.bottom) return ZERO;
    return v[row - this.top];
  }

  /** Decimals the cell is displayed with. */
  shownDecimals(row: number, col: number): number {
    const d = this.decimals.get(col);
    if (!d || row < this.top || row > this.bottom) return 0;
    return d[row - this.top];
  }
}

/** Outcome of one total vs its parts. */
export enum Check {
  /** Nothing to compare: total blank, or parts all blank, or an error cell is involved. */
  Skip = 0,
  Holds = 1,
  Fails = 2,
}

export interface CheckResult {
  check: Check;
  /** Σ parts, exact (zero when nothing was added). */
  sum: Decimal;
}

const NOTHING_TO_ADD: CheckResult = { check: Check.Skip, sum: EXACT_ZERO };

/** Compares a total cell with the sum of part cells in the same row (parts: columns) — sum.row. */
export function checkAcross(nums: TableNumbers, row: number, total: number, parts: readonly number[]): CheckResult {
  if (!nums.hasNumber(row)) return NOTHING_TO_ADD;
  const byCell = remembered(nums.checkedAcross, parts);
  const cell = row * 16384 + total;
  let result = byCell.get(cell);
  if (!result) {
    result = compare(nums, row, total, parts, true);
    byCell.set(cell, result);
  }
  return result;
}

/** Compares a total cell with the sum of part cells in the same column (parts: rows) — sum.column/hierarchy. */
export function checkDown(nums: TableNumbers, col: number, total: number, parts: readonly number[]): CheckResult {
  const byCell = remembered(nums.checkedDown, parts);
  const cell = total * 16384 + col;
  let result = byCell.get(cell);
  if (!result) {
    result = compare(nums, total, col, parts, false);
    byCell.set(cell, result);
  }
  return result;
}

function remembered(memo: WeakMap<readonly number[], Map<number, CheckResult>>, parts: readonly number[]): Map<number, CheckResult> {
  let byCell = memo.get(parts);
  if (!byCell) {
    byCell = new Map();
    memo.set(parts, byCell);
  }
  return byCell;
}

function compare(nums: TableNumbers, row: number, col: number, parts: readonly number[], across: boolean): CheckResult {
  const ts = nums.state(row, col);
  if (ts === CellState.Error) return { check: Check.Skip, sum: ZERO };
  let sum = EXACT_ZERO;
  let any = false;
  if (across) {
    for (const c of parts) {
      const s = nums.state(row, c);
      if (s === CellState.Error) return { check: Check.Skip, sum: ZERO };
      if (s !== CellState.Number) continue;
      any = true;
      const v = nums.value(row, c);
      if (!v.isZero()) sum = sum.plus(v);
    }
  } else {
    // Down one column: its arrays once, not a lookup per part.
    const column = nums.column(col);
    if (!column) return { check: Check.Skip, sum };
    const { states, values } = column;
    for (const r of parts) {
      const i = r - nums.top;
      if (i < 0 || r > nums.bottom) continue;
      const s = states[i];
      if (s === CellState.Error) return { check: Check.Skip, sum: ZERO };
      if (s !== CellState.Number) continue;
      any = true;
      const v = values[i];
      if (!v.isZero()) sum = sum.plus(v);
    }
  }
  if (ts !== CellState.Number || !any) return { check: Check.Skip, sum };
  return { check: sum.eq(nums.value(row, col)) ? Check.Holds : Check.Fails, sum };
}

const byTable = new WeakMap<object, { grid: Grid; nums: TableNumbers }>();

/** The numbers of a detected table, read once and shared by the layout engine and the checks. */
export function tableNumbers(grid: Grid, table: object, top: number, bottom: number, cols: number[]): TableNumbers {
  const hit = byTable.get(table);
  if (hit && hit.grid === grid && hit.nums.top === top && hit.nums.bottom === bottom && cols.every((c) => hit.nums.has(c))) return hit.nums;
  const nums = new TableNumbers(grid, top, bottom, cols);
  byTable.set(table, { grid, nums });
  return nums;
}

/** Lets the checks reuse the numbers the layout engine read for a table. */
export function rememberNumbers(grid: Grid, table: object, nums: TableNumbers): void {
  byTable.set(table, { grid, nums });
}
