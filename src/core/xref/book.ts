/**
 * A 预算/决算 book as the cross-table rules see it: each table that has a role, read through a TableView
 * over its region of the sheet.
 */
import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';
import { isGrandTotalLabel } from '../layout/text';
import { BookFamily, XrefRole, familyOfTitle, roleOfTitle } from './roles';
import { Region, TableView, unitOfTable } from './read';

export interface BookSheet {
  grid: Grid;
  detected: DetectedTable[];
}

export interface RoleTable {
  role: XrefRole;
  view: TableView;
  /** Index of the table in its sheet's detected tables. */
  index: number;
  title: string;
}

export interface Book {
  tables: Map<XrefRole, RoleTable>;
  family: BookFamily;
  /** Every role table found (also second tables of a role, which the rules do not use). */
  all: RoleTable[];
}

/** The first non-empty text on the rows above a table: the title line when detection left it out. */
function lineAbove(grid: Grid, t: DetectedTable): string | undefined {
  for (let r = t.range.top - 1; r >= Math.max(0, t.range.top - 3); r--) {
    for (let c = 0; c < grid.colCount; c++) {
      const s = grid.text(r, c);
      if (s) return s;
    }
  }
  return undefined;
}

function titleCandidates(grid: Grid, t: DetectedTable, ownSheet: boolean): string[] {
  const out: string[] = [];
  if (t.title) out.push(t.title);
  const above = lineAbove(grid, t);
  if (above) out.push(above);
  if (ownSheet) {
    const first = firstText(grid);
    if (first) out.push(first);
    out.push(grid.name);
  }
  return out;
}

function firstText(grid: Grid): string | undefined {
  for (let r = 0; r < Math.min(grid.rowCount, 4); r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const s = grid.text(r, c);
      if (s) return s;
    }
  }
  return undefined;
}

/** Find the role tables of a book. */
export function readBook(sheets: BookSheet[]): Book {
  const all: RoleTable[] = [];
  for (const { grid, detected: found } of sheets) {
    const synthetic = found.length === 0 ? wholeSheetTable(grid) : undefined;
    const detected = synthetic ? [synthetic] : found;
    const candidates = detected.filter((t) => t.kind !== 'performance');
    const titled = candidates.filter((t) => t.title || t === candidates[0]);
    const ownSheet = titled.length === 1;
    for (const t of titled) {
      let role: XrefRole | undefined;
      let title = '';
      for (const text of titleCandidates(grid, t, ownSheet)) {
        role = roleOfTitle(text);
        if (role) {
          title = text;
          break;
        }
      }
      if (!role) continue;
      const region = regionOf(grid, t, candidates);
      all.push({ role, title, index: synthetic ? -1 : detected.indexOf(t), view: new TableView(grid, t, region, unitOfTable(grid, t)) });
    }
  }
  const tables = new Map<XrefRole, RoleTable>();
  for (const t of all) if (!tables.has(t.role)) tables.set(t.role, t);
  const family: BookFamily = all.some((t) => familyOfTitle(t.title) === '决算') ? '决算' : '预算';
  return { tables, family, all };
}

/** A title that starts a new table (not a line of this one detection took for a title). */
function isTableTitle(title: string | undefined): boolean {
  return !!title && (roleOfTitle(title) !== undefined || /表$/.test(title.trim()));
}

/**
 * The rows a table owns: its range, down to the row above the next titled table that overlaps its columns
 * (or the sheet's end). Untitled tables below it (a 总计 row detection split off) join it.
 */
function regionOf(grid: Grid, t: DetectedTable, all: DetectedTable[]): Region {
  let bottom = grid.rowCount - 1;
  let right = t.range.right;
  const overlaps = (o: DetectedTable) => o.range.left <= t.range.right && o.range.right >= t.range.left;
  for (const o of all) {
    if (o === t || o.range.top <= t.range.top || !overlaps(o)) continue;
    if (isTableTitle(o.title)) bottom = Math.min(bottom, (o.titleRow ?? o.range.top) - 1);
  }
  for (const o of all) {
    if (o === t || isTableTitle(o.title) || o.range.top <= t.range.top || o.range.top > bottom || !overlaps(o)) continue;
    right = Math.max(right, o.range.right);
  }
  const besides = all.some((o) => o !== t && o.range.top <= bottom && o.range.bottom >= t.range.top && !overlaps(o));
  if (!besides) right = Math.max(right, grid.colCount - 1);
  return {
    top: t.range.top,
    bottom: Math.max(bottom, t.range.bottom),
    left: t.range.left,
    right,
    headerBottom: Math.max(t.headerBottom, t.range.top - 1),
  };
}

/**
 * A sheet where detection found no table (an empty 政府性基金 table: title, header, 合计, a note): the
 * whole sheet below its title, the header band ending above the first 合计 or code row.
 */
function wholeSheetTable(grid: Grid): DetectedTable | undefined {
  let titleRow: number | undefined;
  for (let r = 0; r < Math.min(grid.rowCount, 4) && titleRow === undefined; r++) {
    for (let c = 0; c < grid.colCount; c++) if (grid.text(r, c)) titleRow = r;
  }
  if (titleRow === undefined) return undefined;
  let top = titleRow + 1;
  while (top < grid.rowCount && rowText(grid, top).some((t) => /单位|编制/.test(t))) top++;
  let headerBottom = top;
  for (let r = top; r < grid.rowCount; r++) {
    const texts = rowText(grid, r);
    if (texts.some((t) => isGrandTotalLabel(t) || /^\d{3}/.test(t))) break;
    if (texts.length > 0) headerBottom = r;
  }
  if (top >= grid.rowCount) return undefined;
  return {
    kind: 'generic',
    range: { top, left: 0, bottom: grid.rowCount - 1, right: grid.colCount - 1 },
    title: grid.text(titleRow, 0) || rowText(grid, titleRow)[0],
    titleRow,
    headerTop: top,
    headerBottom,
    totalRows: [],
    codeCols: [],
    columns: [],
    rows: [],
  };
}

function rowText(grid: Grid, r: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const t = grid.text(r, c);
    if (t) out.push(t);
  }
  return out;
}
