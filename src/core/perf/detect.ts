import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import type { CellRange } from '../grid/address';
import type { ColumnInfo, DetectedTable, RowInfo } from '../layout/types';
import { MARK_LEVEL_INDICATOR, rowMarks } from '../layout/sheetScan';
import { parseAmountText, toHalfWidth } from '../money/parse';
import { AmountUnit, unitIn } from '../money/units';
import { classifyLevelLabel, level1Of, level2Of, isAcceptedChild, looksLikeLevelLabel, normalizeLabel, type LevelClass } from './framework';
import type {
  CellRef,
  FundGroup,
  FundLine,
  FundRole,
  HeaderField,
  Indicator,
  IndicatorColumns,
  LevelIssue,
  LevelLabel,
  PerfHeader,
  PerfTable,
  PerfVariant,
} from './types';
import { convertMoney, parseIndicatorValue } from './value';

/**
 * Finds 绩效目标表 on a sheet: 项目支出绩效目标表, (中央对地方转移支付)区域绩效目标表 with or without one
 * column per county, and 部门整体绩效目标表.
 *
 * A table is anchored on its indicator header row (一级指标 | 二级指标 | 三级指标/指标内容 | 指标值). Its range
 * starts at the header block above it (项目名称 / 资金名称 / 预算单位 …; the title and the "(2023 年)" line
 * are outside) and ends with the last indicator row (a weights 合计 row included). headerTop..headerBottom
 * cover the header block plus the indicator header row (and the county-name row under it), so
 * TableSummary.headerRows counts all of them.
 */
export function detectPerformanceTables(grid: Grid): DetectedTable[] {
  const tables: DetectedTable[] = [];
  let r = 0;
  while (r < grid.rowCount) {
    const cols = indicatorHeaderAt(grid, r);
    if (!cols) {
      r++;
      continue;
    }
    const table = readTable(grid, r, cols, tables.length ? tables[tables.length - 1].range.bottom + 1 : 0);
    tables.push(table);
    r = Math.max(r + 1, table.range.bottom + 1);
  }
  return tables;
}

/** Convenience: the parsed model of a detected performance table. */
export function perfOf(t: DetectedTable): PerfTable | undefined {
  return t.kind === 'performance' && t.perf ? (t.perf as PerfTable) : undefined;
}

// ---------------------------------------------------------------- indicator header

const N = (s: string) => normalizeLabel(toHalfWidth(s));

const VALUE_HEADER_RE = /^(指标值|年度指标值|目标值|区域目标值|年度目标值|预期指标值|绩效目标值|指标目标值|预期目标值)/;

type HeaderColumns = Omit<IndicatorColumns, 'regions'> & {
  /** County names sit in this row under a "区域目标值" cell in the row above. */
  countiesInRow?: boolean;
};

/**
 * Cheap test before the full parse: an indicator header row has a cell naming a 级 of 指标 (一级指标 …);
 * 科目 names mention 级 often enough (上级补助, 省级) that 级 alone is not a test. The sheet's rows are
 * marked in one pass (rowMarks), shared with the other searches.
 */
function mayBeIndicatorHeader(grid: Grid, row: number): boolean {
  return (rowMarks(grid)[row] & MARK_LEVEL_INDICATOR) !== 0;
}

function indicatorHeaderAt(grid: Grid, row: number): HeaderColumns | undefined {
  if (!mayBeIndicatorHeader(grid, row)) return undefined;
  let level1: number | undefined;
  let level2: number | undefined;
  let level3: number | undefined;
  let value: number | undefined;
  const cols: Partial<IndicatorColumns> = {};
  for (let c = 0; c < grid.colCount; c++) {
    const t = N(grid.text(row, c));
    if (!t) continue;
    if (t === '一级指标') level1 ??= c;
    else if (t === '二级指标') level2 ??= c;
    else if (/^(三级指标|指标内容|指标名称|具体指标|三级指标名称)/.test(t)) level3 ??= c;
    else if (/设置依据/.test(t)) cols.basis ??= c;
    else if (VALUE_HEADER_RE.test(t)) value ??= c;
    else if (t === '绩效指标') cols.outer ??= c;
    else if (t === '指标性质') cols.nature ??= c;
    else if (/^(度量单位|计量单位|单位)$/.test(t)) cols.unit ??= c;
    else if (/^上年/.test(t)) cols.lastYear ??= c;
    else if (/分值|权重/.test(t) && !/赋分|规则/.test(t)) cols.weight ??= c;
    else if (/赋分|评分/.test(t)) cols.scoring ??= c;
    else if (/佐证/.test(t)) cols.evidence ??= c;
    else if (t === '备注') cols.note ??= c;
  }
  let countiesInRow = false;
  if (value === undefined && level3 !== undefined && row > 0) {
    // "区域目标值" merged over the county columns one row up, the county names in this row.
    for (let c = level3 + 1; c < grid.colCount && value === undefined; c++) {
      const m = grid.mergeAt(row - 1, c);
      if (m && m.bottom === row - 1 && VALUE_HEADER_RE.test(N(grid.visibleText(row - 1, c))) && grid.text(row, c)) {
        value = c;
        countiesInRow = true;
      }
    }
  }
  if (level1 === undefined || level2 === undefined || level3 === undefined || value === undefined) return undefined;
  if (!(level1 < level2 && level2 < level3 && level3 < value)) return undefined;
  return countiesInRow ? { ...cols, level1, level2, level3, value, countiesInRow } : { ...cols, level1, level2, level3, value };
}

// ---------------------------------------------------------------- header block labels

type FieldKind = 'name' | 'department' | 'goal' | 'funds-group' | 'misc' | FundRole;

const FIELD_PATTERNS: [RegExp, FieldKind][] = [
  [/^(项目名称|资金名称|转移支付名称|专项名称|专项资金名称|名称|部门名称|单位名称|部门\(单位\)名称)$/, 'name'],
  [/^(年度目标|年度总体目标|年度绩效目标|项目总体目标|总体目标|整体绩效目标|部门整体绩效目标|总体绩效目标|年度总体绩效目标|绩效目标)$/, 'goal'],
  [/^(实施期总目标|实施期目标|中长期目标|部门职能职责概述|部门职能|年度主要任务|主要任务|实施期限|项目期限|任务名称|主要内容)$/, 'misc'],
  [
    /^(主管部门|主管部门及代码|实施单位|预算单位|财政部门|省相关部门|省或主管部门|省级主管部门|设区市财政部门|设区市主管部门|县级财政部门|县级主管部门|市级财政部门|市级主管部门|州\(市\)|省份|省市|地区|区域|项目负责人|联系电话|负责人|联系人|主管处室|中央主管部门|地方主管部门|省级财政部门|省级主管部门|市级财政部门|县级财政部门)$/,
    'department',
  ],
  [/^(资金情况|项目资金|资金金额|资金投入|预算资金|资金来源|年度资金|年度预算申请|预算情况|部门预算资金|资金情况\(万元\)|项目资金\(万元\)|资金金额\(万元\))$/, 'funds-group'],
  [/^(实施期资金总额|实施期资金|实施期金额|总金额|项目资金总额|项目总金额)$/, 'period-total'],
  [/^(年度金额|年度预算总额|年度资金总额|年度预算金额|年度预算数|本年度资金|年度预算|资金总额|金额合计|预算总额|部门预算总额|年度资金合计|年度资金申请总额|年度申请资金|年度申请金额)$/, 'total'],
  [/^(上年结转资金|上年结转|上年结转结余|上年结余资金|结转资金)$/, 'carryover'],
  [/^(中央资金|中央补助|中央财政|中央财政资金|中央财政补助|中央补助资金|中央直达资金|中央转移支付)$/, 'central'],
  [/^(地方资金|地方财政|地方财政资金|地方配套|地方配套资金|地方财政补助)$/, 'local'],
  [/^(省级资金|省级财政资金|省级补助|自治区资金|自治区本级资金)$/, 'provincial'],
  [/^(市级资金|州级资金|市级财政资金|设区市资金)$/, 'city'],
  [/^(县级资金|县级财政资金|县区资金)$/, 'county'],
  [/^(财政拨款|财政拨款资金|一般公共预算|一般公共预算拨款|当年财政拨款|本年财政拨款)$/, 'fiscal'],
  [/^(其他资金|其他|其他来源资金|单位资金|自有资金)$/, 'other'],
];

/** A label's closing "(万元)", "（元）"…: the unit the label states for its amounts. */
const UNIT_SUFFIX = /[(（](亿元|万元|千元|元)[)）]$/;

/** "其中：中央资金" → "中央资金"; "资金情况（万元）" → "资金情况"; "年度金额:" → "年度金额". */
function fieldKey(text: string): string {
  return N(text)
    .replace(/^其中[:：]?/, '')
    .replace(UNIT_SUFFIX, '')
    .replace(/[：:]+$/, '');
}

function fieldKind(text: string): FieldKind | undefined {
  const key = fieldKey(text);
  if (!key) return undefined;
  for (const [re, kind] of FIELD_PATTERNS) if (re.test(key)) return kind;
  // 省主管部门, 市级主管部门, 县财政部门…: any level's 主管部门 / 财政部门.
  if (/^[\u4e00-\u9fa5]{1,4}(主管部门|财政部门)$/.test(key)) return 'department';
  // Any label about money that states its unit ("年度预算（元）", "部门预算（万元）") heads the 资金 lines.
  if (UNIT_SUFFIX.test(N(text)) && /资金|预算|金额|经费|投入/.test(key) && key.length <= 10) return 'funds-group';
  return undefined;
}

const FUND_ROLES = new Set<FieldKind>(['total', 'period-total', 'central', 'local', 'provincial', 'city', 'county', 'fiscal', 'other', 'carryover']);

// ---------------------------------------------------------------- table

function readTable(grid: Grid, headerRow: number, headerCols: HeaderColumns, minTop: number): DetectedTable {
  // County columns: a row right under the header with names in the value columns and nothing in the level columns.
  const { countiesInRow, ...baseCols } = headerCols;
  const cols: IndicatorColumns = { ...baseCols, regions: [] };
  let headerBottom = headerRow;
  const valueMerge = grid.mergeAt(headerRow, cols.value);
  const sub = headerRow + 1;
  if (countiesInRow) {
    const above = grid.mergeAt(headerRow - 1, cols.value)!;
    for (let c = above.left; c <= above.right; c++) {
      const t = grid.text(headerRow, c);
      if (t) cols.regions.push({ name: t, col: c });
    }
    cols.value = cols.regions[0].col;
  } else if (sub < grid.rowCount && !grid.text(sub, cols.level1) && !grid.text(sub, cols.level2) && !grid.text(sub, cols.level3)) {
    const lastValueCol = valueMerge && valueMerge.top === headerRow ? valueMerge.right : cols.value;
    const names: { name: string; col: number }[] = [];
    for (let c = cols.value; c <= Math.max(lastValueCol, cols.value); c++) {
      const t = grid.text(sub, c);
      if (t && parseIndicatorValue(t).kind === 'text') names.push({ name: t, col: c });
    }
    if (names.length) {
      cols.regions = names;
      cols.value = names[0].col;
      headerBottom = sub;
    } else if ([cols.level1, cols.level2, cols.level3].every((c) => grid.mergeAt(headerRow, c)?.bottom === sub)) {
      // The heading spans two rows (一级/二级/三级 merged down over both): the second row is heading too, and a
      // "区域目标值" merged across county columns right of 指标值 has the county names in it.
      headerBottom = sub;
      cols.regions = regionsRightOfValue(grid, headerRow, cols.value);
    }
  }
  const left = cols.outer ?? Math.min(cols.level1, leftEdgeOfRow(grid, headerRow));
  // The table's own columns: another table may stand to its right on the same rows.
  let headerRight = contiguousRight(grid, headerRow, headerBottom, left);
  dropColumnsRightOf(cols, headerRight);

  const firstHeaderRow = countiesInRow ? headerRow - 1 : headerRow;
  const top = headerBlockTop(grid, firstHeaderRow, minTop, left, headerRight);
  // A table standing right next to this one on the heading row too: the block's merges say how wide the author
  // drew this one, and no indicator column lies beyond.
  const drawn = drawnRight(grid, top, firstHeaderRow - 1, left, headerRight);
  if (drawn !== undefined && drawn < headerRight && lastIndicatorColumn(cols) <= drawn) headerRight = drawn;
  const runRight = contiguousRight(grid, top, headerRow, left);
  const right = runRight > headerRight && drawn !== headerRight ? runRight : headerRight;
  // The unit line above the table ("单位：元") is the amounts' unit unless the 资金 label states its own; it must
  // be known before the amounts are read ("7880900.00元" in a 元 table is 7880900, not 788.09 万元).
  const lineUnit = unitLineAbove(grid, top, headerRight);
  const header = readHeaderBlock(grid, top, firstHeaderRow - 1, right, lineUnit ?? '万元');

  const { indicators, levelIssues, totalRow, lastRow } = readIndicators(grid, headerBottom + 1, cols, left, right);
  const { title, titleRow, year } = findTitle(grid, top, left, right);
  const variant = variantOf(title, header, cols);

  const perf: PerfTable = {
    variant,
    top,
    indicatorHeaderRow: headerRow,
    indicatorHeaderBottom: headerBottom,
    header,
    columns: cols,
    indicators,
    levelIssues,
  };
  if (title) perf.title = title;
  if (titleRow !== undefined) perf.titleRow = titleRow;
  if (year) perf.year = year;
  if (totalRow) perf.totalRow = totalRow;
  const stated = statedWeightTotal(grid, cols, headerRow, Math.max(lastRow, headerBottom), left, right);
  if (stated) perf.statedWeightTotal = stated;

  const range: CellRange = { top, left, bottom: Math.max(lastRow, headerBottom), right };
  const table: DetectedTable = {
    kind: 'performance',
    range,
    headerTop: top,
    headerBottom,
    totalRows: totalRow ? [totalRow.row] : [],
    labelCol: cols.level3,
    codeCols: [],
    columns: columnInfos(grid, cols, headerRow, left, right),
    rows: rowInfos(indicators, totalRow?.row),
    perf,
  };
  if (title) table.title = title;
  if (titleRow !== undefined) table.titleRow = titleRow;
  table.unit = header.fundsUnit;
  return table;
}

/**
 * The last column of the run of columns from `left` that rows top..bottom use (a text, or a merge over it);
 * the first column they all leave empty ends the table.
 */
export function contiguousRight(grid: Grid, top: number, bottom: number, left: number): number {
  let right = left;
  for (let c = left; c < grid.colCount; c++) {
    let used = c <= right;
    for (let r = top; r <= bottom && !used; r++) {
      if (grid.text(r, c)) used = true;
      else {
        const m = grid.mergeAt(r, c);
        if (m && grid.text(m.top, m.left)) used = true;
      }
    }
    if (!used) break;
    for (let r = top; r <= bottom; r++) {
      const m = grid.mergeAt(r, c);
      if (m && m.right > right) right = m.right;
    }
    right = Math.max(right, c);
  }
  return right;
}

/**
 * How wide the author drew the header block: the right edge of its value merges (项目名称 | 医保… merged across).
 * The block may be wider than the indicator heading (a 资金 line with more parts than the grid has columns), and
 * is then as wide as its rows run on; when its merges end at the heading's right edge, what stands right next to
 * it (a 项目 list beside, seed003 style) is another table.
 */
function drawnRight(grid: Grid, top: number, bottom: number, left: number, headerRight: number): number | undefined {
  let drawn: number | undefined;
  for (let r = top; r <= bottom; r++) {
    for (let c = left + 1; c <= headerRight; c++) {
      const m = grid.mergeAt(r, c);
      if (m && m.top === r && m.left === c && m.right > m.left) drawn = Math.max(drawn ?? m.right, m.right);
    }
  }
  return drawn;
}

function lastIndicatorColumn(cols: IndicatorColumns): number {
  const { regions, ...rest } = cols;
  return Math.max(...Object.values(rest).filter((c): c is number => typeof c === 'number'), ...regions.map((r) => r.col));
}

/**
 * The 分值 total the form itself states: in the 分值 heading ("分值（90分）", "权重（满分90分）") or in a note under
 * the table ("分值合计为90分（预算执行率10分另计）", "本表指标分值总分为100分"). A form that leaves out 预算执行率
 * states 90; one that includes it states 100.
 */
function statedWeightTotal(grid: Grid, cols: IndicatorColumns, headerRow: number, lastRow: number, left: number, right: number): PerfTable['statedWeightTotal'] {
  if (cols.weight === undefined) return undefined;
  const heading = toHalfWidth(grid.text(headerRow, cols.weight)).replace(/\s+/g, '');
  const inHeading = /[(（](?:满分|合计|总分|共)?(\d+(?:\.\d+)?)分[)）]/.exec(heading);
  if (inHeading) return { total: new Decimal(inHeading[1]), cell: { row: headerRow, col: cols.weight }, text: grid.text(headerRow, cols.weight) };
  // The notes and footer lines under the table, up to the next table's title or heading.
  for (let r = lastRow + 1; r <= Math.min(lastRow + 5, grid.rowCount - 1); r++) {
    const texts = rowTexts(grid, r, left, right);
    const isNote = (x: { text: string }) => NOTE_RE.test(toHalfWidth(x.text).replace(/\s+/g, ''));
    if (!texts.some(isNote) && texts.some((x) => /绩效目标表|^一级指标$/.test(N(x.text)))) break;
    for (const { col, text } of texts) {
      const t = toHalfWidth(text).replace(/\s+/g, '');
      if (!NOTE_RE.test(t)) continue;
      const m = /(?:分值|权重)(?:合计|总分|总计|满分)[为是]?(\d+(?:\.\d+)?)分/.exec(t);
      if (m) return { total: new Decimal(m[1]), cell: { row: r, col }, text };
    }
  }
  return undefined;
}

/** Optional indicator columns found right of the table belong to the table beside it. */
function dropColumnsRightOf(cols: IndicatorColumns, right: number): void {
  for (const key of ['basis', 'outer', 'nature', 'unit', 'lastYear', 'weight', 'scoring', 'evidence', 'note'] as const) {
    const c = cols[key];
    if (c !== undefined && c > right) delete cols[key];
  }
  cols.regions = cols.regions.filter((r) => r.col <= right);
}

function leftEdgeOfRow(grid: Grid, row: number): number {
  for (let c = 0; c < grid.colCount; c++) if (grid.visibleText(row, c)) return grid.mergeAt(row, c)?.left ?? c;
  return 0;
}

function rowTexts(grid: Grid, row: number, left: number, right: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c);
    if (t) out.push({ col: c, text: t });
  }
  return out;
}

function isTitleLike(text: string): boolean {
  const t = N(text);
  return /绩效目标(表|申报表)$/.test(t) || /^[(（]?\d{4}年(度)?[)）]?/.test(t) || /^附件|^附表/.test(t);
}

/** Walk up from the indicator header over the header block; stop at a blank row, the title or the year line. */
function headerBlockTop(grid: Grid, headerRow: number, minTop: number, left: number, right: number): number {
  let top = headerRow;
  for (let r = headerRow - 1; r >= minTop && headerRow - r <= 30; r--) {
    const texts = rowTexts(grid, r, left, right);
    const coveredFromAbove = rangeHasMergeFromAbove(grid, r, left, right);
    if (!texts.length && !coveredFromAbove) break;
    if (texts.length && texts.every((t) => isTitleLike(t.text)) && !texts.some((t) => fieldKind(t.text))) break;
    if (texts.length === 1 && !fieldKind(texts[0].text) && !coveredFromAbove && spansWidth(grid, r, texts[0].col, left, right)) break;
    // A row without any header label belongs to the block only as the continuation of a label merged
    // over it (amounts under "资金总额 | 财政拨款", goal texts under "年度目标"); "单位：万元" or
    // "填报单位：…" lines above the block do not.
    if (!texts.some((t) => fieldKind(t.text)) && !coveredFromAbove) {
      // Labels this reader does not know ("项目属性", "主管部门及代码") are still the block when its 项目名称
      // row lies above them, with no blank row, title or year line in between.
      // Known labels above that row (预算单位 over 项目名称) are the block too: the walk goes on from it.
      const name = nameRowAbove(grid, r, minTop, left, right);
      if (name === undefined) break;
      top = name;
      r = name;
      continue;
    }
    top = r;
  }
  return top;
}

/** The 项目名称 / 资金名称 row at or above `from`, reached over text rows only (a few at most). */
function nameRowAbove(grid: Grid, from: number, minTop: number, left: number, right: number): number | undefined {
  for (let r = from; r >= minTop && from - r <= 6; r--) {
    const texts = rowTexts(grid, r, left, right);
    if (!texts.length && !rangeHasMergeFromAbove(grid, r, left, right)) return undefined;
    if (texts.length === 1 && isTitleLike(texts[0].text)) return undefined;
    if (texts.some((t) => fieldKind(t.text) === 'name')) return r;
  }
  return undefined;
}

function rangeHasMergeFromAbove(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top < row) return true;
  }
  return false;
}

/** A single text merged over (nearly) the whole width: a title or a note, not a header row. */
function spansWidth(grid: Grid, row: number, col: number, left: number, right: number): boolean {
  const m = grid.mergeAt(row, col);
  if (!m) return false;
  return m.left <= left + 1 && m.right >= right - 1;
}

/** "单位：万元" / "金额单位：元" in the few rows above the header block. */
function unitLineAbove(grid: Grid, top: number, right: number): AmountUnit | undefined {
  for (let r = top - 1; r >= Math.max(0, top - 3); r--) {
    for (const t of rowTexts(grid, r, 0, right + 1)) {
      const m = /(?:金额)?单位[:：]\s*(亿元|万元|千元|元)/.exec(toHalfWidth(t.text));
      if (m) return m[1] as AmountUnit;
    }
  }
  return undefined;
}

function findTitle(grid: Grid, top: number, left: number, right: number): { title?: string; titleRow?: number; year?: string } {
  let year: string | undefined;
  for (let r = top - 1; r >= Math.max(0, top - 5); r--) {
    const texts = rowTexts(grid, r, Math.max(0, left - 1), right + 1);
    if (!texts.length) continue;
    const joined = texts.map((t) => t.text).join(' ');
    const y = /[(（]\s*(\d{4})\s*年(?:度)?\s*[)）]/.exec(toHalfWidth(joined));
    if (y && !/目标表/.test(joined)) {
      year ??= y[1];
      continue;
    }
    if (/目标(表|申报表)/.test(joined)) {
      const title = joined.replace(/\s*\n\s*/g, '').replace(/\s+/g, ' ').trim();
      const y2 = /[(（]\s*(\d{4})\s*年(?:度)?\s*[)）]/.exec(toHalfWidth(title));
      return { title, titleRow: r, year: year ?? y2?.[1] };
    }
  }
  return { year };
}

function variantOf(title: string | undefined, header: PerfHeader, cols: IndicatorColumns): PerfVariant {
  const t = title ? N(title) : '';
  if (/部门整体/.test(t)) return 'department';
  if (/区域绩效目标/.test(t) || cols.regions.length > 0) return 'regional';
  const keys = header.fields.map((f) => fieldKey(f.label));
  if (keys.includes('转移支付名称')) return 'regional';
  if (keys.some((k) => /^(部门名称|部门职能职责概述|部门职能|年度主要任务)$/.test(k))) return 'department';
  return 'project';
}

// ---------------------------------------------------------------- header block

function readHeaderBlock(grid: Grid, top: number, bottom: number, right: number, defaultUnit: AmountUnit): PerfHeader {
  const header: PerfHeader = { departments: [], fields: [], fundsUnit: defaultUnit, funds: [], looseFunds: [], regionFunds: [] };
  const fundLines: { line: FundLine; row: number }[] = [];
  for (let r = top; r <= bottom; r++) {
    const cells = rowTexts(grid, r, 0, right);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const kind = fieldKind(cell.text);
      if (!kind) continue;
      const next = cells[i + 1];
      const hasValue = next && !fieldKind(next.text);
      const field: HeaderField = {
        label: cell.text,
        labelCell: { row: r, col: cell.col },
        value: hasValue ? next.text : '',
      };
      if (hasValue) field.valueCell = { row: r, col: next.col };
      else if ((kind === 'goal' || kind === 'misc' || FUND_ROLES.has(kind)) && r < bottom && valueBelow(grid, r, cell.col)) {
        // "实施期总目标 | 年度目标" with the texts in the row below.
        const below = grid.mergeAt(r, cell.col)?.bottom ?? r;
        field.value = grid.text(below + 1, cell.col);
        field.valueCell = { row: below + 1, col: cell.col };
      } else field.valueCell = emptyValueCell(grid, r, cell.col, next?.col ?? right + 1);
      header.fields.push(field);
      // A 资金 label that states its unit ("资金情况（万元）", "年度预算（元）" heading the lines right of it) sets
      // the unit of every amount in the block.
      if (FUND_ROLES.has(kind) && UNIT_SUFFIX.test(N(cell.text))) header.fundsUnit = unitIn(cell.text) ?? header.fundsUnit;
      if (kind === 'funds-group') {
        header.fundsUnit = unitIn(cell.text) ?? header.fundsUnit;
        if (hasValue) readRegionFunds(grid, r, cells.slice(i + 1), header);
        continue;
      }
      if (hasValue) i++;
      if (kind === 'name') header.name ??= field;
      else if (kind === 'department') header.departments.push(field);
      else if (kind === 'goal') {
        if (!header.goal || /年度/.test(cell.text)) header.goal = field;
      } else if (FUND_ROLES.has(kind)) {
        fundLines.push({ line: { ...field, role: kind as FundRole, amount: null }, row: r });
      }
    }
  }
  for (const f of fundLines) f.line.amount = fundAmount(f.line.value, header.fundsUnit);
  groupFunds(header, fundLines);
  return header;
}

function valueBelow(grid: Grid, row: number, col: number): boolean {
  const below = (grid.mergeAt(row, col)?.bottom ?? row) + 1;
  const t = grid.text(below, col);
  return !!t && !fieldKind(t);
}

/** Where a value would go when the cell right of a label is empty: the next cell (or merged area) to its right. */
function emptyValueCell(grid: Grid, row: number, labelCol: number, limit: number): CellRef | undefined {
  const m = grid.mergeAt(row, labelCol);
  const c = (m ? m.right : labelCol) + 1;
  return c < limit ? { row, col: c } : undefined;
}

/** "99.96万元", "148", "0万元", "1,234.50" → the amount in the funds unit. */
export function fundAmount(text: string, fundsUnit: AmountUnit): Decimal | null {
  const s = toHalfWidth(text).replace(/[\s\u00a0]+/g, '');
  if (!s) return null;
  const direct = parseAmountText(s);
  if (direct) return direct.value;
  const m = /^([+-]?[\d,]+(?:\.\d+)?)(亿元|万元|千元|元)$/.exec(s);
  if (!m) return null;
  const p = parseAmountText(m[1]);
  return p ? convertMoney(p.value, m[2] as AmountUnit, fundsUnit) : null;
}

/** "资金情况（万元） | 梁河" with the amount in the row below: one amount per county. */
function readRegionFunds(grid: Grid, row: number, rest: { col: number; text: string }[], header: PerfHeader): void {
  for (const cell of rest) {
    if (fieldKind(cell.text)) break;
    if (fundAmount(cell.text, header.fundsUnit) !== null) continue;
    const below = grid.text(row + 1, cell.col);
    header.regionFunds.push({
      region: cell.text,
      cell: { row: row + 1, col: cell.col },
      amount: below ? fundAmount(below, header.fundsUnit) : null,
    });
  }
}

/**
 * Ties each part (中央资金, 地方资金, 财政拨款, 其他资金 …) to its total: the total in the same column above it,
 * else the nearest total to its left on the same row, else the only total.
 */
function groupFunds(header: PerfHeader, lines: { line: FundLine; row: number }[]): void {
  const totals = lines.filter((l) => l.line.role === 'total' || l.line.role === 'period-total');
  const groups = new Map<FundLine, FundGroup>();
  for (const t of totals) groups.set(t.line, { total: t.line, parts: [] });
  for (const l of lines) {
    if (l.line.role === 'total' || l.line.role === 'period-total') continue;
    const col = l.line.labelCell.col;
    let owner = totals
      .filter((t) => t.line.labelCell.col === col && t.row < l.row)
      .sort((a, b) => b.row - a.row)[0];
    owner ??= totals
      .filter((t) => t.row === l.row && t.line.labelCell.col < col)
      .sort((a, b) => b.line.labelCell.col - a.line.labelCell.col)[0];
    if (!owner && totals.length === 1) owner = totals[0];
    if (owner) groups.get(owner.line)!.parts.push(l.line);
    else header.looseFunds.push(l.line);
  }
  const all = [...groups.values()];
  header.funds = [...all.filter((g) => g.total.role === 'total'), ...all.filter((g) => g.total.role !== 'total')];
}

// ---------------------------------------------------------------- indicator grid

interface LevelToken {
  text: string;
  cell: CellRef;
  column: 'level1' | 'level2';
  /** Stands in the 三级 column or right of it: the row is shifted. */
  shifted: boolean;
}

/**
 * The row moved right: its 指标值 cell holds a name, not a value, and the cell right of it a value; or (a value in
 * words) its 分值 cell holds no number and the cell right of it does.
 */
function valueMovedRight(grid: Grid, row: number, cols: IndicatorColumns): boolean {
  const here = parseIndicatorValue(grid.text(row, cols.value)).kind;
  const next = parseIndicatorValue(grid.text(row, cols.value + 1)).kind;
  if (here === 'text' && next !== 'text' && next !== 'empty') return true;
  if (cols.weight === undefined) return false;
  const isWeight = (c: number) => /^\d+(\.\d+)?(分|%)?$/.test(toHalfWidth(grid.text(row, c)).replace(/\s+/g, ''));
  return here === 'text' && !isWeight(cols.weight) && isWeight(cols.weight + 1);
}

const TOTAL_RE = /^(合计|总计|小计|分值合计|权重合计|总分|合\s*计)$/;
const NOTE_RE = /^(注|说明|备注|填表说明|填报说明)[:：]/;
const FOOTER_RE = /^(填报人|填表人|填报单位|联系人|联系电话|电话|审核人|单位负责人|负责人|分管领导|制表人|制表|经办人|填报日期|日期)[:：]/;

function readIndicators(
  grid: Grid,
  firstRow: number,
  cols: IndicatorColumns,
  left: number,
  right: number,
): { indicators: Indicator[]; levelIssues: LevelIssue[]; totalRow?: PerfTable['totalRow']; lastRow: number } {
  const indicators: Indicator[] = [];
  const issues = new Map<string, LevelIssue>();
  const issue = (i: Omit<LevelIssue, 'rows'>): LevelIssue => {
    const key = `${i.cell.row}:${i.cell.col}:${i.kind}`;
    let found = issues.get(key);
    if (!found) {
      found = { ...i, rows: [] };
      issues.set(key, found);
    }
    return found;
  };
  let cur1: (LevelLabel & { level1?: string }) | undefined;
  let cur2: LevelLabel | undefined;
  let cur2Issue: LevelIssue | undefined;
  let groupShift = 0;
  let lastRow = firstRow - 1;
  let totalRow: PerfTable['totalRow'];
  const tableTop = firstRow;
  // In a grid whose 一级/二级 cells are merged over their rows, a blank cell outside any merge is a label
  // that is missing, not "same as above" (as it is in grids typed without merges).
  // Only this table's merges count: those that start above the row where its indicators end (another table
  // further down the sheet, typed with merges, says nothing about how this one was typed).
  const mergedLevelCols = new Set<number>();
  let end = firstRow;
  while (end < grid.rowCount && !endsIndicators(grid, end, cols, left, right, firstRow)) end++;
  for (const m of grid.merges) {
    if (m.bottom > m.top && m.top >= firstRow && m.top < end && m.left === m.right && (m.left === cols.level1 || m.left === cols.level2)) mergedLevelCols.add(m.left);
  }
  const blankUnmerged = (r: number, c: number) => {
    if (grid.text(r, c)) return false;
    const m = grid.mergeAt(r, c);
    // An empty merged label cell, or an empty cell outside the merges of a merged column.
    return m ? m.top === r && m.bottom > m.top && m.left === c : mergedLevelCols.has(c);
  };

  for (let r = firstRow; r < grid.rowCount; r++) {
    if (endsIndicators(grid, r, cols, left, right, tableTop)) break;
    const covered = mergedFromTable(grid, r, tableTop, left, right);

    // Level labels: every text left of the 三级 column, then known level names in the 三级 column (shifted row).
    const tokens: LevelToken[] = [];
    for (let c = left; c < cols.level3; c++) {
      const t = grid.text(r, c);
      if (!t || N(t) === '绩效指标') continue;
      tokens.push({ text: t, cell: { row: r, col: c }, column: c <= cols.level1 ? 'level1' : 'level2', shifted: false });
    }
    if (tokens.some((t) => TOTAL_RE.test(N(t.text))) || TOTAL_RE.test(N(grid.text(r, cols.level3)))) {
      const w = cols.weight;
      totalRow = { row: r };
      if (w !== undefined) {
        const text = grid.text(r, w);
        totalRow.weight = { cell: { row: r, col: w }, text, amount: grid.amount(r, w)?.value ?? null };
      }
      lastRow = r;
      break;
    }
    let shift = 0;
    for (let c = cols.level3; c < cols.value + 1; c++) {
      const t = grid.text(r, c);
      // Full level names ("社会效益指标"); a short form that can be a 三级 name ("满意度", "经济效益") only when the
      // row shows the shift: the 指标值 column holds a name, the cell right of it a value.
      if (!t || !(level1Of(t) || level2Of(t))) break;
      if (!looksLikeLevelLabel(t) && !(shift === 0 && !grid.text(r, cols.level2) && valueMovedRight(grid, r, cols))) break;
      if (!grid.text(r, cols.level3 + shift + 1) && !grid.text(r, cols.value + shift + 1)) break;
      tokens.push({ text: t, cell: { row: r, col: c }, column: 'level2', shifted: true });
      shift++;
    }
    if (tokens.some((t) => !t.shifted)) groupShift = shift;
    else if (shift > 0) groupShift = shift;
    else if (groupShift > 0 && !grid.text(r, cols.level3) && grid.text(r, cols.level3 + groupShift)) shift = groupShift;

    if (blankUnmerged(r, cols.level1) && !tokens.some((t) => t.cell.col <= cols.level1)) {
      cur1 = undefined;
      cur2 = undefined;
      cur2Issue = undefined;
    } else if (blankUnmerged(r, cols.level2) && !tokens.length && shift === 0) {
      cur2 = undefined;
    }

    // Place the tokens left to right.
    const classes: LevelClass[] = tokens.map((t) => classifyLevelLabel(t.text, t.column));
    // Text in the level columns that is no level name ("填报人：…", "单位负责人") with nothing in the
    // 三级/指标值 columns is a footer under the table, not an indicator row.
    if (classes.some((c) => c.kind === 'none') && !grid.text(r, cols.level3 + shift) && !grid.text(r, cols.value + shift)) break;
    if (tokens.some((t) => FOOTER_RE.test(N(t.text)))) break;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      let cls = classes[i];
      const nextCls = classes[i + 1];
      // "满意度指标 | 服务对象满意度指标" in the 二级 and 三级 columns: the first is the 一级.
      if (cls.kind === 'level2' && nextCls?.kind === 'level2') {
        const l1 = level1Of(tok.text);
        if (l1 && nextCls.parent === l1) cls = { kind: 'level1', level1: l1 };
      }
      if (tok.shifted) {
        issue({ kind: 'shifted', cell: tok.cell, text: tok.text });
      }
      if (cls.kind === 'level1') {
        cur1 = { text: tok.text, cell: tok.cell, standard: cls.level1, level1: cls.level1 };
        cur2 = undefined;
        cur2Issue = undefined;
      } else if (cls.kind === 'level2') {
        if (tok.column === 'level1' && !tokens.slice(i + 1).some((t, k) => classes[i + 1 + k].kind === 'level2')) {
          issue({ kind: 'level2-as-level1', cell: tok.cell, text: tok.text, expectedParent: cls.parent });
          if (!cur1 || cur1.standard !== cls.parent) {
            cur1 = { text: cls.parent, cell: tok.cell, standard: cls.parent, level1: cls.parent, inferred: true };
          }
        }
        cur2 = { text: tok.text, cell: tok.cell, standard: cls.standard };
        cur2Issue = undefined;
        if (cur1?.standard && !isAcceptedChild(cur1.standard as never, tok.text)) {
          cur2Issue = issue({
            kind: 'misplaced',
            cell: tok.cell,
            text: tok.text,
            expectedParent: cls.parent,
            actualParent: cur1.text,
          });
        }
      } else {
        // Unknown label ("公平性指标", "综合指标"). Followed by a 二级 in the same row, it only decorates it;
        // otherwise it stands as the 二级 (or 一级) of the rows below.
        const laterLevel = classes.slice(i + 1).some((c) => c.kind === 'level2' || c.kind === 'level1');
        const iss = issue({ kind: 'unknown', cell: tok.cell, text: tok.text, actualParent: cur1?.text });
        if (!laterLevel) {
          if (tok.column === 'level1') {
            cur1 = { text: tok.text, cell: tok.cell };
            cur2 = undefined;
            cur2Issue = undefined;
            iss.rows.push(r);
          } else {
            cur2 = { text: tok.text, cell: tok.cell };
            cur2Issue = iss;
          }
        } else {
          iss.rows.push(r);
        }
      }
    }

    const nameCol = cols.level3 + shift;
    const valueCol = cols.value + shift;
    const name = grid.text(r, nameCol);
    const valueText = columnText(grid, r, valueCol);
    const hasContent = name || valueText || tokens.length || covered;
    if (!hasContent) break;
    lastRow = r;

    const ind: Indicator = {
      row: r,
      name,
      nameCell: { row: r, col: nameCol },
      value: splitValue(grid, r, cols, shift, valueText),
      valueCell: { row: r, col: valueCol },
      regionValues: [],
      shift,
    };
    if (cur1) ind.level1 = { text: cur1.text, cell: cur1.cell, standard: cur1.standard, inferred: cur1.inferred };
    if (cur2) ind.level2 = { ...cur2 };
    for (const reg of cols.regions) {
      const cell = { row: r, col: reg.col + shift };
      ind.regionValues.push({ region: reg.name, value: parseIndicatorValue(columnText(grid, cell.row, cell.col)), cell });
    }
    const opt = (c: number | undefined) => (c === undefined ? undefined : { text: columnText(grid, r, c + shift), cell: { row: r, col: c + shift } });
    const nature = opt(cols.nature);
    if (nature) ind.nature = nature;
    const unit = opt(cols.unit);
    if (unit) ind.unit = unit;
    if (cols.basis !== undefined) ind.basis = grid.text(r, cols.basis + shift);
    if (cols.lastYear !== undefined) ind.lastYear = grid.text(r, cols.lastYear + shift);
    if (cols.weight !== undefined) {
      const wc = cols.weight + shift;
      ind.weight = { text: grid.text(r, wc), cell: { row: r, col: wc }, amount: grid.amount(r, wc)?.value ?? null };
    }
    if (cols.scoring !== undefined) ind.scoring = grid.text(r, cols.scoring + shift);
    if (cols.evidence !== undefined) ind.evidence = grid.text(r, cols.evidence + shift);
    if (cols.note !== undefined) ind.note = grid.text(r, cols.note + shift);

    // A missing level is one finding for the run of rows it leaves without a label, at the blank cell
    // (the top of its merge) where the label belongs.
    const at = (c: number): CellRef => ({ row: grid.mergeAt(r, c)?.top ?? r, col: c });
    if (!cur1) {
      const iss = issue({ kind: 'missing-level1', cell: at(cols.level1), text: '' });
      iss.rows.push(r);
      cur1 = { text: '', cell: iss.cell };
      cur2 = cur2?.text ? cur2 : { text: '', cell: at(cols.level2) };
      cur2Issue = iss;
    } else if (!cur2) {
      const iss = issue({ kind: 'missing-level2', cell: at(cols.level2), text: '', actualParent: cur1.text });
      iss.rows.push(r);
      // One finding for a run of rows without a 二级: remember it as the current 二级 problem.
      cur2 = { text: '', cell: { row: r, col: cols.level2 } };
      cur2Issue = iss;
    } else if (cur2Issue) {
      cur2Issue.rows.push(r);
    }
    if (!cur2?.text) delete ind.level2;
    if (!cur1?.text) delete ind.level1;
    for (const t of tokens) {
      const iss = issues.get(`${t.cell.row}:${t.cell.col}:level2-as-level1`);
      if (iss && !iss.rows.includes(r)) iss.rows.push(r);
      const sh = issues.get(`${t.cell.row}:${t.cell.col}:shifted`);
      if (sh && !sh.rows.includes(r)) sh.rows.push(r);
    }
    indicators.push(ind);
  }
  return { indicators, levelIssues: [...issues.values()], totalRow, lastRow };
}

const COMPARATOR_ONLY = /^(>=|<=|=>|=<|≥|≤|≧|≦|=|＝|>|<|＞|＜|不低于|不高于|不少于|不多于|不超过|不小于|不大于|大于|小于|等于|高于|低于)$/;

/**
 * 指标值 read together with 指标性质 and 度量单位 when the table splits them ("≥" | "95" | "%"), so costs,
 * units and comparators are understood the same way in both layouts. `raw` stays the 指标值 cell's text.
 */
/**
 * The text of a value-like cell of an indicator row: a cell merged down from the row above (one 指标值
 * or 度量单位 shared by several indicators) reads as the merged text, but not a cell covered by a merge
 * that starts in another column.
 */
function columnText(grid: Grid, r: number, c: number): string {
  const m = grid.mergeAt(r, c);
  if (m && m.left === c && m.top < r) return grid.text(m.top, c);
  return grid.text(r, c);
}

function splitValue(grid: Grid, r: number, cols: IndicatorColumns, shift: number, valueText: string) {
  const value = parseIndicatorValue(valueText);
  if (value.kind !== 'number' || (cols.nature === undefined && cols.unit === undefined)) return value;
  const nature = cols.nature !== undefined ? toHalfWidth(columnText(grid, r, cols.nature + shift)).replace(/\s+/g, '') : '';
  const unit = cols.unit !== undefined ? columnText(grid, r, cols.unit + shift).replace(/\s+/g, '') : '';
  const prefix = !value.comparator && COMPARATOR_ONLY.test(nature) ? nature : '';
  const suffix = !value.unit ? unit : '';
  if (!prefix && !suffix) return value;
  const combined = parseIndicatorValue(`${prefix}${toHalfWidth(valueText).replace(/\s+/g, '')}${suffix}`);
  return combined.kind === 'number' ? { ...combined, raw: valueText } : value;
}

/** County columns under a "区域目标值" merged across them, right of the 指标值 column; none when there is no such group. */
function regionsRightOfValue(grid: Grid, headerRow: number, valueCol: number): { name: string; col: number }[] {
  for (let c = valueCol + 1; c < grid.colCount; c++) {
    const m = grid.mergeAt(headerRow, c);
    if (!m || m.top !== headerRow || m.bottom !== headerRow || m.left !== c || !/区域目标值|地区目标值|分地区/.test(N(grid.text(headerRow, c)))) continue;
    const out: { name: string; col: number }[] = [];
    for (let k = m.left; k <= m.right; k++) {
      const t = grid.text(headerRow + 1, k);
      if (t && parseIndicatorValue(t).kind === 'text') out.push({ name: t, col: k });
    }
    return out;
  }
  return [];
}

/** A row where a table's indicators have ended: blank, a title, year line or note, a header-block label, or the next heading. */
function endsIndicators(grid: Grid, r: number, cols: IndicatorColumns, left: number, right: number, tableTop: number): boolean {
  const texts = rowTexts(grid, r, left, right + 2);
  if (!texts.length) return !mergedFromTable(grid, r, tableTop, left, right);
  if (texts.every((t) => isTitleLike(t.text) || NOTE_RE.test(N(t.text)))) return true;
  if (texts.some((t) => t.col <= cols.level3 && fieldKind(t.text) === 'name')) return true;
  return !!indicatorHeaderAt(grid, r);
}

/** Is the row covered by a merge that started inside the indicator grid (a 一级/二级 cell spanning it)? */
function mergedFromTable(grid: Grid, row: number, tableTop: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top < row && m.top >= tableTop) return true;
  }
  return false;
}

// ---------------------------------------------------------------- DetectedTable extras

function columnInfos(grid: Grid, cols: IndicatorColumns, headerRow: number, left: number, right: number): ColumnInfo[] {
  const out: ColumnInfo[] = [];
  for (let c = left; c <= right; c++) {
    const head = grid.visibleText(headerRow, c);
    out.push({
      col: c,
      headerPath: head ? [head] : [],
      role: c === cols.level3 ? 'label' : c === cols.weight ? 'amount' : 'text',
    });
  }
  return out;
}

function rowInfos(indicators: Indicator[], totalRow: number | undefined): RowInfo[] {
  const rows: RowInfo[] = indicators.map((i) => ({ row: i.row, role: i.name || i.value.raw ? 'item' : 'blank', label: i.name, level: 0 }));
  if (totalRow !== undefined) rows.push({ row: totalRow, role: 'total', label: '合计', level: 0 });
  return rows;
}

