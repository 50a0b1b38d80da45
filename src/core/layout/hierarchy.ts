/**
 * Row roles and the row hierarchy of one table side. Levels come from, in order of trust:
 * codes (split 类/款/项 columns, one code column, a code inside the name), numbering
 * (一、 （一） 1. (1) ①, nested in order of first appearance), indentation (leading spaces, full-width
 * spaces, the cell's indent), and 其中 items. Unmarked rows after a 其中 item may continue the group or
 * return to the parent's level: the amounts decide (the parent must equal the sum of its group).
 */
import type { Grid } from '../grid';
import { Check, checkDown, TableNumbers } from './numbers';
import type { CodeColumn, RowInfo } from './types';
import {
  codeInName,
  codeLevel,
  codeText,
  isGrandTotalLabel,
  isQizhong,
  isSubtotalLabel,
  numberingOf,
  NumberingStyle,
  squash,
} from './text';

export interface SideRowsInput {
  left: number;
  right: number;
  labelCol?: number;
  codeCols: CodeColumn[];
  /** Code columns holding only codes (类/款/项 or one 科目编码 column): the hierarchy reads them. */
  pureCodeCols: CodeColumn[];
  amountCols: number[];
  bodyTop: number;
  bodyBottom: number;
}

interface RowMarks {
  code?: string;
  codeLevelValue?: number;
  numbering?: NumberingStyle;
  qizhong: boolean;
  indent: number;
}

/** Leading spaces of the raw cell text (trimmed text loses them): ASCII spaces count half a full-width one. */
function indentOf(grid: Grid, row: number, col: number): number {
  const cell = grid.cell(row, col);
  if (!cell) return 0;
  const raw = cell.text !== undefined && cell.text.trim() !== '' ? cell.text : typeof cell.value === 'string' ? cell.value : '';
  const first = raw.charCodeAt(0);
  if (first !== 32 && first !== 0x3000 && first !== 0xa0 && first !== 9) return (cell.indent ?? 0) * 2;
  const m = /^[ \u3000\u00a0\t]*/.exec(raw);
  let spaces = 0;
  for (const ch of m ? m[0] : '') spaces += ch === '\u3000' || ch === '\t' ? 2 : 1;
  return (cell.indent ?? 0) * 2 + spaces;
}

function labelOf(grid: Grid, row: number, input: SideRowsInput): string {
  if (input.labelCol !== undefined) {
    const t = grid.text(row, input.labelCol);
    if (t !== '') return t;
  }
  // 合计 is often written in the code columns (merged over 类/款/项) or the first column.
  const firstAmount = input.amountCols.length ? Math.min(...input.amountCols) : input.right + 1;
  for (let c = input.left; c < firstAmount; c++) {
    const t = grid.visibleText(row, c);
    if (t !== '' && grid.amount(row, c) === null) return t;
  }
  return '';
}

/** The 类/款/项 columns among the code columns, found once per table side. */
interface SplitCols {
  lei?: CodeColumn;
  kuan?: CodeColumn;
  xiang?: CodeColumn;
  single?: CodeColumn;
}

function splitColsOf(codeCols: CodeColumn[]): SplitCols {
  return { lei: codeCols.find((c) => c.role === '类'), kuan: codeCols.find((c) => c.role === '款'), xiang: codeCols.find((c) => c.role === '项'), single: codeCols[0] };
}

function splitCode(grid: Grid, row: number, cols: SplitCols): { code: string; level: number } | undefined {
  const { lei, kuan, xiang, single } = cols;
  if (lei) {
    const a = codeText(grid.text(row, lei.col)) ?? '';
    const b = kuan ? splitPart(grid.text(row, kuan.col)) : '';
    const c = xiang ? splitPart(grid.text(row, xiang.col)) : '';
    if (c) return { code: join(a, b, c), level: 2 };
    if (b) return { code: join(a, b), level: 1 };
    if (a) return { code: a, level: a.length === 3 ? 0 : codeLevel(a) };
    return undefined;
  }
  if (single) {
    const t = codeText(grid.text(row, single.col));
    if (t && t.length >= 3) return { code: t, level: codeLevel(t) };
  }
  return undefined;
}

/** A 款 or 项 part: "02", or "2" as exported sheets write it without the leading zero. */
function splitPart(text: string): string {
  const t = text.trim();
  if (t.length === 1 && t >= '0' && t <= '9') return `0${t}`;
  return codeText(t) ?? '';
}

/** 类 "210" + 款 "11" + 项 "01" → "2101101"; full codes typed in each column are kept as they are. */
function join(...parts: string[]): string {
  let code = '';
  for (const p of parts) {
    if (!p) continue;
    code = p.length > 2 && p.startsWith(code) ? p : code + p.slice(-2);
  }
  return code;
}

export function buildRows(grid: Grid, input: SideRowsInput, nums: TableNumbers): RowInfo[] {
  const rows: RowInfo[] = [];
  const marks: RowMarks[] = [];
  const hierarchyCodeCols = splitColsOf(input.pureCodeCols);
  for (let r = input.bodyTop; r <= input.bodyBottom; r++) {
    const label = labelOf(grid, r, input);
    let empty = label === '';
    if (empty) for (const c of input.amountCols) if (grid.text(r, c) !== '') empty = false;
    const info: RowInfo = { row: r, role: 'item', label, level: 0 };
    const mk: RowMarks = { qizhong: false, indent: 0 };
    if (empty) info.role = 'blank';
    else if (isGrandTotalLabel(label)) info.role = 'total';
    else if (isSubtotalLabel(label)) info.role = 'subtotal';
    if (info.role === 'item' || info.role === 'subtotal') {
      const sc = splitCode(grid, r, hierarchyCodeCols);
      const inName = input.labelCol !== undefined ? codeInName(grid.text(r, input.labelCol)) : undefined;
      if (sc) {
        mk.code = sc.code;
        mk.codeLevelValue = sc.level;
      } else if (inName) {
        mk.code = inName.code;
        mk.codeLevelValue = codeLevel(inName.code);
      }
      mk.numbering = numberingOf(label);
      mk.qizhong = isQizhong(label);
      if (input.labelCol !== undefined) mk.indent = indentOf(grid, r, input.labelCol);
      if (mk.code) info.code = mk.code;
    }
    rows.push(info);
    marks.push(mk);
  }
  const usedIndent = assignLevels(rows, marks, true);
  resolveQizhongGroups(rows, marks, input.amountCols, nums);
  linkParents(rows);
  if (usedIndent && !indentAddsUp(rows, input.amountCols, nums)) {
    // Leading spaces that do not nest amounts are typing, not structure.
    for (const r of rows) r.parentRow = undefined;
    assignLevels(rows, marks, false);
    resolveQizhongGroups(rows, marks, input.amountCols, nums);
    linkParents(rows);
  } else if (usedIndent && flattenFailingIndent(rows, input.amountCols, nums)) {
    linkParents(rows);
  }
  return rows;
}

/**
 * An indented run whose parent disagrees with it in every column it can be checked in (two at least)
 * is a stray leading space, not a level: the run moves back to the parent's level.
 */
function flattenFailingIndent(rows: RowInfo[], cols: number[], nums: TableNumbers): boolean {
  let changed = false;
  const kidsOf = new Map<number, RowInfo[]>();
  for (const r of rows) {
    if (r.parentRow === undefined) continue;
    const list = kidsOf.get(r.parentRow) ?? [];
    list.push(r);
    kidsOf.set(r.parentRow, list);
  }
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i];
    const kids = kidsOf.get(p.row) ?? [];
    if (!kids.some((r) => r.marker === 'indent')) continue;
    let holds = 0;
    let fails = 0;
    const parts = kids.map((r) => r.row);
    for (const c of cols) {
      const k = checkDown(nums, c, p.row, parts).check;
      if (k === Check.Holds) holds++;
      else if (k === Check.Fails) fails++;
    }
    if (holds > 0 || fails < 2) continue;
    let j = i + 1;
    let shift = -1;
    for (; j < rows.length; j++) {
      const r = rows[j];
      if (r.role === 'blank') continue;
      if (r.role === 'total' || r.level <= p.level) break;
      if (shift < 0) shift = r.level - p.level;
      r.level -= shift;
      r.parentRow = undefined;
      changed = true;
    }
  }
  return changed;
}

/** Parents found by indentation must, on the whole, equal the sum of their children. */
function indentAddsUp(rows: RowInfo[], cols: number[], nums: TableNumbers): boolean {
  const kids = new Map<number, number[]>();
  for (const r of rows) {
    if (r.parentRow === undefined || r.marker !== 'indent') continue;
    const list = kids.get(r.parentRow) ?? [];
    list.push(r.row);
    kids.set(r.parentRow, list);
  }
  let holds = 0;
  let fails = 0;
  for (const [parent, parts] of kids) {
    for (const c of cols) {
      const k = checkDown(nums, c, parent, parts).check;
      if (k === Check.Holds) holds++;
      else if (k === Check.Fails) fails++;
    }
  }
  return holds > 0 && holds >= fails;
}

function assignLevels(rows: RowInfo[], marks: RowMarks[], allowIndent: boolean): boolean {
  const items = rows.map((r, i) => i).filter((i) => rows[i].role === 'item' || rows[i].role === 'subtotal');
  const coded = items.filter((i) => marks[i].code !== undefined).length;
  const numbered = items.filter((i) => marks[i].numbering !== undefined).length;
  const indents = new Set(items.map((i) => marks[i].indent));
  const useCodes = coded >= 2 && coded * 2 >= items.length;
  const useNumbering = !useCodes && numbered >= 2;
  const useIndent = allowIndent && !useCodes && indents.size >= 2;
  const indentRank = [...indents].sort((a, b) => a - b);
  const styleStack: NumberingStyle[] = [];
  const styleIndent: number[] = [];
  let prevLevel = 0;
  let prevMarkedLevel = 0;
  let qizhongOpen = false;
  for (const i of items) {
    const mk = marks[i];
    const row = rows[i];
    let level: number;
    let marker: RowInfo['marker'] = 'none';
    if (useCodes && mk.code !== undefined) {
      level = mk.codeLevelValue ?? 0;
      marker = 'code';
    } else if (useNumbering && mk.numbering !== undefined) {
      const at = styleStack.indexOf(mk.numbering);
      if (at >= 0) {
        styleStack.length = at + 1;
        styleIndent.length = at + 1;
      } else {
        styleStack.push(mk.numbering);
        styleIndent.push(mk.indent);
      }
      level = styleStack.length - 1;
      marker = 'numbering';
    } else if (mk.qizhong) {
      level = prevMarkedLevel + 1;
      marker = 'qizhong';
    } else if (useIndent && !useNumbering) {
      level = indentRank.indexOf(mk.indent);
      marker = 'indent';
    } else if (allowIndent && useNumbering && styleStack.length > 0 && mk.indent > styleIndent[styleStack.length - 1]) {
      level = styleStack.length;
      marker = 'indent';
    } else {
      // Unmarked: stays where the previous row was (inside a 其中 group, or a sibling item).
      level = prevLevel;
    }
    if (row.role === 'subtotal' && marker === 'none') level = 0;
    row.level = level;
    row.marker = marker;
    prevLevel = level;
    // Unmarked rows right after a 其中 item continue its group; any other row closes it.
    if (marker === 'qizhong') qizhongOpen = true;
    else if (marker !== 'none' || row.role !== 'item') qizhongOpen = false;
    if (marker !== 'qizhong' && (marker !== 'none' || !qizhongOpen)) prevMarkedLevel = level;
  }
  for (const r of rows) if (r.role === 'total' || r.role === 'blank') r.level = 0;
  return rows.some((r) => r.marker === 'indent');
}

/**
 * For each 其中 group (parent P, first item Q, then unmarked rows), keep in the group the prefix whose sum
 * matches P best; the unmarked rows after it go back to P's level.
 */
function resolveQizhongGroups(rows: RowInfo[], marks: RowMarks[], cols: number[], nums: TableNumbers): void {
  for (let i = 0; i < rows.length; i++) {
    if (!marks[i].qizhong || rows[i].marker !== 'qizhong') continue;
    const level = rows[i].level;
    let p = i - 1;
    while (p >= 0 && (rows[p].role === 'blank' || rows[p].level >= level)) p--;
    if (p < 0) continue;
    const members = [i];
    let e = i + 1;
    for (; e < rows.length; e++) {
      const r = rows[e];
      if (r.role === 'blank') continue;
      if (r.role !== 'item' || r.marker !== 'none' || r.level !== level) break;
      members.push(e);
    }
    if (members.length < 2) continue;
    // The parent's name may list its parts ("公务用车购置及运行费" over 公务用车购置费, 公务用车运行费): the
    // group is declared, whatever the numbers say (a wrong amount must not move a row out of it).
    const named = namedPrefix(rows[p].label, members.map((m) => rows[m].label));
    if (named >= 2) {
      for (let k = named; k < members.length; k++) rows[members[k]].level = rows[p].level;
      i = members[members.length - 1];
      continue;
    }
    let best = members.length;
    let bestHolds = -1;
    for (let k = members.length; k >= 1; k--) {
      const parts = members.slice(0, k).map((m) => rows[m].row);
      let holds = 0;
      for (const c of cols) if (checkDown(nums, c, rows[p].row, parts).check === Check.Holds) holds++;
      if (holds > bestHolds) {
        bestHolds = holds;
        best = k;
      }
    }
    for (let k = best; k < members.length; k++) rows[members[k]].level = rows[p].level;
    i = members[members.length - 1];
  }
}

/**
 * How many of a 其中 group's first items a parent named as a list of parts ("公务用车购置及运行费": 及/和/与/、)
 * names: each item's last word before 费/支出 is in the parent's name ("购置" of 公务用车购置费, "运行" of 公务用车运行费).
 */
function namedPrefix(parent: string, items: string[]): number {
  const core = (s: string) => squash(s).replace(/^其中[:：]?/, '').replace(/[（(][^)）]*[)）]$/, '').replace(/(费用|经费|费|支出)$/, '');
  const p = core(parent);
  if (!/[及和与、]/.test(p)) return 0;
  let k = 0;
  for (const item of items) {
    const it = core(item);
    const word = it.slice(-2);
    if (it.length < 3 || it === p || !p.includes(word)) break;
    k++;
  }
  return k;
}

function linkParents(rows: RowInfo[]): void {
  const stack: RowInfo[] = [];
  for (const r of rows) {
    if (r.role === 'blank') continue;
    if (r.role === 'total') {
      stack.length = 0;
      continue;
    }
    while (stack.length && stack[stack.length - 1].level >= r.level) stack.pop();
    if (stack.length && r.role === 'item') r.parentRow = stack[stack.length - 1].row;
    stack.push(r);
  }
}

