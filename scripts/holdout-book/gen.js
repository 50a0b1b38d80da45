// Held-out generator of whole 部门预算/决算公开 books, written apart from the engine (src/core/layout, checks, xref
// were not read while writing it). Every book is one department's money (integer cents) shown in 8–9 tables that
// agree with each other as a real book's tables do; errors are then planted:
//   - within one table: one stated amount changed (every total relation it breaks is a sum.* mismatch);
//   - across tables only: one leaf changed in one table's own copy of the data, all its totals following, so the
//     table still sums but disagrees with its neighbours (every broken 勾稽关系 is an xref pair).
// Usage: node scripts/holdout-book/gen.js FROM TO DIR [--more]   → DIR/bookN.xlsx and DIR/truth.json
//   --more: books that also print a 项目支出表 (一般公共预算 only, or every fund beside 一般公共预算), and in 决算
//   books a 政府性基金 table in the 决算 form (年初结转和结余 | 本年收入 | 本年支出 小计 基本 项目 | 年末结转和结余);
//   its choices come from a second random stream, and books without --more are the same as before.
const ExcelJS = require('exceljs');
const fs = require('fs');
const path = require('path');

const { rng, A1 } = require('../holdout/mechanics');
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];

// ------------------------------------------------------------------ the department's money
const FN = [
  ['201', '一般公共服务支出', [['20101', '人大事务', [['2010101', '行政运行'], ['2010104', '人大会议']]], ['20103', '政府办公厅（室）及相关机构事务', [['2010301', '行政运行'], ['2010350', '事业运行'], ['2010399', '其他政府办公厅（室）及相关机构事务支出']]], ['20106', '财政事务', [['2010601', '行政运行'], ['2010607', '信息化建设']]]]],
  ['204', '公共安全支出', [['20406', '司法', [['2040601', '行政运行'], ['2040604', '基层司法业务'], ['2040605', '普法宣传'], ['2040699', '其他司法支出']]]]],
  ['205', '教育支出', [['20508', '进修及培训', [['2050803', '培训支出']]]]],
  ['208', '社会保障和就业支出', [['20805', '行政事业单位养老支出', [['2080501', '行政单位离退休'], ['2080505', '机关事业单位基本养老保险缴费支出'], ['2080506', '机关事业单位职业年金缴费支出']]], ['20802', '民政管理事务', [['2080206', '社会组织管理'], ['2080208', '基层政权建设和社区治理']]], ['20810', '社会福利', [['2081002', '老年福利'], ['2081006', '养老服务']]]]],
  ['210', '卫生健康支出', [['21011', '行政事业单位医疗', [['2101101', '行政单位医疗'], ['2101102', '事业单位医疗'], ['2101103', '公务员医疗补助']]], ['21015', '医疗保障管理事务', [['2101501', '行政运行'], ['2101502', '一般行政管理事务'], ['2101504', '信息化建设']]]]],
  ['212', '城乡社区支出', [['21201', '城乡社区管理事务', [['2120101', '行政运行'], ['2120104', '城管执法']]], ['21208', '国有土地使用权出让收入安排的支出', [['2120803', '城市建设支出']]]]],
  ['221', '住房保障支出', [['22102', '住房改革支出', [['2210201', '住房公积金'], ['2210203', '购房补贴']]]]],
];
const ALL_CLASSES = [['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'], ['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'], ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'], ['215', '资源勘探工业信息等支出'], ['216', '商业服务业等支出'], ['217', '金融支出'], ['219', '援助其他地区支出'], ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'], ['222', '粮油物资储备支出'], ['224', '灾害防治及应急管理支出'], ['229', '其他支出']];
const ECON = {
  '301': ['工资福利支出', [['01', '基本工资'], ['02', '津贴补贴'], ['03', '奖金'], ['07', '绩效工资'], ['08', '机关事业单位基本养老保险缴费'], ['09', '职业年金缴费'], ['10', '职工基本医疗保险缴费'], ['12', '其他社会保障缴费'], ['13', '住房公积金'], ['99', '其他工资福利支出']]],
  '302': ['商品和服务支出', [['01', '办公费'], ['02', '印刷费'], ['06', '电费'], ['07', '邮电费'], ['11', '差旅费'], ['12', '因公出国（境）费用'], ['13', '维修（护）费'], ['15', '会议费'], ['16', '培训费'], ['17', '公务接待费'], ['28', '工会经费'], ['31', '公务用车运行维护费'], ['39', '其他交通费用'], ['99', '其他商品和服务支出']]],
  '303': ['对个人和家庭的补助', [['01', '离休费'], ['02', '退休费'], ['05', '生活补助']]],
  '310': ['资本性支出', [['02', '办公设备购置'], ['13', '公务用车购置']]],
};
const DEPTS = ['上海市普陀区司法局', '某县医疗保障局', '某区民政局', '某街道办事处', '某区财政局', '某市社会福利院', '某区城市管理行政执法局'];

// A book's money: leaves (项) with g* = 一般公共预算 (基本/项目), f = 政府性基金 (项目), o* = 非财政 (事业/其他 收入),
// c = 上年结转 spent this year (情况表 books). All in cents of the book's unit.
function department(R, family) {
  const big = family === 'shanghai' ? 100 : 1; // 元 books: amounts 100× larger than 万元 books, mostly whole 元
  const amount = (lo, hi) => {
    const v = R.int(lo, hi) * big;
    return family === 'shanghai' && R.chance(0.7) ? Math.round(v / 100) * 100 : v;
  };
  const classes = [];
  const pool = FN.slice();
  const nClasses = R.int(2, 4);
  while (classes.length < nClasses) classes.push(pool.splice(R.int(0, pool.length - 1), 1)[0]);
  classes.sort((a, b) => a[0].localeCompare(b[0]));
  const hasFund = R.chance(0.3);
  const leaves = [];
  for (const [cls, clsName, kuans] of classes) {
    const ks = kuans.filter((_, i) => i === 0 || R.chance(0.6));
    for (const [kuan, kuanName, xiangs] of ks) {
      const xs = xiangs.filter((_, i) => i === 0 || R.chance(0.6));
      for (const [code, name] of xs) {
        const basic = /行政运行|事业运行|医疗|养老|离退休|住房公积金|购房补贴|缴费/.test(name);
        const leaf = { cls, clsName, kuan, kuanName, code, name, gB: 0, gP: 0, f: 0, oB: 0, oP: 0, c: 0, oSrc: R.pick(['事业收入', '其他收入']) };
        if (basic) leaf.gB = amount(500, 900000);
        if (!basic || R.chance(0.3)) leaf.gP = amount(100, 600000);
        if (hasFund && cls === '212') leaf.f = amount(1000, 500000);
        if (R.chance(0.15)) leaf.oP = amount(100, 90000);
        if (R.chance(0.1)) leaf.oB = amount(100, 40000);
        if (family === 'qingkuang' && !basic && R.chance(0.2)) leaf.c = amount(100, 90000);
        leaves.push(leaf);
      }
    }
  }
  if (hasFund && !leaves.some((l) => l.f)) leaves[0].f = amount(1000, 500000);
  return { leaves, hasFund, amount, dept: R.pick(DEPTS), year: R.pick([2023, 2024, 2025, 2026]), splitGeneral: R.chance(0.5) ? R.int(10, 40) / 100 : 0 };
}

// 基本支出 by 经济分类: the 一般公共预算 基本支出 split over lines; 三公 items ≥ their lines.
function economic(R, money) {
  const total = money.leaves.reduce((a, l) => a + l.gB, 0);
  const lines = [];
  for (const [cls, [clsName, items]] of Object.entries(ECON)) {
    for (const [k, name] of items) {
      const must = cls === '301' && k === '01';
      if (!must && !R.chance(cls === '301' ? 0.7 : 0.45)) continue;
      lines.push({ cls, clsName, code: cls + k, name, weight: cls === '301' ? R.int(20, 100) : R.int(1, 12) });
    }
  }
  const wsum = lines.reduce((a, x) => a + x.weight, 0);
  let rest = total;
  for (const x of lines) {
    x.v = Math.floor((total * x.weight) / wsum);
    rest -= x.v;
  }
  lines[0].v += rest;
  return lines;
}

// ------------------------------------------------------------------ sheets and cells
class Sheet {
  constructor(name) {
    Object.assign(this, { name, cells: new Map(), merges: [], relations: [], tables: [], style: new Map(), plantable: new Set() });
  }
  put(r, c, v) {
    this.cells.set(`${r},${c}`, v);
  }
  amt(r, c, cents, unit, key) {
    const v = { cents, unit };
    this.cells.set(`${r},${c}`, v);
    return v;
  }
  get(r, c) {
    return this.cells.get(`${r},${c}`);
  }
  rel(total, parts) {
    this.relations.push({ total, parts });
  }
  merge(t, l, b, r) {
    if (t !== b || l !== r) this.merges.push([t, l, b, r]);
  }
}

const TOTAL_WORDS = ['合计', '合  计', '合 计', '总计'];

// Title, 编制部门/unit line above a table; returns the first row of the header.
function heading(s, R, b, top, left, width, title, unit) {
  // books number their tables: "表1 …", "附表1：…", "公开表1 …", or a line of its own above the title
  const no = b.tableNo;
  const x = R.next();
  if (x < 0.1) {
    s.put(top, left, R.pick([`表${no}`, `附件${no}`, `公开表${no}`]));
    top++;
  } else if (x < 0.3) title = `${R.pick([`表${no} `, `附表${no}：`, `公开表${no}　`, `${no}.`])}${title}`;
  s.put(top, left, title);
  if (b.mergeTitles) s.merge(top, left, top, left + width - 1);
  const unitText = unit ? R.pick([`单位：${unit}`, `单位:${unit}`, `金额单位：${unit}`]) : null;
  const dept = R.chance(0.5);
  if (dept) s.put(top + 1, left, `编制部门：${b.money.dept}`);
  if (unitText) s.put(top + 1, left + width - 1, unitText);
  return dept || unitText ? top + 2 : top + 1;
}
function notes(s, R, row, left, extra) {
  const lines = [];
  if (extra) lines.push(extra);
  if (R.chance(0.3)) lines.push(R.pick(['注：本表数据按四舍五入保留两位小数，合计数与分项之和可能存在尾差。', '注：本表反映部门全部收支。', '备注：本表为汇总数。']));
  lines.forEach((t, i) => s.put(row + 1 + i, left, t));
  return row + lines.length;
}

// A 科目 table: rows 类/款/项 (codes split or in one column), value columns, a 合计 row at the top or bottom.
// cols: [{ head, group?, of(leaf) | sum: [i, j..] }]; leaves with all zero are left out.
function codeTable(s, R, b, top, left, spec) {
  const { title, unit, cols, leaves, keyPrefix } = spec;
  // some books state the unit in the heading over the amounts ("支出预算（万元）") instead of a unit line
  const unitInHead = b.unitInHeader && spec.groupHead;
  const groupHead = unitInHead ? `${spec.groupHead}（${unit}）` : spec.groupHead;
  const vals = (l) => cols.map((col) => (col.sum ? null : col.of(l)));
  const rowsOf = leaves.filter((l) => vals(l).some((v) => v));
  const style = R.next() < 0.55 ? 'split' : R.chance(0.65) ? 'one' : 'inname';
  const split = style === 'split';
  const dropZero = split && R.chance(0.25);
  const repeatParent = R.chance(0.7);
  const codeCols = split ? 3 : style === 'one' ? 1 : 0;
  const nameCol = left + codeCols;
  const firstVal = nameCol + 1;
  const width = codeCols + 1 + cols.length;
  let r = heading(s, R, b, top, left, width, title, unitInHead ? null : unit);
  const headerTop = r;
  // 决算 style: 项目 | 支出功能分类科目编码 | 类 款 项 合计, the 合计 amounts on the 类|款|项 row
  const totalOnHeader = split && b.family === 'juesuan' && !groupHead && !cols.some((c) => c.group) && R.chance(0.6);
  if (totalOnHeader) {
    s.put(r, left, '项目');
    s.merge(r, left, r, nameCol);
    s.put(r + 1, left, R.pick(['支出功能分类科目编码', '科目编码']));
    s.merge(r + 1, left, r + 1, left + 2);
    s.put(r + 1, nameCol, '科目名称');
    ['类', '款', '项'].forEach((t, i) => s.put(r + 2, left + i, t));
    s.put(r + 2, nameCol, R.pick(['合计', '合 计']));
    cols.forEach((col, i) => {
      s.put(r, firstVal + i, col.head);
      s.merge(r, firstVal + i, r + 1, firstVal + i);
    });
    r += 2;
  } else {
    // header: row 1 = 科目编码 group | 科目名称 | group head over values; row 2 = 类 款 项 | … | value heads
    if (codeCols) s.put(r, left, R.pick(['功能分类科目编码', '科目编码', '支出功能分类科目编码']));
    if (split) {
      s.merge(r, left, r, left + 2);
      ['类', '款', '项'].forEach((t, i) => s.put(r + 1, left + i, t));
    } else if (codeCols) {
      s.put(r + 1, left, '编码');
    }
    if (b.splitHeads && !b.mergeHeads) {
      // a header cell broken over two rows, as PDF conversion leaves it
      s.put(r, nameCol, '功能分类');
      s.put(r + 1, nameCol, '科目名称');
    } else {
      s.put(r, nameCol, R.pick(['科目名称', '功能分类科目名称']));
      if (b.mergeHeads) s.merge(r, nameCol, r + 1, nameCol);
    }
    if (groupHead) {
      s.put(r, firstVal, groupHead);
      s.merge(r, firstVal, r, firstVal + cols.length - 1);
      cols.forEach((col, i) => s.put(r + 1, firstVal + i, col.head));
    } else {
      cols.forEach((col, i) => {
        if (col.group) {
          s.put(r, firstVal + i, col.group);
          s.put(r + 1, firstVal + i, col.head);
        } else {
          s.put(r, firstVal + i, col.head);
          if (b.mergeHeads) s.merge(r, firstVal + i, r + 1, firstVal + i);
        }
      });
      // merge group heads over their runs
      let i = 0;
      while (i < cols.length) {
        if (!cols[i].group) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < cols.length && cols[j + 1].group === cols[i].group) j++;
        s.merge(r, firstVal + i, r, firstVal + j);
        for (let k = i + 1; k <= j; k++) s.cells.delete(`${r},${firstVal + k}`);
        i = j + 1;
      }
    }
    r += 2;
  }
  const totalTop = !totalOnHeader && R.chance(0.25);
  const totalWord = R.next() < 0.08 ? '小计' : R.pick(TOTAL_WORDS);
  const spacer = b.spacers && R.chance(0.6);
  let totalRow = null;
  const writeTotal = () => {
    if (!totalTop && spacer && R.chance(0.5)) r++;
    totalRow = r++;
    if (split && R.chance(0.7)) {
      s.put(totalRow, left, totalWord);
      if (R.chance(0.5)) s.merge(totalRow, left, totalRow, nameCol);
    } else s.put(totalRow, nameCol, totalWord);
  };
  if (totalOnHeader) totalRow = r++;
  else if (totalTop) writeTotal();
  const keys = b.keys;
  const K = (name, row, ci) => keys.set(`${keyPrefix}.${name}.${ci}`, { s, r: row, c: firstVal + ci });
  const classRows = [];
  const byCls = new Map();
  for (const l of rowsOf) {
    if (!byCls.has(l.cls)) byCls.set(l.cls, new Map());
    const km = byCls.get(l.cls);
    if (!km.has(l.kuan)) km.set(l.kuan, []);
    km.get(l.kuan).push(l);
  }
  const pad = R.chance(0.15) ? ' ' : '';
  const codeCells = (row, code, name) => {
    const part = (x) => (dropZero ? String(Number(x)) : x);
    if (split) {
      const level = code.length === 3 ? 0 : code.length === 5 ? 1 : 2;
      if (repeatParent || level === 0) s.put(row, left, code.slice(0, 3));
      if (code.length >= 5 && (repeatParent || level === 1)) s.put(row, left + 1, part(code.slice(3, 5)));
      if (code.length >= 7) s.put(row, left + 2, part(code.slice(5, 7)));
    } else if (codeCols) s.put(row, left, code);
    s.put(row, nameCol, style === 'inname' ? `${code}${R.pick(['', ' '])}${name}` : name + pad);
  };
  const sums = (ls) => cols.map((_, ci) => ls.reduce((a, l) => a + (vals(l)[ci] ?? 0), 0));
  let first = true;
  for (const [cls, km] of byCls) {
    if (spacer && !first) r++;
    first = false;
    const all = [...km.values()].flat();
    const clsRow = r++;
    codeCells(clsRow, cls, all[0].clsName);
    classRows.push(clsRow);
    const kuanRows = [];
    const clsVals = sums(all);
    for (const [kuan, xs] of km) {
      const kuanRow = r++;
      codeCells(kuanRow, kuan, xs[0].kuanName);
      kuanRows.push(kuanRow);
      const leafRows = [];
      for (const l of xs) {
        const lr = r++;
        codeCells(lr, l.code, l.name);
        leafRows.push(lr);
        writeRow(lr, vals(l));
        cols.forEach((_, ci) => K(l.code, lr, ci));
      }
      writeRow(kuanRow, sums(xs));
      cols.forEach((_, ci) => {
        K(kuan, kuanRow, ci);
        s.rel([kuanRow, firstVal + ci], leafRows.map((x) => [x, firstVal + ci]));
      });
    }
    writeRow(clsRow, clsVals);
    cols.forEach((_, ci) => {
      K(cls, clsRow, ci);
      s.rel([clsRow, firstVal + ci], kuanRows.map((x) => [x, firstVal + ci]));
    });
  }
  if (!totalTop && !totalOnHeader) writeTotal();
  writeRow(totalRow, sums(rowsOf));
  cols.forEach((_, ci) => {
    K('total', totalRow, ci);
    s.rel([totalRow, firstVal + ci], classRows.map((x) => [x, firstVal + ci]));
  });
  function writeRow(row, vs) {
    const full = vs.map((v) => v ?? 0);
    for (let ci = cols.length - 1; ci >= 0; ci--) if (cols[ci].sum) full[ci] = cols[ci].sum.reduce((a, j) => a + full[j], 0);
    full.forEach((v, ci) => {
      if (v === 0 && b.zeroBlank) return;
      s.amt(row, firstVal + ci, v, unit);
    });
    cols.forEach((col, ci) => {
      if (col.sum) s.rel([row, firstVal + ci], col.sum.map((j) => [row, firstVal + j]));
    });
  }
  const bottom = Math.max(r - 1, totalRow);
  s.tables.push({ range: [headerTop, left, bottom, left + width - 1], kind: 'classification', role: keyPrefix });
  return notes(s, R, bottom, left, spec.note);
}

// An empty 政府性基金 / 国有资本经营 table: header, 无, an empty 合计 row, a 说明 line (unless planted away).
function emptyTable(s, R, b, top, left, spec) {
  const width = 3 + 1 + 3;
  let r = heading(s, R, b, top, left, width, spec.title, spec.unit);
  const headerTop = r;
  s.put(r, left, '功能分类科目编码');
  s.merge(r, left, r, left + 2);
  ['类', '款', '项'].forEach((t, i) => s.put(r + 1, left + i, t));
  s.put(r, left + 3, '科目名称');
  s.merge(r, left + 3, r + 1, left + 3);
  s.put(r, left + 4, spec.groupHead);
  s.merge(r, left + 4, r, left + 6);
  ['合计', '基本支出', '项目支出'].forEach((t, i) => s.put(r + 1, left + 4 + i, t));
  r += 2;
  if (R.chance(0.5)) s.put(r++, left, '无');
  else r++;
  const totalRow = r;
  s.put(totalRow, left, R.pick(TOTAL_WORDS));
  s.tables.push({ range: [headerTop, left, totalRow, left + width - 1], kind: 'classification', anyKind: true, role: spec.role, empty: true });
  const note = spec.noNote ? null : `注：本${b.orgWord}${b.money.year}年${spec.none}，故本表为空表。`;
  return notes(s, R, totalRow, left, note);
}

// A two-sided 收支总表: left lines and right lines [{ label, v, key, parts: [idx] }], 总计 at the bottom, equal.
function twoSided(s, R, b, top, left, spec) {
  const { title, unit, leftLines, rightLines, rightCols } = spec;
  const rc = rightCols || [spec.rightHead || '预算数'];
  // 决算 forms number their lines in a 行次 column beside each side's labels
  const o = spec.ordinals ? 1 : 0;
  const lv = left + 1 + o; // the income side's amount column
  const rl = lv + 1; // the expense side's label column
  const rv = rl + 1 + o; // its first amount column
  const width = rv - left + rc.length;
  const unitInHead = b.unitInHeader && rc.length === 1;
  let r = heading(s, R, b, top, left, width, title, unitInHead ? null : unit);
  const headerTop = r;
  s.put(r, left, spec.leftGroup);
  s.merge(r, left, r, lv);
  s.put(r, rl, spec.rightGroup);
  s.merge(r, rl, r, rv + rc.length - 1);
  const withUnit = (h) => (unitInHead ? `${h}（${unit}）` : h);
  s.put(r + 1, left, '项目');
  if (o) s.put(r + 1, left + 1, '行次');
  s.put(r + 1, lv, withUnit(spec.leftHead || '预算数'));
  s.put(r + 1, rl, '项目');
  if (o) s.put(r + 1, rl + 1, '行次');
  rc.forEach((h, i) => s.put(r + 1, rv + i, withUnit(h)));
  r += 2;
  const body = r;
  const n = Math.max(leftLines.length, rightLines.length);
  const place = (lines, col, valCol, nCols, firstNo) => {
    lines.forEach((ln, i) => {
      const row = body + i;
      s.put(row, col, ln.label);
      if (o && ln.label) s.put(row, col + 1, firstNo + i);
      for (let k = 0; k < nCols; k++) {
        const v = ln.vs ? ln.vs[k] : ln.v;
        if (v === undefined || (v === 0 && (ln.blankZero || b.zeroBlank))) continue;
        s.amt(row, valCol + k, v, unit);
        if (ln.key) b.keys.set(`${ln.key}${nCols > 1 ? '.' + k : ''}`, { s, r: row, c: valCol + k });
      }
    });
  };
  place(leftLines, left, lv, 1, 1);
  place(rightLines, rl, rv, rc.length, n + 2);
  const totalRow = body + n;
  // the expense side's relations: its 本年支出合计 (else 支出总计) = Σ 类 lines, per column; in a
  // 财政拨款收支总表 each line's 合计 = 一般公共预算 + 政府性基金 + 国有资本经营; 类 lines may carry a planted error
  const classRows = rightLines.map((ln, i) => (ln.cls ? body + i : -1)).filter((x) => x >= 0);
  const yearIdx = rightLines.findIndex((ln) => ln.sumOfClasses);
  const sumRow = yearIdx >= 0 ? body + yearIdx : totalRow;
  for (let k = 0; k < rc.length; k++) s.rel([sumRow, rv + k], classRows.map((x) => [x, rv + k]));
  if (rc.length > 1) {
    rightLines.forEach((ln, i) => {
      if (ln.rowSum) s.rel([body + i, rv], [1, 2, 3].map((j) => [body + i, rv + j]));
    });
    s.rel([totalRow, rv], [1, 2, 3].map((j) => [totalRow, rv + j]));
  }
  for (const x of classRows) for (let k = 0; k < rc.length; k++) s.plantable.add(`${x},${rv + k}`);
  s.put(totalRow, left, spec.leftTotal.label);
  s.put(totalRow, rl, spec.rightTotal.label);
  if (o) {
    s.put(totalRow, left + 1, n + 1);
    s.put(totalRow, rl + 1, 2 * n + 2);
  }
  s.amt(totalRow, lv, spec.leftTotal.v, unit);
  b.keys.set(spec.leftTotal.key, { s, r: totalRow, c: lv });
  rc.forEach((_, k) => {
    const v = spec.rightTotal.vs ? spec.rightTotal.vs[k] : spec.rightTotal.v;
    s.amt(totalRow, rv + k, v, unit);
    b.keys.set(`${spec.rightTotal.key}${rc.length > 1 ? '.' + k : ''}`, { s, r: totalRow, c: rv + k });
  });
  s.tables.push({ range: [headerTop, left, totalRow, left + width - 1], kind: 'summary', role: spec.role });
  return notes(s, R, totalRow, left, null);
}

// 三公 table: one row (上海), a column list (情况表), or paired 预算数/决算数 (决算).
function sangong(s, R, b, top, left, spec) {
  const { unit, items } = spec; // items: { abroad, buy, run, recv }
  const car = items.buy + items.run;
  const total = items.abroad + car + items.recv;
  const K = (name, row, col) => b.keys.set(`sg.${name}`, { s, r: row, c: col });
  if (spec.layout === 'list') {
    const width = 5;
    let r = heading(s, R, b, top, left, width, spec.title, unit);
    const headerTop = r;
    s.put(r, left, '项目');
    s.put(r, left + 1, '合计');
    s.put(r, left + 2, '一般公共预算');
    s.put(r, left + 3, '政府性基金');
    s.put(r, left + 4, '国有资本经营预算');
    r++;
    const rows = [['合计', total, 'total'], ['因公出国（境）费', items.abroad, 'abroad'], ['公务接待费', items.recv, 'recv'], ['公务用车购置及运行费', car, 'car'], ['其中：公务用车购置费', items.buy, 'buy'], ['公务用车运行费', items.run, 'run']];
    const at = {};
    for (const [label, v, k] of rows) {
      s.put(r, left, label);
      if (!(v === 0 && b.zeroBlank)) {
        s.amt(r, left + 1, v, unit);
        s.amt(r, left + 2, v, unit);
      }
      K(k, r, left + 1);
      b.keys.set(`sg.${k}.gpb`, { s, r, c: left + 2 });
      at[k] = r++;
    }
    for (const c of [left + 1, left + 2]) {
      s.rel([at.total, c], [[at.abroad, c], [at.recv, c], [at.car, c]]);
      s.rel([at.car, c], [[at.buy, c], [at.run, c]]);
    }
    for (const k of Object.keys(at)) s.rel([at[k], left + 1], [[at[k], left + 2], [at[k], left + 3], [at[k], left + 4]]);
    s.tables.push({ range: [headerTop, left, r - 1, left + width - 1], kind: 'generic', anyKind: true, role: 'sg' });
    return notes(s, R, r - 1, left, spec.falseNote);
  }
  const paired = spec.layout === 'paired';
  const per = paired ? 2 : 1;
  const width = 6 * per;
  let r = heading(s, R, b, top, left, width, spec.title, unit);
  const headerTop = r;
  const heads = ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费'];
  // row 1: 合计 | 出国 | 接待 | 公务用车购置及运行费 (over 3 × per); row 2: 小计 购置费 运行费; row 3 (paired): 预算数 决算数
  s.put(r, left, heads[0]);
  s.put(r, left + per, heads[1]);
  s.put(r, left + 2 * per, heads[2]);
  s.put(r, left + 3 * per, heads[3]);
  s.merge(r, left + 3 * per, r, left + 6 * per - 1);
  for (let i = 0; i < 3; i++) s.merge(r, left + i * per, r + 1, left + i * per + per - 1);
  ['小计', '购置费', '运行费'].forEach((t, i) => {
    s.put(r + 1, left + (3 + i) * per, t);
    if (paired) s.merge(r + 1, left + (3 + i) * per, r + 1, left + (3 + i) * per + 1);
  });
  r += 2;
  if (paired) {
    for (let i = 0; i < 6; i++) {
      s.put(r, left + i * per, '预算数');
      s.put(r, left + i * per + 1, '决算数');
    }
    r++;
  }
  const row = r;
  for (let k = 0; k < per; k++) {
    const pre = paired && k === 0 ? spec.budgetItems : items;
    const vs = [pre.abroad + pre.buy + pre.run + pre.recv, pre.abroad, pre.recv, pre.buy + pre.run, pre.buy, pre.run];
    // a row of nothing but blanks would leave the table without a body: a book prints its zeros then
    const allZero = vs.every((v) => v === 0);
    vs.forEach((v, i) => {
      if (!(v === 0 && b.zeroBlank && !allZero)) s.amt(row, left + i * per + k, v, unit);
    });
    const c = (i) => [row, left + i * per + k];
    s.rel(c(0), [c(1), c(2), c(3)]);
    s.rel(c(3), [c(4), c(5)]);
    if (!paired || k === 1) ['total', 'abroad', 'recv', 'car', 'buy', 'run'].forEach((nm, i) => K(nm, row, left + i * per + k));
  }
  s.tables.push({ range: [headerTop, left, row, left + width - 1], kind: 'generic', anyKind: true, role: 'sg' });
  return notes(s, R, row, left, spec.falseNote);
}

// ------------------------------------------------------------------ one book
const NAMES = {
  qingkuang: { szz: '部门收支总体情况表', srz: '部门收入总体情况表', zcz: '部门支出总体情况表', czbk: '财政拨款收支总体情况表', gpb: '一般公共预算支出情况表', basic: '一般公共预算基本支出情况表', fund: '政府性基金预算支出情况表', soe: '国有资本经营预算支出情况表', sg: '一般公共预算“三公”经费支出情况表' },
  shanghai: { szz: '部门财务收支预算总表', srz: '部门收入预算总表', zcz: '部门支出预算总表', czbk: '部门财政拨款收支预算总表', gpb: '部门一般公共预算支出功能分类预算表', basic: '部门一般公共预算基本支出部门预算经济分类预算表', fund: '部门政府性基金预算支出功能分类预算表', soe: '部门国有资本经营预算支出功能分类预算表', sg: '部门“三公”经费和机关运行经费预算表' },
  juesuan: { szz: '收入支出决算总表', srz: '收入决算表', zcz: '支出决算表', czbk: '财政拨款收入支出决算总表', gpb: '一般公共预算财政拨款支出决算表', basic: '一般公共预算财政拨款基本支出决算表', fund: '政府性基金预算财政拨款收入支出决算表', soe: '国有资本经营预算财政拨款支出决算表', sg: '财政拨款“三公”经费支出决算表' },
};

// Each table draws from its own copy of the money, so a cross-table plant changes one table only.
function views(money) {
  const copy = () => money.leaves.map((l) => ({ ...l }));
  return { szz: copy(), srz: copy(), zcz: copy(), czbk: copy(), gpb: copy(), fund: copy(), proj: copy() };
}

// The 项目支出表 of a book with more tables: 一般公共预算 only (its 合计 = 一般公共预算支出表 项目支出), or every
// fund (合计 = 支出总表 项目支出, its 一般公共预算 column = 一般公共预算支出表 项目支出).
const PROJECT_NAMES = {
  qingkuang: { gpb: '一般公共预算项目支出情况表', all: '部门项目支出情况表' },
  shanghai: { gpb: '部门一般公共预算项目支出预算表', all: '部门项目支出预算表' },
  juesuan: { gpb: '一般公共预算财政拨款项目支出决算表', all: '项目支出决算表' },
};

function buildBook(seed, opts = {}) {
  const R = rng(seed * 104729 + 7);
  // the choices of a book with more tables: their own stream, so the tables every book has are drawn as before
  const X = opts.more ? rng(seed * 7907 + 3) : null;
  const family = R.pick(['qingkuang', 'shanghai', 'juesuan']);
  const money = department(R, family);
  const final = family === 'juesuan';
  const unitOf = family === 'shanghai' ? '元' : '万元';
  const b = {
    family, money, keys: new Map(), sheets: [], R,
    mergeTitles: R.chance(0.5), mergeHeads: R.chance(0.6), splitHeads: R.chance(0.5), spacers: R.chance(0.25), zeroBlank: R.chance(0.5),
    zeroText: R.chance(0.15) ? R.pick(['-', '—', '0.00']) : null,
    textNums: R.chance(0.35), orgWord: R.pick(['部门', '单位']), unitInHeader: R.chance(0.15),
  };
  const names = { ...NAMES[family] };
  const project = X ? X.pick(['gpb', 'all']) : null;
  if (project) names.proj = PROJECT_NAMES[family][project];
  // a 决算 book's 政府性基金 table in the 决算 form, with 结转 columns around 本年收入 and 本年支出
  const fundForm = X && final && money.hasFund && X.chance(0.7) ? 'flow' : 'plain';
  // its 结转: fo carried in, fc carried out; what came in this year is then f + fc − fo (see fin)
  if (fundForm === 'flow') {
    for (const l of money.leaves) {
      if (l.f <= 0) continue;
      l.fo = X.chance(0.6) ? X.int(0, Math.floor(l.f / 2)) : 0;
      l.fc = X.chance(0.6) ? X.int(0, Math.floor(l.f / 2)) : 0;
    }
  }
  const yearTitle = (t) => (final ? `${money.year}年度${t}` : R.chance(0.7) ? `${money.year}年${t}` : t);
  const econ = economic(R, money);
  const line = (code) => econ.find((x) => x.code === code)?.v ?? 0;
  // 三公: ≥ its 经济分类 lines; in 元 books the 三公 table may be in 万元 (cents of 万元 = 100 元)
  const sgUnit = family === 'shanghai' && R.chance(0.7) ? '万元' : unitOf;
  const toSg = (v) => (sgUnit === unitOf ? v : Math.ceil(v / 10000));
  const extra = () => (R.chance(0.5) ? 0 : R.int(1, 900) * (sgUnit === unitOf && unitOf === '元' ? 100 : 1));
  const sgItems = { abroad: toSg(line('30212')) + (R.chance(0.6) ? 0 : extra()), recv: toSg(line('30217')) + extra(), run: toSg(line('30231')) + extra(), buy: toSg(line('31013')) + (R.chance(0.7) ? 0 : extra()) };
  const sgBudget = Object.fromEntries(Object.entries(sgItems).map(([k, v]) => [k, v + (R.chance(0.5) ? R.int(0, 500) : 0)]));

  // The cross-table plant: one table's copy of one leaf is changed; its totals follow.
  const V = views(money);
  const plan = { cross: null };
  const crossKinds = ['gpb', 'zcz', 'srz', 'basic', 'sg', 'czbk', 'szz', ...(money.hasFund ? ['fund'] : [])];
  const projField = project === 'all' ? X.pick(['gP', 'gP', 'f', 'oP']) : 'gP';
  const mode = process.env.HOLDOUT_BOOK_NO_PLANT ? (R.next(), 'clean') : R.next() < 0.2 ? 'clean' : R.next() < 0.55 ? 'cross' : 'within';
  const mode2 = mode === 'cross' && R.chance(0.3) ? 'both' : mode;
  if (mode === 'cross') {
    const kind = project && X.chance(0.35) ? 'proj' : R.pick(crossKinds);
    const delta = (R.chance(0.2) ? 1 : R.int(100, 50000)) * (unitOf === '元' ? 100 : 1) * R.pick([1, -1]);
    plan.cross = { kind, delta };
    const pickLeaf = (ls, field) => {
      const c = ls.filter((l) => l[field] + delta > 0 && l[field] > 0);
      return c.length ? R.pick(c) : null;
    };
    if (kind === 'proj') {
      const l = pickLeaf(V.proj, projField) || pickLeaf(V.proj, 'gP');
      if (l) l[l[projField] > 0 && l[projField] + delta > 0 ? projField : 'gP'] += delta;
      else plan.cross = null;
    } else if (kind === 'fund' && fundForm === 'flow' && X.chance(0.5)) {
      // its 结转 changed in the 基金 table only: 年初 or 年末 and 本年收入 disagree with the 财政拨款收入支出决算总表
      const l = R.pick(V.fund.filter((x) => x.f > 0));
      const d = Math.abs(delta);
      if (X.chance(0.5) && l.f + l.fc - l.fo > 0) l.fo += Math.min(d, l.f + l.fc - l.fo);
      else l.fc += d;
    } else if (kind === 'fund') {
      const l = pickLeaf(V.fund, 'f');
      if (l) l.f += delta;
      else plan.cross = null;
    } else if (kind === 'gpb' || kind === 'czbk' || kind === 'szz') {
      const l = pickLeaf(V[kind], R.pick(['gB', 'gP']));
      if (l) (l.gB > 0 && l.gB + delta > 0 ? (l.gB += delta) : (l.gP += delta));
      else plan.cross = null;
    } else if (kind === 'zcz') {
      const l = pickLeaf(V.zcz, 'gP') || pickLeaf(V.zcz, 'gB');
      if (l) (l.gP > 0 && l.gP + delta > 0 ? (l.gP += delta) : (l.gB += delta));
      else plan.cross = null;
    } else if (kind === 'srz') {
      const l = pickLeaf(V.srz, 'gB') || pickLeaf(V.srz, 'gP');
      if (l) (l.gB > 0 && l.gB + delta > 0 ? (l.gB += delta) : (l.gP += delta));
      else plan.cross = null;
    } else if (kind === 'basic') {
      const c = econ.filter((x) => x.v + delta > 0 && !['30212', '30217', '30231', '31013'].includes(x.code));
      if (c.length) R.pick(c).v += delta;
      else plan.cross = null;
    } else if (kind === 'sg') {
      // (in a 决算 book the 决算数 column is reduced: the outturn is what its 经济分类 line bounds)
      // a 三公 item below its 经济分类 line
      const c = ['recv', 'run', 'abroad', 'buy'].filter((k) => sgItems[k] > 0);
      if (c.length) {
        const k = R.pick(c);
        const lineCode = { abroad: '30212', recv: '30217', run: '30231', buy: '31013' }[k];
        const lineV = toSg(line(lineCode));
        if (lineV > 0) sgItems[k] = Math.max(0, lineV - R.int(1, Math.max(1, lineV)));
        else plan.cross = null;
      } else plan.cross = null;
    }
  }
  const sumOf = (ls, f) => ls.reduce((a, l) => a + f(l), 0);
  const g = (l) => l.gB + l.gP;
  // 政府性基金 received this year (= spent when nothing is carried: every book but a 决算 form's with 结转)
  const fin = (l) => l.f + (l.fc ?? 0) - (l.fo ?? 0);
  const fOpen = (ls) => sumOf(ls, (l) => l.fo ?? 0);
  const fClose = (ls) => sumOf(ls, (l) => l.fc ?? 0);
  const exp = (l) => l.gB + l.gP + l.f + l.oB + l.oP + l.c;
  const classTotals = (ls, f) => {
    const m = new Map();
    for (const l of ls) m.set(l.cls, (m.get(l.cls) ?? 0) + f(l));
    return m;
  };

  // ---- the tables, each drawn by a function (sheet, top, left) → bottom row
  const tables = [];
  const unitFor = () => (unitOf === '万元' && R.chance(0.1) ? '元' : unitOf); // one table of a 万元 book in 元
  const scaleTo = (unit) => (unit === unitOf ? 1 : 10000);

  // 收支总表
  tables.push(['szz', (s, top, left) => {
    const ls = V.szz;
    const unit = unitFor();
    const k = scaleTo(unit);
    const G = sumOf(ls, g) * k, F = sumOf(ls, (l) => l.f) * k, C = sumOf(ls, (l) => l.c) * k;
    const sy = sumOf(ls.filter((l) => l.oSrc === '事业收入'), (l) => l.oB + l.oP) * k, qt = sumOf(ls.filter((l) => l.oSrc === '其他收入'), (l) => l.oB + l.oP) * k;
    const ct = classTotals(ls, exp);
    let leftLines, rightLines, leftTotal, rightTotal, extraRows = [];
    if (final) {
      const opening = money.opening ?? (money.opening = R.int(0, 9000));
      const surplus = money.surplus ?? (money.surplus = R.chance(0.4) ? R.int(1, 900) : 0);
      const Fi = sumOf(ls, fin) * k, Fo = fOpen(ls) * k, Fc = fClose(ls) * k;
      leftLines = [
        { label: '一、一般公共预算财政拨款收入', v: G, key: 'szz.inc.gpb' },
        { label: '二、政府性基金预算财政拨款收入', v: Fi, key: 'szz.inc.fund' },
        { label: '三、国有资本经营预算财政拨款收入', v: 0 },
        { label: '四、上级补助收入', v: 0 },
        { label: '五、事业收入', v: sy },
        { label: '六、经营收入', v: 0 },
        { label: '七、附属单位上缴收入', v: 0 },
        { label: '八、其他收入', v: qt + surplus * k },
      ];
      const used = ALL_CLASSES.filter(([c]) => ct.has(c) || R.chance(0.3));
      rightLines = used.map(([c, n], i) => ({ label: `${CN[i]}、${n}`, v: (ct.get(c) ?? 0) * k, key: `szz.exp.${c}`, cls: true }));
      const inc = G + Fi + sy + qt + surplus * k, out = sumOf(ls, exp) * k;
      const n = Math.max(leftLines.length, rightLines.length);
      while (leftLines.length < n) leftLines.push({ label: '' });
      while (rightLines.length < n) rightLines.push({ label: '' });
      leftLines.push({ label: '本年收入合计', v: inc, key: 'szz.incTotal' });
      rightLines.push({ label: '本年支出合计', v: out, key: 'szz.expTotal', sumOfClasses: true });
      leftLines.push({ label: '年初结转和结余', v: opening * k + Fo });
      rightLines.push({ label: '年末结转和结余', v: (opening + surplus) * k + Fc });
      leftTotal = { label: '总计', v: inc + opening * k + Fo, key: 'szz.total.l' };
      rightTotal = { label: '总计', v: out + (opening + surplus) * k + Fc, key: 'szz.total.r' };
    } else if (family === 'shanghai') {
      leftLines = [
        { label: '一、财政拨款收入', v: G + F },
        { label: '1. 一般公共预算', v: G, key: 'szz.inc.gpb' },
        { label: '2. 政府性基金预算', v: F, key: 'szz.inc.fund' },
        { label: '3. 国有资本经营预算', v: 0 },
        { label: '二、事业收入', v: sy },
        { label: '三、事业单位经营收入', v: 0 },
        { label: '四、其他收入', v: qt },
      ];
      rightLines = [...ct.keys()].map((c, i) => ({ label: `${CN[i]}、${ALL_CLASSES.find((x) => x[0] === c)[1]}`, v: ct.get(c) * k, key: `szz.exp.${c}`, cls: true }));
      leftTotal = { label: '收入总计', v: G + F + sy + qt, key: 'szz.incTotal' };
      rightTotal = { label: '支出总计', v: sumOf(ls, exp) * k, key: 'szz.expTotal' };
    } else {
      leftLines = [
        { label: '一、本年收入', v: G + F + sy + qt },
        { label: '1. 一般公共预算拨款', v: G, key: 'szz.inc.gpb' },
        // seed004 splits 一般公共预算拨款 into 其中 lines
        ...(money.splitGeneral ? [{ label: '其中：一般财力', v: G - Math.floor(G * money.splitGeneral) }, { label: '上级一般公共预算安排转移支付', v: Math.floor(G * money.splitGeneral) }] : []),
        { label: '2. 政府性基金预算拨款', v: F, key: 'szz.inc.fund' },
        { label: '3. 国有资本经营预算拨款', v: 0 },
        { label: '4. 单位资金', v: sy + qt },
        { label: '二、上年结转结余', v: C },
      ];
      rightLines = ALL_CLASSES.map(([c, n]) => ({ label: `${c}${n}`, v: (ct.get(c) ?? 0) * k, key: `szz.exp.${c}`, blankZero: true, cls: true }));
      leftTotal = { label: '收入总计', v: G + F + sy + qt + C, key: 'szz.incTotal' };
      rightTotal = { label: '支出总计', v: sumOf(ls, exp) * k, key: 'szz.expTotal' };
    }
    return twoSided(s, R, b, top, left, { ordinals: final && R.chance(0.5), title: yearTitle(names.szz), unit, leftLines, rightLines, leftTotal, rightTotal, leftGroup: final ? '收入' : R.pick(['收入', '本年收入']), rightGroup: final ? '支出' : R.pick(['支出', '本年支出']), leftHead: final ? '决算数' : '预算数', rightHead: final ? '决算数' : '预算数', role: 'szz' });
  }]);

  // 收入总表 / 收入决算表
  tables.push(['srz', (s, top, left) => {
    const unit = unitFor();
    const k = scaleTo(unit);
    const ls = V.srz.map((l) => ({ ...l }));
    if (final && money.surplus) {
      const l = ls.find((x) => x.oSrc === '其他收入') || ls[0];
      l.oSrc = '其他收入';
      l.extraIncome = money.surplus;
    }
    const oth = (l, src) => (l.oSrc === src ? l.oB + l.oP + (l.extraIncome ?? 0) : 0);
    let cols;
    if (final) cols = [{ head: '本年收入合计', sum: [1, 2, 3, 4, 5, 6] }, { head: '财政拨款收入', of: (l) => (g(l) + fin(l)) * k }, { head: '上级补助收入', of: () => 0 }, { head: '事业收入', of: (l) => oth(l, '事业收入') * k }, { head: '经营收入', of: () => 0 }, { head: '附属单位上缴收入', of: () => 0 }, { head: '其他收入', of: (l) => oth(l, '其他收入') * k }];
    else if (family === 'shanghai') cols = [{ head: '合计', sum: [1, 2, 3, 4] }, { head: '财政拨款收入', of: (l) => (g(l) + l.f) * k }, { head: '事业收入', of: (l) => oth(l, '事业收入') * k }, { head: '事业单位经营收入', of: () => 0 }, { head: '其他收入', of: (l) => oth(l, '其他收入') * k }];
    else if (money.splitGeneral && R.chance(0.6)) {
      // seed004: 上级转移支付 beside 一般公共预算 under 财政拨款（补助）
      const up = (l) => Math.floor(g(l) * money.splitGeneral);
      cols = [{ head: '总计', sum: [1, 5, 6] }, { head: '财政拨款（补助）小计', group: '财政拨款（补助）', sum: [2, 3, 4] }, { head: '一般公共预算', group: '财政拨款（补助）', of: (l) => (g(l) - up(l)) * k }, { head: '上级一般公共预算安排的转移支付', group: '财政拨款（补助）', of: (l) => up(l) * k }, { head: '政府性基金预算', group: '财政拨款（补助）', of: (l) => l.f * k }, { head: '单位资金', of: (l) => (l.oB + l.oP) * k }, { head: '上年结转', of: (l) => l.c * k }];
    } else cols = [{ head: '总计', sum: [1, 4, 5] }, { head: '小计', group: '财政拨款（补助）', sum: [2, 3] }, { head: '一般公共预算', group: '财政拨款（补助）', of: (l) => g(l) * k }, { head: '政府性基金预算', group: '财政拨款（补助）', of: (l) => l.f * k }, { head: '单位资金', of: (l) => (l.oB + l.oP) * k }, { head: '上年结转', of: (l) => l.c * k }];
    return codeTable(s, R, b, top, left, { title: yearTitle(names.srz), unit, cols, leaves: ls, keyPrefix: 'srz', groupHead: family === 'shanghai' ? '收入预算' : null });
  }]);

  // 支出总表 / 支出决算表
  tables.push(['zcz', (s, top, left) => {
    const unit = unitFor();
    const k = scaleTo(unit);
    const cols = [{ head: final ? '本年支出合计' : R.pick(['合计', '合计', '总计']), sum: [1, 2] }, { head: '基本支出', of: (l) => (l.gB + l.oB) * k }, { head: '项目支出', of: (l) => (l.gP + l.f + l.oP + l.c) * k }];
    // the 决算 form adds three columns a department seldom fills
    if (final && R.chance(0.6)) {
      cols[0].sum = [1, 2, 3, 4, 5];
      cols.push({ head: '上缴上级支出', of: () => 0 }, { head: '经营支出', of: () => 0 }, { head: '对附属单位补助支出', of: () => 0 });
    }
    return codeTable(s, R, b, top, left, { title: yearTitle(names.zcz), unit, cols, leaves: V.zcz, keyPrefix: 'zcz', groupHead: R.pick([null, '支出预算', '本年支出']) });
  }]);

  // 财政拨款收支总表
  tables.push(['czbk', (s, top, left) => {
    const ls = V.czbk;
    const unit = unitFor();
    const k = scaleTo(unit);
    const ctG = classTotals(ls, g), ctF = classTotals(ls, (l) => l.f);
    const G = sumOf(ls, g) * k, F = sumOf(ls, (l) => l.f) * k;
    const Fi = sumOf(ls, fin) * k, Fo = fOpen(ls) * k, Fc = fClose(ls) * k;
    const classes = family === 'shanghai' ? [...new Set(ls.map((l) => l.cls))].filter((c) => (ctG.get(c) ?? 0) + (ctF.get(c) ?? 0)).map((c) => ALL_CLASSES.find((x) => x[0] === c)) : ALL_CLASSES;
    const rightLines = classes.map(([c, n], i) => {
      const gv = (ctG.get(c) ?? 0) * k, fv = (ctF.get(c) ?? 0) * k;
      const used = gv || fv;
      return { label: family === 'qingkuang' ? `${c}${n}` : `${CN[i]}、${n}`, vs: used ? [gv + fv, gv, fv, 0] : [], key: used ? `czbk.exp.${c}` : undefined, blankZero: true, cls: true, rowSum: true };
    });
    const opening = final ? (money.fOpening ?? (money.fOpening = R.int(0, 3000))) * k : 0;
    const leftLines = family === 'qingkuang' && R.chance(0.5)
      ? [
          // seed004: a 财政拨款（补助） line over the funds, unnumbered
          { label: '财政拨款（补助）', v: G + F, key: 'czbk.inc.all' },
          { label: '一般公共预算', v: G, key: 'czbk.inc.gpb' },
          { label: '政府性基金预算', v: F, key: 'czbk.inc.fund' },
          { label: '国有资本经营预算', v: 0 },
        ]
      : [
          { label: final ? '一、一般公共预算财政拨款' : '一、一般公共预算', v: G, key: 'czbk.inc.gpb' },
          { label: final ? '二、政府性基金预算财政拨款' : '二、政府性基金预算', v: Fi, key: 'czbk.inc.fund' },
          { label: final ? '三、国有资本经营预算财政拨款' : '三、国有资本经营预算', v: 0 },
        ];
    const n = Math.max(leftLines.length, rightLines.length);
    while (leftLines.length < n) leftLines.push({ label: '' });
    while (rightLines.length < n) rightLines.push({ label: '' });
    if (final) {
      leftLines.push({ label: '本年收入合计', v: G + Fi, key: 'czbk.incYear' });
      rightLines.push({ label: '本年支出合计', vs: [G + F, G, F, 0], key: 'czbk.expYear', sumOfClasses: true, rowSum: true });
      leftLines.push({ label: '年初财政拨款结转和结余', v: opening + Fo });
      rightLines.push({ label: '年末财政拨款结转和结余', vs: [opening + Fc, opening, Fc, 0], key: fundForm === 'flow' ? 'czbk.close' : undefined });
      // the standard 决算 form breaks the opening balance down by fund under it
      leftLines.push({ label: '一、一般公共预算财政拨款', v: opening });
      leftLines.push({ label: '二、政府性基金预算财政拨款', v: Fo, key: fundForm === 'flow' ? 'czbk.open.fund' : undefined });
      leftLines.push({ label: '三、国有资本经营预算财政拨款', v: 0 });
      rightLines.push({ label: '' }, { label: '' }, { label: '' });
    }
    return twoSided(s, R, b, top, left, { title: yearTitle(names.czbk), unit, leftLines, rightLines, rightCols: ['合计', final ? '一般公共预算财政拨款' : '一般公共预算', final ? '政府性基金预算财政拨款' : '政府性基金预算', final ? '国有资本经营预算财政拨款' : '国有资本经营预算'], leftTotal: { label: '收入总计', v: G + Fi + opening + Fo, key: 'czbk.incTotal' }, rightTotal: { label: '支出总计', vs: [G + F + opening + Fc, G + opening, F + Fc, 0], key: 'czbk.expTotal' }, leftGroup: '财政拨款收入', rightGroup: '财政拨款支出', leftHead: final ? '决算数' : '预算数', role: 'czbk' });
  }]);

  // 一般公共预算支出表
  tables.push(['gpb', (s, top, left) => {
    const unit = unitFor();
    const k = scaleTo(unit);
    const cols = [{ head: '合计', sum: [1, 2] }, { head: '基本支出', of: (l) => l.gB * k }, { head: '项目支出', of: (l) => l.gP * k }];
    return codeTable(s, R, b, top, left, { title: yearTitle(names.gpb), unit, cols, leaves: V.gpb, keyPrefix: 'gpb', groupHead: R.pick([null, '一般公共预算支出']) });
  }]);

  // 基本支出表 (经济分类)
  tables.push(['basic', (s, top, left) => {
    const unit = unitFor();
    const k = scaleTo(unit);
    const leaves = econ.map((x) => ({ cls: x.cls, clsName: ECON[x.cls][0], kuan: x.code, kuanName: x.name, code: x.code, name: x.name, v: x.v }));
    const people = (l) => (l.cls === '301' || l.cls === '303' ? l.v * k : 0);
    const office = (l) => (l.cls === '302' || l.cls === '310' ? l.v * k : 0);
    if (final && R.chance(0.6)) return econHalves(s, R, b, top, left, { title: yearTitle(names.basic), unit, leaves: leaves.map((l) => ({ ...l, v: l.v * k })) });
    return econTable(s, R, b, top, left, { title: yearTitle(names.basic), unit, leaves, people, office });
  }]);

  // 项目支出表
  if (project) {
    tables.push(['proj', (s, top, left) => {
      const unit = unitFor();
      const k = scaleTo(unit);
      const cols = project === 'gpb'
        ? [{ head: X.pick(['项目支出', '合计']), of: (l) => l.gP * k }]
        : [{ head: X.pick(['合计', '项目支出合计']), sum: [1, 2, 3] }, { head: '一般公共预算', group: '财政拨款', of: (l) => l.gP * k }, { head: '政府性基金预算', group: '财政拨款', of: (l) => l.f * k }, { head: X.pick(['单位资金', '其他资金']), of: (l) => (l.oP + l.c) * k }];
      return codeTable(s, R, b, top, left, { title: yearTitle(names.proj), unit, cols, leaves: V.proj, keyPrefix: 'proj', groupHead: project === 'gpb' ? X.pick([null, final ? '项目支出决算' : '项目支出预算']) : null });
    }]);
  }

  // 三公
  tables.push(['sg', (s, top, left) => sangong(s, R, b, top, left, { title: yearTitle(names.sg), unit: sgUnit, items: sgItems, budgetItems: sgBudget, layout: final ? 'paired' : family === 'qingkuang' ? 'list' : 'row', falseNote: falseEmpty ? `注：本${b.orgWord}${money.year}年无“三公”经费支出，故本表为空表。` : null })]);

  // 政府性基金 / 国有资本经营
  const fundNone = final ? '没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出' : '无政府性基金预算财政拨款安排的预算';
  const noNote = mode === 'within' && R.chance(0.15) ? R.pick(['fund', 'soe']) : null;
  // 万里街道's 三公 table: numbers, and a note saying the table is empty
  const falseEmpty = mode === 'within' && !noNote && R.chance(0.1) && Object.values(sgItems).some((v) => v > 0);
  tables.push(['fund', (s, top, left) => {
    if (!money.hasFund) return emptyTable(s, R, b, top, left, { title: yearTitle(names.fund), unit: unitOf, groupHead: '政府性基金预算支出', none: fundNone, role: 'fund', noNote: noNote === 'fund' });
    const unit = unitOf;
    if (fundForm === 'flow') {
      // per 科目: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (a row relation that is not a sum)
      const cols = [{ head: '年初结转和结余', of: (l) => l.fo ?? 0 }, { head: '本年收入', of: fin }, { head: '小计', group: '本年支出', sum: [3, 4] }, { head: '基本支出', group: '本年支出', of: () => 0 }, { head: '项目支出', group: '本年支出', of: (l) => l.f }, { head: '年末结转和结余', of: (l) => l.fc ?? 0 }];
      b.fundExpense = 2;
      b.fundIncome = 1;
      return codeTable(s, R, b, top, left, { title: yearTitle(names.fund), unit, cols, leaves: V.fund, keyPrefix: 'fund' });
    }
    const cols = [{ head: '合计', sum: [1, 2] }, { head: '基本支出', of: () => 0 }, { head: '项目支出', of: (l) => l.f }];
    return codeTable(s, R, b, top, left, { title: yearTitle(names.fund), unit, cols, leaves: V.fund, keyPrefix: 'fund', groupHead: '政府性基金预算支出' });
  }]);
  tables.push(['soe', (s, top, left) => emptyTable(s, R, b, top, left, { title: yearTitle(names.soe), unit: unitOf, groupHead: '国有资本经营预算支出', none: final ? '没有国有资本经营预算财政拨款安排的支出' : '无国有资本经营预算财政拨款安排的预算', role: 'soe', noNote: noNote === 'soe' })]);

  // ---- lay the tables out: one per sheet, or a few stacked on one sheet
  const sheets = [];
  const shared = R.chance(0.25);
  let cur = null;
  let row = 0;
  tables.forEach(([id, draw], i) => {
    if (!cur || !shared || R.chance(0.4)) {
      const x = R.next();
      const nm = x < 0.4 ? `表${i + 1}` : x < 0.65 ? `表${i + 1} ${names[id].replace(/^部门/, '').slice(0, 12)}` : x < 0.85 ? names[id].slice(0, 28) : `Sheet${sheets.length + 1}`;
      cur = new Sheet(sheets.some((x) => x.name === nm) ? `${nm}${i}` : nm);
      sheets.push(cur);
      row = R.int(0, 1);
    }
    b.tableNo = i + 1;
    const bottom = draw(cur, row, 0);
    row = bottom + R.int(2, 4);
  });
  b.sheets = sheets;

  // ---- the rules of the book, as the tables should agree
  const rules = bookRules(b, money, final);
  const before = evalRules(b, rules);
  // within-table plants: one stated amount changed in a 科目/经济分类/三公 table
  const withinMismatches = [];
  if (mode2 === 'within' || mode2 === 'both') {
    const n = R.int(1, 2);
    // beside a cross-table plant, a wrong total stays off the cells the rules compare, so the two do not mix
    const avoid = new Set();
    if (mode2 === 'both') for (const at of b.keys.values()) avoid.add(`${at.s.name}|${at.r},${at.c}`);
    for (let i = 0; i < n; i++) plantWithin(R, b, unitOf, avoid);
  }
  const after = evalRules(b, rules);
  return { b, rules, before, after, plan, mode: mode2, noNote, falseEmpty, unitOf };
}

// 基本支出 by 经济分类: 类 | 款 codes (or one code column), 合计 | 人员经费 | 公用经费, 合计 row.
function econTable(s, R, b, top, left, spec) {
  const { leaves, people, office } = spec;
  const cols = [{ head: '合计', sum: [1, 2] }, { head: '人员经费', of: people }, { head: '公用经费', of: office }];
  const fake = leaves.map((l) => ({ ...l, code: l.code, kuan: l.code, kuanName: l.name }));
  // econ codes have two levels: 类 (3) and 款 (5); reuse codeTable with 款 as the leaf level
  return codeTable2(s, R, b, top, left, { ...spec, cols, leaves: fake, keyPrefix: 'basic' });
}

// Two-level 科目 table (经济分类: 类 301, 款 30101).
function codeTable2(s, R, b, top, left, spec) {
  const { title, unit, cols, leaves } = spec;
  const split = R.chance(0.6);
  const codeCols = split ? 2 : 1;
  const nameCol = left + codeCols;
  const firstVal = nameCol + 1;
  const width = codeCols + 1 + cols.length;
  let r = heading(s, R, b, top, left, width, title, unit);
  const headerTop = r;
  s.put(r, left, '部门预算经济分类科目编码');
  if (split) {
    s.merge(r, left, r, left + 1);
    s.put(r + 1, left, '类');
    s.put(r + 1, left + 1, '款');
  } else s.put(r + 1, left, '编码');
  s.put(r, nameCol, '经济分类科目名称');
  if (b.mergeHeads) s.merge(r, nameCol, r + 1, nameCol);
  s.put(r, firstVal, R.pick(['一般公共预算基本支出', '基本支出']));
  s.merge(r, firstVal, r, firstVal + cols.length - 1);
  cols.forEach((c, i) => s.put(r + 1, firstVal + i, c.head));
  r += 2;
  const vals = (l) => {
    const v = cols.map((c) => (c.sum ? 0 : c.of(l)));
    v[0] = v[1] + v[2];
    return v;
  };
  const totalTop = R.chance(0.25);
  const word = R.pick(TOTAL_WORDS);
  let totalRow = null;
  const writeTotal = () => {
    totalRow = r++;
    s.put(totalRow, split ? left : nameCol, word);
  };
  if (totalTop) writeTotal();
  const byCls = new Map();
  for (const l of leaves) {
    if (!byCls.has(l.cls)) byCls.set(l.cls, []);
    byCls.get(l.cls).push(l);
  }
  const write = (row, vs) => vs.forEach((v, ci) => {
    if (!(v === 0 && b.zeroBlank)) s.amt(row, firstVal + ci, v, unit);
  });
  const rowRel = (row) => s.rel([row, firstVal], [[row, firstVal + 1], [row, firstVal + 2]]);
  const clsRows = [];
  const sumv = (ls) => ls.map(vals).reduce((a, v) => a.map((x, i) => x + v[i]), [0, 0, 0]);
  for (const [cls, ls] of byCls) {
    const cr = r++;
    clsRows.push(cr);
    s.put(cr, left, cls);
    s.put(cr, nameCol, ls[0].clsName);
    const kids = [];
    for (const l of ls) {
      const lr = r++;
      kids.push(lr);
      if (split) {
        s.put(lr, left, cls);
        s.put(lr, left + 1, l.code.slice(3));
      } else s.put(lr, left, l.code);
      s.put(lr, nameCol, l.name);
      write(lr, vals(l));
      rowRel(lr);
      b.keys.set(`basic.${l.code}`, { s, r: lr, c: firstVal });
    }
    write(cr, sumv(ls));
    rowRel(cr);
    cols.forEach((_, ci) => s.rel([cr, firstVal + ci], kids.map((x) => [x, firstVal + ci])));
  }
  if (!totalTop) writeTotal();
  write(totalRow, sumv(leaves));
  rowRel(totalRow);
  cols.forEach((_, ci) => s.rel([totalRow, firstVal + ci], clsRows.map((x) => [x, firstVal + ci])));
  b.keys.set('basic.total', { s, r: totalRow, c: firstVal });
  const bottom = Math.max(r - 1, totalRow);
  s.tables.push({ range: [headerTop, left, bottom, left + width - 1], kind: 'classification', role: 'basic' });
  return notes(s, R, bottom, left, null);
}

// 基本支出决算表 printed as two halves: 人员经费 (301, 303) left, 公用经费 (302, 310) right, each with its own 合计.
function econHalves(s, R, b, top, left, spec) {
  const { title, unit, leaves } = spec;
  const width = 8;
  let r = heading(s, R, b, top, left, width, title, unit);
  const headerTop = r;
  for (const h of [0, 4]) {
    s.put(r, left + h, '经济分类科目编码');
    s.merge(r, left + h, r, left + h + 1);
    s.put(r + 1, left + h, '类');
    s.put(r + 1, left + h + 1, '款');
    s.put(r, left + h + 2, '科目名称');
    s.merge(r, left + h + 2, r + 1, left + h + 2);
    s.put(r, left + h + 3, '决算数');
    s.merge(r, left + h + 3, r + 1, left + h + 3);
  }
  r += 2;
  const body = r;
  let bottom = body;
  const half = (h, classes, totalLabel, key) => {
    let row = body;
    const clsRows = [];
    for (const cls of classes) {
      const ls = leaves.filter((l) => l.cls === cls);
      if (!ls.length) continue;
      const cr = row++;
      clsRows.push(cr);
      s.put(cr, left + h, cls);
      s.put(cr, left + h + 2, ls[0].clsName);
      const kids = [];
      for (const l of ls) {
        const lr = row++;
        kids.push(lr);
        s.put(lr, left + h, cls);
        s.put(lr, left + h + 1, l.code.slice(3));
        s.put(lr, left + h + 2, l.name);
        if (!(l.v === 0 && b.zeroBlank)) s.amt(lr, left + h + 3, l.v, unit);
        b.keys.set(`basic.${l.code}`, { s, r: lr, c: left + h + 3 });
      }
      s.amt(cr, left + h + 3, ls.reduce((a, l) => a + l.v, 0), unit);
      s.rel([cr, left + h + 3], kids.map((x) => [x, left + h + 3]));
    }
    bottom = Math.max(bottom, row);
    return { clsRows, total: clsRows.reduce((a, x) => a + s.get(x, left + h + 3).cents, 0), totalLabel, key, h };
  };
  const halves = [half(0, ['301', '303'], '人员经费合计', 'basic.people'), half(4, ['302', '310'], '公用经费合计', 'basic.office')];
  const totalRow = bottom + (R.chance(0.4) ? 1 : 0);
  for (const hv of halves) {
    s.put(totalRow, left + hv.h, hv.totalLabel);
    s.merge(totalRow, left + hv.h, totalRow, left + hv.h + 2);
    s.amt(totalRow, left + hv.h + 3, hv.total, unit);
    s.rel([totalRow, left + hv.h + 3], hv.clsRows.map((x) => [x, left + hv.h + 3]));
    b.keys.set(hv.key, { s, r: totalRow, c: left + hv.h + 3 });
  }
  s.tables.push({ range: [headerTop, left, totalRow, left + width - 1], kind: 'classification', role: 'basic' });
  return notes(s, R, totalRow, left, null);
}

// ------------------------------------------------------------------ the 勾稽关系 as the book should satisfy them
// Each rule: fam, a: [key…] (summed), b: [key…] (summed); values compared in 元 cents.
function bookRules(b, money, final) {
  const rules = [];
  const has = (k) => b.keys.has(k);
  // a, bb: the cells summed on each side; altA, altB: other cells that state the same amount (a finding may name them)
  const add = (fam, name, a, bb, altA = [], altB = []) => {
    a = a.filter(has);
    bb = bb.filter(has);
    if (a.length && bb.length) rules.push({ fam, name, a, b: bb, altA: altA.filter(has), altB: altB.filter(has) });
  };
  // A 类 one table lists and the other does not is compared with 0, named anywhere in the table that lacks it.
  const sheetOf = (prefix) => [...b.keys.entries()].find(([k]) => k.startsWith(`${prefix}.`))?.[1].s.name;
  const byClass = (fam, name, key, otherKey, otherPrefix) => {
    if (!has(key)) return;
    if (has(otherKey)) return add(fam, name, [key], [otherKey]);
    const sheet = sheetOf(otherPrefix);
    if (sheet) rules.push({ fam, name, a: [key], b: [`@${sheet}`], altA: [], altB: [] });
  };
  // 收支总表 ↔ 收入总表 / 支出总表
  add('xref.total', '收支总表 收入 = 收入总表 合计', [final ? 'szz.incTotal' : 'szz.incTotal'], ['srz.total.0']);
  if (final) add('xref.total', '收支总表 本年支出合计 = 支出表 合计', ['szz.expTotal'], ['zcz.total.0']);
  for (const [cls] of ALL_CLASSES) byClass('xref.by-code', `收支总表 ${cls} = 支出总表 ${cls}`, `szz.exp.${cls}`, `zcz.${cls}.0`, 'zcz');
  // 财政拨款收支总表 ↔ 一般公共预算支出表 (+ 基金 表)
  for (const [cls] of ALL_CLASSES) byClass('xref.by-code', `财政拨款 一般公共预算 ${cls} = 一般公共预算支出表 ${cls}`, `czbk.exp.${cls}.1`, `gpb.${cls}.0`, 'gpb');
  add('xref.total', '财政拨款 支出 一般公共预算 = 一般公共预算支出表 合计', [final ? 'czbk.expYear.1' : 'czbk.expTotal.1'], ['gpb.total.0']);
  const fundExp = `fund.total.${b.fundExpense ?? 0}`;
  add('xref.total', '财政拨款 支出合计 = 一般公共预算 + 基金 表', [final ? 'czbk.expYear.0' : 'czbk.expTotal.0'], ['gpb.total.0', fundExp]);
  if (b.fundIncome !== undefined) {
    // the 决算 form of the 基金 table against the 财政拨款收入支出决算总表's 政府性基金 lines
    add('xref.total', '财政拨款 本年收入 政府性基金 = 基金 表 本年收入', ['czbk.inc.fund'], [`fund.total.${b.fundIncome}`]);
    add('xref.total', '财政拨款 年初结转 政府性基金 = 基金 表 年初结转', ['czbk.open.fund'], ['fund.total.0']);
    add('xref.total', '财政拨款 年末结转 政府性基金 = 基金 表 年末结转', ['czbk.close.2'], ['fund.total.5']);
    // and each of its rows: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余
    for (const key of [...b.keys.keys()]) {
      const m = /^fund\.(\w+)\.0$/.exec(key);
      if (m) add('xref.total', `基金 表 ${m[1]} 年初 + 本年收入 = 本年支出 + 年末`, [key, `fund.${m[1]}.1`], [`fund.${m[1]}.2`, `fund.${m[1]}.5`]);
    }
  }
  // 项目支出表: its 一般公共预算 (the only column, or the one beside the other funds) = 一般公共预算支出表 项目支出,
  // its 合计 over every fund = 支出总表 项目支出; in total and by 类
  const projAll = has('proj.total.3');
  const projGpb = projAll ? 1 : 0;
  add('xref.total', '项目支出表 一般公共预算 = 一般公共预算支出表 项目支出', [`proj.total.${projGpb}`], ['gpb.total.2']);
  if (projAll) add('xref.total', '项目支出表 合计 = 支出总表 项目支出', ['proj.total.0'], ['zcz.total.2']);
  // by 科目 at every level (类, 款, 项), as 收入总表 = 支出总表
  for (const key of [...b.keys.keys()]) {
    const m = /^proj\.(\d+)\.(\d+)$/.exec(key);
    if (!m) continue;
    if (Number(m[2]) === projGpb) byClass('xref.by-code', `项目支出表 一般公共预算 ${m[1]} = 一般公共预算支出表 项目支出 ${m[1]}`, key, `gpb.${m[1]}.2`, 'gpb');
    if (projAll && m[2] === '0') byClass('xref.by-code', `项目支出表 合计 ${m[1]} = 支出总表 项目支出 ${m[1]}`, key, `zcz.${m[1]}.2`, 'zcz');
  }
  // and a 科目 with 项目支出 in the other table that the 项目支出表 does not list
  if (has('proj.total.0')) {
    for (const key of [...b.keys.keys()]) {
      const m = /^(gpb|zcz)\.(\d+)\.2$/.exec(key);
      if (!m || has(`proj.${m[2]}.0`) || (m[1] === 'zcz' && !projAll)) continue;
      byClass('xref.by-code', `项目支出表 ${m[1] === 'gpb' ? '一般公共预算' : '合计'} ${m[2]} = ${m[1] === 'gpb' ? '一般公共预算支出表' : '支出总表'} 项目支出 ${m[2]}`, key, `proj.${m[2]}.0`, 'proj');
    }
  }
  add('xref.total', '一般公共预算支出表 基本支出 = 基本支出表 合计', ['gpb.total.1'], has('basic.total') ? ['basic.total'] : ['basic.people', 'basic.office']);
  // 本年收入 of the 财政拨款收支总表 may be named by its total line or by the fund lines it adds up
  add('xref.total', '收入总表 财政拨款 = 财政拨款收支总表 本年收入', ['srz.total.1'], final ? ['czbk.incYear'] : ['czbk.incTotal'], [], final ? ['czbk.incTotal', 'czbk.inc.gpb', 'czbk.inc.fund'] : ['czbk.inc.all', 'czbk.inc.gpb', 'czbk.inc.fund']);
  if (!final) {
    for (const k of b.keys.keys()) {
      const m = /^srz\.(\d+)\.0$/.exec(k);
      if (m) add('xref.by-code', `收入总表 ${m[1]} = 支出总表 ${m[1]}`, [k], [`zcz.${m[1]}.0`]);
    }
    add('xref.by-code', '收入总表 合计 = 支出总表 合计', ['srz.total.0'], ['zcz.total.0']);
  }
  // 三公 ≥ 经济分类 (one way)
  for (const [item, code] of [['abroad', '30212'], ['recv', '30217'], ['run', '30231'], ['buy', '31013']]) {
    add('xref.bound', `三公 ${item} ≥ ${code}`, [`sg.${item}`], [`basic.${code}`], [`sg.${item}.gpb`]);
    add('xref.bound', `三公 ${item}（一般公共预算列）≥ ${code}`, [`sg.${item}.gpb`], [`basic.${code}`], [`sg.${item}`]);
  }
  return rules;
}
const valueOf = (b, key) => {
  if (key.startsWith('@')) return 0;
  const at = b.keys.get(key);
  const v = at.s.get(at.r, at.c);
  if (!v || v.cents === undefined) return 0;
  return v.cents * (v.unit === '万元' ? 10000 : 1);
};
function evalRules(b, rules) {
  const out = [];
  for (const rl of rules) {
    const a = rl.a.reduce((x, k) => x + valueOf(b, k), 0);
    const bb = rl.b.reduce((x, k) => x + valueOf(b, k), 0);
    const bad = rl.fam === 'xref.bound' ? a < bb : a !== bb;
    if (bad) {
      const cell = (k) => {
        if (k.startsWith('@')) return `${k}!`; // any cell of that sheet
        const at = b.keys.get(k);
        return `${at.s.name}!${A1(at.r, at.c)}`;
      };
      out.push({ fam: rl.fam, name: rl.name, a: [...rl.a, ...rl.altA].map(cell), b: [...rl.b, ...rl.altB].map(cell), diff: a - bb });
    }
  }
  return out;
}

function plantWithin(R, b, unitOf, avoid) {
  const sheets = b.sheets.filter((s) => s.relations.length);
  const s = R.pick(sheets);
  // only amounts in 科目/经济分类/三公 tables (summary tables are left alone)
  // 科目/经济分类/三公 amounts, and the 类 lines of a 收支总表 (its other lines are left alone: which lines add up
  // to which is the book's own wording)
  const inTable = (r, c) => s.plantable.has(`${r},${c}`) || s.tables.some((t) => t.kind !== 'summary' && r >= t.range[0] && r <= t.range[2] && c >= t.range[1] && c <= t.range[3]);
  const involved = new Set();
  for (const rl of s.relations) for (const [r, c] of [rl.total, ...rl.parts]) if (inTable(r, c)) involved.add(`${r},${c}`);
  const cand = [...s.cells.entries()].filter(([k, v]) => v && v.cents !== undefined && involved.has(k) && !avoid.has(`${s.name}|${k}`));
  if (!cand.length) return;
  const [, v] = R.pick(cand);
  const unitCents = v.unit === '元' && unitOf === '元' ? 100 : 1;
  const x = R.next();
  v.cents += R.pick([1, -1]) * (x < 0.2 ? 1 : x < 0.3 ? 100 : R.int(100, 50000) * unitCents);
  if (v.cents < 0) v.cents = -v.cents;
}

function mismatches(s) {
  const out = [];
  for (const rl of s.relations) {
    const t = s.get(...rl.total);
    if (!t || t.cents === undefined) continue;
    let sum = 0;
    for (const [r, c] of rl.parts) sum += s.get(r, c)?.cents ?? 0;
    if (sum !== t.cents) out.push({ cell: A1(...rl.total), parts: rl.parts.map((p) => A1(...p)).sort(), diff: t.cents - sum });
  }
  return out;
}

// ------------------------------------------------------------------ writing
const FULL = '０１２３４５６７８９';
function fixThousands(s) {
  const [i, f] = s.split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
}
async function write(b, file, R) {
  const wb = new ExcelJS.Workbook();
  for (const s of b.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      const cell = ws.getCell(r + 1, c + 1);
      if (v && v.cents === 0 && b.zeroText) cell.value = b.zeroText;
      else if (v && v.cents !== undefined) {
        const dec = v.unit === '元' && v.cents % 100 === 0 && b.family === 'shanghai' && R.chance(0.5) ? 0 : 2;
        if (b.textNums && R.chance(0.3)) {
          const style = R.int(0, 2);
          let t = (v.cents / 100).toFixed(2);
          if (style === 0) t = fixThousands(t);
          if (style === 1) t = [...t].map((ch) => (/\d/.test(ch) ? FULL[Number(ch)] : ch)).join('');
          if (style === 2) t = fixThousands(t) + ' ';
          cell.value = t;
        } else {
          cell.value = v.cents / 100;
          cell.numFmt = dec === 2 ? '#,##0.00' : '#,##0';
        }
      } else cell.value = v;
    }
    for (const [t, l, bb, r] of s.merges) ws.mergeCells(t + 1, l + 1, bb + 1, r + 1);
  }
  await wb.xlsx.writeFile(file);
}

/** Writes books FROM..TO into outDir with their truth.json. */
async function generate(from, to, outDir, opts = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const truth = [];
  for (let seed = from; seed <= to; seed++) {
    const { b, before, after, plan, mode, noNote, falseEmpty, unitOf } = buildBook(seed, opts);
    const file = path.join(outDir, `book${seed}.xlsx`);
    await write(b, file, rng(seed * 31 + 1));
    // cross pairs present before any within-table plant are the cross plant's; those after are explained by a wrong total
    const key = (p) => `${p.a.join('+')}|${p.b.join('+')}`;
    const crossPairs = before;
    const allowed = after.filter((p) => !before.some((q) => key(q) === key(p)));
    truth.push({
      file, seed, family: b.family, mode, unit: unitOf,
      cross: plan.cross && crossPairs.length ? { kind: plan.cross.kind, delta: plan.cross.delta, pairs: crossPairs } : null,
      allowedPairs: allowed,
      // sheets where an xref.empty-note finding is due: an empty table without its note, or numbers under one
      emptyNoteMissing: noNote ? b.sheets.flatMap((s) => s.tables.filter((t) => t.role === noNote && t.empty).map(() => s.name)) : falseEmpty ? b.sheets.filter((s) => s.tables.some((t) => t.role === 'sg')).map((s) => s.name) : [],
      sheets: b.sheets.map((s) => ({ name: s.name, mismatches: mismatches(s), tables: s.tables })),
    });
  }
  fs.writeFileSync(path.join(outDir, 'truth.json'), JSON.stringify(truth));
}
if (require.main === module) generate(Number(process.argv[2]), Number(process.argv[3]), process.argv[4], { more: process.argv.includes('--more') });
module.exports = { buildBook, generate };
