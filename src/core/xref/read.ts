/**
 * Reading what the cross-table rules need from one table, straight from the grid: the table's region
 * (its detected range, stretched down to the next titled table so a split-off 总计 row stays in it),
 * its column headers, and its rows as "segments" — an optional code, a label, the amounts to its right.
 * A row of a two-sided 收支总表 or of side-by-side halves gives one segment per side.
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';
import { codeInName, codeText, isGrandTotalLabel, squash } from '../layout/text';
import type { AmountUnit } from '../money/units';
import { unitIn } from '../money/units';

export interface Cell {
  sheet: string;
  row: number;
  col: number;
  /** A1 address on its sheet. */
  a1: string;
}

export interface Amount {
  col: number;
  value: Decimal;
  decimals: number;
}

export interface Segment {
  row: number;
  /** Column of the label (or of the first amount when the row has no label). */
  col: number;
  label: string;
  /** Full classification code ("210", "21015", "2101501", "30217") when the row carries one. */
  code?: string;
  amounts: Amount[];
}

export interface Region {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Last header row (a row above `top` when the table has no header band). */
  headerBottom: number;
}

const HEADER_CODE = /编码|代码|^类$|^款$|^项$/;

/** One table of a book, read for the cross-table rules. */
export class TableView {
  private readonly headers = new Map<number, string>();
  private segs?: Segment[];
  private codeCols?: Set<number>;
  private readonly lastClass = new Map<number, string>();
  /** The full code last read in each code column (a 款 or 项 printed alone takes its parents from the left). */
  private readonly lastCode = new Map<number, string>();

  constructor(
    readonly grid: Grid,
    readonly table: DetectedTable,
    readonly region: Region,
    readonly unit: AmountUnit | undefined,
  ) {}

  get sheet(): string {
    return this.grid.name;
  }

  cell(row: number, col: number): Cell {
    return { sheet: this.grid.name, row, col, a1: this.grid.address(row, col) };
  }

  /** The texts of a column's header rows, top down, joined by "/" (merged headers read once). */
  header(col: number): string {
    let h = this.headers.get(col);
    if (h !== undefined) return h;
    const parts: string[] = [];
    for (let r = this.region.top; r <= this.region.headerBottom; r++) {
      const m = this.grid.mergeAt(r, col);
      const t = squash(m ? this.grid.text(m.top, m.left) : this.grid.text(r, col));
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    h = parts.join('/');
    this.headers.set(col, h);
    return h;
  }

  /** 行次/栏次/序号 columns: numbers that are not money, never read as amounts. */
  private isOrdinalColumn(col: number): boolean {
    return /(^|\/)(行次|栏次|序号|编号)$/.test(this.header(col));
  }

  private isCodeColumn(col: number): boolean {
    if (!this.codeCols) {
      this.codeCols = new Set<number>();
      for (const c of this.table.codeCols) if (c.role !== 'function') this.codeCols.add(c.col);
      for (let c = this.region.left; c <= this.region.right; c++) {
        const leaf = this.header(c).split('/').pop() ?? '';
        if (HEADER_CODE.test(leaf) || /编码$/.test(this.header(c))) this.codeCols.add(c);
      }
    }
    return this.codeCols.has(col);
  }

  /** Every labelled (or amount-only) run of cells in the body rows, top to bottom, left to right. */
  segments(): Segment[] {
    if (this.segs) return this.segs;
    const out: Segment[] = [];
    for (let r = this.region.headerBottom + 1; r <= this.region.bottom; r++) {
      if (this.grid.isHiddenRow(r)) continue;
      out.push(...this.rowSegments(r));
    }
    this.segs = out;
    return out;
  }

  private rowSegments(r: number): Segment[] {
    const out: Segment[] = [];
    let codeParts: string[] = [];
    let partCols: number[] = [];
    let cur: Segment | undefined;
    for (let c = this.region.left; c <= this.region.right; c++) {
      const t = this.grid.text(r, c);
      if (!t || this.isOrdinalColumn(c)) continue;
      if (this.isCodeColumn(c)) {
        const code = codeText(t) ?? (/^\d$/.test(t.trim()) ? t.trim() : undefined);
        if (code !== undefined) {
          if (cur && cur.amounts.length > 0) cur = undefined;
          codeParts.push(code);
          partCols.push(c);
          continue;
        }
      }
      const amt = this.grid.amount(r, c);
      if (amt && !this.grid.error(r, c)) {
        if (!cur) {
          cur = { row: r, col: c, label: '', amounts: [] };
          out.push(cur);
        }
        cur.amounts.push({ col: c, value: amt.value, decimals: amt.decimals });
        continue;
      }
      if (this.grid.error(r, c)) continue;
      cur = { row: r, col: c, label: squash(t), amounts: [] };
      const code = this.fullCode(codeParts, partCols) ?? codeInName(t)?.code;
      if (code) cur.code = code;
      codeParts = [];
      partCols = [];
      out.push(cur);
    }
    return out;
  }

  /**
   * The code of split 类|款|项 cells. A 类 printed wrong ("7" for 210) under a 类 row is read as that
   * 类, so the row still pairs with the same 科目 in other tables (the code check reports the misprint).
   */
  private fullCode(parts: string[], cols: number[]): string | undefined {
    if (parts.length === 0) return undefined;
    const col = cols[0];
    if (parts[0].length === 3) this.lastClass.set(col, parts[0]);
    else if (parts.length > 1 && this.lastClass.has(col)) parts = [this.lastClass.get(col) as string, ...parts.slice(1)];
    else {
      // 款 or 项 printed without the codes above it (类 only on the 类 row): its parent is the code last read
      // in the 类/款 column just left of it.
      const parent = col > this.region.left && this.isCodeColumn(col - 1) ? this.lastCode.get(col - 1) : undefined;
      if (parent) parts = [parent, ...parts];
    }
    const code = composeCode(parts);
    if (code) for (let i = 0; i < cols.length; i++) this.lastCode.set(cols[i], composeCode(parts.slice(0, parts.length - cols.length + i + 1)) as string);
    return code;
  }

  /** Most decimals any amount of the table shows: how precisely the table is printed. */
  decimals(): number {
    let d = 0;
    for (const s of this.segments()) for (const a of s.amounts) d = Math.max(d, a.decimals);
    return d;
  }

  /** Segments that carry a code, first occurrence of each code. */
  byCode(): Map<string, Segment> {
    const m = new Map<string, Segment>();
    for (const s of this.segments()) if (s.code && !m.has(s.code)) m.set(s.code, s);
    return m;
  }

  /** Amount columns in order, with their headers. */
  amountColumns(): { col: number; header: string }[] {
    const cols = new Set<number>();
    for (const s of this.segments()) for (const a of s.amounts) cols.add(a.col);
    return [...cols].sort((a, b) => a - b).map((col) => ({ col, header: this.header(col) }));
  }

  /** Columns that may hold amounts: all but code and label columns (an empty table's columns too). */
  valueColumns(from = this.region.left): { col: number; header: string }[] {
    const labels = new Set(this.segments().filter((s) => s.label !== '').map((s) => s.col));
    const out: { col: number; header: string }[] = [];
    for (let c = from; c <= this.region.right; c++) {
      if (!labels.has(c) && !this.isCodeColumn(c) && !this.isOrdinalColumn(c) && this.header(c) !== '') out.push({ col: c, header: this.header(c) });
    }
    return out;
  }

  /** The first amount column whose header passes a test, trying the tests in order. */
  column(...tests: ((header: string) => boolean)[]): number | undefined {
    const cols = this.valueColumns();
    for (const t of tests) {
      const hit = cols.find((c) => t(c.header));
      if (hit) return hit.col;
    }
    return undefined;
  }

  /**
   * The 合计/总计 segments of the table (a label that is a grand total), in order. A table without one may
   * label its total 小计: taken when the layout read that row as a total row and it is the table's first or
   * last row (a 小计 inside the table totals a group, not the table).
   */
  totalSegments(): Segment[] {
    const grand = this.segments().filter((s) => s.label !== '' && isGrandTotalLabel(s.label));
    if (grand.length > 0) return grand;
    const { range, totalRows } = this.table;
    const edge = (row: number) => totalRows.includes(row) && (row === range.bottom || row === (this.table.bodyTop ?? this.region.headerBottom + 1));
    return this.segments().filter((s) => edge(s.row) && /^小计$/.test(s.label));
  }

  /**
   * The first text in the region (title area included) that contains `mark` and, squashed, matches `pattern`:
   * notes such as 空表说明. Only cells holding the mark are squashed and tested, so a 20,000-row table costs one
   * pass of string look-ups.
   */
  findText(mark: string, pattern: RegExp): { row: number; col: number; text: string } | undefined {
    const top = this.table.titleRow ?? this.region.top;
    for (let r = Math.min(top, this.region.top); r <= this.region.bottom; r++) {
      for (let c = this.region.left; c <= this.region.right; c++) {
        const t = this.grid.text(r, c);
        if (!t || !t.includes(mark)) continue;
        const text = squash(t);
        if (pattern.test(text)) return { row: r, col: c, text };
      }
    }
    return undefined;
  }
}

/** "210" + "15" + "1" → "2101501"; a lone 1–2 digit 类 is kept as printed (a wrong code stays wrong). */
function composeCode(parts: string[]): string | undefined {
  if (parts.length === 0) return undefined;
  const [first, ...rest] = parts;
  return first + rest.map((p) => (p.length === 1 ? '0' + p : p)).join('');
}

/** The unit of a table: detected, or stated on a line of its title area. */
export function unitOfTable(grid: Grid, t: DetectedTable): AmountUnit | undefined {
  if (t.unit) return t.unit;
  const top = Math.max(0, (t.titleRow ?? t.range.top) - 1);
  for (let r = top; r <= t.range.top; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const u = unitIn(grid.text(r, c));
      if (u && /单位|[（(]/.test(grid.text(r, c))) return u;
    }
  }
  return undefined;
}
