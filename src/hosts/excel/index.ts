/** The Excel host: ExcelHost, its pure helpers, and a detection check that touches only Office/Excel globals. */
export { ExcelHost, collectTargets, annotationText, columnWidthPoints, uniqueSheetName, toWritable, lastCheckOf } from './ExcelHost';
export type { ExcelHostOptions, ExcelRun, ReadStats, MarkOptions, AnnotationMode } from './ExcelHost';
export { MARKS_SHEET, MARK_FILL, NOTE_PREFIX, recordToRows, rowsToRecord } from './marksRecord';
export type { MarksRecord, MarkEntry, LastCheck, OriginalFill } from './marksRecord';
export { planRead, DEFAULT_PAYLOAD_BUDGET, DEFAULT_BYTES_PER_CELL } from './readPlan';
export { ExcelHostError } from './errors';

/**
 * True when running inside Excel (desktop, Mac or web) with Excel.run available. Call after Office.onReady;
 * before it, Office.context.host is not set yet.
 */
export function isExcelAvailable(): boolean {
  const g = globalThis as { Office?: typeof Office; Excel?: typeof Excel };
  if (!g.Office || !g.Excel || typeof g.Excel.run !== 'function') return false;
  try {
    const host = g.Office.context?.host;
    const excelHost = g.Office.HostType?.Excel ?? 'Excel';
    if (host !== undefined && host !== null) return String(host) === String(excelHost);
    return !!g.Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.1');
  } catch {
    return false;
  }
}
