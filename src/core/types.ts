import type { CellRange } from './grid/address';
import type { AmountUnit } from './money/units';

/** Rule ids are a stable contract: tests, the task pane, the CLI and annotations use them. */
export type RuleId =
  | 'sum.row'
  | 'sum.column'
  | 'sum.hierarchy'
  | 'sum.balance'
  | 'perf.funds'
  | 'perf.weights'
  | 'perf.cost'
  | 'perf.hierarchy'
  | 'perf.value'
  | 'perf.duplicate'
  | 'perf.goal-amounts'
  | 'code.unknown'
  | 'code.name'
  | 'code.parent'
  | 'code.mapping';

export const RULE_IDS: readonly RuleId[] = [
  'sum.row',
  'sum.column',
  'sum.hierarchy',
  'sum.balance',
  'perf.funds',
  'perf.weights',
  'perf.cost',
  'perf.hierarchy',
  'perf.value',
  'perf.duplicate',
  'perf.goal-amounts',
  'code.unknown',
  'code.name',
  'code.parent',
  'code.mapping',
];

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Sheet name. */
  sheet: string;
  /** A1 address of the cell to fix (for sum.* the total cell whose stated value differs). */
  cell: string;
  /** Index into SheetReport.tables of the table the finding belongs to, when there is one. */
  table?: number;
  /** Sum of the parts, or what the standard/catalog expects, as a string (decimal for amounts). */
  expected?: string;
  /** The stated value. */
  actual?: string;
  /** A1 addresses of the part cells. */
  parts?: string[];
  /** Chinese message shown to the officer. */
  message: string;
  /** English message for the en-US UI. */
  messageEn?: string;
  /** The difference looks like rounding (|diff| within 0.01 per part at the displayed decimals). */
  rounding?: boolean;
}

export type TableKind = 'allocation' | 'classification' | 'summary' | 'performance' | 'generic';

/** What the outside world (JSON, task pane summary) sees of a detected table. */
export interface TableSummary {
  /** A1 range: header rows + body + total rows, without title, unit line or notes. */
  range: string;
  kind: TableKind;
  title?: string;
  unit?: AmountUnit;
  headerRows: number;
  /** 1-based sheet row numbers of the total rows. */
  totalRows: number[];
}

export interface CheckSettings {
  /** Differences whose absolute value is ≤ this are not reported. Default "0": 0.01 is a finding. */
  tolerance: string;
  /** Expected sum of indicator weights: 90, 100, 'auto' (90 or 100), or another number. */
  weightsTotal: number | 'auto';
  /** Edition of the classification catalog used by code checks. */
  catalogYear: number;
  /** Rule families to run. */
  rules: { sums: boolean; perf: boolean; codes: boolean };
}

export const DEFAULT_SETTINGS: CheckSettings = {
  tolerance: '0',
  weightsTotal: 'auto',
  catalogYear: 2025,
  rules: { sums: true, perf: true, codes: true },
};

export interface SheetReport {
  name: string;
  tables: TableSummary[];
  findings: Finding[];
  /** Set when the sheet could not be checked (empty, too many errors…): a one-line reason in Chinese. */
  notice?: string;
}

export interface WorkbookReport {
  file: string;
  sheets: SheetReport[];
}

export type { CellRange, AmountUnit };
