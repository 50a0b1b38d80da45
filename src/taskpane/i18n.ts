import * as React from 'react';
import type { RuleId, Severity, TableKind } from '../core/types';
import { RULE_LABELS, RULE_LABELS_EN, SEVERITY_LABELS, SEVERITY_LABELS_EN } from '../core/report/labels';

/**
 * The task pane's languages: zh-CN (default) and en-US. Panels in other folders (catalog, perf) can use
 * `useT()` for the shared strings and `useLocalized()` for dictionaries of their own.
 */
export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

const zhCN = {
  'app.title': '校核',
  'tab.check': '校验',
  'tab.catalog': '科目',
  'tab.perf': '绩效',
  'tabs.label': '功能',
  'check.run': '校验当前工作表',
  'check.clear': '清除标记',
  'check.reading': '已读取 {done}/{total} 行',
  'check.checking': '正在校验…',
  'check.marking': '正在标记单元格…',
  'check.cancel': '取消',
  'check.cancelled': '已取消校验，未做任何标记。',
  'check.clearing': '正在清除标记…',
  'check.intro': '找出当前工作表上的表格，逐一核对合计、科目编码和绩效目标表，并在单元格上标出问题。',
  'check.cleared': '已清除 {count} 处标记，单元格已恢复原样。',
  'check.clearedNone': '没有需要清除的标记。',
  'check.markFailed': '已找到问题，但未能在表格中标记：{reason}',
  'check.runBook': '校验整个工作簿',
  'check.readingSheet': '正在读取工作表 {index}/{total}：{sheet}',
  'check.checkingSheet': '正在校验工作表 {index}/{total}：{sheet}',
  'check.cross': '正在核对表间勾稽关系…',
  'book.summary': '已校验 {sheets} 张工作表：表内问题 {within} 处，表间问题 {cross} 处。',
  'book.sheetNotice': '工作表“{sheet}”：{notice}',
  'book.sheet': '工作表“{sheet}”— {count} 处',
  'book.cross': '表间勾稽关系',
  'book.rules': '{total} 条规则：通过 {passed}，不符 {failed}，不适用 {na}',
  'book.noRoles': '未识别到预算/决算公开表，没有做表间核对。',
  'book.status.passed': '通过',
  'book.status.failed': '不符',
  'book.status.not-applicable': '不适用',
  'book.derived': '由 {cell} 的表内错误引起',
  'summary.title': '校验结果',
  'summary.sheet': '工作表“{sheet}”',
  'summary.tables': '找到 {count} 张表格',
  'summary.noTables': '没有在这张工作表上找到表格。',
  'summary.findings': '发现 {count} 处问题',
  'summary.okTotals': '核对了 {count} 个合计，全部相符。',
  'summary.okPerf': '检查了 {count} 张绩效目标表（资金、分值、指标层级与指标值），未发现问题。',
  'summary.nothingChecked': '找到 {count} 张表格，但没有找到可核对的合计，未作核对。',
  'summary.ignored': '另有 {count} 处已忽略。',
  'summary.perTable': '各表核对情况',
  'coverage.checked': '核对 {total} 个合计，相符 {verified} 个，不符 {failed} 个',
  'coverage.none': '没有找到可核对的合计',
  'coverage.perf': '绩效目标表：核对资金、分值、指标层级与指标值',
  'coverage.notChecked': '未核对：{list}',
  'check.export': '导出报告',
  'check.exported': '已导出报告：{name}',
  'check.exportedSheets': '已在工作簿中添加报告：{names}',
  'check.showVerified': '显示已核对',
  'check.showVerifiedHint': '把核对相符的合计标上浅绿色；清除标记时一并去掉。',
  'check.hideHints': '隐藏提示',
  'check.listCleared': '结果已清除。再次校验可重新列出问题。',
  'error.export': '导出报告失败：{reason}',
  'error.ignore': '无法保存已忽略的问题：{reason}',
  'findings.ignore': '忽略',
  'findings.ignoreLabel': '忽略 {cell} 的问题',
  'findings.restore': '恢复',
  'findings.restoreLabel': '恢复 {cell}',
  'findings.ignoredTitle': '已忽略（{count}）',
  'findings.ignoredHint': '已忽略的问题不再标记，也不列入报告，随工作簿保存；恢复后下次校验重新列出。',
  'findings.expand': '展开 {cell} 引起的 {count} 项',
  'findings.collapse': '收起 {cell} 引起的 {count} 项',
  'findings.derivedFrom': '由 {cell} 引起',
  'findings.hiddenHints': '已隐藏 {count} 条提示。',
  'overwrite.title': '覆盖已有内容？',
  'overwrite.body': '写入 {range} 会覆盖 {count} 个已有内容的单元格：',
  'overwrite.more': '等 {count} 个',
  'overwrite.confirm': '覆盖',
  'overwrite.cancel': '取消',
  'overwrite.cancelled': '已取消，未写入任何内容。',
  'summary.byRule': '按规则',
  'summary.byKind': '按表格类型',
  'findings.label': '发现的问题',
  'findings.table': '表 {index}',
  'findings.tableUntitled': '表 {index}（{range}）',
  'findings.other': '其他',
  'findings.rounding': '疑似四舍五入',
  'findings.expected': '应为 {expected}',
  'findings.goto': '定位到 {cell}',
  'settings.title': '设置',
  'settings.tolerance': '容差（绝对值不超过此值的差额不报告）',
  'settings.toleranceHint': '0 表示相差 0.01 也报告（公开表格应一分不差）。',
  'settings.toleranceInvalid': '请输入不小于 0 的数字，例如 0 或 0.01。',
  'settings.weights': '指标分值合计',
  'settings.weightsAuto': '自动（90 或 100）',
  'settings.catalogYear': '科目目录年度',
  'settings.catalogYearAuto': '按表题年度',
  'settings.language': '界面语言',
  'settings.languageAuto': '跟随 Office / 系统',
  'error.noHost': '当前环境没有可用的表格接口。请在 Excel 或 WPS 表格中打开本加载项，或使用演示页面。',
  'error.read': '读取工作表失败：{reason}',
  'error.check': '校验时出错：{reason}',
  'error.select': '无法定位到单元格：{reason}',
  'error.clear': '清除标记失败：{reason}',
  'empty.notChecked': '点击“校验当前工作表”开始。',
  'kind.allocation': '资金分配表',
  'kind.classification': '科目表',
  'kind.summary': '收支总表',
  'kind.performance': '绩效目标表',
  'kind.generic': '一般表格',
  'lang.zh-CN': '简体中文',
  'lang.en-US': 'English',
};

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Record<MessageKey, string>;

const enUS: Dictionary = {
  'app.title': 'Jiaohe',
  'tab.check': 'Check',
  'tab.catalog': 'Codes',
  'tab.perf': 'Targets',
  'tabs.label': 'Features',
  'check.run': 'Check this sheet',
  'check.clear': 'Clear marks',
  'check.reading': 'Read {done}/{total} rows',
  'check.checking': 'Checking…',
  'check.runBook': 'Check the whole workbook',
  'check.readingSheet': 'Reading sheet {index}/{total}: {sheet}',
  'check.checkingSheet': 'Checking sheet {index}/{total}: {sheet}',
  'check.cross': 'Comparing the tables with each other…',
  'book.summary': 'Checked {sheets} sheets: {within} problems within tables, {cross} between tables.',
  'book.sheetNotice': 'Sheet "{sheet}": {notice}',
  'book.sheet': 'Sheet “{sheet}” — {count}',
  'book.cross': 'Between tables (勾稽关系)',
  'book.rules': '{total} rules: {passed} passed, {failed} failed, {na} not applicable',
  'book.noRoles': 'No 预算/决算 tables found: nothing was compared between tables.',
  'book.status.passed': 'passed',
  'book.status.failed': 'failed',
  'book.status.not-applicable': 'not applicable',
  'book.derived': 'follows from the error within the table at {cell}',
  'check.marking': 'Marking cells…',
  'check.cancel': 'Cancel',
  'check.cancelled': 'Check cancelled; nothing was marked.',
  'check.clearing': 'Clearing marks…',
  'check.intro': 'Finds the tables on the active sheet, checks every total, code and performance target table, and marks the cells that are wrong.',
  'check.cleared': 'Cleared {count} marks; the cells are as they were.',
  'check.clearedNone': 'There were no marks to clear.',
  'check.markFailed': 'Problems were found but could not be marked on the sheet: {reason}',
  'summary.title': 'Result',
  'summary.sheet': 'Sheet "{sheet}"',
  'summary.tables': '{count} tables found',
  'summary.noTables': 'No table was found on this sheet.',
  'summary.findings': '{count} problems found',
  'summary.okTotals': '{count} totals checked; all agree.',
  'summary.okPerf': '{count} performance target tables checked (funds, weights, levels, values); no problems.',
  'summary.nothingChecked': '{count} tables found, but no total that could be checked; nothing was checked.',
  'summary.ignored': '{count} more ignored.',
  'summary.perTable': 'What was checked',
  'coverage.checked': '{total} totals checked: {verified} agree, {failed} differ',
  'coverage.none': 'No total that could be checked',
  'coverage.perf': 'Performance targets: funds, weights, levels and values checked',
  'coverage.notChecked': 'Not checked: {list}',
  'check.export': 'Export report',
  'check.exported': 'Report exported: {name}',
  'check.exportedSheets': 'Report added to the workbook: {names}',
  'check.showVerified': 'Show verified',
  'check.showVerifiedHint': 'Marks the totals that agree in pale green; Clear marks removes it.',
  'check.hideHints': 'Hide hints',
  'check.listCleared': 'The result was cleared. Check again to list the problems.',
  'error.export': 'Could not export the report: {reason}',
  'error.ignore': 'Could not save the ignored findings: {reason}',
  'findings.ignore': 'Ignore',
  'findings.ignoreLabel': 'Ignore the finding at {cell}',
  'findings.restore': 'Restore',
  'findings.restoreLabel': 'Restore {cell}',
  'findings.ignoredTitle': 'Ignored ({count})',
  'findings.ignoredHint': 'Ignored findings are not marked or reported and are saved with the workbook; restore one to see it again at the next check.',
  'findings.expand': 'Show the {count} caused by {cell}',
  'findings.collapse': 'Hide the {count} caused by {cell}',
  'findings.derivedFrom': 'Caused by {cell}',
  'findings.hiddenHints': '{count} hints hidden.',
  'overwrite.title': 'Overwrite cells?',
  'overwrite.body': 'Writing {range} would overwrite {count} cells that are not empty:',
  'overwrite.more': 'and {count} more',
  'overwrite.confirm': 'Overwrite',
  'overwrite.cancel': 'Cancel',
  'overwrite.cancelled': 'Cancelled; nothing was written.',
  'summary.byRule': 'By rule',
  'summary.byKind': 'By table type',
  'findings.label': 'Problems found',
  'findings.table': 'Table {index}',
  'findings.tableUntitled': 'Table {index} ({range})',
  'findings.other': 'Other',
  'findings.rounding': 'Looks like rounding',
  'findings.expected': 'Expected {expected}',
  'findings.goto': 'Go to {cell}',
  'settings.title': 'Settings',
  'settings.tolerance': 'Tolerance (differences up to this are not reported)',
  'settings.toleranceHint': '0 reports a difference of 0.01 too (published tables must be exact).',
  'settings.toleranceInvalid': 'Enter a number of at least 0, such as 0 or 0.01.',
  'settings.weights': 'Indicator weights total',
  'settings.weightsAuto': 'Automatic (90 or 100)',
  'settings.catalogYear': 'Catalog year',
  'settings.catalogYearAuto': 'From the sheet title',
  'settings.language': 'Language',
  'settings.languageAuto': 'Same as Office / system',
  'error.noHost': 'No spreadsheet API is available here. Open the add-in in Excel or WPS Spreadsheets, or use the demo page.',
  'error.read': 'Could not read the sheet: {reason}',
  'error.check': 'The check failed: {reason}',
  'error.select': 'Could not go to the cell: {reason}',
  'error.clear': 'Could not clear the marks: {reason}',
  'empty.notChecked': 'Click "Check this sheet" to start.',
  'kind.allocation': 'Allocation',
  'kind.classification': 'Classification',
  'kind.summary': 'Income & expenditure',
  'kind.performance': 'Performance targets',
  'kind.generic': 'Other table',
  'lang.zh-CN': '简体中文',
  'lang.en-US': 'English',
};

export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, 'en-US': enUS };

export type Vars = Record<string, string | number>;

/** A message with its {placeholders} filled in. Unknown placeholders are left visible, not dropped. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The rule's one name (core/report/labels), the same the CLI and the exported report use. */
export function ruleLabel(locale: Locale, rule: RuleId): string {
  return (locale === 'en-US' ? RULE_LABELS_EN : RULE_LABELS)[rule] ?? rule;
}

/** 错误 / 疑似 / 提示. */
export function severityLabel(locale: Locale, severity: Severity): string {
  return (locale === 'en-US' ? SEVERITY_LABELS_EN : SEVERITY_LABELS)[severity] ?? severity;
}

export function kindLabel(locale: Locale, kind: TableKind): string {
  return translate(locale, `kind.${kind}` as MessageKey);
}

/** zh* (zh-CN, zh-TW, zh-Hans…) reads Chinese; any other language gets English. Missing → Chinese. */
export function normalizeLocale(tag: string | null | undefined): Locale {
  if (!tag) return 'zh-CN';
  return /^zh\b/i.test(tag.trim()) ? 'zh-CN' : /^[a-z]{2,3}\b/i.test(tag.trim()) ? 'en-US' : 'zh-CN';
}

interface LocaleSources {
  /** Office.context.displayLanguage, when running inside Office. */
  officeDisplayLanguage?: string | null;
  /** navigator.language. */
  browserLanguage?: string | null;
}

/** The UI language from Office's display language when present, else the browser's. */
export function detectLocale(sources: LocaleSources = readLocaleSources()): Locale {
  return normalizeLocale(sources.officeDisplayLanguage || sources.browserLanguage);
}

function readLocaleSources(): LocaleSources {
  const out: LocaleSources = {};
  // Office is read only when office.js defined it; the WPS pane never loads office.js.
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  try {
    out.officeDisplayLanguage = office?.context?.displayLanguage ?? null;
  } catch {
    out.officeDisplayLanguage = null;
  }
  if (typeof navigator !== 'undefined') out.browserLanguage = navigator.language;
  return out;
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Vars) => string;
}

function makeI18n(locale: Locale): I18n {
  return { locale, t: (key, vars) => translate(locale, key, vars) };
}

const I18nContext = React.createContext<I18n>(makeI18n('zh-CN'));

export function I18nProvider(props: { locale: Locale; children?: React.ReactNode }): React.JSX.Element {
  const value = React.useMemo(() => makeI18n(props.locale), [props.locale]);
  return React.createElement(I18nContext.Provider, { value }, props.children);
}

/** `const { t, locale } = useT(); t('check.run')`. Without a provider the UI is Chinese. */
export function useT(): I18n {
  return React.useContext(I18nContext);
}

/** For panels with their own strings: `const s = useLocalized({ 'zh-CN': {...}, 'en-US': {...} })`. */
export function useLocalized<T>(byLocale: Record<Locale, T>): T {
  return byLocale[useT().locale];
}
