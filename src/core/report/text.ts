import { parseA1 } from '../grid/address';
import type { Finding, SheetReport, TableSummary, WorkbookReport } from '../types';
import { KIND_LABELS, ruleLabel, SEVERITY_LABELS } from './labels';

/** How one file of a run ended: a report, or the one-line reason it could not be checked. */
export interface FileOutcome {
  file: string;
  report?: WorkbookReport;
  /** One line in Chinese that starts with the file name. */
  error?: string;
}

function position(cell: string): [number, number] {
  try {
    const p = parseA1(cell);
    return [p.row, p.col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** Findings in reading order (top to bottom, left to right); the engine's order breaks ties. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, p: position(f.cell) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.f);
}

export function countFindings(findings: readonly Finding[]): { total: number; errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { total: findings.length, errors, warnings: findings.length - errors };
}

export function workbookFindings(report: WorkbookReport): Finding[] {
  return report.sheets.flatMap((s) => s.findings);
}

export function findingLine(f: Finding): string {
  let message = f.message;
  if (f.rounding && !/四舍五入|舍入/.test(message)) message += '（差额很小，疑似四舍五入所致）';
  return `${f.cell}  ${SEVERITY_LABELS[f.severity] ?? f.severity}  ${f.rule}（${ruleLabel(f.rule)}）  ${message}`;
}

export function tableLine(t: TableSummary, index: number): string {
  const details = [t.range, KIND_LABELS[t.kind] ?? t.kind];
  if (t.unit) details.push(`单位：${t.unit}`);
  return `表格 ${index + 1}：${t.title ?? '（无标题）'}（${details.join('，')}）`;
}

function countLine(findings: readonly Finding[], partial?: readonly string[]): string {
  const c = countFindings(findings);
  if (partial && partial.length > 0) {
    const where = `工作表 ${partial.map((n) => `「${n}」`).join('、')} 有内容未能读取（见说明）`;
    return c.total === 0 ? `校核不完整：${where}，已读取的部分中没有发现问题` : `共发现 ${c.total} 处问题；校核不完整：${where}`;
  }
  if (c.total === 0) return '未发现问题';
  const kinds: string[] = [];
  if (c.errors) kinds.push(`错误 ${c.errors} 处`);
  if (c.warnings) kinds.push(`警告 ${c.warnings} 处`);
  return `共发现 ${c.total} 处问题（${kinds.join('，')}）`;
}

export function formatSheetText(sheet: SheetReport): string[] {
  const lines: string[] = [];
  const head = `工作表「${sheet.name}」`;
  if (sheet.findings.length === 0 && sheet.tables.length > 0 && !sheet.notice) {
    lines.push(`${head}：${sheet.tables.length} 个表格，未发现问题`);
    for (let i = 0; i < sheet.tables.length; i++) lines.push(`  ${tableLine(sheet.tables[i], i)}`);
    return lines;
  }
  lines.push(head);
  if (sheet.notice) lines.push(`  说明：${sheet.notice}`);
  if (sheet.tables.length === 0 && !sheet.notice) lines.push('  未识别到表格');
  const byTable = new Map<number, Finding[]>();
  const outside: Finding[] = [];
  for (const f of sortFindings(sheet.findings)) {
    if (f.table !== undefined && f.table >= 0 && f.table < sheet.tables.length) {
      const list = byTable.get(f.table) ?? [];
      list.push(f);
      byTable.set(f.table, list);
    } else {
      outside.push(f);
    }
  }
  sheet.tables.forEach((t, i) => {
    const list = byTable.get(i);
    if (!list) {
      lines.push(`  ${tableLine(t, i)}：未发现问题`);
      return;
    }
    lines.push(`  ${tableLine(t, i)}`);
    for (const f of list) lines.push(`    ${findingLine(f)}`);
  });
  if (outside.length > 0) {
    lines.push(sheet.tables.length > 0 ? '  表格之外：' : '  问题：');
    for (const f of outside) lines.push(`    ${findingLine(f)}`);
  }
  return lines;
}

/** The human report of one workbook: file → sheet → table → one line per finding, then the file's count. */
export function formatWorkbookText(report: WorkbookReport): string {
  const lines = [`文件：${report.file}`];
  if (report.sheets.length === 0) lines.push('（没有可校验的工作表）');
  for (const s of report.sheets) lines.push(...formatSheetText(s));
  lines.push(countLine(workbookFindings(report), report.partial));
  return `${lines.join('\n')}\n`;
}

/** The summary after a batch: files checked, clean, with findings, failed (with reasons), findings by rule. */
export function formatBatchSummary(outcomes: readonly FileOutcome[]): string {
  const failed = outcomes.filter((o) => !o.report);
  const checked = outcomes.filter((o) => o.report);
  const withFindings = checked.filter((o) => workbookFindings(o.report!).length > 0);
  // Read only in part and nothing found in what was read: not clean.
  const incomplete = checked.filter((o) => workbookFindings(o.report!).length === 0 && (o.report!.partial?.length ?? 0) > 0);
  const lines = ['==== 批量校核汇总 ===='];
  lines.push(
    `共 ${outcomes.length} 个文件：未发现问题 ${checked.length - withFindings.length - incomplete.length} 个，` +
      `发现问题 ${withFindings.length} 个，${incomplete.length > 0 ? `校核不完整 ${incomplete.length} 个，` : ''}无法校核 ${failed.length} 个`,
  );
  if (incomplete.length > 0) {
    lines.push('校核不完整的文件：');
    for (const o of incomplete) lines.push(`  ${o.file}：${countLine([], o.report!.partial)}`);
  }
  if (withFindings.length > 0) {
    lines.push('发现问题的文件：');
    for (const o of withFindings) lines.push(`  ${o.file}：${countLine(workbookFindings(o.report!), o.report!.partial)}`);
  }
  if (failed.length > 0) {
    lines.push('无法校核的文件：');
    // Reasons already start with the file name ("book.xlsx：…").
    for (const o of failed) lines.push(`  ${o.error ?? `${o.file}：无法读取`}`);
  }
  const all = checked.flatMap((o) => workbookFindings(o.report!));
  if (all.length > 0) {
    const byRule = new Map<string, number>();
    for (const f of all) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    lines.push(`问题合计 ${all.length} 处，按规则：`);
    for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
      lines.push(`  ${rule}（${ruleLabel(rule)}）：${n} 处`);
    }
  } else {
    lines.push('问题合计 0 处');
  }
  return `${lines.join('\n')}\n`;
}
