/**
 * Exact numbers of a table, read once: every amount cell as a BigInt scaled to the table's finest
 * decimals, so that confirming relations over many rows and columns is integer addition (exact, fast).
 * Decimal is used to read cells and to write results; values are rounded to 9 decimals first so that
 * binary noise from formulas (0.30000000000000004) does not count as a difference.
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import { decimalsOfFormat } from '../money/parse';

interface Digits {
  negative: boolean;
  int: string;
  /** Fraction digits without trailing zeros, at most 9. */
  frac: string;
}

function digitsOfDecimal(d: Decimal): Digits {
  const s = d.abs().toFixed();
  const [int, frac = ''] = s.split('.');
  return { negative: d.isNegative() && !d.isZero(), int, frac: frac.replace(/0+$/, '') };
}

/** A JS number as the shortest decimal that reads back as it, rounded to 9 decimals (formula noise). */
function digitsOfNumber(v: number): Digits {
  const s = String(v);
  if (/e/i.test(s)) return digitsOfDecimal(new Decimal(s).toDecimalPlaces(MAX_DECIMALS));
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  if (dot < 0) return { negative: negative && v !== 0, int: body, frac: '' };
  const frac = body.slice(dot + 1);
  if (frac.length > MAX_DECIMALS) return digitsOfDecimal(new Decimal(s).toDecimalPlaces(MAX_DECIMALS));
  return { negative, int: body.slice(0, dot), frac: frac.replace(/0+$/, '') };
}

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
    // Each amount as sign, integer digits and fraction digits (≤ 9); plain numbers skip Decimal.
    const raw = new Map<number, (Digits | null)[]>();
    let scale = 0;
    const formatDecimals = new Map<string, number | undefined>();
    for (const c of cols) {
      const st = new Uint8Array(n);
      const dec = new Uint8Array(n);
      const vals: (Digits | null)[] = new Array(n).fill(null);
      for (let i = 0; i < n; i++) {
        const r = top + i;
        const cell = grid.cell(r, c);
        if (!cell) continue;
        let digits: Digits | null = null;
        let shown = 0;
        if (cell.error) {
          st[i] = CellState.Error;
          continue;
        }
        if (typeof cell.value === 'number' && Number.isFinite(cell.value)) {
          digits = digitsOfNumber(cell.value);
          const fmt = cell.numberFormat ?? '';
          if (!formatDecimals.has(fmt)) formatDecimals.set(fmt, decimalsOfFormat(fmt || undefined));
          shown = formatDecimals.get(fmt) ?? digits.frac.length;
        } else if (grid.error(r, c) !== undefined) {
          st[i] = CellState.Error;
          continue;
        } else {
          const a = grid.amount(r, c);
          if (a) {
            digits = digitsOfDecimal(a.value.toDecimalPlaces(MAX_DECIMALS));
            shown = a.decimals;
          }
        }
        if (digits) {
          st[i] = CellState.Number;
          dec[i] = Math.min(shown, 20);
          vals[i] = digits;
          if (digits.frac.length > scale) scale = digits.frac.length;
        } else {
          st[i] = grid.text(r, c) === '' ? CellState.Blank : CellState.Text;
        }
      }
      this.states.set(c, st);
      this.decimals.set(c, dec);
      raw.set(c, vals);
    }
    this.scale = scale;
    for (const [c, vals] of raw) {
      this.values.set(
        c,
        vals.map((v) => (v ? BigInt(`${v.negative ? '-' : ''}${v.int}${v.frac.padEnd(scale, '0')}`) : 0n)),
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
