#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Expands the hand-written outlines in src/core/catalog/data/source/ into the catalog JSON files.
// Run: node tests/catalog/tools/genCatalogData.js   (tests/catalog/data.test.ts checks the JSON is in sync)
const fs = require('fs');
const path = require('path');

const DATA = path.join(__dirname, '..', '..', '..', 'src', 'core', 'catalog', 'data');
const SRC = path.join(DATA, 'source');

const STANDARD = [
  ['01', '行政运行'],
  ['02', '一般行政管理事务'],
  ['03', '机关服务'],
];

function otherName(kuanName) {
  return kuanName.endsWith('支出') ? `其他${kuanName}` : `其他${kuanName}支出`;
}

/** Outline text → [{code, name, from?, until?}] in order. Throws on a malformed line. */
function expandOutline(text, file) {
  const out = [];
  let lei = null;
  let kuan = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    let line = raw.trim();
    if (!line || line.startsWith('#')) return;
    let from;
    let until;
    const tag = /\s+@(-?)(\d{4})$/.exec(line);
    if (tag) {
      if (tag[1] === '-') until = Number(tag[2]);
      else from = Number(tag[2]);
      line = line.slice(0, tag.index).trim();
    }
    const push = (code, name) => out.push({ code, name, ...(from ? { from } : {}), ...(until ? { until } : {}) });
    if (line === 'std') {
      if (!kuan) throw new Error(`${file}:${i + 1}: std outside a 款`);
      for (const [s, n] of STANDARD) push(kuan.code + s, n);
      return;
    }
    const m = /^(\d+)(?:\s+(.+))?$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: cannot read "${raw}"`);
    const [, digits, nameRaw] = m;
    const name = nameRaw ? nameRaw.trim() : undefined;
    if (digits.length === 3) {
      if (!name) throw new Error(`${file}:${i + 1}: 类 without a name`);
      lei = { code: digits, name };
      kuan = null;
      push(digits, name);
    } else if (digits.length === 5) {
      if (!name) throw new Error(`${file}:${i + 1}: 款 without a name`);
      if (!lei || !digits.startsWith(lei.code)) throw new Error(`${file}:${i + 1}: 款 ${digits} outside its 类`);
      kuan = { code: digits, name };
      push(digits, name);
    } else if (digits.length === 2) {
      if (!kuan) throw new Error(`${file}:${i + 1}: 项 outside a 款`);
      let n = name;
      if (!n && digits === '50') n = '事业运行';
      if (!n && digits === '99') n = otherName(kuan.name);
      if (!n) throw new Error(`${file}:${i + 1}: 项 ${digits} without a name`);
      push(kuan.code + digits, n);
    } else {
      throw new Error(`${file}:${i + 1}: code length ${digits.length} not allowed in an outline`);
    }
  });
  return out;
}

function readEconomic(text) {
  const out = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\d{3}|\d{5})\s+([^=]+?)(?:\s*=>\s*(\d{5})(?:;\s*(\d{5}(?:\s*,\s*\d{5})*))?)?$/.exec(line);
    if (!m) throw new Error(`economic.outline.txt:${i + 1}: cannot read "${raw}"`);
    const e = { code: m[1], name: m[2].trim() };
    if (m[3]) e.mapsTo = m[3];
    if (m[4]) e.mapsAlso = m[4].split(',').map((s) => s.trim());
    out.push(e);
  });
  return out;
}

const FUNCTION_SOURCE = (year) =>
  `支出功能分类科目，${year}年版（财政部《${year}年政府收支分类科目》）。由开发者依据官方科目表逐条录入（非机器抽取），` +
  '覆盖全部类、各类的款，以及大部分项；没有把握的项宁缺毋滥，未录入。' +
  '年中修订：已按财预〔2024〕22号增设 22006 耕地保护考核奖惩基金支出（款，其项级科目名称未录入）、2300412 自然资源海洋气象等' +
  '（2024、2025年版均含）；已按财预〔2025〕41号增设 2170404 中央金融机构注资特别国债支出、22911 中央金融机构注资特别国债财务基金支出（款）、' +
  '23107 中央金融机构注资特别国债还本支出（款）（仅2025年版；两款的项级科目未录入）。' +
  '21305 按2024年版（财预〔2023〕83号）名为“巩固脱贫攻坚成果衔接乡村振兴”，含 2130550 事业运行。' +
  '已录入款 22198 超长期特别国债安排的支出（项 2219899 其他住房保障支出，见于2025年度决算公开表），其他类的同类款未录入。' +
  '类 230 转移性支出的 23001/23002/23003/23006 项与收入分类 110 的对应项同码（“收入”改为“支出”）。' +
  '类 234 沿用“抗疫特别国债安排的支出”名称，录入其款 23401 基础设施建设、23402 抗疫相关支出及项（按2020年设立时的科目，未与2024、2025年版逐条核对）。' +
  '请以“jiaohe catalog import”导入财政部当年科目表以补充或替换。' +
  `Function classification, ${year} edition, transcribed by hand from the official edition; every 类, ` +
  'the 款 of every 类 and most 项; uncertain 项 left out. Mid-year amendments 财预〔2024〕22号 and (2025 only) 财预〔2025〕41号 ' +
  'applied to the expenditure side as listed above.';

function build() {
  const fn = expandOutline(fs.readFileSync(path.join(SRC, 'function.outline.txt'), 'utf8'), 'function.outline.txt');
  const files = {};
  for (const year of [2024, 2025]) {
    const entries = fn
      .filter((e) => (!e.from || year >= e.from) && (!e.until || year <= e.until))
      .map(({ code, name }) => ({ code, name }));
    files[`function-${year}.json`] = { kind: 'function', edition: year, source: FUNCTION_SOURCE(year), entries };
  }
  files['economic.json'] = {
    kind: 'economic',
    source:
      '部门预算支出经济分类科目（301–399）与政府预算支出经济分类科目（501–599），及其对应关系（财预〔2017〕98号《支出经济分类科目改革试行方案》附表1，' +
      '按其后历年政府收支分类科目更新名称）。mapsTo 为机关和参照公务员法管理事业单位适用的政府预算经济分类；mapsAlso 为事业单位等适用的对应科目。' +
      'Departmental and government economic classifications with the 98号 mapping; mapsTo applies to 机关, mapsAlso to 事业单位.',
    entries: readEconomic(fs.readFileSync(path.join(SRC, 'economic.outline.txt'), 'utf8')),
  };
  files['income-110.json'] = {
    kind: 'income',
    source:
      '收入分类 110 转移性收入的款、项（转移支付下达文件常用的科目，如 1100249 医疗卫生共同财政事权转移支付收入），由开发者依据官方科目表录入；' +
      '另按财预〔2024〕22号录入 1030182 耕地保护考核奖惩基金收入、1100412 自然资源海洋气象等，按财预〔2025〕41号录入 1030184（from: 2025）。' +
      '其余收入类未录入。Income classification 110 (transfer income) and the 103 items of the mid-year amendments; ' +
      '"from" marks entries of later editions only.',
    entries: expandOutline(fs.readFileSync(path.join(SRC, 'income.outline.txt'), 'utf8'), 'income.outline.txt'),
  };
  return files;
}

function serialize(obj) {
  // One entry per line: readable diffs, small files.
  const { entries, ...head } = obj;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headJson},\n  "entries": [\n${entries.map((e) => '    ' + JSON.stringify(e)).join(',\n')}\n  ]\n}\n`;
}

module.exports = { expandOutline, readEconomic, build, serialize, DATA };

if (require.main === module) {
  const files = build();
  for (const [name, obj] of Object.entries(files)) {
    fs.writeFileSync(path.join(DATA, name), serialize(obj));
    console.log(`${name}: ${obj.entries.length} entries`);
  }
}
