/**
 * Cross-table checks (勾稽关系) over a whole 预算/决算 book: find each table's role, run every rule whose
 * tables exist, and report each rule as passed, failed or not applicable (with the reason).
 */
import Decimal from 'decimal.js';
import type { CheckSettings, CrossTableReport, CrossTableRule, Finding } from '../types';
import type { AmountUnit } from '../money/units';
import { Book, BookSheet, RoleTable, readBook } from './book';
import { XREF_RULES, Comparison, XrefRuleDef } from './rules';
import { unitOf, type Side } from './sides';
import { UNIT_FACTOR as FACTOR } from '../money/units';
import { XREF_ROLES } from './roles';
import type { Segment } from './read';

export { readBook, XREF_RULES, XREF_ROLES };
export type { Book, BookSheet, RoleTable, XrefRuleDef };
export type { XrefRole, BookFamily } from './roles';

export interface BookSheetInput extends BookSheet {
  /** The within-table findings already found on this sheet (for derivedFrom). */
  findings: Finding[];
}

export interface CrossTableResult {
  report: CrossTableReport;
  /** Role of each table: sheet name → table index → role. */
  roles: Map<string, Map<number, string>>;
}

const fmt = (v: Decimal, decimals: number) => v.toFixed(decimals);
const ref = (s: Side) => `${s.cell.sheet}!${s.cell.a1}`;

interface Scaled {
  a: Decimal;
  b: Decimal;
  /** Unit both values are in (the coarser of the two), when units are known. */
  unit?: AmountUnit;
  decimals: number;
  mixed: boolean;
  /** a − b with the finer side not rounded (mixed units): how far apart the two really are. */
  exactDiff: Decimal;
}

/** Both sides in the coarser unit; the finer side rounded to the decimals the coarser side shows. */
function scale(a: Side, b: Side): Scaled {
  const ua = unitOf(a) ?? unitOf(b);
  const ub = unitOf(b) ?? ua;
  if (!ua || !ub || ua === ub) return { a: a.value, b: b.value, unit: ua, decimals: Math.max(a.decimals, b.decimals), mixed: false, exactDiff: a.value.minus(b.value) };
  const coarse = FACTOR[ua] >= FACTOR[ub] ? ua : ub;
  const to = (s: Side, u: AmountUnit, places: number) => {
    const v = s.value.times(FACTOR[u]).dividedBy(FACTOR[coarse]);
    return u === coarse ? v : v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  };
  const coarseSide = coarse === ua ? a : b;
  const places = coarseSide.unit ? coarseSide.decimals : coarseSide.table.view.decimals();
  const exact = (s: Side, u: AmountUnit) => s.value.times(FACTOR[u]).dividedBy(FACTOR[coarse]);
  return { a: to(a, ua, places), b: to(b, ub, places), unit: coarse, decimals: places, mixed: true, exactDiff: exact(a, ua).minus(exact(b, ub)) };
}

function holds(op: Comparison['op'], diff: Decimal, tol: Decimal): boolean {
  return op === '=' ? diff.abs().lte(tol) : diff.gte(tol.negated());
}

function describe(s: Side, mixed: boolean): string {
  const unit = mixed ? unitOf(s) ?? '' : '';
  return `${s.table.role} ${s.what} ${fmt(s.value, s.decimals)}${unit}`;
}

/** A within-table finding on one side's cell that, once fixed, makes the comparison hold. */
function cause(c: Comparison, within: Map<string, Finding>, tol: Decimal): string | undefined {
  for (const key of ['a', 'b'] as const) {
    const side = c[key];
    const f = within.get(ref(side));
    if (!f || f.expected === undefined) continue;
    let fixed: Decimal;
    try {
      fixed = new Decimal(f.expected);
    } catch {
      continue;
    }
    const moved = { ...c, [key]: { ...side, value: fixed } } as Comparison;
    const s = scale(moved.a, moved.b);
    if (holds(c.op, s.a.minus(s.b), tol.plus(new Decimal(10).pow(-s.decimals)))) return ref(side);
  }
  return undefined;
}

function evaluate(def: XrefRuleDef, c: Comparison, tol: Decimal, within: Map<string, Finding>): Finding | undefined {
  const s = scale(c.a, c.b);
  const diff = s.a.minus(s.b);
  if (holds(c.op, diff, tol)) return undefined;
  const unit = s.unit ?? '';
  // One unit of the last shown place can be rounding, but a whole unit (1 元, 1 万元) never is. Across units the
  // finer side is exact: rounding explains it only within half a unit of the coarser side's last place
  // (0.83万元 against 8,397.66元 is 97.66元 short, more than the 50元 that rounding to 0.01万元 can hide).
  const unitOfPlace = new Decimal(10).pow(-s.decimals);
  const rounding = diff.abs().lt(1) && (s.mixed ? s.exactDiff.abs().lte(unitOfPlace.div(2)) : diff.abs().lte(unitOfPlace));
  const sign = c.op === '=' ? '≠' : '<';
  const gap = c.op === '=' ? `相差 ${fmt(diff.abs(), s.decimals)}${s.mixed ? unit : ''}` : `少 ${fmt(diff.abs(), s.decimals)}${s.mixed ? unit : ''}`;
  const message = `${describe(c.a, s.mixed)} ${sign} ${describe(c.b, s.mixed)}（${gap}${rounding ? '，疑似四舍五入误差' : ''}）`;
  const f: Finding = {
    rule: def.rule,
    severity: rounding ? 'hint' : 'error',
    sheet: c.a.cell.sheet,
    cell: c.a.cell.a1,
    table: c.a.table.index,
    expected: fmt(s.b, s.decimals),
    actual: fmt(s.a, s.decimals),
    message,
    other: { sheet: c.b.cell.sheet, cell: c.b.cell.a1, value: fmt(c.b.value, c.b.decimals) },
  };
  const parts = [...(c.a.more ?? []), ...(c.b.more ?? [])].map((x) => `${x.sheet}!${x.a1}`);
  if (parts.length > 0) f.parts = parts;
  if (rounding) f.rounding = true;
  const from = cause(c, within, tol);
  if (from) f.derivedFrom = from;
  return f;
}

function notFound(book: Book, needs: readonly string[]): string | undefined {
  const missing = needs.filter((r) => !book.tables.has(r as never));
  return missing.length > 0 ? `未找到${missing.join('、')}` : undefined;
}

/** 空表说明: an empty 政府性基金/国有资本经营 table says so; a table with numbers does not. */
function firstNonzero(segs: Segment[]): { s: Segment; a: Segment['amounts'][number] } | undefined {
  for (const s of segs) for (const a of s.amounts) if (!a.value.isZero()) return { s, a };
  return undefined;
}

function emptyNotes(book: Book): { rule: CrossTableRule; findings: Finding[] } {
  const findings: Finding[] = [];
  const name = '政府性基金表、国有资本经营表为空时须有空表说明；有数据的表不得注明为空表';
  let checked = 0;
  for (const t of book.all) {
    checked++;
    const note = t.view.findText('表', /空表|(本|此|该)表(中)?无数据/);
    const fundTable = t.role === '政府性基金表' || t.role === '国有资本经营表';
    // Numbers matter only beside an empty-table note, or in a fund table that must have one when empty: a
    // 20,000-row 支出表 with no such note is not read through again here.
    if (!note && !fundTable) continue;
    const number = firstNonzero(t.view.segments());
    if (number && note) {
      findings.push({
        rule: 'xref.empty-note',
        severity: 'error',
        sheet: t.view.sheet,
        cell: t.view.cell(note.row, note.col).a1,
        table: t.index,
        message: `${t.role}有数据（${fmt(number.a.value, number.a.decimals)}），却注明“${note.text.slice(0, 40)}”`,
        other: { sheet: t.view.sheet, cell: t.view.cell(number.s.row, number.a.col).a1, value: fmt(number.a.value, number.a.decimals) },
      });
    } else if (!number && !note && (t.role === '政府性基金表' || t.role === '国有资本经营表')) {
      const r = t.view.region;
      findings.push({
        rule: 'xref.empty-note',
        severity: 'warning',
        sheet: t.view.sheet,
        cell: t.view.cell(t.view.table.titleRow ?? r.top, r.left).a1,
        table: t.index,
        message: `${t.role}没有数据，也没有空表说明（如“本表为空表”）`,
      });
    }
  }
  const rule: CrossTableRule = { rule: 'xref.empty-note', name, status: 'not-applicable' };
  rule.id = 'xref.empty-note';
  if (checked === 0) rule.reason = '未找到预算/决算公开表';
  else {
    rule.status = findings.length > 0 ? 'failed' : 'passed';
    rule.reason = `检查了 ${checked} 张表`;
  }
  return { rule, findings };
}

/** Run every cross-table rule over a book's sheets (their tables already detected and checked). */
export function checkCrossTables(sheets: BookSheetInput[], settings: Pick<CheckSettings, 'tolerance' | 'catalogYear'>): CrossTableResult {
  const book = readBook(sheets);
  const within = new Map<string, Finding>();
  for (const s of sheets) for (const f of s.findings) if (f.rule.startsWith('sum.')) within.set(`${s.grid.name}!${f.cell}`, f);
  let tol: Decimal;
  try {
    tol = new Decimal(settings.tolerance || '0').abs();
  } catch {
    tol = new Decimal(0);
  }
  const rules: CrossTableRule[] = [];
  const findings: Finding[] = [];
  for (const def of XREF_RULES) {
    const rule: CrossTableRule = { rule: def.rule, id: def.id, name: def.name, status: 'not-applicable' };
    rules.push(rule);
    if (def.family && def.family !== book.family) {
      rule.reason = `只适用于${def.family}`;
      continue;
    }
    const missing = notFound(book, def.needs);
    if (missing) {
      rule.reason = missing;
      continue;
    }
    let run;
    try {
      run = def.run(book, settings.catalogYear);
    } catch (err) {
      rule.reason = `读取表格时出错：${err instanceof Error ? err.message.slice(0, 80) : String(err)}`;
      continue;
    }
    if (!('notApplicable' in run) && run.comparisons.length === 0) run = { notApplicable: run.note ?? '没有可比较的数' };
    if ('notApplicable' in run) {
      rule.reason = run.notApplicable;
      continue;
    }
    const found = run.comparisons.map((c) => evaluate(def, c, tol, within)).filter((f): f is Finding => !!f);
    findings.push(...found);
    rule.status = found.length > 0 ? 'failed' : 'passed';
    rule.reason = run.comparisons.length > 0 ? `比较了 ${run.comparisons.length} 处${found.length > 0 ? `，${found.length} 处不符` : ''}` : run.note ?? '没有可比较的数';
  }
  const empty = emptyNotes(book);
  rules.push(empty.rule);
  findings.push(...empty.findings);
  const roles = new Map<string, Map<number, string>>();
  for (const t of book.all) {
    const m = roles.get(t.view.sheet) ?? new Map<number, string>();
    if (t.index >= 0 && !m.has(t.index)) m.set(t.index, t.role);
    roles.set(t.view.sheet, m);
  }
  return { report: { rules, findings }, roles };
}
