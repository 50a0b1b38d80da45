/**
 * The record of what Jiaohe changed in a workbook, so that 清除标记 can undo it exactly, also after the file was
 * saved, closed and reopened. Pure data + (de)serialisation; ExcelHost stores it in a very hidden worksheet.
 *
 * Why a very hidden worksheet and not Office.context.document.settings:
 * - settings are cached per runtime: the ribbon command (its own runtime) and the task pane would each hold a
 *   copy, and whichever calls saveAsync last silently overwrites the other's marks; a worksheet is read fresh
 *   through Excel.run by both;
 * - the record lives in the cells of the .xlsx, so it survives save/reopen, copies of the file and co-authoring
 *   like any other content, needs no saveAsync, and WPS or the CLI can read it too;
 * - 'VeryHidden' keeps it out of the Unhide dialog; clearMarks deletes the sheet, leaving the workbook's sheet
 *   list exactly as it was.
 * Layout: A1 holds a header object (format tag, version, last one-click check); A2… hold one mark each, as JSON,
 * then one row per ignored finding (`{"ignored": {...}}`), which older versions skip as unreadable rows.
 */
import type { Severity } from '../../core/types';
import { sanitizeIgnored, type IgnoredFinding } from '../../core/report/review';

export const MARKS_SHEET = '_jiaohe_marks';
export const RECORD_FORMAT = 'jiaohe-marks';
export const RECORD_VERSION = 1;
/** Prefix of every note/comment Jiaohe writes; clearMarks removes only annotations that still carry it. */
export const NOTE_PREFIX = '校核：';

export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', hint: '#DDEBF7' };

/** A cell's fill before Jiaohe touched it. */
export interface OriginalFill {
  /** "None" for no fill, "Solid", or a pattern name. Absent when the host could not tell (ExcelApi < 1.9). */
  pattern?: string;
  color?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export type Annotation = 'note' | 'comment' | 'none';

export interface MarkEntry {
  sheet: string;
  /** A1 address of the cell, without the sheet. */
  cell: string;
  severity: Severity;
  message: string;
  original: OriginalFill;
  /** The colour Jiaohe put on the cell; a cell the user recoloured since is left alone by clearMarks. */
  markFill: string;
  /** What Jiaohe added to carry the message ('none': kept only here and in the task pane). */
  annotation: Annotation;
}

export interface LastCheck {
  sheet: string;
  findings: number;
  errors: number;
  warnings: number;
  /** ISO time. */
  at: string;
}

export interface MarksRecord {
  marks: MarkEntry[];
  lastCheck?: LastCheck;
  /** Findings the officer ignored (忽略); kept when every mark is cleared. */
  ignored?: IgnoredFinding[];
}

/** Nothing left to keep: the record sheet can go. */
export function isEmptyRecord(record: MarksRecord): boolean {
  return record.marks.length === 0 && !(record.ignored && record.ignored.length);
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;
}

export function isNoFill(fill: OriginalFill): boolean {
  if (fill.pattern !== undefined) return fill.pattern === 'None';
  // Without getCellProperties Excel reports "#FFFFFF" for both no fill and white: restore those as no fill.
  return !fill.color || fill.color.toUpperCase() === '#FFFFFF';
}

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Rows (one cell each) for the hidden sheet. */
export function recordToRows(record: MarksRecord): string[][] {
  const header: Record<string, unknown> = { format: RECORD_FORMAT, version: RECORD_VERSION };
  if (record.lastCheck) header.lastCheck = record.lastCheck;
  return [
    [JSON.stringify(header)],
    ...record.marks.map((m) => [JSON.stringify(m)]),
    ...(record.ignored ?? []).map((i) => [JSON.stringify({ ignored: i })]),
  ];
}

function isMarkEntry(x: unknown): x is MarkEntry {
  const m = x as MarkEntry;
  return (
    !!m &&
    typeof m.sheet === 'string' &&
    typeof m.cell === 'string' &&
    (m.severity === 'error' || m.severity === 'warning' || m.severity === 'hint') &&
    typeof m.message === 'string' &&
    typeof m.original === 'object' &&
    m.original !== null &&
    typeof m.markFill === 'string' &&
    (m.annotation === 'note' || m.annotation === 'comment' || m.annotation === 'none')
  );
}

/**
 * Reads the hidden sheet's values back. Returns null when A1 is not a Jiaohe header (someone else's sheet of the
 * same name: never touch it). Rows that do not parse are skipped rather than failing the whole clear.
 */
export function rowsToRecord(values: readonly (readonly unknown[])[] | undefined): MarksRecord | null {
  if (!values || !values.length) return null;
  let header: { format?: string; version?: number; lastCheck?: LastCheck };
  try {
    header = JSON.parse(String(values[0][0] ?? ''));
  } catch {
    return null;
  }
  if (!header || header.format !== RECORD_FORMAT) return null;
  const marks: MarkEntry[] = [];
  const ignored: unknown[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const raw = values[r]?.[0];
    if (typeof raw !== 'string' || !raw.trim()) continue;
    try {
      const m = JSON.parse(raw);
      if (m && typeof m === 'object' && 'ignored' in m) {
        ignored.push(m.ignored);
        continue;
      }
      if (!isMarkEntry(m)) continue;
      const key = markKey(m.sheet, m.cell);
      if (seen.has(key)) continue;
      seen.add(key);
      marks.push(m);
    } catch {
      /* a damaged row: skip it, restore the rest */
    }
  }
  const record: MarksRecord = { marks };
  const kept = sanitizeIgnored(ignored);
  if (kept.length) record.ignored = kept;
  if (header.lastCheck && typeof header.lastCheck.sheet === 'string') record.lastCheck = header.lastCheck;
  return record;
}
