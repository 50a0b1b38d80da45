// textOf straight from grid/grid: CommonJS re-exports go through a getter, and hot loops call it per cell.
import { type Grid, textOf } from '../grid/grid';
import { forEachDigitText, MARK_CODE_HEADER, MARK_LEI, rowMarks } from '../layout/sheetScan';
import type { DetectedTable } from '../layout/types';
import { isAsciiDigits } from '../layout/text';
import { normalizeCodeText, splitCodeAndName } from './normalize';
import { isCodeShape } from './types';

/** One classification code found on a sheet. Rows and columns are 0-based. */
export interface CodeCell {
  row: number;
  /** Column of the cell holding the code (the deepest part for split columns). */
  col: number;
  code: string;
  /** The name as written, when the sheet gives one. */
  name?: string;
  nameCol?: number;
  /** inline: "2101501 行政运行" in one cell; column: a code column beside a name column; split: 类/款/项 columns. */
  source: 'inline' | 'column' | 'split';
  /** Cells of one column run or one split block share a group: hierarchy is checked within a group. */
  group: string;
  /** For split rows: the columns of the parts, top level first. */
  partCols?: number[];
}

/** A 类/款/项(/目) header: the columns of each part and of the name. */
export interface SplitBlock {
  headerRow: number;
  partCols: number[];
  nameCol: number;
  firstRow: number;
  lastRow: number;
}

/** A problem in a split row that keeps it from giving a code. */
export interface SplitRowProblem {
  row: number;
  col: number;
  message: string;
}

const PART_LABELS = ['类', '款', '项', '目'];

function plain(grid: Grid, r: number, c: number): string {
  return normalizeCodeText(grid.text(r, c));
}

function isBlankRow(grid: Grid, r: number, cols: number[]): boolean {
  return cols.every((c) => grid.text(r, c) === '');
}

/** Text cells that may head a split block (they mention 类) or a code column (码, 科), on the rows rowMarks marked. */
export interface HeaderCandidates {
  lei: [number, number][];
  code: [number, number][];
}

export function headerCandidates(grid: Grid): HeaderCandidates {
  const out: HeaderCandidates = { lei: [], code: [] };
  const marks = rowMarks(grid);
  for (let r = 0; r < grid.rowCount; r++) {
    if ((marks[r] & (MARK_LEI | MARK_CODE_HEADER)) === 0) continue;
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (!cell || typeof cell.value !== 'string') continue;
      const s = cell.text ?? cell.value;
      if (s.includes('类')) out.lei.push([r, c]);
      if (s.includes('码') || s.includes('科')) out.code.push([r, c]);
    }
  }
  return out;
}

/** Finds 类 | 款 | 项 header cells side by side (at least 类 and 款). */
export function findSplitBlocks(grid: Grid, candidates: HeaderCandidates = headerCandidates(grid)): SplitBlock[] {
  const blocks: SplitBlock[] = [];
  const seen = new Set<string>();
  for (const [r, c] of candidates.lei) {
    if (c + 1 >= grid.colCount) continue;
    // Cheap test first: header cells are one character (with spaces at most).
    const raw = grid.text(r, c);
    if (raw.length === 0 || raw.length > 4 || !raw.includes('类')) continue;
    if (plain(grid, r, c) !== '类' || plain(grid, r, c + 1) !== '款') continue;
    const key = `${r}:${c}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const partCols = [c, c + 1];
    for (let k = 2; k < PART_LABELS.length && plain(grid, r, c + k) === PART_LABELS[k]; k++) partCols.push(c + k);
    const last = partCols[partCols.length - 1];
    let nameCol = last + 1;
    for (let cc = last + 1; cc <= Math.min(grid.colCount - 1, last + 4); cc++) {
      if (/名称/.test(grid.visibleText(r, cc)) || (r > 0 && /名称/.test(grid.visibleText(r - 1, cc)))) {
        nameCol = cc;
        break;
      }
    }
    const cols = [...partCols, nameCol];
    let lastRow = r;
    let blanks = 0;
    for (let rr = r + 1; rr < grid.rowCount; rr++) {
      if (isBlankRow(grid, rr, cols)) {
        if (++blanks >= 3) break;
        continue;
      }
      // Another header (a second table below) ends the block, and so does a title or note line
      // written across the 类 column: the rows after it belong to something else.
      const head = plain(grid, rr, c);
      if (head === '类' && plain(grid, rr, c + 1) === '款') break;
      if (head.length > 4 && !/^\d/.test(head) && !/[合总小]计/.test(head)) break;
      blanks = 0;
      lastRow = rr;
    }
    blocks.push({ headerRow: r, partCols, nameCol, firstRow: r + 1, lastRow });
  }
  return blocks;
}

/** A part as written: text digits, or a number whose leading zero Excel dropped (款 8 → "08"). */
function partText(grid: Grid, r: number, c: number, level: number): string {
  const cell = grid.cell(r, c);
  const t = normalizeCodeText(textOf(cell));
  if (cell && typeof cell.value === 'number' && level > 0 && t.length === 1 && isAsciiDigits(t)) return `0${t}`;
  return t;
}

const DIGIT_RE = /\d/;

function rowHasDigit(parts: string[], deepest: number): boolean {
  for (let i = 0; i <= deepest; i++) if (DIGIT_RE.test(parts[i])) return true;
  return false;
}

/**
 * Reads the codes of a split block. 类 and 款 may be written on every row (部门预算公开表) or only on
 * the row that opens them (the Ministry's spreadsheet): empty leading parts are inherited.
 */
export function readSplitBlock(grid: Grid, block: SplitBlock, group = `split:${block.headerRow}:${block.partCols[0]}`): { cells: CodeCell[]; problems: SplitRowProblem[] } {
  const cells: CodeCell[] = [];
  const problems: SplitRowProblem[] = [];
  // The last code read and its depth: an empty leading part inherits its first 3 + 2·depth digits.
  let lastCode = '';
  let lastDepth = -1;
  // One partCols list per depth, shared by the block's cells (read-only).
  const partColsTo = block.partCols.map((_, d) => block.partCols.slice(0, d + 1));
  const parts: string[] = new Array(block.partCols.length);
  for (let r = block.firstRow; r <= block.lastRow; r++) {
    let deepest = -1;
    for (let i = 0; i < block.partCols.length; i++) {
      parts[i] = partText(grid, r, block.partCols[i], i);
      if (parts[i] !== '') deepest = i;
    }
    if (deepest < 0) continue;
    // A row whose parts hold no digit at all is a label written across the code columns ("合计", "无",
    // "公用经费合计"), not a code.
    if (!rowHasDigit(parts, deepest)) continue;
    const name = grid.text(r, block.nameCol);
    let code = '';
    let bad: SplitRowProblem | null = null;
    for (let i = 0; i <= deepest && !bad; i++) {
      const p = parts[i];
      const want = i === 0 ? 3 : 2;
      if (p === '') {
        if (i > lastDepth) bad = { row: r, col: block.partCols[i], message: `缺少${PART_LABELS[i]}编码` };
        else code = lastCode.slice(0, 3 + 2 * i);
        continue;
      }
      if (!isAsciiDigits(p)) {
        bad = { row: r, col: block.partCols[i], message: `${PART_LABELS[i]}编码“${p}”不是数字` };
      } else if (p.length === want) {
        code = i === 0 ? p : code + p;
      } else if (p.length === 3 + 2 * i && (i === 0 || p.startsWith(code))) {
        // The full code written in the part column ("21015" under 款).
        code = p;
      } else {
        bad = { row: r, col: block.partCols[i], message: `${PART_LABELS[i]}编码“${p}”应为${want}位数字` };
      }
    }
    if (bad) {
      problems.push(bad);
      continue;
    }
    lastCode = code;
    lastDepth = deepest;
    const cell: CodeCell = { row: r, col: block.partCols[deepest], code, source: 'split', group, partCols: partColsTo[deepest] };
    if (name !== '') {
      cell.name = name;
      cell.nameCol = block.nameCol;
    }
    cells.push(cell);
  }
  return { cells, problems };
}

const CODE_HEADER_RE = /(科目编码|科目代码|分类编码|^编码$|^代码$|^科目$)/;
const NOT_CODE_HEADER_RE = /(项目|单位|信用|账号|账户|电话|文号)/;

export interface CodeNameColumns {
  headerRow: number;
  codeCol: number;
  nameCol?: number;
}

/** A 科目编码 column, with the 科目名称 column beside it when there is one. */
export function findCodeColumns(grid: Grid, candidates: HeaderCandidates = headerCandidates(grid)): CodeNameColumns[] {
  const out: CodeNameColumns[] = [];
  for (const [r, c] of candidates.code) {
    const raw = grid.text(r, c);
    if (raw.length > 20 || !(raw.includes('码') || raw.includes('科'))) continue;
    const t = plain(grid, r, c);
    if (!CODE_HEADER_RE.test(t) || NOT_CODE_HEADER_RE.test(t)) continue;
    // A merged "功能分类科目编码" over 类/款/项 is a split header, not a code column.
    const m = grid.mergeAt(r, c);
    if (m && m.right > m.left) continue;
    let nameCol: number | undefined;
    for (let cc = c + 1; cc <= Math.min(grid.colCount - 1, c + 3); cc++) {
      if (/名称/.test(grid.visibleText(r, cc))) {
        nameCol = cc;
        break;
      }
    }
    out.push({ headerRow: r, codeCol: c, nameCol });
  }
  return out;
}

/** Reads a code column: every cell below the header that holds a well-formed code, up to (not including) endRow. */
export function readCodeColumn(grid: Grid, cols: CodeNameColumns, endRow = grid.rowCount): CodeCell[] {
  const cells: CodeCell[] = [];
  let blanks = 0;
  const group = `column:${cols.headerRow}:${cols.codeCol}`;
  for (let r = cols.headerRow + 1; r < endRow; r++) {
    const raw = grid.text(r, cols.codeCol);
    if (raw === '') {
      if (++blanks >= 3) break;
      continue;
    }
    blanks = 0;
    const parsed = splitCodeAndName(raw);
    if (!parsed || !isCodeShape(parsed.code)) continue;
    const cell: CodeCell = { row: r, col: cols.codeCol, code: parsed.code, source: 'column', group };
    const name = parsed.name || (cols.nameCol !== undefined ? grid.text(r, cols.nameCol) : '');
    if (name) {
      cell.name = name;
      cell.nameCol = parsed.name ? cols.codeCol : cols.nameCol;
    }
    cells.push(cell);
  }
  return cells;
}

/** Text after a number that makes it a quantity, not a 科目: "100万元", "120家", "365天". */
const QUANTITY_RE = /^(万|亿|元|个|人|次|户|家|台|套|件|辆|年|月|日|天|小时|分钟|秒|%|名|位|所|处|米|公里|亩|吨|平方|张|份|册|床|余|多|周|岁|号|期|批|倍|项|条|座|栋|间|只|头|株|公顷|千|百|兆|斤|度|类|款)/;

/** "2101501 行政运行" or "201一般公共服务支出" in one cell: the code and a Chinese name. */
export function readInlineCode(text: string): { code: string; name: string } | null {
  const p = splitCodeAndName(text);
  if (!p || !p.name || !isCodeShape(p.code)) return null;
  if (!/^[\u4e00-\u9fff（(“"]/.test(p.name) || QUANTITY_RE.test(p.name)) return null;
  return p;
}

/**
 * Every code on the sheet: split 类/款/项 blocks, code columns, and code+name cells anywhere. Table
 * models add code columns the header scan may miss (DetectedTable.codeCols).
 */
export function findCodeCells(grid: Grid, tables: DetectedTable[] = []): { cells: CodeCell[]; problems: SplitRowProblem[] } {
  const taken = new Set<number>();
  const key = (r: number, c: number) => r * 16384 + c;
  const cells: CodeCell[] = [];
  const problems: SplitRowProblem[] = [];

  const candidates = headerCandidates(grid);
  const blocks = findSplitBlocks(grid, candidates);
  for (const t of tables) {
    const split = t.codeCols.filter((cc) => cc.role === '类' || cc.role === '款' || cc.role === '项').sort((a, b) => a.col - b.col);
    if (split.length >= 2 && !blocks.some((b) => b.partCols[0] === split[0].col && b.headerRow >= t.headerTop && b.headerRow <= t.headerBottom)) {
      const nameCol = t.labelCol ?? split[split.length - 1].col + 1;
      blocks.push({ headerRow: t.headerBottom, partCols: split.map((s) => s.col), nameCol, firstRow: t.headerBottom + 1, lastRow: t.range.bottom });
    }
  }
  for (const b of blocks) {
    // A detected table bounds its own code block: rows below it belong to the next table.
    const owner = tables.find((t) => b.headerRow >= t.range.top && b.headerRow <= t.range.bottom && b.partCols[0] >= t.range.left && b.partCols[0] <= t.range.right);
    if (owner) b.lastRow = Math.min(b.lastRow, owner.range.bottom);
    const read = readSplitBlock(grid, b);
    for (const c of read.cells) cells.push(c);
    for (const p of read.problems) problems.push(p);
  }
  // A block's cells are taken as a whole (a range test), not cell by cell: blocks run to tens of thousands of rows.
  const inBlock = (r: number, c: number) => blocks.some((b) => r >= b.firstRow && r <= b.lastRow && (c === b.nameCol || b.partCols.includes(c)));
  const isTaken = (r: number, c: number) => taken.has(key(r, c)) || inBlock(r, c);

  const columns = findCodeColumns(grid, candidates);
  for (const t of tables) {
    for (const cc of t.codeCols) {
      if (cc.role === '类' || cc.role === '款' || cc.role === '项') continue;
      if (!columns.some((x) => x.codeCol === cc.col)) columns.push({ headerRow: t.headerBottom, codeCol: cc.col, nameCol: t.labelCol !== cc.col ? t.labelCol : undefined });
    }
  }
  // A column read stops at the next code header in the same column: stacked tables are read once each, not once
  // per header above them.
  const nextHeader = new Map<(typeof columns)[number], number>();
  const byColumn = [...columns].sort((a, b) => a.codeCol - b.codeCol || a.headerRow - b.headerRow);
  for (let i = 0; i < byColumn.length; i++) {
    const next = byColumn[i + 1];
    nextHeader.set(byColumn[i], next && next.codeCol === byColumn[i].codeCol ? next.headerRow : grid.rowCount);
  }
  for (const col of columns) {
    for (const cell of readCodeColumn(grid, col, nextHeader.get(col))) {
      if (isTaken(cell.row, cell.col)) continue;
      taken.add(key(cell.row, cell.col));
      if (cell.nameCol !== undefined) taken.add(key(cell.row, cell.nameCol));
      cells.push(cell);
    }
  }

  // Inline "code name" cells, row by row, among the text cells that start with a digit; runs are counted per column.
  const run = new Int32Array(grid.colCount);
  const lastRow = new Int32Array(grid.colCount).fill(-10);
  // Split-block cells were read above: a column is skipped up to the last row of a block over it.
  const blockedTo = new Int32Array(grid.colCount).fill(-1);
  const byStart = [...blocks].sort((a, b) => a.firstRow - b.firstRow);
  let nextBlock = 0;
  forEachDigitText(grid, (r, c) => {
    for (; nextBlock < byStart.length && byStart[nextBlock].firstRow <= r; nextBlock++) {
      const b = byStart[nextBlock];
      for (const bc of [...b.partCols, b.nameCol]) if (bc < grid.colCount) blockedTo[bc] = Math.max(blockedTo[bc], b.lastRow);
    }
    if (blockedTo[c] >= r || taken.has(key(r, c))) return;
    const p = readInlineCode(textOf(grid.cell(r, c)));
    if (!p) return;
    // A gap of more than two rows starts a new run (another table in the same column).
    if (r - lastRow[c] > 3) run[c]++;
    lastRow[c] = r;
    cells.push({ row: r, col: c, code: p.code, name: p.name, nameCol: c, source: 'inline', group: `inline:${c}:${run[c]}` });
  });
  if (!inOrder(cells)) cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { cells, problems };
}

function inOrder(cells: CodeCell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (a.row > b.row || (a.row === b.row && a.col > b.col)) return false;
  }
  return true;
}
