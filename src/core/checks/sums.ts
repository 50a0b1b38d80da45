/**
 * sum.row / sum.column / sum.hierarchy / sum.balance over the relations the layout engine holds.
 * Every failing relation yields one finding on its total cell (one finding per cell at most); a total
 * whose parts are all blank fails a relation the rest of the table confirms. A difference that only
 * rounding can explain is a hint (提示); a finding that only follows from another one (a 合计 off
 * because a 类 row is off) names its cause in `derivedFrom`.
 */
import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import { toA1 } from '../grid/address';
import { Check, checkDown, EXACT_ZERO, TableNumbers, tableNumbers } from '../layout/numbers';
import type { DetectedTable } from '../layout/types';
import type { CheckSettings, Finding } from '../types';
import { describeMismatch, Mismatch } from './messages';
import { tableRelations } from './relations';

export function checkSums(grid: Grid, tables: DetectedTable[], settings: CheckSettings): Finding[] {
  const tolerance = parseTolerance(settings.tolerance);
  const findings: Finding[] = [];
  const flagged = new Set<string>();
  tables.forEach((table, index) => {
    if (table.kind === 'performance' || !table.sides || table.sides.length === 0) return;
    const nums = numbersOf(grid, table);
    const own: Finding[] = [];
    const diffs = new Map<string, Decimal>();
    const push = (m: Mismatch) => {
      const cell = toA1(m.total.row, m.total.col);
      if (flagged.has(cell)) return;
      const f = toFinding(grid, index, m, nums, tolerance);
      if (!f) return;
      flagged.add(cell);
      own.push(f);
      diffs.set(cell, new Decimal(f.actual!).minus(f.expected!));
    };
    for (const m of tableRelations(grid, table, nums).mismatches) push(m);
    const balance = balanceMismatch(table, nums);
    if (balance && !flagged.has(toA1(balance.total.row, balance.total.col)) && !flagged.has(toA1(balance.parts[0].row, balance.parts[0].col))) {
      push(balance);
    }
    markConsequences(own, diffs);
    findings.push(...own);
  });
  return findings;
}

export function numbersOf(grid: Grid, table: DetectedTable): TableNumbers {
  const bodyTop = table.bodyTop ?? table.headerBottom + 1;
  const amountCols = [...new Set((table.sides ?? []).flatMap((s) => s.amountCols))];
  return tableNumbers(grid, table, bodyTop, table.range.bottom, amountCols);
}

function parseTolerance(raw: string | undefined): Decimal {
  try {
    const d = new Decimal(raw ?? '0');
    return d.isFinite() && d.gte(0) ? d : new Decimal(0);
  } catch {
    return new Decimal(0);
  }
}

/**
 * A total whose difference is exactly made up by the differences of its failing parts is off only
 * because they are: 合计 = Σ 类 rows is off by −0.01 because one 类 row is off by +0.01 from its 款. The
 * 合计 agrees with the sums below, so the error is in the 类 row: the 合计 names it in `derivedFrom`.
 */
function markConsequences(findings: Finding[], diffs: Map<string, Decimal>): void {
  const byCell = new Map(findings.map((f) => [f.cell, f]));
  for (const f of findings) {
    if (!f.parts || f.rule === 'sum.balance') continue;
    const causes = f.parts.filter((p) => byCell.has(p) && byCell.get(p)!.rule !== 'sum.balance');
    if (causes.length === 0) continue;
    let explained = diffs.get(f.cell)!;
    for (const p of causes) explained = explained.plus(diffs.get(p)!);
    if (!explained.isZero()) continue;
    causes.sort((a, b) => diffs.get(b)!.abs().cmp(diffs.get(a)!.abs()));
    f.derivedFrom = causes[0];
  }
  // A cause is never itself a consequence of what it explains.
  for (const f of findings) {
    const cause = f.derivedFrom ? byCell.get(f.derivedFrom) : undefined;
    if (cause && cause.derivedFrom === f.cell) delete f.derivedFrom;
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

/**
 * Rounding can explain a difference of at most half a unit of the last shown place for each number in
 * the relation (the total and each part that holds one), at the finest place the relation shows: 0.01
 * on 744.80 = 744.81 of two parts shown with two decimals can be rounding; 0.2 on a total of 6 whose
 * parts are shown with one decimal (2.5 + 3.7) cannot. A cell shown as "6" in General format was not
 * rounded to a whole number: the finest place of the relation is what its numbers were rounded to.
 */
function roundingBound(nums: TableNumbers, m: Mismatch): Decimal {
  let places = nums.shownDecimals(m.total.row, m.total.col);
  let numbers = 1;
  for (const p of m.parts) {
    if (nums.isZero(p.row, p.col)) continue;
    numbers++;
    places = Math.max(places, nums.shownDecimals(p.row, p.col));
  }
  return new Decimal(10).pow(-places).div(2).times(numbers);
}

function toFinding(grid: Grid, index: number, m: Mismatch, nums: TableNumbers, tolerance: Decimal): Finding | undefined {
  const stated = nums.amount(nums.value(m.total.row, m.total.col));
  const expected = nums.amount(m.sum);
  // From the exact zero: a difference of 1e-9 on a 1e12 total keeps its digits.
  const diff = EXACT_ZERO.plus(stated).minus(expected);
  if (diff.isZero() || (tolerance.gt(0) && diff.abs().lte(tolerance))) return undefined;
  let partsShown = 0;
  for (const p of m.parts) partsShown = Math.max(partsShown, nums.shownDecimals(p.row, p.col));
  // A whole unit (1 元, 1 万元) or more is never called rounding, however many parts were rounded.
  const rounding = diff.abs().lt(1) && diff.abs().lte(roundingBound(nums, m));
  const text = describeMismatch(m, stated, expected, diff, { stated: nums.shownDecimals(m.total.row, m.total.col), parts: partsShown }, rounding);
  const finding: Finding = {
    rule: m.rule,
    severity: rounding ? 'hint' : 'error',
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
