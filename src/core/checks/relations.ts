/**
 * The relations of a table as data: each one the layout engine holds, checked cell by cell (how many
 * agree, how many disagree), and each one it set aside with the reason. The sum checks report the
 * disagreeing cells; the report shows the counts ("本表核对了 212 个合计，3 处不符"), `--explain` the list.
 */
import type { Grid } from '../grid';
import { columnLetters } from '../grid/address';
import { Check, checkAcross, checkDown, EXACT_ZERO, TableNumbers } from '../layout/numbers';
import type { ColumnSum, DetectedTable, RowSum, SetAside, TableSide } from '../layout/types';
import type { RelationSummary } from '../types';
import type { Mismatch } from './messages';

export interface TableRelations {
  relations: RelationSummary[];
  /** Failing cells, down the columns first (a 合计 cell wrong both ways is reported as the column total). */
  mismatches: Mismatch[];
}

const CONTESTED_COLUMNS = '本表合计列多处不符，请核对口径';
const CONTESTED_ROWS = '本表科目层级多处不符，请核对口径';
const CONTESTED_TOTAL_ROW = '本表合计行多处不符，请核对口径';

const SOURCE: Record<RowSum['basis'], string> = {
  code: '科目编码',
  qizhong: '其中',
  numbering: '编号',
  indent: '缩进',
  subtotal: '小计行',
  rows: '合计行',
};

const memo = new WeakMap<DetectedTable, { nums: TableNumbers; result: TableRelations }>();

/** Every relation of the table, checked against its numbers (once per table and numbers). */
export function tableRelations(grid: Grid, table: DetectedTable, nums: TableNumbers): TableRelations {
  const hit = memo.get(table);
  if (hit && hit.nums === nums) return hit.result;
  const result: TableRelations = { relations: [], mismatches: [] };
  for (const side of table.sides ?? []) collectSide(table, side, nums, result);
  memo.set(table, { nums, result });
  return result;
}

function additiveCols(table: DetectedTable, side: TableSide): number[] {
  const na = new Set(table.columns.filter((k) => k.nonAdditive).map((k) => k.col));
  return side.amountCols.filter((c) => !na.has(c));
}

function headerLeaf(table: DetectedTable, col: number): string {
  const path = table.columns.find((c) => c.col === col)?.headerPath ?? [];
  return path[path.length - 1] ?? '';
}

function collectSide(table: DetectedTable, side: TableSide, nums: TableNumbers, out: TableRelations): void {
  const cols = additiveCols(table, side);
  // Labels by row are looked up for failures only: most tables have none.
  let labels: Map<number, string> | undefined;
  const labelOf = (row: number) => (labels ??= new Map(side.rows.map((r) => [r.row, r.label]))).get(row) ?? '';
  for (const rel of side.rowSums) {
    let agree = 0;
    const failing: { col: number; sum: typeof EXACT_ZERO }[] = [];
    const unfilled: number[] = [];
    for (const c of cols) {
      const res = checkDown(nums, c, rel.total, rel.parts);
      if (res.check === Check.Holds) agree++;
      else if (res.check === Check.Fails) failing.push({ col: c, sum: res.sum });
      else if (res.check === Check.Unfilled) unfilled.push(c);
    }
    // Blank parts are 0 once the relation holds in another column and its part rows are filled elsewhere.
    if (unfilled.length > 0 && agree > 0 && rel.parts.some((r) => nums.hasNumber(r))) {
      for (const c of unfilled) failing.push({ col: c, sum: EXACT_ZERO });
      failing.sort((a, b) => a.col - b.col);
    }
    // A 合计 row that most of its columns break is still reported, with a word on how it is defined.
    const totalRowContested = rel.rule === 'sum.column' && rel.basis === 'rows' && failing.length >= 2 && failing.length > agree;
    const note = rel.contested ? CONTESTED_ROWS : totalRowContested ? CONTESTED_TOTAL_ROW : undefined;
    for (const f of failing) {
      const m: Mismatch = {
        rule: rel.rule,
        basis: rel.basis,
        total: { row: rel.total, col: f.col },
        parts: rel.parts.map((row) => ({ row, col: f.col })),
        sum: f.sum,
        rowLabel: labelOf(rel.total),
        colLabel: headerLeaf(table, f.col),
      };
      if (note) m.note = note;
      out.mismatches.push(m);
    }
    out.relations.push(downSummary(rel, agree, failing.length, note));
  }
  for (const cs of side.columnSums) {
    let agree = 0;
    const failing: { row: number; sum: typeof EXACT_ZERO }[] = [];
    const unfilled: number[] = [];
    for (const r of side.rows) {
      if (r.role === 'blank') continue;
      const res = checkAcross(nums, r.row, cs.total, cs.parts);
      if (res.check === Check.Holds) agree++;
      else if (res.check === Check.Fails) failing.push({ row: r.row, sum: res.sum });
      else if (res.check === Check.Unfilled) unfilled.push(r.row);
    }
    if (unfilled.length > 0 && agree > 0) {
      for (const row of unfilled) failing.push({ row, sum: EXACT_ZERO });
      failing.sort((a, b) => a.row - b.row);
    }
    for (const f of failing) {
      const m: Mismatch = {
        rule: 'sum.row',
        basis: 'columns',
        total: { row: f.row, col: cs.total },
        parts: cs.parts.map((col) => ({ row: f.row, col })),
        sum: f.sum,
        rowLabel: labelOf(f.row),
        colLabel: headerLeaf(table, cs.total),
      };
      if (cs.contested) m.note = CONTESTED_COLUMNS;
      out.mismatches.push(m);
    }
    out.relations.push(acrossSummary(cs, agree, failing.length));
  }
  for (const a of side.setAside ?? []) out.relations.push(asideSummary(a));
}

function downSummary(rel: RowSum, agree: number, disagree: number, note: string | undefined): RelationSummary {
  const s: RelationSummary = {
    kind: rel.basis === 'subtotal' ? 'group' : rel.rule === 'sum.hierarchy' ? 'hierarchy' : 'column',
    total: String(rel.total + 1),
    parts: rel.parts.map((r) => String(r + 1)),
    source: SOURCE[rel.basis],
    agree,
    disagree,
    status: 'checked',
  };
  if (note) s.reason = note;
  return s;
}

function acrossSummary(cs: ColumnSum, agree: number, disagree: number): RelationSummary {
  const s: RelationSummary = {
    kind: 'row',
    total: columnLetters(cs.total),
    parts: cs.parts.map(columnLetters),
    source: cs.source === 'header' ? '表头' : '数据',
    agree,
    disagree,
    status: 'checked',
  };
  if (cs.contested) s.reason = CONTESTED_COLUMNS;
  return s;
}

function asideSummary(a: SetAside): RelationSummary {
  const acrossRow = a.kind === 'row' || (a.kind === 'column' && a.parts.length === 0);
  const name = (n: number) => (acrossRow ? columnLetters(n) : String(n + 1));
  return {
    kind: a.kind,
    total: name(a.total),
    parts: a.parts.map(name),
    agree: a.agree,
    disagree: a.disagree,
    status: 'set-aside',
    reason: a.reason,
  };
}
