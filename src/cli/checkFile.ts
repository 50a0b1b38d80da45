import * as path from 'path';
import type { CheckSettings, WorkbookReport } from '../core/types';
import { cellsToMark, workbookFindings } from '../core/report/text';
import { annotateCopy, AnnotateError } from '../hosts/file/annotate';
import { checkXlsxFile, SheetNotFoundError } from '../hosts/file/checkWorkbook';
import { WorkbookReadError } from '../hosts/file/readXlsx';

/** What one file of `jiaohe check` needs: everything is plain data, so it can cross to a worker thread. */
export interface FileJob {
  index: number;
  /** As the user wrote it (reports name it so). */
  file: string;
  /** Resolved against the working directory. */
  abs: string;
  cwd: string;
  sheet?: string;
  settings: Partial<CheckSettings>;
  /** Where the annotated copy goes, when asked for. */
  annotate?: string;
  verbose: boolean;
  /** Count total cells per table (only --report shows them: a large book pays for them otherwise). */
  countTotals?: boolean;
}

/** The outcome of one file: the report, or the one-line reason it could not be checked; stderr lines in order. */
export interface FileRun {
  index: number;
  file: string;
  report?: WorkbookReport;
  error?: string;
  stderr: string[];
  /** Per sheet, per table: total cells verified and failed (for --report). */
  totals?: Record<string, { verified: number; failed: number }[]>;
  /** Findings ignored in the add-in (the workbook's marks record), counted in --report. */
  ignored?: WorkbookReport['sheets'][number]['findings'];
  /** The file was not fully checked (read error, a sheet the engine failed on or read in part, no copy written). */
  failed: boolean;
}

/** A one-line reason for any failure; the library's English follows in parentheses only under --verbose. */
export function reasonOf(file: string, err: unknown, verbose: boolean): string {
  if (err instanceof WorkbookReadError || err instanceof AnnotateError) return verbose && err.detail ? `${err.message}（${err.detail}）` : err.message;
  if (err instanceof SheetNotFoundError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  const base = `${path.basename(file)}：校核时出现内部错误，未能完成`;
  return verbose ? `${base}（${msg.split('\n')[0].slice(0, 160)}）。` : `${base}；加 --verbose 可看详细原因。`;
}

/** Check one file (and write its annotated copy). Never throws. */
export async function runFileJob(job: FileJob): Promise<FileRun> {
  const run: FileRun = { index: job.index, file: job.file, stderr: [], failed: false };
  let result;
  try {
    result = await checkXlsxFile(job.abs, { settings: job.settings, sheet: job.sheet, countTotals: job.countTotals });
  } catch (err) {
    run.error = reasonOf(job.file, err, job.verbose);
    run.stderr.push(run.error);
    run.failed = true;
    return run;
  }
  const report: WorkbookReport = { ...result.report, file: job.file };
  run.report = report;
  run.totals = result.totals;
  if (result.ignored?.length) run.ignored = result.ignored;
  const base = path.basename(job.file);
  if (result.failedSheets.length > 0) {
    run.failed = true;
    run.stderr.push(`${base}：工作表 ${result.failedSheets.map((n) => `「${n}」`).join('、')} 未能完成校核。`);
  }
  if (result.partialSheets.length > 0) {
    run.failed = true;
    run.stderr.push(`${base}：工作表 ${result.partialSheets.map((n) => `「${n}」`).join('、')} 有内容未能读取，校核不完整（见报告中的说明）。`);
  }
  if (job.verbose) for (const d of result.details) run.stderr.push(`${base}：（${d}）`);
  if (job.annotate) {
    try {
      const findings = cellsToMark(workbookFindings(report));
      const done = await annotateCopy(job.abs, job.annotate, findings);
      run.stderr.push(`已写入标注副本：${path.relative(job.cwd, done.output) || done.output}（标注 ${done.cells} 个单元格）`);
      if (done.notKept.length > 0) run.stderr.push(`注意：原文件中的${done.notKept.join('、')}不会保留在标注副本中（原文件不受影响）。`);
    } catch (err) {
      run.stderr.push(reasonOf(job.file, err, job.verbose));
      run.failed = true;
    }
  }
  return run;
}
