/**
 * Reading the words of a budget table: total labels, numbering styles, 其中 items, codes inside names,
 * unit lines, notes and header vocabulary. Pure string functions, no Grid access.
 */
import { toHalfWidth } from '../money/parse';
import type { AmountUnit } from '../money/units';

/** Removes every kind of space (ASCII, full-width, nbsp) so "合 计" reads as "合计". */
const SPACE = /[\s\u3000\u00a0]/;

export function squash(s: string): string {
  return SPACE.test(s) ? s.replace(/[\s\u3000\u00a0]+/g, '') : s;
}

/** A grand total label: 合计, 合 计, 总计, 收入总计, 安康市合计, 全市合计, 本年收入合计, "合计（万元）". */
export function isGrandTotalLabel(label: string): boolean {
  if (!label.includes('计')) return false;
  const s = squash(label).replace(/[（(][^)）]*[)）]$/, '');
  if (s.length === 0 || s.length > 16) return false;
  if (/^(合计|总计|共计|总合计|累计)$/.test(s)) return true;
  if (/^其中/.test(s)) return false;
  return /(合计|总计)$/.test(s) || /^(合计|总计)/.test(s);
}

/** A subtotal label: 小计, 汉中市小计, "公务用车购置及运行费（小计）". */
export function isSubtotalLabel(label: string): boolean {
  if (!label.includes('计')) return false;
  const s = squash(label);
  return /小计[)）]?$/.test(s) && s.length <= 24;
}

export type NumberingStyle = 'cn' | 'pcn' | 'ar' | 'par' | 'circ' | 'alpha';

const NUMBERING: [NumberingStyle, RegExp][] = [
  ['cn', /^[一二三四五六七八九十百]+[、.．，,]/],
  ['pcn', /^[（(][一二三四五六七八九十]+[)）]/],
  ['par', /^[（(]\d{1,2}[)）]/],
  ['ar', /^\d{1,2}(?:[、．，]|\.(?!\d))/],
  ['circ', /^[\u2460-\u2473\u2776-\u277f]/],
];

/** The numbering style a label starts with (一、 （一） 1. (1) ①), if any. */
const NUMBERING_START = /^[\s\u3000]*[一二三四五六七八九十百（(\d\u2460-\u2473\u2776-\u277f]/;

export function numberingOf(label: string): NumberingStyle | undefined {
  if (!NUMBERING_START.test(label)) return undefined;
  const s = label.replace(/^[\s\u3000]+/, '');
  for (const [style, re] of NUMBERING) if (re.test(s)) return style;
  return undefined;
}

/** "其中：一般财力", "其中:", "其中 xx". */
export function isQizhong(label: string): boolean {
  return label.includes('其中') && /^其中/.test(label.replace(/^[\s\u3000]+/, ''));
}

/** Codes are 3 (类), 5 (款), 7 (项) or 9 (目) digits. */
export function isCodeLength(n: number): boolean {
  return n === 3 || n === 5 || n === 7 || n === 9;
}

/** "210卫生健康支出" / "2101501 行政运行" / "2101501-行政运行" → code and name. */
export function codeInName(label: string): { code: string; name: string } | undefined {
  const t = label.trim();
  if (!isDigitCode(t.charCodeAt(0))) return undefined;
  const m = /^(\d{3,9})(?![\d.,，%])[\s\u3000\-－—_:：、]*(.*)$/.exec(FULL_WIDTH.test(t) ? toHalfWidth(t) : t);
  if (!m || !isCodeLength(m[1].length)) return undefined;
  const name = m[2].trim();
  if (name !== '' && isQuantityUnit(name)) return undefined;
  return { code: m[1], name };
}

/**
 * What follows a number that is a quantity, not a code: "2023年", "100万元", "300个", "120人", "100人次",
 * "50%". A 科目 name may start with 人 too ("20101 人大事务", "20801人力资源和社会保障管理事务"): 人 is a
 * unit only alone or as 人次 / 人数 / 人均 / 人日 / 人以上 and the like.
 */
function isQuantityUnit(name: string): boolean {
  if (/^[年月日号期元万亿个%％]/.test(name)) return true;
  if (name.charCodeAt(0) !== 0x4eba) return false; // 人
  return name.length === 1 || /^人(次|数|均|日|天|月|年|份|以[上下]|左右|[、，,;；:：。）)(（\d])/.test(name);
}

/** An ASCII or full-width digit (a character code): where a code can start. */
export function isDigitCode(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 0xff10 && ch <= 0xff19);
}

/** Whether every character is an ASCII digit ("" included): a loop, as code cells are read by the ten thousand. */
export function isAsciiDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/** A cell that is only a code: "205", "20508", "08" (a 款/项 part in split columns). */
export function codeText(text: string): string | undefined {
  const t = text.trim();
  if (t.length >= 2 && t.length <= 9 && isAsciiDigits(t)) return t;
  if (!FULL_WIDTH.test(t)) return undefined;
  const s = toHalfWidth(t);
  return DIGITS.test(s) ? s : undefined;
}

const DIGITS = /^\d{2,9}$/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** The level a full code stands for: 3 digits → 0 (类), 5 → 1 (款), 7 → 2 (项), 9 → 3 (目). */
export function codeLevel(code: string): number {
  return Math.max(0, (code.length - 3) / 2);
}

const UNIT_LINE_RE = /(?:金额)?单位\s*[：:]\s*(亿元|万元|千元|元)|[（(]\s*(?:单位\s*[：:]?\s*)?(亿元|万元|千元|元)\s*[)）]/;

/** The unit a line or header states: "单位：万元", "单位: 万元", "（万元）", "金额单位：元", "金额（万元）". */
export function statedUnit(text: string): AmountUnit | undefined {
  const m = UNIT_LINE_RE.exec(toHalfWidth(text).replace(/\u3000/g, ' '));
  if (!m) return undefined;
  return (m[1] ?? m[2]) as AmountUnit;
}

/** Lines around a table that are not part of it: 单位：万元, 编制部门：…, 填报日期, 附件1, 表1. */
export function isMetaLine(text: string): boolean {
  const s = squash(text);
  if (statedUnit(s) && s.length <= 14 && /^((金额)?单位|[（(])/.test(s)) return true;
  if (/^(?:金额)?单位[：:]/.test(s)) return true;
  if (/^(编制|填报|报送|制表|预算)(部门|单位|日期|时间|人)[：:]/.test(s)) return true;
  if (/^(附件|附表|表)[\d一二三四五六七八九十]+[:：、.．]?$/.test(s)) return true;
  if (/^[(（]?\d{4}\s*年(度)?[)）]?$/.test(s)) return true;
  if (/^\d{4}[年\-/.]\d{1,2}[月\-/.]\d{1,2}日?$/.test(s)) return true;
  return false;
}

/** A note under a table: 注：…, 备注：…, 说明：…, 数据来源, 填表人, 审核人, 负责人. */
const NOTE_START = /^[\s\u3000\u00a0]*[注备说附数资填制审负联单财]/;

export function isNoteLine(text: string): boolean {
  if (!NOTE_START.test(text)) return false;
  const s = squash(text);
  return /^(注|备注|说明|附注|注释|数据来源|资料来源)\s*[\d]*[：:、.．]/.test(s) || /^(填表人|制表人|审核人|负责人|联系人|联系电话|单位负责人|财务负责人)/.test(s);
}

const HEADER_WORDS = [
  '项目', '科目', '名称', '金额', '合计', '总计', '小计', '预算数', '决算数', '执行数', '预算', '序号', '编码', '代码',
  '类', '款', '项', '县区', '地区', '区县', '市县', '单位', '备注', '其中', '基本支出', '项目支出', '资金', '收入',
  '支出', '本年', '上年', '功能分类', '经济分类', '人员经费', '公用经费', '数额', '数量', '单价', '说明', '栏次',
];

const STRONG_HEADER = /^(项目|科目|科目名称|科目编码|功能分类科目|名称|单位|单位名称|县区|县(市、?区)|地区|区县|市县|金额|合计|总计|预算数|决算数|序号|编码|代码|类|款|项|栏次|备注)$/;

/** Header vocabulary: short texts that name columns. */
export function isHeaderWord(text: string): boolean {
  const s = squash(text);
  if (s.length === 0 || s.length > 20) return false;
  if (numberingOf(s) || isQizhong(s) || codeInName(s)) return false;
  // A year alone names a column of paired measures ("2023年 | 2024年" under each 三公 group).
  return HEADER_WORDS.some((w) => s.includes(w)) || /[（(](万元|元|亿元|%|个|人)[)）]$/.test(s) || /^(19|20)\d{2}年度?$/.test(s);
}

export function isStrongHeaderWord(text: string): boolean {
  const s = squash(text).replace(/[（(][^)）]*[)）]$/, '');
  return STRONG_HEADER.test(s) || /(科目|名称|编码|合计|总计|金额)$/.test(s) && s.length <= 10;
}

/** Header of a total column: 合计, 总计, 小计, 金额合计, 财政拨款(补助)小计. */
export function isTotalHeader(text: string): boolean {
  const s = squash(text).replace(/[（(](万元|元|亿元)[)）]$/, '');
  if (s.length === 0 || s.length > 20) return false;
  if (/^其中/.test(s)) return false;
  return /(合计|总计|小计|共计)/.test(s) || /^(计|总额|总数|总金额|全年|全年数|汇总)$/.test(s);
}

/** Columns whose numbers are not amounts to add: rates, prices, standards, weights, years, codes, ordinals. */
export function isNonAdditiveHeader(text: string): boolean {
  const s = squash(text);
  return /单价|均价|价格|标准|定额|人均|平均|系数|比例|比重|百分比|占比|[率%％]|权重|分值|得分|评分|指标值|增幅|增长|同比|环比|序号|编号|编码|代码|科目|年度|年份|年限|日期|时间|电话|号码|账号|身份证|栏次|排名|名次/.test(
    s,
  ) && !/(合计|总计|小计|金额)$/.test(s);
}

/** Columns that count things (people, items): additive down a column, but not parts of a money total. */
export function isCountHeader(text: string): boolean {
  return /人数|人次|户数|个数|数量|家数|床位|次数|台数|辆数|面积|天数|件数|套数|名额/.test(squash(text));
}

/** Texts that mark a code column: 编码, 代码, 科目编码, 类, 款, 项. */
export function codeHeaderRole(text: string): '类' | '款' | '项' | 'code' | undefined {
  const s = squash(text);
  if (s === '类') return '类';
  if (s === '款') return '款';
  if (s === '项') return '项';
  if (/(编码|代码|编号)$/.test(s) && !/序/.test(s)) return 'code';
  return undefined;
}

export function isOrdinalHeader(text: string): boolean {
  return /^(序号|编号|序|No\.?|NO\.?|栏次|行次)$/i.test(squash(text));
}

/** Label texts that name recipients (regions, units): rows of an allocation table. */
export function looksLikeRecipient(label: string): boolean {
  const s = squash(label);
  return /(省|市|州|盟|县|区|旗|镇|乡|街道|村|局|院|中心|所|站|处|厅|委|办|校|学|公司|医院|卫生院|社区|单位|本级|机关)$/.test(s) || /(市|县|区)(本级|直)/.test(s);
}

/** Header of a recipient column. */
export function isRecipientHeader(text: string): boolean {
  const s = squash(text);
  return /(县|区|市|地区|单位|地市|州|部门|医院|机构|乡镇|单位名称|地区名称)/.test(s) && !/(科目|功能分类|经济分类|预算科目|项目)/.test(s);
}

/** Words that name the two sides of a 收支总表. */
export function sideOf(text: string): 'income' | 'expense' | undefined {
  const s = squash(text);
  if (/收入/.test(s) && !/支出/.test(s)) return 'income';
  if (/支出/.test(s) && !/收入/.test(s)) return 'expense';
  return undefined;
}

/** A table title: "2022年中央财政……资金分配表", "部门收支总体情况表", "……明细表（单位：万元）". */
export function isTitleText(text: string): boolean {
  const s = squash(text).replace(/[（(][^)）]*[)）]$/, '');
  return s.length >= 6 && /(表|情况|明细|汇总|一览)$/.test(s.replace(/[\d年度]+$/, '')) && !/^(附件|附表)[\d一二三四五六七八九十]*[:：]?$/.test(s);
}
