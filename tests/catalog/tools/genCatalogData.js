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

/**
 * One outline line → its parts, or null for a blank or comment line. "NN 名称 [doc, doc] @2025": digits, name,
 * the documents that confirm it (documents.tsv ids), and the edition tag; "std" stands for 01/02/03.
 */
function parseLine(raw, where = 'outline') {
  let line = raw.trim();
  if (!line || line.startsWith('#')) return null;
  let from;
  let until;
  const tag = /\s+@(-?)(\d{4})$/.exec(line);
  if (tag) {
    if (tag[1] === '-') until = Number(tag[2]);
    else from = Number(tag[2]);
    line = line.slice(0, tag.index).trim();
  }
  let seen = [];
  const docs = /\s*\[([^\]]*)\]$/.exec(line);
  if (docs) {
    seen = docs[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
    line = line.slice(0, docs.index).trim();
  }
  if (line === 'std') return { std: true, seen, from, until };
  const m = /^(\d+)(?:\s+(.+))?$/.exec(line);
  if (!m) throw new Error(`${where}: cannot read "${raw}"`);
  return { digits: m[1], name: m[2] ? m[2].trim() : undefined, seen, from, until };
}

/** Outline text → [{code, name, seen?, from?, until?}] in order. Throws on a malformed line. */
function expandOutline(text, file) {
  const out = [];
  let lei = null;
  let kuan = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const p = parseLine(raw, where);
    if (!p) return;
    const { from, until, seen } = p;
    const push = (code, name) =>
      out.push({ code, name, ...(seen.length ? { seen } : {}), ...(from ? { from } : {}), ...(until ? { until } : {}) });
    if (p.std) {
      if (!kuan) throw new Error(`${where}: std outside a 款`);
      if (seen.length) throw new Error(`${where}: write the three 项 of a confirmed std line out`);
      for (const [s, n] of STANDARD) push(kuan.code + s, n);
      return;
    }
    const { digits, name } = p;
    if (digits.length === 3) {
      if (!name) throw new Error(`${where}: 类 without a name`);
      lei = { code: digits, name };
      kuan = null;
      push(digits, name);
    } else if (digits.length === 5) {
      if (!name) throw new Error(`${where}: 款 without a name`);
      if (!lei || !digits.startsWith(lei.code)) throw new Error(`${where}: 款 ${digits} outside its 类`);
      kuan = { code: digits, name };
      push(digits, name);
    } else if (digits.length === 2) {
      if (!kuan) throw new Error(`${where}: 项 outside a 款`);
      let n = name;
      if (!n && digits === '50') n = '事业运行';
      if (!n && digits === '99') n = otherName(kuan.name);
      if (!n) throw new Error(`${where}: 项 ${digits} without a name`);
      push(kuan.code + digits, n);
    } else {
      throw new Error(`${where}: code length ${digits.length} not allowed in an outline`);
    }
  });
  return out;
}

function readEconomic(text) {
  const out = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\d{3}|\d{5})\s+([^=[]+?)(?:\s*\[([^\]]*)\])?(?:\s*=>\s*(\d{5})(?:;\s*(\d{5}(?:\s*,\s*\d{5})*))?)?$/.exec(line);
    if (!m) throw new Error(`economic.outline.txt:${i + 1}: cannot read "${raw}"`);
    const e = { code: m[1], name: m[2].trim() };
    const seen = m[3] ? m[3].split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
    if (seen.length) e.seen = seen;
    if (m[4]) e.mapsTo = m[4];
    if (m[5]) e.mapsAlso = m[5].split(',').map((s) => s.trim());
    out.push(e);
  });
  return out;
}

const FUNCTION_SOURCE = (year) =>
  `支出功能分类科目，${year}年版（财政部《${year}年政府收支分类科目》）。由开发者凭对官方科目表的了解手工录入（非机器抽取；` +
  '未能取得官方科目表的公开电子副本逐条核对），覆盖全部类、各类的款，以及大部分项；没有把握的项宁缺毋滥，未录入。' +
  '已与公开材料核对的：财预〔2024〕22号、财预〔2025〕41号的通知原文（见下述年中修订）；20809 退役安置各项（公开的2023年版科目说明网页）；' +
  '部门预决算公开文本与转移支付下达表中出现的科目，如 2050803、2080501、2080505、2080506、2080699、' +
  '2101101–2101103、2101199、2101501–2101506、2210201。' +
  '其余条目未能逐条核对，尤其：20139 社会工作事务、20140 信访事务、21017 中医药事务、21018 疾病预防控制事务及其项；' +
  '209 社会保险基金支出各项；208/212/213/214 的政府性基金及对应专项债务收入安排的款、项；20710、22198、22904、22960、' +
  '2299999、2239999（“其他”款下的兜底项按 99 编号，见下）；230–233 各款的项；234 的款、项（按2020年设立时的科目录入）。' +
  '20110 人力资源事务已于2019年版撤销（其项并入 2080113–2080116），未录入。' +
  '年中修订：已按财预〔2024〕22号增设 22006 耕地保护考核奖惩基金支出（款，其项级科目名称未录入）、2300412 自然资源海洋气象等' +
  '（2024、2025年版均含）；已按财预〔2025〕41号增设 2170404 中央金融机构注资特别国债支出、22911 中央金融机构注资特别国债财务基金支出（款）、' +
  '23107 中央金融机构注资特别国债还本支出（款）（仅2025年版；两款的项级科目未录入）。' +
  '21305 按2024年版（财预〔2023〕83号）名为“巩固脱贫攻坚成果衔接乡村振兴”，含 2130550 事业运行。' +
  '已录入款 22198 超长期特别国债安排的支出（项 2219899 其他住房保障支出，见于2025年度决算公开表），其他类的同类款未录入。' +
  '类 230 转移性支出的 23001/23002/23003/23006 项与收入分类 110 的对应项同码（“收入”改为“支出”）。' +
  '按公开文件更正（2026-12）：20802 的项 04/05/06 改为 06 社会组织管理、07 行政区划和地名管理、08 基层政权建设和社区治理' +
  '（2080206 社会组织管理见于普陀区万里街道2023年部门预算的三张表和说明；其余两项随之顺移，尚无文件印证）；' +
  '2089901 改为 2089999 其他社会保障和就业支出（见于万里街道2023、2024、2025年部门预算，无文件印有 2089901）；' +
  '按同一规律（“其他”款的兜底项编 99，文件中 2049999、2059999、2109999、2129999 均如此）把 2239901、2299901 改为 2239999、2299999（尚无文件印证）。' +
  '逐条出处：条目的 seen 列出印有该编码和名称的官方文件（documents），无 seen 的条目未经核对。' +
  '请以“jiaohe catalog import”导入财政部当年科目表以补充或替换。' +
  `Function classification, ${year} edition, entered by hand from the developers' knowledge of the official edition ` +
  '(no public electronic copy of the full list was available to check against); every 类, the 款 of every 类 and most 项; ' +
  'uncertain 项 left out. Cross-checked against public material: the texts of 财预〔2024〕22号 and 财预〔2025〕41号, the 20809 items, ' +
  'and the codes used in the public budget documents listed above; the rest is unverified. Mid-year amendments applied as listed above.';

/** documents.tsv: id → title, year. */
function readDocuments() {
  const out = {};
  for (const line of fs.readFileSync(path.join(SRC, 'documents.tsv'), 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, year, title] = line.split('\t');
    out[id] = { title, year: Number(year) };
  }
  return out;
}

/** The documents the entries of one file cite, in order of first citation. Throws on an id documents.tsv lacks. */
function documentsOf(entries, all) {
  const out = {};
  for (const e of entries) {
    for (const id of e.seen ?? []) {
      if (!all[id]) throw new Error(`document id ${id} (on ${e.code}) is not in documents.tsv`);
      out[id] = all[id];
    }
  }
  return out;
}

function build() {
  const docs = readDocuments();
  const fn = expandOutline(fs.readFileSync(path.join(SRC, 'function.outline.txt'), 'utf8'), 'function.outline.txt');
  const files = {};
  for (const year of [2024, 2025]) {
    const entries = fn
      .filter((e) => (!e.from || year >= e.from) && (!e.until || year <= e.until))
      .map(({ code, name, seen }) => ({ code, name, ...(seen ? { seen } : {}) }));
    files[`function-${year}.json`] = { kind: 'function', edition: year, source: FUNCTION_SOURCE(year), documents: documentsOf(entries, docs), entries };
  }
  files['economic.json'] = {
    kind: 'economic',
    source:
      '部门预算支出经济分类科目（301–399）与政府预算支出经济分类科目（501–599），及其对应关系（财预〔2017〕98号《支出经济分类科目改革试行方案》附表1，' +
      '按其后历年政府收支分类科目更新名称）。mapsTo 为机关和参照公务员法管理事业单位适用的政府预算经济分类；mapsAlso 为事业单位等适用的对应科目。' +
      '已与公开材料核对：附表1 的公开副本（501、502 两类的对应关系，如 50101←30101–30103，50199←30106/30114/30199，' +
      '50201←30201/30202/30204–30209/30211/30214/30228/30229/30239/30240）；301、302 各款名称（公开的部门预算支出经济分类科目说明网页）；' +
      '30206、30207、31002、50201、50306、50299、51301（转移支付下达表）。其余对应关系（303、307、309–313、399 各款）未能与公开副本逐条核对。' +
      'Departmental and government economic classifications with the 98号 mapping; mapsTo applies to 机关, mapsAlso to 事业单位.',
    entries: readEconomic(fs.readFileSync(path.join(SRC, 'economic.outline.txt'), 'utf8')),
  };
  files['economic.json'].documents = documentsOf(files['economic.json'].entries, docs);
  files['income-110.json'] = {
    kind: 'income',
    source:
      '收入分类 110 转移性收入的款、项（转移支付下达文件常用的科目，如 1100249 医疗卫生共同财政事权转移支付收入），由开发者凭对官方科目表的了解录入；' +
      '1100249 已与多份公开的转移支付下达文件核对，其余项未能与公开副本逐条核对；11004 仅录入 1100412，11005、11008、11009、11011 只录入款。' +
      '另按财预〔2024〕22号录入 1030182 耕地保护考核奖惩基金收入、1100412 自然资源海洋气象等，按财预〔2025〕41号录入 1030184（from: 2025）。' +
      '其余收入类未录入。Income classification 110 (transfer income) and the 103 items of the mid-year amendments; ' +
      '"from" marks entries of later editions only.',
    entries: expandOutline(fs.readFileSync(path.join(SRC, 'income.outline.txt'), 'utf8'), 'income.outline.txt'),
  };
  files['income-110.json'].documents = documentsOf(files['income-110.json'].entries, docs);
  return files;
}

function serialize(obj) {
  // One entry per line: readable diffs, small files.
  const { entries, ...head } = obj;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headJson},\n  "entries": [\n${entries.map((e) => '    ' + JSON.stringify(e)).join(',\n')}\n  ]\n}\n`;
}

module.exports = { expandOutline, readEconomic, parseLine, otherName, STANDARD, build, serialize, DATA };

if (require.main === module) {
  const files = build();
  for (const [name, obj] of Object.entries(files)) {
    fs.writeFileSync(path.join(DATA, name), serialize(obj));
    console.log(`${name}: ${obj.entries.length} entries`);
  }
}
