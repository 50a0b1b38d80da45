import type { CellRange } from '../grid/address';
import type { AmountUnit } from '../money/units';
import type { TableKind } from '../types';

/** Where codes live: split 类/款/项 columns, one code column, or codes inside the name column. */
export type CodeRole = '类' | '款' | '项' | 'code' | 'function' | 'economic-dept' | 'economic-gov' | 'income';

export interface CodeColumn {
  col: number;
  role: CodeRole;
}

export type ColumnRole = 'label' | 'code' | 'amount' | 'text';

export interface ColumnInfo {
  col: number;
  /** Header texts from the top header row down (merged group headers first), de-duplicated. */
  headerPath: string[];
  role: ColumnRole;
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
}
