/**
 * The values the rules compare, read from a role table: totals by column, amounts by 科目 code, the lines
 * of a 收支总表 by label, the 三公 items. Each comes as a Side: where it is, what it is, its value.
 */
import Decimal from 'decimal.js';
import { squash } from '../layout/text';
import type { AmountUnit } from '../money/units';
import type { Cell, Segment } from './read';
import type { RoleTable } from './book';

export interface Side {
  table: RoleTable;
  cell: Cell;
  value: Decimal;
  decimals: number;
  /** What the value is, in words: "一般公共预算 210 卫生健康支出", "合计". */
  what: string;
  /** The other cells a summed side is made of (cell is the first). */
  more?: Cell[];
  /** The unit of `value` when it is not its table's: a sum over tables printed in different units. */
  unit?: AmountUnit;
}

export const unitOf = (s: Side): AmountUnit | undefined => s.unit ?? s.table.view.unit;

const leafOf = (h: string) => h.split('/').pop() ?? '';
const ZERO = new Decimal(0);

/** Header tests, tried in order, for the columns the rules name. */
export const COLUMN = {
  total: [(h: string) => /^(合计|总计)$/.test(leafOf(h)), (h: string) => /本年(支出|收入)(合计|\/小计|\/合计)?$/.test(h), (h: string) => /合计|总计/.test(h) && !/财政拨款|结转|结余/.test(h)],
  /** What a 科目 table spent: its 合计, or 本年支出 (合计/小计) in the 决算 form that prints 结转 and 本年收入 beside it. */
  spent: [(h: string) => /^(合计|总计)$/.test(leafOf(h)) && !/收入|结转|结余/.test(h), (h: string) => /本年支出(合计|\/小计|\/合计)?$/.test(h), (h: string) => /合计|总计/.test(h) && !/财政拨款|结转|结余|收入/.test(h)],
  basic: [(h: string) => /基本支出/.test(leafOf(h)), (h: string) => /基本支出/.test(h)],
  project: [(h: string) => /项目支出/.test(leafOf(h)), (h: string) => /项目支出/.test(h)],
  fiscal: [(h: string) => /财政拨款/.test(h) && !/结转|结余/.test(h) && /小计|合计/.test(h), (h: string) => /财政拨款/.test(leafOf(h)) && !/结转|结余/.test(h)],
  general: [(h: string) => /一般公共预算/.test(leafOf(h)) && !/上级|转移支付/.test(h), (h: string) => /一般公共预算/.test(h) && !/上级|转移支付/.test(h)],
  fund: [(h: string) => /政府性基金/.test(leafOf(h)) && !/上级|转移支付/.test(h)],
  stateCapital: [(h: string) => /国有资本经营/.test(leafOf(h)) && !/上级|转移支付/.test(h)],
};

/** The column a rule names; the 合计 (and 本年支出) column falls back to the first amount column. */
export function columnOf(t: RoleTable, name: keyof typeof COLUMN): number | undefined {
  const col = t.view.column(...COLUMN[name]);
  if (col !== undefined || (name !== 'total' && name !== 'spent')) return col;
  return t.view.amountColumns()[0]?.col;
}

function sideAt(t: RoleTable, seg: Segment, col: number, what: string): Side {
  const a = seg.amounts.find((x) => x.col === col);
  const decimals = a?.decimals ?? seg.amounts[0]?.decimals ?? 2;
  return { table: t, cell: t.view.cell(seg.row, col), value: a?.value ?? ZERO, decimals, what };
}

/**
 * The table's 合计 in a column: the grand-total row's cell (blank = 0). Halves side by side with their own
 * 合计 (人员经费合计 | 公用经费合计) are added when no one cell totals the table.
 */
export function totalOf(t: RoleTable, col: number | undefined, what = '合计'): Side | undefined {
  const totals = t.view.totalSegments();
  if (totals.length === 0) return undefined;
  const plain = totals.filter((s) => /^(合计|总计|总合计)$/.test(s.label));
  if (col !== undefined) {
    const hit = totals.find((s) => s.amounts.some((a) => a.col === col)) ?? plain[0] ?? totals[0];
    return sideAt(t, hit, col, what);
  }
  if (plain.length > 0) {
    const s = plain[0];
    const first = s.amounts[0];
    return first ? sideAt(t, s, first.col, what) : { table: t, cell: t.view.cell(s.row, s.col), value: ZERO, decimals: 2, what };
  }
  const row = totals[0].row;
  const halves = totals.filter((s) => s.row === row && s.amounts.length > 0);
  if (halves.length === 0) return { table: t, cell: t.view.cell(totals[0].row, totals[0].col), value: ZERO, decimals: 2, what };
  const cells = halves.map((s) => t.view.cell(s.row, s.amounts[0].col));
  return {
    table: t,
    cell: cells[0],
    more: cells.slice(1),
    value: halves.reduce((sum, s) => sum.plus(s.amounts[0].value), new Decimal(0)),
    decimals: Math.max(...halves.map((s) => s.amounts[0].decimals)),
    what: halves.map((s) => s.label).join('+'),
  };
}

/** The amount of every coded row in a column (the first amount of the row when col is undefined). */
export function byCode(t: RoleTable, col: number | undefined, codeTest: (code: string) => boolean = () => true): Map<string, Side> {
  const out = new Map<string, Side>();
  for (const [code, seg] of t.view.byCode()) {
    if (!codeTest(code)) continue;
    const c = col !== undefined && seg.amounts.some((a) => a.col === col) ? col : col ?? seg.amounts[0]?.col;
    const name = seg.label;
    if (c === undefined) {
      out.set(code, { table: t, cell: t.view.cell(seg.row, seg.col), value: ZERO, decimals: 2, what: `${code} ${name}` });
      continue;
    }
    out.set(code, sideAt(t, seg, c, `${code} ${name}`));
  }
  return out;
}

/** Numbering and 其中 stripped: "一、公共安全支出" → "公共安全支出", "1. 一般公共预算拨款" → "一般公共预算拨款". */
export function plainLabel(label: string): string {
  return squash(label)
    .replace(/^其中[:：]?/, '')
    .replace(/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[①-⑳])/, '')
    .replace(/[（(]([^)）]*)[)）]/g, '($1)');
}

/** The two sides of a 收支总表: labelled segments by side (income = the first label column or one under 收入). */
export function summaryLines(t: RoleTable): { income: Segment[]; expense: Segment[] } {
  const segs = t.view.segments().filter((s) => s.label !== '');
  const cols = [...new Set(segs.map((s) => s.col))].sort((a, b) => a - b);
  const incomeCols = new Set<number>();
  for (const c of cols) {
    const h = t.view.header(c);
    if (/收入/.test(h) && !/支出/.test(h)) incomeCols.add(c);
  }
  if (incomeCols.size === 0 && cols.length > 0) incomeCols.add(cols[0]);
  const income = segs.filter((s) => incomeCols.has(s.col));
  const expense = segs.filter((s) => !incomeCols.has(s.col));
  return { income, expense };
}

/** The first line whose plain label passes the test. */
export function lineOf(lines: Segment[], test: RegExp): Segment | undefined {
  return lines.find((s) => test.test(plainLabel(s.label)));
}

/** A line's amount in a column (or its first amount). */
export function lineSide(t: RoleTable, seg: Segment, col: number | undefined, what: string): Side {
  const c = col ?? seg.amounts[0]?.col;
  if (c === undefined) return { table: t, cell: t.view.cell(seg.row, seg.col), value: ZERO, decimals: 2, what };
  return sideAt(t, seg, c, what);
}
