import { CellRange, columnLetters, rangeToA1, toA1 } from '../../core/grid';
import type { PlanCell, PlanStyle, SheetPlan } from '../../core/plan';
import { EtApplication, EtRange, EtSheets, EtWorksheet, XL, count, findSheet, hexToBgr, item, prop } from './et';

const INVALID_NAME = /[\\/?*[\]:：]/g;

/** A sheet name ET accepts (≤ 31 characters, no \ / ? * [ ] :) that no sheet has yet. */
export function uniqueSheetName(sheets: EtSheets, wanted: string): string {
  const base = (wanted.replace(INVALID_NAME, '_').replace(/^'+|'+$/g, '').trim() || '绩效目标表').slice(0, 31);
  if (!findSheet(sheets, base)) return base;
  for (let i = 2; i < 1000; i++) {
    const suffix = `(${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!findSheet(sheets, name)) return name;
  }
  throw new Error(`无法为“${wanted}”找到可用的工作表名称。`);
}

/** Strings ET would turn into numbers and change (leading zeros, >15 digits) are written as text. */
export function protectText(v: string | number | null): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  if (/^0\d+$/.test(v) || /^\d{16,}$/.test(v)) return `'${v}`;
  return v;
}

function styleKey(s: PlanStyle | undefined): string {
  return s ? JSON.stringify(s, Object.keys(s).sort()) : '';
}

/** Cells with the same style side by side in one row become one range: fewer calls into ET. */
function styleRuns(cells: PlanCell[]): { range: CellRange; style: PlanStyle }[] {
  const styled = cells.filter((c) => c.style && Object.keys(c.style).length > 0);
  styled.sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { range: CellRange; style: PlanStyle; key: string }[] = [];
  for (const c of styled) {
    const k = styleKey(c.style);
    const last = runs[runs.length - 1];
    if (last && last.key === k && last.range.top === c.row && last.range.right === c.col - 1) {
      last.range.right = c.col;
    } else {
      runs.push({ range: { top: c.row, left: c.col, bottom: c.row, right: c.col }, style: c.style as PlanStyle, key: k });
    }
  }
  return runs;
}

function applyStyle(range: EtRange, s: PlanStyle): void {
  if (s.bold !== undefined) range.Font.Bold = s.bold;
  if (s.fontSize !== undefined) range.Font.Size = s.fontSize;
  if (s.fontName !== undefined) range.Font.Name = s.fontName;
  if (s.horizontal) {
    range.HorizontalAlignment = s.horizontal === 'center' ? XL.hAlignCenter : s.horizontal === 'right' ? XL.hAlignRight : XL.hAlignLeft;
  }
  if (s.vertical) {
    range.VerticalAlignment = s.vertical === 'middle' ? XL.vAlignCenter : s.vertical === 'bottom' ? XL.vAlignBottom : XL.vAlignTop;
  }
  if (s.wrap !== undefined) range.WrapText = s.wrap;
  if (s.border) {
    range.Borders.LineStyle = XL.continuous;
    range.Borders.Weight = XL.thin;
  }
  if (s.numberFormat !== undefined) range.NumberFormat = s.numberFormat;
  if (s.fill) range.Interior.Color = hexToBgr(s.fill);
}

/**
 * Add a sheet after the last one and render the plan into it. Sheets.Add activates the new sheet (and
 * some builds return nothing), so the sheet is always read back from ActiveSheet.
 */
export function renderPlan(app: EtApplication, sheets: EtSheets, plan: SheetPlan): string {
  const name = uniqueSheetName(sheets, plan.name);
  const last = item<EtWorksheet>(sheets, count(sheets));
  sheets.Add(null, last);
  const ws = prop<EtWorksheet>(app, 'ActiveSheet');
  if (!ws) throw new Error('WPS 未能新建工作表。');
  ws.Name = name;

  const bottom = plan.cells.reduce((m, c) => Math.max(m, c.row), -1);
  const right = plan.cells.reduce((m, c) => Math.max(m, c.col), -1);
  if (plan.defaultFont && bottom >= 0) {
    const all = ws.Range(rangeToA1({ top: 0, left: 0, bottom, right }));
    all.Font.Name = plan.defaultFont.name;
    all.Font.Size = plan.defaultFont.size;
  }
  // Number formats before values, so a "@" (text) column keeps codes as typed.
  for (const run of styleRuns(plan.cells)) {
    if (run.style.numberFormat !== undefined) ws.Range(rangeToA1(run.range)).NumberFormat = run.style.numberFormat;
  }
  if (bottom >= 0) {
    const matrix: (string | number)[][] = [];
    for (let r = 0; r <= bottom; r++) matrix.push(new Array<string | number>(right + 1).fill(''));
    for (const c of plan.cells) {
      matrix[c.row][c.col] = c.style?.numberFormat === '@' ? (c.value ?? '') : protectText(c.value);
    }
    ws.Range(rangeToA1({ top: 0, left: 0, bottom, right })).Value2 = matrix;
    for (const c of plan.cells) if (c.formula) ws.Range(toA1(c.row, c.col)).Formula = c.formula;
  }
  for (const m of plan.merges) ws.Range(rangeToA1(m)).Merge();
  for (const run of styleRuns(plan.cells)) applyStyle(ws.Range(rangeToA1(run.range)), run.style);
  plan.columnWidths.forEach((w, i) => {
    if (w > 0) ws.Range(`${columnLetters(i)}:${columnLetters(i)}`).ColumnWidth = w;
  });
  for (const [row, h] of Object.entries(plan.rowHeights ?? {})) {
    const r = Number(row) + 1;
    ws.Range(`${r}:${r}`).RowHeight = h;
  }
  if (plan.page) {
    // PageSetup talks to the printer driver; with no printer installed (common on 信创 desktops) it
    // can throw. The sheet is still useful without it.
    try {
      const ps = ws.PageSetup;
      ps.Orientation = plan.page.orientation === 'landscape' ? XL.landscape : XL.portrait;
      ps.PaperSize = XL.paperA4;
      if (plan.page.fitToWidth) {
        ps.Zoom = false;
        ps.FitToPagesWide = 1;
        ps.FitToPagesTall = false;
      }
    } catch {
      /* see above */
    }
  }
  return String(prop<string>(prop<EtWorksheet>(app, 'ActiveSheet'), 'Name'));
}
