export * from './types';
export * from './grid';
export * from './money';
export * from './plan';
export * from './layout/types';
export { detectTables } from './layout/detectTables';
export { runChecks, checkSums } from './checks';
export { checkSheet, Jiaohe, summarizeTable, resolveSettings } from './engine';
export type { SheetCheck } from './engine';
