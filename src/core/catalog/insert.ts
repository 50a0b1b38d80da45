import type { CatalogEntry } from './types';

/** What to write for a catalog entry. */
export type InsertMode = 'code' | 'name' | 'codeName' | 'split';

export const INSERT_MODES: readonly InsertMode[] = ['codeName', 'code', 'name', 'split'];

/** Selecting a whole column must not write a million rows. */
export const MAX_INSERT_ROWS = 5000;

export interface InsertPlan {
  values: (string | number | null)[][];
  /** Set when the selection had more rows than MAX_INSERT_ROWS. */
  truncated?: boolean;
}

/** The code cut into its 类 / 款 / 项 / 目 parts: "2101501" → ["210", "15", "01"]. */
export function splitCode(code: string): string[] {
  const parts = [code.slice(0, 3)];
  for (let i = 3; i < code.length; i += 2) parts.push(code.slice(i, i + 2));
  return parts;
}

/**
 * The values to write at the selection. Each selected row gets the entry. Split mode writes one
 * column per level of the classification (3 for 支出功能分类: 类/款/项; 2 for economic codes), with
 * the deeper columns empty for a 类 or 款.
 */
export function buildInsertValues(entry: CatalogEntry, mode: InsertMode, selection: { rowCount: number; colCount?: number }): InsertPlan {
  const rows = Math.max(1, Math.floor(selection.rowCount || 1));
  const n = Math.min(rows, MAX_INSERT_ROWS);
  let row: (string | null)[];
  switch (mode) {
    case 'code':
      row = [entry.code];
      break;
    case 'name':
      row = [entry.name];
      break;
    case 'codeName':
      row = [`${entry.code} ${entry.name}`];
      break;
    case 'split': {
      const width = entry.kind === 'function' ? 3 : entry.kind === 'income' ? 4 : 2;
      const parts = splitCode(entry.code);
      row = Array.from({ length: Math.max(width, parts.length) }, (_, i) => parts[i] ?? null);
      break;
    }
  }
  const values = Array.from({ length: n }, () => [...row]);
  return rows > n ? { values, truncated: true } : { values };
}
