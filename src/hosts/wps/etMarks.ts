import { parseA1, toA1 } from '../../core/grid';
import { Finding, worseSeverity } from '../../core/types';
import { sanitizeIgnored, type IgnoredFinding } from '../../core/report/review';
import {
  EtApplication,
  EtComment,
  EtRange,
  EtSheets,
  EtWorksheet,
  XL,
  count,
  findSheet,
  hexToBgr,
  item,
  prop,
  toMatrix,
  tryProp,
} from './et';

/**
 * Marks are reversible, and the record of what they replaced lives IN THE WORKBOOK, on a very hidden
 * sheet. Why there: Application.PluginStorage is a per-session key/value store of the add-in (gone when
 * WPS restarts, and not tied to a document); document properties cap text at 255 characters. A sheet
 * saves and reopens with the .xlsx/.et, travels with the file to a colleague who has Jiaohe, can hold
 * any number of rows and any comment text, and xlSheetVeryHidden keeps it out of the sheet tabs and the
 * 取消隐藏 dialog. It is deleted again when every mark has been cleared.
 */
export const MARKS_SHEET = '_jiaohe_marks';
/** Every comment Jiaohe writes starts with this; only such comments are ever removed. */
export const COMMENT_PREFIX = '校核：';
export const MARK_FILL = { error: '#FFC7CE', warning: '#FFEB9C', hint: '#DDEBF7' } as const;

const HEADER = ['sheet', 'cell', 'pattern', 'color', 'colorIndex', 'patternColor', 'comment', 'originalComment', 'ourComment', 'ignored'];
/** Column of an ignored finding (JSON); its row leaves sheet and cell empty, so it is never taken for a mark. */
const IGNORED_COL = 9;

export type CommentMode = 'added' | 'appended' | 'none';

/** What a cell looked like before Jiaohe marked it. */
export interface MarkRecord {
  sheet: string;
  cell: string;
  /** Interior.Pattern (-4142 = no fill). */
  pattern: number | null;
  /** Interior.Color, BGR. */
  color: number | null;
  /** Interior.ColorIndex (-4142 = no fill). */
  colorIndex: number | null;
  /** Interior.PatternColor, kept for hatch patterns. */
  patternColor: number | null;
  comment: CommentMode;
  /** The officer's own comment text when Jiaohe appended to it. */
  originalComment: string;
  /** The text Jiaohe wrote (its own comment, or the appended block). */
  ourComment: string;
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function sheetsOf(app: EtApplication): EtSheets {
  const wb = tryProp<{ Worksheets: EtSheets }>(app, 'ActiveWorkbook');
  return wb?.Worksheets ?? app.Worksheets;
}

/** Read the record sheet; an empty list when there is none. */
export function readMarkRecords(app: EtApplication): MarkRecord[] {
  const ws = findSheet(sheetsOf(app), MARKS_SHEET);
  if (!ws) return [];
  const used = prop<EtRange>(ws, 'UsedRange');
  const rows = Number(prop(prop(used, 'Rows'), 'Count'));
  const top = Number(prop(used, 'Row'));
  const left = Number(prop(used, 'Column'));
  if (top !== 1 || left !== 1 || rows < 2) return [];
  const m = toMatrix(used.Value2, rows, HEADER.length);
  const out: MarkRecord[] = [];
  for (let r = 1; r < rows; r++) {
    const v = m[r];
    if (!str(v[0]) || !str(v[1])) continue;
    const mode = str(v[6]);
    out.push({
      sheet: str(v[0]),
      cell: str(v[1]),
      pattern: num(v[2]),
      color: num(v[3]),
      colorIndex: num(v[4]),
      patternColor: num(v[5]),
      comment: mode === 'added' || mode === 'appended' ? mode : 'none',
      originalComment: str(v[7]),
      ourComment: str(v[8]),
    });
  }
  return out;
}

/** The findings the officer ignored, kept in the record sheet next to the marks. */
export function readIgnoredRecords(app: EtApplication): IgnoredFinding[] {
  const ws = findSheet(sheetsOf(app), MARKS_SHEET);
  if (!ws) return [];
  const used = prop<EtRange>(ws, 'UsedRange');
  const rows = Number(prop(prop(used, 'Rows'), 'Count'));
  if (Number(prop(used, 'Row')) !== 1 || Number(prop(used, 'Column')) !== 1 || rows < 2) return [];
  const m = toMatrix(used.Value2, rows, HEADER.length);
  const raw: unknown[] = [];
  for (let r = 1; r < rows; r++) {
    const text = str(m[r][IGNORED_COL]);
    if (!text) continue;
    try {
      raw.push(JSON.parse(text));
    } catch {
      /* a damaged row: skip it */
    }
  }
  return sanitizeIgnored(raw);
}

/**
 * Replace the record sheet's contents (creating it very hidden when needed); deletes it when nothing is left.
 * `ignored` defaults to the list already in the sheet, so writing marks never loses it.
 */
export function writeMarkRecords(app: EtApplication, records: MarkRecord[], ignored: IgnoredFinding[] = readIgnoredRecords(app)): void {
  const sheets = sheetsOf(app);
  let ws = findSheet(sheets, MARKS_SHEET);
  if (records.length === 0 && ignored.length === 0) {
    if (ws) deleteSheet(app, ws);
    return;
  }
  if (!ws) ws = createRecordSheet(app, sheets);
  const used = prop<EtRange>(ws, 'UsedRange');
  const oldRows = Number(prop(prop(used, 'Rows'), 'Count')) + Number(prop(used, 'Row')) - 1;
  const rows = Math.max(oldRows, records.length + ignored.length + 1);
  const matrix: (string | number)[][] = [HEADER.slice()];
  for (const rec of records) {
    matrix.push([
      rec.sheet,
      rec.cell,
      rec.pattern ?? '',
      rec.color ?? '',
      rec.colorIndex ?? '',
      rec.patternColor ?? '',
      rec.comment,
      rec.originalComment,
      rec.ourComment,
      '',
    ]);
  }
  for (const i of ignored) matrix.push(['', '', '', '', '', '', '', '', '', JSON.stringify(i)]);
  while (matrix.length < rows) matrix.push(HEADER.map(() => ''));
  const target = ws.Range(`A1:${toA1(rows - 1, HEADER.length - 1)}`);
  // Text format: sheet names like "2024" and comment text starting with "=" stay text.
  target.NumberFormat = '@';
  target.Value2 = matrix;
}

function createRecordSheet(app: EtApplication, sheets: EtSheets): EtWorksheet {
  const original = prop<EtWorksheet>(app, 'ActiveSheet');
  const last = item<EtWorksheet>(sheets, count(sheets));
  sheets.Add(null, last);
  // Sheets.Add activates the new sheet; some builds return nothing, so read it back from ActiveSheet.
  const ws = prop<EtWorksheet>(app, 'ActiveSheet');
  ws.Name = MARKS_SHEET;
  ws.Visible = XL.sheetVeryHidden;
  if (original) original.Activate();
  return ws;
}

function deleteSheet(app: EtApplication, ws: EtWorksheet): void {
  const alerts = app.DisplayAlerts;
  try {
    app.DisplayAlerts = false;
    ws.Visible = XL.sheetHidden;
    ws.Delete();
  } catch {
    // Deleting can be refused (protected workbook): leave an empty record instead.
    try {
      const used = prop<EtRange>(ws, 'UsedRange');
      used.Value2 = '';
      (used as unknown as { ClearContents?: () => void }).ClearContents?.();
      ws.Visible = XL.sheetVeryHidden;
    } catch {
      /* nothing more we can do; an empty very hidden sheet is harmless */
    }
  } finally {
    if (alerts !== undefined) app.DisplayAlerts = alerts;
  }
}

export function commentText(comment: EtComment): string {
  return str(prop<string>(comment, 'Text'));
}

function setCommentText(comment: EtComment, text: string): void {
  const c = comment as unknown as { Text: unknown };
  if (typeof c.Text === 'function') (c.Text as (t: string) => void).call(comment, text);
  else c.Text = text;
}

function cellComment(range: EtRange): EtComment | null {
  return tryProp<EtComment>(range, 'Comment');
}

/** The text of one cell's note: every finding on it, one per line, after the prefix. */
export function noteFor(findings: Finding[]): string {
  const lines = findings.map((f) => f.message);
  return COMMENT_PREFIX + lines.join('\n');
}

/**
 * Fill and annotate each finding's cell; returns how many cells were marked. `records` (what the cells
 * looked like before) grows as cells are painted, so a failure half way leaves a usable record. The
 * original fill of a cell is recorded only the first time it is marked, so marking twice and clearing
 * once still restores the officer's colour.
 */
export function applyMarks(
  app: EtApplication,
  findings: Finding[],
  records: MarkRecord[],
  options: { fill?: string; note?: boolean } = {},
): number {
  const byKey = new Map(records.map((r) => [key(r.sheet, r.cell), r]));
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = key(f.sheet, f.cell);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const sheets = sheetsOf(app);
  const sheetCache = new Map<string, EtWorksheet | null>();
  let marked = 0;
  for (const group of groups.values()) {
    const { sheet, cell } = group[0];
    if (!sheetCache.has(sheet)) sheetCache.set(sheet, findSheet(sheets, sheet));
    const ws = sheetCache.get(sheet);
    if (!ws) continue;
    let address: string;
    try {
      const p = parseA1(cell);
      address = toA1(p.row, p.col);
    } catch {
      continue;
    }
    const range = ws.Range(address);
    const interior = range.Interior;
    let rec = byKey.get(key(sheet, address));
    const note = noteFor(group);
    if (!rec) {
      const pattern = num(interior.Pattern);
      rec = {
        sheet,
        cell: address,
        pattern,
        color: num(interior.Color),
        colorIndex: num(interior.ColorIndex),
        patternColor: pattern !== null && pattern !== XL.none && pattern !== XL.patternSolid ? num(interior.PatternColor) : null,
        comment: 'none',
        originalComment: '',
        ourComment: '',
      };
      records.push(rec);
      byKey.set(key(sheet, address), rec);
    }
    interior.Color = hexToBgr(options.fill ?? MARK_FILL[group.map((f) => f.severity).reduce(worseSeverity)]);
    if (options.note !== false) writeNote(range, rec, note);
    marked++;
  }
  return marked;
}

function writeNote(range: EtRange, rec: MarkRecord, note: string): void {
  const current = cellComment(range);
  if (rec.comment === 'added' && current) {
    const text = commentText(current);
    if (text.includes(COMMENT_PREFIX)) {
      setCommentText(current, note);
      rec.ourComment = note;
      return;
    }
  }
  if (rec.comment === 'appended' && current) {
    setCommentText(current, `${rec.originalComment}\n\n${note}`);
    rec.ourComment = note;
    return;
  }
  if (current) {
    // The officer's own note: keep it, add ours below, and remember the original text.
    const original = commentText(current);
    setCommentText(current, `${original}\n\n${note}`);
    rec.comment = 'appended';
    rec.originalComment = original;
    rec.ourComment = note;
    return;
  }
  range.AddComment(note);
  rec.comment = 'added';
  rec.ourComment = note;
}

export interface ClearResult {
  restored: number;
  /** Records that could not be applied (sheet renamed or deleted); kept for a later clear. */
  kept: MarkRecord[];
}

/** Put every recorded cell back: exact fill (none, white or a colour) and the officer's comments. */
export function restoreMarks(app: EtApplication, records: MarkRecord[]): ClearResult {
  const sheets = sheetsOf(app);
  const kept: MarkRecord[] = [];
  let restored = 0;
  const sheetCache = new Map<string, EtWorksheet | null>();
  for (const rec of records) {
    if (!sheetCache.has(rec.sheet)) sheetCache.set(rec.sheet, findSheet(sheets, rec.sheet));
    const ws = sheetCache.get(rec.sheet);
    if (!ws) {
      kept.push(rec);
      continue;
    }
    const range = ws.Range(rec.cell);
    restoreFill(range, rec);
    restoreNote(range, rec);
    restored++;
  }
  return { restored, kept };
}

function restoreFill(range: EtRange, rec: MarkRecord): void {
  const interior = range.Interior;
  const noFill = rec.pattern === XL.none || rec.colorIndex === XL.none || (rec.pattern === null && rec.color === null);
  if (noFill) {
    interior.Pattern = XL.none;
    interior.ColorIndex = XL.none;
    return;
  }
  if (rec.color !== null) interior.Color = rec.color;
  if (rec.pattern !== null && rec.pattern !== XL.patternSolid) {
    interior.Pattern = rec.pattern;
    if (rec.patternColor !== null) interior.PatternColor = rec.patternColor;
  }
}

function restoreNote(range: EtRange, rec: MarkRecord): void {
  const current = cellComment(range);
  if (!current) return;
  const text = commentText(current);
  if (rec.comment === 'added') {
    // Only a comment that is still ours: an officer who rewrote it keeps it.
    if (text.includes(COMMENT_PREFIX)) current.Delete();
    return;
  }
  if (rec.comment === 'appended') {
    // Take out only our block, so edits the officer made to their own part survive.
    if (!rec.ourComment || !text.includes(rec.ourComment)) return;
    const block = `\n\n${rec.ourComment}`;
    const rest = text.includes(block) ? text.replace(block, '') : text.replace(rec.ourComment, '');
    setCommentText(current, rest);
  }
}
