import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './loadExcelJs';
import { Finding, Severity, worseSeverity } from '../../core/types';
import { prepareForExcelJS } from './excelJsInput';

/** Excel's own "bad" (light red) and "neutral" (light yellow) fills. */
export const FINDING_FILLS: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', hint: 'FFDDEBF7' };
export const NOTE_PREFIX = '校核：';

/** The copy cannot be written; `message` is one line in Chinese. */
export class AnnotateError extends Error {
  constructor(
    message: string,
    /** The library's own words (English), shown only under --verbose. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'AnnotateError';
  }
}

/** Real path of `p` even when it does not exist yet (resolves symlinks of its folder). */
async function realTarget(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** True when writing `output` would overwrite `input` (same path, symlink or hard link). */
export async function isSameFile(input: string, output: string): Promise<boolean> {
  const [a, b] = await Promise.all([realTarget(input), realTarget(output)]);
  if (a === b) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

type NoteValue = string | { texts: { text: string }[] } | undefined;

function appendNote(existing: NoteValue, lines: string[]): NoteValue {
  const ours = lines.map((l) => `${NOTE_PREFIX}${l}`).join('\n');
  if (!existing) return ours;
  if (typeof existing === 'string') return `${existing}\n${ours}`;
  return { ...existing, texts: [...existing.texts, { text: `\n${ours}` }] };
}

interface CellMarks {
  severity: Severity;
  messages: string[];
}

/** Group findings by sheet and cell: one fill per cell (an error wins over a warning), every message in the note. */
function groupMarks(findings: readonly Finding[]): Map<string, Map<string, CellMarks>> {
  const bySheet = new Map<string, Map<string, CellMarks>>();
  for (const f of findings) {
    const cells = bySheet.get(f.sheet) ?? new Map<string, CellMarks>();
    bySheet.set(f.sheet, cells);
    const address = f.cell.replace(/\$/g, '').toUpperCase();
    const m = cells.get(address) ?? { severity: f.severity, messages: [] };
    m.severity = worseSeverity(m.severity, f.severity);
    if (!m.messages.includes(f.message)) m.messages.push(f.message);
    cells.set(address, m);
  }
  return bySheet;
}

/**
 * Apply findings to a loaded workbook: fill the cells and add notes "校核：…". Returns the number of cells marked.
 * Styles are replaced per cell, never mutated: exceljs shares one style object between cells of the same format.
 */
export function markWorkbook(wb: ExcelJS.Workbook, findings: readonly Finding[]): number {
  let marked = 0;
  for (const [sheetName, cells] of groupMarks(findings)) {
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    // Findings inside a merged area land on its top-left cell, the one Excel shows.
    const targets = new Map<string, { cell: ExcelJS.Cell; marks: CellMarks }>();
    for (const [address, m] of cells) {
      let cell: ExcelJS.Cell;
      try {
        cell = ws.getCell(address);
      } catch {
        continue; // not an A1 address: nothing to mark
      }
      if (cell.isMerged && cell.master) cell = cell.master;
      const t = targets.get(cell.address);
      if (!t) {
        targets.set(cell.address, { cell, marks: { severity: m.severity, messages: [...m.messages] } });
        continue;
      }
      t.marks.severity = worseSeverity(t.marks.severity, m.severity);
      for (const msg of m.messages) if (!t.marks.messages.includes(msg)) t.marks.messages.push(msg);
    }
    for (const { cell, marks } of targets.values()) {
      const fill: ExcelJS.FillPattern = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: FINDING_FILLS[marks.severity] },
        bgColor: { indexed: 64 } as unknown as ExcelJS.Color,
      };
      cell.style = { ...cell.style, fill };
      cell.note = appendNote(cell.note as NoteValue, marks.messages) as string;
      marked++;
    }
  }
  return marked;
}

/**
 * Write an annotated copy of `input` to `output`. The original is only read: the copy goes to a temp file next to
 * `output` and is renamed into place, so a failure never leaves a half-written file.
 */
export async function annotateCopy(input: string, output: string, findings: readonly Finding[]): Promise<{ output: string; cells: number; notKept: string[] }> {
  const base = path.basename(input);
  if (path.extname(output).toLowerCase() !== '.xlsx') {
    throw new AnnotateError(`${base}：标注副本须保存为 .xlsx 文件（收到 ${output}）。`);
  }
  if (await isSameFile(input, output)) {
    throw new AnnotateError(`${base}：标注副本不能覆盖原文件，请另选输出路径。`);
  }
  try {
    if ((await fs.stat(output)).isDirectory()) throw new AnnotateError(`${output}：这是文件夹，请给出 .xlsx 文件名。`);
  } catch (err) {
    if (err instanceof AnnotateError) throw err;
  }
  const wb = new (await loadExcelJs()).Workbook();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
    const prepared = await prepareForExcelJS(bytes);
    await wb.xlsx.load(prepared.bytes as unknown as ArrayBuffer);
    // t="d" cells went in as serial numbers; they are dates again in the copy.
    for (const d of prepared.dates) {
      const cell = wb.getWorksheet(d.sheet)?.getCell(d.address);
      if (!cell) continue;
      cell.value = d.date;
      if (!cell.numFmt || cell.numFmt === 'General') cell.numFmt = 'yyyy-mm-dd';
    }
  } catch (err) {
    throw new AnnotateError(`${base}：无法读取原文件以生成标注副本（文件有损坏或含有读取库不支持的内容）。`, (err as Error).message);
  }
  const cells = markWorkbook(wb, findings);
  const dir = path.dirname(path.resolve(output));
  const temp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await wb.xlsx.writeFile(temp);
    await fs.rename(temp, output);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '输出文件夹不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : '写入失败';
    throw new AnnotateError(`${path.basename(output)}：无法写入标注副本（${reason}）。`, (err as Error).message);
  }
  return { output, cells, notKept: partsNotKept(bytes) };
}

/** Package parts exceljs does not write back, by the zip entry names it stores uncompressed. */
const UNSUPPORTED_PARTS: [string, string][] = [
  ['xl/charts/', '图表'],
  ['xl/pivotTables/', '数据透视表'],
  ['xl/vbaProject.bin', '宏'],
  ['xl/slicers/', '切片器'],
];

/** What the original has that the annotated copy will lack (exceljs drops charts, pivot tables, macros, slicers). */
export function partsNotKept(bytes: Buffer): string[] {
  return UNSUPPORTED_PARTS.filter(([part]) => bytes.includes(part, 0, 'latin1')).map(([, label]) => label);
}
