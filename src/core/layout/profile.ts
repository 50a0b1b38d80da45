/**
 * Row profiles: what each sheet row holds inside a column band (text entities, amounts, merges).
 * Computed once per row so the region scan stays linear in the number of rows.
 */
// textOf straight from grid/grid: CommonJS re-exports go through a getter, and hot loops call it per cell.
import { type Grid, textOf } from '../grid/grid';
import type { CellRange } from '../grid/address';
import { NOT_PLAIN, plainNumbers } from './sheetScan';
import { isMetaLine, isNoteLine, isTitleText } from './text';

/** One non-empty cell of a row profile. */
export class Entity {
  /** Rightmost column the cell covers (its merge, clipped to the band). */
  right: number;
  /** Last row the cell covers (its merge). */
  bottom: number;
  /** True when the cell reads as an amount (number or numeric text). */
  amount: boolean;
  /** The text, or undefined until asked for (a plain number's text is rarely read). */
  private shown: string | undefined;
  constructor(
    private readonly grid: Grid,
    private row: number,
    public col: number,
    right: number,
    bottom: number,
    amount: boolean,
    text: string | undefined,
  ) {
    this.right = right;
    this.bottom = bottom;
    this.amount = amount;
    this.shown = text;
  }
  /** Displayed text, trimmed. */
  get text(): string {
    if (this.shown === undefined) this.shown = textOf(this.grid.cell(this.row, this.col));
    return this.shown;
  }
  /** Fills a recycled entity for another cell. */
  reset(row: number, col: number, right: number, bottom: number, amount: boolean, text: string | undefined): void {
    this.row = row;
    this.col = col;
    this.right = right;
    this.bottom = bottom;
    this.amount = amount;
    this.shown = text;
  }
}

export type RowKind = 'blank' | 'meta' | 'note' | 'title' | 'single' | 'multi';

export interface RowProfile {
  row: number;
  entities: Entity[];
  /** Entities that read as amounts. */
  amounts: number;
  /** Of those, whole numbers that look like years (2023): a header may carry them. */
  years: number;
  /** Cells covered by a merge that starts in an earlier row. */
  coveredFromAbove: number;
  kind: RowKind;
}

/** Cells inside these ranges belong to tables found elsewhere (绩效目标表) and are ignored here. */
export class Mask {
  constructor(private readonly ranges: CellRange[]) {}
  has(row: number, col: number): boolean {
    for (const r of this.ranges) if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
    return false;
  }
  rowTouched(row: number): boolean {
    return this.ranges.some((r) => row >= r.top && row <= r.bottom);
  }
}

/**
 * The profile of one row. `recycle`, a profile the caller no longer needs, is filled in place (its entity
 * objects too) instead of allocating new ones: a 20,000-row table otherwise allocates an object per cell
 * here, and the young-generation collections that drives cost more than profiling.
 */
export function profileRow(grid: Grid, row: number, left: number, right: number, mask: Mask, recycle?: RowProfile): RowProfile {
  const entities: Entity[] = recycle ? recycle.entities : [];
  let count = 0;
  let amounts = 0;
  let years = 0;
  let coveredFromAbove = 0;
  const masked = mask.rowTouched(row);
  const merged = grid.merges.length > 0;
  // Plain numbers come from the sheet scan's dense view: neither their cell nor their text is read here.
  const dense = plainNumbers(grid);
  const rowBase = dense ? row * dense.width : 0;
  for (let c = left; c <= right; c++) {
    if (masked && mask.has(row, c)) continue;
    const m = merged ? grid.mergeAt(row, c) : undefined;
    if (m && (m.top !== row || m.left !== c)) {
      if (m.top < row && m.left === c && grid.text(m.top, m.left) !== '') coveredFromAbove++;
      continue;
    }
    let text: string | undefined;
    let isAmount: boolean;
    if (dense && c < dense.width && dense.kinds[rowBase + c] !== NOT_PLAIN) {
      isAmount = true;
      const v = dense.values[rowBase + c];
      if (Number.isInteger(v) && v >= 1990 && v <= 2100) years++;
    } else {
      const cell = grid.cell(row, c);
      text = textOf(cell);
      if (text === '') continue;
      isAmount = isAmountCell(grid, row, c, text, cell);
      const v = cell?.value;
      if (isAmount && typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100) years++;
    }
    if (isAmount) amounts++;
    const entityRight = m ? Math.min(m.right, right) : c;
    const bottom = m ? m.bottom : row;
    if (count < entities.length) entities[count].reset(row, c, entityRight, bottom, isAmount, text);
    else entities.push(new Entity(grid, row, c, entityRight, bottom, isAmount, text));
    count++;
  }
  entities.length = count;
  const kind = kindOf(entities, coveredFromAbove);
  if (!recycle) return { row, entities, amounts, years, coveredFromAbove, kind };
  recycle.row = row;
  recycle.amounts = amounts;
  recycle.years = years;
  recycle.coveredFromAbove = coveredFromAbove;
  recycle.kind = kind;
  return recycle;
}

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,9})?$/;
const NUMERIC_START = /^[\s(（+\-−－—–―─¥￥]*[\d０-９.]|^[\-—－–―─]+$/;

/** Whether a cell reads as an amount (or is an error value), without building a Decimal for plain numbers. */
export function isAmountCell(grid: Grid, row: number, col: number, text: string, cell = grid.cell(row, col)): boolean {
  if (!cell) return false;
  if (cell.error) return true;
  if (typeof cell.value === 'number') return Number.isFinite(cell.value);
  if (typeof cell.value !== 'string') return false;
  if (PLAIN_NUMBER.test(text)) return true;
  if (!NUMERIC_START.test(text) && !text.startsWith('#')) return false;
  return grid.amount(row, col) !== null || grid.error(row, col) !== undefined;
}

function kindOf(entities: Entity[], covered: number): RowKind {
  if (entities.length === 0) return covered > 0 ? 'multi' : 'blank';
  if (entities.length <= 3 && entities.every((e) => !e.amount && isMetaLine(e.text))) return 'meta';
  if (!entities[0].amount && isNoteLine(entities[0].text)) return 'note';
  if (entities.length <= 3 && covered === 0 && entities.every((e) => !e.amount && isTitleText(e.text))) return 'title';
  // "部门收支总体情况表 …… 单位：万元" on one row.
  if (entities.length <= 3 && covered === 0 && entities.every((e) => !e.amount && (isTitleText(e.text) || isMetaLine(e.text))) && entities.some((e) => isTitleText(e.text))) {
    return 'title';
  }
  if (entities.length === 1 && !entities[0].amount && covered === 0) return 'single';
  return 'multi';
}

/** Column bands: runs of columns with content, split by columns that are empty on the whole sheet. */
export function columnBands(grid: Grid, mask: Mask): [number, number][] {
  const used = new Uint8Array(grid.colCount);
  let usedCount = 0;
  for (let r = 0; r < grid.rowCount && usedCount < grid.colCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      if (used[c]) continue;
      if (grid.text(r, c) !== '' && !mask.has(r, c)) {
        used[c] = 1;
        usedCount++;
      }
    }
  }
  // Header merges (not titles) hold their columns together.
  for (const m of grid.merges) {
    if (m.right === m.left || mask.has(m.top, m.left) || grid.text(m.top, m.left) === '') continue;
    let others = 0;
    for (let c = 0; c < grid.colCount && others < 1; c++) if ((c < m.left || c > m.right) && grid.text(m.top, c) !== '') others++;
    if (others > 0) for (let c = m.left; c <= m.right; c++) used[c] = 1;
  }
  const bands: [number, number][] = [];
  let start = -1;
  for (let c = 0; c <= grid.colCount; c++) {
    const u = c < grid.colCount && used[c] === 1;
    if (u && start < 0) start = c;
    if (!u && start >= 0) {
      bands.push([start, c - 1]);
      start = -1;
    }
  }
  return bands.length < 2 ? bands : joinSpacerBands(grid, mask, bands);
}

/**
 * An empty spacer column inside one table ("项目 | (空) | 金额") also splits bands; a band with no amount
 * at all next to one with amounts is the label part of the same table.
 */
function joinSpacerBands(grid: Grid, mask: Mask, bands: [number, number][]): [number, number][] {
  const hasAmount = bands.map(([l, r]) => {
    for (let row = 0; row < grid.rowCount; row++) {
      for (let c = l; c <= r; c++) {
        const t = grid.text(row, c);
        if (t !== '' && !mask.has(row, c) && isAmountCell(grid, row, c, t)) return true;
      }
    }
    return false;
  });
  const out: [number, number][] = [];
  let i = 0;
  while (i < bands.length) {
    const l = bands[i][0];
    let r = bands[i][1];
    let amounts = hasAmount[i];
    while (i + 1 < bands.length && bands[i + 1][0] - r <= 2 && (!amounts || !hasAmount[i + 1])) {
      i++;
      r = bands[i][1];
      amounts = amounts || hasAmount[i];
    }
    out.push([l, r]);
    i++;
  }
  return out;
}
