import type { CellData, CellRange } from '../../core/grid';
import { columnIndex, toA1 } from '../../core/grid';
import { formatNumber } from '../../core/money';
import type { CellStyle } from './xlsxParts';
import { isTrue, parseXml } from './xml';

/** Excel's last row and column (0-based). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/** One cell with content, in sheet coordinates. */
export interface PlacedCell {
  row: number;
  col: number;
  data: CellData;
}

/** What the reader could not take from a sheet part: Chinese, for the sheet's notice. */
export interface SheetProblems {
  /** Content that is in the file but was not read (the sheet was checked only in part). */
  lost: string[];
  /** English detail from the parser, shown only under --verbose. */
  detail: string[];
}

export interface SheetXmlRead {
  cells: PlacedCell[];
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: CellRange[];
  problems: SheetProblems;
}

export interface SheetXmlContext {
  sharedStrings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A1 → 0-based position; null when it is not an address inside the sheet. */
export function cellPosition(ref: string): { row: number; col: number } | null {
  const m = CELL_REF.exec(ref.trim());
  if (!m) return null;
  const row = parseInt(m[2], 10) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row > MAX_ROW || col < 0 || col > MAX_COL) return null;
  return { row, col };
}

function rangePosition(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const p = cellPosition(a);
  const q = b === undefined ? p : cellPosition(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** An Excel serial day number as YYYY-MM-DD (the 1900 or 1904 date system). */
export function serialToDay(serial: number, date1904: boolean): string {
  return isoDay(new Date(Math.round((serial - (date1904 ? -1462 : 25569)) * 86400000)));
}

/** An ISO date (2026-01-15, or with a time) as an Excel serial day number; null when it is not a date. */
export function serialOfIsoDate(iso: string): number | null {
  const t = iso.trim();
  const ms = Date.parse(/T/.test(t) && !/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? `${t}Z` : t);
  return Number.isNaN(ms) ? null : ms / 86400000 + 25569;
}

/** Move a formula's relative references from the master cell to another (shared formulas). */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  return formula.replace(/("[^"]*")|(\b[A-Za-z_][\w.]*!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)\b(?!\s*\()/g, (m, quoted, sheet, cd, letters, rd, digits) => {
    if (quoted) return m;
    const col = columnIndex(letters);
    if (col > MAX_COL) return m;
    const c = cd ? col : col + dc;
    const r = rd ? parseInt(digits, 10) : parseInt(digits, 10) + dr;
    if (c < 0 || r < 1) return '#REF!';
    return `${sheet ?? ''}${cd}${toA1(0, c).replace(/\d+$/, '')}${rd}${r}`;
  });
}

interface OpenCell {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | null;
  inline: string[] | null;
  formula: string | null;
  shared: { si: string; master: boolean } | null;
}

const NUMBER_RE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * Read one worksheet part. Rows and cells without r= follow the previous one, as Excel reads them. What
 * cannot be read is listed in `problems.lost` (never dropped in silence); the rest is kept.
 */
export function readSheetXml(xml: string, ctx: SheetXmlContext): SheetXmlRead {
  const cells: PlacedCell[] = [];
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: CellRange[] = [];
  const problems: SheetProblems = { lost: [], detail: [] };
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const orphans: { cell: PlacedCell; si: string }[] = [];
  const outside: string[] = [];
  const badValues: string[] = [];
  const emptied: string[] = [];
  const badMerges: string[] = [];

  let inSheetData = false;
  let row = -1;
  let rowOutside = false;
  let nextCol = 0;
  let cell: OpenCell | null = null;
  let textTarget: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;
  let text: string[] = [];

  const finishCell = (c: OpenCell): void => {
    const style = ctx.styles[c.style];
    const numFmt = style?.numFmt;
    const data = cellData(c, style, ctx, { badValues, emptied });
    if (c.formula !== null && c.shared?.master) masters.set(c.shared.si, { formula: c.formula, row: c.row, col: c.col });
    if (!data) return;
    if (numFmt && data.numberFormat === undefined) data.numberFormat = numFmt;
    const placed = { row: c.row, col: c.col, data };
    if (c.shared && !c.shared.master && c.formula === null) orphans.push({ cell: placed, si: c.shared.si });
    cells.push(placed);
  };

  const damage = parseXml(xml, {
    open(name, a) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          return;
        case 'row': {
          if (!inSheetData) return;
          const r = a.r === undefined ? row + 1 : parseInt(a.r, 10) - 1;
          rowOutside = !(r >= 0 && r <= MAX_ROW);
          if (rowOutside) outside.push(`第 ${a.r ?? r + 1} 行`);
          row = r;
          nextCol = 0;
          if (!rowOutside && isTrue(a.hidden)) hiddenRows.push(r);
          return;
        }
        case 'c': {
          if (!inSheetData || rowOutside) return;
          let r = row < 0 ? 0 : row;
          let c = nextCol;
          if (a.r !== undefined) {
            const p = cellPosition(a.r);
            if (!p) {
              outside.push(a.r);
              return;
            }
            r = p.row;
            c = p.col;
          } else if (c > MAX_COL) {
            outside.push(`第 ${r + 1} 行第 ${c + 1} 列`);
            return;
          }
          nextCol = c + 1;
          cell = { row: r, col: c, type: a.t ?? 'n', style: parseInt(a.s ?? '0', 10) || 0, value: null, inline: null, formula: null, shared: null };
          return;
        }
        case 'v':
          if (cell) {
            textTarget = 'v';
            text = [];
          }
          return;
        case 'f':
          if (cell) {
            textTarget = 'f';
            text = [];
            if (a.t === 'shared' && a.si !== undefined) cell.shared = { si: a.si, master: a.ref !== undefined };
          }
          return;
        case 'is':
          if (cell) cell.inline = [];
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (cell?.inline && phonetic === 0) {
            textTarget = 't';
            text = [];
          }
          return;
        case 'mergeCell': {
          const m = a.ref === undefined ? null : rangePosition(a.ref);
          if (m) merges.push(m);
          else badMerges.push(a.ref ?? '（空）');
          return;
        }
        case 'col': {
          if (!isTrue(a.hidden)) return;
          const min = parseInt(a.min ?? '', 10) - 1;
          const max = parseInt(a.max ?? '', 10) - 1;
          if (min >= 0 && max >= min) hiddenCols.push({ top: 0, bottom: 0, left: min, right: Math.min(max, MAX_COL) });
          return;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inSheetData = false;
          return;
        case 'v':
          if (cell && textTarget === 'v') cell.value = text.join('');
          textTarget = null;
          return;
        case 'f':
          if (cell && textTarget === 'f') {
            const f = text.join('');
            if (f !== '') cell.formula = f;
          }
          textTarget = null;
          return;
        case 't':
          if (cell?.inline && textTarget === 't') cell.inline.push(text.join(''));
          textTarget = null;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c':
          if (cell) finishCell(cell);
          cell = null;
          return;
      }
    },
    text(t) {
      if (textTarget) text.push(t);
    },
  });

  for (const { cell: placed, si } of orphans) {
    const master = masters.get(si);
    if (master) placed.data.formula = `=${slideFormula(master.formula, master, placed)}`;
  }
  const noMaster = orphans.filter((o) => !masters.has(o.si)).map((o) => toA1(o.cell.row, o.cell.col));
  if (noMaster.length > 0) problems.lost.push(`${listCells(noMaster)} 的共享公式缺少主公式，公式未能读取，只校核了保存的值`);
  if (outside.length > 0) problems.lost.push(`${listCells(outside)} 超出工作表范围（最多 1048576 行、XFD 列），未读取`);
  if (badValues.length > 0) problems.lost.push(`${listCells(badValues)} 标为数字，内容却不是数字，已按文字读取`);
  if (emptied.length > 0) problems.lost.push(`${listCells(emptied)} 的值在文件中是空的，按空白单元格校核`);
  if (badMerges.length > 0) problems.lost.push(`合并区域 ${listCells(badMerges)} 无法识别，已忽略`);
  if (damage) {
    const where = cells.length > 0 ? `${toA1(cells[cells.length - 1].row, cells[cells.length - 1].col)} 之后的内容` : '全部内容';
    problems.lost.push(`工作表文件第 ${damage.line} 行已损坏，${where}未能读取`);
    problems.detail.push(`line ${damage.line}: ${damage.message}`);
  }
  return { cells, merges, hiddenRows, hiddenCols, problems };
}

/** "A1、B2、C3 等 12 处" */
export function listCells(items: readonly string[], shown = 3): string {
  const head = items.slice(0, shown).join('、');
  return items.length > shown ? `${head} 等 ${items.length} 处` : head;
}

function withText(d: CellData): CellData {
  if (d.text === undefined) {
    if (typeof d.value === 'number') d.text = formatNumber(d.value, d.numberFormat);
    else if (typeof d.value === 'boolean') d.text = d.value ? 'TRUE' : 'FALSE';
  }
  return d;
}

/** A cell's value as the file stores it, the way Excel shows it (dates as YYYY-MM-DD). */
function cellData(c: OpenCell, style: CellStyle | undefined, ctx: SheetXmlContext, bad: { badValues: string[]; emptied: string[] }): CellData | undefined {
  const base: Partial<CellData> = {};
  if (style?.numFmt) base.numberFormat = style.numFmt;
  if (style?.indent) base.indent = style.indent;
  const formula = c.formula !== null ? `=${c.formula}` : undefined;
  if (formula) base.formula = formula;
  const make = (value: CellData['value'], extra: Partial<CellData> = {}): CellData => withText({ value, ...base, ...extra } as CellData);
  const v = c.value;
  const address = (): string => toA1(c.row, c.col);
  switch (c.type) {
    case 's': {
      if (v === null) return formula ? make(null) : undefined;
      const i = Number(v);
      if (v.trim() === '' || !Number.isInteger(i) || i < 0 || i >= ctx.sharedStrings.length) {
        bad.emptied.push(address());
        return formula ? make(null) : undefined;
      }
      const s = ctx.sharedStrings[i];
      return s === '' && !formula ? undefined : make(s);
    }
    case 'inlineStr': {
      const s = c.inline ? c.inline.join('') : v ?? '';
      return s === '' && !formula ? undefined : make(s);
    }
    case 'str':
      if (v === null || v === '') return formula ? make(v ?? null) : undefined;
      return make(v);
    case 'b':
      if (v === null || v.trim() === '') return formula ? make(null) : undefined;
      return make(v.trim() === '1' || v.trim().toLowerCase() === 'true');
    case 'e':
      if (v === null || v.trim() === '') return formula ? make(null) : undefined;
      return make(null, { error: v.trim() });
    case 'd': {
      if (v === null || v.trim() === '') return formula ? make(null) : undefined;
      const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v.trim()) || !/T/.test(v) ? v.trim() : `${v.trim()}Z`);
      if (Number.isNaN(t)) {
        bad.badValues.push(address());
        return make(v.trim());
      }
      const day = isoDay(new Date(t));
      return make(day, { text: day });
    }
    default: {
      if (v === null) return formula ? make(null) : undefined;
      if (v.trim() === '') {
        if (!formula) bad.emptied.push(address());
        return formula ? make(null) : undefined;
      }
      if (!NUMBER_RE.test(v)) {
        bad.badValues.push(address());
        return make(v.trim());
      }
      const n = Number(v);
      if (style?.isDate) {
        const day = serialToDay(n, ctx.date1904);
        return make(day, { text: day });
      }
      return make(n);
    }
  }
}
