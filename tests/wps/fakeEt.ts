/**
 * A faithful fake of the WPS 表格 (ET) object model subset Jiaohe uses, for tests without WPS.
 *
 * What it reproduces on purpose (each is a way real builds surprise an add-in):
 * - Value2 / Formula: a scalar for one cell; for ranges a 2-D array, or (configurable) a flat row-major
 *   1-D array, a 1-based SAFEARRAY-like object (VBArray API) or a 1-based nested object;
 * - members that are properties on one build and methods on another (`memberStyle`);
 * - NumberFormat / IndentLevel / MergeCells / Interior.* / Text of a multi-cell range: the common value,
 *   or null when the cells differ; "G/通用格式" for General on a Chinese build;
 * - Interior.Color as BGR; a cell with no fill reports Color 16777215 (like white) but Pattern and
 *   ColorIndex -4142; setting Color makes the fill solid;
 * - MergeArea (the merged area, or the cell itself), Merge();
 * - comments: AddComment throws when the cell already has one; Comment.Text() reads and Text(s) writes;
 * - Sheets.Add activates the new sheet (and returns it, or nothing, per build); Activate on a very
 *   hidden sheet and Select on a range of an inactive sheet fail as they do in ET;
 * - Value2 writes coerce numeric text to numbers unless the cell is formatted "@" or the text starts
 *   with an apostrophe; writes into a protected sheet throw;
 * - ScreenUpdating, DisplayAlerts, StatusBar, PluginStorage, CreateTaskPane/GetTaskPane.
 * Every bulk or per-cell read is counted in `app.calls` so tests can assert "no per-cell calls".
 */
import { CellRange, Grid, columnIndex, columnLetters, parseA1, rangeContains, toA1 } from '../../src/core/grid';
import { formatNumber } from '../../src/core/money';

export type MemberStyle = 'property' | 'method';
export type ArrayShape = '2d' | '1d' | 'safearray' | 'onebased';

export interface FakeEtOptions {
  memberStyle?: MemberStyle;
  arrayShape?: ArrayShape;
  /** General reported as "G/通用格式" (Chinese WPS). */
  chineseGeneral?: boolean;
  /** Sheets.Add returns the new sheet (true) or undefined (false). */
  addReturnsSheet?: boolean;
}

const NO_FILL = -4142;
const WHITE = 0xffffff;
const CVERR_BASE = -2146828288;
const ERROR_CODES: Record<string, number> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
};

export interface FakeInterior {
  color: number;
  colorIndex: number;
  pattern: number;
  patternColor: number;
}

export interface FakeComment {
  text: string;
  author: string;
}

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  /** Displayed text when it is not computed from value and format (dates, custom formats, errors). */
  text?: string;
  numberFormat: string;
  indent: number;
  interior: FakeInterior;
  comment?: FakeComment;
  font: { bold: boolean; size: number; name: string };
  border?: { lineStyle: number; weight: number };
  hAlign?: number;
  vAlign?: number;
  wrap?: boolean;
}

function newCell(): FakeCell {
  return {
    numberFormat: 'General',
    indent: 0,
    interior: { color: WHITE, colorIndex: NO_FILL, pattern: NO_FILL, patternColor: 0 },
    font: { bold: false, size: 11, name: '宋体' },
  };
}

/** ColorIndex of the default palette for a few colours; other colours get the nearest-looking 15. */
function paletteIndex(bgr: number): number {
  if (bgr === WHITE) return 2;
  if (bgr === 0) return 1;
  if (bgr === 0x0000ff) return 3;
  return 15;
}

const key = (r: number, c: number) => r * 16384 + c;

export class FakeApplication {
  readonly options: Required<FakeEtOptions>;
  readonly workbook: FakeWorkbook;
  readonly calls = new Map<string, number>();
  private screenUpdating = true;
  /** Every value assigned to ScreenUpdating, in order. */
  readonly screenUpdatingLog: boolean[] = [];
  DisplayAlerts = true;
  StatusBar: string | boolean = false;
  selection: FakeRange | null = null;
  readonly storage = new Map<string, string>();
  readonly PluginStorage = {
    setItem: (k: string, v: string) => void this.storage.set(k, String(v)),
    getItem: (k: string) => (this.storage.has(k) ? (this.storage.get(k) as string) : null),
    removeItem: (k: string) => void this.storage.delete(k),
  };
  readonly taskPanes: { ID: number; Visible: boolean; url: string }[] = [];
  readonly alerts: string[] = [];

  constructor(options: FakeEtOptions = {}) {
    this.options = {
      memberStyle: options.memberStyle ?? 'property',
      arrayShape: options.arrayShape ?? '2d',
      chineseGeneral: options.chineseGeneral ?? false,
      addReturnsSheet: options.addReturnsSheet ?? true,
    };
    this.workbook = new FakeWorkbook(this);
  }

  count(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }

  totalCalls(...names: string[]): number {
    return names.reduce((s, n) => s + (this.calls.get(n) ?? 0), 0);
  }

  /** A member that is a property or a method, as configured. */
  member<T>(value: () => T, withArgs?: (...args: unknown[]) => T): T {
    if (this.options.memberStyle === 'method') return ((...args: unknown[]) => (withArgs ? withArgs(...args) : value())) as unknown as T;
    return value();
  }

  get ScreenUpdating(): boolean {
    return this.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.screenUpdating = !!v;
    this.screenUpdatingLog.push(!!v);
  }

  get ActiveWorkbook(): FakeWorkbook {
    return this.member(() => this.workbook);
  }
  get ActiveSheet(): FakeWorksheet {
    return this.member(() => this.workbook.active);
  }
  get Worksheets(): FakeSheets {
    return this.workbook.Worksheets;
  }
  get Sheets(): FakeSheets {
    return this.workbook.Worksheets;
  }
  get Selection(): FakeRange | null {
    return this.member(() => this.selection);
  }

  CreateTaskPane(url: string): { ID: number; Visible: boolean; url: string } {
    const pane = { ID: 1000 + this.taskPanes.length, Visible: false, url };
    this.taskPanes.push(pane);
    return pane;
  }
  GetTaskPane(id: string | number): { ID: number; Visible: boolean; url: string } | null {
    return this.taskPanes.find((p) => String(p.ID) === String(id)) ?? null;
  }
  Alert(message: string): void {
    this.alerts.push(message);
  }

  /** Build an application holding these grids as sheets (the file host's reading of a workbook). */
  static fromGrids(grids: Grid[], active = 0, options: FakeEtOptions = {}): FakeApplication {
    const app = new FakeApplication(options);
    for (const g of grids) app.workbook.addSheetFromGrid(g);
    app.workbook.activeIndex = active;
    return app;
  }
}

export class FakeWorkbook {
  readonly sheets: FakeWorksheet[] = [];
  activeIndex = 0;
  readonly Worksheets: FakeSheets;
  constructor(readonly app: FakeApplication) {
    this.Worksheets = new FakeSheets(this);
  }
  get Name(): string {
    return this.app.member(() => '工作簿1.xlsx');
  }
  get ActiveSheet(): FakeWorksheet {
    return this.app.member(() => this.active);
  }
  get Sheets(): FakeSheets {
    return this.Worksheets;
  }
  get active(): FakeWorksheet {
    return this.sheets[this.activeIndex];
  }

  addSheetFromGrid(g: Grid): FakeWorksheet {
    const ws = new FakeWorksheet(this, g.name);
    this.sheets.push(ws);
    for (let r = 0; r < g.rowCount; r++) {
      for (let c = 0; c < g.colCount; c++) {
        const d = g.cell(r, c);
        if (!d) continue;
        const cell = ws.cellAt(r, c, true);
        if (d.numberFormat) cell.numberFormat = d.numberFormat;
        if (d.indent) cell.indent = d.indent;
        if (d.formula) cell.formula = d.formula;
        if (d.error) {
          cell.value = CVERR_BASE + (ERROR_CODES[d.error] ?? 2015);
          cell.text = d.error;
        } else if (d.value !== null && d.value !== undefined) {
          cell.value = d.value;
          if (d.text !== undefined) cell.text = d.text;
        }
      }
    }
    ws.merges.push(...g.merges.map((m) => ({ ...m })));
    g.hiddenRows.forEach((r) => ws.hiddenRows.add(r));
    g.hiddenCols.forEach((c) => ws.hiddenCols.add(c));
    return ws;
  }
}

export class FakeSheets {
  constructor(private readonly wb: FakeWorkbook) {}
  get Count(): number {
    return this.wb.app.member(() => this.wb.sheets.length);
  }
  Item(index: number | string): FakeWorksheet {
    if (typeof index === 'number') {
      const ws = this.wb.sheets[index - 1];
      if (!ws) throw new Error('下标越界');
      return ws;
    }
    const ws = this.wb.sheets.find((s) => s.name.toLowerCase() === index.toLowerCase());
    if (!ws) throw new Error('下标越界');
    return ws;
  }
  Add(before?: FakeWorksheet | null, after?: FakeWorksheet | null): FakeWorksheet | undefined {
    let n = this.wb.sheets.length + 1;
    while (this.wb.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const ws = new FakeWorksheet(this.wb, `Sheet${n}`);
    let at = this.wb.activeIndex;
    if (after) at = this.wb.sheets.indexOf(after) + 1;
    else if (before) at = this.wb.sheets.indexOf(before);
    this.wb.sheets.splice(at, 0, ws);
    this.wb.activeIndex = at;
    return this.wb.app.options.addReturnsSheet ? ws : undefined;
  }
}

export class FakeWorksheet {
  readonly cells = new Map<number, FakeCell>();
  readonly merges: CellRange[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly pageSetup = { Orientation: 1, PaperSize: 9, Zoom: 100 as number | boolean, FitToPagesWide: 1 as number | boolean, FitToPagesTall: 1 as number | boolean };
  visible = -1;
  protected_ = false;
  deleted = false;

  constructor(
    readonly wb: FakeWorkbook,
    public name: string,
  ) {}

  get app(): FakeApplication {
    return this.wb.app;
  }

  cellAt(r: number, c: number, create: true): FakeCell;
  cellAt(r: number, c: number, create?: false): FakeCell | undefined;
  cellAt(r: number, c: number, create = false): FakeCell | undefined {
    let cell = this.cells.get(key(r, c));
    if (!cell && create) {
      cell = newCell();
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  get Name(): string {
    return this.app.member(() => this.name);
  }
  set Name(v: string) {
    const name = String(v);
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error('工作表名称无效');
    if (this.wb.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) throw new Error('该名称已被占用');
    this.name = name;
  }
  get Visible(): number {
    return this.app.member(() => this.visible);
  }
  set Visible(v: number) {
    this.visible = Number(v);
  }
  get Index(): number {
    return this.app.member(() => this.wb.sheets.indexOf(this) + 1);
  }

  /** Excel's used range: every cell with a value, formula, comment or non-default format, and merges. */
  usedBounds(): CellRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [k, cell] of this.cells) {
      const used =
        cell.value !== undefined ||
        cell.formula !== undefined ||
        cell.comment !== undefined ||
        cell.interior.pattern !== NO_FILL ||
        cell.numberFormat !== 'General';
      if (used) take(Math.floor(k / 16384), k % 16384);
    }
    for (const m of this.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
    if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0 };
    return { top, left, bottom, right };
  }

  get UsedRange(): FakeRange {
    return this.app.member(() => new FakeRange(this, this.usedBounds()));
  }
  Range(address: string): FakeRange {
    return new FakeRange(this, parseAddress(address));
  }
  get Cells(): { Item(r: number, c?: number): FakeRange; Find(what: string, after?: unknown, lookIn?: number, lookAt?: number, order?: number, direction?: number): FakeRange | null } {
    return {
      Item: (r: number, c = 1) => new FakeRange(this, { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 }),
      // Find("*", …, xlByRows = 1 | xlByColumns = 2, xlPrevious = 2): the last cell with a value or formula.
      Find: (what: string, _after?: unknown, _lookIn?: number, _lookAt?: number, order = 1, direction = 1) => {
        if (what !== '*' || direction !== 2) throw new Error('该 Find 用法未模拟');
        let best: { r: number; c: number } | null = null;
        for (const [k, cell] of this.cells) {
          if (cell.value === undefined && cell.formula === undefined) continue;
          const r = Math.floor(k / 16384);
          const c = k % 16384;
          const better = !best || (order === 2 ? c > best.c || (c === best.c && r > best.r) : r > best.r || (r === best.r && c > best.c));
          if (better) best = { r, c };
        }
        return best ? new FakeRange(this, { top: best.r, left: best.c, bottom: best.r, right: best.c }) : null;
      },
    };
  }
  get Rows(): { Count: number; Item(i: number): FakeRange } {
    const self = { app: this.app };
    return {
      get Count() {
        return self.app.member(() => 1048576);
      },
      Item: (i: number) => new FakeRange(this, { top: i - 1, left: 0, bottom: i - 1, right: 16383 }),
    };
  }
  get Columns(): { Count: number; Item(i: number): FakeRange } {
    const self = { app: this.app };
    return {
      get Count() {
        return self.app.member(() => 16384);
      },
      Item: (i: number) => new FakeRange(this, { top: 0, left: i - 1, bottom: 1048575, right: i - 1 }),
    };
  }
  get Comments(): { Count: number; Item(i: number): unknown } {
    const list = [...this.cells.entries()].filter(([, c]) => c.comment).sort((a, b) => a[0] - b[0]);
    const self = { app: this.app };
    return {
      get Count() {
        return self.app.member(() => list.length);
      },
      Item: (i: number) => {
        const [k] = list[i - 1];
        return new FakeRange(this, { top: Math.floor(k / 16384), left: k % 16384, bottom: Math.floor(k / 16384), right: k % 16384 }).Comment;
      },
    };
  }
  get PageSetup(): FakeWorksheet['pageSetup'] {
    return this.pageSetup;
  }
  Activate(): void {
    if (this.visible !== -1) throw new Error('无法激活隐藏的工作表');
    this.wb.activeIndex = this.wb.sheets.indexOf(this);
  }
  Select(): void {
    this.Activate();
  }
  Delete(): void {
    if (!this.app.DisplayAlerts) {
      /* no prompt */
    }
    const visible = this.wb.sheets.filter((s) => s.visible === -1 && s !== this);
    if (visible.length === 0) throw new Error('工作簿至少需要一个可见工作表');
    const i = this.wb.sheets.indexOf(this);
    const active = this.wb.active;
    this.wb.sheets.splice(i, 1);
    this.deleted = true;
    this.wb.activeIndex = active === this ? 0 : this.wb.sheets.indexOf(active);
  }
}

/** "A1", "A1:C3", "$A$1", "C:C", "5:5", "Sheet1!A1". */
export function parseAddress(address: string): CellRange {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const clean = bare.replace(/\$/g, '').trim();
  const [a, b = a] = clean.split(':');
  if (/^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b)) {
    const l = columnIndex(a);
    const r = columnIndex(b);
    return { top: 0, left: Math.min(l, r), bottom: 1048575, right: Math.max(l, r) };
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const t = Number(a) - 1;
    const u = Number(b) - 1;
    return { top: Math.min(t, u), left: 0, bottom: Math.max(t, u), right: 16383 };
  }
  const p = parseA1(a);
  const q = parseA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function addressOf(r: CellRange, rowAbs = true, colAbs = true): string {
  const one = (row: number, col: number) => `${colAbs ? '$' : ''}${columnLetters(col)}${rowAbs ? '$' : ''}${row + 1}`;
  const a = one(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${one(r.bottom, r.right)}`;
}

class FakeVbArray {
  constructor(private readonly m: unknown[][]) {}
  dimensions(): number {
    return 2;
  }
  lbound(): number {
    return 1;
  }
  ubound(dim = 1): number {
    return dim === 1 ? this.m.length : (this.m[0]?.length ?? 0);
  }
  getItem(i: number, j: number): unknown {
    return this.m[i - 1][j - 1];
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeWorksheet,
    readonly r: CellRange,
  ) {}

  private get app(): FakeApplication {
    return this.sheet.app;
  }
  private get single(): boolean {
    return this.r.top === this.r.bottom && this.r.left === this.r.right;
  }
  private get rowCount(): number {
    return this.r.bottom - this.r.top + 1;
  }
  private get colCount(): number {
    return this.r.right - this.r.left + 1;
  }
  /** Cells of the range that exist (bounded by the used range for whole rows/columns). */
  private *existing(): Generator<[number, number, FakeCell]> {
    for (const [k, cell] of this.sheet.cells) {
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      if (rangeContains(this.r, row, col)) yield [row, col, cell];
    }
  }
  private *positions(): Generator<[number, number]> {
    const b = this.r.bottom - this.r.top > 100000 || this.r.right - this.r.left > 1000 ? intersect(this.r, this.sheet.usedBounds()) : this.r;
    if (!b) return;
    for (let row = b.top; row <= b.bottom; row++) for (let col = b.left; col <= b.right; col++) yield [row, col];
  }
  /** What the object literals below (Interior, Font, Borders, Rows…) need of this range, without aliasing it. */
  private bound() {
    return {
      app: this.app,
      sheet: this.sheet,
      rowCount: this.rowCount,
      colCount: this.colCount,
      positions: () => this.positions(),
      uniform: <T>(read: (cell: FakeCell | undefined) => T) => this.uniform(read),
    };
  }
  private guardWrite(): void {
    if (this.sheet.protected_) throw new Error('您试图更改的单元格或图表受保护，因而是只读的。');
  }

  private shape(m: unknown[][]): unknown {
    if (this.single) return m[0][0];
    switch (this.app.options.arrayShape) {
      case '1d':
        return m.flat();
      case 'safearray':
        return new FakeVbArray(m);
      case 'onebased': {
        const o: Record<number, Record<number, unknown>> = {};
        m.forEach((row, i) => {
          o[i + 1] = {};
          row.forEach((v, j) => (o[i + 1][j + 1] = v));
        });
        return o;
      }
      default:
        return m;
    }
  }
  private matrix(read: (cell: FakeCell | undefined) => unknown): unknown[][] {
    const out: unknown[][] = [];
    for (let row = this.r.top; row <= this.r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = this.r.left; col <= this.r.right; col++) line.push(read(this.sheet.cellAt(row, col)));
      out.push(line);
    }
    return out;
  }
  /** The common value of all cells, or null when they differ. */
  private uniform<T>(read: (cell: FakeCell | undefined) => T): T | null {
    let first = true;
    let value: T | null = null;
    for (const [row, col] of this.positions()) {
      const v = read(this.sheet.cellAt(row, col));
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) return null;
    }
    return value;
  }

  get Value2(): unknown {
    this.app.count(this.single ? 'Value2.cell' : 'Value2');
    return this.shape(this.matrix((c) => (c ? c.value : undefined)));
  }
  set Value2(v: unknown) {
    this.guardWrite();
    const write = (row: number, col: number, x: unknown) => {
      const cell = this.sheet.cellAt(row, col, true);
      cell.formula = undefined;
      cell.text = undefined;
      if (x === null || x === undefined || x === '') {
        cell.value = undefined;
        return;
      }
      if (typeof x === 'string') {
        if (x.startsWith("'")) cell.value = x.slice(1);
        else if (cell.numberFormat === '@') cell.value = x;
        else if (x.startsWith('=')) {
          cell.formula = x;
          cell.value = undefined;
        } else if (/^-?\d+(\.\d+)?$/.test(x.trim())) cell.value = Number(x);
        else cell.value = x;
        return;
      }
      cell.value = x as number | boolean;
    };
    if (Array.isArray(v)) {
      v.forEach((row, i) => (Array.isArray(row) ? row : [row]).forEach((x, j) => write(this.r.top + i, this.r.left + j, x)));
    } else {
      for (const [row, col] of this.positions()) write(row, col, v);
    }
  }

  get Formula(): unknown {
    this.app.count(this.single ? 'Formula.cell' : 'Formula');
    return this.shape(this.matrix((c) => (c?.formula ? c.formula : c?.value === undefined || !c ? '' : String(c.value))));
  }
  set Formula(v: unknown) {
    this.guardWrite();
    for (const [row, col] of this.positions()) {
      const cell = this.sheet.cellAt(row, col, true);
      const f = String(v);
      if (f.startsWith('=')) {
        cell.formula = f;
        cell.value = undefined;
      } else this.sheet.Range(toA1(row, col)).Value2 = f;
    }
  }

  get NumberFormat(): string | null {
    this.app.count(this.single ? 'NumberFormat.cell' : 'NumberFormat');
    const f = this.uniform((c) => (c ? c.numberFormat : 'General'));
    return f === 'General' && this.app.options.chineseGeneral ? 'G/通用格式' : f;
  }
  set NumberFormat(v: string | null) {
    const f = v === 'G/通用格式' || v === null ? 'General' : v;
    for (const [row, col] of this.positions()) this.sheet.cellAt(row, col, true).numberFormat = f;
  }

  get IndentLevel(): number | null {
    this.app.count(this.single ? 'IndentLevel.cell' : 'IndentLevel');
    return this.uniform((c) => (c ? c.indent : 0));
  }

  get Text(): unknown {
    this.app.count('Text');
    return this.app.member(() =>
      this.uniform((c) => {
        if (!c || c.value === undefined) return c?.text ?? '';
        if (c.text !== undefined) return c.text;
        if (typeof c.value === 'number') return formatNumber(c.value, c.numberFormat === 'General' ? undefined : c.numberFormat);
        if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
        return String(c.value);
      }),
    );
  }

  get Row(): number {
    return this.app.member(() => this.r.top + 1);
  }
  get Column(): number {
    return this.app.member(() => this.r.left + 1);
  }
  get Rows(): { Count: number; Item(i: number): FakeRange } {
    const self = this.bound();
    return {
      get Count() {
        return self.app.member(() => self.rowCount);
      },
      Item: (i: number) => new FakeRange(this.sheet, { ...this.r, top: this.r.top + i - 1, bottom: this.r.top + i - 1 }),
    };
  }
  get Columns(): { Count: number; Item(i: number): FakeRange } {
    const self = this.bound();
    return {
      get Count() {
        return self.app.member(() => self.colCount);
      },
      Item: (i: number) => new FakeRange(this.sheet, { ...this.r, left: this.r.left + i - 1, right: this.r.left + i - 1 }),
    };
  }
  get Address(): string {
    return this.app.member(
      () => addressOf(this.r),
      (rowAbs = true, colAbs = true) => addressOf(this.r, rowAbs !== false, colAbs !== false),
    );
  }
  get Worksheet(): FakeWorksheet {
    return this.app.member(() => this.sheet);
  }

  private mergesTouching(): CellRange[] {
    return this.sheet.merges.filter((m) => !(m.bottom < this.r.top || m.top > this.r.bottom || m.right < this.r.left || m.left > this.r.right));
  }
  get MergeCells(): boolean | null {
    this.app.count(this.single ? 'MergeCells.cell' : 'MergeCells');
    const touching = this.mergesTouching();
    if (touching.length === 0) return false;
    let covered = 0;
    for (const m of touching) {
      const i = intersect(m, this.r);
      if (i) covered += (i.bottom - i.top + 1) * (i.right - i.left + 1);
    }
    return covered === this.rowCount * this.colCount ? true : null;
  }
  get MergeArea(): FakeRange {
    this.app.count('MergeArea');
    return this.app.member(() => {
      const m = this.sheet.merges.find((x) => rangeContains(x, this.r.top, this.r.left));
      return new FakeRange(this.sheet, m ? { ...m } : { top: this.r.top, left: this.r.left, bottom: this.r.top, right: this.r.left });
    });
  }
  Merge(): void {
    this.guardWrite();
    for (const m of this.mergesTouching()) this.sheet.merges.splice(this.sheet.merges.indexOf(m), 1);
    for (const [row, col, cell] of [...this.existing()]) {
      if (row !== this.r.top || col !== this.r.left) cell.value = undefined;
    }
    this.sheet.merges.push({ ...this.r });
  }

  get Interior(): Record<string, unknown> {
    const self = this.bound();
    const each = (f: (i: FakeInterior) => void) => {
      for (const [row, col] of self.positions()) f(self.sheet.cellAt(row, col, true).interior);
    };
    const read = (f: (i: FakeInterior) => number) => {
      self.app.count('Interior');
      return self.uniform((c) => f(c ? c.interior : newCell().interior));
    };
    return {
      get Color() {
        return read((i) => i.color);
      },
      set Color(v: number | null) {
        each((i) => {
          i.color = Number(v) & 0xffffff;
          i.colorIndex = paletteIndex(i.color);
          if (i.pattern === NO_FILL) i.pattern = 1;
        });
      },
      get ColorIndex() {
        return read((i) => i.colorIndex);
      },
      set ColorIndex(v: number | null) {
        each((i) => {
          if (Number(v) === NO_FILL) Object.assign(i, newCell().interior);
          else {
            i.colorIndex = Number(v);
            i.color = v === 2 ? WHITE : v === 1 ? 0 : v === 3 ? 0x0000ff : 0xc0c0c0;
            if (i.pattern === NO_FILL) i.pattern = 1;
          }
        });
      },
      get Pattern() {
        return read((i) => i.pattern);
      },
      set Pattern(v: number | null) {
        each((i) => {
          if (Number(v) === NO_FILL) Object.assign(i, newCell().interior);
          else i.pattern = Number(v);
        });
      },
      get PatternColor() {
        return read((i) => i.patternColor);
      },
      set PatternColor(v: number | null) {
        each((i) => (i.patternColor = Number(v)));
      },
    };
  }

  get Font(): Record<string, unknown> {
    const self = this.bound();
    const each = (f: (c: FakeCell) => void) => {
      for (const [row, col] of self.positions()) f(self.sheet.cellAt(row, col, true));
    };
    return {
      get Bold() {
        return self.uniform((c) => (c ? c.font.bold : false));
      },
      set Bold(v: boolean | null) {
        each((c) => (c.font.bold = !!v));
      },
      get Size() {
        return self.uniform((c) => (c ? c.font.size : 11));
      },
      set Size(v: number | null) {
        each((c) => (c.font.size = Number(v)));
      },
      get Name() {
        return self.uniform((c) => (c ? c.font.name : '宋体'));
      },
      set Name(v: string | null) {
        each((c) => (c.font.name = String(v)));
      },
    };
  }

  get Borders(): Record<string, unknown> {
    const self = this.bound();
    const each = (f: (b: { lineStyle: number; weight: number }) => void) => {
      for (const [row, col] of self.positions()) {
        const c = self.sheet.cellAt(row, col, true);
        c.border = c.border ?? { lineStyle: NO_FILL, weight: 2 };
        f(c.border);
      }
    };
    return {
      get LineStyle() {
        return self.uniform((c) => c?.border?.lineStyle ?? NO_FILL);
      },
      set LineStyle(v: number | null) {
        each((b) => (b.lineStyle = Number(v)));
      },
      get Weight() {
        return self.uniform((c) => c?.border?.weight ?? 2);
      },
      set Weight(v: number | null) {
        each((b) => (b.weight = Number(v)));
      },
    };
  }

  get HorizontalAlignment(): number | null {
    return this.uniform((c) => c?.hAlign ?? 1);
  }
  set HorizontalAlignment(v: number | null) {
    for (const [row, col] of this.positions()) this.sheet.cellAt(row, col, true).hAlign = Number(v);
  }
  get VerticalAlignment(): number | null {
    return this.uniform((c) => c?.vAlign ?? -4107);
  }
  set VerticalAlignment(v: number | null) {
    for (const [row, col] of this.positions()) this.sheet.cellAt(row, col, true).vAlign = Number(v);
  }
  get WrapText(): boolean | null {
    return this.uniform((c) => c?.wrap ?? false);
  }
  set WrapText(v: boolean | null) {
    for (const [row, col] of this.positions()) this.sheet.cellAt(row, col, true).wrap = !!v;
  }

  get ColumnWidth(): number | null {
    const widths = new Set<number>();
    for (let c = this.r.left; c <= this.r.right; c++) widths.add(this.sheet.columnWidths.get(c) ?? 8.38);
    return widths.size === 1 ? [...widths][0] : null;
  }
  set ColumnWidth(v: number | null) {
    for (let c = this.r.left; c <= this.r.right; c++) this.sheet.columnWidths.set(c, Number(v));
  }
  get RowHeight(): number | null {
    const hs = new Set<number>();
    for (let r = this.r.top; r <= this.r.bottom && r < this.r.top + 10000; r++) hs.add(this.sheet.rowHeights.get(r) ?? 13.5);
    return hs.size === 1 ? [...hs][0] : null;
  }
  set RowHeight(v: number | null) {
    for (let r = this.r.top; r <= this.r.bottom; r++) this.sheet.rowHeights.set(r, Number(v));
  }

  /** Rows (whole-row ranges) or columns (whole-column ranges) hidden: true/false, null when mixed. */
  get Hidden(): boolean | null {
    this.app.count('Hidden');
    const wholeRows = this.r.left === 0 && this.r.right === 16383;
    const set = wholeRows ? this.sheet.hiddenRows : this.sheet.hiddenCols;
    const from = wholeRows ? this.r.top : this.r.left;
    const to = wholeRows ? this.r.bottom : this.r.right;
    let hidden = 0;
    for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
    return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
  }
  set Hidden(v: boolean | null) {
    const wholeRows = this.r.left === 0 && this.r.right === 16383;
    const set = wholeRows ? this.sheet.hiddenRows : this.sheet.hiddenCols;
    const from = wholeRows ? this.r.top : this.r.left;
    const to = wholeRows ? this.r.bottom : this.r.right;
    for (let i = from; i <= to; i++) {
      if (v) set.add(i);
      else set.delete(i);
    }
  }
  /** SpecialCells(xlCellTypeVisible = 12): the visible cells as runs of rows × runs of columns (Areas). */
  SpecialCells(type: number): unknown {
    this.app.count('SpecialCells');
    if (type !== 12) throw new Error('不支持的 SpecialCells 类型');
    const runs = (from: number, to: number, hidden: Set<number>) => {
      const out: [number, number][] = [];
      for (let i = from; i <= to; i++) {
        if (hidden.has(i)) continue;
        const last = out[out.length - 1];
        if (last && last[1] === i - 1) last[1] = i;
        else out.push([i, i]);
      }
      return out;
    };
    const areas: FakeRange[] = [];
    for (const [top, bottom] of runs(this.r.top, this.r.bottom, this.sheet.hiddenRows)) {
      for (const [left, right] of runs(this.r.left, this.r.right, this.sheet.hiddenCols)) areas.push(new FakeRange(this.sheet, { top, left, bottom, right }));
    }
    if (areas.length === 0) throw new Error('没有找到单元格。');
    const app = this.app;
    return {
      get Areas() {
        return {
          get Count() {
            return app.member(() => areas.length);
          },
          Item: (i: number) => areas[i - 1],
        };
      },
      get Address() {
        return app.member(() => areas.map((a) => a.Address).join(','));
      },
    };
  }
  get EntireRow(): FakeRange {
    return new FakeRange(this.sheet, { top: this.r.top, bottom: this.r.bottom, left: 0, right: 16383 });
  }
  get EntireColumn(): FakeRange {
    return new FakeRange(this.sheet, { top: 0, bottom: 1048575, left: this.r.left, right: this.r.right });
  }

  get Comment(): unknown {
    this.app.count('Comment');
    return this.app.member(() => {
      const cell = this.sheet.cellAt(this.r.top, this.r.left);
      if (!cell?.comment) return null;
      return makeComment(this.sheet, this.r.top, this.r.left);
    });
  }
  AddComment(text = ''): unknown {
    this.guardWrite();
    const cell = this.sheet.cellAt(this.r.top, this.r.left, true);
    if (cell.comment) throw new Error('应用程序定义或对象定义错误（单元格已有批注）');
    cell.comment = { text: String(text), author: 'WPS' };
    return makeComment(this.sheet, this.r.top, this.r.left);
  }
  ClearContents(): void {
    this.Value2 = '';
  }
  Select(): void {
    if (this.sheet.wb.active !== this.sheet) throw new Error('Range 类的 Select 方法无效（工作表未激活）');
    this.app.selection = this;
  }
  Activate(): void {
    this.Select();
  }
}

function makeComment(sheet: FakeWorksheet, row: number, col: number): unknown {
  const cell = () => sheet.cellAt(row, col);
  return {
    Text(text?: string) {
      const c = cell();
      if (!c?.comment) throw new Error('批注已被删除');
      if (text !== undefined) c.comment.text = String(text);
      return c.comment.text;
    },
    Delete() {
      const c = cell();
      if (c) c.comment = undefined;
    },
    get Parent() {
      return new FakeRange(sheet, { top: row, left: col, bottom: row, right: col });
    },
    get Author() {
      return cell()?.comment?.author ?? '';
    },
  };
}

function intersect(a: CellRange, b: CellRange): CellRange | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** Everything a clear must put back, per cell: fill and comment. */
export function snapshotLooks(app: FakeApplication): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of app.workbook.sheets) {
    if (ws.name === '_jiaohe_marks') continue;
    for (const [k, cell] of ws.cells) {
      const i = cell.interior;
      const looks = JSON.stringify({ p: i.pattern, c: i.color, ci: i.colorIndex, pc: i.patternColor, note: cell.comment?.text ?? null });
      const plain = i.pattern === NO_FILL && !cell.comment;
      if (!plain) out.set(`${ws.name}!${toA1(Math.floor(k / 16384), k % 16384)}`, looks);
    }
  }
  return out;
}
