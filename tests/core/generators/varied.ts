/**
 * Varied generated sheets, for what real books do and the first generator (tables.ts) did not: money
 * columns named with 价格/标准/比例/率, real 单价/标准 columns beside them, several typos in one table,
 * consistent typos (a total and the 合计 above it both changed), blank parts under a non-zero total,
 * code + name cells whose name starts with 人, 三公 tables (one row of columns, or paired 预算数 | 决算数
 * columns), differently worded and merged multi-row headers, units in 元 and 万元, 0 or 2 decimals.
 *
 * The ground truth keeps, for every total cell that ends up different from the sum of its parts, the parts
 * of each relation it breaks (blank parts count 0), so a finding is right only with the right cell and
 * the right parts.
 */
import { toA1 } from '../../../src/core/grid/address';
import type { Grid } from '../../../src/core/grid';
import { Cents, Rng, SheetBuilder, sumCents, TruthTable } from './sheetBuilder';
import { writeNote } from './tables';

interface Style {
  decimals: number;
  text: number;
}

interface Placed {
  bottom: number;
  right: number;
  /** Money cells that may take a typo: body cells of part columns and totals. */
  typoCells: [number, number][];
  /** Consistent typos: cells changed together by the same amount. */
  pairs: [number, number][][];
  /** A row whose parts may be cleared, leaving its total: [total cell, part cells, cells above that sum them]. */
  blankable: { total: [number, number]; parts: [number, number][]; sums: [number, number][] }[];
}

const UNITS = [
  '汉滨区', '汉阴县', '石泉县', '宁陕县', '紫阳县', '岚皋县', '平利县', '镇坪县', '旬阳市', '白河县', '普陀区', '长寿路街道',
  '万里街道', '真如镇街道', '市本级', '区卫健委', '区医保局', '社会福利院', '区人民医院', '区中心医院', '区疾控中心',
];
const FUNDS = [
  '基金监管补助', '价格招采监测补助', '医药价格监测补助', '提高补助标准资金', '比例分担资金', '贷款贴息及利率补助', '中央资金',
  '省级资金', '市级配套资金', '信息化建设补助', '费率调整补助', '一般性转移支付', '专项转移支付', '标准化建设补助',
];
const LEI: [string, string, [string, string][]][] = [
  ['201', '一般公共服务支出', [['01', '人大事务'], ['03', '政府办公厅（室）及相关机构事务'], ['29', '群众团体事务']]],
  ['208', '社会保障和就业支出', [['01', '人力资源和社会保障管理事务'], ['02', '民政管理事务'], ['05', '行政事业单位养老支出']]],
  ['210', '卫生健康支出', [['01', '卫生健康管理事务'], ['11', '行政事业单位医疗'], ['15', '医疗保障管理事务']]],
  ['204', '公共安全支出', [['06', '司法'], ['02', '公安']]],
  ['221', '住房保障支出', [['02', '住房改革支出']]],
];
const XIANG: [string, string][] = [['01', '行政运行'], ['02', '一般行政管理事务'], ['03', '机关服务'], ['50', '事业运行'], ['99', '其他支出']];

function styleOf(rng: Rng): { style: Style; unit: string } {
  const unit = rng.pick(['元', '万元']);
  const decimals = unit === '元' ? rng.pick([0, 2]) : rng.pick([2, 2, 0]);
  return { style: { decimals, text: rng.chance(0.15) ? 0.3 : 0 }, unit };
}

function money(rng: Rng, style: Style, big: boolean): Cents {
  const v = rng.int(1, big ? 90000 : 5000) * (rng.chance(0.3) ? 10 : 1) + (rng.chance(0.5) ? rng.int(0, 99) : 0);
  return style.decimals > 0 ? v : v * 100;
}

class Writer {
  constructor(
    readonly b: SheetBuilder,
    readonly rng: Rng,
    readonly style: Style,
  ) {}
  amt(r: number, c: number, v: Cents | undefined): void {
    this.b.amount(r, c, v, { decimals: this.style.decimals, text: this.rng.chance(this.style.text) });
  }
}

function unitLine(b: SheetBuilder, rng: Rng, top: number, left: number, right: number, title: string, unit: string): number {
  b.text(top, left, title);
  if (rng.chance(0.7)) b.merge(top, left, top, right);
  const line = rng.pick([`单位：${unit}`, `单位:${unit}`, `金额单位：${unit}`, `（${unit}）`]);
  if (rng.chance(0.4)) b.text(top + 1, left, rng.pick(['编制部门：上海市普陀区司法局', '编制单位：区社会福利院', '填报单位：市财政局']));
  b.text(top + 1, right > left ? right : left + 1, line);
  return top + 2;
}

// ------------------------------------------------------------------ allocation with varied fund names

function allocation(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const { style, unit } = styleOf(rng);
  const w = new Writer(b, rng, style);
  const nFunds = rng.int(2, 4);
  const funds = rng.shuffle(FUNDS).slice(0, nFunds);
  const layout = rng.pick(['flat', 'group', 'band'] as const);
  const totalTop = rng.chance(0.3);
  const hasTotalRow = rng.chance(0.85);
  const standardCol = rng.chance(0.25);
  const countCol = rng.chance(0.2);
  let c = left;
  const labelCol = c++;
  const totalCol = c++;
  const fundCols = funds.map(() => c++);
  const stdCol = standardCol ? c++ : -1;
  const cntCol = countCol ? c++ : -1;
  const right = c - 1;
  let r = unitLine(b, rng, top, left, right, `${rng.pick(['2024年', '2025年', ''])}${rng.pick(['医疗服务与保障能力提升补助资金', '医疗救助补助资金', '基本公共卫生服务补助资金'])}${rng.pick(['分配表', '下达表', '分配明细表'])}`, unit);
  const headerTop = r;
  const labelHeader = rng.pick(['县区', '单位', '地区', '单位名称', '县（市、区）', '市县']);
  const totalHeader = rng.pick(['合计', '资金合计', '金额合计', '总计', '合计金额']);
  const stdHeader = rng.pick(['补助标准（元/人）', '单价', '分担比例', '补助标准']);
  const cntHeader = rng.pick(['受益人数', '人数', '服务人次']);
  if (layout === 'flat') {
    b.text(r, labelCol, labelHeader);
    b.text(r, totalCol, totalHeader);
    funds.forEach((f, i) => b.text(r, fundCols[i], f));
    if (standardCol) b.text(r, stdCol, stdHeader);
    if (countCol) b.text(r, cntCol, cntHeader);
    r++;
  } else {
    const band = layout === 'band';
    if (band) {
      b.text(r, totalCol, rng.pick(['分配资金', '下达资金', '2024年资金']));
      b.merge(r, totalCol, r, fundCols[nFunds - 1]);
    }
    const h = band ? r + 1 : r;
    const down = (col: number, text: string) => {
      b.text(headerTop, col, text);
      b.merge(headerTop, col, h + 1, col);
    };
    down(labelCol, labelHeader);
    if (standardCol) down(stdCol, stdHeader);
    if (countCol) down(cntCol, cntHeader);
    b.text(h, totalCol, totalHeader);
    b.merge(h, totalCol, h + 1, totalCol);
    b.text(h, fundCols[0], rng.pick(['其中', '资金来源', '分配金额']));
    b.merge(h, fundCols[0], h, fundCols[nFunds - 1]);
    funds.forEach((f, i) => b.text(h + 1, fundCols[i], f));
    r = h + 2;
  }
  const n = rng.int(3, 12);
  const names = rng.shuffle(UNITS);
  const values = Array.from({ length: n }, () => {
    const f = funds.map((): Cents | undefined => (rng.chance(0.75) ? money(rng, style, false) : undefined));
    if (!f.some((x) => x !== undefined)) f[0] = money(rng, style, false);
    return f;
  });
  const std = money(rng, style, false);
  const bodyTop = r + (hasTotalRow && totalTop ? 1 : 0);
  const totalRow = hasTotalRow ? (totalTop ? r : r + n) : -1;
  const bodyRows = values.map((_, i) => bodyTop + i);
  values.forEach((f, i) => {
    const row = bodyRows[i];
    b.text(row, labelCol, names[i] ?? `单位${i + 1}`);
    f.forEach((v, k) => w.amt(row, fundCols[k], v));
    w.amt(row, totalCol, sumCents(f));
    if (standardCol) w.amt(row, stdCol, std);
    if (countCol) b.amount(row, cntCol, rng.int(1, 900) * 100, { decimals: 0 });
  });
  if (hasTotalRow) {
    b.text(totalRow, labelCol, rng.pick(['合计', '合 计', '总计', '全区合计', '安康市合计']));
    funds.forEach((_, k) => w.amt(totalRow, fundCols[k], sumCents(values.map((f) => f[k]))));
    w.amt(totalRow, totalCol, sumCents(values.map((f) => sumCents(f))));
    for (const col of [totalCol, ...fundCols]) b.relate([totalRow, col], bodyRows.map((row) => [row, col]));
  }
  const rows = hasTotalRow ? [...bodyRows, totalRow] : bodyRows;
  for (const row of rows) b.relate([row, totalCol], fundCols.map((fc) => [row, fc]));
  const bottom = Math.max(...rows);
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'allocation' });
  const typoCells: [number, number][] = bodyRows.flatMap((row) => [totalCol, ...fundCols].map((col): [number, number] => [row, col]));
  const pairs = hasTotalRow ? bodyRows.map((row): [number, number][] => [[row, totalCol], [totalRow, totalCol]]) : [];
  const blankable = bodyRows.map((row, i) => ({
    total: [row, totalCol] as [number, number],
    parts: fundCols.map((fc): [number, number] => [row, fc]),
    sums: hasTotalRow ? fundCols.filter((_, k) => values[i][k] !== undefined).map((fc): [number, number] => [totalRow, fc]) : [],
  }));
  return { bottom, right, typoCells, pairs, blankable };
}

// ------------------------------------------------------------------ 科目 table: codes and names in one cell

function classification(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const { style, unit } = styleOf(rng);
  const w = new Writer(b, rng, style);
  const codeLayout = rng.pick(['inname', 'inname-space', 'column'] as const);
  const words = rng.pick([
    ['合计', '基本支出', '项目支出'],
    ['总计', '基本支出', '项目支出'],
    ['本年支出合计', '人员经费', '公用经费'],
  ]);
  const grouped = rng.chance(0.5);
  const totalTop = rng.chance(0.5);
  let c = left;
  const codeCol = codeLayout === 'column' ? c++ : -1;
  const nameCol = c++;
  const [tCol, aCol, bCol] = [c++, c++, c++];
  const right = c - 1;
  let r = unitLine(b, rng, top, left, right, rng.pick(['部门支出总体情况表', '一般公共预算支出情况表', '2024年部门支出预算表']), unit);
  const headerTop = r;
  const depth = grouped ? 2 : 1;
  if (codeCol >= 0) {
    b.text(r, codeCol, rng.pick(['科目编码', '功能分类科目编码']));
    b.merge(r, codeCol, r + depth - 1, codeCol);
  }
  b.text(r, nameCol, codeCol >= 0 ? '科目名称' : rng.pick(['功能分类科目', '科目编码及名称', '支出功能分类科目']));
  b.merge(r, nameCol, r + depth - 1, nameCol);
  if (grouped) {
    b.text(r, tCol, rng.pick(['本年支出', '支出预算', '2024年预算数']));
    b.merge(r, tCol, r, bCol);
    words.forEach((t, i) => b.text(r + 1, tCol + i, t));
  } else words.forEach((t, i) => b.text(r, tCol + i, t));
  r += depth;
  // Subjects: 类 → 款 → 项, values on 项.
  type S = { code: string; name: string; kids: S[]; v: [Cents | undefined, Cents | undefined] };
  const subjects: S[] = rng
    .shuffle(LEI)
    .slice(0, rng.int(1, 3))
    .sort((x, y) => x[0].localeCompare(y[0]))
    .map(([code, name, kuans]) => ({
      code,
      name,
      v: [undefined, undefined],
      kids: rng
        .shuffle(kuans)
        .slice(0, rng.int(1, Math.min(2, kuans.length)))
        .sort((x, y) => x[0].localeCompare(y[0]))
        .map(([k, kn]) => ({
          code: code + k,
          name: kn,
          v: [undefined, undefined],
          kids: rng
            .shuffle(XIANG)
            .slice(0, rng.int(1, 3))
            .sort((x, y) => x[0].localeCompare(y[0]))
            .map(([x, xn]) => ({ code: code + k + x, name: xn, kids: [], v: [undefined, undefined] as [Cents | undefined, Cents | undefined] })),
        })),
    }));
  const fill = (s: S): void => {
    if (s.kids.length === 0) {
      s.v = [money(rng, style, true), rng.chance(0.5) ? money(rng, style, true) : undefined];
      return;
    }
    s.kids.forEach(fill);
    s.v = [sumCents(s.kids.map((k) => k.v[0])), sumCents(s.kids.map((k) => k.v[1]))];
  };
  subjects.forEach(fill);
  const flat: S[] = [];
  const walk = (s: S) => {
    flat.push(s);
    s.kids.forEach(walk);
  };
  subjects.forEach(walk);
  const totalRow = totalTop ? r : r + flat.length;
  const first = totalTop ? r + 1 : r;
  const rowOf = new Map(flat.map((s, i) => [s, first + i]));
  const cols = [tCol, aCol, bCol];
  const put = (row: number, v: [Cents | undefined, Cents | undefined]) => {
    w.amt(row, aCol, v[0]);
    w.amt(row, bCol, v[1]);
    w.amt(row, tCol, sumCents(v));
    b.relate([row, tCol], [[row, aCol], [row, bCol]]);
  };
  for (const s of flat) {
    const row = rowOf.get(s)!;
    if (codeCol >= 0) {
      b.text(row, codeCol, s.code);
      b.text(row, nameCol, s.name);
    } else b.text(row, nameCol, codeLayout === 'inname-space' ? `${s.code} ${s.name}` : `${s.code}${s.name}`);
    put(row, s.v);
    if (s.kids.length > 0) for (const col of cols) b.relate([row, col], s.kids.map((k) => [rowOf.get(k)!, col]));
  }
  b.text(totalRow, codeCol >= 0 ? codeCol : nameCol, rng.pick(['合计', '合 计', '总计']));
  if (codeCol >= 0 && rng.chance(0.5)) b.merge(totalRow, codeCol, totalRow, nameCol);
  put(totalRow, [sumCents(subjects.map((s) => s.v[0])), sumCents(subjects.map((s) => s.v[1]))]);
  for (const col of cols) b.relate([totalRow, col], subjects.map((s) => [rowOf.get(s)!, col]));
  const bottom = Math.max(totalRow, first + flat.length - 1);
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'classification' });
  const typoCells: [number, number][] = flat.flatMap((s) => cols.map((col): [number, number] => [rowOf.get(s)!, col]));
  // A 项 and its 款 changed together: the 款 still adds up across, its 类 no longer does down.
  const pairs: [number, number][][] = [];
  for (const s of flat) for (const k of s.kids) if (k.kids.length === 0) pairs.push([[rowOf.get(k)!, aCol], [rowOf.get(s)!, aCol]]);
  return { bottom, right, typoCells, pairs, blankable: [] };
}

// ------------------------------------------------------------------ 三公 tables

function sanGong(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const { style, unit } = styleOf(rng);
  const w = new Writer(b, rng, style);
  const paired = rng.chance(0.5);
  const withUnits = rng.chance(0.5);
  const measures = paired ? rng.pick([['预算数', '决算数'], ['年初预算数', '决算数'], ['2023年', '2024年']]) : [''];
  const m = measures.length;
  let c = left;
  const labelCol = withUnits ? c++ : -1;
  // Groups in order: 合计, 因公出国（境）费, [公务接待费], 公务用车购置及运行费 (小计, 购置费, 运行费), [公务接待费].
  const receptionLast = paired || rng.chance(0.3);
  const at = (k: number) => c + k * m;
  const G = { total: 0, abroad: 1, car: receptionLast ? 2 : 3, buy: receptionLast ? 3 : 4, run: receptionLast ? 4 : 5, reception: receptionLast ? 5 : 2 };
  const groups = 6;
  const right = c + groups * m - 1;
  const title = rng.pick(['财政拨款“三公”经费支出情况表', '部门“三公”经费预算表', '财政拨款“三公”经费支出决算表']);
  let r = unitLine(b, rng, top, left, right, title, unit);
  const headerTop = r;
  const depth = paired ? 3 : 2;
  if (withUnits) {
    b.text(r, labelCol, rng.pick(['单位名称', '单位', '项目']));
    b.merge(r, labelCol, r + depth - 1, labelCol);
  }
  const head = (k: number, text: string, rows: number) => {
    b.text(r, at(k), text);
    b.merge(r, at(k), r + rows - 1, at(k) + m - 1);
  };
  head(G.total, rng.pick(['合计', '合 计', '总计']), 2);
  head(G.abroad, rng.pick(['因公出国（境）费', '因公出国(境)费']), 2);
  head(G.reception, '公务接待费', 2);
  b.text(r, at(G.car), '公务用车购置及运行费');
  b.merge(r, at(G.car), r, at(G.run) + m - 1);
  const sub = (k: number, text: string) => {
    b.text(r + 1, at(k), text);
    if (m > 1) b.merge(r + 1, at(k), r + 1, at(k) + m - 1);
  };
  sub(G.car, '小计');
  sub(G.buy, rng.pick(['购置费', '公务用车购置费']));
  sub(G.run, rng.pick(['运行费', '公务用车运行费']));
  if (paired) for (let k = 0; k < groups; k++) measures.forEach((t, j) => b.text(r + 2, at(k) + j, t));
  r += depth;
  const n = withUnits ? rng.int(2, 6) : 1;
  const names = rng.shuffle(UNITS);
  const hasTotalRow = withUnits && rng.chance(0.7);
  const bodyRows = Array.from({ length: n }, (_, i) => r + i + (hasTotalRow ? 1 : 0));
  const totalRow = hasTotalRow ? r : -1;
  type V = Record<'abroad' | 'buy' | 'run' | 'reception', Cents | undefined>;
  const vals: V[][] = bodyRows.map(() =>
    measures.map(() => ({
      abroad: rng.chance(0.4) ? money(rng, style, false) : undefined,
      buy: rng.chance(0.3) ? money(rng, style, false) : undefined,
      run: rng.chance(0.8) ? money(rng, style, false) : undefined,
      reception: rng.chance(0.6) ? money(rng, style, false) : undefined,
    })),
  );
  const write = (row: number, v: V[]) => {
    v.forEach((x, j) => {
      const car = sumCents([x.buy, x.run]);
      w.amt(row, at(G.abroad) + j, x.abroad ?? (rng.chance(0.5) ? 0 : undefined));
      w.amt(row, at(G.buy) + j, x.buy);
      w.amt(row, at(G.run) + j, x.run);
      w.amt(row, at(G.reception) + j, x.reception);
      w.amt(row, at(G.car) + j, car);
      w.amt(row, at(G.total) + j, sumCents([x.abroad, car, x.reception]));
      b.relate([row, at(G.car) + j], [[row, at(G.buy) + j], [row, at(G.run) + j]]);
      b.relate(
        [row, at(G.total) + j],
        [G.abroad, G.car, G.reception].sort((p, q) => p - q).map((k): [number, number] => [row, at(k) + j]),
      );
    });
  };
  bodyRows.forEach((row, i) => {
    if (withUnits) b.text(row, labelCol, names[i] ?? `单位${i}`);
    write(row, vals[i]);
  });
  if (hasTotalRow) {
    b.text(totalRow, labelCol, '合计');
    const sums = measures.map((_, j) => {
      const s = (key: keyof V) => sumCents(vals.map((v) => v[j][key]));
      return { abroad: s('abroad'), buy: s('buy'), run: s('run'), reception: s('reception') };
    });
    write(totalRow, sums);
    for (let col = at(0); col <= right; col++) b.relate([totalRow, col], bodyRows.map((row) => [row, col]));
  }
  const bottom = Math.max(...bodyRows, totalRow);
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: withUnits ? 'allocation' : 'generic' });
  const money0 = (row: number) => measures.flatMap((_, j) => [G.abroad, G.buy, G.run, G.reception, G.car, G.total].map((k): [number, number] => [row, at(k) + j]));
  const typoCells = bodyRows.flatMap(money0).filter(([row, col]) => b.amounts.has(`${row},${col}`));
  // seed004's 三公 typo: 小计 and 合计 both changed by the same amount.
  const pairs = bodyRows.flatMap((row) => measures.map((_, j): [number, number][] => [[row, at(G.car) + j], [row, at(G.total) + j]]));
  return { bottom, right, typoCells, pairs, blankable: [] };
}

// ------------------------------------------------------------------ 科目 table by fund source, split 类 | 款 | 项

const ECON: [string, string, [string, string][]][] = [
  ['301', '工资福利支出', [['01', '基本工资'], ['02', '津贴补贴'], ['03', '奖金'], ['08', '机关事业单位基本养老保险缴费'], ['12', '其他社会保障缴费']]],
  ['302', '商品和服务支出', [['01', '办公费'], ['05', '水费'], ['06', '电费'], ['07', '邮电费'], ['11', '差旅费'], ['28', '工会经费']]],
  ['303', '对个人和家庭的补助', [['01', '离休费'], ['02', '退休费'], ['05', '生活补助']]],
];

function bySource(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const { style, unit } = styleOf(rng);
  const w = new Writer(b, rng, style);
  const economic = rng.chance(0.4);
  const noZero = !economic && rng.chance(0.3);
  const split = !economic && rng.chance(0.6);
  // Columns: 总计 = 财政拨款 小计 + 单位资金; 小计 = 一般公共预算 + 政府性基金 (or 人员经费 + 公用经费).
  let c = left;
  const codeCols = split ? [c++, c++, c++] : [c++];
  const nameCol = c++;
  const [tot, sub, p1, p2, own] = [c++, c++, c++, c++, c++];
  const right = c - 1;
  const title = economic ? '一般公共预算基本支出情况表' : rng.pick(['部门收入总体情况表', '财政拨款支出预算表', '部门支出预算表']);
  let r = unitLine(b, rng, top, left, right, title, unit);
  const headerTop = r;
  if (split) {
    b.text(r, codeCols[0], rng.pick(['科目编码', '功能分类科目编码']));
    b.merge(r, codeCols[0], r, codeCols[2]);
    ['类', '款', '项'].forEach((t, i) => {
      b.text(r + 1, codeCols[i], t);
      b.merge(r + 1, codeCols[i], r + 2, codeCols[i]);
    });
  } else {
    b.text(r, codeCols[0], economic ? rng.pick(['经济分类科目编码', '科目代码']) : '科目编码');
    b.merge(r, codeCols[0], r + 2, codeCols[0]);
  }
  b.text(r, nameCol, '科目名称');
  b.merge(r, nameCol, r + 2, nameCol);
  b.text(r, tot, rng.pick(['总计', '合计']));
  b.merge(r, tot, r + 2, tot);
  b.text(r, sub, economic ? '基本支出' : rng.pick(['财政拨款', '财政拨款（补助）']));
  b.merge(r, sub, r, p2);
  b.text(r + 1, sub, '小计');
  b.merge(r + 1, sub, r + 2, sub);
  const [n1, n2] = economic ? ['人员经费', '公用经费'] : ['一般公共预算', '政府性基金预算'];
  b.text(r + 1, p1, n1);
  b.merge(r + 1, p1, r + 2, p1);
  b.text(r + 1, p2, n2);
  b.merge(r + 1, p2, r + 2, p2);
  b.text(r, own, economic ? '其他资金' : rng.pick(['单位资金', '事业收入', '其他收入']));
  b.merge(r, own, r + 2, own);
  r += 3;
  type S = { code: string; parts: string[]; name: string; kids: S[]; v: (Cents | undefined)[] };
  const leis = economic
    ? rng.shuffle(ECON).slice(0, rng.int(1, 3)).sort((x, y) => x[0].localeCompare(y[0])).map(([code, name, kids]): S => ({
        code,
        parts: [code],
        name,
        v: [],
        kids: rng.shuffle(kids).slice(0, rng.int(1, 4)).sort((x, y) => x[0].localeCompare(y[0])).map(([k, kn]): S => ({ code: code + k, parts: [code + k], name: kn, v: [], kids: [] })),
      }))
    : rng.shuffle(LEI).slice(0, rng.int(1, 3)).sort((x, y) => x[0].localeCompare(y[0])).map(([code, name, kuans]): S => ({
        code,
        parts: [code, '', ''],
        name,
        v: [],
        kids: rng.shuffle(kuans).slice(0, rng.int(1, 2)).sort((x, y) => x[0].localeCompare(y[0])).map(([k, kn]): S => ({
          code: code + k,
          parts: [code, k, ''],
          name: kn,
          v: [],
          kids: rng.shuffle(XIANG).slice(0, rng.int(1, 3)).sort((x, y) => x[0].localeCompare(y[0])).map(([x, xn]): S => ({ code: code + k + x, parts: [code, k, x], name: xn, v: [], kids: [] })),
        })),
      }));
  // Leaf values by base column: 一般公共预算 / 政府性基金 / 单位资金.
  const fill = (s: S): void => {
    if (s.kids.length === 0) {
      s.v = [money(rng, style, true), rng.chance(0.3) ? money(rng, style, false) : undefined, rng.chance(0.3) ? money(rng, style, false) : undefined];
      return;
    }
    s.kids.forEach(fill);
    s.v = [0, 1, 2].map((i) => sumCents(s.kids.map((k) => k.v[i])));
  };
  leis.forEach(fill);
  const flat: S[] = [];
  const walk = (s: S) => {
    flat.push(s);
    s.kids.forEach(walk);
  };
  leis.forEach(walk);
  const totalTop = rng.chance(0.5);
  const totalRow = totalTop ? r : r + flat.length;
  const first = totalTop ? r + 1 : r;
  const rowOf = new Map(flat.map((x, i) => [x, first + i]));
  const cols = [tot, sub, p1, p2, own];
  const put = (row: number, v: (Cents | undefined)[]) => {
    const subV = sumCents([v[0], v[1]]);
    w.amt(row, p1, v[0]);
    w.amt(row, p2, v[1]);
    w.amt(row, own, v[2]);
    w.amt(row, sub, subV);
    w.amt(row, tot, sumCents([subV, v[2]]));
    b.relate([row, sub], [[row, p1], [row, p2]]);
    b.relate([row, tot], [[row, sub], [row, own]]);
  };
  for (const x of flat) {
    const row = rowOf.get(x)!;
    if (split) {
      x.parts.forEach((t, i) => {
        if (t !== '') b.text(row, codeCols[i], noZero && i > 0 ? String(Number(t)) : t);
      });
    } else b.text(row, codeCols[0], x.code);
    b.text(row, nameCol, x.name);
    put(row, x.v);
    if (x.kids.length > 0) for (const col of cols) b.relate([row, col], x.kids.map((k) => [rowOf.get(k)!, col]));
  }
  b.text(totalRow, codeCols[0], rng.pick(['合计', '合 计', '总计']));
  b.merge(totalRow, codeCols[0], totalRow, nameCol);
  put(totalRow, [0, 1, 2].map((i) => sumCents(leis.map((x) => x.v[i]))));
  for (const col of cols) b.relate([totalRow, col], leis.map((x) => [rowOf.get(x)!, col]));
  const bottom = Math.max(totalRow, first + flat.length - 1);
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'classification' });
  const typoCells: [number, number][] = flat.flatMap((x) => cols.map((col): [number, number] => [rowOf.get(x)!, col]));
  // 小计 and 总计 of one row changed together (the 三公 typo of seed004, in a 科目 table).
  const pairs = flat.map((x): [number, number][] => [[rowOf.get(x)!, sub], [rowOf.get(x)!, tot]]);
  return { bottom, right, typoCells, pairs, blankable: [] };
}

// ------------------------------------------------------------------ allocation with 小计 groups and a 其中 column

function groupedAllocation(b: SheetBuilder, rng: Rng, top: number, left: number): Placed {
  const { style, unit } = styleOf(rng);
  const w = new Writer(b, rng, style);
  const funds = rng.shuffle(FUNDS).slice(0, 2);
  let c = left;
  const labelCol = c++;
  const [tot, f1, qz, f2] = [c++, c++, c++, c++];
  const right = c - 1;
  let r = unitLine(b, rng, top, left, right, `${rng.pick(['2024年', '2025年'])}${rng.pick(['城乡居民医保补助资金', '医疗救助补助资金'])}分配表`, unit);
  const headerTop = r;
  b.text(r, labelCol, rng.pick(['地区', '县区', '单位']));
  b.merge(r, labelCol, r + 1, labelCol);
  b.text(r, tot, rng.pick(['合计', '资金合计']));
  b.merge(r, tot, r + 1, tot);
  b.text(r, f1, rng.pick(['分配资金', '资金来源']));
  b.merge(r, f1, r, f2);
  b.text(r + 1, f1, funds[0]);
  b.text(r + 1, qz, `其中：${rng.pick(['提前下达', '据实结算', '价格调整部分'])}`);
  b.text(r + 1, f2, funds[1]);
  r += 2;
  const regions = rng.shuffle(['安康市', '汉中市', '商洛市', '普陀区', '宝鸡市']).slice(0, rng.int(2, 3));
  const names = rng.shuffle(UNITS);
  const subFirst = rng.chance(0.5);
  type R = { row: number; v: (Cents | undefined)[] };
  const items: R[][] = [];
  const subs: R[] = [];
  for (let g = 0; g < regions.length; g++) {
    const n = rng.int(2, 4);
    const members: R[] = [];
    const subRow = subFirst ? r : r + n;
    const start = subFirst ? r + 1 : r;
    for (let i = 0; i < n; i++) {
      const a = money(rng, style, false);
      const q = rng.chance(0.6) ? Math.round(a * rng.int(1, 9)) / 10 : undefined;
      const qv = q === undefined ? undefined : style.decimals > 0 ? Math.round(q) : Math.round(q / 100) * 100;
      members.push({ row: start + i, v: [a, qv, rng.chance(0.6) ? money(rng, style, false) : undefined] });
    }
    items.push(members);
    subs.push({ row: subRow, v: [0, 1, 2].map((k) => sumCents(members.map((m) => m.v[k]))) });
    r += n + 1;
  }
  const totalRow = r;
  const write = (x: R, label: string) => {
    b.text(x.row, labelCol, label);
    w.amt(x.row, f1, x.v[0]);
    w.amt(x.row, qz, x.v[1]);
    w.amt(x.row, f2, x.v[2]);
    w.amt(x.row, tot, sumCents([x.v[0], x.v[2]]));
    b.relate([x.row, tot], [[x.row, f1], [x.row, f2]]);
  };
  const cols = [tot, f1, qz, f2];
  items.forEach((members, g) => {
    members.forEach((m) => write(m, names.pop() ?? '单位'));
    write(subs[g], rng.chance(0.6) ? `${regions[g]}小计` : '小计');
    for (const col of cols) b.relate([subs[g].row, col], members.map((m) => [m.row, col]));
  });
  write({ row: totalRow, v: [0, 1, 2].map((k) => sumCents(subs.map((x) => x.v[k]))) }, rng.pick(['合计', '总计']));
  for (const col of cols) b.relate([totalRow, col], subs.map((x) => [x.row, col]));
  b.tables.push({ range: { top: headerTop, left, bottom: totalRow, right }, kind: 'allocation' });
  const typoCells: [number, number][] = items.flat().flatMap((m) => [tot, f1, f2].map((col): [number, number] => [m.row, col]));
  const pairs = items.flat().map((m): [number, number][] => [[m.row, f1], [m.row, tot]]);
  return { bottom: totalRow, right, typoCells, pairs, blankable: [] };
}

// ------------------------------------------------------------------ sheets

type Gen = (b: SheetBuilder, rng: Rng, top: number, left: number) => Placed;
const FAMILIES: [Gen, number][] = [
  [allocation, 4],
  [classification, 3],
  [sanGong, 2],
  [bySource, 3],
  [groupedAllocation, 2],
];

export interface VariedSheet {
  grid: Grid;
  tables: TruthTable[];
  /** Total cell → the parts of each relation it breaks (A1). */
  mismatches: Map<string, string[][]>;
}

export function generateVaried(seed: number, opts: { errors?: boolean } = {}): VariedSheet {
  const rng = new Rng(seed * 7919 + 17);
  const b = new SheetBuilder();
  let row = rng.int(0, 2);
  const n = rng.int(1, 3);
  for (let t = 0; t < n; t++) {
    let x = rng.next() * FAMILIES.reduce((s, [, wt]) => s + wt, 0);
    let gen = FAMILIES[0][0];
    for (const [g, wt] of FAMILIES) {
      x -= wt;
      if (x < 0) {
        gen = g;
        break;
      }
    }
    const placed = gen(b, rng, row, rng.chance(0.15) ? 1 : 0);
    if (opts.errors !== false) plantErrors(b, rng, placed);
    row = writeNote(b, rng, placed.bottom + 1, 0, placed.right) + 1 + rng.int(0, 2);
  }
  return { grid: b.grid(`变式${seed}`), tables: b.tables, mismatches: truth(b) };
}

function delta(rng: Rng): Cents {
  return rng.pick([1, -1]) * (rng.chance(0.3) ? rng.int(1, 9) : rng.int(10, 300000));
}

function plantErrors(b: SheetBuilder, rng: Rng, p: Placed): void {
  if (rng.chance(0.25)) return;
  const mode = rng.pick(['one', 'several', 'several', 'consistent', 'blank'] as const);
  if (mode === 'consistent' && p.pairs.length > 0) {
    const d = delta(rng);
    const cells = rng.pick(p.pairs).filter(([r, c]) => b.amounts.has(`${r},${c}`));
    for (const cell of cells) b.plant(cell, d);
    return;
  }
  if (mode === 'blank' && p.blankable.length > 0) {
    // 合计 10.00 | 基本支出 (blank) | 项目支出 (blank): the parts go, the total and the sums above stay.
    const x = rng.pick(p.blankable);
    for (const cell of x.parts) {
      const v = b.amounts.get(`${cell[0]},${cell[1]}`);
      if (v === undefined) continue;
      b.amount(cell[0], cell[1], undefined);
      for (const s of x.sums) if (s[1] === cell[1] && b.amounts.has(`${s[0]},${s[1]}`)) b.plant(s, -v);
    }
    return;
  }
  const k = mode === 'several' ? rng.int(2, 3) : 1;
  const cells = rng.shuffle(p.typoCells.filter(([r, c]) => b.amounts.has(`${r},${c}`))).slice(0, k);
  for (const cell of cells) b.plant(cell, delta(rng));
}

/** Every total that differs from the sum of its parts (blank parts count 0), with the parts of each broken relation. */
function truth(b: SheetBuilder): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const rel of b.relations) {
    const t = b.amounts.get(`${rel.total[0]},${rel.total[1]}`);
    if (t === undefined) continue;
    let sum = 0;
    for (const p of rel.parts) sum += b.amounts.get(`${p[0]},${p[1]}`) ?? 0;
    if (sum === t) continue;
    const cell = toA1(rel.total[0], rel.total[1]);
    const list = out.get(cell) ?? [];
    list.push(rel.parts.map((p) => toA1(p[0], p[1])));
    out.set(cell, list);
  }
  return out;
}

