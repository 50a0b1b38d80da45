import Decimal from 'decimal.js';
import type { Grid } from '../grid';
import { toA1 } from '../grid/address';
import type { DetectedTable } from '../layout/types';
import type { AmountUnit } from '../money/units';
import { toHalfWidth } from '../money/parse';
import type { CheckSettings, Finding } from '../types';
import { childrenText, isCostLevel2, level1Of, normalizeLabel, STANDARD_CHILDREN, type Level1 } from './framework';
import type { CellRef, FundGroup, FundLine, Indicator, LevelIssue, PerfTable } from './types';
import { convertMoney, type ParsedValue } from './value';

/** perf.* rules over every performance table of a sheet. */
export function checkPerformance(grid: Grid, tables: DetectedTable[], settings: CheckSettings): Finding[] {
  const findings: Finding[] = [];
  tables.forEach((t, index) => {
    if (t.kind !== 'performance' || !t.perf) return;
    const perf = t.perf as PerfTable;
    const ctx: Ctx = { grid, perf, table: index, settings, out: findings };
    checkFunds(ctx);
    checkWeights(ctx);
    checkCost(ctx);
    checkHierarchy(ctx);
    checkValues(ctx);
    checkDuplicates(ctx);
    checkGoalAmounts(ctx);
  });
  return findings;
}

interface Ctx {
  grid: Grid;
  perf: PerfTable;
  table: number;
  settings: CheckSettings;
  out: Finding[];
}

const a1 = (c: CellRef) => toA1(c.row, c.col);
const fmt2 = (d: Decimal) => d.toFixed(Math.max(2, d.decimalPlaces()));
const fmt = (d: Decimal) => d.toString();

function push(ctx: Ctx, f: Omit<Finding, 'sheet' | 'table' | 'severity'> & { severity?: Finding['severity'] }): void {
  ctx.out.push({ severity: 'error', ...f, sheet: ctx.grid.name, table: ctx.table } as Finding);
}

function tolerance(ctx: Ctx): Decimal {
  try {
    return new Decimal(ctx.settings.tolerance || '0').abs();
  } catch {
    return new Decimal(0);
  }
}

// ---------------------------------------------------------------- perf.funds

const ROLE_NAMES: Record<FundLine['role'], string> = {
  total: '年度金额',
  'period-total': '实施期资金总额',
  central: '中央资金',
  local: '地方资金',
  provincial: '省级资金',
  city: '市级资金',
  county: '县级资金',
  fiscal: '财政拨款',
  other: '其他资金',
  carryover: '上年结转资金',
};

/** The parts that add up to the total: 财政拨款 + 其他资金 when 财政拨款 is itself split into 中央/地方. */
function summedParts(g: FundGroup): FundLine[] {
  const hasFiscal = g.parts.some((p) => p.role === 'fiscal');
  const hasSources = g.parts.some((p) => ['central', 'local', 'provincial', 'city', 'county'].includes(p.role));
  if (hasFiscal && hasSources) return g.parts.filter((p) => p.role === 'fiscal' || p.role === 'other' || p.role === 'carryover');
  return g.parts;
}

function checkFunds(ctx: Ctx): void {
  const unit = ctx.perf.header.fundsUnit;
  for (const g of ctx.perf.header.funds) {
    const total = g.total.amount;
    const parts = summedParts(g);
    if (!parts.length || !g.total.valueCell) continue;
    if (!parts.some((p) => p.amount !== null)) continue;
    if (total === null) {
      if (g.total.value.trim()) continue; // text we cannot read as an amount: perf.value is not about funds
      const sum = parts.reduce((s, p) => s.plus(p.amount ?? 0), new Decimal(0));
      if (sum.isZero()) continue;
      push(ctx, {
        rule: 'perf.funds',
        cell: a1(g.total.valueCell),
        expected: fmt2(sum),
        actual: '',
        parts: parts.filter((p) => p.valueCell).map((p) => a1(p.valueCell!)),
        message: `${labelOf(g.total)}未填写；按其中各项资金应为 ${fmt2(sum)} ${unit}。`,
        messageEn: `${labelOf(g.total)} is empty; its parts add up to ${fmt2(sum)} ${unit}.`,
      });
      continue;
    }
    const sum = parts.reduce((s, p) => s.plus(p.amount ?? 0), new Decimal(0));
    const diff = total.minus(sum);
    if (diff.abs().lte(tolerance(ctx))) continue;
    const names = parts.map((p) => ROLE_NAMES[p.role]).join(' + ');
    const rounding = diff.abs().lte(new Decimal('0.01').times(parts.length));
    push(ctx, {
      rule: 'perf.funds',
      cell: a1(g.total.valueCell),
      expected: fmt2(sum),
      actual: fmt2(total),
      parts: parts.filter((p) => p.valueCell).map((p) => a1(p.valueCell!)),
      rounding,
      message:
        `${labelOf(g.total)} ${fmt2(total)} ≠ ${names} = ${parts.map((p) => fmt2(p.amount ?? new Decimal(0))).join(' + ')} = ${fmt2(sum)} ${unit}` +
        `（差 ${fmt2(diff)}${rounding ? '，像是四舍五入造成的' : ''}）；标准要求年度金额等于其中各项资金之和。`,
      messageEn: `${ROLE_NAMES[g.total.role]} ${fmt2(total)} ≠ sum of its parts ${fmt2(sum)} ${unit}.`,
    });
  }
}

function labelOf(f: { label: string }): string {
  return normalizeLabel(f.label).replace(/^其中/, '');
}

// ---------------------------------------------------------------- perf.weights

export function weightOf(ind: Indicator): Decimal | null {
  if (!ind.weight) return null;
  if (ind.weight.amount) return ind.weight.amount;
  const m = /^(\d+(?:\.\d+)?)(分|%)?$/.exec(toHalfWidth(ind.weight.text).replace(/\s+/g, ''));
  return m ? new Decimal(m[1]) : null;
}

function checkWeights(ctx: Ctx): void {
  const { perf } = ctx;
  const wc = perf.columns.weight;
  if (wc === undefined) return;
  const rows = perf.indicators.filter((i) => i.name || (i.weight && i.weight.text));
  const weighted = rows.filter((i) => weightOf(i) !== null);
  if (!weighted.length) return; // weights not used (a template waiting to be filled)
  for (const i of rows) {
    if (weightOf(i) !== null || !i.weight) continue;
    // A weight merged over several indicators counts once, at its top cell.
    const m = ctx.grid.mergeAt(i.weight.cell.row, i.weight.cell.col);
    if (m && m.top < i.weight.cell.row) continue;
    push(ctx, {
      rule: 'perf.weights',
      cell: a1(i.weight.cell),
      actual: i.weight.text,
      message: i.weight.text
        ? `指标“${i.name}”的分值“${i.weight.text}”不是数字；标准要求每个指标填写分值（权重）。`
        : `指标“${i.name}”未填写分值；其他指标都有分值，标准要求每个指标填写分值（权重）。`,
      messageEn: `Indicator "${i.name}" has no numeric weight.`,
    });
  }
  const sum = weighted.reduce((s, i) => s.plus(weightOf(i)!), new Decimal(0));
  const statedTotal = ctx.settings.weightsTotal === 'auto' ? perf.statedWeightTotal : undefined;
  const allowed = statedTotal ? [statedTotal.total.toNumber()] : ctx.settings.weightsTotal === 'auto' ? [90, 100] : [ctx.settings.weightsTotal];
  const stated = perf.totalRow?.weight;
  const cells = weighted.map((i) => a1(i.weight!.cell));
  if (stated && stated.amount !== null && !stated.amount.eq(sum)) {
    push(ctx, {
      rule: 'perf.weights',
      cell: a1(stated.cell),
      expected: fmt(sum),
      actual: fmt(stated.amount),
      parts: cells,
      message: `分值合计 ${fmt(stated.amount)} ≠ 各指标分值之和 ${fmt(sum)}。`,
      messageEn: `Stated weight total ${fmt(stated.amount)} ≠ sum of the weights ${fmt(sum)}.`,
    });
  }
  if (!allowed.some((a) => sum.eq(a))) {
    const expectedText = allowed.join(' 或 ');
    push(ctx, {
      rule: 'perf.weights',
      cell: stated ? a1(stated.cell) : toA1(perf.indicatorHeaderRow, wc),
      expected: allowed.join('|'),
      actual: fmt(sum),
      parts: cells,
      message: statedTotal
        ? `各指标分值之和为 ${fmt(sum)}，但表中注明分值合计为 ${expectedText} 分（${a1(statedTotal.cell)}“${statedTotal.text.trim()}”）。`
        : `各指标分值之和为 ${fmt(sum)}，标准要求为 ${expectedText}` +
          `（通常产出 50、效益 30、满意度 10，另含预算执行率 10 时合计 100；不含预算执行率时合计 90）。`,
      messageEn: `Indicator weights add up to ${fmt(sum)}; expected ${allowed.join(' or ')}.`,
    });
  }
}

// ---------------------------------------------------------------- perf.cost

interface StatedCount {
  n: Decimal;
  name: string;
}

/** The counts the table states exactly ("=61 人" under 数量指标), by unit, with the indicator that states each. */
function exactCounts(perf: PerfTable): Map<string, StatedCount[]> {
  const counts = new Map<string, StatedCount[]>();
  for (const i of perf.indicators) {
    const l2 = i.level2?.standard ?? i.level2?.text ?? '';
    if (!/数量/.test(l2)) continue;
    const v = i.value;
    if (v.kind !== 'number' || !v.number || !v.unit || v.money) continue;
    if (v.comparator && v.comparator !== '=') continue;
    counts.set(v.unit, [...(counts.get(v.unit) ?? []), { n: new Decimal(v.number), name: i.name }]);
  }
  return counts;
}

/** What a cost or a count is about: its name without the words every such name has (人均, 每次, 费, 人数…). */
function subjectOf(name: string): string {
  return indicatorKey(name).replace(/人均|平均|每次|每人|单位|标准|费用|经费|成本|补助|资金|金额|人数|次数|数量|个数|人次|[费每\s]/g, '');
}

/**
 * The count a per-unit cost ("1.5万元/人/年") multiplies: a stated exact count of that unit whose indicator is
 * about the same thing (离休干部人均医疗周转金 × 离休干部人数, not 平均每次出差费 × 专项检查次数). None when no
 * such count is stated, or when the counts that qualify disagree.
 */
function countFor(costName: string, stated: StatedCount[] | undefined): Decimal | undefined {
  const subject = subjectOf(costName);
  const about = (stated ?? []).filter((c) => {
    const other = subjectOf(c.name);
    for (let k = 0; k + 2 <= subject.length; k++) if (other.includes(subject.slice(k, k + 2))) return true;
    return false;
  });
  if (!about.length || about.some((c) => !c.n.eq(about[0].n))) return undefined;
  return about[0].n;
}

const PERIOD_UNITS = new Set(['年', '年度', '每年']);

function checkCost(ctx: Ctx): void {
  const { perf } = ctx;
  const funds = perf.header.funds.find((g) => g.total.role === 'total' && g.total.amount !== null);
  const fundsTotal = funds?.total.amount ?? singleRegionAmount(perf);
  if (!fundsTotal) return;
  const unit: AmountUnit = perf.header.fundsUnit;
  const counts = exactCounts(perf);
  let sum = new Decimal(0);
  const parts: string[] = [];
  const terms: string[] = [];
  for (const i of perf.indicators) {
    if (!isCostLevel2(i.level2?.text, i.level1?.standard ?? i.level1?.text)) continue;
    const v = i.value;
    if (!v.money || !v.number) continue;
    let amount = convertMoney(new Decimal(v.number), v.money.unit, unit);
    let term = `${v.number}${v.money.unit}`;
    const per = v.money.per.filter((p) => !PERIOD_UNITS.has(p));
    if (per.length > 1) continue;
    if (per.length === 1) {
      const count = countFor(i.name, counts.get(per[0]));
      if (!count) continue; // a per-unit cost whose count the table does not state exactly is not summed
      amount = amount.times(count);
      term = `${v.number}${v.money.unit}/${per[0]} × ${fmt(count)}${per[0]}`;
    }
    sum = sum.plus(amount);
    parts.push(a1(i.valueCell));
    terms.push(term);
  }
  if (!parts.length || sum.lte(fundsTotal)) return;
  push(ctx, {
    rule: 'perf.cost',
    cell: parts[parts.length - 1],
    expected: `<=${fmt2(fundsTotal)}`,
    actual: fmt2(sum),
    parts,
    message: `成本指标合计 ${terms.join(' + ')} = ${fmt2(sum)} ${unit}，超过年度金额 ${fmt2(fundsTotal)} ${unit}；标准要求成本指标之和不超过资金总额。`,
    messageEn: `Cost indicators add up to ${fmt2(sum)} ${unit}, more than the funds ${fmt2(fundsTotal)} ${unit}.`,
  });
}

function singleRegionAmount(perf: PerfTable): Decimal | null {
  const r = perf.header.regionFunds;
  return r.length === 1 ? r[0].amount : null;
}

// ---------------------------------------------------------------- perf.hierarchy

function checkHierarchy(ctx: Ctx): void {
  for (const iss of ctx.perf.levelIssues) {
    const m = hierarchyMessage(iss);
    push(ctx, {
      rule: 'perf.hierarchy',
      cell: a1(iss.cell),
      ...(m.expected ? { expected: m.expected } : {}),
      actual: iss.text,
      message: m.zh,
      messageEn: m.en,
    });
  }
}

function hierarchyMessage(iss: LevelIssue): { zh: string; en: string; expected?: string } {
  const parent = iss.expectedParent as Level1 | undefined;
  switch (iss.kind) {
    case 'misplaced':
      return {
        zh: `二级指标“${iss.text}”应放在一级指标“${parent}”下，不应在“${iss.actualParent}”下（${parent} 下设：${childrenText(parent!)}）。`,
        en: `Level-2 indicator "${iss.text}" belongs under "${parent}", not "${iss.actualParent}".`,
        expected: parent,
      };
    case 'unknown': {
      const under = iss.actualParent ? standardOf(iss.actualParent) : undefined;
      return {
        zh:
          `“${iss.text}”不是标准指标体系（财预〔2021〕101号《绩效指标设置及取值指引》）中的一级或二级指标` +
          (under ? `；${under} 下应为：${childrenText(under)}。` : '；一级指标应为：产出指标、成本指标、效益指标、满意度指标。'),
        en: `"${iss.text}" is not a level-1 or level-2 indicator of the standard framework.`,
        expected: under ? STANDARD_CHILDREN[under].join('|') : undefined,
      };
    }
    case 'level2-as-level1':
      return {
        zh: `“${iss.text}”是二级指标，却写在一级指标列；应放在一级指标“${parent}”下。`,
        en: `"${iss.text}" is a level-2 indicator written in the level-1 column; it belongs under "${parent}".`,
        expected: parent,
      };
    case 'shifted':
      return {
        zh: `“${iss.text}”是${level1Of(iss.text) ? '一级' : '二级'}指标名称，却写在三级指标列（该行整体右移了一列）；应写在${level1Of(iss.text) ? '一级' : '二级'}指标列。`,
        en: `"${iss.text}" is a level name written in the level-3 column (the row is shifted right).`,
      };
    case 'missing-level1':
      return {
        zh: '缺少一级指标：标准要求每个指标都归入一级指标（产出指标、成本指标、效益指标、满意度指标）。',
        en: 'Level-1 indicator missing.',
      };
    case 'missing-level2': {
      const under = iss.actualParent ? standardOf(iss.actualParent) : undefined;
      return {
        zh: `缺少二级指标${under ? `：${under} 下应为 ${childrenText(under)} 之一` : ''}。`,
        en: 'Level-2 indicator missing.',
        expected: under ? STANDARD_CHILDREN[under].join('|') : undefined,
      };
    }
  }
}

function standardOf(text: string): Level1 | undefined {
  const t = normalizeLabel(text);
  return (Object.keys(STANDARD_CHILDREN) as Level1[]).find((l) => l === t);
}

// ---------------------------------------------------------------- perf.value

function valueCells(i: Indicator): { region: string; value: ParsedValue; cell: CellRef }[] {
  const own = { region: '', value: i.value, cell: i.valueCell };
  if (!i.regionValues.length) return [own];
  // A 指标值 column of its own beside the 区域目标值 columns is checked too.
  const inRegions = i.regionValues.some((rv) => rv.cell.row === own.cell.row && rv.cell.col === own.cell.col);
  return inRegions ? i.regionValues : [own, ...i.regionValues];
}

/**
 * A table none of whose indicator values is filled in is a blank form, not a wrong one: one finding for the table
 * (待填写 N 项), not one error per row. A table that is partly filled reports each empty value.
 */
function checkUnfilled(ctx: Ctx): boolean {
  const cells = ctx.perf.indicators.flatMap(valueCells);
  if (cells.length < 2 || !cells.every((c) => c.value.kind === 'empty')) return false;
  push(ctx, {
    rule: 'perf.value',
    severity: 'warning',
    cell: a1(cells[0].cell),
    actual: '',
    message: `绩效目标表尚未填写：待填写 ${cells.length} 项指标值。`,
    messageEn: `The target table is not filled in yet: ${cells.length} indicator values to fill.`,
  });
  return true;
}

function checkValues(ctx: Ctx): void {
  if (checkUnfilled(ctx)) return;
  for (const i of ctx.perf.indicators) {
    const cells = valueCells(i);
    for (const rv of cells) {
      const where = `${i.name ? `指标“${i.name}”` : `第 ${i.row + 1} 行`}${rv.region ? `（${rv.region}）` : ''}`;
      const problem = valueProblem(rv.value, i);
      if (!problem) continue;
      const cell = problem === 'no-unit' && i.unit ? i.unit.cell : rv.cell;
      push(ctx, {
        rule: 'perf.value',
        cell: a1(cell),
        actual: rv.value.raw,
        message:
          problem === 'empty'
            ? `${where}的指标值为空，请填写（如“≥95%”“12月底前”）。`
            : problem === 'no-number'
              ? `${where}的指标值“${rv.value.raw}”只有比较符没有数值；标准要求比较符 + 数值 + 度量单位。`
              : `${where}的指标值“${rv.value.raw}”有数值但没有度量单位；标准要求写明单位（如 次、个、%、万元、分钟）。`,
        messageEn:
          problem === 'empty'
            ? `Indicator value is empty.`
            : problem === 'no-number'
              ? `Indicator value "${rv.value.raw}" has a comparator but no number.`
              : `Indicator value "${rv.value.raw}" has a number but no unit.`,
      });
    }
  }
}

function valueProblem(v: ParsedValue, i: Indicator): 'empty' | 'no-unit' | 'no-number' | undefined {
  if (v.kind === 'empty') return 'empty';
  if (v.kind !== 'number') return undefined;
  if (!v.number) return 'no-number';
  if (v.unit) return undefined;
  if (i.unit && i.unit.text.trim()) return undefined;
  return 'no-unit';
}

// ---------------------------------------------------------------- perf.duplicate

function indicatorKey(name: string): string {
  return normalizeLabel(toHalfWidth(name))
    .replace(/^指标\d+[:：.]?/, '')
    .replace(/[，,。.、；;:：“”"'（）()\-—]/g, '');
}

function checkDuplicates(ctx: Ctx): void {
  const seen = new Map<string, Indicator>();
  for (const i of ctx.perf.indicators) {
    if (!i.name) continue;
    const key = indicatorKey(i.name);
    if (!key) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, i);
      continue;
    }
    push(ctx, {
      rule: 'perf.duplicate',
      cell: a1(i.nameCell),
      actual: i.name,
      parts: [a1(first.nameCell)],
      message: `三级指标“${i.name}”重复（与 ${a1(first.nameCell)} 相同）；同一张绩效目标表中每个三级指标只应出现一次。`,
      messageEn: `Level-3 indicator "${i.name}" repeats ${a1(first.nameCell)}.`,
    });
  }
}

// ---------------------------------------------------------------- perf.goal-amounts

/**
 * Amounts that allocate the funds to sub-projects in the 年度目标 text: "…服务项目35.81万元", "…装备项目4.13万元".
 * Only amounts right after a 项目/资金/经费/补助/费 name count, so "追回医保基金600万元" is not read as an allocation.
 */
export function goalAllocations(text: string): { amount: Decimal; unit: AmountUnit; text: string }[] {
  const out: { amount: Decimal; unit: AmountUnit; text: string }[] = [];
  const s = toHalfWidth(text);
  const re = /(项目|资金|经费|补助|费用|费|部分)[:：]?\s*(?:安排|共|计|为)?\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    out.push({ amount: new Decimal(m[2].replace(/,/g, '')), unit: m[3] as AmountUnit, text: `${m[2]}${m[3]}` });
  }
  return out;
}

function checkGoalAmounts(ctx: Ctx): void {
  const { perf } = ctx;
  const goal = perf.header.goal;
  const total = perf.header.funds.find((g) => g.total.role === 'total' && g.total.amount !== null)?.total;
  if (!goal || !goal.value || !total || total.amount === null) return;
  const allocs = goalAllocations(goal.value);
  if (allocs.length < 2) return;
  const unit = perf.header.fundsUnit;
  const sum = allocs.reduce((s, a) => s.plus(convertMoney(a.amount, a.unit, unit)), new Decimal(0));
  const diff = total.amount.minus(sum);
  if (diff.abs().lte(tolerance(ctx))) return;
  push(ctx, {
    rule: 'perf.goal-amounts',
    severity: 'warning',
    cell: a1(goal.valueCell ?? goal.labelCell),
    expected: fmt2(total.amount),
    actual: fmt2(sum),
    parts: total.valueCell ? [a1(total.valueCell)] : [],
    message: `年度目标中列出的金额 ${allocs.map((a) => a.text).join(' + ')} = ${fmt2(sum)} ${unit}，与年度金额 ${fmt2(total.amount)} ${unit} 不一致（差 ${fmt2(diff)}）；请核对年度目标中的分项金额。`,
    messageEn: `Amounts in the annual goal add up to ${fmt2(sum)} ${unit}, not the annual funds ${fmt2(total.amount)} ${unit}.`,
  });
}

