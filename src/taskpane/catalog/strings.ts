import type { Locale } from '../i18n';

/** The 科目 panel's own strings (zh-CN first). */
export interface CatalogStrings {
  search: string;
  searchPlaceholder: string;
  year: string;
  yearBuiltin: string;
  yearImported: string;
  results: string;
  noResults: string;
  hint: string;
  mode: string;
  modeCodeName: string;
  modeCode: string;
  modeName: string;
  modeSplit: string;
  insert: string;
  inserted: string;
  insertedTruncated: string;
  insertFailed: string;
  nothingSelected: string;
  importTitle: string;
  importFile: string;
  importReplace: string;
  importYear: string;
  importYearInvalid: string;
  importDone: string;
  importBad: string;
  importUnreadable: string;
  importedYears: string;
  removeImport: string;
  removed: string;
  more: string;
}

export const CATALOG_STRINGS: Record<Locale, CatalogStrings> = {
  'zh-CN': {
    search: '搜索科目',
    searchPlaceholder: '编码、名称或拼音首字母，如 21015、医疗保障、ylbz',
    year: '科目表年度',
    yearBuiltin: '{year}（内置）',
    yearImported: '{year}（已导入）',
    results: '搜索结果',
    noResults: '没有匹配的科目。',
    hint: '输入编码开头、名称中的词或拼音首字母。方向键选择，回车插入。',
    mode: '插入内容',
    modeCodeName: '编码 名称',
    modeCode: '仅编码',
    modeName: '仅名称',
    modeSplit: '拆分到类/款/项列',
    insert: '插入',
    inserted: '已在 {address} 插入 {text}。',
    insertedTruncated: '选区行数过多，只插入了前 {count} 行。',
    insertFailed: '插入失败：{reason}',
    nothingSelected: '请先在结果中选择一个科目。',
    importTitle: '导入财政部科目表',
    importFile: '选择科目表文件（.xlsx）',
    importReplace: '替换内置科目表（不勾选则补充和更新）',
    importYear: '导入为年度',
    importYearInvalid: '导入年度“{value}”无效：请填写四位数年份，如 2026。',
    importDone: '已导入 {year} 年科目表：{count} 个科目（新增 {added}，名称更新 {renamed}）。',
    importBad: '文件中有 {count} 处问题，未导入任何科目：',
    importUnreadable: '无法读取文件：{reason}',
    importedYears: '本机已导入：',
    removeImport: '删除 {year} 年导入',
    removed: '已删除 {year} 年的导入，恢复使用内置科目表。',
    more: '……另有 {count} 处',
  },
  'en-US': {
    search: 'Search codes',
    searchPlaceholder: 'Code, words of the name or pinyin initials, e.g. 21015, 医疗保障, ylbz',
    year: 'Catalog year',
    yearBuiltin: '{year} (built-in)',
    yearImported: '{year} (imported)',
    results: 'Results',
    noResults: 'No matching code.',
    hint: 'Type the start of a code, words of the name or pinyin initials. Arrow keys select, Enter inserts.',
    mode: 'Insert',
    modeCodeName: 'Code and name',
    modeCode: 'Code only',
    modeName: 'Name only',
    modeSplit: 'Split over 类/款/项 columns',
    insert: 'Insert',
    inserted: 'Inserted {text} at {address}.',
    insertedTruncated: 'The selection has too many rows; only the first {count} were filled.',
    insertFailed: 'Could not insert: {reason}',
    nothingSelected: 'Select a code in the results first.',
    importTitle: "Import the Ministry's catalog",
    importFile: 'Choose a catalog file (.xlsx)',
    importReplace: 'Replace the built-in catalog (otherwise extend and rename)',
    importYear: 'Import as year',
    importYearInvalid: 'Import year "{value}" is not valid: enter a four-digit year such as 2026.',
    importDone: 'Imported the {year} catalog: {count} codes ({added} new, {renamed} renamed).',
    importBad: 'The file has {count} problems; nothing was imported:',
    importUnreadable: 'Cannot read the file: {reason}',
    importedYears: 'Imported on this computer:',
    removeImport: 'Remove the {year} import',
    removed: 'Removed the {year} import; the built-in catalog is used again.',
    more: '… and {count} more',
  },
};

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
