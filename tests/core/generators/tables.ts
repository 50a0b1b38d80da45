/**
 * Generators of realistic budget tables, written into a SheetBuilder with their ground truth:
 * allocation (县区/单位 rows, 合计 column over fund columns, 合计 row at top or bottom, 小计 groups),
 * classification (codes split over 类/款/项, one code column as text or numbers, codes inside names),
 * numbered / 其中 / indented item lists, two-sided 收支总表, and tables without totals (单价×数量,
 * 占比, 年度, 序号, 备注) that must not produce findings.
 */
import type { TableKind } from '../../../src/core/types';
import { Cents, Rng, SheetBuilder, sumCents } from './sheetBuilder';

export interface Placed {
  bottom: number;
  right: number;
}

interface Style {
  decimals: number;
  textNumbers: number;
}

const COUNTIES = [
  '汉滨区', '汉阴县', '石泉县', '宁陕县', '紫阳县', '岚皋县', '平利县', '镇坪县', '旬阳市', '白河县', '市医保局', '市本级',
  '市医疗保险经办处', '梁河县医疗保障局', '盈江县', '陇川县', '瑞丽市', '芒市', '南郑区', '城固县', '洋县', '西乡县', '勉县',
  '宁强县', '略阳县', '镇巴县', '留坝县', '佛坪县', '商州区', '洛南县', '丹凤县', '商南县', '山阳县', '镇安县', '柞水县',
  '市人民医院', '市中心医院', '市疾控中心', '县医院', '妇幼保健院',
];
const REGIONS = ['安康市', '汉中市', '商洛市', '德宏州', '宝鸡市'];
const FUNDS = ['中央资金', '省级资金', '市级资金', '县级资金', '信息化建设补助', '基层经办能力提升补助', '基金监管补助', '一般性转移支付', '专项转移支付'];
const LEI: [string, string][] = [
  ['201', '一般公共服务支出'], ['205', '教育支出'], ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'], ['210', '卫生健康支出'], ['211', '节能环保支出'], ['212', '城乡社区支出'],
  ['213', '农林水支出'], ['221', '住房保障支出'],
];
const KUAN = ['行政事业单位医疗', '医疗保障管理事务', '行政事业单位养老支出', '企业改革补助', '进修及培训', '住房改革支出', '公共卫生', '基层医疗卫生机构', '中医药', '计划生育事务'];
const XIANG = ['行政运行', '一般行政管理事务', '机关服务', '信息化建设', '事业运行', '医疗保障政策管理', '医疗保障经办事务', '其他支出'];

function money(rng: Rng, style: Style): Cents {
  const v = rng.int(1, 5000) * (rng.chance(0.3) ? 10 : 1) + (rng.chance(0.2) ? rng.int(0, 99) * 100 : 0);
  return style.decimals > 0 ? v : v * 100;
}

function writeAmt(b: SheetBuilder, rng: Rng, style: Style, r: number, c: number, v: Cents | undefined): void {
  b.amount(r, c, v, { decimals: style.decimals, text: rng.chance(style.textNumbers) });
}

/** Title, unit line and 编制部门 above a table; returns the header row. */
export function writePreamble(b: SheetBuilder, rng: Rng, top: number, left: number, right: number, title: string): number {
  let r = top;
  b.text(r, left, title);
  if (rng.chance(0.7)) b.merge(r, left, r, right);
  r++;
  const unit = rng.pick(['单位：万元', '单位: 万元', '金额单位：万元', '（万元）', '单位：元', 'none']);
  if (unit !== 'none') {
    if (rng.chance(0.4)) b.text(r, left, rng.pick(['编制部门：安康市医疗保障局', '编制单位：巴音郭楞蒙古自治州医疗保障局', '填报单位：市财政局']));
    b.text(r, right > left ? right : left + 1, unit);
    r++;
  } else if (rng.chance(0.3)) {
    b.text(r, left, '编制部门：市医疗保障局');
    r++;
  }
  return r;
}

export function writeNote(b: SheetBuilder, rng: Rng, row: number, left: number, right: number): number {
  if (!rng.chance(0.35)) return row - 1;
  const r = row + (rng.chance(0.5) ? 1 : 0);
  b.text(r, left, rng.pick(['注：本表数据来源于预算管理一体化系统。', '备注：以上资金请专款专用。', '说明：空白单元格表示无数据。', '填表人：张三    审核人：李四']));
  if (rng.chance(0.5)) b.merge(r, left, r, right);
  return r;
}

function tableStyle(rng: Rng): Style {
  return { decimals: rng.chance(0.75) ? 2 : 0, textNumbers: rng.chance(0.15) ? 0.3 : 0 };
}

// ------------------------------------------------------------------ allocation

export function allocationTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed & { kind: TableKind } {
  const style = tableStyle(rng);
  const ordinal = rng.chance(0.3);
  const nFunds = rng.int(2, 4);
  const funds = rng.shuffle(FUNDS).slice(0, nFunds);
  const grouped = rng.chance(0.6);
  const totalRowTop = rng.chance(0.3);
  const totalColRight = rng.chance(0.2);
  const countCol = rng.chance(0.2);
  const remark = rng.chance(0.3);
  const nGroups = rng.chance(0.25) ? rng.int(2, 3) : 0;
  const subtotalFirst = rng.chance(0.5);
  const labelHeader = rng.pick(['县区', '单位', '地区', '单位名称', '县（市、区）', '市县']);
  let c = left;
  const ordCol = ordinal ? c++ : -1;
  const labelCol = c++;
  let totalCol: number;
  const fundCols: number[] = [];
  if (totalColRight) {
    for (let i = 0; i < nFunds; i++) fundCols.push(c++);
    totalCol = c++;
  } else {
    totalCol = c++;
    for (let i = 0; i < nFunds; i++) fundCols.push(c++);
  }
  const cntCol = countCol ? c++ : -1;
  const remCol = remark ? c++ : -1;
  const right = c - 1;
  const title = `${rng.pick(['2022年', '2023年', '2024年', ''])}${rng.pick(['中央财政医疗服务与保障能力提升补助资金', '医疗保障服务能力提升补助资金', '城乡居民医疗保险补助资金'])}${rng.pick(['分配表', '下达表', '分配明细表'])}`;
  let r = writePreamble(b, rng, top, left, right, title);
  const headerTop = r;
  const totalName = rng.pick(['合计', '小计合计', '金额合计']) === '合计' ? '合计' : rng.pick(['合计', '资金合计']);
  if (grouped) {
    const vm = (col: number, text: string) => {
      b.text(r, col, text);
      b.merge(r, col, r + 1, col);
    };
    if (ordinal) vm(ordCol, '序号');
    vm(labelCol, labelHeader);
    vm(totalCol, totalName);
    b.text(r, fundCols[0], rng.pick(['其中', '资金来源', '金额', '分配金额']));
    b.merge(r, fundCols[0], r, fundCols[nFunds - 1]);
    if (countCol) vm(cntCol, '受益人数');
    if (remark) vm(remCol, '备注');
    funds.forEach((f, i) => b.text(r + 1, fundCols[i], f));
    r += 2;
  } else {
    if (ordinal) b.text(r, ordCol, '序号');
    b.text(r, labelCol, labelHeader);
    b.text(r, totalCol, totalName);
    funds.forEach((f, i) => b.text(r, fundCols[i], f));
    if (countCol) b.text(r, cntCol, '受益人数');
    if (remark) b.text(r, remCol, '备注');
    r++;
  }
  if (rng.chance(0.15)) {
    // 栏次 row: 甲 under the label, 1 2 3 … under the other columns.
    b.text(r, labelCol, '甲');
    let k = 1;
    for (let col = labelCol + 1; col <= right; col++) b.set(r, col, { value: k++ });
    r++;
  }
  // Logical rows.
  interface LRow {
    kind: 'item' | 'subtotal' | 'total';
    label: string;
    funds: (Cents | undefined)[];
    count?: number;
    members?: number[];
  }
  const names = rng.shuffle(COUNTIES);
  const items = (n: number): LRow[] =>
    Array.from({ length: n }, () => {
      const f: (Cents | undefined)[] = funds.map(() => (rng.chance(0.7) ? money(rng, style) : undefined));
      if (!f.some((x) => x !== undefined)) f[rng.int(0, nFunds - 1)] = money(rng, style);
      return { kind: 'item' as const, label: names.pop() ?? `单位${rng.int(1, 99)}`, funds: f, count: rng.int(1, 300) };
    });
  const body: LRow[] = [];
  const topLevel: number[] = [];
  if (nGroups > 0) {
    const regions = rng.shuffle(REGIONS);
    for (let g = 0; g < nGroups; g++) {
      const members = items(rng.int(2, 5));
      const sub: LRow = { kind: 'subtotal', label: rng.chance(0.7) ? `${regions[g]}小计` : '小计', funds: [], members: [] };
      const start = body.length;
      if (subtotalFirst) body.push(sub);
      const first = body.length;
      body.push(...members);
      sub.members = members.map((_, i) => first + i);
      if (!subtotalFirst) body.push(sub);
      sub.funds = funds.map((_, i) => sumCents(members.map((m) => m.funds[i])));
      sub.count = members.reduce((s, m) => s + (m.count ?? 0), 0);
      topLevel.push(body.indexOf(sub));
      void start;
    }
  } else {
    const n = rng.int(3, 18);
    const list = items(n);
    for (const it of list) {
      topLevel.push(body.length);
      body.push(it);
    }
  }
  const total: LRow = {
    kind: 'total',
    label: rng.pick(['合计', '合 计', '总计', '全市合计', `${rng.pick(REGIONS)}合计`, '合　计']),
    funds: funds.map((_, i) => sumCents(topLevel.map((k) => body[k].funds[i]))),
    count: topLevel.reduce((s, k) => s + (body[k].count ?? 0), 0),
  };
  const offset = totalRowTop ? 1 : 0;
  const gapBeforeTotal = !totalRowTop && rng.chance(0.15);
  const blank: LRow = { kind: 'item', label: '', funds: [] };
  const rowsOut: LRow[] = totalRowTop ? [total, ...body] : gapBeforeTotal ? [...body, blank, total] : [...body, total];
  const sheetRow = (bodyIndex: number) => r + bodyIndex + offset;
  let seq = 1;
  rowsOut.forEach((lr, i) => {
    const row = r + i;
    if (lr === blank) return;
    if (ordinal && lr.kind === 'item') b.amount(row, ordCol, seq++ * 100, { decimals: 0 });
    b.text(row, labelCol, lr.kind === 'item' && rng.chance(0.1) ? `  ${lr.label}` : lr.label);
    lr.funds.forEach((v, k) => writeAmt(b, rng, style, row, fundCols[k], v));
    writeAmt(b, rng, style, row, totalCol, sumCents(lr.funds));
    if (countCol) b.amount(row, cntCol, (lr.count ?? 0) * 100, { decimals: 0 });
    if (remark && lr.kind === 'item' && rng.chance(0.6)) b.text(row, remCol, rng.pick(['基层服务能力建设试点', '信息化建设', '经办服务能力建设', '因病返贫致贫动态监测']));
  });
  // Truth: relations.
  rowsOut.forEach((lr, i) => {
    if (lr !== blank) b.relate([r + i, totalCol], fundCols.map((fc) => [r + i, fc]));
  });
  const amountCols = [totalCol, ...fundCols, ...(countCol ? [cntCol] : [])];
  const totalRow = totalRowTop ? r : r + rowsOut.length - 1;
  for (const ac of amountCols) b.relate([totalRow, ac], topLevel.map((k) => [sheetRow(k), ac]));
  body.forEach((lr, k) => {
    if (lr.kind !== 'subtotal') return;
    for (const ac of amountCols) b.relate([sheetRow(k), ac], (lr.members ?? []).map((m) => [sheetRow(m), ac]));
  });
  if (rng.chance(0.08)) {
    // A broken formula in one fund cell of an item row.
    const items = body.map((lr, k) => (lr.kind === 'item' ? k : -1)).filter((k) => k >= 0);
    b.errorCell(sheetRow(rng.pick(items)), rng.pick(fundCols));
  }
  const bottom = r + rowsOut.length - 1;
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'allocation' });
  return { bottom, right, kind: 'allocation' };
}

// ------------------------------------------------------------------ classification

interface Subject {
  code: string;
  name: string;
  level: number;
  children: Subject[];
  values: (Cents | undefined)[];
}

export function classificationTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed & { kind: TableKind } {
  const style = tableStyle(rng);
  const codeStyle = rng.pick(['split', 'split-full', 'single', 'single-num', 'inname', 'inname-space'] as const);
  const amountSet = rng.pick(['basic', 'basic-group', 'sources', 'single'] as const);
  // Subjects.
  const leis = rng.shuffle(LEI).slice(0, rng.int(2, 4)).sort((a, b2) => a[0].localeCompare(b2[0]));
  const subjects: Subject[] = leis.map(([code, name]) => {
    const kuans = rng.shuffle(KUAN).slice(0, rng.int(1, 3));
    return {
      code,
      name,
      level: 0,
      values: [],
      children: kuans.map((kn, ki) => {
        const kcode = `${code}${String(ki * 2 + 1 + rng.int(0, 1)).padStart(2, '0')}`;
        const nx = rng.int(0, 3);
        return {
          code: kcode,
          name: kn,
          level: 1,
          values: [],
          children: rng
            .shuffle(XIANG)
            .slice(0, nx)
            .map((xn, xi) => ({ code: `${kcode}${xi === nx - 1 && rng.chance(0.3) ? '99' : String(xi + 1).padStart(2, '0')}`, name: xn, level: 2, children: [], values: [] })),
        };
      }),
    };
  });
  // Base (leaf) columns and derived columns.
  type Col = { header: string[]; base?: number; sumOf?: number[] };
  let cols: Col[];
  if (amountSet === 'basic' || amountSet === 'basic-group') {
    const g = amountSet === 'basic-group' ? [rng.pick(['支出预算', '一般公共预算支出', '本年支出'])] : [];
    cols = [{ header: [...g, '合计'], sumOf: [1, 2] }, { header: [...g, '基本支出'], base: 0 }, { header: [...g, '项目支出'], base: 1 }];
  } else if (amountSet === 'sources') {
    cols = [
      { header: ['总计'], sumOf: [1, 4, 5] },
      { header: ['财政拨款(补助)', '小计'], sumOf: [2, 3] },
      { header: ['财政拨款(补助)', '一般公共预算'], base: 0 },
      { header: ['财政拨款(补助)', '政府性基金预算'], base: 1 },
      { header: ['单位资金'], base: 2 },
      { header: ['财政拨款结转'], base: 3 },
    ];
  } else {
    cols = [{ header: [rng.pick(['金额', '预算数', '本年预算数'])], base: 0 }];
  }
  const nBase = cols.filter((x) => x.base !== undefined).length;
  const fill = (s: Subject): void => {
    if (s.children.length === 0) {
      s.values = Array.from({ length: nBase }, (): Cents | undefined => (rng.chance(0.65) ? money(rng, style) : undefined));
      if (!s.values.some((v) => v !== undefined)) s.values[0] = money(rng, style);
    } else {
      s.children.forEach(fill);
      s.values = Array.from({ length: nBase }, (_, i) => sumCents(s.children.map((ch) => ch.values[i])));
    }
  };
  subjects.forEach(fill);
  const valueOf = (vals: (Cents | undefined)[], ci: number): Cents | undefined => {
    const col = cols[ci];
    if (col.base !== undefined) return vals[col.base];
    return sumCents(col.sumOf!.map((k) => valueOf(vals, k)));
  };
  // Columns on the sheet.
  let c = left;
  const codeCols: number[] = [];
  if (codeStyle === 'split' || codeStyle === 'split-full') codeCols.push(c++, c++, c++);
  else if (codeStyle === 'single' || codeStyle === 'single-num') codeCols.push(c++);
  const nameCol = c++;
  const amountCols = cols.map(() => c++);
  const right = c - 1;
  const depth = Math.max(...cols.map((x) => x.header.length), codeCols.length === 3 ? 2 : 1);
  const title = rng.pick(['部门支出总体情况表', '一般公共预算支出情况表', '部门收入总体情况表', '政府性基金预算支出情况表', '项目支出预算表']);
  let r = writePreamble(b, rng, top, left, right, title);
  const headerTop = r;
  // Header.
  if (codeCols.length === 3) {
    b.text(r, codeCols[0], rng.pick(['科目编码', '功能分类科目编码']));
    b.merge(r, codeCols[0], r, codeCols[2]);
    ['类', '款', '项'].forEach((t, i) => b.text(r + 1, codeCols[i], t));
  } else if (codeCols.length === 1) {
    b.text(r, codeCols[0], rng.pick(['科目编码', '功能分类科目编码', '科目代码']));
    b.merge(r, codeCols[0], r + depth - 1, codeCols[0]);
  }
  b.text(r, nameCol, codeCols.length ? rng.pick(['科目名称', '功能分类科目名称']) : rng.pick(['科目编码及名称', '功能分类科目', '支出功能分类科目']));
  b.merge(r, nameCol, r + depth - 1, nameCol);
  // Amount headers: groups by first path element.
  for (let i = 0; i < cols.length; i++) {
    const h = cols[i].header;
    const col = amountCols[i];
    if (h.length === 1) {
      b.text(r, col, h[0]);
      b.merge(r, col, r + depth - 1, col);
    } else {
      if (i === 0 || cols[i - 1].header[0] !== h[0]) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1].header[0] === h[0]) j++;
        b.text(r, col, h[0]);
        b.merge(r, col, r, amountCols[j]);
      }
      b.text(r + 1, col, h[1]);
      if (depth > 2) b.merge(r + 1, col, r + depth - 1, col);
    }
  }
  r += depth;
  // Body.
  const flat: Subject[] = [];
  const walk = (s: Subject) => {
    flat.push(s);
    s.children.forEach(walk);
  };
  subjects.forEach(walk);
  const rowOf = new Map<Subject, number>();
  flat.forEach((s, i) => {
    const row = r + i;
    rowOf.set(s, row);
    const lei = s.code.slice(0, 3);
    const kuan = s.code.slice(3, 5);
    const xiang = s.code.slice(5, 7);
    if (codeStyle === 'split') {
      b.text(row, codeCols[0], lei);
      if (kuan) b.text(row, codeCols[1], kuan);
      if (xiang) b.text(row, codeCols[2], xiang);
    } else if (codeStyle === 'split-full') {
      if (s.level === 0) b.set(row, codeCols[0], { value: Number(lei) });
      if (s.level === 1) b.text(row, codeCols[1], s.code);
      if (s.level === 2) b.text(row, codeCols[2], s.code);
    } else if (codeStyle === 'single') b.text(row, codeCols[0], s.code);
    else if (codeStyle === 'single-num') b.set(row, codeCols[0], { value: Number(s.code) });
    const indent = rng.chance(0.3) ? '　'.repeat(s.level) : '';
    const name = codeStyle === 'inname' ? `${s.code}${s.name}` : codeStyle === 'inname-space' ? `${s.code} ${s.name}` : `${indent}${s.name}`;
    b.text(row, nameCol, name);
    cols.forEach((_, ci) => writeAmt(b, rng, style, row, amountCols[ci], valueOf(s.values, ci)));
  });
  const totalRow = r + flat.length;
  const totalVals = Array.from({ length: nBase }, (_, i) => sumCents(subjects.map((s) => s.values[i])));
  if (codeCols.length > 0 && rng.chance(0.4)) {
    b.text(totalRow, codeCols[0], rng.pick(['合计', '合 计']));
    b.merge(totalRow, codeCols[0], totalRow, nameCol);
  } else b.text(totalRow, nameCol, rng.pick(['合计', '合 计', '总计']));
  cols.forEach((_, ci) => writeAmt(b, rng, style, totalRow, amountCols[ci], valueOf(totalVals, ci)));
  // Truth.
  for (let row = r; row <= totalRow; row++) {
    cols.forEach((col, ci) => {
      if (col.sumOf) b.relate([row, amountCols[ci]], col.sumOf.map((k) => [row, amountCols[k]]));
    });
  }
  for (const s of flat) {
    if (s.children.length === 0) continue;
    for (const ac of amountCols) b.relate([rowOf.get(s)!, ac], s.children.map((ch) => [rowOf.get(ch)!, ac]));
  }
  for (const ac of amountCols) b.relate([totalRow, ac], subjects.map((s) => [rowOf.get(s)!, ac]));
  b.tables.push({ range: { top: headerTop, left, bottom: totalRow, right }, kind: 'classification' });
  return { bottom: totalRow, right, kind: 'classification' };
}

// ------------------------------------------------------------------ numbered items, 其中, indentation

interface Item {
  label: string;
  children: Item[];
  values: (Cents | undefined)[];
  qizhong?: boolean;
}

export function itemsTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed & { kind: TableKind } {
  const style = tableStyle(rng);
  const mode = rng.pick(['numbered', 'numbered', 'indent'] as const);
  const nCols = rng.int(1, 2);
  const colHeaders = rng.pick([['预算数', '上年预算数'], ['本年预算', '上年决算'], ['金额', '上年金额']]).slice(0, nCols);
  const CN = ['一、', '二、', '三、', '四、'];
  const mkLeaf = (label: string): Item => ({ label, children: [], values: Array.from({ length: nCols }, (): Cents | undefined => (rng.chance(0.8) ? money(rng, style) : undefined)) });
  const tops: Item[] = [];
  const nTop = rng.int(2, 4);
  const leafNames = ['工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出', '办公费', '印刷费', '差旅费', '会议费', '培训费', '公务接待费', '专用材料费', '维修（护）费', '委托业务费'];
  let nameIx = 0;
  const nextName = () => leafNames[nameIx++ % leafNames.length];
  for (let t = 0; t < nTop; t++) {
    const kids: Item[] = [];
    const nk = rng.int(0, 3);
    for (let k = 0; k < nk; k++) {
      const kid = mkLeaf(nextName());
      if (rng.chance(0.35)) {
        const q = rng.int(2, 3);
        kid.children = Array.from({ length: q }, () => mkLeaf(nextName()));
        kid.children[0].qizhong = true;
      }
      kids.push(kid);
    }
    tops.push({ label: rng.pick(['基本支出', '项目支出', '一般公共预算拨款', '上年结转', '事业收入', '其他收入', '政府性基金']) + (t > 3 ? t : ''), children: kids, values: [] });
  }
  const fill = (it: Item) => {
    if (it.children.length === 0) {
      if (it.values.length === 0) it.values = mkLeaf('').values;
      if (!it.values.some((v) => v !== undefined)) it.values[0] = money(rng, style);
      return;
    }
    it.children.forEach(fill);
    it.values = Array.from({ length: nCols }, (_, i) => sumCents(it.children.map((ch) => ch.values[i])));
  };
  tops.forEach(fill);
  const left0 = left;
  const labelCol = left0;
  const amountCols = colHeaders.map((_, i) => left0 + 1 + i);
  const right = amountCols[amountCols.length - 1];
  let r = writePreamble(b, rng, top, left, right, rng.pick(['部门收入预算表', '支出预算明细表', '项目资金安排情况表', '财政拨款支出表']));
  const headerTop = r;
  b.text(r, labelCol, rng.pick(['项目', '项目名称', '支出项目']));
  colHeaders.forEach((h, i) => b.text(r, amountCols[i], h));
  r++;
  const totalTop = rng.chance(0.3);
  const totalVals = Array.from({ length: nCols }, (_, i) => sumCents(tops.map((t) => t.values[i])));
  const order: { it: Item | null; depth: number; label: string }[] = [];
  tops.forEach((t, ti) => {
    order.push({ it: t, depth: 0, label: mode === 'numbered' ? `${CN[ti]}${t.label}` : t.label });
    t.children.forEach((k, ki) => {
      order.push({ it: k, depth: 1, label: mode === 'numbered' ? `${rng.chance(0.5) ? `${ki + 1}.` : `（${'一二三四'[ki]}）`}${k.label}` : `　　${k.label}` });
      k.children.forEach((q) => order.push({ it: q, depth: 2, label: mode === 'numbered' ? (q.qizhong ? `其中：${q.label}` : q.label) : `　　　　${q.label}` }));
    });
  });
  // Numbering of the second level must be consistent inside a table.
  if (mode === 'numbered') {
    const arabic = rng.chance(0.5);
    let ki = 0;
    for (const o of order) {
      if (o.depth === 0) ki = 0;
      if (o.depth === 1) {
        o.label = `${arabic ? `${ki + 1}.` : `（${'一二三四五'[ki]}）`}${o.it!.label}`;
        ki++;
      }
    }
  }
  if (totalTop) order.unshift({ it: null, depth: -1, label: '合计' });
  else order.push({ it: null, depth: -1, label: rng.pick(['合计', '总计', '合 计']) });
  const rowOf = new Map<Item, number>();
  let totalRow = -1;
  order.forEach((o, i) => {
    const row = r + i;
    b.text(row, labelCol, o.label);
    const vals = o.it ? o.it.values : totalVals;
    vals.forEach((v, k) => writeAmt(b, rng, style, row, amountCols[k], v));
    if (o.it) rowOf.set(o.it, row);
    else totalRow = row;
  });
  const relateAll = (parent: number, kids: number[]) => amountCols.forEach((ac) => b.relate([parent, ac], kids.map((k) => [k, ac])));
  const visit = (it: Item) => {
    if (it.children.length) relateAll(rowOf.get(it)!, it.children.map((k) => rowOf.get(k)!));
    it.children.forEach(visit);
  };
  tops.forEach(visit);
  relateAll(totalRow, tops.map((t) => rowOf.get(t)!));
  const bottom = r + order.length - 1;
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'generic' });
  return { bottom, right, kind: 'generic' };
}

// ------------------------------------------------------------------ 收支总表

export function summaryTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed & { kind: TableKind } {
  const style = { decimals: 2, textNumbers: 0 };
  const threeCols = rng.chance(0.4);
  const lLabel = left;
  const lAmt = left + 1;
  const rLabel = left + 2;
  const rAmts = threeCols ? [left + 3, left + 4, left + 5] : [left + 3];
  const right = rAmts[rAmts.length - 1];
  let r = writePreamble(b, rng, top, left, right, rng.pick(['部门收支总体情况表', '财政拨款收支总体情况表', '收支预算总表']));
  const headerTop = r;
  b.text(r, lLabel, '收入');
  b.merge(r, lLabel, r, lAmt);
  b.text(r, rLabel, '支出');
  b.merge(r, rLabel, r, right);
  b.text(r + 1, lLabel, '项目');
  b.text(r + 1, lAmt, '预算数');
  b.text(r + 1, rLabel, rng.pick(['项目', '功能分类']));
  if (threeCols) ['合计', '基本支出', '项目支出'].forEach((h, i) => b.text(r + 1, rAmts[i], h));
  else b.text(r + 1, rAmts[0], '预算数');
  r += 2;
  // Income side: 一、本年收入 (1. a 其中 x y, 2. b), 二、上年结转 (1. c).
  const a1 = money(rng, style);
  const a2 = money(rng, style);
  const x = Math.floor(a1 / 3);
  const y = a1 - x;
  const c1 = money(rng, style);
  const income: { label: string; v: Cents | undefined; parent?: number }[] = [
    { label: '一、本年收入', v: a1 + a2 },
    { label: '1. 一般公共预算拨款', v: a1, parent: 0 },
    { label: '其中：一般财力', v: x, parent: 1 },
    { label: '上级转移支付', v: y, parent: 1 },
    { label: '2. 单位资金', v: a2, parent: 0 },
    { label: '二、上年结转结余', v: c1 },
    { label: '1. 财政拨款结转', v: c1, parent: 5 },
  ];
  const total = a1 + a2 + c1;
  // Expense side: 类 rows with codes in names, their sum = total.
  const n = rng.int(3, 8);
  const leis = LEI.slice(0, n);
  const shares: Cents[] = [];
  let left2 = total;
  for (let i = 0; i < n - 1; i++) {
    const s = rng.chance(0.3) ? 0 : Math.floor(left2 * rng.next() * 0.5);
    shares.push(s);
    left2 -= s;
  }
  shares.push(left2);
  const rows = Math.max(income.length, n);
  for (let i = 0; i < rows; i++) {
    const row = r + i;
    if (i < income.length) {
      b.text(row, lLabel, income[i].label);
      writeAmt(b, rng, style, row, lAmt, income[i].v);
    }
    if (i < n) {
      b.text(row, rLabel, `${leis[i][0]}${leis[i][1]}`);
      const v = shares[i] === 0 ? undefined : shares[i];
      if (threeCols) {
        const basic = v === undefined ? undefined : Math.floor(v * rng.next());
        const proj = v === undefined ? undefined : v - basic!;
        writeAmt(b, rng, style, row, rAmts[0], v);
        writeAmt(b, rng, style, row, rAmts[1], basic === 0 ? undefined : basic);
        writeAmt(b, rng, style, row, rAmts[2], proj === 0 ? undefined : proj);
      } else writeAmt(b, rng, style, row, rAmts[0], v);
    }
  }
  const totalRow = r + rows;
  b.text(totalRow, lLabel, '收入总计');
  writeAmt(b, rng, style, totalRow, lAmt, total);
  b.text(totalRow, rLabel, '支出总计');
  if (threeCols) {
    const basic = sumCents(Array.from({ length: n }, (_, i) => b.amounts.get(`${r + i},${rAmts[1]}`)));
    const proj = sumCents(Array.from({ length: n }, (_, i) => b.amounts.get(`${r + i},${rAmts[2]}`)));
    writeAmt(b, rng, style, totalRow, rAmts[0], total);
    writeAmt(b, rng, style, totalRow, rAmts[1], basic);
    writeAmt(b, rng, style, totalRow, rAmts[2], proj);
    for (let row = r; row <= totalRow; row++) b.relate([row, rAmts[0]], [[row, rAmts[1]], [row, rAmts[2]]]);
  } else writeAmt(b, rng, style, totalRow, rAmts[0], total);
  // Truth.
  const kids = (p: number) => income.map((it, i) => (it.parent === p ? i : -1)).filter((i) => i >= 0);
  for (let p = 0; p < income.length; p++) {
    const k = kids(p);
    if (k.length) b.relate([r + p, lAmt], k.map((i) => [r + i, lAmt]));
  }
  b.relate([totalRow, lAmt], [[r, lAmt], [r + 5, lAmt]]);
  for (const ac of rAmts) b.relate([totalRow, ac], Array.from({ length: n }, (_, i) => [r + i, ac] as [number, number]));
  b.tables.push({ range: { top: headerTop, left, bottom: totalRow, right }, kind: 'summary' });
  return { bottom: totalRow, right, kind: 'summary' };
}

// ------------------------------------------------------------------ tables that must not produce findings

export function plainTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed & { kind: TableKind } {
  const n = rng.int(3, 9);
  const withTotal = rng.chance(0.5);
  const headers = ['序号', '项目名称', '单价（元）', '数量', '金额（元）', '占比（%）', '年度', '备注'];
  const right = left + headers.length - 1;
  let r = writePreamble(b, rng, top, left, right, rng.pick(['设备购置明细表', '政府采购预算表', '培训项目安排表']));
  const headerTop = r;
  headers.forEach((h, i) => b.text(r, left + i, h));
  r++;
  const prices = Array.from({ length: n }, () => rng.int(100, 90000));
  const qty = Array.from({ length: n }, () => rng.int(1, 40));
  const amounts = prices.map((p, i) => p * qty[i]);
  const sum = amounts.reduce((a, v) => a + v, 0);
  for (let i = 0; i < n; i++) {
    const row = r + i;
    b.amount(row, left, (i + 1) * 100, { decimals: 0 });
    b.text(row, left + 1, rng.pick(['办公设备', '信息化终端', '打印机', '服务器', '培训场地', '专家咨询', '档案整理']) + (i + 1));
    b.amount(row, left + 2, prices[i], { decimals: 2 });
    b.amount(row, left + 3, qty[i] * 100, { decimals: 0 });
    b.amount(row, left + 4, amounts[i], { decimals: 2 });
    b.set(row, left + 5, { value: Math.round((amounts[i] / sum) * 10000) / 100, numberFormat: '0.00' });
    b.set(row, left + 6, { value: rng.pick([2023, 2024]), numberFormat: '0' });
    if (rng.chance(0.5)) b.text(row, left + 7, rng.pick(['按实际采购', '政府采购', '年内完成']));
  }
  let bottom = r + n - 1;
  if (withTotal) {
    const row = r + n;
    b.text(row, left + 1, '合计');
    b.amount(row, left + 3, qty.reduce((a, v) => a + v, 0) * 100, { decimals: 0 });
    b.amount(row, left + 4, sum, { decimals: 2 });
    b.set(row, left + 5, { value: 100, numberFormat: '0.00' });
    for (const col of [left + 3, left + 4]) b.relate([row, col], Array.from({ length: n }, (_, i) => [r + i, col] as [number, number]));
    bottom = row;
  }
  b.tables.push({ range: { top: headerTop, left, bottom, right }, kind: 'generic' });
  return { bottom, right, kind: 'generic' };
}

// ------------------------------------------------------------------ 收支总表 with 本年收入合计 → 收入总计

export function summaryChainTable(b: SheetBuilder, rng: Rng, top: number, left: number): Placed & { kind: TableKind } {
  const style = { decimals: 2, textNumbers: 0 };
  const right = left + 3;
  let r = writePreamble(b, rng, top, left, right, rng.pick(['收支预算总表', '财政拨款收支总体情况表']));
  const headerTop = r;
  ['收入项目', '预算数', '支出项目', '预算数'].forEach((h, i) => b.text(r, left + i, h));
  r++;
  const incomes = ['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、国有资本经营预算拨款收入', '四、事业收入'].slice(0, rng.int(2, 4));
  const inVals = incomes.map(() => money(rng, style));
  const carryIn = money(rng, style);
  const total = inVals.reduce((a, v) => a + v, 0) + carryIn;
  const carryOut = Math.floor(total * rng.next() * 0.3);
  const nOut = rng.int(2, 6);
  const outVals: Cents[] = [];
  let rest = total - carryOut;
  for (let i = 0; i < nOut - 1; i++) {
    const v = Math.floor(rest * rng.next() * 0.6);
    outVals.push(v);
    rest -= v;
  }
  outVals.push(rest);
  const n = Math.max(incomes.length, nOut);
  for (let i = 0; i < n; i++) {
    if (i < incomes.length) {
      b.text(r + i, left, incomes[i]);
      writeAmt(b, rng, style, r + i, left + 1, inVals[i]);
    }
    if (i < nOut) {
      b.text(r + i, left + 2, `${['一', '二', '三', '四', '五', '六'][i]}、${LEI[i][1]}`);
      writeAmt(b, rng, style, r + i, left + 3, outVals[i] === 0 ? undefined : outVals[i]);
    }
  }
  const sub = r + n;
  b.text(sub, left, '本年收入合计');
  writeAmt(b, rng, style, sub, left + 1, total - carryIn);
  b.text(sub, left + 2, '本年支出合计');
  writeAmt(b, rng, style, sub, left + 3, total - carryOut);
  b.text(sub + 1, left, '上年结转');
  writeAmt(b, rng, style, sub + 1, left + 1, carryIn);
  b.text(sub + 1, left + 2, '年末结转结余');
  writeAmt(b, rng, style, sub + 1, left + 3, carryOut === 0 ? undefined : carryOut);
  b.text(sub + 2, left, '收入总计');
  writeAmt(b, rng, style, sub + 2, left + 1, total);
  b.text(sub + 2, left + 2, '支出总计');
  writeAmt(b, rng, style, sub + 2, left + 3, total);
  b.relate([sub, left + 1], incomes.map((_, i) => [r + i, left + 1] as [number, number]));
  b.relate([sub, left + 3], Array.from({ length: nOut }, (_, i) => [r + i, left + 3] as [number, number]));
  b.relate([sub + 2, left + 1], [[sub, left + 1], [sub + 1, left + 1]]);
  b.relate([sub + 2, left + 3], [[sub, left + 3], [sub + 1, left + 3]]);
  b.tables.push({ range: { top: headerTop, left, bottom: sub + 2, right }, kind: 'summary' });
  return { bottom: sub + 2, right, kind: 'summary' };
}
