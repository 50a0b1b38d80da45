/**
 * Regions: one top-to-bottom pass over the row profiles of a column band that cuts the sheet into
 * tables — preamble (title, unit line, 编制部门), header band, body — and drops notes between them.
 */
import type { Grid } from '../grid';
import { columnBands, Mask, profileRow, RowProfile } from './profile';
import { codeInName, isGrandTotalLabel, isHeaderWord, isMetaLine, isNoteLine, isQizhong, isStrongHeaderWord, isTitleText, numberingOf, squash } from './text';

export interface Region {
  /** Columns of the table. */
  left: number;
  right: number;
  /** Band the table was found in (its title may sit anywhere in it). */
  bandLeft: number;
  bandRight: number;
  /** Rows above the table since the previous one: title, unit line, 编制部门. */
  preamble: number[];
  /** headerBottom < headerTop when the table has no header band. */
  headerTop: number;
  headerBottom: number;
  bodyTop: number;
  bodyBottom: number;
}

const MAX_HEADER_ROWS = 6;

/** Texts that only body rows have. 合计 / 小计 / 其中 alone are header words too, so they do not count. */
function looksLikeBodyLabel(text: string): boolean {
  return numberingOf(text) !== undefined || (isQizhong(text) && /^其中[：:]\s*\S/.test(text.trim())) || codeInName(text) !== undefined;
}

/** A header row naming years as numbers ("项目 | 2023 | 2024 | 增减"): its only amounts are years. */
function yearsInHeader(p: RowProfile): boolean {
  return p.amounts > 0 && p.years === p.amounts && p.entities.some((e) => !e.amount && isHeaderWord(e.text));
}

/** A row of column numbers under a header: 甲 乙 1 2 3 …, or 栏次. */
function isColumnNumberRow(p: RowProfile): boolean {
  if (p.entities.length < 3) return false;
  let expected = -1;
  for (const e of p.entities) {
    const t = e.text.replace(/\s/g, '');
    if (/^[甲乙丙丁戊己庚]$/.test(t) || /^(栏次|行次)$/.test(t)) continue;
    if (!/^\d{1,2}$/.test(t)) return false;
    const n = parseInt(t, 10);
    if (expected >= 0 && n !== expected) return false;
    expected = n + 1;
  }
  return true;
}

/** A row that names columns and could start a new table. */
export function isStrictHeaderRow(p: RowProfile): boolean {
  if (p.amounts > 0 || p.entities.length < 2) return false;
  let words = 0;
  let strong = 0;
  for (const e of p.entities) {
    if (looksLikeBodyLabel(e.text)) return false;
    if (isHeaderWord(e.text)) words++;
    if (isStrongHeaderWord(e.text)) strong++;
  }
  return strong >= 1 && words >= Math.ceil(p.entities.length * 0.6);
}

/** Rows of profiles kept at a time: the scan looks a few rows back and ahead of where it is. */
const PROFILE_WINDOW = 512;

/**
 * Row profiles of one column band, computed on first use. Only the last few hundred are kept (a row
 * further back is profiled again): keeping every row's profile of a 20,000-row table made them survive
 * into the old generation, and collecting them cost more than profiling. A profile pushed out of the
 * window is refilled for the new row, so callers must not hold a profile while they read 512 rows on
 * (none does: they look a few rows ahead at most).
 */
class Profiles {
  private readonly cache: (RowProfile | undefined)[] = new Array(PROFILE_WINDOW);
  constructor(
    readonly grid: Grid,
    readonly mask: Mask,
    readonly left: number,
    readonly right: number,
  ) {}
  at(row: number): RowProfile {
    const slot = row % PROFILE_WINDOW;
    let p = this.cache[slot];
    if (!p || p.row !== row) {
      p = profileRow(this.grid, row, this.left, this.right, this.mask, p);
      this.cache[slot] = p;
    }
    return p;
  }
}

export function findRegions(grid: Grid, mask: Mask): Region[] {
  const out: Region[] = [];
  for (const [bl, br] of columnBands(grid, mask)) {
    out.push(...scanBand(new Profiles(grid, mask, bl, br), 0, grid.rowCount - 1, false));
  }
  return out;
}

/**
 * Two tables side by side with an empty column between them arrive as one region when other tables on
 * the sheet use that column. The columns the region's rows use (unit lines aside) then fall into groups;
 * each group is scanned again on its own, from a few rows above the region.
 */
function splitSideBySide(profiles: Profiles, region: Region, from: number, to: number): Region[] | undefined {
  const top = region.headerBottom >= region.headerTop ? region.headerTop : region.bodyTop;
  const width = profiles.right - profiles.left + 1;
  const used = new Uint8Array(width);
  let usedCount = 0;
  const use = (c: number) => {
    if (used[c - profiles.left] === 0) {
      used[c - profiles.left] = 1;
      usedCount++;
    }
  };
  for (let r = top; r <= region.bodyBottom && usedCount < width; r++) {
    const p = profiles.at(r);
    for (const e of p.entities) {
      if (!e.amount && isMetaLine(e.text)) continue;
      for (let c = e.col; c <= e.right; c++) use(c);
    }
    if (p.coveredFromAbove > 0) {
      for (let c = profiles.left; c <= profiles.right; c++) {
        const m = profiles.grid.mergeAt(r, c);
        if (m && m.top < r) use(c);
      }
    }
  }
  const groups: [number, number][] = [];
  let start = -1;
  for (let k = 0; k <= width; k++) {
    const u = k < width && used[k] === 1;
    if (u && start < 0) start = k;
    if (!u && start >= 0) {
      groups.push([profiles.left + start, profiles.left + k - 1]);
      start = -1;
    }
  }
  if (groups.length < 2 || groups.some(([a, b]) => b - a < 1)) return undefined;
  // Each side of a real pair has amounts of its own; a label block beside a spacer column does not.
  const withAmounts = (a: number, b: number) => {
    for (let r = top; r <= region.bodyBottom; r++) if (profiles.at(r).entities.some((e) => e.amount && e.col >= a && e.col <= b)) return true;
    return false;
  };
  if (!groups.every(([a, b]) => withAmounts(a, b))) return undefined;
  const out: Region[] = [];
  for (const [gl, gr] of groups) {
    const sub = new Profiles(profiles.grid, profiles.mask, gl, gr);
    // Only the table that starts alongside this region; what lies below is scanned by the caller.
    const found = scanBand(sub, from, to, true).filter((r) => (r.headerBottom >= r.headerTop ? r.headerTop : r.bodyTop) <= region.bodyBottom);
    out.push(...found);
  }
  return out.length >= 2 ? out : undefined;
}

function scanBand(profiles: Profiles, from: number, to: number, nested: boolean): Region[] {
  const n = to + 1;
  const bandLeft = profiles.left;
  const bandRight = profiles.right;
  const regions: Region[] = [];
  let preamble: number[] = [];
  let prevBottom = from - 1;
  let i = from;
  while (i < n) {
    if (nested && regions.length > 0) break;
    const p = profiles.at(i);
    if (p.kind === 'blank') {
      i++;
      continue;
    }
    if (p.kind === 'note') {
      preamble = [];
      i++;
      continue;
    }
    if (p.kind === 'meta' || p.kind === 'single' || p.kind === 'title') {
      preamble.push(i);
      i++;
      continue;
    }
    const band = headerBand(profiles, i, n);
    let hTop = band[0];
    const hBottom = band[1];
    let left = bandRight;
    let right = bandLeft;
    const spanRows = hBottom >= hTop ? [hTop, hBottom] : [i, i];
    for (let r = spanRows[0]; r <= spanRows[1]; r++) {
      for (const e of profiles.at(r).entities) {
        if (!e.amount && isMetaLine(e.text)) continue;
        left = Math.min(left, e.col);
        right = Math.max(right, e.right);
      }
    }
    if (hBottom >= hTop && preamble.length >= 2 && preamble[preamble.length - 1] === hTop - 1 && isSpanningHeaderRow(profiles.at(hTop - 1), left, right)) {
      // "财政拨款“三公”经费" merged over every column, right above the column names: the header's top row.
      hTop--;
      preamble = preamble.slice(0, -1);
    }
    const bodyTop = hBottom >= hTop ? hBottom + 1 : i;
    const bodyBottom = extendBody(profiles, bodyTop, left, right, n);
    // Body cells outside the header's columns (a stray note to the right) do not widen the table when
    // there is a header; a headerless table takes the columns its rows use.
    if (hBottom < hTop) {
      for (let r = bodyTop; r <= bodyBottom; r++) {
        for (const e of profiles.at(r).entities) {
          left = Math.min(left, e.col);
          right = Math.max(right, e.right);
        }
      }
    }
    const region: Region = { left, right, bandLeft, bandRight, preamble, headerTop: hTop, headerBottom: hBottom, bodyTop, bodyBottom: Math.max(bodyBottom, bodyTop - 1) };
    let next = Math.max(bodyBottom, hBottom, i) + 1;
    const split = nested ? undefined : splitSideBySide(profiles, region, Math.max(prevBottom + 1, Math.min(i, ...preamble) - 4, from), to);
    if (split) {
      regions.push(...split.filter((r) => hasSubstance(profiles, r)));
      next = Math.max(next, ...split.map((r) => r.bodyBottom + 1));
    } else if ((bodyBottom >= bodyTop || hBottom >= hTop) && hasSubstance(profiles, region)) {
      regions.push(region);
    }
    preamble = [];
    prevBottom = next - 1;
    i = next;
  }
  return regions;
}

/**
 * One merged cell over exactly the header's columns, not a title, unit line or note: a group heading over
 * the whole header. (A title above it is what makes it not the title itself.)
 */
function isSpanningHeaderRow(p: RowProfile, left: number, right: number): boolean {
  if (p.kind !== 'single' || p.entities.length !== 1) return false;
  const e = p.entities[0];
  return !e.amount && e.col === left && e.right === right && right > left && !isTitleText(e.text) && !isMetaLine(e.text) && !isNoteLine(e.text);
}

/** A table needs amounts in its body, or a real header over at least one row. */
function hasSubstance(profiles: Profiles, r: Region): boolean {
  let amounts = 0;
  for (let row = r.bodyTop; row <= r.bodyBottom && amounts === 0; row++) amounts += profiles.at(row).entities.filter((e) => e.amount && e.col >= r.left && e.col <= r.right).length;
  if (amounts > 0) return true;
  if (r.headerBottom < r.headerTop || r.bodyBottom < r.bodyTop) return false;
  let strong = 0;
  for (let row = r.headerTop; row <= r.headerBottom; row++) strong += profiles.at(row).entities.filter((e) => isStrongHeaderWord(e.text)).length;
  return strong >= 2;
}

/** The header band starting at row i: text rows naming columns, merged cells, a 栏次 row. */
function headerBand(profiles: Profiles, i: number, n: number): [number, number] {
  const first = profiles.at(i);
  if (first.amounts > 0 && !yearsInHeader(first)) return [i, i - 1];
  let h = i;
  let mergeBottom = -1;
  while (h < n && h - i < MAX_HEADER_ROWS) {
    const p = profiles.at(h);
    if (p.kind === 'blank' || p.kind === 'note' || p.kind === 'meta' || p.kind === 'title') break;
    const forced = h <= mergeBottom;
    if (!forced) {
      if (p.amounts > 0 && !yearsInHeader(p)) {
        if (h > i && isColumnNumberRow(p)) {
          h++;
          break;
        }
        break;
      }
      const bodyish = p.entities.filter((e) => looksLikeBodyLabel(e.text)).length;
      if (bodyish > 0 && bodyish * 2 >= p.entities.length) break;
      const words = p.entities.filter((e) => isHeaderWord(e.text)).length;
      if (h === i) {
        if (p.entities.length < 2 && p.coveredFromAbove === 0) break;
      } else if (p.coveredFromAbove === 0 && words * 2 < p.entities.length && !splitsGroupAbove(profiles.at(h - 1), p)) {
        break;
      } else if (p.entities.length === 1 && p.coveredFromAbove === 0 && !namesCodeColumnBelow(profiles.at(h - 1), p)) {
        break;
      }
    }
    for (const e of p.entities) mergeBottom = Math.max(mergeBottom, e.bottom);
    h++;
  }
  // A header needs a body under it that is not just more text rows of a different shape; when the
  // whole "header" is followed by nothing numeric it is still a header (an empty table).
  return [i, h - 1];
}

/**
 * A row holding only the second line of a code or name column's heading ("科目编码" over "编码", "功能分类" over
 * "科目名称"), under that heading: part of the header, though nothing else of the header continues on it.
 */
function namesCodeColumnBelow(above: RowProfile, p: RowProfile): boolean {
  const e = p.entities[0];
  if (!e || e.amount || !/^(编码|代码|科目编码|类|款|项|科目名称|名称)$/.test(squash(e.text))) return false;
  return above.entities.some((a) => !a.amount && a.col <= e.col && a.right >= e.col);
}

/**
 * A text row under a merged group heading that it splits into columns ("预算数" over "合计 | 因公出国（境）费 |
 * …"): column names, whatever words they use.
 */
function splitsGroupAbove(above: RowProfile, p: RowProfile): boolean {
  if (p.amounts > 0) return false;
  return above.entities.some((g) => g.right > g.col && p.entities.filter((e) => e.col >= g.col && e.right <= g.right).length >= 2);
}

/** Follows the body down from `start`; returns its last non-blank row. */
function extendBody(profiles: Profiles, start: number, left: number, right: number, n: number): number {
  let last = start - 1;
  let blanks = 0;
  let bottomTotalSeen = false;
  let bottomTotalLabel = '';
  for (let j = start; j < n; j++) {
    const p = profiles.at(j);
    if (p.kind === 'blank') {
      blanks++;
      if (blanks >= 3) {
        // Ruled empty rows (a PDF's unused lines, an empty table) still end at the table's own 合计 row.
        const closing = closingTotalRow(profiles, j, n, left, right, '');
        if (closing < 0) break;
        j = closing - 1;
        blanks = 0;
      }
      continue;
    }
    if (p.kind === 'note' || p.kind === 'meta' || p.kind === 'title') break;
    if (p.coveredFromAbove === 0 && !p.entities.some((e) => e.right >= left && e.col <= right)) break;
    if (j > start && (isStrictHeaderRow(p) || headerOverNumbers(profiles, j, n)) && nextHasAmounts(profiles, j, n)) break;
    // A lone 合计 after a few ruled empty rows closes the table (an empty table's only row).
    const closes = blanks > 0 && p.amounts === 0 && closingTotalRow(profiles, j, n, left, right, '') === j;
    if (p.kind === 'single' && !closes) {
      if (!continuesLabels(profiles, j, start, blanks) && titleAhead(profiles, j, n)) break;
      if (blanks > 0 && !nextHasAmounts(profiles, j, n)) break;
    }
    if (bottomTotalSeen && p.amounts === 0) {
      // 本年收入合计, then 结转 lines, then 收入总计: the body ends at the 总计 row.
      const closing = closingTotalRow(profiles, j, n, left, right, bottomTotalLabel);
      if (closing < 0) break;
      last = closing;
      j = closing;
      bottomTotalLabel = '';
      for (const e of profiles.at(closing).entities) if (!e.amount && isGrandTotalLabel(e.text)) bottomTotalLabel = e.text;
      continue;
    }
    if (blanks > 0 && p.amounts === 0 && p.kind !== 'single') {
      // After a gap, a text-only row continues the body only when amounts follow it.
      if (!nextHasAmounts(profiles, j, n)) break;
    }
    blanks = 0;
    last = j;
    if (!bottomTotalSeen && j > start) {
      const total = p.entities.find((e) => !e.amount && isGrandTotalLabel(e.text));
      if (total) {
        bottomTotalSeen = true;
        bottomTotalLabel = total.text;
      }
    }
  }
  return last;
}

/** Rows a table may run on after its last amounts: ruled empty lines, or the 结转 lines above a 总计. */
const MAX_CLOSING_GAP = 40;
const MAX_CLOSING_LINES = 8;

/**
 * The table's closing total row after row j: the next row (past blank rows and a few lines that are not
 * headers, titles or notes) whose label in the table's first columns is a grand total. After a bottom
 * total (`after`, e.g. 本年收入合计) only a 总计 closes the table, and only when that label is not one.
 * Returns -1 when there is none.
 */
function closingTotalRow(profiles: Profiles, j: number, n: number, left: number, right: number, after: string): number {
  if (after !== '' && squash(after).includes('总计')) return -1;
  let lines = 0;
  for (let k = j; k < n && k <= j + MAX_CLOSING_GAP; k++) {
    const p = profiles.at(k);
    if (p.kind === 'blank') continue;
    if (p.kind === 'note' || p.kind === 'meta' || p.kind === 'title') return -1;
    if (p.coveredFromAbove === 0 && !p.entities.some((e) => e.right >= left && e.col <= right)) return -1;
    if (isStrictHeaderRow(p) || headerOverNumbers(profiles, k, n)) return -1;
    const label = p.entities.find((e) => !e.amount);
    if (label && label.col <= left + 1 && isGrandTotalLabel(label.text) && (after === '' || squash(label.text).includes('总计'))) {
      return p.entities.every((e) => e.col >= left && e.right <= right) ? k : -1;
    }
    if (after === '' || p.kind === 'single' && titleAhead(profiles, k, n)) return -1;
    if (++lines > MAX_CLOSING_LINES) return -1;
  }
  return -1;
}

function nextHasAmounts(profiles: Profiles, j: number, n: number): boolean {
  for (let k = j + 1; k < n && k <= j + 4; k++) {
    const p = profiles.at(k);
    if (p.amounts > 0) return true;
    if (p.kind === 'note' || p.kind === 'meta') return false;
  }
  return false;
}

/** Text that ends as a table's title does (…表, …情况, …明细, …汇总, …一览), spaces, brackets and years aside. */
function wordedAsTitle(text: string): boolean {
  return /(表|情况|明细|汇总|一览)$/.test(text.replace(/[\s（）()\d年度]/g, ''));
}

/**
 * A lone label right under the body's last row, in the column of that row's label and not worded as a title:
 * the table's last item with nothing in it ("公务用车运行费" with a blank amount), even when another table follows.
 */
function continuesLabels(profiles: Profiles, j: number, start: number, blanks: number): boolean {
  if (blanks > 0 || j <= start) return false;
  const e = profiles.at(j).entities[0];
  const above = profiles.at(j - 1).entities.find((x) => !x.amount);
  if (!e || e.amount || !above || above.col !== e.col || e.right !== e.col) return false;
  return !wordedAsTitle(e.text) && !isTitleText(e.text);
}

/** A one-cell row followed (after unit lines) by a header: the title of the next table. */
function titleAhead(profiles: Profiles, j: number, n: number): boolean {
  const e = profiles.at(j).entities[0];
  const titled = wordedAsTitle(e.text) && e.text.length >= 6;
  if (titled && e.right > e.col) return true;
  for (let k = j + 1; k < n && k <= j + 5; k++) {
    const p = profiles.at(k);
    if (p.kind === 'blank' || p.kind === 'meta' || p.kind === 'title') continue;
    if (p.kind === 'single') continue;
    if (p.amounts > 0) return false;
    return titled || isStrictHeaderRow(p) || headerOverNumbers(profiles, k, n) || (p.entities.length >= 2 && p.coveredFromAbove === 0 && hasMergedHeaderCell(p));
  }
  return false;
}

/** A text-only row of three or more cells, naming columns that hold numbers in the next row. */
function headerOverNumbers(profiles: Profiles, j: number, n: number): boolean {
  const p = profiles.at(j);
  if (p.amounts > 0 || p.entities.length < 3) return false;
  if (!p.entities.some((e) => isStrongHeaderWord(e.text))) return false;
  if (p.entities.some((e) => looksLikeBodyLabel(e.text))) return false;
  for (let k = j + 1; k < n && k <= j + 3; k++) {
    const q = profiles.at(k);
    if (q.kind === 'blank') continue;
    const numbered = q.entities.filter((e) => e.amount && p.entities.some((h) => e.col >= h.col && e.col <= h.right)).length;
    return numbered >= 2;
  }
  return false;
}

function hasMergedHeaderCell(p: RowProfile): boolean {
  return p.entities.some((e) => e.bottom > p.row || e.right > e.col) && p.entities.some((e) => isHeaderWord(e.text));
}
