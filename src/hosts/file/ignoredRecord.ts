import type { Grid } from '../../core/grid';
import { sanitizeIgnored, type IgnoredFinding } from '../../core/report/review';
import { MARKS_SHEET, rowsToRecord } from '../excel/marksRecord';

/**
 * The findings an officer ignored in the add-in (Excel or WPS), read from the workbook's marks record sheet, so
 * `jiaohe check` keeps them out too. Excel's record holds JSON rows in column A; WPS's a header row with an
 * `ignored` column. The record sheet is Jiaohe's own and is never checked as a table.
 */
export function ignoredInBook(sheets: readonly Grid[]): IgnoredFinding[] {
  const record = sheets.find((g) => g.name === MARKS_SHEET);
  if (!record) return [];
  const colA = Array.from({ length: record.rowCount }, (_v, r) => [record.text(r, 0)]);
  const excel = rowsToRecord(colA);
  if (excel) return excel.ignored ?? [];
  const header = Array.from({ length: record.colCount }, (_v, c) => record.text(0, c));
  const col = header.indexOf('ignored');
  if (header[0] !== 'sheet' || col < 0) return [];
  const raw: unknown[] = [];
  for (let r = 1; r < record.rowCount; r++) {
    const text = record.text(r, col);
    if (!text) continue;
    try {
      raw.push(JSON.parse(text));
    } catch {
      /* a damaged row: skip it */
    }
  }
  return sanitizeIgnored(raw);
}

export function isRecordSheet(grid: Grid): boolean {
  return grid.name === MARKS_SHEET;
}
