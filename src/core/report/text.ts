import { parseA1 } from '../grid/address';
import type { CrossTableReport, CrossTableRule, Finding, SheetReport, TableSummary, WorkbookReport } from '../types';
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

export function countFindings(findings: readonly Finding[]): { total: number; errors: number; warnings: number; hints: number } {
  let errors = 0;
  let hints = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'hint') hints++;
  }
  return { total: findings.length, errors, warnings: findings.length - errors - hints, hints };
}

/** Every finding of a book: each sheet's, then the cross-table ones. */
export function workbookFindings(report: WorkbookReport): Finding[] {
  return [...report.sheets.flatMap((s) => s.findings), ...(report.crossTable?.findings ?? [])];
}

/** The cells to mark for these findings: a cross-table finding marks its second side too, so both sheets show it. */
export function cellsToMark(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => (f.other ? [f, { ...f, sheet: f.other.sheet, cell: f.other.cell }] : [f]));
}

const RULE_STATUS: Record<CrossTableRule['status'], string> = { passed: '通过', failed: '不符', 'not-applicable': '不适用' };

/** One line per cross-table finding: both sides with their sheets. */
export function crossFindingLine(f: Finding): string {
  const other = f.other ? ` ↔ ${f.other.sheet}!${f.other.cell}` : '';
  const from = f.derivedFrom ? `（由 ${f.derivedFrom} 的表内错误引起）` : '';
  return `${f.sheet}!${f.cell}${other}  ${SEVERITY_LABELS[f.severity] ?? f.severity}  ${f.rule}（${ruleLabel(f.rule)}）  ${f.message}${from}`;
}

/** The 勾稽关系 section: each rule applied (passed or not) or not applicable and why, then the findings. */
export function formatCrossTableText(x: CrossTableReport): string[] {
  const count = (st: CrossTableRule['status']) => x.rules.filter((r) => r.status === st).length;
  const lines = [`表间勾稽关系：${x.rules.length} 条规则，通过 ${count('passed')}，不符 ${count('failed')}，不适用 ${count('not-applicable')}`];
  for (const r of x.rules) lines.push(`  [${RULE_STATUS[r.status]}] ${r.name}${r.reason ? `：${r.reason}` : ''}`);
  for (const f of x.findings) lines.push(`    ${crossFindingLine(f)}`);
  return lines;
}

export function findingLine(f: Finding): string {
  let message = f.message;
  if (f.rounding && !/四舍五入|舍入/.test(message)) message += '（差额很小，疑似四舍五入所致）';
  return `${f.cell}  ${SEVERITY_LABELS[f.severity] ?? f.severity}  ${f.rule}（${ruleLabel(f.rule)}）  ${message}`;
}

/**
 * What was checked in a table, in one line: "本表核对了 212 个合计，3 处不符；2 列未核对：单价列". Empty when
 * the engine holds no relation for it (绩效目标表, a table without totals).
 */
export function relationsLine(t: TableSummary): string {
  const rels = t.relations ?? [];
  if (rels.length === 0) return '';
  let cells = 0;
  let broken = 0;
  for (const r of rels) {
    if (r.status !== 'checked') continue;
    cells += r.agree + r.disagree;
    broken += r.disagree;
  }
  const parts: string[] = [];
  if (cells > 0) parts.push(`本表核对了 ${cells} 个合计，${broken > 0 ? `${broken} 处不符` : '均相符'}`);
  const columns = rels.filter((r) => r.status === 'set-aside' && r.parts.length === 0);
  if (columns.length > 0) {
    const words = [...new Set(columns.map((r) => (r.reason ?? '').split(/[，：]/)[0]).filter((w) => w !== ''))];
    parts.push(`${columns.length} 列未核对${words.length > 0 ? `：${words.join('、')}` : ''}`);
  }
  const others = rels.filter((r) => r.status === 'set-aside' && r.parts.length > 0).length;
  if (others > 0) parts.push(`${others} 组关系未核对（见 --explain）`);
  return parts.join('；');
}

/** Every relation of a table, one per line: what adds up to what, where it came from, how many cells agree. */
export function explainLines(t: TableSummary): string[] {
  const lines: string[] = [];
  for (const r of t.relations ?? []) {
    const what = RELATION_KIND_ZH[r.kind];
    const unit = r.kind === 'row' || (r.status === 'set-aside' && r.parts.length === 0) ? '列' : '行';
    const head = r.parts.length > 0 ? `${unit} ${r.total} = ${r.parts.join(' + ')}` : `${unit} ${r.total}`;
    const counts = r.status === 'checked' ? `相符 ${r.agree}，不符 ${r.disagree}` : '未核对';
    const tail = [r.source ? `依据：${r.source}` : '', r.reason ?? ''].filter((x) => x !== '').join('；');
    lines.push(`${what}  ${head}  （${counts}${tail ? `；${tail}` : ''}）`);
  }
  return lines;
}

const RELATION_KIND_ZH: Record<NonNullable<TableSummary['relations']>[number]['kind'], string> = {
  row: '行内合计',
  column: '合计行',
  hierarchy: '上下级',
  balance: '收支平衡',
  group: '小计',
};

export function tableLine(t: TableSummary, index: number): string {
  const details = [t.range, KIND_LABELS[t.kind] ?? t.kind];
  if (t.unit) details.push(`单位：${t.unit}`);
  if (t.role) details.push(t.role);
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
  if (c.warnings) kinds.push(`疑似 ${c.warnings} 处`);
  if (c.hints) kinds.push(`提示 ${c.hints} 处`);
  return `共发现 ${c.total} 处问题（${kinds.join('，')}）`;
}

/** Findings with their consequences folded under them: a 合计 off only because a 类 row is off follows it. */
function withConsequences(findings: Finding[]): { f: Finding; derived: boolean }[] {
  const cells = new Set(findings.map((f) => f.cell));
  const under = new Map<string, Finding[]>();
  const top: Finding[] = [];
  for (const f of findings) {
    if (f.derivedFrom && cells.has(f.derivedFrom) && f.derivedFrom !== f.cell) {
      const list = under.get(f.derivedFrom) ?? [];
      list.push(f);
      under.set(f.derivedFrom, list);
    } else top.push(f);
  }
  const out: { f: Finding; derived: boolean }[] = [];
  const seen = new Set<Finding>();
  const visit = (f: Finding, derived: boolean) => {
    if (seen.has(f)) return;
    seen.add(f);
    out.push({ f, derived });
    for (const d of under.get(f.cell) ?? []) visit(d, true);
  };
  for (const f of top) visit(f, false);
  for (const f of findings) visit(f, true);
  return out;
}

export interface TextOptions {
  /** Print every relation of every table (`jiaohe check --explain`). */
  explain?: boolean;
}

function tableBlock(t: TableSummary, i: number, opts: TextOptions, suffix = ''): string[] {
  const lines = [`  ${tableLine(t, i)}${suffix}`];
  const summary = relationsLine(t);
  if (summary) lines.push(`    ${summary}`);
  if (opts.explain) for (const l of explainLines(t)) lines.push(`      ${l}`);
  return lines;
}

export function formatSheetText(sheet: SheetReport, opts: TextOptions = {}): string[] {
  const lines: string[] = [];
  const head = `工作表「${sheet.name}」`;
  if (sheet.findings.length === 0 && sheet.tables.length > 0 && !sheet.notice) {
    lines.push(`${head}：${sheet.tables.length} 个表格，未发现问题`);
    for (let i = 0; i < sheet.tables.length; i++) lines.push(...tableBlock(sheet.tables[i], i, opts));
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
      lines.push(...tableBlock(t, i, opts, '：未发现问题'));
      return;
    }
    lines.push(...tableBlock(t, i, opts));
    for (const { f, derived } of withConsequences(list)) lines.push(derived ? `      └ 由 ${f.derivedFrom} 引起：${findingLine(f)}` : `    ${findingLine(f)}`);
  });
  if (outside.length > 0) {
    lines.push(sheet.tables.length > 0 ? '  表格之外：' : '  问题：');
    for (const f of outside) lines.push(`    ${findingLine(f)}`);
  }
  return lines;
}

/** The human report of one workbook: file → sheet → table → one line per finding, then the file's count. */
export function formatWorkbookText(report: WorkbookReport, opts: TextOptions = {}): string {
  const lines = [`文件：${report.file}`];
  if (report.catalog?.note) lines.push(`科目表：${report.catalog.note}。`);
  if (report.sheets.length === 0) lines.push('（没有可校验的工作表）');
  for (const s of report.sheets) lines.push(...formatSheetText(s, opts));
  if (report.crossTable) lines.push(...formatCrossTableText(report.crossTable));
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
