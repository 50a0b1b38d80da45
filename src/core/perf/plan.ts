import Decimal from 'decimal.js';
import type { CellRange } from '../grid/address';
import { toA1 } from '../grid/address';
import type { PlanCell, PlanStyle, SheetPlan } from '../plan/sheetPlan';
import { LEVEL1_ORDER, STANDARD_CHILDREN, type Level1 } from './framework';
import type { PerfVariant } from './types';

/**
 * The standard 绩效目标表 layouts (the 区域绩效目标表 form of 财预〔2015〕163号, indicators per the guidance of
 * 财预〔2021〕101号) as SheetPlans: a header block,
 * an indicator grid whose 一级/二级 cells are merged over their rows, 宋体 body, bold title, columns that
 * fit A4 landscape, 万元 amounts with two decimals and, when weights are used, a 合计 row under them.
 * Templates and repaired (normalized) tables are both written through `buildPerfPlan`.
 */

export interface PlanIndicator {
  name: string;
  /** Comparator column (≥, ≤, =, 定性) when the value is split; otherwise unused. */
  nature?: string;
  value: string;
  unit?: string;
  /** One value per county for a regional table with county columns. */
  regionValues?: string[];
  basis?: string;
  lastYear?: string;
  weight?: number | string | null;
  scoring?: string;
  evidence?: string;
  note?: string;
  /** Highlight (indicators the repair could not place). */
  flag?: boolean;
}

export interface PlanLevel2 {
  /** The 二级 label as it will be written. */
  name: string;
  indicators: PlanIndicator[];
}

export interface PlanLevel1 {
  name: string;
  children: PlanLevel2[];
}

export interface PlanFundLine {
  label: string;
  amount: string | number | null;
}

export interface PerfPlanSpec {
  variant: PerfVariant;
  sheetName: string;
  title: string;
  /** "2024" → "（2024年度）"; empty leaves "（    年度）" to fill. */
  year?: string;
  /** Label/value rows above the funds: 项目名称, 主管部门, 实施单位 … (pairs are laid out two per row after the first). */
  fields: { label: string; value: string }[];
  fundsLabel: string;
  /** First line is the 年度金额; the others are its parts (其中：…). */
  funds: PlanFundLine[];
  goalLabel: string;
  goal: string;
  /** Extra text rows after the goal (部门整体: 年度主要任务). */
  extraTexts?: { label: string; value: string }[];
  levels: PlanLevel1[];
  /** Split 指标值 into 指标性质 | 指标值 | 度量单位. */
  splitValue: boolean;
  weights: boolean;
  /** Regional tables: one 区域目标值 column per county. */
  regions?: string[];
  /** Show 指标值设置依据 column. */
  basisColumn?: boolean;
  /** Keep the source's 上年完成值 / 赋分规则 / 佐证资料 columns (repair). */
  lastYearColumn?: boolean;
  scoringColumn?: boolean;
  evidenceColumn?: boolean;
  /** 备注 column (default true). */
  noteColumn?: boolean;
}

const FONT = '宋体';
const BODY: PlanStyle = { fontName: FONT, fontSize: 10, border: true, vertical: 'middle', horizontal: 'center', wrap: true };
const LEFT: PlanStyle = { ...BODY, horizontal: 'left' };
const HEAD: PlanStyle = { ...BODY, bold: true };
const MONEY: PlanStyle = { ...BODY, horizontal: 'right', numberFormat: '0.00' };
const FLAG_FILL = '#FFF2CC';

/** Width (characters) of each grid column role; the sum stays near 120 so A4 landscape prints at ~100 %. */
const WIDTH = { level1: 12, level2: 18, level3: 30, nature: 9, value: 12, unit: 9, basis: 14, lastYear: 10, weight: 6, scoring: 16, evidence: 10, note: 14, region: 10 };

interface GridColumn {
  role: 'level1' | 'level2' | 'level3' | 'nature' | 'value' | 'unit' | 'basis' | 'lastYear' | 'weight' | 'scoring' | 'evidence' | 'note' | 'region';
  header: string;
  width: number;
  region?: number;
}

function gridColumns(spec: PerfPlanSpec): GridColumn[] {
  const cols: GridColumn[] = [
    { role: 'level1', header: '一级指标', width: WIDTH.level1 },
    { role: 'level2', header: '二级指标', width: WIDTH.level2 },
    { role: 'level3', header: '三级指标', width: WIDTH.level3 },
  ];
  if (spec.regions && spec.regions.length) {
    spec.regions.forEach((_, i) => cols.push({ role: 'region', header: '区域目标值', width: WIDTH.region, region: i }));
  } else if (spec.splitValue) {
    cols.push({ role: 'nature', header: '指标性质', width: WIDTH.nature });
    cols.push({ role: 'value', header: '指标值', width: WIDTH.value });
    cols.push({ role: 'unit', header: '度量单位', width: WIDTH.unit });
  } else {
    cols.push({ role: 'value', header: '指标值', width: WIDTH.value + WIDTH.nature });
  }
  if (spec.basisColumn) cols.push({ role: 'basis', header: '指标值设置依据', width: WIDTH.basis });
  if (spec.lastYearColumn) cols.push({ role: 'lastYear', header: '上年完成值', width: WIDTH.lastYear });
  if (spec.weights) cols.push({ role: 'weight', header: '分值', width: WIDTH.weight });
  if (spec.scoringColumn) cols.push({ role: 'scoring', header: '指标赋分规则', width: WIDTH.scoring });
  if (spec.evidenceColumn) cols.push({ role: 'evidence', header: '佐证资料', width: WIDTH.evidence });
  if (spec.noteColumn !== false) cols.push({ role: 'note', header: '备注', width: WIDTH.note });
  // Use the printable width of A4 landscape (~138 characters at 宋体 10): the extra goes to 三级指标 and 备注.
  // Wider tables are shrunk to the page by fitToWidth.
  const extra = PAGE_CHARS - cols.reduce((a, c) => a + c.width, 0);
  if (extra > 0) {
    const note = cols.find((c) => c.role === 'note');
    cols.find((c) => c.role === 'level3')!.width += note ? Math.ceil(extra * 0.7) : extra;
    if (note) note.width += Math.floor(extra * 0.3);
  }
  return cols;
}

const PAGE_CHARS = 138;

class PlanWriter {
  cells = new Map<string, PlanCell>();
  merges: CellRange[] = [];
  set(row: number, col: number, value: string | number | null, style: PlanStyle, formula?: string): void {
    const cell: PlanCell = { row, col, value, style };
    if (formula) cell.formula = formula;
    this.cells.set(`${row}:${col}`, cell);
  }
  /** A merged area; every cell in it gets the style so borders are drawn all round. */
  area(top: number, left: number, bottom: number, right: number, value: string | number | null, style: PlanStyle, formula?: string): void {
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.set(r, c, r === top && c === left ? value : null, style);
    if (formula) this.set(top, left, value, style, formula);
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
}

/**
 * Header block columns: labels over the 一级+二级 columns; for label/value pairs two per row, the second
 * label starts where the widths pass half the table and spans at least 10 characters.
 */
function splitPoints(cols: GridColumn[]): { labelEnd: number; half: number; label2End: number } {
  const total = cols.reduce((a, c) => a + c.width, 0);
  let acc = 0;
  let half = 2;
  for (let i = 0; i < cols.length; i++) {
    acc += cols[i].width;
    if (acc >= total / 2) {
      half = Math.max(2, i);
      break;
    }
  }
  let label2End = half + 1;
  let w = cols[label2End]?.width ?? 0;
  while (w < 14 && label2End + 2 < cols.length) w += cols[++label2End].width;
  return { labelEnd: 1, half, label2End };
}

export function buildPerfPlan(spec: PerfPlanSpec): SheetPlan {
  const cols = gridColumns(spec);
  const width = cols.length;
  const last = width - 1;
  const w = new PlanWriter();
  const rowHeights: Record<number, number> = {};
  let r = 0;

  // Title and year line, outside the table.
  w.set(r, 0, spec.title, { fontName: FONT, fontSize: 16, bold: true, horizontal: 'center', vertical: 'middle' });
  w.merges.push({ top: r, left: 0, bottom: r, right: last });
  rowHeights[r] = 30;
  r++;
  w.set(r, 0, `（${spec.year ? spec.year : '    '}年度）`, { fontName: FONT, fontSize: 11, horizontal: 'center', vertical: 'middle' });
  w.merges.push({ top: r, left: 0, bottom: r, right: last });
  rowHeights[r] = 20;
  r++;

  const { labelEnd, half, label2End } = splitPoints(cols);
  // First field spans the row; the others go two per row.
  const fields = spec.fields;
  if (fields.length) {
    w.area(r, 0, r, labelEnd, fields[0].label, HEAD);
    w.area(r, labelEnd + 1, r, last, fields[0].value, LEFT);
    r++;
  }
  for (let i = 1; i < fields.length; i += 2) {
    const a = fields[i];
    const b = fields[i + 1];
    w.area(r, 0, r, labelEnd, a.label, HEAD);
    if (b) {
      w.area(r, labelEnd + 1, r, half, a.value, LEFT);
      w.area(r, half + 1, r, label2End, b.label, HEAD);
      w.area(r, label2End + 1, r, last, b.value, LEFT);
    } else {
      w.area(r, labelEnd + 1, r, last, a.value, LEFT);
    }
    r++;
  }
  // 资金情况（万元）: label over the fund rows, sub-label, amount (two decimals).
  if (spec.funds.length) {
    const top = r;
    w.area(top, 0, top + spec.funds.length - 1, labelEnd, spec.fundsLabel, HEAD);
    spec.funds.forEach((f, i) => {
      w.area(top + i, labelEnd + 1, top + i, half, f.label, i === 0 ? HEAD : BODY);
      const amount = f.amount === null || f.amount === '' ? null : typeof f.amount === 'number' ? f.amount : Number(f.amount);
      w.area(top + i, half + 1, top + i, last, amount === null || Number.isNaN(amount) ? null : amount, MONEY);
    });
    r += spec.funds.length;
  }
  for (const t of [{ label: spec.goalLabel, value: spec.goal }, ...(spec.extraTexts ?? [])]) {
    w.area(r, 0, r, labelEnd, t.label, HEAD);
    w.area(r, labelEnd + 1, r, last, t.value, LEFT);
    rowHeights[r] = 45; // at least three lines to write in; fitted to the text below
    r++;
  }

  // Indicator header (a second row with county names for regional tables with counties).
  const headerRow = r;
  const regions = spec.regions ?? [];
  if (regions.length) {
    const firstRegion = cols.findIndex((c) => c.role === 'region');
    cols.forEach((c, i) => {
      if (c.role !== 'region') w.area(headerRow, i, headerRow + 1, i, c.header, HEAD);
    });
    w.area(headerRow, firstRegion, headerRow, firstRegion + regions.length - 1, '区域目标值', HEAD);
    regions.forEach((name, k) => w.set(headerRow + 1, firstRegion + k, name, HEAD));
    r += 2;
  } else {
    cols.forEach((c, i) => w.set(headerRow, i, c.header, HEAD));
    r++;
  }
  rowHeights[headerRow] = 24;

  const firstIndicatorRow = r;
  for (const l1 of spec.levels) {
    const l1Top = r;
    for (const l2 of l1.children) {
      const l2Top = r;
      const rows = l2.indicators.length ? l2.indicators : [{ name: '', value: '' } as PlanIndicator];
      for (const ind of rows) {
        const style = ind.flag ? { ...BODY, fill: FLAG_FILL } : BODY;
        const left = ind.flag ? { ...LEFT, fill: FLAG_FILL } : LEFT;
        cols.forEach((c, i) => {
          switch (c.role) {
            case 'level3':
              w.set(r, i, ind.name, left);
              break;
            case 'nature':
              w.set(r, i, ind.nature ?? '', style);
              break;
            case 'value':
              w.set(r, i, ind.value, style);
              break;
            case 'unit':
              w.set(r, i, ind.unit ?? '', style);
              break;
            case 'region':
              w.set(r, i, ind.regionValues?.[c.region!] ?? '', style);
              break;
            case 'basis':
              w.set(r, i, ind.basis ?? '', style);
              break;
            case 'lastYear':
              w.set(r, i, ind.lastYear ?? '', style);
              break;
            case 'scoring':
              w.set(r, i, ind.scoring ?? '', style);
              break;
            case 'evidence':
              w.set(r, i, ind.evidence ?? '', style);
              break;
            case 'weight': {
              const v = ind.weight;
              w.set(r, i, v === undefined || v === null || v === '' ? null : typeof v === 'number' ? v : Number(v), style);
              break;
            }
            case 'note':
              w.set(r, i, ind.note ?? '', left);
              break;
            default:
              break;
          }
        });
        r++;
      }
      w.area(l2Top, 1, r - 1, 1, l2.name, BODY);
    }
    if (r > l1Top) w.area(l1Top, 0, r - 1, 0, l1.name, BODY);
  }
  if (spec.weights) {
    const wc = cols.findIndex((c) => c.role === 'weight');
    w.area(r, 0, r, wc - 1, '合计', HEAD);
    const range = `${toA1(firstIndicatorRow, wc)}:${toA1(r - 1, wc)}`;
    // The cached result is the exact sum, so readers that do not recalculate (and the checks) see it.
    let total = new Decimal(0);
    for (let row = firstIndicatorRow; row < r; row++) {
      const v = w.cells.get(`${row}:${wc}`)?.value;
      if (typeof v === 'number' && Number.isFinite(v)) total = total.plus(new Decimal(String(v)));
    }
    w.set(r, wc, total.toNumber(), HEAD, `=SUM(${range})`);
    for (let c = wc + 1; c <= last; c++) w.set(r, c, null, BODY);
    r++;
  }

  fitRowHeights(w, cols, rowHeights, 2, r - 1);

  return {
    name: spec.sheetName,
    cells: [...w.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col),
    merges: w.merges,
    columnWidths: cols.map((c) => c.width),
    rowHeights,
    defaultFont: { name: FONT, size: 10 },
    // The indicator header repeats on every printed page of a long table.
    page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printTitleRows: { top: headerRow, bottom: firstIndicatorRow - 1 } },
  };
}

/** Width of a text in Excel character units: a 汉字 takes two. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/.test(ch) ? 1.8 : 1;
  return n;
}

const LINE_PT = 13.5;

/**
 * Row heights that show wrapped text whole (Excel does not grow rows of merged cells by itself): the
 * number of lines each cell needs in the width of its (merged) area, at least 20 pt so blank rows can
 * be written in by hand.
 */
function fitRowHeights(w: PlanWriter, cols: GridColumn[], heights: Record<number, number>, top: number, bottom: number): void {
  const mergeAt = new Map<string, CellRange>();
  for (const m of w.merges) mergeAt.set(`${m.top}:${m.left}`, m);
  const need = new Map<number, number>();
  for (const cell of w.cells.values()) {
    if (cell.row < top || cell.row > bottom || cell.value === null || cell.value === '') continue;
    const m = mergeAt.get(`${cell.row}:${cell.col}`) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += cols[c]?.width ?? 10;
    const lines = String(cell.value)
      .split('\n')
      .reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / Math.max(1, width - 1))), 0);
    // A merged cell spreads its lines over its rows.
    const perRow = (lines * LINE_PT + 6) / (m.bottom - m.top + 1);
    need.set(cell.row, Math.max(need.get(cell.row) ?? 0, perRow));
  }
  for (let r = top; r <= bottom; r++) {
    const h = Math.min(409, Math.max(heights[r] ?? 20, Math.ceil(need.get(r) ?? 0)));
    heights[r] = h;
  }
}

// ---------------------------------------------------------------- standard templates

export interface TemplateOptions {
  variant: PerfVariant;
  year?: string;
  /** Prefill from a detected table's header block. */
  prefill?: {
    name?: string;
    departments?: { label: string; value: string }[];
    funds?: PlanFundLine[];
    goal?: string;
    /** The source's year ("2023" from "(2023 年)"): used when `year` is not given. */
    year?: string;
  };
  /** County names: one 区域目标值 column each (regional only). */
  regions?: string[];
  /** Default: true for project and department tables, false for regional. */
  weights?: boolean;
  splitValue?: boolean;
  sheetName?: string;
}

/** How many rows each standard 二级 gets in a blank template. */
const BLANK_ROWS: Record<string, number> = {
  数量指标: 3,
  质量指标: 2,
  时效指标: 1,
  经济成本指标: 2,
  社会成本指标: 1,
  生态环境成本指标: 1,
  经济效益指标: 1,
  社会效益指标: 2,
  生态效益指标: 1,
  可持续影响指标: 1,
  服务对象满意度指标: 2,
};

export const VARIANT_TITLES: Record<PerfVariant, string> = {
  project: '项目支出绩效目标表',
  regional: '中央对地方转移支付区域绩效目标表',
  department: '部门整体绩效目标表',
};

export function standardLevels(rowsPerLevel2 = BLANK_ROWS): PlanLevel1[] {
  return LEVEL1_ORDER.map((l1: Level1) => ({
    name: l1,
    children: STANDARD_CHILDREN[l1].map((l2) => ({
      name: l2,
      indicators: Array.from({ length: rowsPerLevel2[l2] ?? 1 }, () => ({ name: '', value: '' })),
    })),
  }));
}

/** The blank (or header-prefilled) standard table of a variant. */
export function perfTemplate(opts: TemplateOptions): SheetPlan {
  const v = opts.variant;
  const p = opts.prefill ?? {};
  const weights = opts.weights ?? v !== 'regional';
  const regions = v === 'regional' ? (opts.regions ?? []) : [];
  const defaults: Record<PerfVariant, { nameLabel: string; departments: string[]; funds: string[]; goalLabel: string }> = {
    project: { nameLabel: '项目名称', departments: ['主管部门', '实施单位'], funds: ['年度金额', '其中：财政拨款', '其他资金'], goalLabel: '年度目标' },
    regional: {
      nameLabel: '转移支付名称',
      departments: ['中央主管部门', '地方主管部门'],
      funds: ['年度金额', '其中：中央补助', '地方资金'],
      goalLabel: '年度目标',
    },
    department: { nameLabel: '部门名称', departments: ['主管部门', '联系人'], funds: ['年度金额', '其中：财政拨款', '其他资金'], goalLabel: '年度总体目标' },
  };
  const d = defaults[v];
  const departments = p.departments?.length ? p.departments : d.departments.map((label) => ({ label, value: '' }));
  const funds = p.funds?.length ? p.funds : d.funds.map((label) => ({ label, amount: null }));
  return buildPerfPlan({
    variant: v,
    sheetName: opts.sheetName ?? VARIANT_TITLES[v],
    title: VARIANT_TITLES[v],
    year: opts.year || p.year,
    fields: [{ label: d.nameLabel, value: p.name ?? '' }, ...departments],
    fundsLabel: '资金情况（万元）',
    funds,
    goalLabel: d.goalLabel,
    goal: p.goal ?? '',
    extraTexts: v === 'department' ? [{ label: '年度主要任务', value: '' }] : undefined,
    levels: standardLevels(),
    splitValue: opts.splitValue ?? !regions.length,
    weights,
    regions,
  });
}
