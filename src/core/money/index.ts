export { default as Decimal } from 'decimal.js';
export * from './parse';
export * from './units';
