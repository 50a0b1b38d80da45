import type { Grid } from '../grid';
import { toA1 } from '../grid/address';
import type { Catalog, CatalogLibrary } from './catalog';
import { normalizeCodeText, splitCodeAndName } from './normalize';
import { findCodeColumns, findSplitBlocks, readSplitBlock } from './sheetCodes';
import { CatalogImport, kindOfCode, levelOfCode, parentOfCode } from './types';

export interface CatalogRowError {
  sheet: string;
  /** 1-based sheet row, as the officer sees it. */
  row: number;
  cell?: string;
  message: string;
}

export interface CatalogParseResult {
  entries: { code: string; name: string }[];
  errors: CatalogRowError[];
  /** Sheets read, with the layout found on each. */
  sheets: { name: string; layout: 'code-name' | 'split' | 'none'; rows: number }[];
}

const SKIP_ROW_RE = /^(注|说明|备注|合计|总计|填表|单位[:：])/;

interface RawRow {
  sheet: string;
  row: number;
  cell: string;
  code: string;
  name: string;
}

function readCodeNameSheet(grid: Grid, errors: CatalogRowError[]): RawRow[] | null {
  const cols = findCodeColumns(grid).find((c) => c.nameCol !== undefined) ?? findCodeColumns(grid)[0];
  if (!cols) return null;
  const out: RawRow[] = [];
  for (let r = cols.headerRow + 1; r < grid.rowCount; r++) {
    const codeText = normalizeCodeText(grid.text(r, cols.codeCol));
    let name = cols.nameCol !== undefined ? grid.text(r, cols.nameCol).trim() : '';
    const cell = toA1(r, cols.codeCol);
    if (codeText === '' && name === '') continue;
    if (codeText === '') {
      if (SKIP_ROW_RE.test(name)) continue;
      errors.push({ sheet: grid.name, row: r + 1, cell, message: `第${r + 1}行：有科目名称“${name}”但没有科目编码` });
      continue;
    }
    let code = codeText;
    if (!/^\d+$/.test(codeText)) {
      const both = splitCodeAndName(grid.text(r, cols.codeCol));
      if (both && both.name && !name) {
        code = both.code;
        name = both.name;
      } else {
        if (SKIP_ROW_RE.test(codeText)) continue;
        errors.push({ sheet: grid.name, row: r + 1, cell, message: `第${r + 1}行：科目编码“${codeText}”不是数字` });
        continue;
      }
    }
    out.push({ sheet: grid.name, row: r + 1, cell, code, name: name.replace(/^[\s\u3000]+/, '') });
  }
  return out;
}

function readSplitSheet(grid: Grid, errors: CatalogRowError[]): RawRow[] | null {
  const block = findSplitBlocks(grid)[0];
  if (!block) return null;
  // Read to the end of the sheet: the Ministry's file may have blank rows between 类.
  const whole = { ...block, lastRow: grid.rowCount - 1 };
  const { cells, problems } = readSplitBlock(grid, whole);
  for (const p of problems) errors.push({ sheet: grid.name, row: p.row + 1, cell: toA1(p.row, p.col), message: `第${p.row + 1}行：${p.message}` });
  const out: RawRow[] = cells.map((c) => ({ sheet: grid.name, row: c.row + 1, cell: toA1(c.row, c.col), code: c.code, name: (c.name ?? '').trim() }));
  // Rows with a name but no code parts are either notes or mistakes.
  const withCode = new Set(cells.map((c) => c.row));
  const badRows = new Set(problems.map((p) => p.row));
  for (let r = block.firstRow; r < grid.rowCount; r++) {
    if (withCode.has(r) || badRows.has(r)) continue;
    const name = grid.text(r, block.nameCol);
    if (name && !SKIP_ROW_RE.test(name)) errors.push({ sheet: grid.name, row: r + 1, cell: toA1(r, block.nameCol), message: `第${r + 1}行：有科目名称“${name}”但没有类/款/项编码` });
  }
  return out;
}

/**
 * Reads the Ministry's yearly 科目 spreadsheet: 科目编码 | 科目名称 columns, or 类 | 款 | 项 columns
 * with a 科目名称 column. Every problem is reported with its row; callers import nothing when
 * `errors` is not empty. `base` (the built-in catalog of the year) supplies parents the file omits.
 */
export function parseCatalogGrid(grids: Grid[], base?: Catalog): CatalogParseResult {
  const errors: CatalogRowError[] = [];
  const sheets: CatalogParseResult['sheets'] = [];
  const rows: RawRow[] = [];
  for (const grid of grids) {
    if (grid.rowCount === 0) continue;
    const split = findSplitBlocks(grid).length > 0;
    const read = split ? readSplitSheet(grid, errors) : readCodeNameSheet(grid, errors);
    sheets.push({ name: grid.name, layout: read ? (split ? 'split' : 'code-name') : 'none', rows: read?.length ?? 0 });
    if (read) rows.push(...read);
  }
  if (!sheets.some((s) => s.layout !== 'none')) {
    errors.push({ sheet: grids[0]?.name ?? '', row: 1, message: '找不到科目表的表头：需要“科目编码”和“科目名称”两列，或“类 | 款 | 项”列和“科目名称”列' });
    return { entries: [], errors, sheets };
  }

  const firstRow = new Map<string, RawRow>();
  const entries: { code: string; name: string }[] = [];
  for (const r of rows) {
    const where = `第${r.row}行`;
    if (!levelOfCode(r.code)) {
      errors.push({ sheet: r.sheet, row: r.row, cell: r.cell, message: `${where}：科目编码 ${r.code} 的位数不对（类3位、款5位、项7位、目9位）` });
      continue;
    }
    if (!kindOfCode(r.code)) {
      errors.push({ sheet: r.sheet, row: r.row, cell: r.cell, message: `${where}：${r.code} 不是政府收支分类科目编码（收入1、支出功能2、部门经济3、政府经济5开头）` });
      continue;
    }
    if (!r.name) {
      errors.push({ sheet: r.sheet, row: r.row, cell: r.cell, message: `${where}：科目 ${r.code} 没有名称` });
      continue;
    }
    const dup = firstRow.get(r.code);
    if (dup) {
      errors.push({ sheet: r.sheet, row: r.row, cell: r.cell, message: `${where}：科目编码 ${r.code} 与第${dup.row}行重复` });
      continue;
    }
    firstRow.set(r.code, r);
    entries.push({ code: r.code, name: r.name });
  }
  for (const e of entries) {
    const p = parentOfCode(e.code);
    if (p && !firstRow.has(p) && !base?.has(p)) {
      const r = firstRow.get(e.code)!;
      errors.push({ sheet: r.sheet, row: r.row, cell: r.cell, message: `第${r.row}行：科目 ${e.code} 的上级科目 ${p} 既不在文件中，也不在内置科目表中` });
    }
  }
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : 0));
  return { entries: errors.length ? [] : entries, errors, sheets };
}

export type PreparedImport =
  | { ok: true; imp: CatalogImport; added: number; renamed: number }
  | { ok: false; errors: CatalogRowError[] };

/**
 * Parses the Ministry's spreadsheet against a year's catalog and, when every row is good, builds the
 * import to save, with how many codes it adds and renames. Shared by `jiaohe catalog import` and the pane.
 */
export function prepareCatalogImport(grids: Grid[], lib: CatalogLibrary, year: number, replace: boolean, file: string): PreparedImport {
  const base = lib.forYear(year);
  const result = parseCatalogGrid(grids, base);
  if (result.errors.length) return { ok: false, errors: result.errors };
  let added = 0;
  let renamed = 0;
  for (const e of result.entries) {
    const old = base.get(e.code);
    if (!old) added++;
    else if (old.name !== e.name) renamed++;
  }
  const imp: CatalogImport = { year, mode: replace ? 'replace' : 'extend', entries: result.entries, file, importedAt: new Date().toISOString() };
  return { ok: true, imp, added, renamed };
}
