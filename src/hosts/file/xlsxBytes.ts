import ExcelJS from 'exceljs';
import { CellData, Grid, parseRange } from '../../core/grid';
import { formatNumber } from '../../core/money';

export type ReadErrorCode = 'not-found' | 'encrypted' | 'xls' | 'et' | 'text' | 'not-xlsx' | 'corrupt' | 'empty';

/** A workbook that cannot be checked; `message` is the one line shown to the officer (Chinese). */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

export interface XlsxBook {
  file: string;
  sheets: Grid[];
  /** Index of the sheet that was active when the file was saved. */
  activeSheet: number;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Browser-safe stand-ins for path.basename/extname: this file also runs in the demo page.
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function extName(file: string): string {
  const b = baseName(file);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i) : '';
}

function indexOfBytes(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** UTF-16LE stream names inside a CFB container tell an encrypted OOXML package from a legacy .xls/.et. */
function hasUtf16(buf: Uint8Array, name: string): boolean {
  const needle: number[] = [];
  for (const ch of name) needle.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  return indexOfBytes(buf, needle) >= 0;
}

function looksLikeText(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 4096);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n < 0.01;
}

/** Classify bytes that are not a readable .xlsx, with the reason an officer can act on. */
export function sniffWorkbook(buf: Uint8Array, file: string): WorkbookReadError | null {
  const ext = extName(file).toLowerCase();
  const base = baseName(file);
  if (buf.length === 0) return new WorkbookReadError('empty', `${base}：文件是空的（0 字节），没有可校验的内容。`);
  if (CFB_MAGIC.every((b, i) => buf[i] === b)) {
    if (hasUtf16(buf, 'EncryptionInfo') || hasUtf16(buf, 'EncryptedPackage')) {
      return new WorkbookReadError('encrypted', `${base}：工作簿已加密（设有打开密码），请在 Excel/WPS 中取消密码后另存为 .xlsx 再校验。`);
    }
    if (ext === '.et' || ext === '.ett') {
      return new WorkbookReadError('et', `${base}：这是 WPS 表格 .et 文件，请在 WPS 中“另存为” Excel 工作簿（.xlsx）后再校验。`);
    }
    return new WorkbookReadError('xls', `${base}：这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel/WPS 中另存为 .xlsx 后再校验。`);
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) return null; // a zip: let the reader decide
  if (ext === '.xls' || ext === '.et') {
    return new WorkbookReadError(ext === '.et' ? 'et' : 'xls', `${base}：不支持 ${ext} 格式，请另存为 .xlsx 后再校验。`);
  }
  if (looksLikeText(buf)) {
    return new WorkbookReadError('text', `${base}：这是文本/CSV 文件，只是扩展名为 ${ext || '（无）'}；请在 Excel/WPS 中打开并另存为 .xlsx 后再校验。`);
  }
  return new WorkbookReadError('corrupt', `${base}：文件已损坏或不是 Excel 工作簿（.xlsx），无法读取。`);
}

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** exceljs cell → CellData (value, displayed text, format, formula with cached result, error, indent). */
export function toCellData(cell: ExcelJS.Cell): CellData | undefined {
  const raw = cell.value as unknown;
  const numFmt = cell.numFmt || undefined;
  const indent = cell.alignment?.indent || undefined;
  const out = (value: CellData['value'], extra: Partial<CellData> = {}): CellData => {
    const d: CellData = { value, ...extra };
    if (numFmt) d.numberFormat = numFmt;
    if (indent) d.indent = indent;
    if (d.text === undefined) {
      if (typeof value === 'number') d.text = formatNumber(value, numFmt);
      else if (typeof value === 'boolean') d.text = value ? 'TRUE' : 'FALSE';
    }
    return d;
  };
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number' || typeof raw === 'boolean') return out(raw);
  if (typeof raw === 'string') return raw === '' ? undefined : out(raw);
  if (raw instanceof Date) {
    const t = `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}`;
    return out(t, { text: t });
  }
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('error' in o) return out(null, { error: String(o.error) });
    if ('richText' in o && Array.isArray(o.richText)) return out(richText(o as { richText: { text: string }[] }));
    if ('formula' in o || 'sharedFormula' in o) {
      // A shared formula's value names only its master cell ("C1"); cell.formula translates it to this cell.
      const formula = `=${String(cell.formula || o.formula || o.sharedFormula)}`;
      const result = o.result as unknown;
      if (result && typeof result === 'object' && 'error' in (result as object)) {
        return out(null, { formula, error: String((result as { error: unknown }).error) });
      }
      if (result instanceof Date) return out(result.toISOString().slice(0, 10), { formula });
      const value = typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean' ? result : null;
      return out(value, { formula });
    }
    if ('text' in o) return out(String(o.text)); // hyperlink
  }
  return out(String(raw));
}

/** One exceljs worksheet → Grid in sheet coordinates. Cells under a merge (other than its top-left) are dropped. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => parseRange(m));
  const covered = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * 16384 + c);
    }
  }
  const cells: (CellData | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: (CellData | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (covered.has(r * 16384 + c)) return;
      out[c] = toCellData(cell);
    });
    cells[r] = out;
  });
  const hiddenCols: number[] = [];
  const colCount = ws.columnCount;
  for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  return new Grid({ name: ws.name, cells, merges, hiddenRows, hiddenCols });
}

/** Whether the bytes contain an ASCII string (zip entry names are stored uncompressed). */
function hasAscii(buf: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = buf.indexOf(first); i >= 0 && i <= buf.length - text.length; i = buf.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (buf[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** Parse .xlsx bytes (Node or browser); every failure becomes a WorkbookReadError with a Chinese reason. */
export async function readXlsxBuffer(buf: Uint8Array, file = 'workbook.xlsx'): Promise<XlsxBook> {
  const sniffed = sniffWorkbook(buf, file);
  if (sniffed) throw sniffed;
  const base = baseName(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/workbook\.xml|Cannot read prop|is not a function|undefined/i.test(msg) && !/Corrupted zip|end of central|invalid/i.test(msg)) {
      throw new WorkbookReadError('not-xlsx', `${base}：这是压缩包但不是 Excel 工作簿（.xlsx），无法校验。`);
    }
    throw new WorkbookReadError('corrupt', `${base}：文件已损坏，无法作为 .xlsx 读取（${msg.slice(0, 80)}）。`);
  }
  const sheets: Grid[] = [];
  wb.eachSheet((ws) => {
    sheets.push(worksheetToGrid(ws));
  });
  if (wb.worksheets.length === 0 && !hasAscii(buf, 'xl/workbook')) {
    // exceljs opens any zip (a .docx, a folder archive) as a workbook without sheets.
    throw new WorkbookReadError('not-xlsx', `${base}：这是压缩包但不是 Excel 工作簿（.xlsx），无法校验。`);
  }
  if (sheets.length === 0 || sheets.every((g) => g.rowCount === 0)) {
    throw new WorkbookReadError('empty', `${base}：工作簿中没有任何数据。`);
  }
  const active = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  return { file, sheets, activeSheet: Math.min(Math.max(0, active), sheets.length - 1) };
}

