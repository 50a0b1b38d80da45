import { parseA1, parseRange, rangeToA1, toA1 } from '../../core/grid';
import type { Grid } from '../../core/grid';
import type { Finding } from '../../core/types';
import type { SheetPlan } from '../../core/plan';
import type { BookProgress, HostKind, ReadProgress, SelectionInfo, SpreadsheetHost } from '../host';
import { VERIFIED_FILL } from '../host';
import { sanitizeIgnored, type IgnoredFinding } from '../../core/report/review';
import { count, EtApplication, EtRange, EtSheets, EtWorksheet, findSheet, item, prop, toMatrix, tryProp, XL } from './et';
import { readWorksheet, ReadStats } from './etRead';
import { applyMarks, readIgnoredRecords, readMarkRecords, restoreMarks, writeMarkRecords, MARKS_SHEET } from './etMarks';
import { protectText, renderPlan } from './etPlan';
import { unreadGrid } from '../readLimit';

export interface WpsHostOptions {
  /** The ET Application object; defaults to `window.Application` (the WPS add-in runtime). */
  application?: unknown;
}

function globalApplication(): EtApplication {
  const g = (typeof window !== 'undefined' ? window : globalThis) as unknown as { Application?: EtApplication };
  if (!g.Application) throw new Error('未检测到 WPS 表格（window.Application 不存在），请在 WPS 表格中打开本加载项。');
  return g.Application;
}

/**
 * SpreadsheetHost over the WPS 表格 object model. The ET API is synchronous; the methods are async only
 * to share the interface with ExcelHost.
 */
export class WpsHost implements SpreadsheetHost {
  readonly kind: HostKind = 'wps';
  /** Calls of the last readActiveSheet that scale with the sheet (for tests and benchmarks). */
  lastReadStats: ReadStats = { calls: 0 };
  private readonly explicitApp: EtApplication | undefined;

  constructor(options: WpsHostOptions = {}) {
    this.explicitApp = options.application as EtApplication | undefined;
  }

  get app(): EtApplication {
    return this.explicitApp ?? globalApplication();
  }

  private sheets(): EtSheets {
    const wb = tryProp<{ Worksheets: EtSheets }>(this.app, 'ActiveWorkbook');
    if (!wb && !this.app.Worksheets) throw new Error('WPS 中没有打开的工作簿。');
    return wb?.Worksheets ?? this.app.Worksheets;
  }

  private sheet(name: string): EtWorksheet {
    const ws = findSheet(this.sheets(), name);
    if (!ws) throw new Error(`找不到工作表“${name}”，它可能已被重命名或删除。`);
    return ws;
  }

  /** ScreenUpdating off while fn runs, and back to what it was afterwards, whatever happens. */
  private withScreenOff<T>(fn: () => T): T {
    const app = this.app;
    const before = app.ScreenUpdating;
    app.ScreenUpdating = false;
    try {
      return fn();
    } finally {
      app.ScreenUpdating = before === false ? false : true;
    }
  }

  async readActiveSheet(onProgress?: ReadProgress): Promise<Grid> {
    const ws = tryProp<EtWorksheet>(this.app, 'ActiveSheet');
    if (!ws) throw new Error('WPS 中没有活动的工作表，请先打开一个工作簿。');
    const stats: ReadStats = { calls: 0 };
    const grid = readWorksheet(ws, onProgress, stats);
    this.lastReadStats = stats;
    return grid;
  }

  /** Every visible worksheet in tab order (not Jiaohe's very hidden marks record). */
  async readAllSheets(onProgress?: BookProgress): Promise<Grid[]> {
    const sheets = this.sheets();
    const visible: EtWorksheet[] = [];
    for (let i = 1; i <= count(sheets); i++) {
      const ws = item<EtWorksheet>(sheets, i);
      const shown = tryProp<number | boolean>(ws, 'Visible');
      if (prop<string>(ws, 'Name') !== MARKS_SHEET && (shown === null || shown === true || shown === XL.sheetVisible)) visible.push(ws);
    }
    const stats: ReadStats = { calls: 0 };
    const grids: Grid[] = [];
    for (let i = 0; i < visible.length; i++) {
      const name = prop<string>(visible[i], 'Name');
      onProgress?.(name, i + 1, visible.length);
      try {
        grids.push(readWorksheet(visible[i], undefined, stats));
      } catch (err) {
        grids.push(unreadGrid(name, err));
      }
    }
    this.lastReadStats = stats;
    return grids;
  }

  async markFindings(findings: Finding[]): Promise<number> {
    if (findings.length === 0) return 0;
    return this.withScreenOff(() => {
      const app = this.app;
      const records = readMarkRecords(app);
      let marked: number;
      try {
        marked = applyMarks(app, findings, records);
      } catch (err) {
        // Cells painted before the failure are in `records`: save them, so 清除标记 can still undo them.
        try {
          writeMarkRecords(app, records);
        } catch {
          /* the first error is the one to report */
        }
        throw new Error(`无法在单元格上标记（工作表可能受保护，请先撤销保护）：${err instanceof Error ? err.message : String(err)}`);
      }
      writeMarkRecords(app, records);
      return marked;
    });
  }

  async markVerified(cells: { sheet: string; cell: string }[]): Promise<number> {
    if (cells.length === 0) return 0;
    return this.withScreenOff(() => {
      const records = readMarkRecords(this.app);
      const findings = cells.map((c) => ({ ...c, rule: 'sum.column', severity: 'hint', message: '' }) as Finding);
      const marked = applyMarks(this.app, findings, records, { fill: VERIFIED_FILL, note: false });
      writeMarkRecords(this.app, records);
      return marked;
    });
  }

  async readIgnored(): Promise<IgnoredFinding[]> {
    return readIgnoredRecords(this.app);
  }

  async writeIgnored(list: IgnoredFinding[]): Promise<void> {
    this.withScreenOff(() => writeMarkRecords(this.app, readMarkRecords(this.app), sanitizeIgnored(list)));
  }

  async readCells(sheet: string, range: string): Promise<string[][]> {
    const r = parseRange(range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const target = this.sheet(sheet).Range(rangeToA1(r));
    const text = rows === 1 && cols === 1 ? [[tryProp(target, 'Text')]] : toMatrix(tryProp(target, 'Value2'), rows, cols, true);
    return text.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
  }

  async clearMarks(): Promise<number> {
    const app = this.app;
    const records = readMarkRecords(app);
    if (records.length === 0) return 0;
    return this.withScreenOff(() => {
      const { restored, kept } = restoreMarks(app, records);
      writeMarkRecords(app, kept);
      return restored;
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = this.sheet(sheet);
    const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
    const range = rangeToA1(parseRange(bare));
    ws.Activate();
    ws.Range(range).Select();
  }

  async getSelection(): Promise<SelectionInfo> {
    const sel = tryProp<EtRange>(this.app, 'Selection');
    const rawAddress = sel ? tryProp<string>(sel, 'Address', false, false) : null;
    if (!sel || typeof rawAddress !== 'string' || rawAddress === '') {
      throw new Error('请先在工作表中选中单元格。');
    }
    // A multi-area selection ("A1:B2,D4") counts by its first area, as Excel's does.
    const r = parseRange(rawAddress.split(',')[0].replace(/\$/g, ''));
    const owner = tryProp<EtWorksheet>(sel, 'Worksheet') ?? tryProp<EtWorksheet>(this.app, 'ActiveSheet');
    return {
      sheet: owner ? String(prop(owner, 'Name')) : '',
      address: rangeToA1(r),
      top: r.top,
      left: r.left,
      rowCount: r.bottom - r.top + 1,
      colCount: r.right - r.left + 1,
    };
  }

  async insertAtSelection(values: (string | number | null)[][]): Promise<void> {
    const sel = await this.getSelection();
    await this.writeCells(sel.sheet, toA1(sel.top, sel.left), values);
  }

  async writeCells(sheet: string, topLeft: string, values: (string | number | null)[][]): Promise<void> {
    if (values.length === 0) return;
    const cols = Math.max(...values.map((r) => r.length));
    if (cols === 0) return;
    if (sheet === MARKS_SHEET) throw new Error('不能写入校核标记记录表。');
    const ws = this.sheet(sheet);
    const start = parseA1(topLeft.includes('!') ? topLeft.slice(topLeft.lastIndexOf('!') + 1) : topLeft);
    const matrix = values.map((row) => {
      const out: (string | number)[] = [];
      for (let c = 0; c < cols; c++) out.push(protectText(row[c] ?? null));
      return out;
    });
    this.withScreenOff(() => {
      const target = ws.Range(
        rangeToA1({ top: start.row, left: start.col, bottom: start.row + values.length - 1, right: start.col + cols - 1 }),
      );
      target.Value2 = matrix.length === 1 && cols === 1 ? matrix[0][0] : matrix;
    });
  }

  async addSheet(plan: SheetPlan): Promise<string> {
    return this.withScreenOff(() => renderPlan(this.app, this.sheets(), plan));
  }
}
