/** Which classification a code belongs to; decided by its first digit. */
export type CatalogKind = 'function' | 'economic-dept' | 'economic-gov' | 'income';

/** 类 3 digits, 款 5, 项 7, 目 9. */
export type CatalogLevel = '类' | '款' | '项' | '目';

export interface CatalogEntry {
  code: string;
  name: string;
  kind: CatalogKind;
  level: CatalogLevel;
  /** Code of the parent (类 has none). */
  parent?: string;
  /** 部门预算经济分类 → 政府预算经济分类 for 机关 (财预〔2017〕98号 附表1). */
  mapsTo?: string;
  /** Other 政府预算经济分类 codes the 部门 code may map to (事业单位 …). */
  mapsAlso?: string[];
  /** Where the entry came from: the built-in edition or a file the user imported. */
  origin: 'builtin' | 'imported';
  /** Ids of the official documents that print this code with this name (built-in entries; see Catalog.document). */
  confirmedBy?: string[];
}

/** An official document that confirms built-in entries. */
export interface CatalogDocument {
  title: string;
  year: number;
}

/** The shape of the JSON files in data/. */
export interface CatalogDataFile {
  kind: 'function' | 'economic' | 'income';
  edition?: number;
  source: string;
  /** The documents the entries' seen lists cite, by id. */
  documents?: Record<string, CatalogDocument>;
  entries: { code: string; name: string; mapsTo?: string; mapsAlso?: string[]; from?: number; until?: number; seen?: string[] }[];
}

/** A user's import of the Ministry's yearly spreadsheet. */
export interface CatalogImport {
  year: number;
  /** replace: the imported kinds replace the built-in ones of that year; extend: add and rename. */
  mode: 'replace' | 'extend';
  entries: { code: string; name: string }[];
  /** File name and time, for display. */
  file?: string;
  importedAt?: string;
}

export const LEVEL_BY_LENGTH: Record<number, CatalogLevel> = { 3: '类', 5: '款', 7: '项', 9: '目' };

export function levelOfCode(code: string): CatalogLevel | undefined {
  return LEVEL_BY_LENGTH[code.length];
}

export function parentOfCode(code: string): string | undefined {
  if (code.length <= 3) return undefined;
  return code.slice(0, code.length - 2);
}

export function kindOfCode(code: string): CatalogKind | undefined {
  switch (code[0]) {
    case '1':
      return 'income';
    case '2':
      return 'function';
    case '3':
      return code.length <= 5 ? 'economic-dept' : undefined;
    case '5':
      return code.length <= 5 ? 'economic-gov' : undefined;
    default:
      return undefined;
  }
}

/** A well-formed classification code: digits, length 3/5/7/9, a known first digit. */
export function isCodeShape(code: string): boolean {
  return /^\d+$/.test(code) && levelOfCode(code) !== undefined && kindOfCode(code) !== undefined;
}

export const KIND_LABEL: Record<CatalogKind, string> = {
  function: '支出功能分类',
  'economic-dept': '部门预算支出经济分类',
  'economic-gov': '政府预算支出经济分类',
  income: '收入分类',
};
