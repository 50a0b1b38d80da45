import type { Grid } from '../grid';
import { rangeContains, toA1 } from '../grid/address';
import type { DetectedTable } from '../layout/types';
import type { CheckSettings, Finding, RuleId, Severity } from '../types';
import { Catalog, CatalogLibrary, catalogLibrary, oldNameOf } from './catalog';
import { normalizeName } from './normalize';
import { DEFAULT_CATALOG_YEAR, yearOfBook } from './bookYear';
import { CodeCell, findCodeCells } from './sheetCodes';
import { CatalogEntry, KIND_LABEL, kindOfCode } from './types';

const LEVEL_NAME: Record<number, string> = { 3: '类', 5: '款', 7: '项', 9: '目' };

/** Header words that say a column holds classification codes. */
const CODE_CONTEXT_RE = /(科目|分类|编码|代码|功能|经济)/;

interface Ctx {
  grid: Grid;
  tables: DetectedTable[];
  year: number;
  cat: Catalog;
  lib: CatalogLibrary;
  findings: Finding[];
  /** Per group: whether it holds a catalog code written with its catalog name (trustedInline). */
  groupTrusted: Map<string, boolean>;
  /** The finding made on each code cell checked so far (parents are checked before the rows under them). */
  flagged: Map<CodeCell, Finding>;
}

/** Said of a finding against a part of the built-in catalog no official document confirms (疑似, not 错误). */
function unverifiedNote(ctx: Ctx): string {
  return `内置的${ctx.cat.functionEdition}年科目表此处未经官方文件核对，导入财政部当年科目表即可确定`;
}

function unverifiedNoteEn(ctx: Ctx): string {
  return ` The built-in ${ctx.cat.functionEdition} catalog is not verified here; importing the Ministry's spreadsheet settles it.`;
}

function tableIndex(tables: DetectedTable[], row: number, col: number): number | undefined {
  const i = tables.findIndex((t) => rangeContains(t.range, row, col));
  return i >= 0 ? i : undefined;
}

function add(ctx: Ctx, rule: RuleId, severity: Severity, row: number, col: number, message: string, messageEn: string, extra: Partial<Finding> = {}): void {
  const f: Finding = { rule, severity, sheet: ctx.grid.name, cell: toA1(row, col), message, messageEn, ...extra };
  const t = tableIndex(ctx.tables, row, col);
  if (t !== undefined) f.table = t;
  ctx.findings.push(f);
}

/** The name on the sheet is one the code has (had), forgiving spaces, width and 类 written without 支出. */
function nameMatches(ctx: Ctx, code: string, written: string): boolean {
  const known = ctx.lib.knownNames(code);
  const w = normalizeName(written);
  if (known.has(w)) return true;
  if (code.length === 3) {
    // 类 names are often written without the trailing 支出 ("201一般公共服务").
    if (known.has(w + '支出') || (w.endsWith('支出') && known.has(w.slice(0, -2)))) return true;
  }
  return false;
}

/** Entries of the catalog whose name equals the written one (the catalog's name index). */
function entriesNamed(cat: Catalog, written: string, kind?: CatalogEntry['kind']): readonly CatalogEntry[] {
  return cat.named(normalizeName(written), kind);
}

/** Whether a group holds a catalog code written with its catalog name; computed once per group. */
function groupHasCatalogCode(ctx: Ctx, groupCells: CodeCell[]): boolean {
  const key = groupCells[0]?.group ?? '';
  let hit = ctx.groupTrusted.get(key);
  if (hit === undefined) {
    hit = groupCells.some((o) => o.name && ctx.cat.get(o.code) && nameMatches(ctx, o.code, o.name));
    ctx.groupTrusted.set(key, hit);
  }
  return hit;
}

/**
 * An inline code is trusted as a code when its column is headed like a code column or holds other catalog codes.
 * (The cell asked about is never such a code itself: it is unknown, or its name differs from the catalog's.)
 */
function trustedInline(ctx: Ctx, cell: CodeCell, groupCells: CodeCell[]): boolean {
  if (groupHasCatalogCode(ctx, groupCells)) return true;
  for (let r = cell.row - 1; r >= Math.max(0, cell.row - 40); r--) {
    const t = ctx.grid.visibleText(r, cell.col);
    if (t === '' || /^\d/.test(t)) continue;
    return CODE_CONTEXT_RE.test(t);
  }
  return false;
}

function describe(e: CatalogEntry): string {
  return `${e.code} ${e.name}`;
}

/**
 * Where the written name puts the row instead: entries of the same level with that name whose code
 * differs only in the parent part (same last two digits), under another parent. "2101101 行政运行"
 * is 行政运行 (01) placed under 款 21011, which has no 行政运行.
 */
function misplacedAs(cat: Catalog, cell: CodeCell, contextParent?: string): CatalogEntry[] {
  if (!cell.name || cell.code.length <= 3) return [];
  const writtenParent = cell.code.slice(0, -2);
  const suffix = cell.code.slice(-2);
  const level = LEVEL_NAME[cell.code.length];
  const named = entriesNamed(cat, cell.name, kindOfCode(cell.code)).filter((e) => e.level === level && e.parent !== writtenParent);
  const sameSuffix = named.filter((e) => e.code.endsWith(suffix));
  // Split rows compose the code from parts: any entry of that name under another parent says the parent part is off.
  const found = sameSuffix.length ? sameSuffix : cell.source === 'split' ? named : [];
  // Prefer the parent row the cell sits under, then candidates in the same 类.
  const rank = (e: CatalogEntry) => (e.parent === contextParent ? 0 : e.code.startsWith(cell.code.slice(0, 3)) ? 1 : 2);
  return [...found].sort((a, b) => rank(a) - rank(b));
}

function reportMisplaced(ctx: Ctx, cell: CodeCell, candidates: CatalogEntry[], exists: boolean, parentFlagged: Set<CodeCell>, contextParent?: string): void {
  const level = LEVEL_NAME[cell.code.length];
  const parentLevel = LEVEL_NAME[cell.code.length - 2];
  const writtenParent = cell.code.slice(0, -2);
  const wp = ctx.cat.get(writtenParent);
  const under = wp ? describe(wp) : writtenParent;
  const own = exists ? `（${under}下的 ${cell.code} 是“${ctx.cat.get(cell.code)!.name}”）` : `（${cell.code} 不存在）`;
  const shown = candidates.slice(0, 3).map((e) => `${describe(e)}（属于${parentLevel} ${e.parent}）`);
  const more = candidates.length > 3 ? `等 ${candidates.length} 处` : '';
  const sameLei = candidates.filter((e) => e.code.startsWith(cell.code.slice(0, 3)));
  const one = candidates.length === 1 || candidates[0].parent === contextParent || sameLei.length === 1;
  // Sure only when the catalog's own entry for the written code (or its absence) and the entry it points to are verified.
  const ownEntry = ctx.cat.get(cell.code);
  const sure = ctx.cat.isVerified(candidates[0]) && (ownEntry ? ctx.cat.isVerified(ownEntry) : ctx.cat.verifiedArea(cell.code));
  add(
    ctx,
    'code.parent',
    sure ? 'error' : 'warning',
    cell.row,
    cell.col,
    `${toA1(cell.row, cell.col)}：${level}“${cell.name}”编在${parentLevel} ${under} 之下${own}；科目表中它是 ${shown.join('、')}${more}${sure ? '' : `（${unverifiedNote(ctx)}）`}。`,
    `${toA1(cell.row, cell.col)}: "${cell.name}" is placed under ${writtenParent}; the catalog has it as ${candidates
      .slice(0, 3)
      .map((e) => e.code)
      .join(', ')}.${sure ? '' : unverifiedNoteEn(ctx)}`,
    { actual: cell.code, ...(one ? { expected: candidates[0].code } : {}) },
  );
  parentFlagged.add(cell);
}

/** The row a flagged parent row should have been: the code its finding gives, else the one its name has. */
function rightCodeOf(ctx: Ctx, parentRow: CodeCell, cause: Finding): string | undefined {
  if (cause.expected && /^\d+$/.test(cause.expected)) return cause.expected;
  if (!parentRow.name) return undefined;
  const level = LEVEL_NAME[parentRow.code.length];
  const named = entriesNamed(ctx.cat, parentRow.name, kindOfCode(parentRow.code)).filter((e) => e.level === level);
  const sameLei = named.filter((e) => e.code.startsWith(parentRow.code.slice(0, 3)));
  return named.length === 1 ? named[0].code : sameLei.length === 1 ? sameLei[0].code : undefined;
}

/**
 * A row whose code is off because the row it sits under has a wrong code ("2019598 行政运行" under "20195 人大事务",
 * or under "21371 林业和草原"): one consequence of that row's finding, folded under it, not a finding of its own.
 * Where the parent's name gives its right code, the row's right code follows ("2010101 行政运行").
 */
function reportUnderFlaggedParent(ctx: Ctx, cell: CodeCell, parentRow: CodeCell | undefined): boolean {
  if (!parentRow || !cell.code.startsWith(parentRow.code)) return false;
  const cause = ctx.flagged.get(parentRow);
  if (!cause) return false;
  const parentKnown = ctx.cat.get(parentRow.code) !== undefined;
  // A parent with a known code and its own (or an old) name is right: the row's own code is what is off.
  if (parentKnown && (!parentRow.name || nameMatches(ctx, parentRow.code, parentRow.name))) return false;
  const level = LEVEL_NAME[cell.code.length];
  const parentLevel = LEVEL_NAME[parentRow.code.length];
  const rightParent = rightCodeOf(ctx, parentRow, cause);
  const bySuffix = rightParent ? ctx.cat.get(rightParent + cell.code.slice(parentRow.code.length)) : undefined;
  const right =
    bySuffix && (!cell.name || nameMatches(ctx, bySuffix.code, cell.name))
      ? bySuffix
      : rightParent && cell.name
        ? entriesNamed(ctx.cat, cell.name, kindOfCode(cell.code)).find((e) => e.parent === rightParent)
        : undefined;
  // A known parent whose name is another code's is the cause only if this row's name fits under that code; a parent
  // whose name is merely local ("303 离退休人员经费") keeps its code, and the row is judged on its own.
  if (parentKnown && !right) return false;
  const at = toA1(cell.row, cell.col);
  const label = cell.name ? `${level}“${cell.name}”（${cell.code}）` : `${level} ${cell.code}`;
  const why = parentKnown ? '编码与名称不符' : '不在科目表中';
  add(
    ctx,
    parentKnown ? 'code.parent' : 'code.unknown',
    cause.severity,
    cell.row,
    cell.col,
    `${at}：${label}所在的${parentLevel} ${parentRow.code} ${why}（见 ${cause.cell}）${right ? `；按名称应为 ${describe(right)}` : ''}。`,
    `${at}: ${cell.code} sits under ${parentRow.code}, whose code is wrong (see ${cause.cell}).${right ? ` By its name it is ${right.code}.` : ''}`,
    { actual: cell.code, derivedFrom: cause.cell, ...(right ? { expected: right.code } : {}) },
  );
  return true;
}

function checkOne(ctx: Ctx, cell: CodeCell, groupCells: CodeCell[], parentFlagged: Set<CodeCell>, parentRow?: CodeCell): void {
  const { cat, year } = ctx;
  const contextParent = parentRow?.code;
  const edition = cat.functionEdition;
  const entry = cat.get(cell.code);
  const where = cell.nameCol ?? cell.col;
  if (!entry) {
    const kind = kindOfCode(cell.code);
    const named = cell.name ? entriesNamed(cat, cell.name, kind) : [];
    // An inline "code name" is taken as a code when its column says so, or its name is a catalog name.
    if (cell.source === 'inline' && !named.length && !trustedInline(ctx, cell, groupCells)) return;
    const label = kind ? KIND_LABEL[kind] : '科目';
    const otherYears = ctx.lib.yearsWith(cell.code).filter((y) => y !== year);
    if (otherYears.length) {
      const e = ctx.lib.forYear(otherYears[otherYears.length - 1]).get(cell.code)!;
      add(
        ctx,
        'code.unknown',
        'warning',
        cell.row,
        cell.col,
        `${toA1(cell.row, cell.col)}：${label}科目 ${cell.code} 不在${edition}年版科目表中（${otherYears.join('、')}年版为“${e.name}”）。`,
        `${toA1(cell.row, cell.col)}: code ${cell.code} is not in the ${edition} edition (the ${otherYears.join(', ')} edition has "${e.name}").`,
        { actual: cell.code },
      );
      return;
    }
    if (reportUnderFlaggedParent(ctx, cell, parentRow)) return;
    // The name under the written parent: only the last digits are off ("2012891 行政运行" is 2012801), the parent is right.
    const sibling = cell.code.length > 3 ? named.find((e) => e.parent === cell.code.slice(0, -2)) : undefined;
    const misplaced = sibling ? [] : misplacedAs(cat, cell, contextParent);
    if (misplaced.length) {
      reportMisplaced(ctx, cell, misplaced, false, parentFlagged, contextParent);
      return;
    }
    const suggested = sibling ?? (named.length === 1 ? named[0] : undefined);
    const hint = suggested ? `名称“${cell.name}”对应的科目编码是 ${suggested.code}。` : '';
    const sure = cat.verifiedArea(cell.code);
    const unverified = sure ? '' : `${unverifiedNote(ctx)}。`;
    add(
      ctx,
      'code.unknown',
      sure ? 'error' : 'warning',
      cell.row,
      cell.col,
      `${toA1(cell.row, cell.col)}：${kind && kind !== 'function' ? '' : `${edition}年`}${label}科目表中没有编码 ${cell.code}。${hint}${unverified}`,
      `${toA1(cell.row, cell.col)}: code ${cell.code} is not in the ${edition} catalog.${suggested ? ` The name "${cell.name}" is ${suggested.code}.` : ''}${sure ? '' : unverifiedNoteEn(ctx)}`,
      { actual: cell.code, ...(suggested ? { expected: suggested.code } : {}) },
    );
    return;
  }
  if (!cell.name || parentFlagged.has(cell)) return;
  if (nameMatches(ctx, cell.code, cell.name)) {
    reportOldName(ctx, cell, entry);
    return;
  }
  if (reportUnderFlaggedParent(ctx, cell, parentRow)) return;
  const others = entriesNamed(cat, cell.name, entry.kind).filter((e) => e.code !== entry.code);
  if (cell.source === 'inline' && !others.length && !trustedInline(ctx, cell, groupCells)) return;
  // A sibling's name is a wrong name (or wrong 项 digits); the same 项 under another 款 is a wrong parent.
  const sibling = others.find((e) => e.parent === entry.parent);
  if (!sibling) {
    const misplaced = misplacedAs(cat, cell, contextParent);
    if (misplaced.length) {
      reportMisplaced(ctx, cell, misplaced, true, parentFlagged, contextParent);
      return;
    }
  }
  const owner = sibling ?? (others.length === 1 ? others[0] : undefined);
  const hint = owner ? `（“${cell.name}”是 ${owner.code} 的名称）` : '';
  const sure = cat.isVerified(entry);
  add(
    ctx,
    'code.name',
    sure ? 'error' : 'warning',
    cell.row,
    where,
    `${toA1(cell.row, where)}：科目 ${cell.code} 的名称应为“${entry.name}”，表中为“${cell.name}”${hint}${sure ? '' : `；${unverifiedNote(ctx)}`}。`,
    `${toA1(cell.row, where)}: code ${cell.code} is named "${entry.name}" in the catalog, not "${cell.name}".${sure ? '' : unverifiedNoteEn(ctx)}`,
    { expected: entry.name, actual: cell.name },
  );
}

/** A name the code had in an earlier edition: accepted, and said with the current one. */
function reportOldName(ctx: Ctx, cell: CodeCell, entry: CatalogEntry): void {
  const w = normalizeName(cell.name ?? '');
  const old = oldNameOf(cell.code, w, ctx.year) ?? (cell.code.length === 3 ? oldNameOf(cell.code, w + '支出', ctx.year) : undefined);
  if (!old) return;
  const where = cell.nameCol ?? cell.col;
  add(
    ctx,
    'code.name',
    'warning',
    cell.row,
    where,
    `${toA1(cell.row, where)}：“${cell.name}”是科目 ${cell.code} 的旧名称，现行名称为“${entry.name}”。`,
    `${toA1(cell.row, where)}: "${cell.name}" is the old name of ${cell.code}; it is now "${entry.name}".`,
    { expected: entry.name, actual: cell.name },
  );
}

/** The parent row (one level up) each cell of a group sits under, by the cell's index in the group. */
function contextParents(group: CodeCell[]): (CodeCell | undefined)[] {
  const out: (CodeCell | undefined)[] = new Array(group.length);
  // By code length (3/5/7/9): the last code seen at that level, cleared below a shallower one.
  const lastAt: (CodeCell | undefined)[] = new Array(LEVEL_SLOTS).fill(undefined);
  for (let i = 0; i < group.length; i++) {
    const L = group[i].code.length;
    out[i] = lastAt[L - 2];
    lastAt[L] = group[i];
    clearBelow(lastAt, L);
  }
  return out;
}

/** Code lengths are 3 to 9 (目 codes): slots by length. */
const LEVEL_SLOTS = 12;

/** Forgets the codes deeper than length L (a shallower code opened a new branch). */
function clearBelow<T>(lastAt: (T | undefined)[], L: number): void {
  for (let k = L + 1; k < lastAt.length; k++) lastAt[k] = undefined;
}

/** Within a group (a column run or a split block), each 款/项 must sit under its own 类/款 row. */
function checkHierarchy(ctx: Ctx, group: CodeCell[], parentFlagged: Set<CodeCell>): void {
  const kinds = new Set(group.map((c) => kindOfCode(c.code)));
  if (kinds.size !== 1) return;
  const lengths = new Set(group.map((c) => c.code.length));
  if (lengths.size < 2) return;
  const lastAt: (CodeCell | undefined)[] = new Array(LEVEL_SLOTS).fill(undefined);
  for (const cell of group) {
    const L = cell.code.length;
    for (let pl = L - 2; pl >= 3; pl -= 2) {
      const p = lastAt[pl];
      if (!p) continue;
      if (!parentFlagged.has(cell) && p.code !== cell.code.slice(0, pl)) {
        const own = ctx.cat.get(cell.code);
        const rightParent = ctx.cat.get(cell.code.slice(0, pl));
        const written = cell.name ?? own?.name ?? '';
        add(
          ctx,
          'code.parent',
          'error',
          cell.row,
          cell.col,
          `${LEVEL_NAME[L]} ${cell.code} ${written} 列在${LEVEL_NAME[pl]} ${p.code} ${p.name ?? ''}（第${p.row + 1}行）之下，但它属于 ${rightParent ? describe(rightParent) : cell.code.slice(0, pl)}。`,
          `${cell.code} ${written} is listed under ${p.code} (row ${p.row + 1}) but belongs to ${cell.code.slice(0, pl)}.`,
          { expected: cell.code.slice(0, pl), actual: p.code, parts: [toA1(p.row, p.col)] },
        );
        parentFlagged.add(cell);
      }
      break;
    }
    lastAt[L] = cell;
    clearBelow(lastAt, L);
  }
}

/** 下达表 rows with both a 部门 and a 政府 economic code: the first must map to the second. */
function checkMapping(ctx: Ctx, cells: CodeCell[]): void {
  const byRow = new Map<number, CodeCell[]>();
  for (const c of cells) {
    if (c.code.length !== 5) continue;
    const k = kindOfCode(c.code);
    if (k !== 'economic-dept' && k !== 'economic-gov') continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  for (const list of byRow.values()) {
    const dept = list.filter((c) => kindOfCode(c.code) === 'economic-dept');
    const gov = list.filter((c) => kindOfCode(c.code) === 'economic-gov');
    if (dept.length !== 1 || gov.length !== 1) continue;
    const d = ctx.cat.get(dept[0].code);
    const g = ctx.cat.get(gov[0].code);
    if (!d || !g) continue;
    const accepted = ctx.cat.mappingOf(d.code);
    if (!accepted.length || accepted.includes(g.code)) continue;
    const want = ctx.cat.get(accepted[0]);
    const alsoText = accepted.length > 1 ? `（事业单位为 ${accepted.slice(1).join('、')}）` : '';
    add(
      ctx,
      'code.mapping',
      'error',
      gov[0].row,
      gov[0].col,
      `部门预算经济分类 ${describe(d)} 对应政府预算经济分类 ${want ? describe(want) : accepted[0]}${alsoText}，表中为 ${describe(g)}。`,
      `Departmental economic code ${d.code} maps to ${accepted.join(' or ')}, not ${g.code}.`,
      { expected: accepted[0], actual: g.code, parts: [toA1(dept[0].row, dept[0].col)] },
    );
  }
}

/**
 * code.* rules: codes the catalog does not have, names that differ from the catalog's, 款/项 under
 * the wrong 类/款, and 部门→政府 economic codes that do not map. Checked against settings.catalogYear;
 * names of other editions are accepted, codes only found in another edition are a warning.
 */
export function checkCodes(grid: Grid, tables: DetectedTable[], settings: CheckSettings, lib: CatalogLibrary = catalogLibrary()): Finding[] {
  const year = settings.catalogYear || yearOfBook([grid]) || DEFAULT_CATALOG_YEAR;
  const ctx: Ctx = { grid, tables, year, cat: lib.forYear(year), lib, findings: [], groupTrusted: new Map(), flagged: new Map() };
  const { cells, problems } = findCodeCells(grid, tables);
  for (const p of problems) {
    add(ctx, 'code.unknown', 'error', p.row, p.col, `${toA1(p.row, p.col)}：${p.message}。`, `${toA1(p.row, p.col)}: malformed code part.`);
  }
  const groups = new Map<string, CodeCell[]>();
  for (const c of cells) {
    const g = groups.get(c.group) ?? [];
    g.push(c);
    groups.set(c.group, g);
  }
  const parentFlagged = new Set<CodeCell>();
  for (const g of groups.values()) {
    const context = contextParents(g);
    for (let i = 0; i < g.length; i++) {
      const before = ctx.findings.length;
      checkOne(ctx, g[i], g, parentFlagged, context[i]);
      if (ctx.findings.length > before) ctx.flagged.set(g[i], ctx.findings[before]);
    }
  }
  for (const g of groups.values()) checkHierarchy(ctx, g, parentFlagged);
  checkMapping(ctx, cells);
  ctx.findings.sort((a, b) => {
    const pa = parseCell(a.cell);
    const pb = parseCell(b.cell);
    return pa[0] - pb[0] || pa[1] - pb[1];
  });
  return ctx.findings;
}

function parseCell(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}
