import type { CellRange } from '../grid/address';

/** A generated sheet described as data; each host renders it (ExcelHost, WpsHost, file host, demo). */
export interface PlanStyle {
  bold?: boolean;
  fontSize?: number;
  fontName?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  numberFormat?: string;
  /** Fill colour as #RRGGBB. */
  fill?: string;
}

export interface PlanCell {
  row: number;
  col: number;
  value: string | number | null;
  formula?: string;
  /** A hyperlink on the cell (`book.xlsx#'Sheet'!A1`); hosts that cannot add one show the value. */
  link?: string;
  style?: PlanStyle;
}

export interface SheetPlan {
  name: string;
  cells: PlanCell[];
  merges: CellRange[];
  /** Column widths in characters (Excel's unit). */
  columnWidths: number[];
  /** Row heights in points, by 0-based row. */
  rowHeights?: Record<number, number>;
  defaultFont?: { name: string; size: number };
  page?: {
    orientation: 'landscape' | 'portrait';
    paperSize: 'A4';
    fitToWidth?: boolean;
    /** 0-based rows repeated at the top of every printed page (a table's header row). */
    printTitleRows?: { top: number; bottom: number };
  };
}
