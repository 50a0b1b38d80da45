/**
 * Layout families of real published 预算/决算 books (issue 11), with their ground truth:
 *  - two-sided 收支总表 whose 本年收入合计 and 本年支出合计 differ by 结转 lines, then 总计 | 总计,
 *    with ruled empty rows before the 合计 line;
 *  - classification tables with 合计 written in the 类 | 款 | 项 row, 款/项 sometimes without leading zero;
 *  - 基本支出 printed as two halves side by side (人员经费 | 公用经费), each with its codes and 合计;
 *  - empty 政府性基金 / 国有资本经营 tables (header, maybe "无", ruled rows, 合计, 空表说明);
 *  - 绩效目标表 in the 上海 wording (项目资金总额, 年度资金申请总额, 其中：当年财政拨款, 上年结转资金),
 *    sometimes with another table to their right.
 * Each relation is recorded with the parts the engine should name (parent = its direct children,
 * a 合计 = the top-level rows), so tests can score cells and parts.
 */
import { Grid } from '../../../src/core/grid';
import { toA1 } from '../../../src/core/grid/address';
import { Cents, Rng, SheetBuilder, TruthTable } from './sheetBuilder';
import { allocationTable, Placed, writeNote } from './tables';

interface Style {
  decimals: number;
  unit: string;
}

function styleOf(rng: Rng): Style {
  const yuan = rng.chance(0.4);
  return { decimals: yuan ? rng.pick([0, 2]) : 2, unit: yuan ? '单位：元' : '单位：万元' };
}

function money(rng: Rng, st: Style): Cents {
  const v = rng.int(1, 900000) + (rng.chance(0.3) ? rng.int(1, 50) * 100000 : 0);
  return st.decimals > 0 ? v : v * 100;
}

function amt(b: SheetBuilder, st: Style, r: number, c: number, v: Cents | undefined): void {
  b.amount(r, c, v === 0 ? undefined : v, { decimals: st.decimals });
}

/** Splits a total into n parts (some zero). */
function split(rng: Rng, total: Cents, n: number, st: Style): Cents[] {
  const out: Cents[] = [];
  let rest = total;
  const unit = st.decimals > 0 ? 1 : 100;
  for (let i = 0; i < n - 1; i++) {
    const s = rng.chance(0.25) ? 0 : Math.floor((rest * rng.next() * 0.6) / unit) * unit;
    out.push(s);
    rest -= s;
  }
  out.push(rest);
  return rng.shuffle(out);
}

function title(b: SheetBuilder, rng: Rng, st: Style, top: number, left: number, right: number, text: string): number {
  b.text(top, left, text);
  b.merge(top, left, top, right);
  b.text(top + 1, right, rng.chance(0.5) ? `编制部门：上海市普陀区司法局 ${st.unit}` : st.unit);
  return top + 2;
}

const blankRows = (rng: Rng, max: number) => (rng.chance(0.5) ? 0 : rng.int(1, max));

// ------------------------------------------------------------------ 收支总表 with 结转 lines and 总计

const INCOME = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入', '事业收入', '经营收入', '其他收入'];
const EXPENSE = ['一般公共服务支出', '公共安全支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '城乡社区支出', '住房保障支出', '其他支出'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 收入总计 | 支出总计 pairs that must be equal (sum.balance), by builder. */
const BALANCES = new WeakMap<SheetBuilder, [[number, number], [number, number]][]>();

export function carrySummaryTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const st = styleOf(rng);
  const juesuan = rng.chance(0.5);
  const col = juesuan ? '决算数' : '预算数';
  const [lL, lA, rL, rA] = [left, left + 1, left + 2, left + 3];
  let r = title(b, rng, st, top, left, rA, juesuan ? '收入支出决算总表' : '财务收支预算总表');
  const headerTop = r;
  b.text(r, lL, juesuan ? '收入' : '本年收入');
  b.merge(r, lL, r, lA);
  b.text(r, rL, juesuan ? '支出' : '本年支出');
  b.merge(r, rL, r, rA);
  b.text(r + 1, lL, '项目');
  b.text(r + 1, lA, col);
  b.text(r + 1, rL, '项目');
  b.text(r + 1, rA, col);
  r += 2;
  const nIn = rng.int(3, INCOME.length);
  const nOut = rng.int(3, EXPENSE.length);
  // 本年收入 + 年初结转 = 本年支出 + 年末结转 (= 总计).
  const inYear = split(rng, money(rng, st) * 3, nIn, st);
  const carryInCount = rng.int(1, 3);
  const carryIn = Array.from({ length: carryInCount }, () => (rng.chance(0.3) ? 0 : money(rng, st)));
  const grand = inYear.reduce((s, x) => s + x, 0) + carryIn.reduce((s, x) => s + x, 0);
  const carryOutCount = rng.int(1, 2);
  const carryOut = Array.from({ length: carryOutCount }, () => (rng.chance(0.3) ? 0 : Math.floor(grand / (10 + rng.int(0, 20)))));
  const outYear = split(rng, grand - carryOut.reduce((s, x) => s + x, 0), nOut, st);
  const rows = Math.max(nIn, nOut);
  for (let i = 0; i < rows; i++) {
    if (i < nIn) {
      b.text(r + i, lL, `${CN[i]}、${INCOME[i]}`);
      amt(b, st, r + i, lA, inYear[i]);
    }
    if (i < nOut) {
      b.text(r + i, rL, `${CN[i]}、${EXPENSE[i]}`);
      amt(b, st, r + i, rA, outYear[i]);
    }
  }
  const yearRow = r + rows + blankRows(rng, 10);
  b.text(yearRow, lL, '本年收入合计');
  b.text(yearRow, rL, '本年支出合计');
  amt(b, st, yearRow, lA, inYear.reduce((s, x) => s + x, 0));
  amt(b, st, yearRow, rA, outYear.reduce((s, x) => s + x, 0));
  b.relate([yearRow, lA], Array.from({ length: nIn }, (_, i) => [r + i, lA] as [number, number]));
  b.relate([yearRow, rA], Array.from({ length: nOut }, (_, i) => [r + i, rA] as [number, number]));
  const inLabels = rng.shuffle(['使用非财政拨款结余', '年初结转和结余', '上年结转结余']).slice(0, carryInCount);
  const outLabels = rng.shuffle(['结余分配', '年末结转和结余']).slice(0, carryOutCount);
  const lines = Math.max(carryInCount, carryOutCount);
  for (let i = 0; i < lines; i++) {
    if (i < carryInCount) {
      b.text(yearRow + 1 + i, lL, inLabels[i]);
      amt(b, st, yearRow + 1 + i, lA, carryIn[i]);
    }
    if (i < carryOutCount) {
      b.text(yearRow + 1 + i, rL, outLabels[i]);
      amt(b, st, yearRow + 1 + i, rA, carryOut[i]);
    }
  }
  const totalRow = yearRow + lines + 1;
  const words = rng.pick([['总计', '总计'], ['收入总计', '支出总计']]);
  b.text(totalRow, lL, words[0]);
  b.text(totalRow, rL, words[1]);
  amt(b, st, totalRow, lA, grand);
  amt(b, st, totalRow, rA, grand);
  b.relate([totalRow, lA], [[yearRow, lA], ...Array.from({ length: carryInCount }, (_, i) => [yearRow + 1 + i, lA] as [number, number])]);
  b.relate([totalRow, rA], [[yearRow, rA], ...Array.from({ length: carryOutCount }, (_, i) => [yearRow + 1 + i, rA] as [number, number])]);
  BALANCES.set(b, [...(BALANCES.get(b) ?? []), [[totalRow, rA], [totalRow, lA]]]);
  b.tables.push({ range: { top: headerTop, left, bottom: totalRow, right: rA }, kind: 'summary' });
  return { bottom: totalRow, right: rA };
}

// ------------------------------------------------------------------ 类/款/项 with 合计 in the code row

const LEI: [string, string][] = [
  ['201', '一般公共服务支出'], ['204', '公共安全支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'], ['212', '城乡社区支出'], ['221', '住房保障支出'],
];
const KUAN = ['行政事业单位养老支出', '财政事务', '行政事业单位医疗', '住房改革支出', '司法', '城乡社区管理事务'];
const XIANG = ['行政运行', '一般行政管理事务', '机关服务', '信息化建设', '事业运行', '其他支出'];

/** A code part as the sheet writes it: "06", or "6" when the export dropped the leading zero. */
const part = (n: number, noZero: boolean) => (noZero ? String(n) : String(n).padStart(2, '0'));

interface CodeRow {
  level: 0 | 1 | 2;
  lei: string;
  kuan?: number;
  xiang?: number;
  name: string;
  values: Cents[];
  parent?: number;
}

/** 类 → 款 → 项 rows whose amounts nest; values per amount column, the first the row total of the rest. */
function codeRows(rng: Rng, st: Style, nCols: number): CodeRow[] {
  const rows: CodeRow[] = [];
  const leis = rng.shuffle(LEI).slice(0, rng.int(1, 4)).sort((a, b) => a[0].localeCompare(b[0]));
  const leaf = (): Cents[] => {
    if (nCols === 1) return [money(rng, st)];
    const parts: Cents[] = Array.from({ length: nCols - 1 }, () => (rng.chance(0.4) ? 0 : money(rng, st)));
    if (!parts.some((p) => p !== 0)) parts[0] = money(rng, st);
    return [parts.reduce((s, x) => s + x, 0), ...parts];
  };
  const add = (vals: Cents[][]): Cents[] => vals.reduce((acc, v) => acc.map((x, i) => x + v[i]), new Array(vals[0].length).fill(0));
  for (const [lei, name] of leis) {
    const leiIndex = rows.length;
    rows.push({ level: 0, lei, name, values: [] });
    const kuans = rng.shuffle([1, 2, 3, 5, 6, 8, 11, 99]).slice(0, rng.int(1, 2)).sort((a, b) => a - b);
    const kuanVals: Cents[][] = [];
    for (const k of kuans) {
      const kIndex = rows.length;
      rows.push({ level: 1, lei, kuan: k, name: rng.pick(KUAN), values: [], parent: leiIndex });
      const xiangs = rng.shuffle([1, 2, 3, 4, 5, 6, 7, 99]).slice(0, rng.int(1, 3)).sort((a, b) => a - b);
      const xs: Cents[][] = [];
      for (const x of xiangs) {
        const v = leaf();
        xs.push(v);
        rows.push({ level: 2, lei, kuan: k, xiang: x, name: rng.pick(XIANG), values: v, parent: kIndex });
      }
      rows[kIndex].values = add(xs);
      kuanVals.push(rows[kIndex].values);
    }
    rows[leiIndex].values = add(kuanVals);
  }
  return rows;
}

/** Writes code rows from `r`; relates parents to children and the row totals; returns the rows' sheet rows. */
function writeCodeRows(b: SheetBuilder, st: Style, rows: CodeRow[], r: number, codeCols: number[], nameCol: number, amountCols: number[], noZero: boolean): number[] {
  const at: number[] = [];
  rows.forEach((row, i) => {
    const sr = r + i;
    at.push(sr);
    b.text(sr, codeCols[0], row.lei);
    if (row.kuan !== undefined && codeCols[1] !== undefined) b.text(sr, codeCols[1], part(row.kuan, noZero));
    if (row.xiang !== undefined && codeCols[2] !== undefined) b.text(sr, codeCols[2], part(row.xiang, noZero));
    b.text(sr, nameCol, row.name);
    amountCols.forEach((c, k) => amt(b, st, sr, c, row.values[k]));
    if (amountCols.length > 1) b.relate([sr, amountCols[0]], amountCols.slice(1).map((c) => [sr, c] as [number, number]));
  });
  rows.forEach((row, i) => {
    const kids = rows.map((x, k) => (x.parent === i ? k : -1)).filter((k) => k >= 0);
    if (kids.length) for (const c of amountCols) b.relate([at[i], c], kids.map((k) => [at[k], c] as [number, number]));
  });
  return at;
}

export function codeRowTotalTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const st = styleOf(rng);
  const noZero = rng.chance(0.4);
  const heads = rng.pick([['本年收入合计', '财政拨款收入', '事业收入', '其他收入'], ['合计', '基本支出', '项目支出'], ['决算数']]);
  const [lei, kuan, xiang, nameCol] = [left, left + 1, left + 2, left + 3];
  const amountCols = heads.map((_, i) => left + 4 + i);
  const right = amountCols[amountCols.length - 1];
  let r = title(b, rng, st, top, left, right, rng.pick(['收入决算表', '支出决算表', '一般公共预算财政拨款支出决算表']));
  const headerTop = r;
  b.text(r, left, '项目');
  b.merge(r, left, r, nameCol);
  heads.forEach((h, i) => {
    b.text(r, amountCols[i], h);
    b.merge(r, amountCols[i], r + 1, amountCols[i]);
  });
  b.text(r + 1, left, '支出功能分类科目编码');
  b.merge(r + 1, left, r + 1, xiang);
  b.text(r + 1, nameCol, '科目名称');
  r += 2;
  // The 类 | 款 | 项 row carries the 合计 and its amounts.
  const rows = codeRows(rng, st, amountCols.length);
  b.text(r, lei, '类');
  b.text(r, kuan, '款');
  b.text(r, xiang, '项');
  b.text(r, nameCol, '合计');
  const tops = rows.map((x, i) => (x.level === 0 ? i : -1)).filter((i) => i >= 0);
  amountCols.forEach((c, k) => amt(b, st, r, c, tops.reduce((s, i) => s + rows[i].values[k], 0)));
  if (amountCols.length > 1) b.relate([r, amountCols[0]], amountCols.slice(1).map((c) => [r, c] as [number, number]));
  const at = writeCodeRows(b, st, rows, r + 1, [lei, kuan, xiang], nameCol, amountCols, noZero);
  for (const c of amountCols) b.relate([r, c], tops.map((i) => [at[i], c] as [number, number]));
  const bottom = at[at.length - 1];
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'classification' });
  return { bottom, right };
}

// ------------------------------------------------------------------ 基本支出 as two halves

const ECON: Record<string, { name: string; kids: [number, string][] }> = {
  '301': { name: '工资福利支出', kids: [[1, '基本工资'], [2, '津贴补贴'], [3, '奖金'], [8, '机关事业单位基本养老保险缴费'], [12, '其他社会保障缴费'], [13, '住房公积金'], [99, '其他工资福利支出']] },
  '303': { name: '对个人和家庭的补助', kids: [[1, '离休费'], [2, '退休费'], [5, '生活补助'], [99, '其他对个人和家庭的补助']] },
  '302': { name: '商品和服务支出', kids: [[1, '办公费'], [2, '印刷费'], [5, '水费'], [6, '电费'], [7, '邮电费'], [11, '差旅费'], [28, '工会经费'], [29, '福利费'], [99, '其他商品和服务支出']] },
  '310': { name: '资本性支出', kids: [[2, '办公设备购置'], [7, '信息网络及软件购置更新'], [99, '其他资本性支出']] },
};

export function twoHalvesTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const st = styleOf(rng);
  const noZero = rng.chance(0.3);
  const head = rng.pick(['决算数', '预算数', '金额']);
  const half = (l: number) => ({ lei: l, kuan: l + 1, name: l + 2, amount: l + 3 });
  const L = half(left);
  const R = half(left + 4);
  const right = R.amount;
  let r = title(b, rng, st, top, left, right, '一般公共预算财政拨款基本支出决算表');
  const headerTop = r;
  for (const h of [L, R]) {
    b.text(r, h.lei, '经济分类');
    b.merge(r, h.lei, r, h.kuan);
    b.text(r + 1, h.lei, '科目编码');
    b.merge(r + 1, h.lei, r + 1, h.kuan);
    b.text(r + 2, h.lei, '类');
    b.text(r + 2, h.kuan, '款');
    b.text(r, h.name, '科目名称');
    b.merge(r, h.name, r + 2, h.name);
    b.text(r, h.amount, head);
    b.merge(r, h.amount, r + 2, h.amount);
  }
  r += 3;
  const body = (codes: string[]): CodeRow[] => {
    const rows: CodeRow[] = [];
    for (const code of codes) {
      const e = ECON[code];
      const at = rows.length;
      rows.push({ level: 0, lei: code, name: e.name, values: [0] });
      const kids = e.kids.filter(() => rng.chance(0.7));
      if (kids.length === 0) kids.push(e.kids[0]);
      for (const [k, name] of kids) {
        const v = rng.chance(0.3) ? 0 : money(rng, st);
        rows.push({ level: 1, lei: code, kuan: k, name, values: [v], parent: at });
        rows[at].values[0] += v;
      }
    }
    return rows;
  };
  const leftRows = body(['301', '303']);
  const rightRows = body(['302', '310']);
  const written = (rows: CodeRow[], h: ReturnType<typeof half>) => writeCodeRows(b, st, rows, r, [h.lei, h.kuan], h.name, [h.amount], noZero);
  const leftAt = written(leftRows, L);
  const rightAt = written(rightRows, R);
  const totalRow = r + Math.max(leftRows.length, rightRows.length);
  const close = (rows: CodeRow[], at: number[], h: ReturnType<typeof half>, label: string) => {
    b.text(totalRow, h.lei, label);
    b.merge(totalRow, h.lei, totalRow, h.name);
    const tops = rows.map((x, i) => (x.level === 0 ? i : -1)).filter((i) => i >= 0);
    amt(b, st, totalRow, h.amount, tops.reduce((s, i) => s + rows[i].values[0], 0));
    b.relate([totalRow, h.amount], tops.map((i) => [at[i], h.amount] as [number, number]));
  };
  close(leftRows, leftAt, L, '人员经费合计');
  close(rightRows, rightAt, R, '公用经费合计');
  b.tables.push({ range: { top: headerTop, left, bottom: totalRow, right }, kind: 'classification' });
  return { bottom: totalRow, right };
}

// ------------------------------------------------------------------ empty tables with a 空表说明

export function emptyTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const st = styleOf(rng);
  const fund = rng.pick(['政府性基金预算', '国有资本经营预算']);
  const heads = rng.pick([['合计', '基本支出', '项目支出'], ['年初结转和结余', '本年收入', '本年支出', '年末结转和结余']]);
  const nameCol = left + 3;
  const right = nameCol + heads.length;
  let r = title(b, rng, st, top, left, right, `${fund}支出功能分类预算表`);
  const headerTop = r;
  b.text(r, left, '功能分类科目编码');
  b.merge(r, left, r, left + 2);
  b.text(r, nameCol, '功能分类科目名称');
  b.merge(r, nameCol, r + 1, nameCol);
  heads.forEach((h, i) => {
    b.text(r, nameCol + 1 + i, h);
    b.merge(r, nameCol + 1 + i, r + 1, nameCol + 1 + i);
  });
  b.text(r + 1, left, '类');
  b.text(r + 1, left + 1, '款');
  b.text(r + 1, left + 2, '项');
  r += 2;
  if (rng.chance(0.4)) b.text(r, left, '无');
  const totalRow = r + rng.int(3, 14);
  b.text(totalRow, left, '合计');
  if (rng.chance(0.5)) b.merge(totalRow, left, totalRow, nameCol);
  b.text(totalRow + 1, left, `注：本部门无${fund}财政拨款安排的支出，故本表为空表。`);
  b.tables.push({ range: { top: headerTop, left, bottom: totalRow, right }, kind: 'classification' });
  return { bottom: totalRow + 1, right };
}

// ------------------------------------------------------------------ 上海 绩效目标表

export interface PerfTruth {
  /** The 年度资金申请总额 value cell and its parts, when the funds block has them. */
  funds?: { total: string; parts: string[]; mismatch: boolean };
}

export function shanghaiPerfTable(b: SheetBuilder, rng: Rng, top: number, left: number, truth: PerfTruth, planted: boolean): Placed {
  const right = left + 4;
  b.text(top, left, '项目绩效目标表');
  b.merge(top, left, top, right);
  b.text(top + 1, right, '单位：万元');
  let r = top + 2;
  const tableTop = r;
  b.text(r, left, '项目名称');
  b.text(r, left + 1, rng.pick(['法律援助服务', '人民调解工作经费', '社区矫正工作经费', '公共法律服务体系建设']));
  b.merge(r, left + 1, r, right);
  r++;
  b.text(r, left, '主管部门及代码');
  b.text(r, left + 1, '[123]上海市普陀区司法局');
  b.text(r, left + 3, '实施单位');
  b.text(r, left + 4, '上海市普陀区司法局');
  r++;
  if (rng.chance(0.5)) {
    b.text(r, left, rng.pick(['项目属性', '项目起止时间']));
    b.text(r, left + 1, rng.pick(['经常性项目', '2026年1月1日—2026年12月31日']));
    b.merge(r, left + 1, r, right);
    r++;
  }
  const fiscal = rng.int(10, 900) * 100 + rng.int(0, 99);
  const carried = rng.chance(0.4) ? 0 : rng.int(1, 90) * 100;
  const annual = fiscal + carried + (planted ? rng.pick([1, -1, 100, -2500]) : 0);
  const fundsTop = r;
  const lines: [string, number][] = [
    ['项目资金总额', annual + rng.int(0, 3) * 1000],
    ['年度资金申请总额', annual],
    ['其中：当年财政拨款', fiscal],
    ['上年结转资金', carried],
  ];
  b.text(r, left, '项目资金（万元）');
  b.merge(r, left, r + lines.length - 1, left);
  for (const [label, v] of lines) {
    b.text(r, left + 1, label);
    b.set(r, left + 2, { value: v / 100, numberFormat: '0.00' });
    b.merge(r, left + 2, r, right);
    r++;
  }
  truth.funds = { total: toA1(fundsTop + 1, left + 2), parts: [toA1(fundsTop + 2, left + 2), toA1(fundsTop + 3, left + 2)], mismatch: annual !== fiscal + carried };
  b.text(r, left, '年度绩效目标');
  b.text(r, left + 1, '完成年度工作任务，提升公共法律服务水平。');
  b.merge(r, left + 1, r, right);
  r++;
  ['一级指标', '二级指标', '三级指标', '指标值', '分值'].forEach((h, i) => b.text(r, left + i, h));
  r++;
  const indicators: [string, string, string, string][] = [
    ['产出指标', '数量指标', '服务案件数', '≥500件'],
    ['产出指标', '质量指标', '案件办结率', '≥95%'],
    ['产出指标', '时效指标', '按时完成率', '100%'],
    ['效益指标', '社会效益指标', '群众法律服务获得感', '逐步提升'],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'],
  ];
  const weights = [20, 20, 20, 20, 20];
  indicators.forEach((ind, i) => {
    ind.forEach((t, k) => b.text(r, left + k, t));
    b.set(r, left + 4, { value: weights[i] });
    r++;
  });
  b.tables.push({ range: { top: tableTop, left, bottom: r - 1, right }, kind: 'performance' });
  return { bottom: r - 1, right };
}

// ------------------------------------------------------------------ whole sheets

export type RealFamily = 'carry-summary' | 'code-row-total' | 'two-halves' | 'empty' | 'perf' | 'perf-beside';
export const REAL_FAMILIES: RealFamily[] = ['carry-summary', 'code-row-total', 'two-halves', 'empty', 'perf', 'perf-beside'];

export interface GeneratedRealSheet {
  family: RealFamily;
  grid: Grid;
  tables: TruthTable[];
  /** A1 of total cells whose stated value differs from the sum of their parts, with the parts. */
  mismatches: Map<string, string[][]>;
  perf: PerfTruth;
}

/** One sheet of one family (chosen by the seed), with 0–2 planted single-cell errors. */
export function generateRealSheet(seed: number, opts: { errors?: boolean } = {}): GeneratedRealSheet {
  const rng = new Rng(seed * 7919 + 17);
  const family = REAL_FAMILIES[seed % REAL_FAMILIES.length];
  const b = new SheetBuilder();
  const perf: PerfTruth = {};
  const errors = opts.errors !== false;
  const top = rng.int(0, 1);
  let perfPlanted = false;
  switch (family) {
    case 'carry-summary':
      carrySummaryTable(b, rng, top, 0);
      break;
    case 'code-row-total':
      codeRowTotalTable(b, rng, top, 0);
      break;
    case 'two-halves':
      twoHalvesTable(b, rng, top, 0);
      break;
    case 'empty': {
      const placed = emptyTable(b, rng, top, 0);
      if (rng.chance(0.5)) codeRowTotalTable(b, rng, placed.bottom + 2 + rng.int(0, 2), 0);
      break;
    }
    case 'perf':
    case 'perf-beside': {
      perfPlanted = errors && rng.chance(0.5);
      const placed = shanghaiPerfTable(b, rng, top, 0, perf, perfPlanted);
      if (family === 'perf-beside') allocationTable(b, rng, top + 2, placed.right + 2);
      else writeNote(b, rng, placed.bottom + 1, 0, placed.right);
      break;
    }
  }
  if (errors && !perfPlanted) {
    const cells = [...b.plantable.values()];
    const n = cells.length === 0 || rng.chance(0.2) ? 0 : rng.int(1, 2);
    for (let i = 0; i < n; i++) b.plant(rng.pick(cells), rng.chance(0.4) ? rng.pick([1, -1]) : rng.pick([1, -1]) * rng.int(2, 500000));
  }
  const mismatches = new Map<string, string[][]>();
  const failing = b.mismatches();
  for (const rel of b.relations) {
    const cell = toA1(rel.total[0], rel.total[1]);
    if (!failing.has(cell)) continue;
    const list = mismatches.get(cell) ?? [];
    list.push(rel.parts.map(([r, c]) => toA1(r, c)));
    mismatches.set(cell, list);
  }
  // 支出总计 ≠ 收入总计 is a mismatch of its own when neither 总计 already differs from its own parts.
  for (const [expense, income] of BALANCES.get(b) ?? []) {
    const [e, i] = [toA1(...expense), toA1(...income)];
    const ev = b.amounts.get(expense.join(','));
    const iv = b.amounts.get(income.join(','));
    if (ev !== undefined && iv !== undefined && ev !== iv && !failing.has(e) && !failing.has(i)) mismatches.set(e, [[i]]);
  }
  return { family, grid: b.grid(`真实版式${seed}`), tables: b.tables, mismatches, perf };
}
