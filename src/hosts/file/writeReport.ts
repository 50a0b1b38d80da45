import { promises as fs } from 'fs';
import * as path from 'path';
import { loadExcelJs } from './loadExcelJs';
import { findingsCsv, reportPlans, type ReportBook } from '../../core/report';
import { isSameFile } from './annotate';
import { addPlanToWorkbook } from './renderPlan';

/**
 * The report bytes: .xlsx (汇总 + 问题清单, each finding's cell linking into the checked file) or .csv (问题清单,
 * UTF-8 with BOM). `outDir` is where the report will live, for the links' relative paths.
 */
export async function reportBytes(books: readonly ReportBook[], format: 'xlsx' | 'csv', outDir: string): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(findingsCsv(books), 'utf8');
  // One checked file: its cells are linked from the findings sheet (a path relative to the report).
  const links = books.length === 1 ? { to: 'file' as const, file: path.relative(outDir, path.resolve(books[0].report.file)).split(path.sep).join('/') } : undefined;
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Jiaohe 校核';
  for (const plan of reportPlans(books, { links })) addPlanToWorkbook(wb, plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the report to `output` (.xlsx or .csv) through a temp file; never over one of the checked files. */
export async function writeReport(books: readonly ReportBook[], output: string): Promise<string> {
  const ext = path.extname(output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new Error(`报告须为 .xlsx 或 .csv 文件（收到 ${output}）`);
  for (const b of books) {
    if (await isSameFile(b.report.file, output)) throw new Error('报告不能覆盖被校核的文件，请另选输出路径');
  }
  const bytes = await reportBytes(books, ext === '.csv' ? 'csv' : 'xlsx', path.dirname(path.resolve(output)));
  const temp = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, output);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? '输出文件夹不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : (err as Error).message.slice(0, 80));
  }
  return output;
}
