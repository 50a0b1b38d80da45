export * from './readXlsx';
export * from './checkWorkbook';
export * from './annotate';
