import type { RuleId, Severity, TableKind } from '../types';

/** Chinese names of table kinds, as officers call them. */
export const KIND_LABELS: Record<TableKind, string> = {
  allocation: '资金分配表',
  classification: '科目表',
  summary: '收支总表',
  performance: '绩效目标表',
  generic: '一般表格',
};

/** Short Chinese names of the rules, for summaries (the finding's own message says the details). */
export const RULE_LABELS: Record<RuleId, string> = {
  'sum.row': '行内合计不符',
  'sum.column': '合计行不符',
  'sum.hierarchy': '上下级科目不符',
  'sum.balance': '收支总计不平衡',
  'perf.funds': '资金来源不符',
  'perf.weights': '指标分值合计不符',
  'perf.cost': '成本指标超出资金',
  'perf.hierarchy': '指标层级不规范',
  'perf.value': '指标值缺失或无单位',
  'perf.duplicate': '指标重复',
  'perf.goal-amounts': '年度目标金额不符',
  'code.unknown': '科目编码不存在',
  'code.name': '科目名称不符',
  'code.parent': '科目上下级不符',
  'code.mapping': '经济分类对应不符',
  'xref.total': '表间合计不符',
  'xref.by-code': '表间科目金额不符',
  'xref.bound': '三公经费少于经济分类科目',
  'xref.empty-note': '空表说明不符',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '疑似',
  hint: '提示',
};

export function ruleLabel(rule: string): string {
  return (RULE_LABELS as Record<string, string>)[rule] ?? rule;
}
