/**
 * What an officer needs around the findings: what to fix first (findings by cause, worst first), what was
 * checked (verified and failed totals per table, what was set aside and why), and findings she chose to ignore.
 * Pure: the task pane, the CLI and the exported report all use these.
 */
import type { Grid } from '../grid';
import { parseA1, toA1 } from '../grid/address';
import type { DetectedTable } from '../layout/types';
import type { Finding, Severity, TableSummary } from '../types';
import { sortFindings } from './text';

// ---------------------------------------------------------------- ignoring a finding

/** A finding the officer chose to ignore (忽略), kept with the workbook's marks record. */
export interface IgnoredFinding {
  sheet: string;
  /** A1 address, without the sheet. */
  cell: string;
  rule: Finding['rule'];
  /** The message when it was ignored, to show in the 已忽略 list. */
  message: string;
  /** ISO time it was ignored. */
  at?: string;
}

/** What identifies a finding across checks of the same workbook: its sheet, cell and rule (not its amounts). */
export function ignoreKey(f: { sheet: string; cell: string; rule: string }): string {
  return `${f.sheet}!${f.cell.replace(/\$/g, '').toUpperCase()}|${f.rule}`;
}

export function toIgnored(f: Finding, at = new Date().toISOString()): IgnoredFinding {
  return { sheet: f.sheet, cell: f.cell, rule: f.rule, message: f.message, at };
}

/** The findings still to show, and those the officer ignored. */
export function splitIgnored(
  findings: readonly Finding[],
  ignored: readonly IgnoredFinding[],
): { kept: Finding[]; ignored: Finding[] } {
  const keys = new Set(ignored.map(ignoreKey));
  const kept: Finding[] = [];
  const out: Finding[] = [];
  for (const f of findings) (keys.has(ignoreKey(f)) ? out : kept).push(f);
  return { kept, ignored: out };
}

/** Well-formed entries only, one per key (a hand-edited or older record never breaks the pane). */
export function sanitizeIgnored(raw: unknown): IgnoredFinding[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: IgnoredFinding[] = [];
  for (const x of raw) {
    const e = x as IgnoredFinding;
    if (!e || typeof e.sheet !== 'string' || typeof e.cell !== 'string' || typeof e.rule !== 'string') continue;
    const key = ignoreKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    const item: IgnoredFinding = { sheet: e.sheet, cell: e.cell, rule: e.rule, message: typeof e.message === 'string' ? e.message : '' };
    if (typeof e.at === 'string') item.at = e.at;
    out.push(item);
  }
  return out;
}

// ---------------------------------------------------------------- what to fix first

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'hint'];

/** A cause and the findings that only follow from it (fix the cause; they go away with it). */
export interface CauseGroup {
  cause: Finding;
  derived: Finding[];
}

function causeKey(sheet: string, ref: string): string {
  const bang = ref.lastIndexOf('!');
  const s = bang >= 0 ? ref.slice(0, bang).replace(/^'|'$/g, '') : sheet;
  const cell = (bang >= 0 ? ref.slice(bang + 1) : ref).replace(/\$/g, '').toUpperCase();
  return `${s}!${cell}`;
}

/**
 * Findings grouped by cause: each finding with `derivedFrom` is folded under the finding on that cell (following a
 * chain to its root); one whose cause is not in the list stays on its own. Causes are ordered errors first, then
 * 疑似, then 提示, each in reading order; derived findings in reading order.
 */
export function groupByCause(findings: readonly Finding[]): CauseGroup[] {
  const byCell = new Map<string, Finding>();
  for (const f of sortFindings(findings)) {
    const key = causeKey(f.sheet, f.cell);
    const prior = byCell.get(key);
    // Several findings on one cell: the one that is not itself derived (else the worst) is the cause there.
    if (!prior || (prior.derivedFrom && !f.derivedFrom)) byCell.set(key, f);
  }
  const rootOf = (f: Finding): Finding => {
    let at = f;
    const seen = new Set<Finding>([f]);
    while (at.derivedFrom) {
      const next = byCell.get(causeKey(at.sheet, at.derivedFrom));
      if (!next || seen.has(next)) break;
      seen.add(next);
      at = next;
    }
    return at;
  };
  const groups = new Map<Finding, CauseGroup>();
  const sorted = sortFindings(findings);
  for (const f of sorted) {
    const root = rootOf(f);
    if (root === f) {
      if (!groups.has(f)) groups.set(f, { cause: f, derived: [] });
    }
  }
  for (const f of sorted) {
    const root = rootOf(f);
    if (root !== f) groups.get(root)!.derived.push(f);
  }
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  // A cause is as serious as the worst finding it explains.
  const worst = (g: CauseGroup) => Math.min(rank(g.cause.severity), ...g.derived.map((d) => rank(d.severity)));
  const list = [...groups.values()];
  return list
    .map((g, i) => ({ g, i, w: worst(g) }))
    .sort((a, b) => a.w - b.w || a.i - b.i)
    .map((x) => x.g);
}

// ---------------------------------------------------------------- what was checked

export interface TableCoverage {
  /** Totals that were checked and agree. */
  verified: number;
  /** Totals that were checked and do not. */
  failed: number;
  /** What was not checked, each with its reason. */
  notChecked: { what: string; reason: string }[];
  /** True when the engine found no total it could check in the table (nothing understood, not "all right"). */
  nothingChecked: boolean;
}

const RELATION_WORDS: Record<string, string> = {
  row: '行内合计',
  column: '合计行',
  hierarchy: '上下级合计',
  balance: '收支平衡',
  group: '小计',
};

/**
 * How many totals of a table were verified and how many failed, and what was set aside. From the table's
 * relations when the engine gave them; else from the total cells (verifiedTotalCells) and the sum findings.
 */
export function tableCoverage(table: TableSummary, fallback?: { verified: number; failed: number }): TableCoverage {
  if (table.relations && table.relations.length) {
    let verified = 0;
    let failed = 0;
    const notChecked: TableCoverage['notChecked'] = [];
    for (const r of table.relations) {
      if (r.status === 'checked') {
        verified += r.agree;
        failed += r.disagree;
      } else {
        notChecked.push({ what: `${RELATION_WORDS[r.kind] ?? r.kind} ${r.total}`, reason: r.reason ?? '未说明原因' });
      }
    }
    return { verified, failed, notChecked, nothingChecked: verified + failed === 0 };
  }
  const verified = fallback?.verified ?? 0;
  const failed = fallback?.failed ?? 0;
  return { verified, failed, notChecked: [], nothingChecked: verified + failed === 0 };
}

/** The Chinese line of a table's coverage: 核对 14 个合计，相符 12 个，不符 2 个；未核对：单价列（不按金额相加）. */
export function coverageLine(c: TableCoverage, kind: TableSummary['kind']): string {
  const parts: string[] = [];
  if (kind === 'performance') parts.push('绩效目标表：核对资金、分值、指标层级与指标值');
  else if (c.nothingChecked) parts.push('没有找到可核对的合计');
  else parts.push(`核对 ${c.verified + c.failed} 个合计，相符 ${c.verified} 个，不符 ${c.failed} 个`);
  if (c.notChecked.length) parts.push(`未核对：${c.notChecked.map((n) => `${n.what}（${n.reason}）`).join('；')}`);
  return parts.join('；');
}

function isSumRule(rule: string): boolean {
  return rule.startsWith('sum.');
}

/**
 * The total cells the engine compared with the sum of their parts, per table: every total column in every item
 * row (sum.row) and every additive amount column in every total row (sum.column / sum.hierarchy), holding a
 * number. Those with a sum finding failed; the others are verified (显示已核对 marks them lightly).
 */
export function totalCells(grid: Grid, detected: readonly DetectedTable[], findings: readonly Finding[]): { table: number; verified: string[]; failed: string[] }[] {
  const failedCells = new Set(findings.filter((f) => isSumRule(f.rule)).map((f) => `${f.sheet}!${f.cell.replace(/\$/g, '').toUpperCase()}`));
  return detected.map((t, table) => {
    const cells = new Set<string>();
    const add = (row: number, col: number) => {
      if (grid.amount(row, col)) cells.add(toA1(row, col));
    };
    const nonAdditive = new Set(t.columns.filter((c) => c.nonAdditive || c.count).map((c) => c.col));
    for (const side of t.sides ?? []) {
      const itemRows = side.rows.filter((r) => r.role !== 'blank' && r.role !== undefined).map((r) => r.row);
      for (const cs of side.columnSums) for (const row of itemRows) add(row, cs.total);
      const amountCols = side.amountCols.filter((c) => !nonAdditive.has(c));
      for (const rs of side.rowSums) for (const col of amountCols) add(rs.total, col);
      if (side.grandTotal) add(side.grandTotal.row, side.grandTotal.col);
    }
    const verified: string[] = [];
    const failed: string[] = [];
    for (const cell of cells) (failedCells.has(`${grid.name}!${cell}`) ? failed : verified).push(cell);
    const order = (a: string, b: string) => {
      const p = parseA1(a);
      const q = parseA1(b);
      return p.row - q.row || p.col - q.col;
    };
    return { table, verified: verified.sort(order), failed: failed.sort(order) };
  });
}
