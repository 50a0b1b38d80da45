export * from './labels';
export * from './json';
export * from './text';
