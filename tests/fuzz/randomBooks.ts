/**
 * Random valid books: generated budget sheets written through exceljs, with the odd things real files carry
 * (stray cells far away, whole-row and whole-column merges, dates, formulas, hidden rows, rich text), and now
 * and then a very wide sheet or one with thousands of merges.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Grid } from '../../src/core/grid';
import { Rng } from '../core/generators/sheetBuilder';
import { generateSheet } from '../core/generators/sheets';

export interface RandomBook {
  name: string;
  bytes: Buffer;
}

function writeGrid(ws: ExcelJS.Worksheet, grid: Grid): void {
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const d = grid.cell(r, c);
      if (!d) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (d.error) cell.value = { error: d.error } as ExcelJS.CellErrorValue;
      else if (d.value !== null) cell.value = d.value;
      if (d.numberFormat) cell.numFmt = d.numberFormat;
      if (d.indent) cell.alignment = { indent: d.indent };
    }
  }
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

type Oddity = (ws: ExcelJS.Worksheet, rng: Rng, grid: Grid) => string;

const ODDITIES: Oddity[] = [
  (ws) => {
    ws.getCell('XFD1048576').value = 1;
    return 'stray-last-cell';
  },
  (ws, rng) => {
    ws.getCell(rng.int(2000, 1048576), rng.int(1, 16384)).value = '说明';
    return 'stray-far';
  },
  (ws, rng, g) => {
    const r = g.rowCount + rng.int(2, 5);
    ws.mergeCells(r, 1, r, 16384);
    ws.getCell(r, 1).value = '注：本表为公开数据';
    return 'whole-row-merge';
  },
  (ws, rng, g) => {
    const c = g.colCount + rng.int(2, 4);
    ws.mergeCells(1, c, 3000, c);
    return 'tall-column-merge';
  },
  (ws, rng, g) => {
    ws.getCell(g.rowCount + 2, 1).value = new Date(Date.UTC(2024 + rng.int(0, 2), rng.int(0, 11), rng.int(1, 28)));
    ws.getCell(g.rowCount + 2, 1).numFmt = 'yyyy-mm-dd';
    return 'date';
  },
  (ws, rng, g) => {
    for (let i = 0; i < 5; i++) ws.getRow(rng.int(1, Math.max(1, g.rowCount))).hidden = true;
    return 'hidden-rows';
  },
  (ws, rng, g) => {
    ws.getCell(g.rowCount + 2, 2).value = { richText: [{ text: '编制' }, { text: '单位：', font: { bold: true } }, { text: '财政局' }] };
    return 'rich-text';
  },
  (ws, rng, g) => {
    const r = g.rowCount + 3;
    ws.getCell(r, 1).value = 2;
    ws.getCell(r, 2).value = 3;
    ws.getCell(r, 3).value = { formula: 'A' + r + '+B' + r, result: 5 } as ExcelJS.CellFormulaValue;
    return 'formula';
  },
];

/** A sheet as wide as asked: a header row and a few rows of numbers with a 合计 column at the end. */
function wideSheet(ws: ExcelJS.Worksheet, cols: number, rng: Rng): void {
  ws.getCell(1, 1).value = '宽表';
  for (let c = 2; c <= cols; c++) ws.getCell(2, c).value = `项目${c - 1}`;
  for (let r = 3; r <= 6; r++) {
    ws.getCell(r, 1).value = `单位${r - 2}`;
    for (let c = 2; c <= cols; c++) ws.getCell(r, c).value = rng.int(0, 1000);
  }
}

/** Thousands of small merges (pairs of cells down a long list), written into the sheet XML: exceljs's own
 * mergeCells checks every new merge against all earlier ones. */
async function manyMergesBook(wb: ExcelJS.Workbook, merges: number): Promise<Buffer> {
  const ws = wb.addWorksheet('大表');
  ws.getCell(1, 1).value = '合并很多的表';
  for (let i = 0; i < merges; i++) {
    ws.getCell(2 + i, 1).value = `项目${i + 1}`;
    ws.getCell(2 + i, 3).value = (i % 97) + 1;
  }
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const refs = Array.from({ length: merges }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join('');
  zip.file(part, xml.replace('</sheetData>', `</sheetData><mergeCells count="${merges}">${refs}</mergeCells>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function randomBook(seed: number, opts: { big?: boolean } = {}): Promise<RandomBook> {
  const rng = new Rng(seed ^ 0x5eed);
  const wb = new ExcelJS.Workbook();
  const names: string[] = [];
  const big = opts.big !== false && rng.chance(0.04);
  if (big) {
    if (rng.chance(0.5)) {
      const cols = rng.int(3000, 10000);
      wideSheet(wb.addWorksheet('大表'), cols, rng);
      return { name: `wide-${cols}`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
    }
    const n = rng.int(5000, 20000);
    return { name: `merges-${n}`, bytes: await manyMergesBook(wb, n) };
  }
  const sheets = rng.int(1, 3);
  for (let s = 0; s < sheets; s++) {
    const g = generateSheet(seed * 7 + s).grid;
    const ws = wb.addWorksheet(`表${s + 1}`);
    writeGrid(ws, g);
    if (rng.chance(0.5)) names.push(rng.pick(ODDITIES)(ws, rng, g));
  }
  return { name: names.join('+') || 'plain', bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
