/**
 * sum.row / sum.column / sum.hierarchy / sum.balance over the relations the layout engine confirmed.
 * Every failing relation yields one finding on its total cell (one finding per cell at most).
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import { toA1 } from '../grid/address';
import { Check, checkAcross, checkDown, EXACT_ZERO, TableNumbers, tableNumbers } from '../layout/numbers';
import type { DetectedTable, TableSide } from '../layout/types';
import type { CheckSettings, Finding } from '../types';
import { describeMismatch, Mismatch } from './messages';

export function checkSums(grid: Grid, tables: DetectedTable[], settings: CheckSettings): Finding[] {
  const tolerance = parseTolerance(settings.tolerance);
  const findings: Finding[] = [];
  const flagged = new Set<string>();
  const push = (f: Finding) => {
    if (flagged.has(f.cell)) return;
    flagged.add(f.cell);
    findings.push(f);
  };
  tables.forEach((table, index) => {
    if (table.kind === 'performance' || !table.sides || table.sides.length === 0) return;
    const bodyTop = table.bodyTop ?? table.headerBottom + 1;
    const amountCols = [...new Set(table.sides.flatMap((s) => s.amountCols))];
    const nums = tableNumbers(grid, table, bodyTop, table.range.bottom, amountCols);
    for (const side of table.sides) {
      for (const m of sideMismatches(table, side, nums)) {
        const f = toFinding(grid, index, m, nums, tolerance);
        if (f) push(f);
      }
    }
    const balance = balanceMismatch(table, nums);
    if (balance && !flagged.has(toA1(balance.total.row, balance.total.col)) && !flagged.has(toA1(balance.parts[0].row, balance.parts[0].col))) {
      const f = toFinding(grid, index, balance, nums, tolerance);
      if (f) push(f);
    }
  });
  return findings;
}

function parseTolerance(raw: string | undefined): Decimal {
  try {
    const d = new Decimal(raw ?? '0');
    return d.isFinite() && d.gte(0) ? d : new Decimal(0);
  } catch {
    return new Decimal(0);
  }
}

function additiveCols(table: DetectedTable, side: TableSide): number[] {
  return side.amountCols.filter((c) => !table.columns.find((k) => k.col === c)?.nonAdditive);
}

function* sideMismatches(table: DetectedTable, side: TableSide, nums: TableNumbers): Generator<Mismatch> {
  const cols = additiveCols(table, side);
  // Labels by row are looked up for failures only: most tables have none.
  let labels: Map<number, string> | undefined;
  const labelOf = (row: number) => (labels ??= new Map(side.rows.map((r) => [r.row, r.label]))).get(row);
  // Down a column first: a 合计 cell that is wrong both ways is reported once, as the column total.
  for (const rel of side.rowSums) {
    for (const c of cols) {
      const res = checkDown(nums, c, rel.total, rel.parts);
      if (res.check !== Check.Fails) continue;
      yield {
        rule: rel.rule,
        basis: rel.basis,
        total: { row: rel.total, col: c },
        parts: rel.parts.map((row) => ({ row, col: c })),
        sum: res.sum,
        rowLabel: labelOf(rel.total) ?? '',
        colLabel: headerLeaf(table, c),
      };
    }
  }
  for (const cs of side.columnSums) {
    for (const r of side.rows) {
      if (r.role === 'blank') continue;
      const res = checkAcross(nums, r.row, cs.total, cs.parts);
      if (res.check !== Check.Fails) continue;
      yield {
        rule: 'sum.row',
        basis: 'columns',
        total: { row: r.row, col: cs.total },
        parts: cs.parts.map((col) => ({ row: r.row, col })),
        sum: res.sum,
        rowLabel: r.label,
        colLabel: headerLeaf(table, cs.total),
      };
    }
  }
}

function balanceMismatch(table: DetectedTable, nums: TableNumbers): Mismatch | undefined {
  if (table.kind !== 'summary' || !table.sides || table.sides.length !== 2) return undefined;
  const income = table.sides.find((s) => s.side === 'income')?.grandTotal;
  const expense = table.sides.find((s) => s.side === 'expense')?.grandTotal;
  if (!income || !expense) return undefined;
  const res = checkDown(nums, income.col, income.row, [income.row]);
  if (res.check === Check.Skip) return undefined;
  const a = nums.value(income.row, income.col);
  const b = nums.value(expense.row, expense.col);
  if (a.eq(b) || checkDown(nums, expense.col, expense.row, [expense.row]).check === Check.Skip) return undefined;
  const labels = table.sides.map((s) => new Map(s.rows.map((r) => [r.row, r.label])));
  return {
    rule: 'sum.balance',
    basis: 'balance',
    total: expense,
    parts: [income],
    sum: a,
    rowLabel: labels[1].get(expense.row) ?? '支出总计',
    colLabel: labels[0].get(income.row) ?? '收入总计',
  };
}

function headerLeaf(table: DetectedTable, col: number): string {
  const path = table.columns.find((c) => c.col === col)?.headerPath ?? [];
  return path[path.length - 1] ?? '';
}

function toFinding(grid: Grid, index: number, m: Mismatch, nums: TableNumbers, tolerance: Decimal): Finding | undefined {
  const stated = nums.amount(nums.value(m.total.row, m.total.col));
  const expected = nums.amount(m.sum);
  // From the exact zero: a difference of 1e-9 on a 1e12 total keeps its digits.
  const diff = EXACT_ZERO.plus(stated).minus(expected);
  if (diff.isZero() || (tolerance.gt(0) && diff.abs().lte(tolerance))) return undefined;
  let shown = nums.shownDecimals(m.total.row, m.total.col);
  for (const p of m.parts) shown = Math.max(shown, nums.shownDecimals(p.row, p.col));
  const step = new Decimal(10).pow(-shown);
  const rounding = shown > 0 && diff.abs().lte(step.times(Math.max(1, m.parts.length)));
  const text = describeMismatch(m, stated, expected, diff, shown, rounding);
  const finding: Finding = {
    rule: m.rule,
    severity: 'error',
    sheet: grid.name,
    cell: toA1(m.total.row, m.total.col),
    table: index,
    expected: expected.toString(),
    actual: stated.toString(),
    parts: m.parts.map((p) => toA1(p.row, p.col)),
    message: text.zh,
    messageEn: text.en,
  };
  if (rounding) finding.rounding = true;
  return finding;
}
