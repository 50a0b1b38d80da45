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
  | 'code.mapping'
  | 'xref.total'
  | 'xref.by-code'
  | 'xref.bound'
  | 'xref.empty-note';

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
  'xref.total',
  'xref.by-code',
  'xref.bound',
  'xref.empty-note',
];

/** error 错误: a total that is wrong; warning 疑似: a guess; hint 提示: a difference that can only be rounding. */
export type Severity = 'error' | 'warning' | 'hint';

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, hint: 0 };

/** The graver of two grades: a cell with several findings is marked for the worst of them. */
export function worseSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

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
  /**
   * The cause this finding only follows from: its cell (A1), or `Sheet!A1` when on another sheet.
   * Shown folded under the cause; the officer fixes the cause, not both.
   */
  derivedFrom?: string;
  /** xref.*: the second side of a cross-table finding (`cell` is the first, as `Sheet!A1`). */
  other?: { sheet: string; cell: string; value?: string };
}

/** One relation the engine holds for a table: what was (or was not) checked, as data. */
export interface RelationSummary {
  /** row: 合计 column = Σ columns; column: 合计 row = Σ rows; hierarchy: parent = Σ children; balance: 收 = 支; group: 小计 = its group. */
  kind: 'row' | 'column' | 'hierarchy' | 'balance' | 'group';
  /** The total: a column letter ("E") for a row relation, a row number ("31") for a column/hierarchy relation, or a cell. */
  total: string;
  /** The parts, in the same form as `total`. */
  parts: string[];
  /** Where the relation came from (header words, a 合计 label, codes, 其中, the data). */
  source?: string;
  /** How many rows (or columns) agree and disagree. */
  agree: number;
  disagree: number;
  status: 'checked' | 'set-aside';
  /** Why a relation was set aside, in Chinese ("单价列，不按金额相加"). */
  reason?: string;
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
  /** The relations held for this table, checked or set aside. */
  relations?: RelationSummary[];
  /** Role of the table in a 预算/决算 book (收支总表, 支出总表 …), set by the cross-table checks. */
  role?: string;
}

export interface CheckSettings {
  /** Differences whose absolute value is ≤ this are not reported. Default "0": 0.01 is a finding. */
  tolerance: string;
  /** Expected sum of indicator weights: 90, 100, 'auto' (90 or 100), or another number. */
  weightsTotal: number | 'auto';
  /** Year of the classification catalog used by code checks; 0: the year the book's titles give (else 2025). */
  catalogYear: number;
  /** Rule families to run. */
  rules: { sums: boolean; perf: boolean; codes: boolean };
}

export const DEFAULT_SETTINGS: CheckSettings = {
  tolerance: '0',
  weightsTotal: 'auto',
  catalogYear: 0,
  rules: { sums: true, perf: true, codes: true },
};

export interface SheetReport {
  name: string;
  tables: TableSummary[];
  findings: Finding[];
  /** Set when the sheet could not be checked (empty, too many errors…): a one-line reason in Chinese. */
  notice?: string;
}

/** One cross-table rule (勾稽关系) over a whole book. */
export interface CrossTableRule {
  /** Rule id of its findings (xref.*) and a short Chinese statement of the rule. */
  rule: RuleId;
  /** Id of this particular rule within its family ("xref.total.income"), stable for tests and reports. */
  id?: string;
  name: string;
  status: 'passed' | 'failed' | 'not-applicable';
  /** Why it did not apply ("未找到项目支出表"), or what was compared. */
  reason?: string;
}

export interface CrossTableReport {
  rules: CrossTableRule[];
  findings: Finding[];
}

/** The catalog a check used and why: the year asked for (--year), the year of the book's titles, or the default. */
export interface CatalogChoice {
  year: number;
  /** Edition of the 支出功能分类 used: the year itself when built in or imported, else the nearest earlier one. */
  edition: number;
  source: 'option' | 'book' | 'default';
  /** Said once in the report when the year has no edition of its own: "按2025年科目表校验；未内置2026年科目表". */
  note?: string;
}

export interface WorkbookReport {
  file: string;
  sheets: SheetReport[];
  /** Set when the book was checked as a whole. */
  crossTable?: CrossTableReport;
  /** Sheets that could be read only in part (their notice says what was not read): the book is not fully checked. */
  partial?: string[];
  /** The catalog year the code checks used (set by hosts that check a whole book). */
  catalog?: CatalogChoice;
}

export type { CellRange, AmountUnit };
