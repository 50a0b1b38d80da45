/** 绩效目标表: detection, perf.* checks, standard templates, repair and the indicator library. */
export { detectPerformanceTables, perfOf, fundAmount } from './detect';
export { checkPerformance, goalAllocations } from './checks';
export { perfTemplate, buildPerfPlan, standardLevels, VARIANT_TITLES } from './plan';
export type { TemplateOptions, PerfPlanSpec, PlanIndicator, PlanLevel1, PlanLevel2, PlanFundLine } from './plan';
export { normalizePerformanceTable, safeSheetName } from './normalize';
export type { NormalizeOptions, NormalizeResult, MovedIndicator, UnplacedIndicator } from './normalize';
export { templatePrefill, displayLabel } from './prefill';
export { INDICATOR_LIBRARY, FUND_TOPICS, searchLibrary, libraryRows } from './library';
export type { FundTopic, LibraryIndicator } from './library';
export { parseIndicatorValue, comparatorSymbol, convertMoney } from './value';
export type { ParsedValue, Comparator } from './value';
export * from './framework';
export type * from './types';
