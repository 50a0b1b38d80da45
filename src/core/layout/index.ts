export * from './types';
export { detectTables } from './detectTables';
