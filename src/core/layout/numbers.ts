/**
 * Exact numbers of a table, read once: every amount cell as a BigInt scaled to the table's finest
 * decimals, so that confirming relations over many rows and columns is integer addition (exact, fast).
 * Decimal is used to read cells and to write results; values are rounded to 9 decimals first so that
 * binary noise from formulas (0.30000000000000004) does not count as a difference.
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';

export enum CellState {
  Blank = 0,
  Number = 1,
  Error = 2,
  Text = 3,
}

const MAX_DECIMALS = 9;

export class TableNumbers {
  readonly top: number;
  readonly bottom: number;
  /** 10^scale is the factor between a cell's value and its BigInt. */
  readonly scale: number;
  private readonly states = new Map<number, Uint8Array>();
  private readonly values = new Map<number, bigint[]>();
  private readonly decimals = new Map<number, Uint8Array>();

  constructor(
    private readonly grid: Grid,
    top: number,
    bottom: number,
    cols: number[],
  ) {
    this.top = top;
    this.bottom = bottom;
    const n = Math.max(0, bottom - top + 1);
    const raw = new Map<number, (Decimal | null)[]>();
    let scale = 0;
    for (const c of cols) {
      const st = new Uint8Array(n);
      const dec = new Uint8Array(n);
      const vals: (Decimal | null)[] = new Array(n).fill(null);
      for (let i = 0; i < n; i++) {
        const r = top + i;
        if (grid.error(r, c) !== undefined) {
          st[i] = CellState.Error;
          continue;
        }
        const a = grid.amount(r, c);
        if (a) {
          const v = a.value.toDecimalPlaces(MAX_DECIMALS);
          st[i] = CellState.Number;
          dec[i] = Math.min(a.decimals, 20);
          vals[i] = v;
          const dp = v.decimalPlaces();
          if (dp > scale) scale = dp;
        } else {
          st[i] = grid.text(r, c) === '' ? CellState.Blank : CellState.Text;
        }
      }
      this.states.set(c, st);
      this.decimals.set(c, dec);
      raw.set(c, vals);
    }
    this.scale = scale;
    const factor = new Decimal(10).pow(scale);
    for (const [c, vals] of raw) {
      this.values.set(
        c,
        vals.map((v) => (v ? BigInt(v.times(factor).toFixed(0)) : 0n)),
      );
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

  /** The scaled value (0 for blank, text and errors). */
  big(row: number, col: number): bigint {
    const v = this.values.get(col);
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
  const ts = nums.state(row, total);
  if (ts === CellState.Error) return { check: Check.Skip, sum: 0n };
  let sum = 0n;
  let any = false;
  for (const c of parts) {
    const s = nums.state(row, c);
    if (s === CellState.Error) return { check: Check.Skip, sum: 0n };
    if (s === CellState.Number) {
      any = true;
      sum += nums.big(row, c);
    }
  }
  if (ts !== CellState.Number || !any) return { check: Check.Skip, sum };
  return { check: sum === nums.big(row, total) ? Check.Holds : Check.Fails, sum };
}

/** Compares a total cell with the sum of part cells in the same column (parts: rows) — sum.column/hierarchy. */
export function checkDown(nums: TableNumbers, col: number, total: number, parts: number[]): { check: Check; sum: bigint } {
  const ts = nums.state(total, col);
  if (ts === CellState.Error) return { check: Check.Skip, sum: 0n };
  let sum = 0n;
  let any = false;
  for (const r of parts) {
    const s = nums.state(r, col);
    if (s === CellState.Error) return { check: Check.Skip, sum: 0n };
    if (s === CellState.Number) {
      any = true;
      sum += nums.big(r, col);
    }
  }
  if (ts !== CellState.Number || !any) return { check: Check.Skip, sum };
  return { check: sum === nums.big(total, col) ? Check.Holds : Check.Fails, sum };
}
