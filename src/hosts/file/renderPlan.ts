import type ExcelJS from 'exceljs';
import { loadExcelJs } from './loadExcelJs';
import type { PlanStyle, SheetPlan } from '../../core/plan';

/**
 * A SheetPlan written into an exceljs workbook: values, formulas (with a cached result so readers that do
 * not recalculate see a number), merges, borders, fonts, fills, number formats, column widths, row
 * heights and A4 page setup (landscape/portrait, fit to one page wide).
 */
export function addPlanToWorkbook(wb: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  let name = plan.name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet';
  for (let n = 2; wb.getWorksheet(name); n++) name = `${plan.name.slice(0, 27)} (${n})`;
  const ws = wb.addWorksheet(name);
  const fontName = plan.defaultFont?.name ?? '宋体';
  const fontSize = plan.defaultFont?.size ?? 11;

  for (const c of plan.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula) {
      const formula = c.formula.startsWith('=') ? c.formula.slice(1) : c.formula;
      cell.value = { formula, result: c.value ?? undefined } as ExcelJS.CellFormulaValue;
    } else if (c.link && c.value !== null && c.value !== '') {
      cell.value = { text: String(c.value), hyperlink: c.link } as ExcelJS.CellHyperlinkValue;
    } else if (c.value !== null && c.value !== '') {
      cell.value = c.value;
    }
    applyStyle(cell, c.style ?? {}, fontName, fontSize);
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  plan.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = h;
  if (plan.page) {
    ws.pageSetup = {
      paperSize: 9, // A4
      orientation: plan.page.orientation,
      ...(plan.page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
      ...(plan.page.printTitleRows ? { printTitlesRow: `${plan.page.printTitleRows.top + 1}:${plan.page.printTitleRows.bottom + 1}` } : {}),
    };
  }
  return ws;
}

function applyStyle(cell: ExcelJS.Cell, s: PlanStyle, fontName: string, fontSize: number): void {
  cell.font = { name: s.fontName ?? fontName, size: s.fontSize ?? fontSize, bold: !!s.bold };
  if (s.horizontal || s.vertical || s.wrap) {
    cell.alignment = {
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill.replace('#', '').toUpperCase()}` } };
}

/** One or more plans as a new .xlsx file. */
export async function writePlansToXlsx(plans: SheetPlan[], outPath: string): Promise<void> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Jiaohe 校核';
  // Formulas carry cached results; Excel and WPS still recalculate them on open.
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  for (const p of plans) addPlanToWorkbook(wb, p);
  await wb.xlsx.writeFile(outPath);
}

export async function writePlanToXlsx(plan: SheetPlan, outPath: string): Promise<void> {
  await writePlansToXlsx([plan], outPath);
}
