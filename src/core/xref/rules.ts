/**
 * The cross-table rules (勾稽关系) as data: an id, the rule family its findings carry, a Chinese statement,
 * the roles it needs, the family of books it holds for, and how to read the two sides it compares.
 */
import Decimal from 'decimal.js';
import { getCatalog } from '../catalog';
import { squash } from '../layout/text';
import type { RuleId } from '../types';
import { UNIT_FACTOR, type AmountUnit } from '../money/units';
import type { Book, RoleTable } from './book';
import type { Segment } from './read';
import type { BookFamily, XrefRole } from './roles';
import { Side, byCode, columnOf, COLUMN, lineOf, lineSide, plainLabel, summaryLines, totalOf, unitOf } from './sides';

/** One comparison a rule asks for: a = b, or a ≥ b (bound). */
export interface Comparison {
  a: Side;
  b: Side;
  op: '=' | '>=';
}

export type RuleRun = { comparisons: Comparison[]; note?: string } | { notApplicable: string };

export interface XrefRuleDef {
  /** Stable id of this rule ("xref.total.income"); findings carry `rule`, the family id. */
  id: string;
  rule: RuleId;
  /** The rule in words, as the report lists it. */
  name: string;
  needs: XrefRole[];
  /** Only for this family of books (决算 books compare outturns, not budgets). */
  family?: BookFamily;
  run(book: Book, year: number): RuleRun;
}

const na = (notApplicable: string): RuleRun => ({ notApplicable });
const ZERO = new Decimal(0);

/** Columns among a set of segments' amounts that pass the header tests, in order. */
function columnAmong(t: RoleTable, segs: Segment[], tests: ((h: string) => boolean)[]): number | undefined {
  if (segs.length === 0) return undefined;
  const cols = t.view.valueColumns(Math.min(...segs.map((s) => s.col)));
  for (const test of tests) {
    const hit = cols.find((c) => test(c.header));
    if (hit !== undefined) return hit.col;
  }
  return undefined;
}

/** Names 类 went by in earlier editions, still printed in some books. */
const OLD_CLASS_NAMES: Record<string, string> = {
  医疗卫生与计划生育支出: '210',
  医疗卫生支出: '210',
  文化体育与传媒支出: '207',
  国土海洋气象等支出: '220',
  资源勘探信息等支出: '215',
  资源勘探电力信息等支出: '215',
  商业服务业等事务: '216',
  城乡社区事务: '212',
};

/** 类 names → codes from the catalog of the year, the old names, and the coded 类 rows of the other table. */
function classNames(year: number, other: Map<string, Side>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, code] of Object.entries(OLD_CLASS_NAMES)) m.set(name, code);
  for (const e of getCatalog(year).entries()) if (e.kind === 'function' && e.level === '类') m.set(plainLabel(e.name), e.code);
  for (const [code, side] of other) if (code.length === 3) m.set(plainLabel(side.what.slice(code.length + 1)), code);
  return m;
}

/** A 收支总表 line's 类 code: printed in it ("210卫生健康支出") or found by its name. */
function classOfLine(seg: Segment, names: Map<string, string>): string | undefined {
  if (seg.code) return seg.code.length === 3 ? seg.code : undefined;
  return names.get(plainLabel(seg.label));
}

/**
 * Compare a summary table's expense lines by 类 with a classification table's 类 rows, in the given columns.
 * A 类 on one side only is compared with 0 when the other side has a value.
 */
function classComparisons(summary: RoleTable, col: number | undefined, colName: string, detail: RoleTable, detailCol: number | undefined, year: number): RuleRun {
  const rows = byCode(detail, detailCol, (c) => c.length === 3);
  if (rows.size === 0) return na(`${detail.role}中未找到按科目编码列示的类级科目`);
  const names = classNames(year, rows);
  const { expense } = summaryLines(summary);
  const lines = new Map<string, Side>();
  for (const seg of expense) {
    const code = classOfLine(seg, names);
    if (!code || lines.has(code)) continue;
    const name = plainLabel(seg.label).replace(/^\d+/, '');
    lines.set(code, lineSide(summary, seg, col, `${colName}${colName ? ' ' : ''}${code} ${name}`));
  }
  if (lines.size === 0) return na(`${summary.role}中未找到按类列示的支出`);
  const comparisons: Comparison[] = [];
  for (const code of new Set([...lines.keys(), ...rows.keys()])) {
    const a = lines.get(code);
    const b = rows.get(code);
    if (a && b) comparisons.push({ a, b, op: '=' });
    else if (a && !a.value.isZero()) comparisons.push({ a, b: absent(detail, `${code} 合计（表中无此类）`), op: '=' });
    else if (b && !b.value.isZero()) comparisons.push({ a: absent(summary, `${code}（表中无此类）`), b, op: '=' });
  }
  return { comparisons };
}

/** A value a table does not list: 0, located at the table's first cell. */
function absent(t: RoleTable, what: string): Side {
  const r = t.view.region;
  return { table: t, cell: t.view.cell(r.top, r.left), value: ZERO, decimals: 2, what };
}

function requireTotal(t: RoleTable, col: number | undefined, what: string): Side | string {
  return totalOf(t, col, what) ?? `${t.role}中未找到合计行`;
}

/** The 本年支出合计 (or 支出总计 when the table has no 本年 line) of a 收支总表's expense side, in a column. */
function expenseTotal(t: RoleTable, name: keyof typeof COLUMN, what: string): Side | string {
  const { expense } = summaryLines(t);
  const thisYear = lineOf(expense, /^本年支出(合计|小计)?$/);
  const carried = expense.some((seg) => /结转|结余/.test(seg.label) && !/总计|合计/.test(seg.label) && seg.amounts.some((a) => !a.value.isZero()));
  // 支出总计 stands for 本年支出 only when no 结转/结余 line is added into it.
  const line = thisYear ?? (carried ? undefined : lineOf(expense, /^支出(总计|合计)$/) ?? lineOf(expense, /^(总计|合计)$/));
  if (!line) return carried ? `${t.role}含结转结余，未找到本年支出合计` : `${t.role}中未找到本年支出合计或支出总计`;
  const col = columnAmong(t, expense, COLUMN[name]) ?? (name === 'total' ? line.amounts[0]?.col : undefined);
  if (col === undefined) return `${t.role}中未找到“${what}”列`;
  return lineSide(t, line, col, `${what} ${plainLabel(line.label)}`);
}

/**
 * Two classification tables compared 科目 by 科目 in the given columns, at the levels both list (one may stop
 * at 款 where the other goes down to 项). A 科目 one table lacks is compared with 0 when the other has a value.
 */
function codeComparisons(a: RoleTable, aCol: number | undefined, aName: string, b: RoleTable, bCol: number | undefined, bName: string, missing = `${a.role}或${b.role}中未找到按科目编码列示的行`): RuleRun {
  const named = (m: Map<string, Side>, name: string) => {
    if (name) for (const s of m.values()) s.what = `${name} ${s.what}`;
    return m;
  };
  const x = named(byCode(a, aCol), aName);
  const y = named(byCode(b, bCol), bName);
  if (x.size === 0 || y.size === 0) return na(missing);
  const levels = (m: Map<string, Side>) => new Set([...m.keys()].map((c) => c.length));
  const lx = levels(x);
  const ly = levels(y);
  const comparisons: Comparison[] = [];
  for (const code of new Set([...x.keys(), ...y.keys()])) {
    if (!lx.has(code.length) || !ly.has(code.length)) continue;
    const u = x.get(code);
    const v = y.get(code);
    if (u && v) comparisons.push({ a: u, b: v, op: '=' });
    else if (u && !u.value.isZero()) comparisons.push({ a: u, b: absent(b, `${code}（表中无此科目）`), op: '=' });
    else if (v && !v.value.isZero()) comparisons.push({ a: absent(a, `${code}（表中无此科目）`), b: v, op: '=' });
  }
  return { comparisons };
}

/** Which money a 项目支出表 covers, from its title: 一般公共预算 only, 财政拨款 (all three funds), or the whole. */
function projectScope(p: RoleTable): '一般公共预算' | '财政拨款' | 'all' {
  const t = squash(p.title);
  if (t.includes('一般公共预算')) return '一般公共预算';
  if (t.includes('财政拨款')) return '财政拨款';
  return 'all';
}

/** The 项目支出表 column of its 一般公共预算 money: the column so headed, or its 合计 when the title says so. */
function projectGeneralColumn(p: RoleTable): number | string {
  const col = p.view.column(...COLUMN.general);
  if (col !== undefined) return col;
  const total = columnOf(p, 'total');
  if (projectScope(p) === '一般公共预算' && total !== undefined) return total;
  return '项目支出表未单列一般公共预算，标题也未写明只含一般公共预算';
}

/** Headers of the money sources a table may break its 合计 into. */
const SOURCE_COLUMN = /一般公共预算|政府性基金|国有资本经营|财政拨款|财政专户|单位资金|其他资金|自有资金|事业收入|经营收入|其他收入|上年结转/;

/**
 * The 合计 column of a 项目支出表 that covers all of a department's money: its title names no fund and its
 * columns list the sources its 合计 adds up. With neither, what it covers is not printed, so it is not compared.
 */
function projectWholeColumn(p: RoleTable): number | string {
  const scope = projectScope(p);
  if (scope !== 'all') return `项目支出表只含${scope}，与支出总表的项目支出口径不同`;
  if (!p.view.valueColumns().some((c) => SOURCE_COLUMN.test(c.header))) return '项目支出表未列示资金来源，无法确定是否含全部资金';
  return columnOf(p, 'total') ?? '项目支出表中未找到合计列';
}

/** 本年收入 of a 财政拨款收支总表: its 本年收入合计 line, or the fund lines above any 结转 line added up. */
function fiscalIncome(t: RoleTable): Side | string {
  const { income } = summaryLines(t);
  const named = lineOf(income, /^本年收入(合计)?$/);
  if (named) return lineSide(t, named, undefined, plainLabel(named.label));
  const funds: Segment[] = [];
  for (const seg of income) {
    const label = plainLabel(seg.label);
    if (/结转|结余|总计|合计/.test(label)) break;
    if (/^(财政拨款)/.test(label) && seg.amounts.length > 0 && funds.length === 0) return lineSide(t, seg, undefined, label);
    if (/一般公共预算|政府性基金|国有资本经营/.test(label) && !/上级|转移支付/.test(label)) funds.push(seg);
  }
  if (funds.length === 0) {
    const total = lineOf(income, /^收入(总计|合计)$/);
    return total ? lineSide(t, total, undefined, plainLabel(total.label)) : `${t.role}中未找到本年收入`;
  }
  const sides = funds.map((s) => lineSide(t, s, undefined, plainLabel(s.label)));
  return {
    table: t,
    cell: sides[0].cell,
    more: sides.slice(1).map((s) => s.cell),
    value: sides.reduce((sum, s) => sum.plus(s.value), new Decimal(0)),
    decimals: Math.max(...sides.map((s) => s.decimals)),
    what: '本年收入（' + sides.map((s) => s.what).join('+') + '）',
  };
}

function pair(a: Side | string, b: Side | string, op: '=' | '>=' = '='): RuleRun {
  if (typeof a === 'string') return na(a);
  if (typeof b === 'string') return na(b);
  return { comparisons: [{ a, b, op }] };
}

/** 三公 items and the 经济分类 line each bounds from above. */
const THREE_PUBLIC: readonly { item: string; test: RegExp; code: string; not?: RegExp; line: RegExp }[] = [
  { item: '因公出国（境）费', test: /出国/, code: '30212', line: /出国/ },
  { item: '公务接待费', test: /接待/, code: '30217', line: /公务接待/ },
  { item: '公务用车运行费', test: /运行/, code: '30231', not: /购置及运行|购置和运行/, line: /(公务用车|车辆)运行/ },
  { item: '公务用车购置费', test: /购置/, code: '31013', not: /购置及运行|购置和运行/, line: /(公务用车|车辆)购置/ },
];

/** The 三公 items of a 三公经费表: items as columns (one data row) or as rows (合计 column). */
function threePublicItems(t: RoleTable, family: BookFamily): Map<string, Side> {
  const out = new Map<string, Side>();
  const r = t.view.region;
  const cols: { col: number; header: string }[] = [];
  for (let c = r.left; c <= r.right; c++) cols.push({ col: c, header: t.view.header(c) });
  const wanted = family === '决算' ? /决算/ : /预算/;
  const matches = (text: string, it: (typeof THREE_PUBLIC)[number]) => {
    const parts = text.split('/');
    return parts.some((p) => it.test.test(p) && !(it.not && it.not.test(p)));
  };
  const segs = t.view.segments();
  const asColumns = cols.some((c) => THREE_PUBLIC.some((it) => matches(c.header, it)));
  if (asColumns) {
    for (const it of THREE_PUBLIC) {
      const hits = cols.filter((c) => matches(c.header, it));
      const col = (hits.find((c) => wanted.test(c.header)) ?? (hits.some((c) => /预算|决算/.test(c.header)) ? undefined : hits[0]))?.col;
      if (col === undefined) continue;
      const seg = segs.find((s) => s.amounts.some((a) => a.col === col)) ?? segs.find((s) => s.amounts.length > 0 && s.label === '');
      if (seg) out.set(it.code, lineSide(t, seg, col, it.item));
    }
    return out;
  }
  const col = t.view.column((h) => wanted.test(h.split('/').pop() ?? ''), ...COLUMN.total);
  for (const it of THREE_PUBLIC) {
    const seg = segs.find((s) => s.label !== '' && matches(plainLabel(s.label), it));
    if (seg) out.set(it.code, lineSide(t, seg, col, it.item));
  }
  return out;
}

const CARRY_FUNDS: readonly { name: string; column: keyof typeof COLUMN; income: RegExp }[] = [
  { name: '合计', column: 'total', income: /^本年收入合计$/ },
  { name: '一般公共预算', column: 'general', income: /一般公共预算/ },
  { name: '政府性基金预算', column: 'fund', income: /政府性基金/ },
  { name: '国有资本经营预算', column: 'stateCapital', income: /国有资本经营/ },
];

/** 年初结转 + 本年收入 = 本年支出 + 年末结转, for each fund of a 财政拨款收入支出决算总表. */
function carryOver(t: RoleTable): RuleRun {
  const { income, expense } = summaryLines(t);
  const opening = income.findIndex((s) => /年初/.test(s.label) && /结转|结余/.test(s.label));
  const spent = lineOf(expense, /^本年支出合计$/);
  const closing = expense.find((s) => /年末/.test(s.label) && /结转|结余/.test(s.label));
  if (opening < 0 || !spent || !closing) return na(`${t.role}中未找到年初结转、本年支出合计或年末结转行`);
  const comparisons: Comparison[] = [];
  const thisYear = income.slice(0, opening);
  const openingParts = income.slice(opening + 1);
  for (const f of CARRY_FUNDS) {
    const col = columnAmong(t, expense, COLUMN[f.column]);
    const total = f.column === 'total';
    const got = total ? lineOf(income, f.income) : thisYear.find((s) => f.income.test(s.label));
    const open = total ? income[opening] : openingParts.find((s) => f.income.test(s.label));
    if (col === undefined || !got) continue;
    const gotSide = lineSide(t, got, undefined, `${f.name} 本年收入`);
    const openSide = open ? lineSide(t, open, undefined, `${f.name} 年初结转`) : undefined;
    const spentSide = lineSide(t, spent, col, `${f.name} 本年支出`);
    const closeSide = lineSide(t, closing, col, `${f.name} 年末结转`);
    const a = sum([gotSide, ...(openSide ? [openSide] : [])], `${f.name} 年初结转+本年收入`);
    const b = sum([spentSide, closeSide], `${f.name} 本年支出+年末结转`);
    comparisons.push({ a, b, op: '=' });
  }
  if (comparisons.length === 0) return na(`${t.role}中未找到按资金来源列示的收支`);
  return { comparisons };
}

const FLOW_FUNDS: readonly { role: XrefRole; name: string; test: RegExp; column: keyof typeof COLUMN }[] = [
  { role: '政府性基金表', name: '政府性基金', test: /政府性基金/, column: 'fund' },
  { role: '国有资本经营表', name: '国有资本经营', test: /国有资本经营/, column: 'stateCapital' },
];

/**
 * A fund's table in the 决算 form (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余) against that fund's
 * lines of the 财政拨款收入支出决算总表: 年初 (its line under 年初结转和结余), 本年收入, 年末 (its column).
 */
function fundFlow(f: RoleTable, t: RoleTable, fund: (typeof FLOW_FUNDS)[number]): Comparison[] {
  const cols = t.view.valueColumns();
  const colOf = (test: RegExp) => cols.find((c) => test.test(c.header))?.col;
  const incomeCol = colOf(/本年收入/);
  if (incomeCol === undefined) return [];
  const { income, expense } = summaryLines(f);
  const opening = income.findIndex((s) => /年初/.test(s.label) && /结转|结余/.test(s.label));
  const thisYear = opening < 0 ? income : income.slice(0, opening);
  const got = thisYear.find((s) => fund.test.test(s.label));
  const open = opening < 0 ? undefined : income.slice(opening + 1).find((s) => fund.test.test(s.label));
  const closing = expense.find((s) => /年末/.test(s.label) && /结转|结余/.test(s.label));
  const fundCol = columnAmong(f, expense, COLUMN[fund.column]);
  const out: Comparison[] = [];
  const add = (a: Side | undefined, col: number | undefined, what: string) => {
    const b = col === undefined ? undefined : totalOf(t, col, `${what} 合计`);
    if (a && b) out.push({ a, b, op: '=' });
  };
  add(got && lineSide(f, got, undefined, `${fund.name} 本年收入`), incomeCol, '本年收入');
  add(open && lineSide(f, open, undefined, `${fund.name} 年初结转和结余`), colOf(/年初/), '年初结转和结余');
  add(closing && fundCol !== undefined ? lineSide(f, closing, fundCol, `${fund.name} 年末结转和结余`) : undefined, colOf(/年末/), '年末结转和结余');
  return [...out, ...rowCarry(t, colOf(/年初/), incomeCol, columnOf(t, 'spent'), colOf(/年末/))];
}

/** Each row of a table in the 决算 form (科目 rows and 合计): 年初结转 + 本年收入 = 本年支出 + 年末结转. */
function rowCarry(t: RoleTable, open: number | undefined, income: number, spent: number | undefined, close: number | undefined): Comparison[] {
  if (open === undefined || spent === undefined || close === undefined || spent === income) return [];
  const rows = [...t.view.byCode().entries()].map(([code, seg]) => ({ seg, name: `${code} ${seg.label}` }));
  const total = t.view.totalSegments()[0];
  if (total) rows.push({ seg: total, name: '合计' });
  return rows.map(({ seg, name }) => {
    const at = (col: number, what: string) => lineSide(t, seg, col, `${name} ${what}`);
    return { a: sum([at(open, '年初结转'), at(income, '本年收入')], `${name} 年初结转+本年收入`), b: sum([at(spent, '本年支出'), at(close, '年末结转')], `${name} 本年支出+年末结转`), op: '=' as const };
  });
}

/**
 * Sides added up. Sides from tables printed in different units (one in 元, one in 万元) are added in the
 * finest of their units, which the sum then carries.
 */
function sum(sides: Side[], what: string): Side {
  const units = sides.map(unitOf);
  const known = units.filter((u): u is AmountUnit => u !== undefined);
  const mixed = new Set(known).size > 1;
  const finest = mixed ? known.reduce((f, u) => (UNIT_FACTOR[u] < UNIT_FACTOR[f] ? u : f)) : undefined;
  const inFinest = (s: Side, u: AmountUnit | undefined) => (finest && u ? s.value.times(UNIT_FACTOR[u] / UNIT_FACTOR[finest]) : s.value);
  const placesIn = (s: Side, u: AmountUnit | undefined) => (finest && u ? Math.max(0, s.decimals - Math.round(Math.log10(UNIT_FACTOR[u] / UNIT_FACTOR[finest]))) : s.decimals);
  const out: Side = {
    table: sides[0].table,
    cell: sides[0].cell,
    more: sides.slice(1).map((s) => s.cell),
    value: sides.reduce((acc, s, i) => acc.plus(inFinest(s, units[i])), new Decimal(0)),
    decimals: Math.max(...sides.map((s, i) => placesIn(s, units[i]))),
    what,
  };
  if (finest) out.unit = finest;
  return out;
}

/**
 * The 收支总表 line that equals the 收入总表's 合计: 本年收入合计 in a 决算; in a 预算 收入总计, unless the
 * 收入总表 has no 结转 column while the 收支总表 carries 上年结转 (then 本年收入合计, or nothing to compare).
 */
function incomeTotalLine(income: Segment[], family: BookFamily, r: RoleTable): Segment | string {
  if (family === '决算') return lineOf(income, /^本年收入合计$/) ?? '收支总表中未找到本年收入合计';
  const total = lineOf(income, /^收入总计$/) ?? lineOf(income, /^总计$/);
  const carried = income.some((seg) => /结转|结余/.test(seg.label) && !/总计|合计/.test(seg.label) && seg.amounts.some((a) => !a.value.isZero()));
  const carryColumn = r.view.valueColumns().some((c) => /结转|结余/.test(c.header));
  if (total && (!carried || carryColumn)) return total;
  const thisYear = lineOf(income, /^本年收入(合计|小计)?$/);
  if (thisYear) return thisYear;
  return total ? '收支总表含上年结转，收入总表没有结转列，无法对应' : '收支总表中未找到收入总计';
}

const T = (book: Book, role: XrefRole): RoleTable => book.tables.get(role) as RoleTable;

/** A table's 项目支出 column and the 项目支出表 column it is compared with, or why they cannot be compared. */
function projectColumns(
  book: Book,
  role: '一般公共预算支出表' | '支出总表',
  projectColumn: (p: RoleTable) => number | string,
): { t: RoleTable; col: number; p: RoleTable; pCol: number } | RuleRun {
  const t = T(book, role);
  const p = T(book, '项目支出表');
  const col = columnOf(t, 'project');
  if (col === undefined) return na(`${role}中未找到“项目支出”列`);
  const pCol = projectColumn(p);
  if (typeof pCol === 'string') return na(pCol);
  return { t, col, p, pCol };
}

export const XREF_RULES: readonly XrefRuleDef[] = [
  {
    id: 'xref.total.income',
    rule: 'xref.total',
    name: '收支总表 收入总计 = 收入总表 合计（决算：本年收入合计 = 收入决算表 合计）',
    needs: ['收支总表', '收入总表'],
    run(book) {
      const s = T(book, '收支总表');
      const r = T(book, '收入总表');
      const { income } = summaryLines(s);
      const line = incomeTotalLine(income, book.family, r);
      if (typeof line === 'string') return na(line);
      return pair(lineSide(s, line, undefined, plainLabel(line.label)), requireTotal(r, columnOf(r, 'total'), '合计'));
    },
  },
  {
    id: 'xref.total.expense',
    rule: 'xref.total',
    name: '收入支出决算总表 本年支出合计 = 支出决算表 合计',
    needs: ['收支总表', '支出总表'],
    family: '决算',
    run(book) {
      const s = T(book, '收支总表');
      const e = T(book, '支出总表');
      return pair(expenseTotal(s, 'total', '支出'), requireTotal(e, columnOf(e, 'total'), '合计'));
    },
  },
  {
    id: 'xref.by-code.expense',
    rule: 'xref.by-code',
    name: '收支总表 支出（按类）= 支出总表 合计（按类）',
    needs: ['收支总表', '支出总表'],
    run(book, year) {
      const s = T(book, '收支总表');
      const e = T(book, '支出总表');
      const { expense } = summaryLines(s);
      return classComparisons(s, columnAmong(s, expense, COLUMN.total), '', e, columnOf(e, 'total'), year);
    },
  },
  {
    id: 'xref.total.fiscal-expense',
    rule: 'xref.total',
    name: '财政拨款收支总表 支出合计 = 一般公共预算支出表 + 政府性基金表 + 国有资本经营表 合计',
    needs: ['财政拨款收支总表', '一般公共预算支出表', '政府性基金表', '国有资本经营表'],
    run(book) {
      const f = T(book, '财政拨款收支总表');
      const parts = (['一般公共预算支出表', '政府性基金表', '国有资本经营表'] as const).map((role) => {
        const t = T(book, role);
        return requireTotal(t, columnOf(t, 'spent'), `${role.replace(/表$/, '')}合计`);
      });
      const missing = parts.find((p): p is string => typeof p === 'string');
      if (missing) return na(missing);
      return pair(expenseTotal(f, 'total', '合计'), sum(parts as Side[], '三表合计之和'));
    },
  },
  {
    id: 'xref.by-code.general-budget',
    rule: 'xref.by-code',
    name: '财政拨款收支总表 一般公共预算（按类）= 一般公共预算支出表 合计（按类）',
    needs: ['财政拨款收支总表', '一般公共预算支出表'],
    run(book, year) {
      const f = T(book, '财政拨款收支总表');
      const g = T(book, '一般公共预算支出表');
      const col = columnAmong(f, summaryLines(f).expense, COLUMN.general);
      if (col === undefined) return na('财政拨款收支总表中未找到“一般公共预算”列');
      return classComparisons(f, col, '一般公共预算', g, columnOf(g, 'total'), year);
    },
  },
  {
    id: 'xref.total.general-budget',
    rule: 'xref.total',
    name: '财政拨款收支总表 一般公共预算 支出合计 = 一般公共预算支出表 合计',
    needs: ['财政拨款收支总表', '一般公共预算支出表'],
    run(book) {
      const f = T(book, '财政拨款收支总表');
      const g = T(book, '一般公共预算支出表');
      return pair(expenseTotal(f, 'general', '一般公共预算'), requireTotal(g, columnOf(g, 'total'), '合计'));
    },
  },
  {
    id: 'xref.total.basic',
    rule: 'xref.total',
    name: '一般公共预算支出表 基本支出 合计 = 基本支出表 合计',
    needs: ['一般公共预算支出表', '基本支出表'],
    run(book) {
      const g = T(book, '一般公共预算支出表');
      const b = T(book, '基本支出表');
      const col = columnOf(g, 'basic');
      if (col === undefined) return na('一般公共预算支出表中未找到“基本支出”列');
      const bCol = b.view.column(COLUMN.total[0]);
      return pair(requireTotal(g, col, '基本支出 合计'), requireTotal(b, bCol, '合计'));
    },
  },
  {
    id: 'xref.total.project',
    rule: 'xref.total',
    name: '一般公共预算支出表 项目支出 合计 = 项目支出表 一般公共预算 合计',
    needs: ['一般公共预算支出表', '项目支出表'],
    run(book) {
      const c = projectColumns(book, '一般公共预算支出表', projectGeneralColumn);
      return 'pCol' in c ? pair(requireTotal(c.t, c.col, '项目支出 合计'), requireTotal(c.p, c.pCol, '一般公共预算 合计')) : c;
    },
  },
  {
    id: 'xref.total.project-expense',
    rule: 'xref.total',
    name: '支出总表 项目支出 合计 = 项目支出表 合计',
    needs: ['支出总表', '项目支出表'],
    run(book) {
      const c = projectColumns(book, '支出总表', projectWholeColumn);
      return 'pCol' in c ? pair(requireTotal(c.t, c.col, '项目支出 合计'), requireTotal(c.p, c.pCol, '合计')) : c;
    },
  },
  {
    id: 'xref.by-code.project',
    rule: 'xref.by-code',
    name: '一般公共预算支出表 项目支出（按科目）= 项目支出表 一般公共预算（按科目）',
    needs: ['一般公共预算支出表', '项目支出表'],
    run(book) {
      const c = projectColumns(book, '一般公共预算支出表', projectGeneralColumn);
      return 'pCol' in c ? codeComparisons(c.t, c.col, '项目支出', c.p, c.pCol, '一般公共预算') : c;
    },
  },
  {
    id: 'xref.by-code.project-expense',
    rule: 'xref.by-code',
    name: '支出总表 项目支出（按科目）= 项目支出表 合计（按科目）',
    needs: ['支出总表', '项目支出表'],
    run(book) {
      const c = projectColumns(book, '支出总表', projectWholeColumn);
      return 'pCol' in c ? codeComparisons(c.t, c.col, '项目支出', c.p, c.pCol, '') : c;
    },
  },
  {
    id: 'xref.total.fiscal-income',
    rule: 'xref.total',
    name: '收入总表 财政拨款 合计 = 财政拨款收支总表 本年收入',
    needs: ['收入总表', '财政拨款收支总表'],
    run(book) {
      const r = T(book, '收入总表');
      const col = columnOf(r, 'fiscal');
      if (col === undefined) return na('收入总表中未找到“财政拨款”列');
      return pair(requireTotal(r, col, '财政拨款 合计'), fiscalIncome(T(book, '财政拨款收支总表')));
    },
  },
  {
    id: 'xref.by-code.income-expense',
    rule: 'xref.by-code',
    name: '收入总表 合计（按科目）= 支出总表 合计（按科目）',
    needs: ['收入总表', '支出总表'],
    family: '预算',
    run(book) {
      const r = T(book, '收入总表');
      const e = T(book, '支出总表');
      return codeComparisons(r, columnOf(r, 'total'), '', e, columnOf(e, 'total'), '', '收入总表或支出总表中未找到按科目编码列示的行');
    },
  },
  {
    id: 'xref.total.carry-over',
    rule: 'xref.total',
    name: '财政拨款收入支出决算总表 每种资金：年初结转 + 本年收入 = 本年支出 + 年末结转',
    needs: ['财政拨款收支总表'],
    family: '决算',
    run(book) {
      return carryOver(T(book, '财政拨款收支总表'));
    },
  },
  {
    id: 'xref.total.fund-flow',
    rule: 'xref.total',
    name: '政府性基金表、国有资本经营表（决算式）每行 年初结转 + 本年收入 = 本年支出 + 年末结转，其年初结转、本年收入、年末结转 = 财政拨款收入支出决算总表 该资金的',
    needs: ['财政拨款收支总表'],
    family: '决算',
    run(book) {
      const f = T(book, '财政拨款收支总表');
      const comparisons = FLOW_FUNDS.flatMap((fund) => {
        const t = book.tables.get(fund.role);
        return t ? fundFlow(f, t, fund) : [];
      });
      if (comparisons.length === 0) return na('政府性基金表、国有资本经营表未按年初结转、本年收入、年末结转列示');
      return { comparisons };
    },
  },
  {
    id: 'xref.bound.three-public',
    rule: 'xref.bound',
    name: '三公经费表 各项 ≥ 基本支出表 对应经济分类（30212、30217、30231、31013）',
    needs: ['三公经费表', '基本支出表'],
    run(book) {
      const items = threePublicItems(T(book, '三公经费表'), book.family);
      if (items.size === 0) return na('三公经费表中未找到因公出国（境）费、公务接待费、公务用车费等项目');
      const b = T(book, '基本支出表');
      const lines = byCode(b, b.view.column(COLUMN.total[0]));
      const comparisons: Comparison[] = [];
      for (const [code, item] of items) {
        const it = THREE_PUBLIC.find((x) => x.code === code);
        if (!it) continue;
        // The line the code names, checked by its name; else the line named so (a book numbering its own codes).
        const byName = (l: Side | undefined) => !!l && it.line.test(squash(l.what));
        const coded = lines.get(code);
        const line = byName(coded) ? coded : [...lines.values()].find(byName);
        if (line) comparisons.push({ a: item, b: line, op: '>=' });
      }
      if (comparisons.length === 0) return na('基本支出表中没有因公出国（境）费用、公务接待费、公务用车运行维护费、公务用车购置等科目');
      return { comparisons };
    },
  },
];
