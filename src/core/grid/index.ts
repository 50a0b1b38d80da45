export * from './address';
export * from './grid';
