import type { RuleId, Severity, TableKind } from '../types';

/** Chinese names of table kinds, as officers call them. */
export const KIND_LABELS: Record<TableKind, string> = {
  allocation: '资金分配表',
  classification: '科目表',
  summary: '收支总表',
  performance: '绩效目标表',
  generic: '一般表格',
};

/**
 * The one name of each rule, used everywhere: the task pane, the CLI report, the exported report. Short, in the
 * words an officer would use for the problem (the finding's own message says the details).
 */
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

/** English names of the rules, for the en-US task pane; same meaning as RULE_LABELS. */
export const RULE_LABELS_EN: Record<RuleId, string> = {
  'sum.row': 'Row total differs',
  'sum.column': 'Total row differs',
  'sum.hierarchy': 'Category total differs',
  'sum.balance': 'Income ≠ expenditure',
  'perf.funds': 'Funding sources differ',
  'perf.weights': 'Weights total differs',
  'perf.cost': 'Cost indicator exceeds funds',
  'perf.hierarchy': 'Indicator levels',
  'perf.value': 'Indicator value missing or without unit',
  'perf.duplicate': 'Duplicate indicator',
  'perf.goal-amounts': 'Amounts in annual goal differ',
  'code.unknown': 'Unknown code',
  'code.name': 'Code name differs',
  'code.parent': 'Wrong parent code',
  'code.mapping': 'Economic code mapping differs',
  'xref.total': 'Totals differ between tables',
  'xref.by-code': 'Amounts by code differ between tables',
  'xref.bound': '"Three public" spending exceeds its economic class',
  'xref.empty-note': 'Empty-table note differs',
};

export const SEVERITY_LABELS_EN: Record<Severity, string> = {
  error: 'Error',
  warning: 'Suspected',
  hint: 'Hint',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '疑似',
  hint: '提示',
};

export function ruleLabel(rule: string): string {
  return (RULE_LABELS as Record<string, string>)[rule] ?? rule;
}
