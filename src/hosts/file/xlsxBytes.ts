import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AxisMap, buildSheetGrid } from './sheetExtent';
import { readSheetXml } from './sheetXml';
import { parseXml } from './xml';
import {
  CellStyle,
  parseSharedStringsXml,
  parseStylesXml,
  parseWorkbookXml,
  readRelationships,
  resolveTarget,
  XlsxPackage,
} from './xlsxParts';
import { CellData, Grid, parseRange } from '../../core/grid';
import { formatNumber } from '../../core/money';

export type ReadErrorCode = 'not-found' | 'encrypted' | 'xls' | 'et' | 'text' | 'not-xlsx' | 'corrupt' | 'empty';

/** A workbook that cannot be checked; `message` is the one line shown to the officer (Chinese). */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    /** The library's own words (English), shown in parentheses only under --verbose. */
    readonly detail?: string,
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
  /** What reading each sheet (same index as `sheets`) left out or collapsed; absent when nothing. */
  notes?: (SheetReadNote | undefined)[];
}

/** How a sheet was read when it was not read plainly. */
export interface SheetReadNote {
  /** Content in the file that was not read: the sheet was checked only in part (Chinese, one clause each). */
  lost: string[];
  /** Information: stray content whose gap was collapsed, merges set aside (Chinese). */
  notices: string[];
  /** The parser's English, for --verbose. */
  detail: string[];
  /** Grid ↔ sheet positions when a long empty gap was collapsed. */
  rows?: AxisMap;
  cols?: AxisMap;
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

const NOT_A_WORKBOOK = '这是压缩包但不是 Excel 工作簿（.xlsx），无法校验。';

async function openPackage(buf: Uint8Array, base: string): Promise<XlsxPackage> {
  try {
    return new XlsxPackage(await JSZip.loadAsync(buf));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError('corrupt', `${base}：文件已损坏（压缩包结构不完整），无法作为 .xlsx 读取；请用 Excel/WPS 打开修复后另存再校验。`, detail);
  }
}

/** The workbook part named by the package's root relationships (xl/workbook.xml when they are missing). */
async function workbookPartOf(pkg: XlsxPackage): Promise<string | null> {
  try {
    for (const rel of (await readRelationships(pkg, '')).values()) {
      if (/\/officeDocument$/.test(rel.type) && pkg.has(resolveTarget('', rel.target))) return resolveTarget('', rel.target);
    }
  } catch {
    // damaged root relationships: look for the usual place
  }
  return pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

/** A part the book needs only in part (styles, shared strings): its damage is noted, reading goes on. */
async function optionalPart<T>(pkg: XlsxPackage, part: string | undefined, parse: (xml: string) => { damage: string | null } & T, bookLost: string[], detail: string[], label: string): Promise<T | null> {
  if (!part) return null;
  let xml: string | null;
  try {
    xml = await pkg.text(part);
  } catch (err) {
    bookLost.push(`${label}无法解压`);
    detail.push(`${part}: ${(err as Error).message}`);
    return null;
  }
  if (xml === null) {
    bookLost.push(`${label}在文件中缺失`);
    return null;
  }
  const parsed = parse(xml);
  if (parsed.damage) {
    bookLost.push(`${label}已损坏，只读取了损坏处之前的部分`);
    detail.push(parsed.damage);
  }
  return parsed;
}

/** What a package part is, in words an officer reads (the part's name goes to --verbose). */
function partLabel(part: string): string {
  if (/content_types/.test(part)) return '内容类型清单';
  if (/^docprops\//.test(part)) return '文档属性';
  if (/theme/.test(part)) return '主题';
  if (/_rels\//.test(part)) return '部件关系';
  if (/comments|vmldrawing/.test(part)) return '批注';
  if (/drawings?\/|charts?\/|media\//.test(part)) return '图形或图表';
  if (/pivot/.test(part)) return '数据透视表';
  return '其他部件';
}

/**
 * The package's other XML parts (relationships, drawings, comments, properties) are not read for the check, but
 * a damaged one means the file is damaged: each is inflated (its CRC checked) and parsed, never silently passed.
 */
async function damagedOtherParts(pkg: XlsxPackage, readParts: ReadonlySet<string>): Promise<{ part: string; detail: string }[]> {
  const out: { part: string; detail: string }[] = [];
  for (const part of pkg.names()) {
    if (readParts.has(part)) continue;
    const isXml = /\.(xml|rels|vml)$/.test(part);
    try {
      if (!isXml) {
        await pkg.bytes(part);
        continue;
      }
      const xml = await pkg.text(part);
      const damage = xml === null ? null : parseXml(xml, {});
      if (damage) out.push({ part, detail: `line ${damage.line}: ${damage.message}` });
    } catch (err) {
      out.push({ part, detail: (err as Error).message });
    }
  }
  return out;
}

/** Parse .xlsx bytes (Node or browser); every failure becomes a WorkbookReadError with a Chinese reason. */
export async function readXlsxBuffer(buf: Uint8Array, file = 'workbook.xlsx'): Promise<XlsxBook> {
  const sniffed = sniffWorkbook(buf, file);
  if (sniffed) throw sniffed;
  const base = baseName(file);
  const pkg = await openPackage(buf, base);
  const workbookPart = await workbookPartOf(pkg);
  if (!workbookPart) {
    // A package with spreadsheet parts but no findable workbook part is a damaged workbook, not some other zip.
    const looksLikeWorkbook = pkg.names().some((n) => n.startsWith('xl/')) || /spreadsheetml/.test((await pkg.text('[Content_Types].xml').catch(() => null)) ?? '');
    if (looksLikeWorkbook) {
      throw new WorkbookReadError('corrupt', `${base}：文件已损坏（找不到工作簿目录 workbook.xml），无法校验；请用 Excel/WPS 打开修复后另存再校验。`);
    }
    throw new WorkbookReadError('not-xlsx', `${base}：${NOT_A_WORKBOOK}`);
  }
  let workbookXml: string | null;
  try {
    workbookXml = await pkg.text(workbookPart);
  } catch (err) {
    throw new WorkbookReadError('corrupt', `${base}：文件已损坏（工作簿目录无法解压），无法校验；请用 Excel/WPS 打开修复后另存再校验。`, (err as Error).message);
  }
  const { workbook, damage } = parseWorkbookXml(workbookXml ?? '');
  if (damage && workbook.sheets.length === 0) {
    throw new WorkbookReadError('corrupt', `${base}：文件已损坏（工作簿目录 workbook.xml 无法解析），无法校验；请用 Excel/WPS 打开修复后另存再校验。`, damage);
  }
  const bookLost: string[] = [];
  const bookDetail: string[] = [];
  if (damage) {
    bookLost.push('工作簿目录已损坏，其后列出的工作表可能未读取');
    bookDetail.push(damage);
  }
  let rels = new Map<string, { target: string; type: string; external: boolean }>();
  try {
    rels = await readRelationships(pkg, workbookPart);
  } catch (err) {
    bookLost.push('工作簿的关系文件已损坏');
    bookDetail.push((err as Error).message);
  }
  const partOfType = (suffix: string): string | undefined => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return resolveTarget(workbookPart, r.target);
    return undefined;
  };
  const stylesPart = partOfType('/styles') ?? (pkg.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);
  const stringsPart = partOfType('/sharedStrings') ?? (pkg.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  const styles: CellStyle[] = (await optionalPart(pkg, stylesPart, parseStylesXml, bookLost, bookDetail, '样式表（数字格式）'))?.styles ?? [];
  const sharedStrings: string[] = (await optionalPart(pkg, stringsPart, parseSharedStringsXml, bookLost, bookDetail, '共享文字表'))?.strings ?? [];

  const sheets: Grid[] = [];
  const notes: (SheetReadNote | undefined)[] = [];
  const readParts = new Set([workbookPart, stylesPart, stringsPart].filter((p): p is string => p !== undefined).map((p) => p.toLowerCase()));
  for (const entry of workbook.sheets) {
    const rel = entry.relId === undefined ? undefined : rels.get(entry.relId);
    if (rel && /\/(chartsheet|dialogsheet|macrosheet)$/i.test(rel.type)) continue; // no cells to check
    const name = entry.name || `工作表${sheets.length + 1}`;
    const note: SheetReadNote = { lost: [...bookLost], notices: [], detail: [...bookDetail] };
    const part = rel && !rel.external ? resolveTarget(workbookPart, rel.target) : undefined;
    if (part) readParts.add(part.toLowerCase());
    let xml: string | null = null;
    try {
      xml = part ? await pkg.text(part) : null;
    } catch (err) {
      note.detail.push(`${part}: ${(err as Error).message}`);
    }
    if (xml === null) {
      note.detail.push(!rel ? `relationship ${entry.relId ?? '(none)'} not found` : `part ${part ?? rel.target} missing or unreadable`);
      note.lost.push(
        !rel ? '工作簿目录指向的工作表内容在文件中找不到（关系缺失），整张工作表未能读取' : '工作表内容在文件中缺失或无法解压，整张工作表未能读取',
      );
      sheets.push(new Grid({ name, cells: [] }));
      notes.push(note);
      continue;
    }
    const read = readSheetXml(xml, { sharedStrings, styles, date1904: workbook.date1904 });
    note.lost.push(...read.problems.lost);
    note.detail.push(...read.problems.detail);
    const built = buildSheetGrid(name, read);
    note.notices.push(...built.notices);
    if (built.rows.collapsed) note.rows = built.rows;
    if (built.cols.collapsed) note.cols = built.cols;
    sheets.push(built.grid);
    notes.push(note.lost.length + note.notices.length > 0 || note.rows || note.cols ? note : undefined);
  }
  if (sheets.length === 0) {
    if (workbook.sheets.length === 0 && pkg.size > 0 && !damage) throw new WorkbookReadError('empty', `${base}：工作簿中没有任何工作表。`);
    throw new WorkbookReadError('corrupt', `${base}：文件已损坏（找不到任何工作表），无法校验；请用 Excel/WPS 打开修复后另存再校验。`, damage ?? undefined);
  }
  if (sheets.every((g) => g.rowCount === 0) && notes.every((n) => !n || n.lost.length === 0)) {
    throw new WorkbookReadError('empty', `${base}：工作簿中没有任何数据。`);
  }
  const otherDamage = await damagedOtherParts(pkg, readParts);
  if (otherDamage.length > 0) {
    for (let i = 0; i < notes.length; i++) {
      const note = notes[i] ?? { lost: [], notices: [], detail: [] };
      note.lost.push(`文件中另有部件已损坏（${[...new Set(otherDamage.map((d) => partLabel(d.part)))].join('、')}），其内容未能读取`);
      note.detail.push(...otherDamage.map((d) => `${d.part}: ${d.detail}`));
      notes[i] = note;
    }
  }
  const activeSheet = Math.min(Math.max(0, workbook.activeTab), sheets.length - 1);
  const book: XlsxBook = { file, sheets, activeSheet };
  if (notes.some((n) => n)) book.notes = notes;
  return book;
}
