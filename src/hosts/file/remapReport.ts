import { columnIndex, columnLetters } from '../../core/grid';
import type { SheetReport } from '../../core/types';
import type { AxisMap } from './sheetExtent';

const A1_TOKEN = /(^|[^A-Za-z0-9_])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_])/g;

/** Every A1 address in `text`, from grid positions back to sheet positions. */
export function remapAddresses(text: string, rows: AxisMap | undefined, cols: AxisMap | undefined): string {
  return text.replace(A1_TOKEN, (m, pre: string, cd: string, letters: string, rd: string, digits: string) => {
    const c = columnIndex(letters);
    const r = parseInt(digits, 10) - 1;
    if (c > 16383 || r < 0) return m;
    return `${pre}${cd}${columnLetters(cols ? cols.toSheet(c) : c)}${rd}${(rows ? rows.toSheet(r) : r) + 1}`;
  });
}

/**
 * A sheet checked on a grid whose long empty gaps were collapsed speaks in grid positions; this puts every
 * address of its report (cells, ranges, relation rows and columns, addresses inside messages) back in sheet
 * positions, so the officer reads the cells of the file.
 */
export function remapSheetReport(report: SheetReport, rows: AxisMap | undefined, cols: AxisMap | undefined): SheetReport {
  if (!rows && !cols) return report;
  const row = (r: number): number => (rows ? rows.toSheet(r) : r);
  const col = (c: number): number => (cols ? cols.toSheet(c) : c);
  const address = (s: string): string => remapAddresses(s, rows, cols);
  const lineOrColumn = (s: string): string => {
    if (/^\d+$/.test(s)) return String(row(parseInt(s, 10) - 1) + 1);
    if (/^[A-Z]{1,3}$/.test(s)) return columnLetters(col(columnIndex(s)));
    return address(s);
  };
  const onSheet = (s: string): string => {
    const bang = s.lastIndexOf('!');
    return bang < 0 ? address(s) : s;
  };
  return {
    ...report,
    tables: report.tables.map((t) => ({
      ...t,
      range: address(t.range),
      totalRows: t.totalRows.map((r) => row(r - 1) + 1),
      ...(t.relations
        ? { relations: t.relations.map((rel) => ({ ...rel, total: lineOrColumn(rel.total), parts: rel.parts.map(lineOrColumn) })) }
        : {}),
    })),
    findings: report.findings.map((f) => ({
      ...f,
      cell: address(f.cell),
      message: address(f.message),
      ...(f.messageEn !== undefined ? { messageEn: address(f.messageEn) } : {}),
      ...(f.parts ? { parts: f.parts.map(address) } : {}),
      ...(f.derivedFrom !== undefined ? { derivedFrom: onSheet(f.derivedFrom) } : {}),
    })),
  };
}
