// Held-out judge of the 绩效目标表 checks, written apart from the engine (src/core/perf was not read before this
// file): books of 项目支出 / 区域 (with 区域目标值 columns) / 部门整体 绩效目标表 in the layouts officers use, and a
// truth file of every planted error (rule family + the cells where a finding about it may rightly sit).
// Usage: node scripts/holdout-perf/gen.js FROM TO DIR
const ExcelJS = require('exceljs');
const fs = require('fs');
const path = require('path');

const { rng, A1 } = require('../holdout/mechanics');
const fmt = (cents) => (cents / 100).toFixed(2).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');

const COUNTIES = ['梁河县', '盈江县', '陇川县', '瑞丽市', '芒市', '婺源县', '德兴市', '玉山县', '汉阴县', '石泉县', '宁陕县', '岚皋县', '玛纳斯县', '呼图壁县', '奇台县'];
const DEPTS = ['医疗保障局', '卫生健康委员会', '民政局', '人力资源和社会保障局', '财政局', '市场监督管理局'];
const PLACES = ['上饶市', '安康市', '巴音郭楞蒙古自治州', '昌吉州', '德宏州', '普陀区'];
const PROJECTS = ['医保基金监管项目', '医疗服务与保障能力提升补助资金', '医药价格监测补助', '医保信息化建设项目', '全民参保征缴服务', '离休干部医疗保障经费', '医保经办能力建设', '基层医疗卫生机构能力提升'];

// ---------------------------------------------------------------- indicators
// value(R) → { text, exact?: number, unit? } ; written in the 指标值 cell
const cmpGE = (R, n, unit) => R.pick([`≥${n}${unit}`, `>=${n}${unit}`, `≥ ${n} ${unit}`, `不低于${n}${unit}`, `不少于${n}${unit}`, `${n}${unit}以上`, `达到${n}${unit}`]);
const cmpLE = (R, n, unit) => R.pick([`≤${n}${unit}`, `<=${n}${unit}`, `不超过${n}${unit}`, `不高于${n}${unit}`, `${n}${unit}以内`]);
const cmpEQ = (R, n, unit) => R.pick([`=${n}${unit}`, `${n}${unit}`, `= ${n} ${unit}`, `${n}${unit}`]);
const Q = {
  数量指标: [
    ['开展经办培训次数', (R) => cmpGE(R, R.int(2, 6), '次')],
    ['医保政策宣传活动', (R) => R.pick([`≥${R.int(2, 6)}次/年`, `每季度不少于1次`, `${R.int(2, 6)}次/年`])],
    ['检查定点医药机构数量', (R) => cmpGE(R, R.int(30, 120), '家')],
    ['购置办公设备数量', (R) => cmpEQ(R, R.int(2, 9), '台')],
    ['慢性病鉴定定点医疗机构专项检查次数', (R) => cmpEQ(R, R.int(2, 6), '次')],
    ['第三方考核评估次数', (R) => cmpGE(R, R.int(1, 3), '次')],
    ['医保移动支付系统', (R) => cmpGE(R, 1, '套')],
    ['覆盖县区数', (R) => `${R.int(3, 9)}个`],
    ['开展专项督查次数', (R) => R.pick([`${R.int(2, 3)}-${R.int(4, 6)}次`, `${R.int(2, 3)}～${R.int(4, 6)}次`])],
    ['召开医药价格工作会议或培训', (R) => cmpGE(R, R.int(2, 4), '次')],
  ],
  质量指标: [
    ['验收合格率', (R) => R.pick(['=100%', '100%', '=100 %', '达到100%'])],
    ['系统故障率', (R) => cmpLE(R, R.int(5, 15), '%')],
    ['病种覆盖率', (R) => R.pick([`${R.int(60, 70)}%-${R.int(75, 90)}%`, `不低于${R.int(60, 70)}.5%`])],
    ['定点医疗机构现场检查覆盖率', (R) => cmpGE(R, R.int(80, 95), '%')],
    ['检查程序规范性', () => '严格按照规定程序'],
    ['基金预警和风险控制能力', (R) => R.pick(['有所提高', '显著提升'])],
    ['分组符合国家技术规范要求', () => '良好以上（优秀/良好/合格/不合格）'],
  ],
  时效指标: [
    ['系统故障修复处理时间', (R) => cmpLE(R, R.int(2, 5), '天')],
    ['系统运行维护响应时间', (R) => cmpLE(R, R.pick([24, 48]), '小时')],
    ['资金支付及时率', (R) => R.pick(['=100%', '100%'])],
    ['项目完成时间', (R) => R.pick(['12月底前', '2025年12月31日前', '按时完成'])],
    ['基金监管工作时间', () => '每年12月底前完成当年任务'],
    ['重大安全事件响应时间', (R) => cmpLE(R, R.pick([30, 60]), '分钟')],
  ],
  经济效益指标: [
    ['设备利用率', (R) => cmpGE(R, R.int(85, 95), '%')],
    ['违规使用医保基金拒付追回率', (R) => cmpGE(R, 90, '%')],
  ],
  社会效益指标: [
    ['医保政策知晓率', (R) => cmpGE(R, R.int(85, 95), '%')],
    ['医保经办服务效能', (R) => R.pick(['显著提升', '有效改善', '逐步提高'])],
    ['定点医药机构违规率下降', (R) => cmpGE(R, 10, '%')],
  ],
  生态效益指标: [['无纸化办公比例', (R) => cmpGE(R, R.int(60, 90), '%')]],
  可持续影响指标: [
    ['医保基金可持续能力', () => '有所提高'],
    ['信息系统持续稳定运行', (R) => R.pick(['稳定运行', '长期'])],
    ['规范经办机构医保基金监督管理行为', (R) => cmpGE(R, 80, '%')],
  ],
  服务对象满意度指标: [
    ['参保人员满意度', (R) => cmpGE(R, R.int(85, 95), '%')],
    ['定点医药机构满意度', (R) => cmpGE(R, 90, '%')],
    ['单位人员满意度', (R) => cmpGE(R, 95, '%')],
  ],
};
const COST_ITEMS = ['基金监管检查经费', '互联网系统建设费', '委托业务费', '价格监测能力提升经费', '办公设备购置费', '聘请专家成本', '系统运行维护费'];
const GOAL_ITEMS = ['医保智能审核第三方服务', '医保基金监管第三方服务', '医保基金监管行政执法装备', '医药价格监测', 'DRG支付方式改革'];
const PERSON = [['离休干部', '人均医疗周转金'], ['参训人员', '人均培训补助'], ['专家', '人均劳务费'], ['协管员', '人均补助']];

function pickDistinct(R, xs, n) {
  return R.shuffle(xs).slice(0, Math.min(n, xs.length));
}

/** The indicator rows of one table: [{l1, l2, l3, value, cost?}], the money of its 成本 rows, the table funds. */
function indicators(R, fundsCents, oldWording) {
  const rows = [];
  const add = (l1, l2, list, n) => {
    for (const [name, f] of pickDistinct(R, list, n)) rows.push({ l1, l2, l3: name, value: f(R) });
  };
  const l2name = (x) => (oldWording && R.chance(0.5) ? x.replace(/指标$/, '') : x);
  // 产出
  add('产出指标', '数量指标', Q.数量指标, R.int(1, 4));
  add('产出指标', '质量指标', Q.质量指标, R.int(1, 3));
  add('产出指标', '时效指标', Q.时效指标, R.int(1, 2));
  // 成本: money items adding up to at most the funds; maybe a 万元/人/年 × an exact count of 人
  const costRows = [];
  let left = fundsCents;
  if (R.chance(0.35)) {
    const [who, what] = R.pick(PERSON);
    const rate = R.pick([150, 80, 200, 50]); // cents of 万元 → 1.5 万元
    const n = R.int(10, 80);
    if (rate * n <= left) {
      const exact = R.pick([`=${n}人`, `${n}人`, `= ${n} 人`]);
      rows.splice(R.int(0, 1), 0, { l1: '产出指标', l2: '数量指标', l3: `${who}人数`, value: exact, count: n });
      costRows.push({ l3: `${who}${what}`, value: `${R.pick(['=', '', '≤'])}${fmt(rate)}万元/人/年`, money: rate * n, perPerson: true });
      left -= rate * n;
    }
  } else if (R.chance(0.3)) {
    // a per-person rate whose count is not exact: nothing to multiply
    const [who, what] = R.pick(PERSON);
    rows.splice(1, 0, { l1: '产出指标', l2: '数量指标', l3: `${who}人数`, value: `≥${R.int(10, 80)}人` });
    costRows.push({ l3: `${who}${what}`, value: `≤${R.pick(['1.5', '0.8', '2'])}万元/人/年`, money: 0, perPerson: true });
  }
  const nMoney = R.int(0, 3);
  const exactSum = R.chance(0.5);
  const items = pickDistinct(R, COST_ITEMS, nMoney);
  items.forEach((name, k) => {
    let c;
    if (k === items.length - 1 && exactSum) c = left;
    else c = Math.floor((left * R.int(10, 45)) / 100);
    c = Math.max(0, Math.min(c, left));
    if (c <= 0) return;
    left -= c;
    const v = R.chance(0.2) ? `≤${c * 100}元` : R.pick([`≤${fmt(c)}万元`, `${fmt(c)}万元`, `<=${fmt(c)} 万元`, `不超过${fmt(c)}万元`]);
    costRows.push({ l3: name, value: v, money: c });
  });
  if (R.chance(0.25)) costRows.push({ l3: '平均每次出差费', value: cmpLE(R, R.int(800, 1500), '元/次'), money: 0 });
  const costAsL1 = !oldWording;
  for (const c of costRows) rows.push({ l1: costAsL1 ? '成本指标' : '产出指标', l2: costAsL1 ? '经济成本指标' : '成本指标', l3: c.l3, value: c.value, cost: c });
  // 效益
  const ben = oldWording ? ['经济效益指标', '社会效益指标', '可持续影响指标'] : ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'];
  for (const l2 of pickDistinct(R, ben, R.int(1, 3))) add('效益指标', l2name(l2), Q[l2], R.int(1, 2));
  // a money figure in a 效益 indicator (追回金额) is not a cost: may exceed the funds
  if (R.chance(0.3)) rows.push({ l1: '效益指标', l2: l2name('经济效益指标'), l3: '追回、拒付医保基金金额', value: `≥${R.int(10, 900)}万元` });
  // 满意度
  add('满意度指标', R.pick(['服务对象满意度指标', '服务对象满意度', '满意度指标']), Q.服务对象满意度指标, R.int(1, 2));
  // keep the 一级 groups together, in order
  const order = ['产出指标', '成本指标', '效益指标', '满意度指标'];
  const grouped = [];
  for (const l1 of order) {
    const mine = rows.filter((x) => x.l1 === l1);
    const l2s = [...new Set(mine.map((x) => x.l2))];
    for (const l2 of l2s) grouped.push(...mine.filter((x) => x.l2 === l2));
  }
  return grouped;
}

function weights(R, n, total) {
  if (R.chance(0.1) && n >= 2) {
    // halves: 2.5 + 3.5 …
    const w = weights(R, n, total);
    const k = w.findIndex((x) => x > 1);
    const j = k === 0 ? 1 : 0;
    if (k >= 0) {
      w[k] -= 0.5;
      w[j] += 0.5;
    }
    return w;
  }
  const w = new Array(n).fill(1);
  let rest = total - n;
  while (rest > 0) {
    const k = R.int(0, n - 1);
    const add = Math.min(rest, R.int(1, 5));
    w[k] += add;
    rest -= add;
  }
  return w;
}

// ---------------------------------------------------------------- one table
class Sheet {
  constructor(name) {
    this.name = name;
    this.cells = new Map();
    this.merges = [];
    this.tables = [];
    this.others = []; // non-绩效 tables on the sheet (--wide): { kind, range, plants }
  }
  put(r, c, v) {
    this.cells.set(`${r},${c}`, v);
  }
  merge(t, l, b, r, v) {
    if (v !== undefined) this.put(t, l, v);
    if (b > t || r > l) this.merges.push([t, l, b, r]);
  }
}

/** Writes one 绩效目标表 at (top, left); returns its bottom row. Records its truth in s.tables. */
function table(s, R, top, left, opts) {
  const kind = opts.kind; // project | regional | department
  const wan = !R.chance(0.2); // 资金 in 万元, else 元
  const unitWord = wan ? '万元' : '元';
  const fundsCents = R.int(5, 900) * 100 + (R.chance(0.6) ? R.int(0, 99) : 0); // in 万元 cents
  const oldWording = R.chance(0.35);
  const template = opts.template;
  const rows = indicators(R, fundsCents, oldWording);
  const withWeights = R.chance(0.55);
  const weightTotal = R.pick([90, 100]);
  const w = weights(R, rows.length, weightTotal);
  const counties = kind === 'regional' && R.chance(0.4) ? pickDistinct(R, COUNTIES, R.int(2, 4)) : [];
  const leadCol = kind === 'regional' && R.chance(0.5); // a 绩效指标 column merged down the left
  const split = !counties.length && R.chance(0.15); // 指标性质 | 指标值 | 度量单位, as normalize writes
  const extra = [];
  if (R.chance(0.4)) extra.push('指标值设置依据');
  if (R.chance(0.3)) extra.push('上年完成值');
  const weightHeader = R.pick(['分值', '指标分值权重', '权重（分）', '分值（分）']);
  if (withWeights) extra.push('W');
  if (withWeights && R.chance(0.5)) extra.push('指标赋分规则');
  if (R.chance(0.3)) extra.push('备注');
  const cols = {};
  let c = left;
  if (leadCol) cols.lead = c++;
  cols.l1 = c++;
  cols.l2 = c++;
  cols.l3 = c++;
  if (split) cols.nature = c++;
  cols.v = c++;
  if (split) cols.unit = c++;
  cols.counties = counties.map(() => c++);
  cols.extra = extra.map(() => c++);
  const right = c - 1;
  const width = right - left + 1;
  const wCol = withWeights ? cols.extra[extra.indexOf('W')] : null;
  const wText = withWeights && R.chance(0.15) ? R.pick(['分', '%']) : ''; // "10分", "10%"
  const groupW = withWeights && R.chance(0.15); // one weight per 二级, merged over its rows
  const numbered = R.chance(0.15); // 三级 written "指标1：…" (seed003)
  // --wide: 指标值 "100%" / "95%" typed as real numbers (1 formatted 0%), completion dates as real dates
  if (opts.W && !split && opts.W.chance(0.35)) cols.numeric = true;
  const truth = { kind: 'performance', form: kind, unit: unitWord, plants: [], template: !!template };
  if (cols.numeric) truth.numericValues = true;
  let r = top;
  // title block (outside the range)
  const title = { project: '项目支出绩效目标表', regional: R.pick(['中央对地方转移支付区域绩效目标表', `${R.pick(PROJECTS)}区域绩效目标表`]), department: '部门整体绩效目标表' }[kind];
  s.merge(r, left, r, right, R.chance(0.3) ? `附件${R.int(1, 4)}：${title}` : title);
  r++;
  if (R.chance(0.7)) s.merge(r, left, r, right, R.pick(['(2025年度)', '（2025年）', '(2024 年)']));
  if (R.chance(0.5)) {
    r++;
    s.put(r, right, `单位：${unitWord}`);
  }
  r += 1 + (R.chance(0.3) ? 1 : 0);
  const tableTop = r;
  const valueStart = left + 2;
  const label = (text, span = 2) => s.merge(r, left, r, left + span - 1, text);
  // header block
  const nameLabel = kind === 'department' ? R.pick(['部门名称', '部门（单位）名称']) : kind === 'regional' ? R.pick(['转移支付名称', '项目名称', '资金名称']) : '项目名称';
  const dept = `${R.pick(PLACES)}${R.pick(DEPTS)}`;
  if (kind === 'project' && R.chance(0.5)) {
    label('预算单位');
    s.merge(r, valueStart, r, right, dept);
    r++;
  }
  label(nameLabel);
  s.merge(r, valueStart, r, right, kind === 'department' ? dept : R.pick(PROJECTS));
  r++;
  if (kind === 'regional') {
    label(R.pick(['省份', '地区']));
    s.merge(r, valueStart, r, right, R.pick(PLACES));
    r++;
    label(R.pick(['省财政部门', '设区市财政部门']));
    s.merge(r, valueStart, r, right, `${R.pick(PLACES)}财政局`);
    r++;
  }
  if (kind !== 'department') {
    label(R.pick(['主管部门', '省主管部门']));
    s.merge(r, valueStart, r, right, dept);
    r++;
  }
  // funds: a total and its parts
  const partNames = kind === 'regional' ? R.pick([['中央补助', '地方资金'], ['中央资金', '地方资金', '其他资金'], ['中央补助', '地方资金', '其他资金']]) : R.pick([['财政拨款', '其他资金'], ['中央资金', '省级资金'], ['财政拨款', '单位资金', '其他资金'], ['当年财政拨款', '上年结转资金', '其他资金']]);
  const parts = partNames.map(() => 0);
  {
    let rest = fundsCents;
    for (let k = 0; k < parts.length - 1; k++) {
      const x = R.chance(0.3) ? 0 : R.chance(0.4) ? rest : Math.floor((rest * R.int(20, 80)) / 100);
      parts[k] = x;
      rest -= x;
    }
    parts[parts.length - 1] = rest;
  }
  const toUnit = (cents) => (wan ? cents : cents * 10000); // cents of the book's unit
  const blankFunds = template && R.chance(0.5);
  const amountCell = (cents, textual) => {
    if (blankFunds) return null;
    if (cents === 0 && R.chance(0.4)) return R.pick([null, textual ? `0${unitWord}` : 0, '—', '/', '-']);
    const x = toUnit(cents) / 100;
    if (textual && !wan && R.chance(0.5)) return `${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${R.pick(['', '元'])}`;
    if (textual) return `${wan ? fmt(cents) : x.toFixed(2)}${unitWord}`;
    return { num: x, dec: 2 };
  };
  const textual = R.chance(0.25);
  const fundsLabel = R.pick([`资金情况（${unitWord}）`, `项目资金（${unitWord}）`, `资金情况 (${unitWord})`, kind === 'department' ? `年度预算（${unitWord}）` : `资金金额（${unitWord}）`]);
  const horizontal = width >= 8 && kind === 'project' && R.chance(0.6);
  const sideBySide = !horizontal && width >= 6 && R.chance(0.25);
  const fundCells = {};
  if (sideBySide) {
    // 实施期资金总额 | X | 年度资金总额 | Y, then 其中：财政拨款 … under each (seed003)
    const n = 1 + partNames.length;
    s.merge(r, left, r + n - 1, left + 1, fundsLabel);
    const years = R.int(1, 3);
    s.put(r, left + 2, '实施期资金总额：');
    const vp = amountCell(fundsCents * years, textual);
    if (vp !== null) s.put(r, left + 3, vp);
    s.put(r, left + 4, '年度资金总额：');
    const v0 = amountCell(fundsCents, textual);
    if (v0 !== null) s.put(r, left + 5, v0);
    fundCells.total = A1(r, left + 5);
    fundCells.parts = [];
    r++;
    partNames.forEach((p, k) => {
      s.put(r, left + 2, k === 0 ? `其中：${p}` : p);
      const pv = amountCell(parts[k] * years, textual);
      if (pv !== null) s.put(r, left + 3, pv);
      s.put(r, left + 4, k === 0 ? `其中：${p}` : p);
      const v = amountCell(parts[k], textual);
      if (v !== null) s.put(r, left + 5, v);
      fundCells.parts.push(A1(r, left + 5));
      r++;
    });
  } else if (horizontal) {
    label(fundsLabel);
    s.put(r, left + 2, R.pick(['年度预算总额：', '年度金额：', '年度资金总额']));
    const v0 = amountCell(fundsCents, textual);
    if (v0 !== null) s.put(r, left + 3, v0);
    fundCells.total = A1(r, left + 3);
    fundCells.parts = [];
    const partCols = [[left + 4, left + 5], [left + 6, left + 7], [left + 8, left + 9]];
    partNames.forEach((p, k) => {
      if (k > 1 && partCols[k][1] > right) return;
      s.put(r, partCols[k][0], k === 0 ? `其中：${p}` : `${p}：`);
      const v = amountCell(parts[k], textual);
      if (v !== null) s.put(r, partCols[k][1], v);
      fundCells.parts.push(A1(r, partCols[k][1]));
    });
    if (fundCells.parts.length < partNames.length) {
      // the table is too narrow for a third part: fold it into the second
      parts[1] += parts.slice(2).reduce((a, b) => a + b, 0);
      parts.length = 2;
      const v = amountCell(parts[1], textual);
      if (v !== null) s.put(r, partCols[1][1], v);
      else s.cells.delete(`${r},${partCols[1][1]}`);
    }
    r++;
  } else {
    const n = 1 + partNames.length;
    s.merge(r, left, r + n - 1, left, fundsLabel);
    const valCol = R.chance(0.3) && width >= 5 ? left + 3 : left + 2;
    s.put(r, left + 1, R.pick(['年度金额', '年度金额：', '年度资金总额']));
    if (valCol > left + 2) s.put(r, left + 2, null);
    const v0 = amountCell(fundsCents, textual);
    if (v0 !== null) s.put(r, valCol, v0);
    fundCells.total = A1(r, valCol);
    fundCells.parts = [];
    r++;
    partNames.forEach((p, k) => {
      s.put(r, left + 1, k === 0 ? R.pick([`其中：${p}`, `其中:${p}`, `  其中：${p}`]) : p);
      const v = amountCell(parts[k], textual);
      if (v !== null) s.put(r, valCol, v);
      fundCells.parts.push(A1(r, valCol));
      r++;
    });
  }
  truth.funds = { total: fundCells.total, parts: fundCells.parts, cents: fundsCents, blank: blankFunds };
  // 部门整体: 年度主要任务 | 任务名称 | 预算金额, the amounts adding up to 年度金额
  if (kind === 'department' && !blankFunds && R.chance(0.4) && width >= 4) {
    const n = R.int(2, 3);
    let rest = fundsCents;
    const tasks = [];
    for (let k = 0; k < n; k++) {
      const x = k === n - 1 ? rest : Math.floor((rest * R.int(20, 60)) / 100);
      tasks.push(x);
      rest -= x;
    }
    s.merge(r, left, r + n, left, '年度主要任务');
    s.put(r, left + 1, '任务名称');
    s.merge(r, left + 2, r, right - 1, '主要内容');
    s.put(r, right, `预算金额（${unitWord}）`);
    r++;
    tasks.forEach((x, k) => {
      s.put(r, left + 1, ['基金监管', '经办服务', '信息化建设'][k]);
      s.merge(r, left + 2, r, right - 1, ['开展飞行检查、专项检查', '提升经办服务能力', '医保信息平台运行维护'][k]);
      s.put(r, right, { num: toUnit(x) / 100, dec: 2 });
      r++;
    });
  }
  // 年度目标, sometimes listing amounts that add up to 年度金额
  const goalLabel = kind === 'department' ? '年度总体目标' : R.pick(['年度目标', '年度总体目标', '项目总体目标']);
  label(goalLabel);
  let goal = R.pick(['加强医疗保障服务能力建设，强化基层经办机构业务水平，优化服务设施，提升服务效能。', '通过开展培训2次、检查定点医药机构80家以上，提升医保基金监管水平，维护基金安全。', '目标1：完成医保信息系统升级改造。目标2：提高经办服务效率，群众满意度达到90%以上。']);
  let goalAmounts = null;
  if (!template && R.chance(0.35)) {
    const n = R.int(2, 3);
    const a = [];
    let rest = fundsCents;
    for (let k = 0; k < n - 1; k++) {
      const x = Math.floor((rest * R.int(20, 60)) / 100);
      a.push(x);
      rest -= x;
    }
    a.push(rest);
    goalAmounts = a;
    const heads = ['一、', '二、', '三、'];
    const inYuan = !wan && R.chance(0.5);
    const amountText = (x) => (inYuan ? `${(x * 100).toLocaleString('en-US')}元` : `${fmt(x)}万元`);
    truth.goalAmountText = amountText;
    goal = a.map((x, k) => `${heads[k]}${R.pick(GOAL_ITEMS)}项目${amountText(x)}：目标${k + 1}：${R.pick(['提升监管水平', '保障系统稳定运行', '提高经办效率'])}。`).join('');
  }
  s.merge(r, valueStart, r, right, goal);
  truth.goal = { cell: A1(r, valueStart), amounts: goalAmounts };
  r++;
  // grid header
  const hdrTop = r;
  const twoRowHeader = counties.length > 0;
  const h = (col, text) => (twoRowHeader ? s.merge(r, col, r + 1, col, text) : s.put(r, col, text));
  if (leadCol) h(cols.lead, '绩效指标');
  h(cols.l1, '一级指标');
  h(cols.l2, '二级指标');
  h(cols.l3, R.pick(['三级指标', '三级指标', '指标内容']));
  h(cols.v, split ? '指标值' : R.pick(['指标值', '指标值', '指标值（包含数字及文字描述）', '年度指标值']));
  if (split) {
    h(cols.nature, '指标性质');
    h(cols.unit, '度量单位');
  }
  if (counties.length) {
    s.merge(r, cols.counties[0], r, cols.counties[cols.counties.length - 1], '区域目标值');
    counties.forEach((cn, k) => s.put(r + 1, cols.counties[k], cn));
  }
  extra.forEach((e, k) => h(cols.extra[k], e === 'W' ? weightHeader : e));
  r += twoRowHeader ? 2 : 1;
  // indicator rows
  // merged 一级 and 二级; 一级 merged with 二级 typed once per run; every row repeated; blank below the first
  const mergeMode = R.pick(['merge', 'merge', 'merge1', 'repeat', 'blank']);
  const gridTop = r;
  const rowOf = [];
  rows.forEach((x, k) => {
    rowOf.push(r);
    x.row = r;
    const first1 = k === 0 || rows[k - 1].l1 !== x.l1;
    const first2 = first1 || rows[k - 1].l2 !== x.l2;
    if (mergeMode === 'repeat' || first1) s.put(r, cols.l1, x.l1);
    if (mergeMode === 'repeat' || first2) s.put(r, cols.l2, x.l2);
    if (numbered) x.l3 = `指标${rows.slice(0, k).filter((y) => y.l1 === x.l1 && y.l2 === x.l2).length + 1}：${x.l3}`;
    s.put(r, cols.l3, x.l3);
    if (!template) writeValue(s, cols, r, x.value);
    counties.forEach((cn, j) => {
      if (template) return;
      const share = x.cost && x.cost.money > 0 && !x.cost.perPerson ? `≤${fmt(Math.floor(x.cost.money / counties.length))}万元` : x.value;
      s.put(r, cols.counties[j], share);
    });
    extra.forEach((e, j) => {
      const col = cols.extra[j];
      if (e === 'W') s.put(r, col, wText ? `${w[k]}${wText}` : w[k]);
      else if (e === '指标值设置依据') s.put(r, col, x.cost ? '预算支出标准' : R.pick(['计划标准', '历史标准', '行业标准']));
      else if (e === '上年完成值') s.put(r, col, R.chance(0.6) ? '无' : x.value.replace(/^[≥≤=<>]+\s*/, ''));
      else if (e === '指标赋分规则') s.put(r, col, x.l1 === '满意度指标' ? '满意度赋分' : '按照正常比例赋分');
    });
    r++;
  });
  if (mergeMode === 'merge') {
    const runs = (key) => {
      let k = 0;
      while (k < rows.length) {
        let j = k;
        while (j + 1 < rows.length && key(rows[j + 1]) === key(rows[k])) j++;
        if (j > k) s.merges.push([rows[k].row, key === k1 ? cols.l1 : cols.l2, rows[j].row, key === k1 ? cols.l1 : cols.l2]);
        k = j + 1;
      }
    };
    const k1 = (x) => x.l1;
    const k2 = (x) => `${x.l1}|${x.l2}`;
    runs(k1);
    runs(k2);
  }
  if (mergeMode === 'merge1') {
    let k = 0;
    while (k < rows.length) {
      let j = k;
      while (j + 1 < rows.length && rows[j + 1].l1 === rows[k].l1) j++;
      if (j > k) s.merges.push([rows[k].row, cols.l1, rows[j].row, cols.l1]);
      k = j + 1;
    }
  }
  if (leadCol) s.merges.push([gridTop, cols.lead, r - 1, cols.lead]);
  if (groupW) writeGroupWeights(s, rows, w, wCol, wText);
  // 分值 合计 row
  let weightTotalCell = null;
  if (withWeights && R.chance(0.4)) {
    s.merge(r, cols.l1, r, cols.v, R.pick(['合计', '合  计', '分值合计']));
    s.put(r, wCol, weightTotal);
    weightTotalCell = A1(r, wCol);
    r++;
  }
  const bottom = r - 1;
  truth.range = [tableTop, left, bottom, right];
  truth.rows = rows.map((x) => ({ row: x.row, l1: x.l1, l2: x.l2, l3: x.l3, value: x.value }));
  truth.cols = cols;
  truth.weights = withWeights ? { col: wCol, total: weightTotal, totalCell: weightTotalCell } : null;
  truth.mergeMode = mergeMode;
  truth.oldWording = oldWording;
  truth.counties = counties.length;
  const ctx = { s, R, rows, cols, truth, w, wCol, wText, groupW, fundsCents, parts, fundCells, wan, unitWord, mergeMode, left, right, template, textual };
  // notes under the table (outside its range)
  if (R.chance(0.5)) {
    if (R.chance(0.7)) r++; // a blank row, or the note right under the last row
    const noteCell = A1(r, left);
    s.merge(r, left, r, right, R.pick([
      `填报说明：1.指标值应尽量量化，不能量化的用文字描述。${withWeights ? (weightTotal === 100 ? '2.分值合计为100分（含预算执行率10分）。' : '2.分值合计为90分（预算执行率10分另计）。') : '2.分值由主管部门另行确定。'}3.本表金额单位为${unitWord}。`,
      '注：1.一级指标包括产出指标、效益指标和满意度指标；2.三级指标不少于3个。',
      `备注：年度金额以批复数为准，如有调整另行通知（${R.int(2023, 2025)}年${R.int(1, 12)}月）。`,
    ]));
    if (withWeights && /^填报说明/.test(s.cells.get(`${r},${left}`))) truth.weights.statedIn = noteCell;
    r++;
  }
  if (R.chance(0.2)) {
    s.put(r, left, R.pick(['填报人：王芳', '填表人：李明']));
    s.put(r, left + 2, R.pick(['联系电话：0991-2345678', '审核人：张强']));
    r++;
  }
  // --wide: the form states the 分值 total, in the 分值 heading ("分值（90分）") or in a line under the table
  if (opts.W && withWeights && !truth.weights.statedIn && opts.W.chance(0.6)) {
    if (opts.W.chance(0.5)) {
      s.put(hdrTop, wCol, opts.W.pick([`分值（${weightTotal}分）`, `分值（满分${weightTotal}分）`, `权重（合计${weightTotal}分）`]));
      truth.weights.statedIn = A1(hdrTop, wCol);
    } else {
      s.merge(r, left, r, right, opts.W.pick([`注：各指标分值合计${weightTotal}分${weightTotal === 90 ? '，预算执行率10分另计' : ''}。`, `说明：本表指标分值总分为${weightTotal}分。`]));
      truth.weights.statedIn = A1(r, left);
      r++;
    }
  }
  s.tables.push(truth);
  return { bottom: r - 1, ctx };
}

/** One weight per 二级 run, the sum of its rows' weights, written on its first row and merged down over the run. */
function runsOf(rows) {
  const runs = [];
  rows.forEach((x, k) => {
    if (k === 0 || rows[k - 1].l1 !== x.l1 || rows[k - 1].l2 !== x.l2) runs.push([k]);
    else runs[runs.length - 1].push(k);
  });
  return runs;
}
function writeGroupWeights(s, rows, w, wCol, wText) {
  for (const run of runsOf(rows)) {
    const sum = run.reduce((a, k) => a + w[k], 0);
    for (const k of run) s.cells.delete(`${rows[k].row},${wCol}`);
    s.put(rows[run[0]].row, wCol, wText ? `${sum}${wText}` : sum);
    if (run.length > 1) s.merges.push([rows[run[0]].row, wCol, rows[run[run.length - 1]].row, wCol]);
  }
}

/** A 指标值 as Excel holds it when typed as a number: "100%" / "=95%" → 1 / 0.95 formatted 0%; "12月底前" → a date. */
function numericValue(value) {
  const pct = /^=?\s*(\d+(?:\.\d+)?)\s*%$/.exec(value);
  if (pct) return { num: Number(pct[1]) / 100, numFmt: pct[1].includes('.') ? '0.0%' : '0%' };
  if (/^(12月底前|2025年12月31日前)$/.test(value)) return { date: new Date(Date.UTC(2025, 11, 31)), numFmt: /年/.test(value) ? 'yyyy"年"m"月"d"日"' : 'yyyy-mm-dd' };
  return value;
}

/** Writes a 指标值: in one cell, or split into 指标性质 | 指标值 | 度量单位 ("≥" | 95 | "%"; "定性" | 按时完成 | ""). */
const CMP = [['≥', /^(≥|>=|不低于|不少于|达到)/], ['≤', /^(≤|<=|不超过|不高于)/], ['=', /^=/]];
function writeValue(s, cols, row, value) {
  for (const c of [cols.nature, cols.v, cols.unit]) if (c !== undefined) s.cells.delete(`${row},${c}`);
  if (!value) return;
  if (cols.unit === undefined) {
    s.put(row, cols.v, cols.numeric ? numericValue(value) : value);
    return;
  }
  const m = /^(≥|>=|≤|<=|=|不低于|不少于|达到|不超过|不高于)?\s*(\d+(?:\.\d+)?)\s*([^\d]*?)(以上|以内)?$/.exec(value);
  if (!m || /[月日前底]/.test(m[3])) {
    s.put(row, cols.nature, '定性');
    s.put(row, cols.v, value);
    return;
  }
  const word = m[1] || (m[4] === '以上' ? '≥' : m[4] === '以内' ? '≤' : '=');
  s.put(row, cols.nature, CMP.find(([, re]) => re.test(word))?.[0] ?? '=');
  s.put(row, cols.v, Number(m[2]));
  if (m[3].trim()) s.put(row, cols.unit, m[3].trim());
}

// ---------------------------------------------------------------- plants
const PLANTS = ['funds', 'weights', 'cost', 'value', 'hierarchy', 'misplaced', 'duplicate', 'goal'];
// a 二级 that belongs under another 一级 (seed000: 时效指标 under 效益指标)
const WRONG_L2 = { 产出指标: ['社会效益指标', '服务对象满意度指标'], 效益指标: ['时效指标', '数量指标'], 满意度指标: ['质量指标'], 成本指标: ['时效指标'] };
function rowCells(ctx, row) {
  const out = [];
  for (let c = ctx.left; c <= ctx.right; c++) out.push(A1(row, c));
  return out;
}
function plant(ctx, family) {
  const { s, R, rows, cols, truth } = ctx;
  const funds = truth.funds;
  if (family === 'funds') {
    if (funds.blank || ctx.textual) return false;
    const k = R.int(0, funds.parts.length - 1);
    const [col, row] = [funds.parts[k].replace(/\d+$/, ''), Number(funds.parts[k].replace(/^[A-Z]+/, '')) - 1];
    const c = [...col].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const delta = R.pick([1, -1, 100, -100, 1000, 2500]) * (ctx.wan ? 1 : 10000);
    const cur = ctx.parts[k] * (ctx.wan ? 1 : 10000);
    if (cur + delta < 0) return false;
    s.put(row, c, { num: (cur + delta) / 100, dec: 2 });
    truth.plants.push({ family: 'perf.funds', cells: [funds.total, ...funds.parts], at: funds.parts[k] });
    return true;
  }
  if (family === 'weights') {
    if (!truth.weights) return false;
    const k = R.int(0, rows.length - 1);
    const d = R.pick([1, 2, 3, 5, -1, -2, -3]);
    if (ctx.w[k] + d < 0) return false;
    ctx.w[k] += d;
    if (ctx.groupW) {
      const run = runsOf(rows).find((x) => x.includes(k));
      const sum = run.reduce((a, j) => a + ctx.w[j], 0);
      s.put(rows[run[0]].row, ctx.wCol, ctx.wText ? `${sum}${ctx.wText}` : sum);
    } else s.put(rows[k].row, ctx.wCol, ctx.wText ? `${ctx.w[k]}${ctx.wText}` : ctx.w[k]);
    // a table-wide total: any cell of the 分值 column (its heading, a weight, the 合计) names it
    const cells = [];
    for (let row = truth.range[0]; row <= truth.range[2]; row++) cells.push(A1(row, ctx.wCol));
    truth.plants.push({ family: 'perf.weights', cells, at: A1(rows[k].row, ctx.wCol) });
    return true;
  }
  if (family === 'cost') {
    if (funds.blank) return false;
    const costs = rows.filter((x) => x.cost && x.cost.money > 0 && !x.cost.perPerson);
    const per = rows.filter((x) => x.cost && x.cost.perPerson && x.cost.money > 0);
    let target;
    if (costs.length) {
      target = R.pick(costs);
      const over = ctx.fundsCents + R.int(1, 50) * 100;
      target.value = R.pick([`≤${fmt(over)}万元`, `${fmt(over)}万元`]);
    } else if (per.length) {
      target = per[0];
      const count = rows.find((x) => x.count);
      // raise the rate so rate × count exceeds the funds
      const rate = Math.ceil((ctx.fundsCents + 100) / count.count / 10) * 10;
      target.value = `${fmt(rate)}万元/人/年`;
    } else return false;
    writeValue(s, cols, target.row, target.value);
    const cells = rows.filter((x) => x.cost).map((x) => A1(x.row, cols.v));
    truth.plants.push({ family: 'perf.cost', cells: [...cells, funds.total, ...rowCells(ctx, target.row)], at: A1(target.row, cols.v) });
    return true;
  }
  if (family === 'value') {
    const cands = rows.filter((x) => !x.cost && !x.count && !x.planted && /\d/.test(x.value));
    if (!cands.length) return false;
    const x = R.pick(cands);
    x.planted = true;
    const n = (x.value.match(/\d+(\.\d+)?/) || ['90'])[0];
    x.value = R.pick([`≥${n}`, n, `不低于${n}`, '', `<=${n}`]);
    writeValue(s, cols, x.row, x.value);
    const cells = [A1(x.row, cols.v), A1(x.row, cols.l3)];
    if (cols.unit !== undefined) cells.push(A1(x.row, cols.unit), A1(x.row, cols.nature));
    truth.plants.push({ family: 'perf.value', cells, at: A1(x.row, cols.v) });
    return true;
  }
  if (family === 'hierarchy') {
    // a 一级 group whose first row has no 二级: its 三级 stands under no 二级 (the 二级 above is another 一级's)
    const starts = rows.map((x, k) => k).filter((k) => k > 0 && rows[k].l1 !== rows[k - 1].l1);
    if (!starts.length) return false;
    const k = R.pick(starts);
    const x = rows[k];
    if (x.planted) return false;
    x.planted = true;
    const sameL2 = rows.filter((y) => y.l1 === x.l1 && y.l2 === x.l2);
    if (sameL2.length > 1 && ctx.mergeMode !== 'repeat') {
      // (merge1: the 二级 is typed once per run, like 'blank')
      // the 二级 is written once for its run: moving it down to the second row leaves the first one without
      if (ctx.mergeMode === 'merge') return false;
      s.put(sameL2[1].row, cols.l2, x.l2);
    }
    s.cells.delete(`${x.row},${cols.l2}`);
    if (ctx.mergeMode === 'merge') {
      // the 二级 merge started on this row: it now starts on the next row of its run (if any)
      const i = s.merges.findIndex((m) => m[0] === x.row && m[1] === cols.l2);
      if (i >= 0) s.merges.splice(i, 1);
    }
    x.l2 = '';
    truth.plants.push({ family: 'perf.hierarchy', cells: rowCells(ctx, x.row), at: A1(x.row, cols.l3) });
    return true;
  }
  if (family === 'misplaced') {
    // every row of one 二级 run renamed to a 二级 of another 一级
    const runs = [];
    rows.forEach((x, k) => {
      if (k === 0 || rows[k - 1].l1 !== x.l1 || rows[k - 1].l2 !== x.l2) runs.push([x]);
      else runs[runs.length - 1].push(x);
    });
    const cands = runs.filter((run) => WRONG_L2[run[0].l1] && run.every((x) => !x.planted && x.l2 && !x.cost && !x.count));
    if (!cands.length) return false;
    const run = R.pick(cands);
    const name = R.pick(WRONG_L2[run[0].l1]);
    if (rows.some((y) => y.l1 === run[0].l1 && y.l2 === name)) return false;
    const cells = [];
    for (const x of run) {
      x.planted = true;
      x.l2 = name;
      if (s.cells.has(`${x.row},${cols.l2}`)) s.put(x.row, cols.l2, name);
      cells.push(...rowCells(ctx, x.row));
    }
    truth.plants.push({ family: 'perf.hierarchy', cells, at: A1(run[0].row, cols.l2) });
    return true;
  }
  if (family === 'duplicate') {
    const k = R.int(0, rows.length - 1);
    const x = rows[k];
    // repeat a 三级 of the same 二级 on another row of that 二级 (renaming a sibling)
    const sib = rows.find((y) => y !== x && y.l1 === x.l1 && y.l2 === x.l2 && !y.cost && !x.cost && !y.count && !x.count && !y.planted && !x.planted);
    if (!sib) return false;
    sib.planted = x.planted = true;
    const num = /^指标\d+：/.exec(sib.l3);
    sib.l3 = num ? x.l3.replace(/^指标\d+：/, num[0]) : x.l3;
    sib.value = x.value;
    s.put(sib.row, cols.l3, sib.l3);
    if (!ctx.template) writeValue(s, cols, sib.row, x.value);
    truth.plants.push({ family: 'perf.duplicate', cells: [...rowCells(ctx, sib.row), ...rowCells(ctx, x.row)], at: A1(sib.row, cols.l3) });
    return true;
  }
  if (family === 'goal') {
    if (!truth.goal.amounts || ctx.textual) return false;
    const a = truth.goal.amounts;
    const k = R.int(0, a.length - 1);
    const show = truth.goalAmountText;
    const before = show(a[k]);
    a[k] += R.pick([1, -1, 100, 300]);
    if (a[k] <= 0) return false;
    const [gr, gc] = [Number(truth.goal.cell.replace(/^[A-Z]+/, '')) - 1, [...truth.goal.cell.replace(/\d+$/, '')].reduce((p, ch) => p * 26 + ch.charCodeAt(0) - 64, 0) - 1];
    const text = s.cells.get(`${gr},${gc}`);
    s.put(gr, gc, text.replace(before, show(a[k])));
    truth.plants.push({ family: 'perf.goal-amounts', cells: [truth.goal.cell, truth.funds.total, A1(gr, ctx.left)], at: truth.goal.cell });
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- --wide: other tables, stated totals, shifted rows
const AREAS = ['市医保局', '市医疗保险经办处', '汉滨区', '汉阴县', '宁陕县', '岚皋县', '平利县', '石泉县', '紫阳县'];
/** Plants one wrong amount in a non-绩效 table: the cell changed; a finding may name any cell of its row or of the 合计 row. */
function plantSum(s, W, other, dataRows, cols, totalRow, left, right) {
  const r = W.pick(dataRows);
  const c = W.pick(cols);
  const cur = s.cells.get(`${r},${c}`);
  const was = cur && typeof cur === 'object' ? cur.num : 0;
  const now = Math.max(0, was + W.pick([1, 2, 5, 10, -1, -5]));
  if (now === was) return;
  s.put(r, c, { num: now, numFmt: '0.00' });
  const cells = [];
  for (let j = left; j <= right; j++) cells.push(A1(r, j), A1(totalRow, j));
  other.plants.push({ family: 'sum', cells, at: A1(r, c) });
}
/** A 资金分配表 (seed003): title, 单位, a two-row header 县区 | 合计 | 金额(parts) | 备注, rows, a 合计 row. Returns its last row. */
function allocationTable(s, W, top, left, kind, mayPlant) {
  const nParts = W.int(1, 3);
  const right = left + 2 + nParts;
  let r = top;
  s.merge(r, left, r, right, `2025年${W.pick(PROJECTS)}${W.pick(['分配表', '资金分配表', '分配明细表'])}`);
  r++;
  s.put(r, right, '单位：万元');
  r++;
  const hdr = r;
  s.merge(r, left, r + 1, left, W.pick(['县区', '单位', '地区']));
  s.merge(r, left + 1, r + 1, left + 1, '合计');
  s.merge(r, left + 2, r, left + 1 + nParts, '金额');
  ['信息化建设和基金监管补助', '基层经办能力提升补助', '医药价格监测补助'].slice(0, nParts).forEach((x, k) => s.put(r + 1, left + 2 + k, x));
  s.merge(r, right, r + 1, right, '备注');
  r += 2;
  const areas = pickDistinct(W, AREAS, W.int(3, 7));
  const sums = new Array(nParts).fill(0);
  const dataRows = [];
  for (const a of areas) {
    s.put(r, left, a);
    let total = 0;
    for (let k = 0; k < nParts; k++) {
      const x = W.chance(0.3) ? 0 : W.int(1, 150) * (W.chance(0.3) ? 1 : 10);
      if (x) s.put(r, left + 2 + k, { num: x, numFmt: '0.00' });
      total += x;
      sums[k] += x;
    }
    s.put(r, left + 1, { num: total, numFmt: '0.00' });
    s.put(r, right, W.pick(['基层服务能力建设试点', '信息化建设', '']) || null);
    dataRows.push(r);
    r++;
  }
  s.put(r, left, W.pick(['合计', '安康市合计', '总计']));
  s.put(r, left + 1, { num: sums.reduce((a, b) => a + b, 0), numFmt: '0.00' });
  sums.forEach((x, k) => s.put(r, left + 2 + k, { num: x, numFmt: '0.00' }));
  const other = { kind: 'allocation', range: [hdr, left, r, right], plants: [] };
  if (mayPlant && W.chance(0.4)) plantSum(s, W, other, dataRows, [left + 1, ...sums.map((_, k) => left + 2 + k)], r, left, right);
  s.others.push(other);
  return r;
}
/** A 项目 list beside a 绩效 table: 序号 | 项目名称 | 金额（万元）, a 合计 row under it. */
function projectList(s, W, top, left, mayPlant) {
  const n = W.int(2, 5);
  let r = top;
  s.put(r, left, '序号');
  s.put(r, left + 1, '项目名称');
  s.put(r, left + 2, '金额（万元）');
  const hdr = r;
  r++;
  let total = 0;
  const dataRows = [];
  pickDistinct(W, PROJECTS, n).forEach((p, k) => {
    const x = W.int(1, 300) + (W.chance(0.5) ? W.int(1, 99) / 100 : 0);
    s.put(r, left, k + 1);
    s.put(r, left + 1, p);
    s.put(r, left + 2, { num: x, numFmt: '0.00' });
    total += Math.round(x * 100);
    dataRows.push(r);
    r++;
  });
  s.put(r, left + 1, '合计');
  s.put(r, left + 2, { num: total / 100, numFmt: '0.00' });
  const other = { kind: 'list', range: [hdr, left, r, left + 2], plants: [] };
  if (mayPlant && W.chance(0.3)) plantSum(s, W, other, dataRows, [left + 2], r, left, left + 2);
  s.others.push(other);
}
/**
 * 'stated': the 填报说明 under the table states the 分值 total (90 or 100) and the weights add up to the other one
 * (a weight off by 10). 'shift': every row of one 二级 run shifted one column right (seed002: the 二级 name in the 三级
 * column, the 三级 in the 指标值 column, the value right of it).
 */
function widePlant(ctx, W, family) {
  const { s, rows, cols, truth } = ctx;
  if (family === 'stated') {
    if (!truth.weights || !truth.weights.statedIn || ctx.groupW || truth.plants.some((p) => p.family === 'perf.weights')) return false;
    const d = truth.weights.total === 90 ? 10 : -10;
    const k = rows.findIndex((x, j) => ctx.w[j] + d > 0);
    if (k < 0) return false;
    ctx.w[k] += d;
    s.put(rows[k].row, ctx.wCol, ctx.wText ? `${ctx.w[k]}${ctx.wText}` : ctx.w[k]);
    const cells = [truth.weights.statedIn];
    for (let row = truth.range[0]; row <= truth.range[2]; row++) cells.push(A1(row, ctx.wCol));
    truth.plants.push({ family: 'perf.weights', cells, at: A1(rows[k].row, ctx.wCol), variant: 'stated' });
    return true;
  }
  if (family === 'shift') {
    if (ctx.template || cols.unit !== undefined || truth.counties || ctx.groupW) return false;
    const runs = runsOf(rows).map((run) => run.map((k) => rows[k]));
    const cands = runs.filter((run) => run.every((x) => !x.planted && !x.cost && !x.count && x.l2) && run[0] !== rows[0] && run[0].l1 === rows[rows.indexOf(run[0]) - 1].l1);
    if (!cands.length) return false;
    const run = W.pick(cands);
    const cells = [];
    run.forEach((x, j) => {
      x.planted = true;
      const hadL2 = s.cells.has(`${x.row},${cols.l2}`) && j === 0 ? true : ctx.mergeMode === 'repeat';
      // the whole row from the 三级 on moves one column right (its last cell lands right of the table)
      for (let c = ctx.right; c >= cols.l3; c--) {
        const v = s.cells.get(`${x.row},${c}`);
        s.cells.delete(`${x.row},${c}`);
        if (v !== undefined) s.put(x.row, c + 1, v);
      }
      s.cells.delete(`${x.row},${cols.l2}`);
      if (hadL2) s.put(x.row, cols.l3, x.l2);
      cells.push(...rowCells(ctx, x.row));
    });
    const i = s.merges.findIndex((m) => m[0] === run[0].row && m[1] === cols.l2);
    if (i >= 0) s.merges.splice(i, 1);
    truth.plants.push({ family: 'perf.hierarchy', cells, at: A1(run[0].row, cols.l3), variant: 'shift' });
    truth.shifted = true;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- books
function buildBook(seed, opts = {}) {
  const R = rng(seed * 7919 + 101);
  // --wide draws from its own stream, so the books of the main stream (and every range scored before) do not change
  // except where a wide variant adds to them.
  const W = opts.wide ? rng(seed * 104729 + 7) : null;
  const sheets = [];
  const nSheets = R.int(1, 3);
  const clean = R.chance(0.35);
  const template = !clean && R.chance(0.12);
  for (let k = 0; k < nSheets; k++) {
    const s = new Sheet(R.pick(['绩效', '绩效目标表', `附件${k + 1}`, `绩效-${k + 1}`]) + (k ? `(${k + 1})` : ''));
    if (sheets.some((x) => x.name === s.name)) s.name += `_${k}`;
    sheets.push(s);
    let row = R.int(0, 1);
    const nTables = R.chance(0.3) ? 2 : 1;
    for (let t = 0; t < nTables; t++) {
      const kind = R.pick(['project', 'project', 'regional', 'regional', 'department']);
      const left = R.chance(0.2) ? 1 : 0;
      // --wide: a 资金分配表 above the 绩效 table (seed003)
      if (W && W.chance(0.3)) row = allocationTable(s, W, row, left, kind, !clean && !template) + W.int(2, 3);
      const { bottom, ctx } = table(s, R, row, left, { kind, template, W });
      if (!clean && !template) {
        const n = R.int(0, 2);
        const fams = R.shuffle(PLANTS);
        let done = 0;
        for (const f of fams) {
          if (done >= n) break;
          if (plant(ctx, f)) done++;
        }
        if (W && W.chance(0.5)) for (const f of W.shuffle(['stated', 'shift'])) if (widePlant(ctx, W, f)) break;
      }
      if (W && W.chance(0.2)) projectList(s, W, ctx.truth.range[0], ctx.right + W.int(1, 2) + (ctx.truth.shifted ? 1 : 0), !clean && !template);
      row = bottom + (R.chance(0.15) ? 1 : R.int(2, 4)); // sometimes the next title right under the last row
    }
  }
  return { sheets, clean, template };
}

async function write(sheets, file) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(',').map(Number);
      if (v === null || v === undefined) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof v === 'object' && v.date) {
        cell.value = v.date;
        cell.numFmt = v.numFmt;
      } else if (typeof v === 'object') {
        cell.value = v.num;
        cell.numFmt = v.numFmt || '#,##0.00';
      } else cell.value = v;
    }
    for (const [t, l, b, r] of s.merges) {
      // a merge's value is its top-left cell's: copy nothing, clear the others as Excel does
      for (let i = t; i <= b; i++) for (let j = l; j <= r; j++) if (i !== t || j !== l) ws.getCell(i + 1, j + 1).value = null;
      ws.mergeCells(t + 1, l + 1, b + 1, r + 1);
    }
  }
  await wb.xlsx.writeFile(file);
}

async function generate(from, to, outDir, opts = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const truth = [];
  for (let seed = from; seed <= to; seed++) {
    const b = buildBook(seed, opts);
    const file = path.join(outDir, `book${seed}.xlsx`);
    await write(b.sheets, file);
    truth.push({
      file,
      seed,
      clean: b.sheets.every((s) => [...s.tables, ...s.others].every((t) => !t.plants.length)),
      template: b.template,
      sheets: b.sheets.map((s) => ({ name: s.name, tables: s.tables.map(({ cols, ...t }) => t), others: s.others })),
    });
  }
  fs.writeFileSync(path.join(outDir, 'truth.json'), JSON.stringify(truth));
}
if (require.main === module) generate(Number(process.argv[2]), Number(process.argv[3]), process.argv[4], { wide: process.argv.includes('--wide') });
module.exports = { buildBook, generate };
