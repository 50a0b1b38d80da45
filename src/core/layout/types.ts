import type { CellRange } from '../grid/address';
import type { AmountUnit } from '../money/units';
import type { TableKind } from '../types';

/** Where codes live: split 类/款/项 columns, one code column, or codes inside the name column. */
export type CodeRole = '类' | '款' | '项' | 'code' | 'function' | 'economic-dept' | 'economic-gov' | 'income';

export interface CodeColumn {
  col: number;
  role: CodeRole;
}

export type ColumnRole = 'label' | 'code' | 'amount' | 'text' | 'ordinal';

export interface ColumnInfo {
  col: number;
  /** Header texts from the top header row down (merged group headers first), de-duplicated. */
  headerPath: string[];
  role: ColumnRole;
  /** Amount column whose numbers do not add up as money (rates, prices, weights, years). */
  nonAdditive?: boolean;
  /**
   * Its header names a rate, price, standard, year… (单价, 标准, 比例, 率): a doubt, not a verdict. The
   * numbers decide (relations.ts): money when it adds up in the relations it takes part in.
   */
  nonAdditiveWord?: boolean;
  /** Amount column that counts things (人数, 个数): added down the column, never part of a money total. */
  count?: boolean;
  /** Header names it a total (合计, 总计, 小计). */
  totalHeader?: boolean;
}

export type RowRole = 'item' | 'total' | 'subtotal' | 'blank';

export interface RowInfo {
  row: number;
  role: RowRole;
  label: string;
  /** Classification code of the row when one is known (类 "210", 款 "21011", 项 "2101101"). */
  code?: string;
  /** 0 = top level; deeper levels are children. */
  level: number;
  /** Row index of the parent row in the hierarchy, when there is one. */
  parentRow?: number;
  /** What gave the row its level: a code, numbering (一、 1. (1)), 其中, indentation, or nothing. */
  marker?: 'code' | 'numbering' | 'qizhong' | 'indent' | 'none';
  /** The row's name lists its 其中 items (公务用车购置及运行费 over 购置费, 运行费): that group is declared. */
  namesParts?: boolean;
}

/** sum.row: in every body row, the total column = Σ part columns. */
export interface ColumnSum {
  total: number;
  parts: number[];
  /** Where the relation came from: header words, or found in the data. */
  source: 'header' | 'data';
  /** Declared by the layout and kept although most rows break it: the findings say so. */
  contested?: boolean;
}

/** sum.column / sum.hierarchy: in every additive amount column, the total row = Σ part rows. */
export interface RowSum {
  total: number;
  parts: number[];
  rule: 'sum.column' | 'sum.hierarchy';
  /** How the parts were found, for the message: 下级科目, 其中各项, 所列各行. */
  basis: 'code' | 'qizhong' | 'numbering' | 'indent' | 'subtotal' | 'rows';
  /** Declared by the layout and kept although most columns break it: the findings say so. */
  contested?: boolean;
}

/** A relation (or an amount column) the engine considered and did not check, with the reason. */
export interface SetAside {
  /** 'row' / 'group': columns across a row; 'column' / 'hierarchy': rows down a column; a column left out of every sum is 'column' with no parts. */
  kind: 'row' | 'column' | 'hierarchy' | 'group';
  /** A column (row relations, columns left out) or a row (column and hierarchy relations), 0-based. */
  total: number;
  parts: number[];
  /** Chinese, one short clause: "单价列，不按金额相加". */
  reason: string;
  agree: number;
  disagree: number;
}

/** One side of a table: the whole table, or the 收入 / 支出 half of a 收支总表. */
export interface TableSide {
  left: number;
  right: number;
  labelCol?: number;
  codeCols: CodeColumn[];
  /** Amount columns (additive and not). */
  amountCols: number[];
  rows: RowInfo[];
  totalRows: number[];
  columnSums: ColumnSum[];
  rowSums: RowSum[];
  /** Relations and amount columns considered and not checked, with why. */
  setAside?: SetAside[];
  /** The cell holding this side's grand total (收入总计 / 支出总计), for sum.balance. */
  grandTotal?: { row: number; col: number };
  side?: 'income' | 'expense';
}

/** A table found on a sheet: the rich form used inside core. TableSummary is its public face. */
export interface DetectedTable {
  kind: TableKind;
  /** Header rows + body + total rows; excludes title, unit line and notes. */
  range: CellRange;
  title?: string;
  titleRow?: number;
  unit?: AmountUnit;
  /** First and last header row (headerTop > headerBottom when the table has no header band). */
  headerTop: number;
  headerBottom: number;
  /** 0-based total rows (合计/总计/小计…). */
  totalRows: number[];
  labelCol?: number;
  codeCols: CodeColumn[];
  columns: ColumnInfo[];
  rows: RowInfo[];
  /** For side-by-side tables. */
  side?: 'left' | 'right';
  /** Parsed 绩效目标表, set by core/perf for kind 'performance'. */
  perf?: unknown;
  /** First body row (after the header band). */
  bodyTop?: number;
  /** The table's halves: one side for most tables, 收入 and 支出 for a 收支总表. Set by the layout engine. */
  sides?: TableSide[];
}
