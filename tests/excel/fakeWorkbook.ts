/**
 * An in-memory workbook exposed through office-addin-mock's OfficeMockObject, so ExcelHost runs against the same
 * load/sync rules as in Office (a property read before load+sync is an error string, not a value).
 *
 * office-addin-mock has no model behind its objects, so this adds one: each Excel object is an OfficeMockObject
 * built from the model when it is requested, wrapped in a Proxy that turns property writes and mutating method
 * calls into operations queued until context.sync(), applied in order, as Excel does. Loaded properties resolve
 * at sync. `syncCount` counts round trips.
 */
import type * as OfficeAddinMock from 'office-addin-mock';

// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose package entry drags in an
// ESM-only dependency that jest's CommonJS runtime cannot load; serve the enum from its plain CommonJS file.
// (Plain Node, as in `npm run bench`, loads the real package.) Hence require() after the mock, not import.
if (typeof jest !== 'undefined') {
  jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
}
const { OfficeMockObject } = require('office-addin-mock') as typeof OfficeAddinMock;
type OfficeMockObject = OfficeAddinMock.OfficeMockObject;
import { CellRange, parseRange, rangeToA1, toA1 } from '../../src/core/grid';
import { formatNumber } from '../../src/core/money';

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface FakeCell {
  value?: string | number | boolean;
  /** Display text when it is not the plain formatting of value (generated sheets pass it to save time). */
  text?: string;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill;
  font?: { name?: string; size?: number; bold?: boolean };
  borders?: string[];
  horizontal?: string;
  wrap?: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  /** Lazily generated content for big sheets (values that were never written come from here). */
  generated?: { top: number; left: number; rows: number; cols: number; cell: (r: number, c: number) => FakeCell | undefined };
  merges: CellRange[];
  notes: Map<string, string>;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  columnWidths: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  page: { orientation?: string; paperSize?: string };
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
}

const key = (r: number, c: number) => `${r},${c}`;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  active = '';
  selection = { sheet: '', address: 'A1' };
  syncCount = 0;
  /** Simulates Excel on the web's payload limit: a sync whose loaded ranges exceed this many cells fails. */
  maxCellsPerSync = Infinity;
  private nextCommentId = 1;

  addSheet(name: string, rows: (string | number | null)[][] = [], at = 'A1'): FakeSheet {
    const sheet: FakeSheet = {
      name,
      cells: new Map(),
      merges: [],
      notes: new Map(),
      visibility: 'Visible',
      columnWidths: new Map(),
      hiddenRows: new Set(),
      hiddenCols: new Set(),
      page: {},
    };
    const origin = parseRange(at);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        sheet.cells.set(key(origin.top + r, origin.left + c), { value: v });
      }),
    );
    this.sheets.push(sheet);
    if (!this.active) {
      this.active = name;
      this.selection = { sheet: name, address: 'A1' };
    }
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const s = this.sheet(sheet);
    if (!s) return undefined;
    const p = parseRange(address);
    return cellAt(s, p.top, p.left);
  }

  /** Writes (creating) the model cell, for test setup and for applied operations. */
  ensureCell(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { ...(cellAt(sheet, r, c) ?? {}) };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  addComment(sheet: string, cell: string, content: string): FakeComment {
    const c = { id: `c${this.nextCommentId++}`, sheet, cell, content };
    this.comments.push(c);
    return c;
  }

  /** A deep copy, as if the file was saved and opened again (nothing from the old session survives). */
  saveAndReopen(): FakeWorkbook {
    const copy = new FakeWorkbook();
    copy.sheets = this.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))])),
      merges: s.merges.map((m) => ({ ...m })),
      notes: new Map(s.notes),
      columnWidths: new Map(s.columnWidths),
      hiddenRows: new Set(s.hiddenRows),
      hiddenCols: new Set(s.hiddenCols),
      page: { ...s.page },
    }));
    copy.comments = this.comments.map((c) => ({ ...c }));
    copy.nextCommentId = this.nextCommentId;
    copy.active = this.active;
    copy.selection = { ...this.selection };
    return copy;
  }
}

function cellAt(sheet: FakeSheet, r: number, c: number): FakeCell | undefined {
  const own = sheet.cells.get(key(r, c));
  if (own) return own;
  const g = sheet.generated;
  if (g && r >= g.top && r < g.top + g.rows && c >= g.left && c < g.left + g.cols) return g.cell(r, c);
  return undefined;
}

function displayText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === undefined) return '';
  if (cell.text !== undefined) return cell.text;
  if (typeof cell.value === 'number') return formatNumber(cell.value, cell.numberFormat);
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.value;
}

function usedBox(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
  let box: CellRange | null = null;
  const grow = (r: number, c: number) => {
    box = box
      ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) }
      : { top: r, left: c, bottom: r, right: c };
  };
  const g = sheet.generated;
  if (g && g.rows > 0 && g.cols > 0) {
    grow(g.top, g.left);
    grow(g.top + g.rows - 1, g.left + g.cols - 1);
  }
  for (const [k, cell] of sheet.cells) {
    const hasValue = cell.value !== undefined && cell.value !== '';
    if (!hasValue && !cell.formula && (valuesOnly || !cell.fill)) continue;
    const [r, c] = k.split(',').map(Number);
    grow(r, c);
  }
  return box;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

type Op = () => void;
type Setter = (prop: string, value: unknown) => Op | null;

export interface FakeExcel {
  /** Pass as ExcelHostOptions.run. */
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Pass as ExcelHostOptions.isSetSupported. */
  isSetSupported: (name: string, version?: string) => boolean;
  /** The OfficeMockObject standing for the Excel namespace (Excel.run). */
  excel: OfficeMockObject;
}

function versionAtMost(version: string | undefined, max: string): boolean {
  const [a, b] = (version ?? '1.1').split('.').map(Number);
  const [x, y] = max.split('.').map(Number);
  return a < x || (a === x && b <= y);
}

/** Builds Excel.run + isSetSupported over a FakeWorkbook, for a client that supports ExcelApi up to `apiVersion`. */
export function fakeExcel(wb: FakeWorkbook, apiVersion = '1.18'): FakeExcel {
  const ops: Op[] = [];
  const loaded = new Set<OfficeMockObject>();
  const setters = new WeakMap<object, Setter>();
  const proxies = new WeakMap<object, unknown>();
  /** Where each range object points, and how many cells a load of its values brings back. */
  const rangeInfo = new WeakMap<object, { sheet: string; range: CellRange }>();
  let loadedCells = 0;

  const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

  function wrap<T extends object>(target: T): T {
    if (proxies.has(target)) return proxies.get(target) as T;
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        const v = Reflect.get(t, prop, receiver);
        if (prop === 'load') {
          return (...args: unknown[]) => {
            loaded.add(t as unknown as OfficeMockObject);
            const info = rangeInfo.get(t);
            if (info && /values|text|formulas|numberFormat/.test(JSON.stringify(args))) {
              loadedCells += (info.range.bottom - info.range.top + 1) * (info.range.right - info.range.left + 1);
            }
            (v as (...a: unknown[]) => unknown).apply(t, args);
            return proxy;
          };
        }
        if (v instanceof OfficeMockObject) return wrap(v);
        return v;
      },
      set(t, prop, value) {
        const setter = setters.get(t);
        const op = setter?.(String(prop), value);
        if (!op) throw new Error(`fake Excel: writing ${String(prop)} is not supported on this object`);
        ops.push(op);
        return Reflect.set(t, prop, value);
      },
    });
    proxies.set(target, proxy);
    return proxy;
  }

  function sheetOrFail(name: string): FakeSheet {
    const s = wb.sheet(name);
    if (!s) throw fail('ItemNotFound', `The requested resource doesn't exist: ${name}`);
    return s;
  }

  function forEachCell(sheetName: string, r: CellRange, f: (cell: FakeCell, row: number, col: number) => void) {
    const s = sheetOrFail(sheetName);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(wb.ensureCell(s, row, col), row, col);
  }

  function matrixOp(sheetName: string, r: CellRange, value: unknown, apply: (cell: FakeCell, v: unknown) => void): Op {
    return () => {
      const m = value as unknown[][];
      forEachCell(sheetName, r, (cell, row, col) => {
        const v = Array.isArray(m) ? m[row - r.top]?.[col - r.left] : value;
        if (v === null || v === undefined) return; // Excel ignores nulls in a written matrix
        apply(cell, v);
      });
    };
  }

  function writeValue(cell: FakeCell, v: unknown) {
    if (typeof v === 'string' && v.startsWith('=') && cell.numberFormat !== '@') {
      cell.formula = v;
      cell.value = undefined;
    } else {
      delete cell.formula;
      cell.value = v === '' ? undefined : (v as FakeCell['value']);
    }
  }

  function makeRange(sheetName: string, r: CellRange, wholeSheet = false): Excel.Range {
    const s = wb.sheet(sheetName);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const arrays = { values: [] as unknown[][], text: [] as string[][], numberFormat: [] as string[][], formulas: [] as unknown[][] };
    // A range too big to hold (a used range out to XFD1048576) gets no values: a host must never load them.
    const holdable = rows * cols <= 50_000_000;
    if (!wholeSheet && holdable) {
      for (let row = r.top; row <= r.bottom; row++) {
        const vr: unknown[] = [];
        const tr: string[] = [];
        const fr: string[] = [];
        const fo: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const cell = s ? cellAt(s, row, col) : undefined;
          vr.push(cell?.value ?? '');
          tr.push(displayText(cell));
          fr.push(cell?.numberFormat ?? 'General');
          fo.push(cell?.formula ?? cell?.value ?? '');
        }
        arrays.values.push(vr);
        arrays.text.push(tr);
        arrays.numberFormat.push(fr);
        arrays.formulas.push(fo);
      }
    }
    const topLeft = s ? cellAt(s, r.top, r.left) : undefined;
    const address = `${quoteSheet(sheetName)}!${rangeToA1(r)}`;
    const mock = new OfficeMockObject({
      address,
      rowIndex: r.top,
      columnIndex: r.left,
      rowCount: rows,
      columnCount: cols,
      ...arrays,
      format: {
        fill: {
          // Excel reports white for "no fill" here: only getCellProperties tells them apart.
          color: topLeft?.fill?.color ?? '#FFFFFF',
          clear: () => ops.push(() => forEachCell(sheetName, r, (cell) => delete cell.fill)),
        },
        font: { name: topLeft?.font?.name ?? 'Calibri', size: topLeft?.font?.size ?? 11, bold: !!topLeft?.font?.bold },
        borders: {
          getItem: (edge: string) => {
            const b = new OfficeMockObject({ style: 'None', weight: 'Thin' });
            setters.set(b, (prop, value) =>
              prop === 'style' ? () => forEachCell(sheetName, r, (cell) => value !== 'None' && (cell.borders = [...new Set([...(cell.borders ?? []), edge])])) : prop === 'weight' ? () => undefined : null,
            );
            return wrap(b);
          },
        },
        columnWidth: 48,
        rowHeight: 15,
        horizontalAlignment: 'General',
        verticalAlignment: 'Bottom',
        wrapText: false,
      },
      worksheet: sheetData(sheetName),
      getCellProperties: () => {
        const out: unknown[][] = [];
        for (let row = r.top; row <= r.bottom; row++) {
          const line: unknown[] = [];
          for (let col = r.left; col <= r.right; col++) {
            const f = s ? cellAt(s, row, col)?.fill : undefined;
            line.push({
              format: {
                fill: {
                  color: f?.color ?? '#FFFFFF',
                  pattern: f ? f.pattern : 'None',
                  patternColor: f?.patternColor ?? '#000000',
                  tintAndShade: f?.tintAndShade ?? 0,
                  patternTintAndShade: 0,
                },
              },
            });
          }
          out.push(line);
        }
        return { value: out };
      },
      getRowProperties: () => ({
        value: Array.from({ length: rows }, (_, i) => ({ rowIndex: r.top + i, rowHidden: !!s?.hiddenRows.has(r.top + i) })),
      }),
      getColumnProperties: () => ({
        value: Array.from({ length: cols }, (_, i) => ({ columnIndex: r.left + i, columnHidden: !!s?.hiddenCols.has(r.left + i) })),
      }),
      setCellProperties: (props: { format?: { fill?: Partial<FakeFill> } }[][]) =>
        ops.push(() =>
          forEachCell(sheetName, r, (cell, row, col) => {
            const fill = props[row - r.top]?.[col - r.left]?.format?.fill;
            if (!fill) return;
            if (fill.pattern === 'None') delete cell.fill;
            else cell.fill = { color: fill.color ?? '#FFFFFF', pattern: fill.pattern ?? 'Solid', ...(fill.patternColor ? { patternColor: fill.patternColor } : {}), ...(fill.tintAndShade ? { tintAndShade: fill.tintAndShade } : {}) };
          }),
        ),
      getMergedAreasOrNullObject: () => {
        const inside = (s?.merges ?? []).filter((m) => m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right);
        const areas = new OfficeMockObject({ address: inside.map((m) => `${quoteSheet(sheetName)}!${rangeToA1(m)}`).join(', ') });
        areas.isNullObject = inside.length === 0;
        return wrap(areas);
      },
      merge: () => ops.push(() => sheetOrFail(sheetName).merges.push({ ...r })),
      select: () => ops.push(() => (wb.selection = { sheet: sheetName, address: rangeToA1(r) })),
      clear: (applyTo?: string) =>
        ops.push(() => {
          const sh = sheetOrFail(sheetName);
          for (const [k] of [...sh.cells]) {
            const [row, col] = k.split(',').map(Number);
            if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
            if (applyTo === 'Contents') {
              const cell = sh.cells.get(k)!;
              delete cell.value;
              delete cell.formula;
            } else sh.cells.delete(k);
          }
        }),
      getEntireColumn: () => makeRange(sheetName, { top: 0, bottom: 1048575, left: r.left, right: r.right }, true),
      getEntireRow: () => makeRange(sheetName, { top: r.top, bottom: r.top, left: 0, right: 16383 }, true),
    });
    setters.set(mock, (prop, value) => {
      if (prop === 'values') return matrixOp(sheetName, r, value, writeValue);
      if (prop === 'formulas') return matrixOp(sheetName, r, value, writeValue);
      if (prop === 'numberFormat') return matrixOp(sheetName, r, value, (cell, v) => (cell.numberFormat = String(v)));
      return null;
    });
    setters.set(mock.format, (prop, value) => {
      if (prop === 'columnWidth') return () => { for (let c = r.left; c <= r.right; c++) sheetOrFail(sheetName).columnWidths.set(c, value as number); };
      if (prop === 'rowHeight' || prop === 'verticalAlignment') return () => undefined;
      if (prop === 'horizontalAlignment') return () => forEachCell(sheetName, r, (cell) => (cell.horizontal = String(value)));
      if (prop === 'wrapText') return () => forEachCell(sheetName, r, (cell) => (cell.wrap = !!value));
      return null;
    });
    setters.set(mock.format.fill, (prop, value) =>
      prop === 'color' ? () => forEachCell(sheetName, r, (cell) => (cell.fill = { color: String(value).toUpperCase(), pattern: 'Solid' })) : null,
    );
    setters.set(mock.format.font, (prop, value) =>
      ['name', 'size', 'bold'].includes(prop) ? () => forEachCell(sheetName, r, (cell) => (cell.font = { ...(cell.font ?? {}), [prop]: value })) : null,
    );
    mock.isNullObject = false;
    rangeInfo.set(mock, { sheet: sheetName, range: r });
    const proxy = wrap(mock);
    rangeInfo.set(proxy, { sheet: sheetName, range: r });
    return proxy as unknown as Excel.Range;
  }

  function noteObject(sheetName: string, cell: string): OfficeMockObject {
    const content = wb.sheet(sheetName)?.notes.get(cell);
    const note = new OfficeMockObject({
      content: content ?? '',
      delete: () => ops.push(() => wb.sheet(sheetName)?.notes.delete(cell)),
    });
    note.isNullObject = content === undefined;
    setters.set(note, (prop, value) => (prop === 'content' ? () => sheetOrFail(sheetName).notes.set(cell, String(value)) : null));
    return note;
  }

  function commentObject(c: FakeComment): OfficeMockObject {
    const comment = new OfficeMockObject({
      id: c.id,
      content: c.content,
      getLocation: () => wrap(new OfficeMockObject({ address: `${quoteSheet(c.sheet)}!${c.cell}` })),
      delete: () => ops.push(() => (wb.comments = wb.comments.filter((x) => x.id !== c.id))),
    });
    setters.set(comment, (prop, value) => (prop === 'content' ? () => (c.content = String(value)) : null));
    return wrap(comment);
  }

  function rangeArg(sheetName: string, arg: unknown): { sheet: string; cell: string } {
    if (typeof arg === 'string') {
      const bang = arg.lastIndexOf('!');
      return bang >= 0 ? { sheet: arg.slice(0, bang).replace(/^'|'$/g, ''), cell: arg.slice(bang + 1) } : { sheet: sheetName, cell: arg };
    }
    const info = rangeInfo.get(arg as object);
    if (!info) throw new Error('fake Excel: expected a Range or an address');
    return { sheet: info.sheet, cell: toA1(info.range.top, info.range.left) };
  }

  function sheetData(name: string): Record<string, unknown> {
    return {
      name,
      getRange: (address?: string) =>
        address ? makeRange(name, parseRange(address)) : makeRange(name, { top: 0, left: 0, bottom: 1048575, right: 16383 }, true),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
        makeRange(name, { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
      activate: () => ops.push(() => (wb.active = sheetOrFail(name).name)),
      delete: () =>
        ops.push(() => {
          const s = sheetOrFail(name);
          if (s.visibility === 'VeryHidden') throw fail('InvalidOperation', 'Cannot delete a very hidden sheet');
          wb.sheets = wb.sheets.filter((x) => x !== s);
        }),
    };
  }

  function makeSheet(name: string): Excel.Worksheet {
    const s = wb.sheet(name);
    const mock = new OfficeMockObject({
      ...sheetData(name),
      visibility: s?.visibility ?? 'Visible',
      getUsedRange: (valuesOnly?: boolean) => {
        const box = usedBox(sheetOrFail(name), !!valuesOnly);
        return makeRange(name, box ?? { top: 0, left: 0, bottom: 0, right: 0 });
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        const box = usedBox(sheetOrFail(name), !!valuesOnly);
        return box ? makeRange(name, box) : nullRange();
      },
      notes: {
        getItemOrNullObject: (cell: string) => wrap(noteObject(name, cell.replace(/\$/g, '').toUpperCase())),
        add: (where: unknown, content: string) => {
          const at = rangeArg(name, where);
          ops.push(() => sheetOrFail(at.sheet).notes.set(at.cell, content));
        },
      },
      comments: {
        load: function (this: OfficeMockObject) {
          // load('items/content'): every item's content resolves at the next sync.
          this.items = wb.comments
            .filter((c) => c.sheet === name)
            .map((c) => (commentObject(c) as unknown as { load: (p: string) => OfficeMockObject }).load('content'));
          return this;
        },
        items: [],
      },
      pageLayout: { orientation: 'Portrait', paperSize: 'Letter', zoom: {} },
    });
    setters.set(mock, (prop, value) =>
      prop === 'visibility' ? () => (sheetOrFail(name).visibility = value as FakeSheet['visibility']) : null,
    );
    setters.set(mock.pageLayout, (prop, value) =>
      prop === 'orientation' || prop === 'paperSize' ? () => (sheetOrFail(name).page[prop] = String(value)) : prop === 'zoom' ? () => undefined : null,
    );
    return wrap(mock) as unknown as Excel.Worksheet;
  }

  function nullRange(): Excel.Range {
    const mock = new OfficeMockObject({ address: '', rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 });
    mock.isNullObject = true;
    return wrap(mock) as unknown as Excel.Range;
  }

  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        getActiveWorksheet: () => makeSheet(wb.active),
        getItem: (name: string) => {
          // Excel fails at sync, not here; a sheet added earlier in the same batch is fine.
          if (!wb.sheet(name) && !pendingAdds.has(name)) ops.push(() => sheetOrFail(name));
          return makeSheet(name);
        },
        add: (name: string) => {
          pendingAdds.add(name);
          ops.push(() => {
            pendingAdds.delete(name);
            if (wb.sheet(name)) throw fail('ItemAlreadyExists', `Sheet ${name} exists`);
            wb.addSheet(name);
          });
          return makeSheet(name);
        },
        load: function (this: OfficeMockObject) {
          this.items = wb.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
          return this;
        },
        items: [],
      },
      comments: {
        add: (where: unknown, content: string) => {
          const at = rangeArg('', where);
          ops.push(() => wb.addComment(at.sheet, at.cell, content));
        },
      },
      getSelectedRange: () => makeRange(wb.selection.sheet, parseRange(wb.selection.address)),
    },
    sync: async () => {
      wb.syncCount++;
      const batch = ops.splice(0);
      const toResolve = [...loaded];
      loaded.clear();
      const cells = loadedCells;
      loadedCells = 0;
      if (cells > wb.maxCellsPerSync) throw fail('ResponsePayloadSizeLimitExceeded', 'Response payload size has exceeded the limit.');
      for (const op of batch) op();
      for (const o of toResolve) await OfficeMockObject.prototype.sync.call(o);
      // office-addin-mock resolves nested properties in later microtasks: let them settle.
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  const pendingAdds = new Set<string>();

  const excel = new OfficeMockObject({
    run: async (batch: (ctx: unknown) => Promise<unknown>) => batch(context),
  });
  return {
    excel,
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => excel.run(batch) as Promise<T>,
    isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && versionAtMost(version, apiVersion),
  };
}

