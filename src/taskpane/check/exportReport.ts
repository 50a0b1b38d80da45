import ExcelJS from 'exceljs';
import { reportPlans, type ReportBook } from '../../core/report/exportReport';
import type { SpreadsheetHost } from '../../hosts/host';
import { addPlanToWorkbook } from '../../hosts/file/renderPlan';
import type { BookOutcome, CheckOutcome } from './runCheck';
import type { IgnoredFinding } from '../../core/report/review';
import type { Finding } from '../../core/types';

export type ExportResult = { kind: 'download'; name: string } | { kind: 'sheets'; names: string[] };

/** The report of one checked sheet: its findings less the ignored ones, its coverage per table. */
export function outcomeBook(outcome: CheckOutcome, file: string): ReportBook {
  const { check } = outcome;
  const sheet = { name: check.name, tables: check.tables, findings: check.findings, ...(check.notice ? { notice: check.notice } : {}) };
  return {
    report: { file, sheets: [sheet] },
    ignored: outcome.ignored,
    totals: { [check.name]: outcome.tables.map((t) => ({ verified: t.coverage.verified, failed: t.coverage.failed })) },
  };
}

/** The report of a whole-book check (校验整个工作簿): every sheet and the cross-table findings. */
export function bookOutcomeBook(book: BookOutcome, file: string, ignored: readonly IgnoredFinding[]): ReportBook {
  const sheets = book.sheets.map((c) => ({ name: c.name, tables: c.tables, findings: c.findings, ...(c.notice ? { notice: c.notice } : {}) }));
  // The book check left the ignored findings out already; they are counted in the summary.
  const left = ignored.map((i) => ({ ...i, severity: 'error' }) as Finding);
  return { report: { file, sheets, ...(book.crossTable ? { crossTable: book.crossTable } : {}) }, ignored: left };
}

/** The report as .xlsx bytes (汇总 + 问题清单), cells shown as addresses. */
export async function reportXlsxBytes(book: ReportBook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiaohe 校核';
  for (const plan of reportPlans([book])) addPlanToWorkbook(wb, plan);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * 导出报告: in the demo a downloaded .xlsx; in Excel and WPS two new sheets in the workbook (校核报告-汇总,
 * 校核报告-问题清单), each finding's cell a link to it. Nothing existing is written over: new sheets get new names.
 */
export async function exportReport(
  host: SpreadsheetHost,
  outcome: { sheet: CheckOutcome } | { book: BookOutcome; ignored: readonly IgnoredFinding[] },
): Promise<ExportResult> {
  const file = (await host.workbookName?.().catch(() => '')) || '当前工作簿';
  const book = 'sheet' in outcome ? outcomeBook(outcome.sheet, file) : bookOutcomeBook(outcome.book, file, outcome.ignored);
  if (host.kind === 'demo') {
    const name = `校核报告-${file.replace(/\.xlsx$/i, '')}.xlsx`;
    download(await reportXlsxBytes(book), name);
    return { kind: 'download', name };
  }
  const names: string[] = [];
  for (const plan of reportPlans([book], { links: { to: 'workbook' }, prefix: '校核报告-' })) names.push(await host.addSheet(plan));
  return { kind: 'sheets', names };
}
