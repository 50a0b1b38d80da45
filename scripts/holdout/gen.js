// Held-out generator, written apart from the engine and its own generators (tests/core/generators): varied
// .xlsx books and a truth file of every relation; score.js runs the real CLI and scores sum.* findings by cell AND parts.
const ExcelJS = require('exceljs');
const fs = require('fs');
const path = require('path');

const { rng, A1 } = require('./mechanics');

const COUNTIES = ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区', '玛纳斯县', '呼图壁县', '奇台县', '吉木萨尔县', '木垒县', '阜康市', '昌吉市', '汉滨区', '汉阴县', '石泉县', '宁陕县', '紫阳县', '岚皋县', '平利县', '镇坪县', '旬阳市', '白河县'];
const UNITS = ['区医疗保障局', '区医保中心', '区卫生健康委', '区疾控中心', '区妇幼保健院', '区人民医院', '区中医医院', '区财政局'];
const FUNDS = ['医疗服务能力提升', '医药价格监测补助', '价格招采监测补助', '基金监管补助', '标准化建设资金', '医保信息化建设', '经办能力提升', '比例分担资金', '综合绩效奖励', '公共卫生服务补助', '城乡居民医保补助', '医疗救助补助'];
const FN = [
  ['210', '卫生健康支出', [['21011', '行政事业单位医疗', [['2101101', '行政单位医疗'], ['2101102', '事业单位医疗'], ['2101103', '公务员医疗补助']]], ['21015', '医疗保障管理事务', [['2101501', '行政运行'], ['2101502', '一般行政管理事务'], ['2101504', '信息化建设'], ['2101599', '其他医疗保障管理事务支出']]], ['21013', '医疗救助', [['2101301', '城乡医疗救助']]]]],
  ['208', '社会保障和就业支出', [['20805', '行政事业单位养老支出', [['2080501', '行政单位离退休'], ['2080505', '机关事业单位基本养老保险缴费支出'], ['2080506', '机关事业单位职业年金缴费支出']]], ['20801', '人力资源和社会保障管理事务', [['2080101', '行政运行'], ['2080109', '社会保险经办机构']]]]],
  ['221', '住房保障支出', [['22102', '住房改革支出', [['2210201', '住房公积金'], ['2210203', '购房补贴']]]]],
  ['201', '一般公共服务支出', [['20101', '人大事务', [['2010101', '行政运行'], ['2010104', '人大会议']]], ['20103', '政府办公厅（室）及相关机构事务', [['2010301', '行政运行'], ['2010350', '事业运行']]]]],
];

const money = (r, lo, hi) => r.int(lo, hi); // integer cents

class Book {
  constructor() {
    this.sheets = [];
  }
  sheet(name) {
    const s = { name, cells: new Map(), merges: [], relations: [], tables: [] };
    this.sheets.push(s);
    return s;
  }
}
const put = (s, r, c, v) => s.cells.set(`${r},${c}`, v);
const amt = (s, r, c, cents, dec = 2) => s.cells.set(`${r},${c}`, { cents, dec });
const rel = (s, total, parts) => s.relations.push({ total, parts });

// ---------------------------------------------------------------- allocation table
function allocation(s, R, top, left) {
  const nFunds = R.int(2, 4);
  const funds = [];
  while (funds.length < nFunds) {
    const f = R.pick(FUNDS);
    if (!funds.includes(f)) funds.push(f);
  }
  const recips = [];
  const pool = R.chance(0.5) ? COUNTIES : UNITS;
  const n = R.int(3, Math.min(12, pool.length));
  while (recips.length < n) {
    const x = R.pick(pool);
    if (!recips.includes(x)) recips.push(x);
  }
  const withSeq = R.chance(0.5);
  const totalTop = R.chance(0.3);
  const unitWan = R.chance(0.7);
  let r = top;
  put(s, r, left, `${R.pick(['2024', '2025'])}年${R.pick(FUNDS)}资金分配表`);
  r++;
  put(s, r, left, unitWan ? '单位：万元' : '单位：元');
  r++;
  const c0 = left;
  const cName = withSeq ? left + 1 : left;
  const cTot = cName + 1;
  const twoRow = R.chance(0.6);
  if (withSeq) put(s, r, c0, '序号');
  put(s, r, cName, R.pick(['县区', '单位名称', '地区', '项目单位']));
  put(s, r, cTot, R.pick(['合计', '合 计', '分配金额合计', '小计']));
  if (twoRow) {
    put(s, r, cTot + 1, '其中');
    s.merges.push([r, cTot + 1, r, cTot + nFunds]);
    funds.forEach((f, i) => put(s, r + 1, cTot + 1 + i, f));
    if (withSeq) s.merges.push([r, c0, r + 1, c0]);
    s.merges.push([r, cName, r + 1, cName]);
    s.merges.push([r, cTot, r + 1, cTot]);
    r += 2;
  } else {
    funds.forEach((f, i) => put(s, r, cTot + 1 + i, f));
    r++;
  }
  const headerTop = top + 2;
  const dec = unitWan ? 2 : R.chance(0.5) ? 2 : 0;
  const scale = dec === 0 ? 100 : 1;
  const bodyRows = [];
  let totalRow;
  if (totalTop) {
    totalRow = r++;
  }
  recips.forEach((name, i) => {
    if (withSeq) put(s, r, c0, i + 1);
    put(s, r, cName, name);
    let sum = 0;
    funds.forEach((f, k) => {
      const blank = R.chance(0.12);
      if (blank) return;
      const v = money(R, 1, 900000) * scale;
      sum += v;
      amt(s, r, cTot + 1 + k, v, dec);
    });
    amt(s, r, cTot, sum, dec);
    rel(s, [r, cTot], funds.map((_, k) => [r, cTot + 1 + k]));
    bodyRows.push(r);
    r++;
  });
  if (!totalTop) totalRow = r++;
  put(s, totalRow, cName, R.pick(['合计', '合  计', '总计', '全市合计']));
  if (withSeq && R.chance(0.5)) {
    s.merges.push([totalRow, c0, totalRow, cName]);
    put(s, totalRow, c0, s.cells.get(`${totalRow},${cName}`));
    s.cells.delete(`${totalRow},${cName}`);
  }
  for (let c = cTot; c <= cTot + nFunds; c++) {
    let t = 0;
    for (const br of bodyRows) t += s.cells.get(`${br},${c}`)?.cents ?? 0;
    amt(s, totalRow, c, t, dec);
    rel(s, [totalRow, c], bodyRows.map((br) => [br, c]));
  }
  rel(s, [totalRow, cTot], funds.map((_, k) => [totalRow, cTot + 1 + k]));
  const bottom = Math.max(r - 1, totalRow);
  s.tables.push({ range: [headerTop, left, bottom, cTot + nFunds], kind: 'allocation' });
  return { bottom, right: cTot + nFunds };
}

// ---------------------------------------------------------------- classification table
function classification(s, R, top, left) {
  const layout = R.pick(['split', 'code', 'inname']);
  const cols = R.pick([['合计', '基本支出', '项目支出'], ['合计', '人员经费', '公用经费'], ['总计', '财政拨款', '其他资金']]);
  const unitWan = R.chance(0.6);
  const dec = unitWan ? 2 : 0;
  const scale = unitWan ? 1 : 100;
  const dropZero = layout === 'split' && R.chance(0.3);
  const repeatParents = R.chance(0.5);
  const totalPos = R.pick(['bottom', 'top', layout === 'split' ? 'header' : 'top']);
  let r = top;
  put(s, r, left, `${R.pick(['2024', '2025'])}年${R.pick(['部门支出预算表', '一般公共预算支出表', '支出决算表'])}`);
  r++;
  put(s, r, left, unitWan ? '单位：万元' : '单位：元');
  r++;
  const headerTop = r;
  let labelCols;
  if (layout === 'split') {
    put(s, r, left, '科目编码');
    s.merges.push([r, left, r, left + 2]);
    put(s, r, left + 3, '科目名称');
    // With 合计 on the 类|款|项 row, that row carries the totals: nothing is merged down into it.
    if (totalPos !== 'header') s.merges.push([r, left + 3, r + 1, left + 3]);
    cols.forEach((c, i) => {
      put(s, r, left + 4 + i, c);
      if (totalPos !== 'header') s.merges.push([r, left + 4 + i, r + 1, left + 4 + i]);
    });
    put(s, r + 1, left, '类');
    put(s, r + 1, left + 1, '款');
    put(s, r + 1, left + 2, '项');
    r += 2;
    labelCols = 4;
  } else if (layout === 'code') {
    put(s, r, left, '科目编码');
    put(s, r, left + 1, '科目名称');
    cols.forEach((c, i) => put(s, r, left + 2 + i, c));
    r++;
    labelCols = 2;
  } else {
    put(s, r, left, '功能分类科目');
    cols.forEach((c, i) => put(s, r, left + 1 + i, c));
    r++;
    labelCols = 1;
  }
  const vc = left + labelCols;
  let totalRow;
  if (totalPos === 'header') {
    totalRow = r - 1; // the 类/款/项 row carries 合计
    put(s, totalRow, left + 3, '合计');
  } else if (totalPos === 'top') {
    totalRow = r++;
  }
  const lei = FN.filter(() => R.chance(0.7));
  if (lei.length === 0) lei.push(FN[0]);
  const leiRows = [];
  const writeRow = (row, code, name) => {
    if (layout === 'split') {
      const l = code.slice(0, 3);
      const k = code.length >= 5 ? code.slice(3, 5) : '';
      const x = code.length >= 7 ? code.slice(5, 7) : '';
      const fix = (p) => (dropZero && p.startsWith('0') ? p.slice(1) : p);
      if (code.length === 3 || repeatParents) put(s, row, left, l);
      if (k && (code.length === 5 || repeatParents)) put(s, row, left + 1, fix(k));
      if (x) put(s, row, left + 2, fix(x));
      put(s, row, left + 3, name);
    } else if (layout === 'code') {
      put(s, row, left, code);
      put(s, row, left + 1, name);
    } else {
      put(s, row, left, `${code}${R.chance(0.5) ? ' ' : ''}${name}`);
    }
  };
  const rowSum = (row, vals) => {
    // vals: [total, p1, p2]
    vals.forEach((v, i) => {
      if (v === undefined) return;
      amt(s, row, vc + i, v, dec);
    });
    rel(s, [row, vc], [[row, vc + 1], [row, vc + 2]]);
  };
  for (const [lc, ln, kuans] of lei) {
    const lrow = r++;
    writeRow(lrow, lc, ln);
    leiRows.push(lrow);
    const kuanRows = [];
    for (const [kc, kn, xiangs] of kuans.filter((_, i) => i === 0 || R.chance(0.6))) {
      const krow = r++;
      writeRow(krow, kc, kn);
      kuanRows.push(krow);
      const xRows = [];
      for (const [xc, xn] of xiangs.filter((_, i) => i === 0 || R.chance(0.6))) {
        const xrow = r++;
        writeRow(xrow, xc, xn);
        const a = R.chance(0.15) ? 0 : money(R, 0, 500000) * scale;
        const b = R.chance(0.4) ? 0 : money(R, 0, 500000) * scale;
        rowSum(xrow, [a + b, a || undefined, b || undefined]);
        xRows.push(xrow);
      }
      for (let i = 0; i < 3; i++) {
        const t = xRows.reduce((acc, x) => acc + (s.cells.get(`${x},${vc + i}`)?.cents ?? 0), 0);
        if (t || i === 0) amt(s, krow, vc + i, t, dec);
        rel(s, [krow, vc + i], xRows.map((x) => [x, vc + i]));
      }
      rel(s, [krow, vc], [[krow, vc + 1], [krow, vc + 2]]);
    }
    for (let i = 0; i < 3; i++) {
      const t = kuanRows.reduce((acc, x) => acc + (s.cells.get(`${x},${vc + i}`)?.cents ?? 0), 0);
      if (t || i === 0) amt(s, lrow, vc + i, t, dec);
      rel(s, [lrow, vc + i], kuanRows.map((x) => [x, vc + i]));
    }
    rel(s, [lrow, vc], [[lrow, vc + 1], [lrow, vc + 2]]);
  }
  if (totalPos === 'bottom') totalRow = r++;
  if (totalPos !== 'header') put(s, totalRow, left + (layout === 'split' ? 3 : 0), R.pick(['合计', '合 计', '支出合计']));
  for (let i = 0; i < 3; i++) {
    const t = leiRows.reduce((acc, x) => acc + (s.cells.get(`${x},${vc + i}`)?.cents ?? 0), 0);
    amt(s, totalRow, vc + i, t, dec);
    rel(s, [totalRow, vc + i], leiRows.map((x) => [x, vc + i]));
  }
  rel(s, [totalRow, vc], [[totalRow, vc + 1], [totalRow, vc + 2]]);
  const bottom = r - 1;
  s.tables.push({ range: [headerTop, left, bottom, vc + 2], kind: 'classification' });
  return { bottom, right: vc + 2 };
}

// ---------------------------------------------------------------- 三公 table (one or paired column groups)
function sangong(s, R, top, left) {
  const paired = R.chance(0.5);
  const unitWan = R.chance(0.5);
  const dec = unitWan ? 2 : 0;
  const scale = unitWan ? 1 : 100;
  let r = top;
  put(s, r, left, '“三公”经费支出表');
  r++;
  put(s, r, left, unitWan ? '单位：万元' : '单位：元');
  r++;
  const headerTop = r;
  const groups = paired ? ['预算数', '决算数'] : [null];
  const width = 6;
  let c = left;
  const groupCols = [];
  for (const g of groups) {
    let hr = r;
    if (g) {
      put(s, hr, c, g);
      s.merges.push([hr, c, hr, c + width - 1]);
      hr++;
    }
    put(s, hr, c, '合计');
    s.merges.push([hr, c, hr + 1, c]);
    put(s, hr, c + 1, '因公出国（境）费');
    s.merges.push([hr, c + 1, hr + 1, c + 1]);
    put(s, hr, c + 2, '公务用车购置及运行费');
    s.merges.push([hr, c + 2, hr, c + 4]);
    put(s, hr + 1, c + 2, '小计');
    put(s, hr + 1, c + 3, '公务用车购置费');
    put(s, hr + 1, c + 4, '公务用车运行费');
    put(s, hr, c + 5, '公务接待费');
    s.merges.push([hr, c + 5, hr + 1, c + 5]);
    groupCols.push(c);
    c += width;
  }
  r += paired ? 3 : 2;
  const row = r;
  for (const gc of groupCols) {
    const v = [1, 3, 4, 5].map(() => (R.chance(0.2) ? 0 : money(R, 0, 90000) * scale));
    const [abroad, buy, run, recv] = v;
    amt(s, row, gc + 1, abroad, dec);
    amt(s, row, gc + 3, buy, dec);
    amt(s, row, gc + 4, run, dec);
    amt(s, row, gc + 2, buy + run, dec);
    amt(s, row, gc + 5, recv, dec);
    amt(s, row, gc, abroad + buy + run + recv, dec);
    rel(s, [row, gc], [[row, gc + 1], [row, gc + 2], [row, gc + 5]]);
    rel(s, [row, gc + 2], [[row, gc + 3], [row, gc + 4]]);
  }
  s.tables.push({ range: [headerTop, left, row, c - 1], kind: 'generic', anyKind: true });
  return { bottom: row, right: c - 1 };
}

function plant(s, R, n) {
  const amounts = [...s.cells.entries()].filter(([, v]) => v && v.cents !== undefined);
  const involved = new Set();
  for (const rl of s.relations) for (const [r, c] of [rl.total, ...rl.parts]) involved.add(`${r},${c}`);
  const cand = amounts.filter(([k]) => involved.has(k));
  for (let i = 0; i < n && cand.length; i++) {
    const [k, v] = R.pick(cand);
    const delta = R.chance(0.3) ? R.pick([1, -1]) * (v.dec === 0 ? 100 : 1) : R.pick([1, -1]) * R.int(2, 50000) * (v.dec === 0 ? 100 : 1);
    v.cents += delta;
  }
}

function mismatches(s) {
  const out = [];
  for (const rl of s.relations) {
    const t = s.cells.get(`${rl.total[0]},${rl.total[1]}`);
    if (!t || t.cents === undefined) continue;
    let sum = 0;
    for (const [r, c] of rl.parts) sum += s.cells.get(`${r},${c}`)?.cents ?? 0;
    if (sum !== t.cents) out.push({ cell: A1(...rl.total), parts: rl.parts.map((p) => A1(...p)).sort() });
  }
  return out;
}

async function write(book, file) {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      const cell = ws.getCell(r + 1, c + 1);
      if (v && v.cents !== undefined) {
        cell.value = v.cents / 100;
        cell.numFmt = v.dec === 2 ? '#,##0.00' : '#,##0';
      } else cell.value = v;
    }
    for (const [t, l, b, r] of s.merges) ws.mergeCells(t + 1, l + 1, b + 1, r + 1);
  }
  await wb.xlsx.writeFile(file);
}

async function main() {
  const [from, to, outDir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
  fs.mkdirSync(outDir, { recursive: true });
  const truth = [];
  for (let seed = from; seed <= to; seed++) {
    const R = rng(seed * 7919 + 13);
    const book = new Book();
    const nSheets = R.int(1, 3);
    for (let k = 0; k < nSheets; k++) {
      const s = book.sheet(`表${k + 1}`);
      let row = R.int(0, 2);
      const n = R.int(1, 3);
      for (let t = 0; t < n; t++) {
        const g = R.pick([allocation, allocation, classification, classification, sangong]);
        const left = R.chance(0.2) ? 1 : 0;
        const placed = g(s, R, row, left);
        row = placed.bottom + R.int(2, 4);
      }
      if (R.chance(0.8)) plant(s, R, R.int(1, 3));
    }
    const file = path.join(outDir, `book${seed}.xlsx`);
    await write(book, file);
    truth.push({ file, sheets: book.sheets.map((s) => ({ name: s.name, mismatches: mismatches(s), tables: s.tables })) });
  }
  fs.writeFileSync(path.join(outDir, 'truth.json'), JSON.stringify(truth));
}
main();
