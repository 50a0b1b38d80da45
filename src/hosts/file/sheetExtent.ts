import { CellData, CellRange, Grid, toA1 } from '../../core/grid';
import type { PlacedCell, SheetXmlRead } from './sheetXml';
import { listCells } from './sheetXml';

/**
 * A run of empty rows (columns) this long between contents is collapsed to a few: the sheet is checked at the
 * cost of its contents, not of its nominal extent (a stray value at XFD1048576 does not make a 17-billion-cell
 * grid). Shorter gaps are kept as they are, so tables stay apart exactly as on the sheet.
 */
export const ROW_GAP = 1000;
export const COL_GAP = 200;
const KEPT_ROWS = 20;
const KEPT_COLS = 10;
/**
 * How far past the last value a merge whose top-left cell holds a value still reaches. A title merged over
 * A1:G1 or an indicator heading merged down its last, still empty, rows is part of the table's shape; a merge
 * over the whole sheet is not, and stops here.
 */
const MERGE_REACH_ROWS = 50;
const MERGE_REACH_COLS = 20;
/** Cells examined while setting aside overlapping merges; beyond this the remaining merges are set aside. */
const MERGE_BUDGET = 4_000_000;

/** Sheet rows (or columns) kept as one stretch, and where the stretch starts in the grid. */
interface Segment {
  start: number;
  end: number;
  at: number;
}

/** Sheet ↔ grid positions along one axis. Identity when no gap was collapsed. */
export class AxisMap {
  constructor(readonly segments: readonly Segment[]) {}

  get collapsed(): boolean {
    return this.segments.length > 1 || (this.segments.length === 1 && this.segments[0].at !== this.segments[0].start);
  }

  /** Grid position of a sheet position inside a kept stretch; -1 in a collapsed gap. */
  toGrid(p: number): number {
    const s = this.find(p);
    return s && p <= s.end ? s.at + p - s.start : -1;
  }

  /** Grid position of the first kept sheet position ≥ p (a merge's top or left inside a gap). */
  ceilToGrid(p: number): number {
    const s = this.find(p);
    if (s && p <= s.end) return s.at + p - s.start;
    const next = this.segments[this.segments.indexOf(s as Segment) + 1] ?? (s ? undefined : this.segments[0]);
    return next ? next.at : Number.MAX_SAFE_INTEGER;
  }

  /** Grid position of the last kept sheet position ≤ p. */
  floorToGrid(p: number): number {
    const s = this.find(p);
    if (!s) return -1;
    return p <= s.end ? s.at + p - s.start : s.at + s.end - s.start;
  }

  /** Sheet position of a grid position (blank rows kept from a gap map just after the stretch before it). */
  toSheet(g: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let best: Segment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].at <= g) {
        best = this.segments[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best ? best.start + g - best.at : g;
  }

  /** The last segment starting at or before p. */
  private find(p: number): Segment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    let best: Segment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].start <= p) {
        best = this.segments[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }
}

/** Stretches of used positions; a gap of `gap` or more empty positions (also before the first) is collapsed to `kept`. */
function axisMap(used: number[], gap: number, kept: number): AxisMap {
  const sorted = [...new Set(used)].sort((a, b) => a - b);
  if (sorted.length === 0) return new AxisMap([{ start: 0, end: 0, at: 0 }]);
  const segments: Segment[] = [];
  let start = sorted[0] >= gap ? sorted[0] : 0;
  let at = start === 0 ? 0 : kept;
  let end = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i];
    if (p - end - 1 >= gap) {
      segments.push({ start, end, at });
      at += end - start + 1 + kept;
      start = p;
    }
    end = p;
  }
  segments.push({ start, end, at });
  return new AxisMap(segments);
}

export interface SheetGrid {
  grid: Grid;
  rows: AxisMap;
  cols: AxisMap;
  /** Information for the officer (stray content, merges set aside): Chinese. */
  notices: string[];
}

/**
 * The grid of a sheet read from its XML: cells placed (the last of duplicates wins), merges clipped to the
 * extent of the values and set aside when they overlap, long empty gaps collapsed.
 */
export function buildSheetGrid(name: string, read: SheetXmlRead): SheetGrid {
  const notices: string[] = [];
  const byPos = new Map<number, PlacedCell>();
  for (const c of read.cells) byPos.set(c.row * 16384 + c.col, c);
  const cells = [...byPos.values()];
  const reach = mergeReach(read.merges, byPos, cells);
  const rows = axisMap([...cells.map((c) => c.row), ...reach.rows], ROW_GAP, KEPT_ROWS);
  const cols = axisMap([...cells.map((c) => c.col), ...reach.cols], COL_GAP, KEPT_COLS);
  notices.push(...strayNotices(cells, rows, cols));

  // Cells go straight into the grid's rows (no map of every cell): merges are judged on it, then their
  // covered cells are emptied.
  const grid: (CellData | undefined)[][] = [];
  for (const c of cells) (grid[rows.toGrid(c.row)] ??= [])[cols.toGrid(c.col)] = c.data;
  const { merges, overlapping, hiding } = placeMerges(read.merges, reach.limit, grid, rows, cols);
  if (overlapping.length > 0) notices.push(`合并区域 ${listCells(overlapping)} 与其他合并区域重叠，已按未合并处理`);
  if (hiding.length > 0) notices.push(`合并区域 ${listCells(hiding)} 盖住了其他有内容的单元格，已按未合并处理`);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && row[c] !== undefined) row[c] = undefined;
    }
  }
  let width = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    while (row.length > 0 && row[row.length - 1] === undefined) row.length--;
    if (row.length > width) width = row.length;
  }
  const hiddenRows = read.hiddenRows.map((r) => rows.toGrid(r)).filter((r) => r >= 0 && r < grid.length);
  const hiddenCols: number[] = [];
  for (const h of read.hiddenCols) {
    const right = Math.min(h.right, cols.toSheet(width - 1));
    for (let c = h.left; c <= right; c++) {
      const g = cols.toGrid(c);
      if (g >= 0) hiddenCols.push(g);
    }
  }
  return { grid: new Grid({ name, cells: grid, merges, hiddenRows, hiddenCols }), rows, cols, notices };
}

/** "Z1048576 有孤立内容，已忽略其与表格之间的空白", for the first cell after each collapsed gap. */
function strayNotices(cells: PlacedCell[], rows: AxisMap, cols: AxisMap): string[] {
  const firsts: string[] = [];
  const after = (segments: readonly Segment[], key: 'row' | 'col'): void => {
    for (const s of segments.slice(1)) {
      let best: PlacedCell | undefined;
      for (const c of cells) {
        if (c[key] !== s.start) continue;
        const other = key === 'row' ? 'col' : 'row';
        if (!best || c[other] < best[other]) best = c;
      }
      if (best) firsts.push(toA1(best.row, best.col));
    }
  };
  after(rows.segments, 'row');
  after(cols.segments, 'col');
  const unique = [...new Set(firsts)];
  return unique.length > 0 ? [`${listCells(unique)} 有孤立内容，已忽略其与表格之间的空白`] : [];
}

/** The last row and column of the values. */
function valueExtent(cells: PlacedCell[]): { maxRow: number; maxCol: number } {
  let maxRow = -1;
  let maxCol = -1;
  for (const c of cells) {
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  return { maxRow, maxCol };
}

/**
 * Where merges end past the values: a merge whose top-left cell holds a value keeps its empty rest up to
 * MERGE_REACH past the last value, so the grid includes it; every other merge is clipped to the values.
 */
function mergeReach(
  sheetMerges: readonly CellRange[],
  byPos: Map<number, PlacedCell>,
  cells: PlacedCell[],
): { rows: number[]; cols: number[]; limit: { maxRow: number; maxCol: number } } {
  const { maxRow, maxCol } = valueExtent(cells);
  const limit = { maxRow, maxCol };
  const rows: number[] = [];
  const cols: number[] = [];
  for (const m of sheetMerges) {
    if (m.top > maxRow || m.left > maxCol || (m.bottom <= maxRow && m.right <= maxCol)) continue;
    const master = byPos.get(m.top * 16384 + m.left);
    if (!master || textKey(master.data) === '') continue;
    const bottom = Math.min(m.bottom, maxRow + MERGE_REACH_ROWS);
    const right = Math.min(m.right, maxCol + MERGE_REACH_COLS);
    if (bottom > limit.maxRow) limit.maxRow = bottom;
    if (right > limit.maxCol) limit.maxCol = right;
    rows.push(bottom);
    cols.push(right);
  }
  return { rows, cols, limit };
}

/**
 * Merges in grid positions: clipped to the values' extent (with the reach of merges over a value), single cells dropped. A merge that overlaps one
 * already placed, or that would hide other values (not copies of its own), is set aside and named.
 */
function placeMerges(
  sheetMerges: readonly CellRange[],
  limit: { maxRow: number; maxCol: number },
  grid: readonly (readonly (CellData | undefined)[] | undefined)[],
  rows: AxisMap,
  cols: AxisMap,
): { merges: CellRange[]; overlapping: string[]; hiding: string[] } {
  const { maxRow, maxCol } = limit;
  const merges: CellRange[] = [];
  const overlapping: string[] = [];
  const hiding: string[] = [];
  const taken = new Set<number>();
  let budget = MERGE_BUDGET;
  for (const m of sheetMerges) {
    if (m.top > maxRow || m.left > maxCol) continue;
    const g: CellRange = {
      top: rows.ceilToGrid(m.top),
      left: cols.ceilToGrid(m.left),
      bottom: rows.floorToGrid(Math.min(m.bottom, maxRow)),
      right: cols.floorToGrid(Math.min(m.right, maxCol)),
    };
    if (g.top > g.bottom || g.left > g.right || (g.top === g.bottom && g.left === g.right)) continue;
    const area = (g.bottom - g.top + 1) * (g.right - g.left + 1);
    const name = `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`;
    if (area > budget) {
      overlapping.push(name);
      continue;
    }
    budget -= area;
    const verdict = inspectMerge(g, taken, grid);
    if (verdict === 'overlaps') overlapping.push(name);
    else if (verdict === 'hides') hiding.push(name);
    else {
      for (let r = g.top; r <= g.bottom; r++) for (let c = g.left; c <= g.right; c++) taken.add(r * 16384 + c);
      merges.push(g);
    }
  }
  return { merges, overlapping, hiding };
}

/** Whether a merge overlaps one already placed, or covers a value other than a copy of its top-left one. */
function inspectMerge(m: CellRange, taken: Set<number>, grid: readonly (readonly (CellData | undefined)[] | undefined)[]): 'ok' | 'overlaps' | 'hides' {
  const master = grid[m.top]?.[m.left];
  const masterText = master ? textKey(master) : '';
  let hides = false;
  for (let r = m.top; r <= m.bottom; r++) {
    for (let c = m.left; c <= m.right; c++) {
      const key = r * 16384 + c;
      if (taken.has(key)) return 'overlaps';
      if (hides || (r === m.top && c === m.left)) continue;
      const d = grid[r]?.[c];
      if (d && textKey(d) !== '' && textKey(d) !== masterText) hides = true;
    }
  }
  return hides ? 'hides' : 'ok';
}

function textKey(d: CellData): string {
  return d.error ?? (d.value === null || d.value === undefined ? '' : String(d.value).trim());
}
