import type { DetectedTable } from '../layout/types';
import type { SheetPlan } from '../plan/sheetPlan';
import { toA1 } from '../grid/address';
import { LEVEL1_ORDER, level2Of, normalizeLabel, STANDARD_CHILDREN, type Level1 } from './framework';
import { buildPerfPlan, VARIANT_TITLES, type PlanIndicator, type PlanLevel1 } from './plan';
import type { Indicator, PerfTable } from './types';
import { comparatorSymbol } from './value';
import { displayLabel } from './prefill';

/**
 * Repair: a detected, possibly damaged indicator table → a new sheet in the standard layout. Every
 * indicator is kept; a 二级 the framework places (时效指标 → 产出指标, 成本指标 → 成本指标/经济成本指标,
 * 社会效益指标 → 效益指标 …) is moved under its 一级; what the framework cannot place (公平性指标, 综合指标)
 * is kept at the end, highlighted, and listed for the officer. The source sheet is only read.
 */

export interface NormalizeOptions {
  /** Split 指标值 into 指标性质 | 指标值 | 度量单位 (default true, unless the table has county columns). */
  splitValue?: boolean;
  sheetName?: string;
}

export interface MovedIndicator {
  name: string;
  cell: string;
  from: string;
  to: string;
}

export interface UnplacedIndicator {
  name: string;
  cell: string;
  level1: string;
  level2: string;
  reason: string;
}

export interface NormalizeResult {
  plan: SheetPlan;
  /** Indicators whose 一级/二级 changed. */
  moved: MovedIndicator[];
  /** Indicators kept at the end because the standard does not say where they go. */
  unplaced: UnplacedIndicator[];
  /** Level labels outside the framework that were dropped because a standard 二级 in the same row placed the indicators. */
  droppedLabels: { text: string; cell: string }[];
  indicatorCount: number;
}

function target(ind: Indicator): { level1: Level1; level2: string } | undefined {
  const written = ind.level2?.text ?? '';
  const l2 = written ? level2Of(written) : undefined;
  if (l2) return { level1: l2.parent, level2: l2.standard };
  // No 二级 at all under 满意度指标: it has one standard 二级, so the standard decides.
  if (!written && ind.level1?.standard === '满意度指标') return { level1: '满意度指标', level2: '服务对象满意度指标' };
  return undefined;
}

function planIndicator(ind: Indicator, split: boolean, regionCount: number): PlanIndicator {
  const out: PlanIndicator = { name: ind.name, value: ind.value.raw };
  const v = ind.value;
  if (split) {
    if (ind.nature?.text || ind.unit?.text) {
      out.nature = ind.nature?.text ?? '';
      out.value = v.raw;
      out.unit = ind.unit?.text ?? '';
    } else if (v.kind === 'number') {
      out.nature = comparatorSymbol(v.comparator) || '=';
      out.value = v.number ?? '';
      out.unit = v.unit ?? '';
    } else if (v.kind === 'grade' || v.kind === 'text') {
      out.nature = '定性';
    } else {
      out.nature = '';
    }
  }
  if (regionCount) out.regionValues = ind.regionValues.map((rv) => rv.value.raw);
  if (ind.basis) out.basis = ind.basis;
  if (ind.lastYear) out.lastYear = ind.lastYear;
  if (ind.weight) out.weight = ind.weight.amount ? ind.weight.amount.toNumber() : ind.weight.text || null;
  if (ind.scoring) out.scoring = ind.scoring;
  if (ind.evidence) out.evidence = ind.evidence;
  if (ind.note) out.note = ind.note;
  return out;
}

export function normalizePerformanceTable(table: DetectedTable, opts: NormalizeOptions = {}): NormalizeResult {
  const perf = table.perf as PerfTable | undefined;
  if (table.kind !== 'performance' || !perf) throw new Error('不是绩效目标表，无法规范化。');
  const regions = perf.columns.regions.map((r) => r.name);
  const split = opts.splitValue ?? regions.length === 0;
  const weights = perf.indicators.some((i) => i.weight && (i.weight.amount !== null || i.weight.text));
  const placed = new Map<string, PlanIndicator[]>();
  const moved: MovedIndicator[] = [];
  const unplaced: UnplacedIndicator[] = [];
  const unplacedGroups = new Map<string, { level1: string; level2: string; items: PlanIndicator[] }>();
  let count = 0;

  for (const ind of perf.indicators) {
    if (!ind.name && ind.value.kind === 'empty' && !ind.regionValues.some((rv) => rv.value.kind !== 'empty')) continue;
    count++;
    const item = planIndicator(ind, split, regions.length);
    const t = target(ind);
    const l1Text = ind.level1?.text ?? '';
    const l2Text = ind.level2?.text ?? '';
    if (!t) {
      const reason = l2Text
        ? `二级指标“${normalizeLabel(l2Text)}”不在标准指标体系内`
        : `缺少二级指标${l1Text ? `（一级指标“${normalizeLabel(l1Text)}”下有多个标准二级指标）` : ''}`;
      unplaced.push({ name: ind.name, cell: toA1(ind.nameCell.row, ind.nameCell.col), level1: l1Text, level2: l2Text, reason });
      const key = `${l1Text}\u0000${l2Text}`;
      const g = unplacedGroups.get(key) ?? { level1: normalizeLabel(l1Text), level2: normalizeLabel(l2Text), items: [] };
      g.items.push({ ...item, flag: true, note: [`待核定：${reason}`, item.note].filter(Boolean).join('；') });
      unplacedGroups.set(key, g);
      continue;
    }
    const key = `${t.level1}\u0000${t.level2}`;
    placed.set(key, [...(placed.get(key) ?? []), item]);
    const from = `${normalizeLabel(l1Text) || '（无）'} / ${normalizeLabel(l2Text) || '（无）'}`;
    if (normalizeLabel(l1Text) !== t.level1 || normalizeLabel(l2Text) !== t.level2) {
      // A rename ("服务对象满意度" → "服务对象满意度指标") is recorded too: the officer sees every change.
      moved.push({ name: ind.name, cell: toA1(ind.nameCell.row, ind.nameCell.col), from, to: `${t.level1} / ${t.level2}` });
    }
  }

  const levels: PlanLevel1[] = [];
  for (const l1 of LEVEL1_ORDER) {
    const children = STANDARD_CHILDREN[l1]
      .map((l2) => ({ name: l2, indicators: placed.get(`${l1}\u0000${l2}`) ?? [] }))
      .filter((c) => c.indicators.length);
    if (children.length) levels.push({ name: l1, children });
  }
  for (const g of unplacedGroups.values()) {
    levels.push({ name: g.level1 || '（无一级指标）', children: [{ name: g.level2 || '（无二级指标）', indicators: g.items }] });
  }

  const droppedLabels = perf.levelIssues
    .filter((i) => i.kind === 'unknown' && !unplaced.some((u) => normalizeLabel(u.level2) === normalizeLabel(i.text)))
    .map((i) => ({ text: i.text, cell: toA1(i.cell.row, i.cell.col) }));

  const h = perf.header;
  const annual = h.funds.find((g) => g.total.role === 'total');
  const funds = annual
    ? [annual.total, ...annual.parts].map((f) => ({ label: cleanLabel(f.label), amount: f.amount ? f.amount.toNumber() : null }))
    : h.regionFunds.map((rf) => ({ label: rf.region, amount: rf.amount ? rf.amount.toNumber() : null }));
  const fields = [
    { label: h.name ? cleanLabel(h.name.label) : defaultNameLabel(perf), value: h.name?.value ?? '' },
    ...h.departments.map((d) => ({ label: cleanLabel(d.label), value: d.value })),
  ];
  const plan = buildPerfPlan({
    variant: perf.variant,
    sheetName: opts.sheetName ?? safeSheetName(`${table.title ?? VARIANT_TITLES[perf.variant]}`, '（规范）'),
    title: perf.title ?? VARIANT_TITLES[perf.variant],
    year: perf.year,
    fields,
    fundsLabel: '资金情况（万元）',
    funds,
    goalLabel: h.goal ? cleanLabel(h.goal.label) : '年度目标',
    goal: h.goal?.value ?? '',
    levels,
    splitValue: split,
    weights,
    regions,
    basisColumn: perf.columns.basis !== undefined,
    lastYearColumn: perf.columns.lastYear !== undefined,
    scoringColumn: perf.columns.scoring !== undefined,
    evidenceColumn: perf.columns.evidence !== undefined,
    // 备注 is kept when the source has one or when some indicators need a note (待核定).
    noteColumn: perf.columns.note !== undefined || unplaced.length > 0,
  });
  return { plan, moved, unplaced, droppedLabels, indicatorCount: count };
}

const cleanLabel = displayLabel;

function defaultNameLabel(perf: PerfTable): string {
  return perf.variant === 'regional' ? '转移支付名称' : perf.variant === 'department' ? '部门名称' : '项目名称';
}

/** Excel sheet names: at most 31 characters, none of []:*?/\\. */
export function safeSheetName(base: string, suffix = ''): string {
  const clean = base.replace(/[[\]:*?/\\]/g, '').replace(/\s+/g, '').trim() || '绩效目标表';
  return clean.slice(0, Math.max(1, 31 - suffix.length)) + suffix;
}
