/**
 * Scores the engine on the real disclosures of ../shared/real (rebuilt .xlsx + truth.json): per book, which sum.*
 * findings are true (right cell and right parts), false or missed, which truth tables were located (IoU ≥ 0.9,
 * empty ones included) and which code.* findings were raised. Used by tests/core/real.test.ts and
 * `node scripts/score-real.js`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CellRange } from '../../src/core/grid/address';
import { parseRange } from '../../src/core/grid/address';
import type { Finding, WorkbookReport } from '../../src/core/types';
import { checkXlsxFile } from '../../src/hosts/file/checkWorkbook';

/** ../shared/real beside the checkout, as tests/sharedFixtures.ts finds ../shared/fixtures. */
export const SHARED_REAL = path.join(__dirname, '..', '..', '..', 'shared', 'real');

export interface TruthMismatch {
  kind: string;
  cell: string;
  parts: string[];
  expected: string;
  actual: string;
}

export interface TruthSheet {
  sheet: string;
  table: string;
  kind: string;
  relations: number;
  mismatches: TruthMismatch[];
}

export interface TruthBook {
  /** Stem of the workbook, e.g. putuo-czj-2024-juesuan. */
  book: string;
  sheets: TruthSheet[];
}

export function realBooks(): TruthBook[] {
  const raw = JSON.parse(fs.readFileSync(path.join(SHARED_REAL, 'truth.json'), 'utf8')) as { file: string; sheets: TruthSheet[] }[];
  return raw.map((b) => ({ book: path.basename(b.file, '.xlsx'), sheets: b.sheets }));
}

export function iou(a: CellRange, b: CellRange): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1;
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (r: CellRange) => (r.right - r.left + 1) * (r.bottom - r.top + 1);
  return inter / (area(a) + area(b) - inter);
}

/** One sum.* finding as the scorer sees it. */
export interface ScoredFinding {
  sheet: string;
  cell: string;
  rule: string;
  parts: string[];
  message: string;
  /** For a false finding whose cell is a true mismatch: the parts the truth lists. */
  trueParts?: string[];
}

export interface TableScore {
  sheet: string;
  truth: string;
  /** The detected table with the best IoU on that sheet, and the IoU. */
  best?: string;
  iou: number;
  located: boolean;
}

export interface BookScore {
  book: string;
  truePositives: ScoredFinding[];
  falsePositives: ScoredFinding[];
  missed: (TruthMismatch & { sheet: string })[];
  tables: TableScore[];
  codeFindings: Finding[];
  report: WorkbookReport;
}

const sameParts = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

function scoreFindingsOfSheet(sheet: TruthSheet | undefined, sheetName: string, findings: Finding[], score: BookScore): void {
  const truth = sheet?.mismatches ?? [];
  const matched = new Set<TruthMismatch>();
  for (const f of findings.filter((x) => x.rule.startsWith('sum.'))) {
    const s: ScoredFinding = { sheet: sheetName, cell: f.cell, rule: f.rule, parts: f.parts ?? [], message: f.message };
    const hit = truth.find((m) => !matched.has(m) && m.cell === f.cell && sameParts(m.parts, s.parts));
    if (hit) {
      matched.add(hit);
      score.truePositives.push(s);
    } else {
      const sameCell = truth.find((m) => m.cell === f.cell);
      if (sameCell) s.trueParts = sameCell.parts;
      score.falsePositives.push(s);
    }
  }
  for (const m of truth) if (!matched.has(m)) score.missed.push({ ...m, sheet: sheetName });
}

/** Check one real book through the file host and score it against truth.json. */
export async function scoreBook(truth: TruthBook): Promise<BookScore> {
  const { report } = await checkXlsxFile(path.join(SHARED_REAL, `${truth.book}.xlsx`));
  const score: BookScore = { book: truth.book, truePositives: [], falsePositives: [], missed: [], tables: [], codeFindings: [], report };
  const bySheet = new Map(truth.sheets.map((s) => [s.sheet, s]));
  for (const sheet of report.sheets) {
    scoreFindingsOfSheet(bySheet.get(sheet.name), sheet.name, sheet.findings, score);
    score.codeFindings.push(...sheet.findings.filter((f) => f.rule.startsWith('code.')));
  }
  for (const t of truth.sheets) {
    const sheet = report.sheets.find((s) => s.name === t.sheet);
    const want = parseRange(t.table);
    let best: TableScore = { sheet: t.sheet, truth: t.table, iou: 0, located: false };
    for (const d of sheet?.tables ?? []) {
      const v = iou(want, parseRange(d.range));
      if (v > best.iou) best = { ...best, best: d.range, iou: v };
    }
    best.located = best.iou >= 0.9;
    score.tables.push(best);
  }
  return score;
}

export interface Figures {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  tables: number;
  located: number;
  codeFindings: number;
  /** Relations the tables list (TableSummary.relations): checked and set aside. */
  relationsChecked: number;
  relationsSetAside: number;
}

export function figures(scores: BookScore[]): Figures {
  const tp = scores.reduce((n, s) => n + s.truePositives.length, 0);
  const fp = scores.reduce((n, s) => n + s.falsePositives.length, 0);
  const fn = scores.reduce((n, s) => n + s.missed.length, 0);
  const tables = scores.reduce((n, s) => n + s.tables.length, 0);
  const located = scores.reduce((n, s) => n + s.tables.filter((t) => t.located).length, 0);
  const codeFindings = scores.reduce((n, s) => n + s.codeFindings.length, 0);
  const relations = scores.flatMap((s) => s.report.sheets.flatMap((sh) => sh.tables.flatMap((t) => t.relations ?? [])));
  return {
    relationsChecked: relations.filter((r) => r.status === 'checked').length,
    relationsSetAside: relations.filter((r) => r.status === 'set-aside').length,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    tables,
    located,
    codeFindings,
  };
}

/** A plain-text table of the figures, then the details of every false, missed or unlocated item. */
export function formatScores(scores: BookScore[]): string {
  const lines: string[] = [];
  const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 9)).join('');
  lines.push(row(['book', 'true', 'false', 'missed', 'tables', 'code.*', 'relations checked/set aside']));
  for (const s of [...scores, undefined]) {
    const f = figures(s ? [s] : scores);
    lines.push(row([s ? s.book : 'all', f.tp, f.fp, f.fn, `${f.located}/${f.tables}`, f.codeFindings, `${f.relationsChecked}/${f.relationsSetAside}`]));
  }
  const all = figures(scores);
  lines.push(`precision ${all.precision.toFixed(3)}  recall ${all.recall.toFixed(3)}  tables located ${all.located}/${all.tables}`);
  for (const s of scores) {
    for (const f of s.falsePositives) {
      const why = f.trueParts ? ` (true parts ${f.trueParts.join(',')})` : '';
      lines.push(`  ${s.book} false ${f.rule} ${f.sheet}!${f.cell} parts ${f.parts.join(',')}${why}`);
    }
    for (const m of s.missed) lines.push(`  ${s.book} missed ${m.sheet}!${m.cell} parts ${m.parts.join(',')}`);
    for (const t of s.tables.filter((x) => !x.located)) {
      lines.push(`  ${s.book} table not located ${t.sheet}!${t.truth} (best ${t.best ?? 'none'}, IoU ${t.iou.toFixed(2)})`);
    }
    for (const c of s.codeFindings) lines.push(`  ${s.book} ${c.rule} ${c.sheet}!${c.cell} ${c.message}`);
  }
  return lines.join('\n');
}
