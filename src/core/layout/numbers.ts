/**
 * Exact numbers of a table, read once: every amount cell as an integer scaled to the table's finest
 * decimals, so that confirming relations over many rows and columns is integer addition — exact and
 * fast. When every scaled amount (and any sum of a whole column of them) stays below 2^53 the integers
 * are kept as JS numbers, whose addition is exact in that range; otherwise as BigInt. Values are rounded
 * to 9 decimals first so that binary noise from formulas (0.30000000000000004) is not a difference.
 * Decimal reads text amounts and writes results; nothing here adds floating-point fractions.
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
const SAFE = Number.MAX_SAFE_INTEGER;

/** Decimals of the shortest decimal that reads back as this number (10 = more than 9: formula noise). */
function decimalsOfNumber(v: number): number {
  let p = 1;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    if (Math.round(v * p) / p === v) return k;
    p *= 10;
  }
  return MAX_DECIMALS + 1;
}

export class TableNumbers {
  readonly top: number;
  readonly bottom: number;
  /** 10^scale is the factor between a cell's value and its integer. */
  readonly scale: number;
  /** True when the integers are JS numbers (exact below 2^53), false when they are BigInt. */
  readonly small: boolean;
  private readonly states = new Map<number, Uint8Array>();
  private readonly decimals = new Map<number, Uint8Array>();
  private readonly smallValues = new Map<number, Float64Array>();
  private readonly bigValues = new Map<number, bigint[]>();

  constructor(
    private readonly grid: Grid,
    top: number,
    bottom: number,
    cols: number[],
  ) {
    this.top = top;
    this.bottom = bottom;
    const n = Math.max(0, bottom - top + 1);
    const plain = new Map<number, Float64Array>();
    const parsed = new Map<number, Map<number, Decimal>>();
    const formatDecimals = new Map<string, number | undefined>();
    let scale = 0;
    let maxAbs = 0;
    for (const c of cols) {
      const st = new Uint8Array(n);
      const dec = new Uint8Array(n);
      const vals = new Float64Array(n);
      const texts = new Map<number, Decimal>();
      for (let i = 0; i < n; i++) {
        const r = top + i;
        const cell = grid.cell(r, c);
        if (!cell) continue;
        if (cell.error) {
          st[i] = CellState.Error;
          continue;
        }
        if (typeof cell.value === 'number' && Number.isFinite(cell.value)) {
          let v = cell.value;
          let k = decimalsOfNumber(v);
          if (k > MAX_DECIMALS) {
            v = new Decimal(String(v)).toDecimalPlaces(MAX_DECIMALS).toNumber();
            k = decimalsOfNumber(v);
          }
          const fmt = cell.numberFormat ?? '';
          if (!formatDecimals.has(fmt)) formatDecimals.set(fmt, decimalsOfFormat(fmt || undefined));
          st[i] = CellState.Number;
          dec[i] = Math.min(formatDecimals.get(fmt) ?? k, 20);
          vals[i] = v;
          if (k > scale) scale = k;
          if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
          continue;
        }
        if (grid.error(r, c) !== undefined) {
          st[i] = CellState.Error;
          continue;
        }
        const a = grid.amount(r, c);
        if (a) {
          const v = a.value.toDecimalPlaces(MAX_DECIMALS);
          st[i] = CellState.Number;
          dec[i] = Math.min(a.decimals, 20);
          texts.set(i, v);
          scale = Math.max(scale, v.decimalPlaces());
          maxAbs = Math.max(maxAbs, v.abs().toNumber());
        } else {
          st[i] = grid.text(r, c) === '' ? CellState.Blank : CellState.Text;
        }
      }
      this.states.set(c, st);
      this.decimals.set(c, dec);
      plain.set(c, vals);
      parsed.set(c, texts);
    }
    this.scale = scale;
    const factor = Math.pow(10, scale);
    this.small = maxAbs * factor * Math.max(1, n) * 2 < SAFE;
    const bigFactor = new Decimal(10).pow(scale);
    for (const c of cols) {
      const st = this.states.get(c)!;
      const vals = plain.get(c)!;
      const texts = parsed.get(c)!;
      if (this.small) {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          if (st[i] !== CellState.Number) continue;
          const t = texts.get(i);
          out[i] = t ? t.times(bigFactor).toNumber() : Math.round(vals[i] * factor);
        }
        this.smallValues.set(c, out);
      } else {
        const out: bigint[] = new Array(n).fill(0n);
        for (let i = 0; i < n; i++) {
          if (st[i] !== CellState.Number) continue;
          const d = texts.get(i) ?? new Decimal(String(vals[i])).toDecimalPlaces(MAX_DECIMALS);
          out[i] = BigInt(d.times(bigFactor).toFixed(0));
        }
        this.bigValues.set(c, out);
      }
    }
  }

  has(col: number): boolean {
    return this.states.has(col);
  }

  state(row: number, col: number): CellState {
    const st = this.states.get(col);
    if (!st || row < this.top || row > this.bottom) return CellState.Blank;
    return st[row - this.top] as CellState;
  }

  /** The scaled value as a JS number; only when `small`. */
  scaled(row: number, col: number): number {
    const v = this.smallValues.get(col);
    if (!v || row < this.top || row > this.bottom) return 0;
    return v[row - this.top];
  }

  /** The scaled value as BigInt (0 for blank, text and errors). */
  big(row: number, col: number): bigint {
    if (this.small) return BigInt(this.scaled(row, col));
    const v = this.bigValues.get(col);
    if (!v || row < this.top || row > this.bottom) return 0n;
    return v[row - this.top];
  }

  /** Decimals the cell is displayed with. */
  shownDecimals(row: number, col: number): number {
    const d = this.decimals.get(col);
    if (!d || row < this.top || row > this.bottom) return 0;
    return d[row - this.top];
  }

  toDecimal(v: bigint): Decimal {
    return new Decimal(v.toString()).div(new Decimal(10).pow(this.scale));
  }

  /** Value of one cell as Decimal (as stated). */
  decimal(row: number, col: number): Decimal {
    return this.toDecimal(this.big(row, col));
  }
}

/** Outcome of one total vs its parts. */
export enum Check {
  /** Nothing to compare: total blank, or parts all blank, or an error cell is involved. */
  Skip = 0,
  Holds = 1,
  Fails = 2,
}

/** Compares a total cell with the sum of part cells in the same row (parts: columns) — sum.row. */
export function checkAcross(nums: TableNumbers, row: number, total: number, parts: number[]): { check: Check; sum: bigint } {
  return compare(nums, row, total, parts, true);
}

/** Compares a total cell with the sum of part cells in the same column (parts: rows) — sum.column/hierarchy. */
export function checkDown(nums: TableNumbers, col: number, total: number, parts: number[]): { check: Check; sum: bigint } {
  return compare(nums, total, col, parts, false);
}

function compare(nums: TableNumbers, row: number, col: number, parts: number[], across: boolean): { check: Check; sum: bigint } {
  const ts = nums.state(row, col);
  if (ts === CellState.Error) return { check: Check.Skip, sum: 0n };
  let any = false;
  if (nums.small) {
    let sum = 0;
    for (const p of parts) {
      const r = across ? row : p;
      const c = across ? p : col;
      const s = nums.state(r, c);
      if (s === CellState.Error) return { check: Check.Skip, sum: 0n };
      if (s === CellState.Number) {
        any = true;
        sum += nums.scaled(r, c);
      }
    }
    if (ts !== CellState.Number || !any) return { check: Check.Skip, sum: BigInt(sum) };
    return { check: sum === nums.scaled(row, col) ? Check.Holds : Check.Fails, sum: BigInt(sum) };
  }
  let sum = 0n;
  for (const p of parts) {
    const r = across ? row : p;
    const c = across ? p : col;
    const s = nums.state(r, c);
    if (s === CellState.Error) return { check: Check.Skip, sum: 0n };
    if (s === CellState.Number) {
      any = true;
      sum += nums.big(r, c);
    }
  }
  if (ts !== CellState.Number || !any) return { check: Check.Skip, sum };
  return { check: sum === nums.big(row, col) ? Check.Holds : Check.Fails, sum };
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
