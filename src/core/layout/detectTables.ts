/**
 * detectTables — the layout engine. Finds every table on a sheet and describes it well enough for the
 * checks to know what must add up.
 *
 * Pipeline (each step in its own file):
 *  0. sheetScan.ts                 one pass over every cell, shared by what follows and by the code checks:
 *                                  rows that may hold indicator or code headers, text cells starting with a
 *                                  digit, and the sheet's plain numbers in a dense array.
 *  1. performance.ts / core/perf   绩效目标表 first (core/perf's detector, else a fallback that only
 *                                  marks them as kind 'performance'); their cells are masked out.
 *  2. profile.ts                   one profile per row and column band (entities, amounts, merges);
 *                                  bands are split by columns empty on the whole sheet (tables side by side).
 *  3. regions.ts                   a single top-down pass cuts each band into preamble (title, unit,
 *                                  编制部门) / header band / body, and drops notes (注：, 备注：).
 *  4. header.ts + columns.ts       the header as a tree of merged groups; column roles (label, code,
 *                                  ordinal, amount, rate/price/year flags); a 收支总表 split into sides.
 *  5. hierarchy.ts                 row roles (item, 合计/总计, 小计) and levels from codes, numbering,
 *                                  indentation and 其中, with 其中 groups bounded by the data.
 *  6. relations.ts                 sum relations guessed from 1–5 and confirmed against the numbers.
 *  7. classify.ts                  kind: summary, classification, allocation or generic.
 *  Title and unit come from the preamble rows and the header cells ("金额（万元）").
 * Everything is linear in the number of rows: rows are profiled once and numbers read once per table.
 */
import type { Grid } from '../grid';
import { detectPerformanceTables } from '../perf/detect';
import { analyseColumns, splitSides } from './columns';
import { classifyTable } from './classify';
import { buildRows } from './hierarchy';
import { rememberNumbers, TableNumbers } from './numbers';
import { detectPerformanceFallback } from './performance';
import { Mask } from './profile';
import { findRegions, Region } from './regions';
import { inferSideRelations } from './relations';
import { isMetaLine, isNoteLine, squash, statedUnit } from './text';
import type { DetectedTable, TableSide } from './types';

export function detectTables(grid: Grid): DetectedTable[] {
  if (grid.rowCount === 0 || grid.colCount === 0) return [];
  let perf: DetectedTable[] = [];
  try {
    perf = detectPerformanceTables(grid);
  } catch {
    perf = [];
  }
  perf = [...perf, ...detectPerformanceFallback(grid, perf.map((t) => t.range))];
  const mask = new Mask(perf.map((t) => t.range));
  const tables: DetectedTable[] = [...perf];
  for (const region of findRegions(grid, mask)) tables.push(buildTable(grid, region));
  return mergeSummaryHalves(tables).sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
}

function buildTable(grid: Grid, region: Region): DetectedTable {
  const { left, right, headerTop, headerBottom, bodyTop, bodyBottom } = region;
  const model = analyseColumns(grid, headerTop, headerBottom, bodyTop, bodyBottom, left, right);
  const amountAll = model.columns.filter((c) => c.role === 'amount').map((c) => c.col);
  const nums = new TableNumbers(grid, bodyTop, bodyBottom, amountAll);
  const spans = splitSides(grid, model, left, right, bodyTop, bodyBottom);
  const sides: TableSide[] = spans.map((span) => {
    const inSpan = (c: number) => c >= span.left && c <= span.right;
    const labelCol = model.columns.find((c) => inSpan(c.col) && c.role === 'text')?.col;
    if (labelCol !== undefined) model.byCol.get(labelCol)!.role = 'label';
    const codeCols = model.codeCols.filter((c) => inSpan(c.col) && c.col !== labelCol);
    const amountCols = amountAll.filter(inSpan);
    const pureCodeCols = codeCols.filter((c) => model.byCol.get(c.col)?.role === 'code');
    const rows = buildRows(grid, { left: span.left, right: span.right, labelCol, codeCols, pureCodeCols, amountCols, bodyTop, bodyBottom }, nums);
    const { columnSums, rowSums, setAside } = inferSideRelations(model, span.left, span.right, rows, amountCols, nums);
    const additive = amountCols.filter((c) => !model.byCol.get(c)!.nonAdditive);
    const totalRows = rows.filter((r) => r.role === 'total' || r.role === 'subtotal').map((r) => r.row);
    const side: TableSide = { left: span.left, right: span.right, labelCol, codeCols, amountCols, rows, totalRows, columnSums, rowSums };
    if (setAside.length > 0) side.setAside = setAside;
    if (span.side) side.side = span.side;
    const grand = [...rows].reverse().find((r) => r.role === 'total' && /总计/.test(r.label)) ?? [...rows].reverse().find((r) => r.role === 'total');
    const mainCol = columnSums[0]?.total ?? additive.find((c) => !model.byCol.get(c)!.nonAdditive);
    // The two sides balance at their 总计, which closes each side: 本年收入合计 and 本年支出合计 differ by the
    // 结转 lines, so a side whose last total is a 本年 one (or has lines under it) has no grand total.
    const closes = grand !== undefined && !/^本年/.test(squash(grand.label)) && !rows.some((r) => r.row > grand.row && r.role === 'item');
    if (grand && closes && mainCol !== undefined) side.grandTotal = { row: grand.row, col: mainCol };
    return side;
  });
  const first = sides[0];
  const { title, titleRow } = findTitle(grid, region);
  const unit = findUnit(grid, region);
  const hasHeader = headerBottom >= headerTop;
  const table: DetectedTable = {
    kind: classifyTable(sides, model),
    range: { top: hasHeader ? headerTop : bodyTop, left, bottom: Math.max(bodyBottom, hasHeader ? headerBottom : bodyTop), right },
    headerTop: hasHeader ? headerTop : bodyTop,
    headerBottom: hasHeader ? headerBottom : bodyTop - 1,
    totalRows: [...new Set(sides.flatMap((s) => s.totalRows))].sort((a, b) => a - b),
    labelCol: first.labelCol,
    codeCols: model.codeCols,
    columns: model.columns,
    rows: first.rows,
    bodyTop,
    sides,
  };
  rememberNumbers(grid, table, nums);
  if (title) table.title = title;
  if (titleRow !== undefined) table.titleRow = titleRow;
  if (unit) table.unit = unit;
  return table;
}

function rowTextsIn(grid: Grid, row: number, left: number, right: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c);
    if (t !== '') out.push({ col: c, text: t });
  }
  return out;
}

/** The nearest one-cell row above the table that is not a unit / 编制部门 / 表N line. */
function findTitle(grid: Grid, region: Region): { title?: string; titleRow?: number } {
  for (let k = region.preamble.length - 1; k >= 0; k--) {
    const row = region.preamble[k];
    const texts = rowTextsIn(grid, row, region.bandLeft, region.bandRight).filter((e) => !isMetaLine(e.text) && !isNoteLine(e.text));
    if (texts.length !== 1) continue;
    return { title: texts[0].text.replace(/\s+/g, ' ').trim(), titleRow: row };
  }
  return {};
}

function findUnit(grid: Grid, region: Region): DetectedTable['unit'] {
  for (const row of [...region.preamble].reverse()) {
    for (const e of rowTextsIn(grid, row, region.bandLeft, region.bandRight)) {
      const u = statedUnit(e.text);
      if (u) return u;
    }
  }
  for (let r = region.headerTop; r <= region.headerBottom; r++) {
    for (const e of rowTextsIn(grid, r, region.left, region.right)) {
      const u = statedUnit(e.text);
      if (u) return u;
    }
  }
  return undefined;
}

/**
 * A 收支总表 whose halves are separated by an empty column arrives as two tables on the same rows: one
 * whose header or labels name 收入 and one naming 支出. They are one table with two sides.
 */
function mergeSummaryHalves(tables: DetectedTable[]): DetectedTable[] {
  const out = [...tables];
  // Halves start on the same row: candidates are looked up by top row, so a sheet of thousands of small
  // tables is not compared pair by pair.
  const byTop = new Map<number, DetectedTable[]>();
  for (const t of tables) {
    const list = byTop.get(t.range.top);
    if (list) list.push(t);
    else byTop.set(t.range.top, [t]);
  }
  const merged = new Set<DetectedTable>();
  for (let i = 0; i < out.length; i++) {
    const a = out[i];
    if (merged.has(a) || a.kind === 'performance' || !a.sides || a.sides.length !== 1) continue;
    const b = byTop.get(a.range.top)!.find(
      (t) =>
        t !== a &&
        !merged.has(t) &&
        t.kind !== 'performance' &&
        t.sides?.length === 1 &&
        t.range.left > a.range.right &&
        t.range.top === a.range.top &&
        Math.abs(t.range.bottom - a.range.bottom) <= 2,
    );
    if (!b) continue;
    const words = (t: DetectedTable) => t.columns.flatMap((c) => c.headerPath).join('/') + t.rows.filter((r) => r.role === 'total').map((r) => r.label).join('/');
    if (!/收入/.test(words(a)) || !/支出/.test(words(b))) continue;
    const both: DetectedTable = {
      ...a,
      kind: 'summary',
      range: { top: a.range.top, left: a.range.left, bottom: Math.max(a.range.bottom, b.range.bottom), right: b.range.right },
      totalRows: [...new Set([...a.totalRows, ...b.totalRows])].sort((x, y) => x - y),
      codeCols: [...a.codeCols, ...b.codeCols],
      columns: [...a.columns, ...b.columns],
      sides: [
        { ...a.sides[0], side: 'income' },
        { ...b.sides![0], side: 'expense' },
      ],
    };
    out[i] = both;
    merged.add(a);
    merged.add(b);
  }
  return out.filter((t) => !merged.has(t));
}
