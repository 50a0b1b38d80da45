/**
 * 导出报告: the report an officer sends back to the county, as rows (for .xlsx and .csv) and as sheet plans (for a
 * new sheet in Excel/WPS, or a downloaded workbook). Two sheets: 汇总 (file, sheets, tables, totals verified,
 * findings by rule and grade) and 问题清单 (one row per finding: sheet, cell, rule, grade, message, expected,
 * stated, difference, cause). The pane, the CLI (--report) and the tests all build it here.
 */
import Decimal from 'decimal.js';
import type { SheetPlan, PlanCell } from '../plan';
import type { Finding, RuleId, Severity, WorkbookReport } from '../types';
import { KIND_LABELS, RULE_LABELS, SEVERITY_LABELS } from './labels';
import { coverageLine, groupByCause, SEVERITY_ORDER, tableCoverage, TableCoverage } from './review';

export type ReportValue = string | number | null;

/** A cell of a report row: a value, or a link (the finding's cell) with the text shown. */
export interface ReportLink {
  text: string;
  /** Sheet and cell it points to. */
  sheet: string;
  cell: string;
}
export type ReportCell = ReportValue | ReportLink;

export function isReportLink(v: ReportCell): v is ReportLink {
  return typeof v === 'object' && v !== null && 'cell' in v;
}

export interface ReportBook {
  /** The workbook's report, as checked. */
  report: WorkbookReport;
  /** Findings the officer ignored: left out of the findings sheet, counted in the summary. */
  ignored?: Finding[];
  /** Per sheet, per table: verified and failed totals when the tables carry no relations (see totalCells). */
  totals?: Record<string, { verified: number; failed: number }[]>;
}

export const FINDING_HEADER = ['工作表', '单元格', '规则', '等级', '说明', '应为', '实为', '差额', '原因'] as const;
export const REPORT_SHEETS = { summary: '汇总', findings: '问题清单' } as const;

function allFindings(r: WorkbookReport): Finding[] {
  return [...r.sheets.flatMap((s) => s.findings), ...(r.crossTable?.findings ?? [])];
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/** stated − expected, when both are amounts. */
export function differenceOf(f: Finding): string {
  if (f.expected === undefined || f.actual === undefined) return '';
  try {
    return new Decimal(f.actual).minus(new Decimal(f.expected)).toString();
  } catch {
    return '';
  }
}

function causeText(f: Finding): string {
  return f.derivedFrom ? `由 ${f.derivedFrom} 引起` : '';
}

/** The findings in the order to fix them: by cause, errors first; derived findings right after their cause. */
export function reportFindings(book: ReportBook): Finding[] {
  const ignoredSet = new Set(book.ignored ?? []);
  const kept = allFindings(book.report).filter((f) => !ignoredSet.has(f));
  return groupByCause(kept).flatMap((g) => [g.cause, ...g.derived]);
}

/** One row per finding; with several files, the file comes first. */
export function findingRows(books: readonly ReportBook[]): { header: string[]; rows: ReportCell[][] } {
  const many = books.length > 1;
  const header = [...(many ? ['文件'] : []), ...FINDING_HEADER];
  const rows: ReportCell[][] = [];
  for (const b of books) {
    for (const f of reportFindings(b)) {
      // A cross-table finding names its cell as Sheet!A1.
      const bang = f.cell.lastIndexOf('!');
      const sheet = bang >= 0 ? f.cell.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : f.sheet;
      const cell = bang >= 0 ? f.cell.slice(bang + 1) : f.cell;
      const row: ReportCell[] = [
        sheet,
        { text: cell, sheet, cell },
        RULE_LABELS[f.rule] ?? f.rule,
        SEVERITY_LABELS[f.severity] ?? f.severity,
        f.message,
        f.expected ?? '',
        f.actual ?? '',
        differenceOf(f),
        causeText(f),
      ];
      rows.push(many ? [baseName(b.report.file), ...row] : row);
    }
  }
  return { header, rows };
}

function coverageOf(book: ReportBook, sheet: string, index: number): TableCoverage {
  const t = book.report.sheets.find((s) => s.name === sheet)!.tables[index];
  return tableCoverage(t, book.totals?.[sheet]?.[index]);
}

/** The summary sheet: per file, per table, and findings by rule and grade. */
export function summaryRows(books: readonly ReportBook[]): ReportValue[][] {
  const rows: ReportValue[][] = [];
  rows.push(['校核报告']);
  rows.push([]);
  rows.push(['文件', '工作表', '表格', '已核对合计', '不符合计', '错误', '疑似', '提示', '已忽略']);
  const byRule = new Map<RuleId, Record<Severity, number>>();
  for (const b of books) {
    let tables = 0;
    let verified = 0;
    let failed = 0;
    for (const s of b.report.sheets) {
      s.tables.forEach((_t, i) => {
        const c = coverageOf(b, s.name, i);
        tables++;
        verified += c.verified;
        failed += c.failed;
      });
    }
    const findings = reportFindings(b);
    const count = (sev: Severity) => findings.filter((f) => f.severity === sev).length;
    for (const f of findings) {
      const r = byRule.get(f.rule) ?? { error: 0, warning: 0, hint: 0 };
      r[f.severity]++;
      byRule.set(f.rule, r);
    }
    rows.push([baseName(b.report.file), b.report.sheets.length, tables, verified, failed, count('error'), count('warning'), count('hint'), b.ignored?.length ?? 0]);
  }
  rows.push([]);
  rows.push(['按规则', ...SEVERITY_ORDER.map((s) => SEVERITY_LABELS[s]), '合计']);
  if (byRule.size === 0) rows.push(['未发现问题']);
  for (const [rule, n] of byRule) rows.push([RULE_LABELS[rule] ?? rule, n.error, n.warning, n.hint, n.error + n.warning + n.hint]);
  rows.push([]);
  rows.push([...(books.length > 1 ? ['文件'] : []), '工作表', '表格', '范围', '类型', '核对情况']);
  for (const b of books) {
    for (const s of b.report.sheets) {
      if (s.notice && !s.tables.length) rows.push([...(books.length > 1 ? [baseName(b.report.file)] : []), s.name, '', '', '', s.notice]);
      s.tables.forEach((t, i) => {
        const line = coverageLine(coverageOf(b, s.name, i), t.kind);
        rows.push([...(books.length > 1 ? [baseName(b.report.file)] : []), s.name, t.title ?? `表格 ${i + 1}`, t.range, KIND_LABELS[t.kind], line]);
      });
    }
  }
  return rows;
}

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
function csvField(v: ReportCell): string {
  const s = v === null || v === undefined ? '' : isReportLink(v) ? v.text : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The findings as CSV, UTF-8 with a BOM so Excel opens the Chinese correctly; CRLF line ends. */
export function findingsCsv(books: readonly ReportBook[]): string {
  const { header, rows } = findingRows(books);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** An Excel formula that jumps to a cell of this workbook. */
export function linkFormula(link: ReportLink): string {
  const target = `#'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${link.text.replace(/"/g, '""')}")`;
}

/** Where the cell column of the findings sheet links to. */
export type ReportLinks =
  /** Sheets added to the checked workbook itself: a HYPERLINK formula to the cell. */
  | { to: 'workbook' }
  /** A separate report file: a hyperlink to the cell in the checked file (a path relative to the report). */
  | { to: 'file'; file: string }
  | { to: 'none' };

function rowsPlan(name: string, header: ReportCell[] | null, rows: ReportCell[][], widths: number[], links: ReportLinks): SheetPlan {
  const cells: PlanCell[] = [];
  const all = header ? [header, ...rows] : rows;
  all.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      if (isReportLink(v)) {
        const cell: PlanCell = { row: r, col: c, value: v.text };
        if (links.to === 'workbook') cell.formula = linkFormula(v);
        else if (links.to === 'file') cell.link = `${links.file}#'${v.sheet.replace(/'/g, "''")}'!${v.cell}`;
        cells.push(cell);
        return;
      }
      cells.push({ row: r, col: c, value: v, style: header !== null && r === 0 ? { bold: true } : undefined });
    }),
  );
  return { name, cells, merges: [], columnWidths: widths, defaultFont: { name: '宋体', size: 11 } };
}

/** The two report sheets as plans (汇总, 问题清单), their names prefixed when asked (校核报告-汇总 in a workbook). */
export function reportPlans(books: readonly ReportBook[], options: { links?: ReportLinks; prefix?: string } = {}): SheetPlan[] {
  const prefix = options.prefix ?? '';
  const links = options.links ?? { to: 'none' };
  const summary = summaryRows(books);
  const summaryPlan = rowsPlan(`${prefix}${REPORT_SHEETS.summary}`, null, summary, [28, 14, 30, 14, 12, 60, 8, 8, 8], { to: 'none' });
  // The title and the header row of each block in bold.
  const headerRows = new Set(summary.flatMap((row, i) => (i === 0 || row[0] === '文件' || row[0] === '按规则' || row[0] === '工作表' ? [i] : [])));
  for (const c of summaryPlan.cells) if (headerRows.has(c.row)) c.style = { ...c.style, bold: true };
  const f = findingRows(books);
  const widths = [...(books.length > 1 ? [24] : []), 18, 10, 16, 8, 70, 14, 14, 10, 16];
  return [summaryPlan, rowsPlan(`${prefix}${REPORT_SHEETS.findings}`, f.header, f.rows, widths, links)];
}
