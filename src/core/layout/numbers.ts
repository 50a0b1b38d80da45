/**
 * Exact numbers of a table, read once: every amount cell's exact value, with its state (blank, number,
 * error, text) and displayed decimals. Values are kept as integers in units of 10^-scale, each one proven
 * to be exactly what new Decimal(cell) holds (a text amount "1,234.50" comes from the Grid's Decimal
 * parse). Every sum and every comparison of amounts, here and in relations.ts, hierarchy.ts and
 * checks/sums.ts, is decimal.js arithmetic (plus, eq, cmp) in a clone with unlimited precision, as the
 * money rule asks; the only plain-number test is `=== 0` on an exact integer, to skip empty cells.
 * Values with more than 9 decimals are rounded to 9 (toDecimalPlaces) so that binary noise from formulas
 * (0.30000000000000004) is not a difference. Sums skip blank, text and zero cells instead of adding
 * zeros, and each (parts, total cell) sum is added up once and remembered.
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import { decimalsOfFormat } from '../money/parse';
import { NOT_PLAIN, plainNumbers } from './sheetScan';

export enum CellState {
  Blank = 0,
  Number = 1,
  Error = 2,
  Text = 3,
}

const MAX_DECIMALS = 9;
/** In `decimals`: a number cell whose shown decimals its format decides; the low bits hold its own decimals (≤ 9). */
const FROM_FORMAT = 0x80;
/**
 * decimal.js rounds every result to `precision` significant digits (20 by default), so the table's
 * amounts live in a clone that keeps all digits (1e12 plus 0.123456789 is 22 of them): a sum can start
 * from its first part instead of from a zero, without changing the global Decimal other code uses.
 */
const ExactDecimal = Decimal.clone({ precision: 1e9 });
export const EXACT_ZERO: Decimal = new ExactDecimal(0);
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const TWO_52 = 2 ** 52;
const TWO_53 = 2 ** 53;

/**
 * The fewest decimals (≤ 9) that write a number exactly as its shortest decimal form reads, or -1.
 * When round(x·10^k)/10^k gives back x and |x·10^k| < 2^52, no other decimal on the 10^-k grid is
 * within an ulp of x, so the scaled integer is exactly what new Decimal(x) would hold.
 */
function decimalsOfNumber(x: number): number {
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const m = x * POW10[k];
    if (!(Math.abs(m) < TWO_52)) return -1;
    const r = Math.round(m);
    if (r / POW10[k] === x) return k;
  }
  return -1;
}

/**
 * The amounts of one table as integers in units of 10^-scale (scale: the most decimals any of its cells
 * has, usually 2): 123456 for 1234.56, because decimal.js builds and adds integers several times faster
 * than fractions. Sums and comparisons are Decimal arithmetic on the same exact values; `amount` turns a
 * scaled Decimal back into the amount for findings.
 */
export class TableNumbers {
  readonly top: number;
  readonly bottom: number;
  /** Amounts are held in units of 10^-scale. */
  readonly scale: number;
  private readonly unit: Decimal;
  /** Per column (sparse, by column index): cell states, displayed decimals and values of each body row. */
  private readonly states: (Uint8Array | undefined)[] = [];
  private readonly decimals: (Uint8Array | undefined)[] = [];
  /**
   * Scaled values as exact integers (0 for blank, text and error cells). A Decimal is built where a value
   * is added or compared, not kept per cell: 120,000 kept Decimals outlived the young generation and made
   * the collector's work grow faster than the table. NaN marks a value beyond 2^53, kept in `large`.
   */
  private readonly units: (Float64Array | undefined)[] = [];
  private readonly large = new Map<number, Decimal>();
  /** Per body row, 1 when any of the table's amount columns holds a number there. */
  private readonly rowHasNumber: Uint8Array;
  /**
   * Outcomes of checkAcross / checkDown by parts list, then by total: the layout engine confirms a
   * relation and the checks report on it, with the same parts array, so each sum is added up once.
   * A parts array must not change after it has been checked (none does: they are built, then used).
   */
  readonly checkedAcross = new Map<readonly number[], Map<number, (CheckResult | undefined)[]>>();
  readonly checkedDown = new Map<readonly number[], DownResults>();
  lastAcross: { parts?: readonly number[]; total: number; byRow?: (CheckResult | undefined)[] } = { total: -1 };

  constructor(
    private readonly grid: Grid,
    top: number,
    bottom: number,
    cols: number[],
  ) {
    this.top = top;
    this.bottom = bottom;
    const n = Math.max(0, bottom - top + 1);
    this.rowHasNumber = new Uint8Array(n);
    // Pass 1: states, and each number's exact decimals. A number that needs more than 9 decimals (binary
    // noise from formulas, 0.30000000000000004) or is too large for the shortcut, and text amounts, go
    // through Decimal and are rounded to 9 decimals. Rows are read one after another, all columns at a
    // time, and plain numbers come from the sheet's dense view (sheetScan) without touching their cells.
    let scale = 0;
    const slow = new Map<number, Decimal>(); // by i * 16384 + c
    const read = [...new Set(cols)];
    const st: Uint8Array[] = [];
    const dec: Uint8Array[] = [];
    const raw: Float64Array[] = [];
    const k: Int8Array[] = [];
    for (let j = 0; j < read.length; j++) {
      st.push(new Uint8Array(n));
      dec.push(new Uint8Array(n));
      raw.push(new Float64Array(n));
      k.push(new Int8Array(n));
    }
    const dense = plainNumbers(grid);
    for (let i = 0; i < n; i++) {
      const r = top + i;
      const rowBase = dense ? r * dense.width : 0;
      for (let j = 0; j < read.length; j++) {
        const c = read[j];
        let v: number;
        if (dense && c < dense.width && dense.kinds[rowBase + c] !== NOT_PLAIN) v = dense.values[rowBase + c];
        else {
          const cell = grid.cell(r, c);
          if (!cell) continue;
          if (cell.error) {
            st[j][i] = CellState.Error;
            continue;
          }
          const cv = cell.value;
          if (typeof cv === 'number' && Number.isFinite(cv)) v = cv;
          else {
            const a = grid.amount(r, c);
            if (a) {
              st[j][i] = CellState.Number;
              this.rowHasNumber[i] = 1;
              const d = new ExactDecimal(a.value.decimalPlaces() > MAX_DECIMALS ? a.value.toDecimalPlaces(MAX_DECIMALS) : a.value);
              slow.set(i * 16384 + c, d);
              k[j][i] = -1;
              if (d.decimalPlaces() > scale) scale = d.decimalPlaces();
              dec[j][i] = Math.min(a.decimals, 20);
            } else if (grid.error(r, c) !== undefined) st[j][i] = CellState.Error;
            else st[j][i] = grid.text(r, c) === '' ? CellState.Blank : CellState.Text;
            continue;
          }
        }
        st[j][i] = CellState.Number;
        this.rowHasNumber[i] = 1;
        raw[j][i] = v;
        let dp = v === 0 ? 0 : decimalsOfNumber(v);
        if (dp < 0) {
          let d = new ExactDecimal(v);
          if (d.decimalPlaces() > MAX_DECIMALS) d = d.toDecimalPlaces(MAX_DECIMALS);
          slow.set(i * 16384 + c, d);
          dp = d.decimalPlaces();
          k[j][i] = -1;
        } else k[j][i] = dp;
        if (dp > scale) scale = dp;
        // Shown decimals come from the number format, read only for the few cells a finding reports.
        dec[j][i] = FROM_FORMAT | dp;
      }
    }
    this.scale = scale;
    this.unit = new ExactDecimal(`1e-${scale}`);
    const shift = new ExactDecimal(`1e${scale}`);
    // Pass 2: every amount as an integer in units of 10^-scale; the raw array is reused for them.
    for (let j = 0; j < read.length; j++) {
      const c = read[j];
      const states = st[j];
      const units = raw[j];
      const places = k[j];
      for (let i = 0; i < n; i++) {
        if (states[i] !== CellState.Number || (units[i] === 0 && places[i] === 0)) {
          units[i] = 0;
          continue;
        }
        let exact: Decimal | undefined;
        if (places[i] < 0) {
          exact = slow.get(i * 16384 + c)!.times(shift);
        } else {
          const scaled = Math.round(units[i] * POW10[places[i]]) * POW10[scale - places[i]];
          if (Math.abs(scaled) < TWO_53) {
            units[i] = scaled;
            continue;
          }
          exact = new ExactDecimal(Math.round(units[i] * POW10[places[i]])).times(POW10[scale - places[i]]);
        }
        const asNumber = exact.toNumber();
        if (Math.abs(asNumber) < TWO_53 && exact.eq(asNumber)) units[i] = asNumber;
        else {
          units[i] = NaN;
          this.large.set(i * 16384 + c, exact);
        }
      }
      this.states[c] = states;
      this.decimals[c] = dec[j];
      this.units[c] = units;
    }
  }

  /** The scaled value of body row i as a number (an exact integer) or, beyond 2^53, a Decimal. */
  unitsAt(i: number, col: number, units: Float64Array): number | Decimal {
    const u = units[i];
    return u === u ? u : this.large.get(i * 16384 + col)!;
  }

  /** Whether any amount column holds a number in this row (a row sum has nothing to add otherwise). */
  hasNumber(row: number): boolean {
    return row >= this.top && row <= this.bottom && this.rowHasNumber[row - this.top] === 1;
  }

  /** Cell states of a column by body row (undefined when the column was not read). */
  statesOf(col: number): Uint8Array | undefined {
    return this.states[col];
  }

  /** Scaled values of a column by body row (see unitsAt); undefined when the column was not read. */
  unitsOf(col: number): Float64Array | undefined {
    return this.units[col];
  }

  has(col: number): boolean {
    return this.states[col] !== undefined;
  }

  state(row: number, col: number): CellState {
    const st = this.states[col];
    if (!st || row < this.top || row > this.bottom) return CellState.Blank;
    return st[row - this.top] as CellState;
  }

  /** The cell's value in units of 10^-scale (zero for blank, text and errors): for sums and comparisons. */
  value(row: number, col: number): Decimal {
    const u = this.units[col];
    if (!u || row < this.top || row > this.bottom) return EXACT_ZERO;
    const v = this.unitsAt(row - this.top, col, u);
    return typeof v === 'number' ? (v === 0 ? EXACT_ZERO : new ExactDecimal(v)) : v;
  }

  /** Whether the cell's value is zero (blank, text and errors included), without building a Decimal. */
  isZero(row: number, col: number): boolean {
    const u = this.units[col];
    return !u || row < this.top || row > this.bottom || u[row - this.top] === 0;
  }

  /** The amount a scaled value stands for (1234.56 for 123456 at scale 2): exact. */
  amount(scaled: Decimal): Decimal {
    return this.scale === 0 ? scaled : scaled.times(this.unit);
  }

  /** Decimals the cell is displayed with. */
  shownDecimals(row: number, col: number): number {
    const d = this.decimals[col];
    if (!d || row < this.top || row > this.bottom) return 0;
    const shown = d[row - this.top];
    if ((shown & FROM_FORMAT) === 0) return shown;
    return Math.min(decimalsOfFormat(this.grid.cell(row, col)?.numberFormat) ?? shown & ~FROM_FORMAT, 20);
  }
}

/** Outcome of one total vs its parts. */
export enum Check {
  /** Nothing to compare: total blank, or parts all blank, or an error cell is involved. */
  Skip = 0,
  Holds = 1,
  Fails = 2,
  /**
   * The total has a non-zero value and every part is blank: no evidence for or against a relation, but
   * a failure of one the rest of the table confirms (its blank parts are 0).
   */
  Unfilled = 3,
}

export interface CheckResult {
  check: Check;
  /**
   * Σ parts, exact, in the table's scaled units (TableNumbers.amount turns it into an amount). Only a
   * failing result carries its own sum: results that hold or are skipped are shared constants, because
   * a 20,000-row table has hundreds of thousands of them and nobody reports them.
   */
  sum: Decimal;
}

const NOTHING_TO_ADD: CheckResult = { check: Check.Skip, sum: EXACT_ZERO };
const HOLDS: CheckResult = { check: Check.Holds, sum: EXACT_ZERO };

/** Compares a total cell with the sum of part cells in the same row (parts: columns) — sum.row. */
export function checkAcross(nums: TableNumbers, row: number, total: number, parts: readonly number[]): CheckResult {
  if (!nums.hasNumber(row)) return NOTHING_TO_ADD;
  // Callers walk the rows of one relation: the last relation's results are kept at hand.
  let byRow = nums.lastAcross.parts === parts && nums.lastAcross.total === total ? nums.lastAcross.byRow : undefined;
  if (!byRow) {
    let byTotal = nums.checkedAcross.get(parts);
    if (!byTotal) {
      byTotal = new Map();
      nums.checkedAcross.set(parts, byTotal);
    }
    byRow = byTotal.get(total);
    if (!byRow) {
      byRow = new Array(nums.bottom - nums.top + 1);
      byTotal.set(total, byRow);
    }
    nums.lastAcross = { parts, total, byRow };
  }
  const i = row - nums.top;
  let result = byRow[i];
  if (!result) {
    result = compareAcross(nums, i, total, parts);
    byRow[i] = result;
  }
  return result;
}

/**
 * Remembered outcomes of one parts list down the columns: a parts list nearly always goes with one total
 * row (its relation's), so results sit in an array by column, with a map for any other total.
 */
interface DownResults {
  total: number;
  byCol: (CheckResult | undefined)[];
  others?: Map<number, CheckResult>;
}

/** Compares a total cell with the sum of part cells in the same column (parts: rows) — sum.column/hierarchy. */
export function checkDown(nums: TableNumbers, col: number, total: number, parts: readonly number[]): CheckResult {
  let memo = nums.checkedDown.get(parts);
  if (!memo) {
    memo = { total, byCol: [] };
    nums.checkedDown.set(parts, memo);
  }
  if (memo.total === total) {
    let result = memo.byCol[col];
    if (!result) {
      result = compareDown(nums, total, col, parts);
      memo.byCol[col] = result;
    }
    return result;
  }
  memo.others ??= new Map();
  const cell = total * 16384 + col;
  let result = memo.others.get(cell);
  if (!result) {
    result = compareDown(nums, total, col, parts);
    memo.others.set(cell, result);
  }
  return result;
}

/** Row index i (0 = the table's top body row); the row is inside the table. */
function compareAcross(nums: TableNumbers, i: number, total: number, parts: readonly number[]): CheckResult {
  const row = nums.top + i;
  const ts = nums.state(row, total);
  if (ts === CellState.Error) return NOTHING_TO_ADD;
  // Amounts are exact integers in the table's units; the sum is a Decimal from its first non-zero part.
  let sum: Decimal | undefined;
  let any = false;
  for (const c of parts) {
    const states = nums.statesOf(c);
    if (!states) continue;
    const s = states[i];
    if (s === CellState.Error) return NOTHING_TO_ADD;
    if (s !== CellState.Number) continue;
    any = true;
    const v = nums.unitsAt(i, c, nums.unitsOf(c)!);
    if (v !== 0) sum = sum === undefined ? new ExactDecimal(v) : sum.plus(v);
  }
  const t = nums.unitsOf(total);
  return verdict(ts, any, sum, t ? nums.unitsAt(i, total, t) : 0);
}

function compareDown(nums: TableNumbers, row: number, col: number, parts: readonly number[]): CheckResult {
  const states = nums.statesOf(col);
  const units = nums.unitsOf(col);
  if (!states || !units) return NOTHING_TO_ADD;
  const ts = nums.state(row, col);
  if (ts === CellState.Error) return NOTHING_TO_ADD;
  // Down one column: its arrays once, not a lookup per part.
  let sum: Decimal | undefined;
  let any = false;
  for (const r of parts) {
    const i = r - nums.top;
    if (i < 0 || r > nums.bottom) continue;
    const s = states[i];
    if (s === CellState.Error) return NOTHING_TO_ADD;
    if (s !== CellState.Number) continue;
    any = true;
    const v = nums.unitsAt(i, col, units);
    if (v !== 0) sum = sum === undefined ? new ExactDecimal(v) : sum.plus(v);
  }
  return verdict(ts, any, sum, row >= nums.top && row <= nums.bottom ? nums.unitsAt(row - nums.top, col, units) : 0);
}

const UNFILLED: CheckResult = { check: Check.Unfilled, sum: EXACT_ZERO };

function verdict(totalState: CellState, any: boolean, sum: Decimal | undefined, stated: number | Decimal): CheckResult {
  if (totalState !== CellState.Number) return NOTHING_TO_ADD;
  if (!any) return stated === 0 ? NOTHING_TO_ADD : UNFILLED;
  const s = sum ?? EXACT_ZERO;
  return s.eq(stated) ? HOLDS : { check: Check.Fails, sum: s };
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
