import type Decimal from 'decimal.js';
import type { AmountUnit } from '../money/units';
import type { Level1 } from './framework';
import type { ParsedValue } from './value';

/** 0-based sheet coordinates of one cell. */
export interface CellRef {
  row: number;
  col: number;
}

export type PerfVariant = 'project' | 'regional' | 'department';

/** A label of the header block and what is written next to it. */
export interface HeaderField {
  /** The label as written ("项目名称", "其中：中央资金"). */
  label: string;
  labelCell: CellRef;
  /** Text to the right of the label ("" when empty). */
  value: string;
  valueCell?: CellRef;
}

export type FundRole =
  | 'total'
  | 'period-total'
  | 'central'
  | 'local'
  | 'provincial'
  | 'city'
  | 'county'
  | 'fiscal'
  | 'other'
  /** 上年结转资金: part of the 年度 total beside this year's 财政拨款. */
  | 'carryover';

export interface FundLine extends HeaderField {
  role: FundRole;
  /** The amount in the table's unit (万元 unless the header says otherwise); null when empty or not a number. */
  amount: Decimal | null;
}

/** One 年度金额 (or 实施期资金总额) with the parts listed under it. */
export interface FundGroup {
  total: FundLine;
  parts: FundLine[];
}

export interface PerfHeader {
  /** 项目名称 / 资金名称 / 转移支付名称 / 名称. */
  name?: HeaderField;
  /** 主管部门, 实施单位, 预算单位, 财政部门, 省份, 地区, 项目负责人 … in reading order. */
  departments: HeaderField[];
  /** Every label of the block, in reading order (for prefilling templates). */
  fields: HeaderField[];
  /** Unit of the 资金情况 amounts (from "资金情况（万元）"), default 万元. */
  fundsUnit: AmountUnit;
  /** The annual 年度金额 group first; 实施期 groups after it. */
  funds: FundGroup[];
  /** Fund lines that could not be tied to a total. */
  looseFunds: FundLine[];
  /** Amounts per county in the 资金情况 block of a regional table ("梁河 6"). */
  regionFunds: { region: string; cell: CellRef; amount: Decimal | null }[];
  /** 年度目标 (or 项目总体目标 / 年度总体目标). */
  goal?: HeaderField;
}

export interface LevelLabel {
  text: string;
  cell: CellRef;
  /** The standard name when the label is in the framework. */
  standard?: string;
  /** For a 一级 inferred from its 二级 (the 一级 cell says something else or nothing). */
  inferred?: boolean;
}

export interface IndicatorColumns {
  /** "绩效指标" column left of the 一级 column, when the table has one. */
  outer?: number;
  level1: number;
  level2: number;
  level3: number;
  /** The 指标值 column (the first 区域目标值 column of a regional table with counties). */
  value: number;
  /** One column per county ("梁河") under 指标值 / 区域目标值. */
  regions: { name: string; col: number }[];
  nature?: number;
  unit?: number;
  basis?: number;
  lastYear?: number;
  weight?: number;
  scoring?: number;
  evidence?: number;
  note?: number;
}

export interface Indicator {
  row: number;
  level1?: LevelLabel;
  level2?: LevelLabel;
  /** 三级指标 text ("" for a row waiting to be filled). */
  name: string;
  nameCell: CellRef;
  value: ParsedValue;
  valueCell: CellRef;
  /** One per county column (regional tables); the first equals `value`. */
  regionValues: { region: string; value: ParsedValue; cell: CellRef }[];
  /** Columns the row was shifted right by (OCR'd or retyped rows whose 二级 sits in the 三级 column). */
  shift: number;
  nature?: { text: string; cell: CellRef };
  unit?: { text: string; cell: CellRef };
  basis?: string;
  lastYear?: string;
  weight?: { text: string; cell: CellRef; amount: Decimal | null };
  scoring?: string;
  evidence?: string;
  note?: string;
}

export type LevelIssueKind =
  /** A 二级 under the wrong 一级 (时效指标 under 效益指标). */
  | 'misplaced'
  /** A level label the framework does not have (公平性指标, 综合指标). */
  | 'unknown'
  /** A 二级 written in the 一级 column (可持续影响指标 as 一级). */
  | 'level2-as-level1'
  /** A level label written in the 三级 column: the row is shifted. */
  | 'shifted'
  | 'missing-level1'
  | 'missing-level2';

export interface LevelIssue {
  kind: LevelIssueKind;
  cell: CellRef;
  text: string;
  /** For misplaced / level2-as-level1: the 一级 the standard puts it under. */
  expectedParent?: Level1;
  /** The 一级 it stands under in the table. */
  actualParent?: string;
  /** Rows of the indicators carried by this label. */
  rows: number[];
}

/** A parsed 绩效目标表: DetectedTable.perf for kind 'performance'. */
export interface PerfTable {
  variant: PerfVariant;
  title?: string;
  titleRow?: number;
  /** "2023" from "(2023 年)" / "（2022年度）". */
  year?: string;
  /** First row of the header block. */
  top: number;
  /** The indicator header row ("一级指标 | 二级指标 | …") and, for county columns, the row of county names. */
  indicatorHeaderRow: number;
  indicatorHeaderBottom: number;
  header: PerfHeader;
  columns: IndicatorColumns;
  indicators: Indicator[];
  levelIssues: LevelIssue[];
  /** The 分值 total the form states (in the 分值 heading or a note under the table), which the weights must add up to. */
  statedWeightTotal?: { total: Decimal; cell: CellRef; text: string };
  /** A 合计 row of the weights, when the table has one. */
  totalRow?: { row: number; weight?: { cell: CellRef; amount: Decimal | null; text: string } };
}

export type { Level1 };
