export * from './types';
export * from './grid';
export * from './money';
export * from './plan';
export * from './layout/types';
export { detectTables } from './layout/detectTables';
export { runChecks, checkSums } from './checks';
export { checkSheet, checkBook, crossCheck, Jiaohe, summarizeTable, resolveSettings } from './engine';
export type { SheetCheck, BookCheck } from './engine';
