import { CellData, CellRange, Grid, parseA1, parseRange, rangeToA1, toA1 } from '../../core/grid';
import { formatNumber } from '../../core/money';
import type { PlanStyle, SheetPlan } from '../../core/plan';
import { Severity, worseSeverity } from '../../core/types';
import type { IgnoredFinding } from '../../core/report/review';

/**
 * The demo page's workbook: plain data with no DOM, so the DemoHost runs in Node (bench, unit tests) and the
 * React view only renders it. Every change bumps `version` and notifies subscribers.
 */
export interface DemoCell extends CellData {
  style?: PlanStyle;
  /** A cell note (Excel's "note", WPS's comment); Jiaohe's marks put their message here. */
  note?: string;
}

/** Jiaohe's own mark on a cell: what the view flags, and what clearMarks must undo. */
export interface DemoMark {
  severity: Severity;
  messages: string[];
  /** The cell's fill and note before Jiaohe touched it (undefined: it had none). */
  originalFill: string | undefined;
  originalNote: string | undefined;
  /** Set when the cell did not exist before the mark created it: the array lengths to shrink back to. */
  created?: { rowLength: number; sheetRows: number };
}

export interface DemoSheet {
  name: string;
  /** Row-major, 0-based; cells covered by a merge (other than its top-left) stay empty. */
  rows: (DemoCell | undefined)[][];
  merges: CellRange[];
  /** Column widths in characters, when known (sheets added from a plan). */
  columnWidths?: number[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** Marks by "row,col". */
  marks: Map<string, DemoMark>;
}

export interface DemoSelection {
  sheet: string;
  range: CellRange;
}

export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', hint: '#DDEBF7' };

function markKey(row: number, col: number): string {
  return `${row},${col}`;
}

function cloneCell(c: CellData): DemoCell {
  const out: DemoCell = { value: c.value };
  if (c.text !== undefined) out.text = c.text;
  if (c.formula !== undefined) out.formula = c.formula;
  if (c.numberFormat !== undefined) out.numberFormat = c.numberFormat;
  if (c.error !== undefined) out.error = c.error;
  if (c.indent !== undefined) out.indent = c.indent;
  return out;
}

/** A Grid (from the .xlsx reader or a test) → an editable demo sheet. */
export function sheetFromGrid(grid: Grid): DemoSheet {
  const rows: (DemoCell | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (DemoCell | undefined)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell) row[c] = cloneCell(cell);
    }
    rows.push(row);
  }
  return {
    name: grid.name,
    rows,
    merges: grid.merges.map((m) => ({ ...m })),
    hiddenRows: [...grid.hiddenRows],
    hiddenCols: [...grid.hiddenCols],
    marks: new Map(),
  };
}

/** The text a cell shows: the host's display text, else the value formatted by its number format. */
export function displayText(cell: DemoCell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  if (cell.text !== undefined) return cell.text;
  if (cell.value === null || cell.value === undefined) return '';
  if (typeof cell.value === 'number') return formatNumber(cell.value, cell.numberFormat);
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value;
}

/** Shorten a row back to `length` if nothing was written past it since. */
function shrinkRow(row: (DemoCell | undefined)[], length: number): void {
  let end = row.length;
  while (end > length && row[end - 1] === undefined) end--;
  row.length = end;
}

/** Drop trailing rows a mark added, as long as they are still empty. */
function shrinkRows(rows: (DemoCell | undefined)[][], length: number): void {
  let end = rows.length;
  while (end > length && (rows[end - 1] ?? []).every((c) => c === undefined)) end--;
  rows.length = end;
}

export class DemoWorkbook {
  readonly sheets: DemoSheet[];
  activeSheet = 0;
  selection: DemoSelection;
  /** Increases every time a cell is selected, even the same one again (the view scrolls to it). */
  selectionCount = 0;
  /** The file the workbook came from, for the page header. */
  fileName: string;
  /** Findings the officer ignored: the demo's marks record keeps them with the workbook, like Excel's hidden sheet. */
  ignored: IgnoredFinding[] = [];
  private changeCount = 0;
  private readonly listeners = new Set<() => void>();

  constructor(sheets: DemoSheet[], fileName = 'workbook.xlsx', activeSheet = 0) {
    if (sheets.length === 0) throw new Error('工作簿中没有工作表。');
    this.sheets = sheets;
    this.fileName = fileName;
    this.activeSheet = Math.min(Math.max(0, activeSheet), sheets.length - 1);
    this.selection = { sheet: this.sheets[this.activeSheet].name, range: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  static fromGrids(grids: Grid[], fileName?: string, activeSheet = 0): DemoWorkbook {
    return new DemoWorkbook(grids.map(sheetFromGrid), fileName, activeSheet);
  }

  /** Per sheet, per row: a number that changes whenever a cell of the row may have changed. */
  private readonly rowStamps = new WeakMap<DemoSheet, Map<number, number>>();
  private stampCount = 0;

  private touchRow(sheet: DemoSheet, row: number): void {
    let stamps = this.rowStamps.get(sheet);
    if (!stamps) this.rowStamps.set(sheet, (stamps = new Map()));
    stamps.set(row, ++this.stampCount);
  }

  /** Changes whenever a cell of the row may have changed (marks, writes): the view redraws only such rows. */
  rowStamp(sheet: DemoSheet, row: number): number {
    return this.rowStamps.get(sheet)?.get(row) ?? 0;
  }

  /** Increases on every change; the React view re-renders on it. */
  get version(): number {
    return this.changeCount;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
    this.changeCount++;
    for (const l of [...this.listeners]) l();
  }

  get active(): DemoSheet {
    return this.sheets[this.activeSheet];
  }

  sheetIndex(name: string): number {
    return this.sheets.findIndex((s) => s.name === name);
  }

  sheet(name: string): DemoSheet {
    const i = this.sheetIndex(name);
    if (i < 0) throw new Error(`找不到工作表“${name}”。`);
    return this.sheets[i];
  }

  activate(index: number): void {
    if (index < 0 || index >= this.sheets.length || index === this.activeSheet) return;
    this.activeSheet = index;
    this.selection = { sheet: this.active.name, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    this.changed();
  }

  /** The merged area containing the cell, if any. */
  mergeAt(sheet: DemoSheet, row: number, col: number): CellRange | undefined {
    return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Select a cell or range (a cell inside a merge selects the whole merge, as Excel does) and show its sheet. */
  select(sheetName: string, address: string): void {
    const index = this.sheetIndex(sheetName);
    if (index < 0) throw new Error(`找不到工作表“${sheetName}”。`);
    let range: CellRange;
    try {
      range = parseRange(address);
    } catch {
      throw new Error(`“${address}”不是有效的单元格地址。`);
    }
    const sheet = this.sheets[index];
    if (range.top === range.bottom && range.left === range.right) {
      range = this.mergeAt(sheet, range.top, range.left) ?? range;
    }
    this.activeSheet = index;
    this.selection = { sheet: sheet.name, range: { ...range } };
    this.selectionCount++;
    this.changed();
  }

  selectionAddress(): string {
    return rangeToA1(this.selection.range);
  }

  /** Rows of cells for the engine: a fresh, independent Grid. */
  toGrid(sheet: DemoSheet, rowFrom = 0, rowTo = sheet.rows.length): (CellData | undefined)[][] {
    const out: (CellData | undefined)[][] = [];
    for (let r = rowFrom; r < rowTo; r++) {
      const row = sheet.rows[r];
      const copy: (CellData | undefined)[] = [];
      if (row) {
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          if (cell) copy[c] = cloneCell(cell);
        }
      }
      out.push(copy);
    }
    return out;
  }

  private cellAt(sheet: DemoSheet, row: number, col: number, create: true): DemoCell;
  private cellAt(sheet: DemoSheet, row: number, col: number, create: false): DemoCell | undefined;
  private cellAt(sheet: DemoSheet, row: number, col: number, create: boolean): DemoCell | undefined {
    // Every change to a cell goes through here: the row's stamp tells the view which rows to draw again.
    this.touchRow(sheet, row);
    let r = sheet.rows[row];
    if (!r) {
      if (!create) return undefined;
      while (sheet.rows.length <= row) sheet.rows.push([]);
      r = sheet.rows[row];
    }
    if (!r[col] && create) r[col] = { value: null };
    return r[col];
  }

  /**
   * Paint each cell and add the message to its note; the first mark on a cell remembers what was there, so
   * marking twice never loses the original. Returns the number of distinct cells marked by this call.
   */
  mark(
    items: { sheet: string; cell: string; severity: Severity; message: string }[],
    options: { fill?: string; note?: boolean } = {},
  ): number {
    // Resolve every address first, so a bad one throws before anything is painted.
    const resolved = items.map((item) => ({ item, sheet: this.sheet(item.sheet), ...parseA1(item.cell) }));
    const touched = new Set<string>();
    for (const { item, sheet, row, col } of resolved) {
      const key = markKey(row, col);
      const existed = this.cellAt(sheet, row, col, false) !== undefined;
      const before = { rowLength: sheet.rows[row]?.length ?? 0, sheetRows: sheet.rows.length };
      const cell = this.cellAt(sheet, row, col, true);
      let mark = sheet.marks.get(key);
      if (!mark) {
        mark = { severity: item.severity, messages: [], originalFill: cell.style?.fill, originalNote: cell.note };
        if (!existed) mark.created = before;
        sheet.marks.set(key, mark);
      }
      mark.severity = worseSeverity(mark.severity, item.severity);
      cell.style = { ...cell.style, fill: options.fill ?? MARK_FILL[mark.severity] };
      if (options.note !== false) {
        if (!mark.messages.includes(item.message)) mark.messages.push(item.message);
        const own = mark.messages.join('\n');
        cell.note = mark.originalNote ? `${mark.originalNote}\n${own}` : own;
      }
      touched.add(`${sheet.name}!${key}`);
    }
    if (touched.size) this.changed();
    return touched.size;
  }

  /** Undo every mark exactly: original fill and note back, cells the marks created removed. */
  clearMarks(): number {
    let count = 0;
    for (const sheet of this.sheets) {
      // Newest first, so cells the marks created are removed and the arrays shrink back in reverse order.
      for (const [key, mark] of [...sheet.marks].reverse()) {
        const [row, col] = key.split(',').map(Number);
        const cell = this.cellAt(sheet, row, col, false);
        count++;
        if (!cell) continue;
        if (mark.created) {
          delete sheet.rows[row][col];
          shrinkRow(sheet.rows[row], mark.created.rowLength);
          shrinkRows(sheet.rows, mark.created.sheetRows);
          continue;
        }
        if (mark.originalFill === undefined) {
          if (cell.style) {
            const { fill: _fill, ...rest } = cell.style;
            if (Object.keys(rest).length) cell.style = rest;
            else delete cell.style;
          }
        } else {
          cell.style = { ...cell.style, fill: mark.originalFill };
        }
        if (mark.originalNote === undefined) delete cell.note;
        else cell.note = mark.originalNote;
      }
      sheet.marks.clear();
    }
    if (count) this.changed();
    return count;
  }

  /** The displayed text of a block of cells (merged-over cells read as empty). */
  readText(sheetName: string, range: string): string[][] {
    const sheet = this.sheet(sheetName);
    const r = parseRange(range);
    const out: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: string[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(displayText(sheet.rows[row]?.[col]));
      out.push(line);
    }
    return out;
  }

  /** Write values row by row from a top-left cell; numbers show with the cell's number format. */
  write(sheetName: string, topLeft: string, values: (string | number | null)[][]): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseA1(topLeft);
    values.forEach((rowValues, i) =>
      rowValues.forEach((v, j) => {
        const cell = this.cellAt(sheet, row + i, col + j, true);
        // A cell a mark created becomes the user's once written: clearing marks must keep it.
        const mark = sheet.marks.get(markKey(row + i, col + j));
        if (mark?.created) delete mark.created;
        cell.value = v === '' ? null : v;
        delete cell.text;
        delete cell.formula;
        delete cell.error;
        if (typeof v === 'number') cell.text = formatNumber(v, cell.numberFormat);
      }),
    );
    this.changed();
  }

  /** A new sheet rendered from a plan, after the others, activated; returns its (unique) name. */
  addSheet(plan: SheetPlan): string {
    let name = plan.name.trim() || 'Sheet';
    for (let n = 2; this.sheetIndex(name) >= 0; n++) name = `${plan.name} (${n})`;
    const rows: (DemoCell | undefined)[][] = [];
    for (const p of plan.cells) {
      while (rows.length <= p.row) rows.push([]);
      const cell: DemoCell = { value: p.value };
      if (p.formula) cell.formula = p.formula.startsWith('=') ? p.formula : `=${p.formula}`;
      if (p.style) {
        cell.style = { ...p.style };
        if (p.style.numberFormat) cell.numberFormat = p.style.numberFormat;
      }
      if (typeof p.value === 'number') cell.text = formatNumber(p.value, cell.numberFormat);
      rows[p.row][p.col] = cell;
    }
    this.sheets.push({
      name,
      rows,
      merges: plan.merges.map((m) => ({ ...m })),
      columnWidths: [...plan.columnWidths],
      hiddenRows: [],
      hiddenCols: [],
      marks: new Map(),
    });
    this.activeSheet = this.sheets.length - 1;
    this.selection = { sheet: name, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    this.changed();
    return name;
  }

  /** Number of marked cells in the workbook. */
  markCount(): number {
    return this.sheets.reduce((n, s) => n + s.marks.size, 0);
  }

  /** The A1 address of a cell, for views. */
  static address(row: number, col: number): string {
    return toA1(row, col);
  }
}
