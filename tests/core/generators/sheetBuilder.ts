/**
 * Building blocks for generated budget sheets: a seeded random source, a cell/merge writer, and the
 * ground truth (tables, sum relations) that a generated sheet carries so tests can score the engine.
 */
import { CellData, Grid } from '../../../src/core/grid';
import type { CellRange } from '../../../src/core/grid/address';
import { toA1 } from '../../../src/core/grid/address';
import type { TableKind } from '../../../src/core/types';

/** mulberry32: small, fast, reproducible. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

/** Amounts are kept as integer hundredths (fen of 万元) so generated sums are exact. */
export type Cents = number;

export interface Relation {
  total: [number, number];
  parts: [number, number][];
}

export interface TruthTable {
  range: CellRange;
  kind: TableKind;
}

export class SheetBuilder {
  readonly cells: (CellData | undefined)[][] = [];
  readonly merges: CellRange[] = [];
  readonly tables: TruthTable[] = [];
  readonly relations: Relation[] = [];
  /** Cells holding amounts that take part in a relation: where errors may be planted. */
  readonly plantable = new Map<string, [number, number]>();
  /** Amount values by cell key, in cents (undefined = blank). */
  readonly amounts = new Map<string, Cents>();
  /** How an amount cell is written (number with a format, or text). */
  readonly style = new Map<string, { text: boolean; decimals: number }>();

  set(row: number, col: number, cell: CellData | undefined): void {
    while (this.cells.length <= row) this.cells.push([]);
    this.cells[row][col] = cell;
  }
  text(row: number, col: number, text: string): void {
    this.set(row, col, { value: text });
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
  /** Writes an amount (cents) as a number with format "0.00"/"0", or as text like "1,234.50". */
  amount(row: number, col: number, cents: Cents | undefined, opts: { text?: boolean; decimals?: number } = {}): void {
    const key = `${row},${col}`;
    const decimals = opts.decimals ?? 2;
    this.style.set(key, { text: !!opts.text, decimals });
    if (cents === undefined) {
      this.amounts.delete(key);
      this.set(row, col, undefined);
      return;
    }
    this.amounts.set(key, cents);
    this.writeAmount(row, col, cents);
  }
  private writeAmount(row: number, col: number, cents: Cents): void {
    const st = this.style.get(`${row},${col}`) ?? { text: false, decimals: 2 };
    const v = cents / 100;
    if (st.text) {
      const neg = cents < 0;
      const abs = Math.abs(cents);
      const int = Math.floor(abs / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      const frac = (abs % 100).toString().padStart(2, '0');
      const s = st.decimals > 0 ? `${int}.${frac}` : int;
      this.set(row, col, { value: neg ? `-${s}` : s });
    } else {
      this.set(row, col, { value: Number(v.toFixed(2)), numberFormat: st.decimals > 0 ? '0.00' : '0' });
    }
  }
  /** Cells holding an error value (#REF!): relations through them are not checked. */
  readonly errors = new Set<string>();
  errorCell(row: number, col: number): void {
    const key = `${row},${col}`;
    this.amounts.delete(key);
    this.plantable.delete(key);
    this.errors.add(key);
    this.set(row, col, { value: null, error: '#REF!' });
  }
  relate(total: [number, number], parts: [number, number][]): void {
    if (parts.length === 0) return;
    this.relations.push({ total, parts });
    for (const c of [total, ...parts]) if (this.amounts.has(`${c[0]},${c[1]}`)) this.plantable.set(`${c[0]},${c[1]}`, c);
  }
  /** Changes one amount cell: the planted error. */
  plant(cell: [number, number], delta: Cents): void {
    const key = `${cell[0]},${cell[1]}`;
    // Whole-yuan/万元 cells typed as text cannot hold cents: plant whole units there.
    const st = this.style.get(key);
    if (st && st.decimals === 0) delta = Math.sign(delta) * Math.max(100, Math.round(Math.abs(delta) / 100) * 100);
    const v = (this.amounts.get(key) ?? 0) + delta;
    this.amounts.set(key, v);
    this.writeAmount(cell[0], cell[1], v);
  }

  /** Total cells whose stated value differs from the sum of their parts (blank totals / all-blank parts skip). */
  mismatches(): Set<string> {
    const out = new Set<string>();
    for (const rel of this.relations) {
      if ([rel.total, ...rel.parts].some((c) => this.errors.has(`${c[0]},${c[1]}`))) continue;
      const t = this.amounts.get(`${rel.total[0]},${rel.total[1]}`);
      if (t === undefined) continue;
      let any = false;
      let sum = 0;
      for (const p of rel.parts) {
        const v = this.amounts.get(`${p[0]},${p[1]}`);
        if (v === undefined) continue;
        any = true;
        sum += v;
      }
      if (any && sum !== t) out.add(toA1(rel.total[0], rel.total[1]));
    }
    return out;
  }

  grid(name: string): Grid {
    return new Grid({ name, cells: this.cells, merges: this.merges });
  }
}

export function sumCents(xs: (Cents | undefined)[]): Cents | undefined {
  let any = false;
  let s = 0;
  for (const x of xs) {
    if (x === undefined) continue;
    any = true;
    s += x;
  }
  return any ? s : undefined;
}
