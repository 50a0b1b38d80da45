/**
 * The Excel adapter: Excel.run batches that turn the active sheet into a Grid and findings/plans back into cells.
 *
 * Round trips are what make an add-in slow (each context.sync() is a message to Excel, and on the web a network
 * request), so every operation here uses a fixed number of syncs, never one per cell or row:
 * - readActiveSheet: 1 (sheet, used range size, merges) + 1 per row chunk (1 chunk unless the sheet is too big for
 *   one payload under the 5 MB limit);
 * - markFindings: 3 (4 with threaded comments); clearMarks: 4 (5 with comments); selection/insert/addSheet: ≤ 2.
 *
 * Only ExcelApi 1.1 is required. Newer sets are detected at run time and used when present:
 * 1.2 getUsedRange(valuesOnly), merge, column widths · 1.9 getCellProperties/setCellProperties (tells "no fill" from
 * white, restores pattern fills), hidden rows/columns and page layout · 1.10 threaded comments · 1.13 getMergedAreasOrNullObject ·
 * 1.18 notes. Without 1.18 and 1.10 a mark's message stays in the marks record and the task pane only.
 */
import { CellData, CellRange, Grid, parseA1, rangeToA1 } from '../../core/grid';
import { Finding, Severity, worseSeverity } from '../../core/types';
import type { PlanStyle, SheetPlan } from '../../core/plan';
import type { BookProgress, HostKind, ReadProgress, SelectionInfo, SpreadsheetHost } from '../host';
import { VERIFIED_FILL } from '../host';
import { tooLargeToRead, unreadGrid } from '../readLimit';
import { sanitizeIgnored, type IgnoredFinding } from '../../core/report/review';
import {
  DEFAULT_BYTES_PER_CELL,
  DEFAULT_PAYLOAD_BUDGET,
  measureBlockBytes,
  parseAddressList,
  placeBlock,
  planRead,
  rowsPerChunk,
} from './readPlan';
import {
  Annotation,
  LastCheck,
  MARK_FILL,
  MARKS_SHEET,
  MarkEntry,
  MarksRecord,
  NOTE_PREFIX,
  OriginalFill,
  isEmptyRecord,
  isNoFill,
  markKey,
  recordToRows,
  rowsToRecord,
  sameColor,
} from './marksRecord';
import { ExcelHostError, isPayloadLimitError, toHostError } from './errors';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Defaults to the global Excel.run; tests pass a mock's. */
  run?: ExcelRun;
  /** Defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, minVersion?: string) => boolean;
  /** Bytes one round trip may carry (default 4 MiB, under Excel on the web's 5 MB limit). */
  payloadBudget?: number;
  /** Starting estimate of wire bytes per cell for values+text+formulas+numberFormat. */
  bytesPerCell?: number;
}

export interface ReadStats {
  sheet: string;
  rows: number;
  cols: number;
  /** context.sync() calls the read made. */
  syncs: number;
  chunks: number;
  /** Rows in the first chunk (all rows when the sheet was read in one go). */
  chunkRows: number;
  estimatedBytes: number;
  /** What the loaded arrays actually weighed, approximately. */
  measuredBytes: number;
}

export interface MarkOptions {
  /** Records this as the last one-click check (sheet and counts) in the marks record, for the task pane. */
  checkedSheet?: string;
}

export type AnnotationMode = Annotation;

interface Target {
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
}

const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
};

/** Unique findings by cell; several findings on one cell share one mark, errors win over warnings. */
export function collectTargets(findings: readonly Finding[]): Target[] {
  const byKey = new Map<string, Target>();
  for (const f of findings) {
    let cell: string;
    try {
      const p = parseA1(f.cell);
      cell = rangeToA1({ top: p.row, left: p.col, bottom: p.row, right: p.col });
    } catch {
      continue; // a finding without a single-cell address cannot be marked; it stays in the pane's list
    }
    const key = markKey(f.sheet, cell);
    const prior = byKey.get(key);
    if (!prior) {
      byKey.set(key, { sheet: f.sheet, cell, severity: f.severity, message: f.message });
    } else {
      prior.severity = worseSeverity(prior.severity, f.severity);
      if (!prior.message.split('\n').includes(f.message)) prior.message += `\n${f.message}`;
    }
  }
  return [...byKey.values()];
}

export function annotationText(message: string): string {
  return NOTE_PREFIX + message;
}

/** Excel column width in characters → points: pixels = width × 7 + 5 (max digit width 7 px at 11 pt), ×0.75 pt/px. */
export function columnWidthPoints(chars: number): number {
  return Math.round((Math.max(0, chars) * 7 + 5) * 0.75 * 100) / 100;
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function uniqueSheetName(wanted: string, existing: ReadonlySet<string>): string {
  const clean = (wanted || '校核').replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim() || '校核';
  const lower = new Set([...existing].map((n) => n.toLowerCase()));
  const base = clean.slice(0, 31);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * Values to write, plus the number formats that keep strings as text: without "@", Excel turns "2101501" into a
 * number, "1-2" into a date and "=x" into a formula. null entries leave a cell's format unchanged.
 */
export function toWritable(values: readonly (readonly (string | number | null)[])[]): {
  values: (string | number)[][];
  formats: (string | null)[][];
  needsFormats: boolean;
  rows: number;
  cols: number;
} {
  const rows = values.length;
  const cols = values.reduce((m, r) => Math.max(m, r.length), 0);
  let needsFormats = false;
  const out: (string | number)[][] = [];
  const formats: (string | null)[][] = [];
  for (const r of values) {
    const vr: (string | number)[] = [];
    const fr: (string | null)[] = [];
    for (let c = 0; c < cols; c++) {
      const v = r[c];
      if (typeof v === 'number' && Number.isFinite(v)) {
        vr.push(v);
        fr.push(null);
      } else if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
        vr.push('');
        fr.push(null);
      } else {
        const s = String(v);
        const risky = /^[=+\-@]/.test(s) || /^[\s\d.,:/%年月日-]+$/.test(s) || /^[\d.]+[eE][+-]?\d+$/.test(s);
        vr.push(s);
        fr.push(risky && s.trim() !== '' ? '@' : null);
        if (risky) needsFormats = true;
      }
    }
    out.push(vr);
    formats.push(fr);
  }
  return { values: out, formats, needsFormats, rows, cols };
}

function stripSheet(address: string): string {
  return address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
}

function boundingRange(plan: SheetPlan): CellRange | null {
  let box: CellRange | null = null;
  const grow = (r: CellRange) => {
    box = box
      ? { top: Math.min(box.top, r.top), left: Math.min(box.left, r.left), bottom: Math.max(box.bottom, r.bottom), right: Math.max(box.right, r.right) }
      : { ...r };
  };
  for (const c of plan.cells) grow({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  for (const m of plan.merges) grow(m);
  return box;
}

export class ExcelHost implements SpreadsheetHost {
  readonly kind: HostKind = 'excel';
  /** Figures of the last readActiveSheet, for the pane's status line and the bench. */
  lastReadStats: ReadStats | null = null;
  private readonly runBatch: ExcelRun;
  private readonly isSetSupported: (name: string, minVersion?: string) => boolean;
  private readonly payloadBudget: number;
  private readonly bytesPerCell: number;

  constructor(options: ExcelHostOptions = {}) {
    this.runBatch = options.run ?? (<T>(batch: (c: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.isSetSupported =
      options.isSetSupported ??
      ((name, version) =>
        typeof Office !== 'undefined' && !!Office.context?.requirements && Office.context.requirements.isSetSupported(name, version));
    this.payloadBudget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.bytesPerCell = options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL;
  }

  /** True when the running Excel supports ExcelApi at this version. */
  supports(version: string): boolean {
    try {
      return this.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  }

  /** How mark messages are attached here: notes (1.18), threaded comments (1.10), or only the record. */
  annotationMode(): AnnotationMode {
    if (this.supports('1.18')) return 'note';
    if (this.supports('1.10')) return 'comment';
    return 'none';
  }

  private async run<T>(doing: string, doingEn: string, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.runBatch(batch);
    } catch (e) {
      throw toHostError(e, doing, doingEn);
    }
  }

  // ── read ────────────────────────────────────────────────────────────────────────────────────────────────

  async readActiveSheet(onProgress?: ReadProgress): Promise<Grid> {
    return this.run('读取工作表', 'Reading the sheet', (ctx) => this.readSheetIn(ctx, ctx.workbook.worksheets.getActiveWorksheet(), onProgress));
  }

  /**
   * Every visible worksheet in tab order (not Jiaohe's hidden marks record), one after the other; stops between
   * sheets when the signal aborts.
   */
  async readAllSheets(onProgress?: BookProgress, signal?: AbortSignal): Promise<Grid[]> {
    return this.run('读取工作簿', 'Reading the workbook', async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load(this.supports('1.2') ? 'items/name,items/visibility' : 'items/name');
      await ctx.sync();
      const names = sheets.items
        .filter((ws) => ws.name !== MARKS_SHEET && (ws.visibility === undefined || ws.visibility === 'Visible'))
        .map((ws) => ws.name);
      const grids: Grid[] = [];
      for (let i = 0; i < names.length && !signal?.aborted; i++) {
        onProgress?.(names[i], i + 1, names.length);
        try {
          grids.push(await this.readSheetIn(ctx, sheets.getItem(names[i])));
        } catch (err) {
          grids.push(unreadGrid(names[i], err));
        }
      }
      return grids;
    });
  }

  private async readSheetIn(ctx: Excel.RequestContext, sheet: Excel.Worksheet, onProgress?: ReadProgress): Promise<Grid> {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await ctx.sync();
    };
    sheet.load('name');
    // valuesOnly: a column formatted down to row 1,048,576 must not make the used range a million rows.
    const used = this.supports('1.4')
      ? sheet.getUsedRangeOrNullObject(true)
      : this.supports('1.2')
        ? sheet.getUsedRange(true)
        : sheet.getUsedRange();
    used.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    await sync();
    if (used.isNullObject) {
      this.lastReadStats = { sheet: sheet.name, rows: 0, cols: 0, syncs, chunks: 0, chunkRows: 0, estimatedBytes: 0, measuredBytes: 0 };
      onProgress?.(0, 0);
      return new Grid({ name: sheet.name, cells: [] });
    }

    const rows = used.rowCount;
    const cols = used.columnCount;
    const top = used.rowIndex;
    const left = used.columnIndex;
    const tooLarge = tooLargeToRead(sheet.name, { top, left, rows, cols });
    if (tooLarge) throw new ExcelHostError('SheetTooLarge', tooLarge, `The content range of "${sheet.name}" (${used.address}) is too large to read; a stray value far from the tables?`);
    const plan = planRead(rows, cols, this.payloadBudget, this.bytesPerCell);
    const cells: (CellData | undefined)[][] = [];
    let chunkRows = plan.chunkRows;
    let firstChunkRows = 0;
    let done = 0;
    let chunks = 0;
    let measuredBytes = 0;
    // Queued with the first chunk, so merges and hidden columns cost no round trip of their own; hidden rows
    // come with each chunk (getRowProperties: one small object per row, not per cell).
    let merged: Excel.RangeAreas | null = null;
    let columnProps: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null = null;
    const hiddenRows: number[] = [];
    const canReadHidden = this.supports('1.9');
    onProgress?.(0, rows);
    while (done < rows) {
      const n = Math.min(chunkRows, rows - done);
      const block = sheet.getRange(rangeToA1({ top: top + done, left, bottom: top + done + n - 1, right: left + cols - 1 }));
      block.load(['values', 'text', 'numberFormat', 'formulas']);
      if (!chunks && this.supports('1.13')) {
        merged = used.getMergedAreasOrNullObject();
        merged.load('address');
      }
      if (!chunks && canReadHidden) columnProps = block.getColumnProperties({ columnIndex: true, columnHidden: true });
      const rowProps = canReadHidden ? block.getRowProperties({ rowIndex: true, rowHidden: true }) : null;
      try {
        await sync();
      } catch (e) {
        // Our estimate was too low for this sheet's content: halve the chunk and try again.
        if (isPayloadLimitError(e) && n > 1) {
          chunkRows = Math.max(1, Math.floor(n / 2));
          continue;
        }
        throw e;
      }
      const arrays = [block.values, block.text, block.numberFormat, block.formulas] as unknown[][][];
      placeBlock(cells, top + done, left, block.values, block.text, block.numberFormat, block.formulas);
      for (const p of rowProps?.value ?? []) if (p.rowHidden && typeof p.rowIndex === 'number') hiddenRows.push(p.rowIndex);
      const bytes = measureBlockBytes(arrays);
      measuredBytes += bytes;
      const perCell = bytes / Math.max(1, n * cols);
      // Heavier than estimated (long Chinese labels, long formulas): shrink the following chunks, never grow.
      if (perCell > this.bytesPerCell) chunkRows = Math.min(chunkRows, rowsPerChunk(cols, this.payloadBudget, perCell * 1.1));
      if (!firstChunkRows) firstChunkRows = n;
      done += n;
      chunks++;
      onProgress?.(done, rows);
    }
    const areas = merged as Excel.RangeAreas | null;
    const merges = this.supports('1.13') && areas && !areas.isNullObject ? parseAddressList(areas.address) : [];
    this.lastReadStats = {
      sheet: sheet.name,
      rows,
      cols,
      syncs,
      chunks,
      chunkRows: firstChunkRows,
      estimatedBytes: plan.estimatedBytes,
      measuredBytes,
    };
    const cp = columnProps as OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null;
    const hiddenCols = (cp?.value ?? []).filter((p) => p.columnHidden && typeof p.columnIndex === 'number').map((p) => p.columnIndex!);
    return new Grid({ name: sheet.name, cells, merges, hiddenRows, hiddenCols });
  }

  // ── marks ───────────────────────────────────────────────────────────────────────────────────────────────

  private async sheetNames(ctx: Excel.RequestContext): Promise<Set<string>> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return new Set(sheets.items.map((s) => s.name));
  }

  /** Queues the read of the record's cells; call after sheetNames. */
  private queueRecordRead(ctx: Excel.RequestContext, names: Set<string>): Excel.Range | null {
    if (!names.has(MARKS_SHEET)) return null;
    const range = ctx.workbook.worksheets.getItem(MARKS_SHEET).getUsedRange();
    range.load('values');
    return range;
  }

  private parseRecord(range: Excel.Range | null): MarksRecord | null {
    if (!range) return null;
    const record = rowsToRecord(range.values);
    if (!record) {
      throw new ExcelHostError(
        'ForeignRecordSheet',
        `工作簿中已有名为“${MARKS_SHEET}”的工作表，但它不是校核的标记记录；为免误改，校核不会使用或删除它。`,
        `The workbook already has a sheet named "${MARKS_SHEET}" that is not Jiaohe's marks record; Jiaohe leaves it alone.`,
      );
    }
    return record;
  }

  /** Queues writing the record (creating the very hidden sheet if needed), or deleting it when nothing is left. */
  private queueRecordWrite(ctx: Excel.RequestContext, exists: boolean, record: MarksRecord): void {
    const sheets = ctx.workbook.worksheets;
    if (isEmptyRecord(record)) {
      if (exists) {
        const ws = sheets.getItem(MARKS_SHEET);
        // Excel refuses to delete a very hidden sheet; make it merely hidden first (setting visibility is ExcelApi
        // 1.2; without it the sheet was never hidden).
        if (this.supports('1.2')) ws.visibility = 'Hidden';
        ws.delete();
      }
      return;
    }
    const rows = recordToRows(record);
    let ws: Excel.Worksheet;
    if (exists) {
      ws = sheets.getItem(MARKS_SHEET);
      ws.getRange().clear('Contents');
    } else {
      ws = sheets.add(MARKS_SHEET);
      // Setting visibility is ExcelApi 1.2: an Excel with 1.1 only shows the record sheet (its name says what it is).
      if (this.supports('1.2')) ws.visibility = 'VeryHidden';
    }
    const target = ws.getRange(`A1:A${rows.length}`);
    target.numberFormat = rows.map(() => ['@']);
    target.values = rows;
  }

  private queueFillProbe(range: Excel.Range): () => OriginalFill {
    if (this.supports('1.9')) {
      const props = range.getCellProperties(FILL_PROPS);
      return () => {
        const fill = props.value?.[0]?.[0]?.format?.fill ?? {};
        const out: OriginalFill = { pattern: fill.pattern ?? 'None', color: fill.color };
        if (fill.patternColor) out.patternColor = fill.patternColor;
        if (typeof fill.tintAndShade === 'number' && fill.tintAndShade !== 0) out.tintAndShade = fill.tintAndShade;
        if (typeof fill.patternTintAndShade === 'number' && fill.patternTintAndShade !== 0) out.patternTintAndShade = fill.patternTintAndShade;
        return out;
      };
    }
    range.format.fill.load('color');
    return () => ({ color: range.format.fill.color ?? undefined });
  }

  private queueRestoreFill(range: Excel.Range, original: OriginalFill): void {
    if (isNoFill(original)) {
      range.format.fill.clear();
      return;
    }
    const patterned = original.pattern && original.pattern !== 'Solid';
    const tinted = original.tintAndShade !== undefined || original.patternTintAndShade !== undefined;
    if (original.pattern && (patterned || tinted) && this.supports('1.9')) {
      const fill: Excel.CellPropertiesFill = { pattern: original.pattern as Excel.FillPattern };
      if (original.color) fill.color = original.color;
      if (patterned && original.patternColor) fill.patternColor = original.patternColor;
      if (original.tintAndShade !== undefined) fill.tintAndShade = original.tintAndShade;
      if (patterned && original.patternTintAndShade !== undefined) fill.patternTintAndShade = original.patternTintAndShade;
      range.setCellProperties([[{ format: { fill } }]]);
      return;
    }
    if (original.color) range.format.fill.color = original.color;
    else range.format.fill.clear();
  }

  /**
   * What the sheet's existing annotations are, per cell, after one sync: 'ours' (starts with 校核：), 'user', or
   * absent. Notes are looked up per cell (getItemOrNullObject); threaded comments have no per-cell null lookup,
   * so the sheet's comments are listed and located (one more sync).
   */
  private async probeAnnotations(
    ctx: Excel.RequestContext,
    mode: AnnotationMode,
    cells: readonly { sheet: string; cell: string }[],
    syncBetween: () => Promise<void>,
  ): Promise<Map<string, { owner: 'ours' | 'user'; note?: Excel.Note; comment?: Excel.Comment }>> {
    const found = new Map<string, { owner: 'ours' | 'user'; note?: Excel.Note; comment?: Excel.Comment }>();
    if (mode === 'note') {
      const probes = cells.map((c) => {
        const note = ctx.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.cell);
        note.load('content');
        return { key: markKey(c.sheet, c.cell), note };
      });
      await syncBetween();
      for (const p of probes) {
        if (p.note.isNullObject) continue;
        found.set(p.key, { owner: String(p.note.content ?? '').startsWith(NOTE_PREFIX) ? 'ours' : 'user', note: p.note });
      }
      return found;
    }
    if (mode === 'comment') {
      const sheets = [...new Set(cells.map((c) => c.sheet))];
      const lists = sheets.map((s) => {
        const coll = ctx.workbook.worksheets.getItem(s).comments;
        coll.load('items/content');
        return { sheet: s, coll };
      });
      await syncBetween();
      const located = lists.flatMap(({ sheet, coll }) =>
        coll.items.map((comment) => {
          const where = comment.getLocation();
          where.load('address');
          return { sheet, comment, where };
        }),
      );
      if (located.length) await ctx.sync();
      const wanted = new Set(cells.map((c) => markKey(c.sheet, c.cell)));
      for (const { sheet, comment, where } of located) {
        const key = markKey(sheet, stripSheet(where.address));
        if (!wanted.has(key)) continue;
        found.set(key, { owner: String(comment.content ?? '').startsWith(NOTE_PREFIX) ? 'ours' : 'user', comment });
      }
      return found;
    }
    await syncBetween();
    return found;
  }

  async markFindings(findings: Finding[], options: MarkOptions = {}): Promise<number> {
    return this.markTargets(collectTargets(findings), this.annotationMode(), options.checkedSheet ? lastCheckOf(options.checkedSheet, findings) : undefined);
  }

  /** Verified totals (显示已核对): a pale fill and no note, in the record like any mark. */
  async markVerified(cells: { sheet: string; cell: string }[]): Promise<number> {
    const targets = collectTargets(cells.map((c) => ({ ...c, rule: 'sum.column', severity: 'hint', message: '' }) as Finding));
    return this.markTargets(targets, 'none', undefined, VERIFIED_FILL);
  }

  private async markTargets(targets: Target[], mode: AnnotationMode, lastCheck: LastCheck | undefined, fill?: string): Promise<number> {
    return this.run('标记问题单元格', 'Marking cells', async (ctx) => {
      const names = await this.sheetNames(ctx);
      const recordRange = this.queueRecordRead(ctx, names);
      const live = targets.filter((t) => names.has(t.sheet) && t.sheet !== MARKS_SHEET);
      const ranges = live.map((t) => ctx.workbook.worksheets.getItem(t.sheet).getRange(t.cell));
      const fills = ranges.map((r) => this.queueFillProbe(r));
      const annotations = await this.probeAnnotations(ctx, mode, live, () => ctx.sync());
      const prior = this.parseRecord(recordRange);

      const byKey = new Map<string, MarkEntry>((prior?.marks ?? []).map((m) => [markKey(m.sheet, m.cell), m]));
      const entries: MarkEntry[] = live.map((t, i) => {
        const key = markKey(t.sheet, t.cell);
        const existing = annotations.get(key);
        const annotation: Annotation = mode === 'none' || existing?.owner === 'user' ? 'none' : mode;
        return {
          sheet: t.sheet,
          cell: t.cell,
          severity: t.severity,
          message: t.message,
          // Marked before: the cell now shows our colour, so the original is the one recorded then.
          original: byKey.get(key)?.original ?? fills[i](),
          markFill: fill ?? MARK_FILL[t.severity],
          annotation,
        };
      });
      for (const e of entries) byKey.set(markKey(e.sheet, e.cell), e);
      const record: MarksRecord = { marks: [...byKey.values()] };
      if (lastCheck) record.lastCheck = lastCheck;
      else if (prior?.lastCheck) record.lastCheck = prior.lastCheck;
      if (prior?.ignored) record.ignored = prior.ignored;
      if (!entries.length && !prior) return 0; // nothing to mark: leave the workbook untouched

      // Record first: if Excel refuses a later command (protected sheet), the record still covers what changed.
      this.queueRecordWrite(ctx, !!recordRange, record);
      entries.forEach((e, i) => {
        const range = ranges[i];
        range.format.fill.color = e.markFill;
        const text = annotationText(e.message);
        const existing = annotations.get(markKey(e.sheet, e.cell));
        if (e.annotation === 'note') {
          if (existing?.note) existing.note.content = text;
          else ctx.workbook.worksheets.getItem(e.sheet).notes.add(range, text);
        } else if (e.annotation === 'comment') {
          if (existing?.comment) existing.comment.content = text;
          else ctx.workbook.comments.add(range, text);
        }
      });
      await ctx.sync();
      return entries.length;
    });
  }

  /** Restores the marked cells (of one sheet, or all) and removes only Jiaohe's own notes/comments. */
  async clearMarks(sheet?: string): Promise<number> {
    const mode = this.annotationMode();
    return this.run('清除标记', 'Clearing marks', async (ctx) => {
      const names = await this.sheetNames(ctx);
      const recordRange = this.queueRecordRead(ctx, names);
      if (!recordRange) return 0;
      await ctx.sync();
      const record = this.parseRecord(recordRange)!;
      const chosen = record.marks.filter((m) => sheet === undefined || m.sheet === sheet);
      // Marks on sheets deleted since are dropped from the record: there is nothing left to restore.
      const live = chosen.filter((m) => names.has(m.sheet));
      const ranges = live.map((m) => ctx.workbook.worksheets.getItem(m.sheet).getRange(m.cell));
      ranges.forEach((r) => r.format.fill.load('color'));
      const annotated = live.filter((m) => m.annotation !== 'none');
      const annotationMode = mode === 'none' ? 'none' : mode;
      const annotations = await this.probeAnnotations(
        ctx,
        annotationMode,
        annotationMode === 'none' ? [] : annotated.filter((m) => m.annotation === annotationMode),
        () => ctx.sync(),
      );

      let restored = 0;
      live.forEach((m, i) => {
        // A cell the user recoloured after marking keeps the user's colour.
        if (sameColor(ranges[i].format.fill.color, m.markFill)) {
          this.queueRestoreFill(ranges[i], m.original);
          restored++;
        }
        const a = annotations.get(markKey(m.sheet, m.cell));
        if (a?.owner === 'ours') {
          if (annotationMode === 'note') a.note?.delete();
          if (annotationMode === 'comment') a.comment?.delete();
        }
      });
      const chosenKeys = new Set(chosen.map((m) => markKey(m.sheet, m.cell)));
      const rest: MarksRecord = { marks: record.marks.filter((m) => !chosenKeys.has(markKey(m.sheet, m.cell))) };
      if (record.lastCheck && rest.marks.length) rest.lastCheck = record.lastCheck;
      if (record.ignored) rest.ignored = record.ignored;
      // Fills first, record last: if this batch fails half-way, clearing again finishes the job.
      this.queueRecordWrite(ctx, true, rest);
      await ctx.sync();
      return restored;
    });
  }

  /** The marks currently recorded in the workbook, and the last one-click check (for the task pane). */
  async readMarks(): Promise<MarksRecord> {
    return this.run('读取标记记录', 'Reading the marks record', async (ctx) => {
      const names = await this.sheetNames(ctx);
      const range = this.queueRecordRead(ctx, names);
      if (!range) return { marks: [] };
      await ctx.sync();
      return this.parseRecord(range)!;
    });
  }

  async readIgnored(): Promise<IgnoredFinding[]> {
    return (await this.readMarks()).ignored ?? [];
  }

  /** Replaces the ignored list in the marks record (creating the record sheet, or deleting it when all is empty). */
  async writeIgnored(list: IgnoredFinding[]): Promise<void> {
    const ignored = sanitizeIgnored(list);
    await this.run('保存已忽略的问题', 'Saving ignored findings', async (ctx) => {
      const names = await this.sheetNames(ctx);
      const range = this.queueRecordRead(ctx, names);
      if (range) await ctx.sync();
      const record: MarksRecord = this.parseRecord(range) ?? { marks: [] };
      if (!range && !ignored.length) return;
      this.queueRecordWrite(ctx, !!range, { ...record, ignored });
      await ctx.sync();
    });
  }

  /** Range.text: ExcelApi 1.1. */
  async readCells(sheet: string, range: string): Promise<string[][]> {
    return this.run('读取单元格', 'Reading cells', async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(stripSheet(range));
      r.load('text');
      await ctx.sync();
      return r.text.map((row) => row.map((v) => String(v ?? '')));
    });
  }

  // ── selection, writing, generated sheets ────────────────────────────────────────────────────────────────

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run('定位单元格', 'Selecting the cell', async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(stripSheet(address)).select();
      await ctx.sync();
    });
  }

  async getSelection(): Promise<SelectionInfo> {
    return this.run('读取选区', 'Reading the selection', async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      range.worksheet.load('name');
      await ctx.sync();
      return {
        sheet: range.worksheet.name,
        address: stripSheet(range.address),
        top: range.rowIndex,
        left: range.columnIndex,
        rowCount: range.rowCount,
        colCount: range.columnCount,
      };
    });
  }

  async insertAtSelection(values: (string | number | null)[][]): Promise<void> {
    const w = toWritable(values);
    if (!w.rows || !w.cols) return;
    await this.run('插入数据', 'Inserting', async (ctx) => {
      const selection = ctx.workbook.getSelectedRange();
      selection.load(['rowIndex', 'columnIndex']);
      selection.worksheet.load('name');
      await ctx.sync();
      const target = selection.worksheet.getRange(
        rangeToA1({ top: selection.rowIndex, left: selection.columnIndex, bottom: selection.rowIndex + w.rows - 1, right: selection.columnIndex + w.cols - 1 }),
      );
      if (w.needsFormats) target.numberFormat = w.formats as unknown as string[][];
      target.values = w.values;
      target.select();
      await ctx.sync();
    });
  }

  async writeCells(sheet: string, topLeft: string, values: (string | number | null)[][]): Promise<void> {
    const w = toWritable(values);
    if (!w.rows || !w.cols) return;
    const at = parseA1(stripSheet(topLeft));
    await this.run('写入单元格', 'Writing cells', async (ctx) => {
      const target = ctx.workbook.worksheets
        .getItem(sheet)
        .getRange(rangeToA1({ top: at.row, left: at.col, bottom: at.row + w.rows - 1, right: at.col + w.cols - 1 }));
      if (w.needsFormats) target.numberFormat = w.formats as unknown as string[][];
      target.values = w.values;
      await ctx.sync();
    });
  }

  async addSheet(plan: SheetPlan): Promise<string> {
    return this.run('生成工作表', 'Adding the sheet', async (ctx) => {
      const names = await this.sheetNames(ctx);
      const name = uniqueSheetName(plan.name, names);
      const ws = ctx.workbook.worksheets.add(name);
      const box = boundingRange(plan);
      if (box && plan.defaultFont) {
        const all = ws.getRange(rangeToA1(box));
        all.format.font.name = plan.defaultFont.name;
        all.format.font.size = plan.defaultFont.size;
      }
      for (const cell of plan.cells) {
        const range = ws.getRange(rangeToA1({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }));
        if (cell.style) this.queueStyle(range, cell.style);
        if (cell.formula) {
          range.formulas = [[cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`]];
        } else if (cell.value !== null && cell.value !== undefined && cell.value !== '') {
          const w = toWritable([[cell.value]]);
          if (w.needsFormats && !cell.style?.numberFormat) range.numberFormat = [['@']];
          range.values = w.values;
        }
      }
      if (this.supports('1.2')) {
        for (const m of plan.merges) ws.getRange(rangeToA1(m)).merge(false);
        plan.columnWidths.forEach((chars, col) => {
          if (chars > 0) ws.getRange(rangeToA1({ top: 0, left: col, bottom: 0, right: col })).getEntireColumn().format.columnWidth = columnWidthPoints(chars);
        });
        for (const [row, points] of Object.entries(plan.rowHeights ?? {})) {
          const r = Number(row);
          ws.getRange(rangeToA1({ top: r, left: 0, bottom: r, right: 0 })).getEntireRow().format.rowHeight = points;
        }
      }
      if (plan.page && this.supports('1.9')) {
        ws.pageLayout.orientation = plan.page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        ws.pageLayout.paperSize = 'A4';
        if (plan.page.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }
      ws.activate();
      await ctx.sync();
      return name;
    });
  }

  private queueStyle(range: Excel.Range, style: PlanStyle): void {
    const font = range.format.font;
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.fontSize) font.size = style.fontSize;
    if (style.fontName) font.name = style.fontName;
    if (style.horizontal) range.format.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[style.horizontal];
    if (style.vertical) range.format.verticalAlignment = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[style.vertical];
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
    if (style.numberFormat) range.numberFormat = [[style.numberFormat]];
    if (style.fill) range.format.fill.color = style.fill;
    if (style.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
        const b = range.format.borders.getItem(edge);
        b.style = 'Continuous';
        b.weight = 'Thin';
      }
    }
  }
}

export function lastCheckOf(sheet: string, findings: readonly Finding[]): LastCheck {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { sheet, findings: findings.length, errors, warnings: findings.length - errors, at: new Date().toISOString() };
}

