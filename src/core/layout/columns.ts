/**
 * Column roles from header words and body contents: label, code (类/款/项, 科目编码, code+name text
 * columns of a 下达表), ordinal (序号), amount (with flags for rates, prices, years and head counts),
 * other text. Also splits a 收支总表 into its 收入 and 支出 sides.
 */
// textOf straight from grid/grid: CommonJS re-exports go through a getter, and hot loops call it per cell.
import { type CellData, type Grid, textOf } from '../grid/grid';
import { buildHeader, headerPath, HeaderModel } from './header';
import { NOT_PLAIN, PLAIN_PERCENT, plainNumbers } from './sheetScan';
import type { CodeColumn, CodeRole, ColumnInfo } from './types';
import {
  codeHeaderRole,
  codeInName,
  codeText,
  isCodeLength,
  isCountHeader,
  isGrandTotalLabel,
  isNonAdditiveHeader,
  isOrdinalHeader,
  isTotalHeader,
  sideOf,
  squash,
} from './text';

const PLAIN_INT = /^\d{1,15}$/;
const MONEY_HEADER = /金额|资金|预算|合计|小计|总计|支出|收入|经费|费|拨款|元|数/;

export interface ColumnModel {
  header: HeaderModel;
  columns: ColumnInfo[];
  byCol: Map<number, ColumnInfo>;
  codeCols: CodeColumn[];
}

interface ColumnStats {
  numbers: number;
  texts: number;
  pureCodes: number;
  /** Pure codes typed as text ("205"), the way code columns are usually kept. */
  textCodes: number;
  codeNames: number;
  percentFormat: number;
  yearLike: number;
  ints: number[];
}

interface StatsState extends ColumnStats {
  /** A column keeps one number format: whether it is a percentage is decided when the format changes. */
  lastFormat?: string;
  lastIsPercent: boolean;
}

function isPercent(s: StatsState, fmt: string | undefined): boolean {
  if (fmt !== s.lastFormat) {
    s.lastFormat = fmt;
    s.lastIsPercent = fmt !== undefined && fmt.includes('%');
  }
  return s.lastIsPercent;
}

/**
 * Stats of columns left..right over rows top..bottom, in one pass row by row: the grid stores rows, and
 * reading it along rows is several times faster than one column at a time down a long table.
 */
function statsOfColumns(grid: Grid, left: number, right: number, top: number, bottom: number): ColumnStats[] {
  const out: StatsState[] = [];
  for (let c = left; c <= right; c++) {
    out.push({ numbers: 0, texts: 0, pureCodes: 0, textCodes: 0, codeNames: 0, percentFormat: 0, yearLike: 0, ints: [], lastIsPercent: false });
  }
  const dense = plainNumbers(grid);
  for (let r = top; r <= bottom; r++) {
    const rowBase = dense ? r * dense.width : 0;
    for (let c = left; c <= right; c++) {
      const kind = dense && c < dense.width ? dense.kinds[rowBase + c] : NOT_PLAIN;
      if (kind !== NOT_PLAIN) {
        countNumber(out[c - left], grid, r, c, dense!.values[rowBase + c], kind === PLAIN_PERCENT);
        continue;
      }
      const cell = grid.cell(r, c);
      if (cell) countCell(out[c - left], grid, r, c, cell);
    }
  }
  return out;
}

/** countCell for a plain number (sheetScan): a finite number without an error, shown as some text. */
function countNumber(s: StatsState, grid: Grid, r: number, col: number, value: number, percent: boolean, text?: string): void {
  s.numbers++;
  if (percent) s.percentFormat++;
  if (Number.isInteger(value)) {
    if (value >= 1949 && value <= 2100) s.yearLike++;
    if (s.ints.length < 2000) s.ints.push(value);
    // Only a whole number can be a code stored as a number (205, 2050803).
    const code = codeText(text ?? grid.text(r, col));
    if (code && isCodeLength(code.length)) s.pureCodes++;
  }
}

function countCell(s: StatsState, grid: Grid, r: number, col: number, cell: CellData): void {
  const text = textOf(cell);
  if (text === '') return;
  let raw = cell.value;
  // Digits typed as text ("2101501", "150") read like numbers without building a Decimal.
  if (typeof raw === 'string' && PLAIN_INT.test(text)) {
    // All digits already: a code when it has 3, 5, 7 or 9 of them.
    if (isCodeLength(text.length)) {
      s.pureCodes++;
      s.textCodes++;
    }
    raw = Number(text);
    const v = raw;
    s.numbers++;
    if (v >= 1949 && v <= 2100) s.yearLike++;
    if (s.ints.length < 2000) s.ints.push(v);
    return;
  }
  if (typeof raw === 'number' && !cell.error && Number.isFinite(raw)) {
    countNumber(s, grid, r, col, raw, isPercent(s, cell.numberFormat), text);
    return;
  }
  const a = grid.amount(r, col);
  const code = codeText(text);
  if (code && isCodeLength(code.length)) {
    s.pureCodes++;
    if (typeof cell.value === 'string') s.textCodes++;
  }
  if (a) {
    s.numbers++;
    if (isPercent(s, cell.numberFormat)) s.percentFormat++;
    if (a.value.isInteger()) {
      const v = a.value.toNumber();
      if (v >= 1949 && v <= 2100) s.yearLike++;
      if (s.ints.length < 2000) s.ints.push(v);
    }
  } else if (grid.error(r, col) === undefined) {
    s.texts++;
    if (codeInName(text)?.name) s.codeNames++;
  } else {
    s.numbers++;
  }
}

function isSequence(ints: number[], numbers: number): boolean {
  if (numbers < 3 || ints.length !== numbers) return false;
  if (ints[0] !== 1) return false;
  for (let i = 1; i < ints.length; i++) if (ints[i] !== ints[i - 1] + 1) return false;
  return true;
}

/** Codes in a number column nest (205 then 20508 then 2050803): a code column stored as numbers. */
function codesNest(grid: Grid, col: number, top: number, bottom: number): boolean {
  let prev3 = '';
  let nested = 0;
  const lengths = new Set<number>();
  for (let r = top; r <= bottom; r++) {
    const t = codeText(grid.text(r, col));
    if (!t) continue;
    lengths.add(t.length);
    if (t.length === 3) prev3 = t;
    else if (prev3 && t.startsWith(prev3)) nested++;
  }
  return lengths.size >= 2 && nested >= 1;
}

function codeRoleFromHeader(path: string[]): CodeRole {
  const s = squash(path.join('/'));
  if (/政府预算.*经济|政府经济/.test(s)) return 'economic-gov';
  if (/部门预算.*经济|部门经济|经济分类/.test(s)) return 'economic-dept';
  if (/收入/.test(s)) return 'income';
  if (/功能/.test(s)) return 'function';
  return 'code';
}

export function analyseColumns(
  grid: Grid,
  headerTop: number,
  headerBottom: number,
  bodyTop: number,
  bodyBottom: number,
  left: number,
  right: number,
): ColumnModel {
  // A 栏次 row (甲 乙 1 2 3 …) under the header numbers the columns; it names none of them.
  const namedBottom = headerBottom > headerTop && isColumnNumbers(grid, headerBottom, left, right) ? headerBottom - 1 : headerBottom;
  const header = buildHeader(grid, headerTop, namedBottom, left, right);
  const columns: ColumnInfo[] = [];
  const codeCols: CodeColumn[] = [];
  const stats = statsOfColumns(grid, left, right, bodyTop, bodyBottom);
  const bodyCodeWords = splitCodeWordsRow(grid, bodyTop, bodyBottom, left, right);
  for (let c = left; c <= right; c++) {
    const path = headerPath(header, c);
    const joined = path.join('/');
    const st = stats[c - left];
    const info: ColumnInfo = { col: c, headerPath: path, role: 'text' };
    // 类 | 款 | 项 written on the first body row (the row that also carries 合计) name the columns too.
    const leaf = bodyCodeWords.get(c) ?? path[path.length - 1] ?? '';
    const codeRole = codeHeaderRole(leaf);
    const nonEmpty = st.numbers + st.texts;
    if (path.some((p) => isOrdinalHeader(p)) || (!codeRole && st.texts <= 1 && isSequence(st.ints, st.numbers) && !path.some(isTotalHeader))) {
      info.role = 'ordinal';
    } else if (
      (codeRole && nonEmpty > 0 && st.pureCodes + (leaf.length <= 1 ? nonEmpty : 0) >= nonEmpty * 0.6) ||
      (nonEmpty >= 2 &&
        st.pureCodes >= nonEmpty * 0.9 &&
        (st.textCodes >= nonEmpty * 0.5 || codesNest(grid, c, bodyTop, bodyBottom)) &&
        !MONEY_HEADER.test(joined))
    ) {
      info.role = 'code';
      codeCols.push({ col: c, role: codeRole && codeRole !== 'code' ? codeRole : codeRoleFromHeader(path) === 'code' ? 'code' : codeRoleFromHeader(path) });
    } else if (st.numbers > st.texts || (nonEmpty === 0 && path.length > 0 && (!/项目|名称|科目|单位|备注|说明|地区|县/.test(joined) || /(支出|收入|金额|经费|资金|拨款)$/.test(squash(leaf))))) {
      info.role = 'amount';
      // Percentages and years are told by the numbers; a word in the header (单价, 标准, 率) is only a
      // doubt that the relations settle: 医药价格监测补助 is a fund, not a price.
      if (st.numbers > 0 && st.percentFormat * 2 >= st.numbers) info.nonAdditive = true;
      else if (path.some((p) => isNonAdditiveHeader(p))) info.nonAdditiveWord = true;
      if (st.numbers >= 2 && st.yearLike === st.numbers && !MONEY_HEADER.test(joined)) info.nonAdditive = true;
      if (path.some((p) => isCountHeader(p))) info.count = true;
      if (isTotalHeader(leaf) || (path.length > 0 && isTotalHeader(path[0]) && path.length === 1)) info.totalHeader = true;
    } else if (st.codeNames >= Math.max(1, st.texts * 0.6)) {
      info.role = 'text';
      codeCols.push({ col: c, role: codeRoleFromHeader(path) });
    }
    columns.push(info);
  }
  const byCol = new Map(columns.map((c) => [c.col, c]));
  return { header, columns, byCol, codeCols };
}

/**
 * 类 | 款 | 项 on the first body row, beside that row's 合计 and amounts ("类 | 款 | 项 | 合计 | 2,946.25"):
 * the words of the split code columns, by column. Empty unless two of the three are there.
 */
function splitCodeWordsRow(grid: Grid, bodyTop: number, bodyBottom: number, left: number, right: number): Map<number, string> {
  const words = new Map<number, string>();
  if (bodyTop > bodyBottom) return words;
  for (let c = left; c <= right; c++) {
    const role = codeHeaderRole(grid.text(bodyTop, c));
    if (role === '类' || role === '款' || role === '项') words.set(c, role);
  }
  return words.size >= 2 ? words : new Map();
}

function isColumnNumbers(grid: Grid, row: number, left: number, right: number): boolean {
  let cells = 0;
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c).replace(/\s/g, '');
    if (t === '') continue;
    if (!/^([甲乙丙丁戊己庚]|栏次|行次|\d{1,2})$/.test(t)) return false;
    cells++;
  }
  return cells >= 2;
}

export interface SideSpan {
  left: number;
  right: number;
  side?: 'income' | 'expense';
}

/**
 * A 收支总表 has two halves side by side, each with its own label column: found from a 收入 | 支出 header
 * pair, or from two label columns whose texts (or 总计 labels) name 收入 and 支出.
 */
export function splitSides(grid: Grid, model: ColumnModel, left: number, right: number, bodyTop: number, bodyBottom: number): SideSpan[] {
  const textCols = model.columns.filter((c) => c.role === 'text').map((c) => c.col);
  const amountCols = model.columns.filter((c) => c.role === 'amount').map((c) => c.col);
  const valid = (cut: number) =>
    textCols.some((c) => c < cut) && textCols.some((c) => c >= cut) && amountCols.some((c) => c < cut) && amountCols.some((c) => c >= cut);
  // 1. Header: 收入 … | 支出 … group nodes.
  const roots = model.header.roots;
  for (let i = 0; i + 1 < roots.length; i++) {
    const a = roots[i];
    if (sideOf(a.text) !== 'income') continue;
    const b = roots.slice(i + 1).find((n) => sideOf(n.text) === 'expense');
    if (b && (a.right > a.left || b.right > b.left) && valid(b.left)) {
      return [
        { left, right: b.left - 1, side: 'income' },
        { left: b.left, right, side: 'expense' },
      ];
    }
  }
  // 2. Two label columns: the second starts the 支出 side when its column names 支出 (header or 总计 label).
  if (textCols.length >= 2) {
    for (const cut of textCols.slice(1)) {
      if (!valid(cut)) continue;
      const leftText = columnWords(grid, model, textCols.filter((c) => c < cut)[0], bodyTop, bodyBottom);
      const rightText = columnWords(grid, model, cut, bodyTop, bodyBottom);
      if (sideOf(leftText) === 'income' && sideOf(rightText) === 'expense') {
        return [
          { left, right: cut - 1, side: 'income' },
          { left: cut, right, side: 'expense' },
        ];
      }
    }
  }
  // 3. The same columns printed twice side by side (人员经费 codes and amounts | 公用经费 codes and amounts).
  const cut = repeatedHalf(model, left, right);
  if (cut !== undefined && valid(cut)) return [{ left, right: cut - 1 }, { left: cut, right }];
  return [{ left, right }];
}

/**
 * Where the second copy starts when the table is one set of columns printed twice: both halves as wide,
 * column by column the same header words and the same role, each with codes or a label and amounts.
 */
function repeatedHalf(model: ColumnModel, left: number, right: number): number | undefined {
  const width = right - left + 1;
  if (width < 4 || width % 2 !== 0) return undefined;
  const cut = left + width / 2;
  const signature = (c: number) => {
    const info = model.byCol.get(c);
    return info ? `${info.role}:${squash(info.headerPath.join('/'))}` : '';
  };
  let named = 0;
  for (let c = left; c < cut; c++) {
    const a = signature(c);
    if (a !== signature(c + width / 2)) return undefined;
    if (!a.endsWith(':')) named++;
  }
  const hasCodes = (a: number, b: number) => model.codeCols.some((k) => k.col >= a && k.col <= b);
  return named >= 2 && hasCodes(left, cut - 1) && hasCodes(cut, right) ? cut : undefined;
}

/** Header words of a column plus its total labels ("收入总计"). */
function columnWords(grid: Grid, model: ColumnModel, col: number, bodyTop: number, bodyBottom: number): string {
  const words = [...(model.byCol.get(col)?.headerPath ?? [])];
  for (let r = bodyBottom; r >= bodyTop && r >= bodyBottom - 6; r--) {
    const t = grid.text(r, col);
    if (t && isGrandTotalLabel(t)) {
      words.push(t);
      break;
    }
  }
  return words.filter((w) => sideOf(w)).slice(-1).join('');
}
