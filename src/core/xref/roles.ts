/**
 * The role of a table in a 部门预算/决算 book, from its title (or its sheet's name): the same ten roles
 * under the 情况表 naming (部门收支总体情况表 …), the 上海 预算 naming (财务收支预算总表 …) and the 决算
 * naming (收入支出决算总表 …).
 */
import { squash } from '../layout/text';

export type XrefRole =
  | '收支总表'
  | '收入总表'
  | '支出总表'
  | '财政拨款收支总表'
  | '一般公共预算支出表'
  | '基本支出表'
  | '项目支出表'
  | '政府性基金表'
  | '国有资本经营表'
  | '三公经费表';

export const XREF_ROLES: readonly XrefRole[] = [
  '收支总表',
  '收入总表',
  '支出总表',
  '财政拨款收支总表',
  '一般公共预算支出表',
  '基本支出表',
  '项目支出表',
  '政府性基金表',
  '国有资本经营表',
  '三公经费表',
];

/** 预算 books compare budgets; 决算 books compare outturns (收入 and 支出 by 科目 differ legitimately). */
export type BookFamily = '预算' | '决算';

/** Title words, tried in order: the first that matches gives the role. */
const ROLE_WORDS: readonly { role: XrefRole; test: (t: string) => boolean }[] = [
  { role: '三公经费表', test: (t) => t.includes('三公') },
  { role: '政府性基金表', test: (t) => t.includes('政府性基金') },
  { role: '国有资本经营表', test: (t) => t.includes('国有资本经营') },
  { role: '财政拨款收支总表', test: (t) => t.includes('财政拨款') && /收支|收入支出/.test(t) },
  { role: '基本支出表', test: (t) => t.includes('基本支出') },
  { role: '项目支出表', test: (t) => t.includes('项目支出') },
  { role: '一般公共预算支出表', test: (t) => t.includes('一般公共预算') && t.includes('支出') },
  { role: '收支总表', test: (t) => /收支|收入支出/.test(t) },
  { role: '收入总表', test: (t) => t.includes('收入') },
  { role: '支出总表', test: (t) => t.includes('支出') },
];

/** A table title: "2026年部门财务收支预算总表", "表3 部门支出总体情况表", "财政拨款 三公 经费支出决算表". */
function looksLikeTableTitle(t: string): boolean {
  return /表$/.test(t) && !/绩效|说明|目录/.test(t);
}

/** Tables of a 公开 book that none of the rules compare (机关运行经费 alone, 政府采购, 购买服务, 资产). */
const OTHER_TABLES = /政府采购|购买服务|国有资产|资产占用|^((?!三公).)*机关运行经费/;

function cleanTitle(text: string): string {
  return squash(text).replace(/[“”"'‘’《》]/g, '').replace(/[（(][^)）]*[)）]$/, '');
}

/** The role a title names, or undefined (绩效目标表, notes, other tables). */
export function roleOfTitle(text: string | undefined): XrefRole | undefined {
  if (!text) return undefined;
  const t = cleanTitle(text);
  if (!looksLikeTableTitle(t) || OTHER_TABLES.test(t)) return undefined;
  return ROLE_WORDS.find((w) => w.test(t))?.role;
}

export function familyOfTitle(text: string): BookFamily {
  return squash(text).includes('决算') ? '决算' : '预算';
}
