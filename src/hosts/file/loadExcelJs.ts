import type ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded when a copy, report or template is written. A plain `jiaohe check` reads books with its own
 * reader and never needs it; requiring it at start-up cost about 0.3 s of every check.
 */
export async function loadExcelJs(): Promise<typeof ExcelJSModule> {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof ExcelJSModule }).default ?? (mod as unknown as typeof ExcelJSModule);
}
