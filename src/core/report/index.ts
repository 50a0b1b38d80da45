export * from './labels';
export * from './json';
export * from './text';
export * from './review';
export * from './exportReport';
