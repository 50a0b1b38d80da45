import type { Grid } from '../grid';
import type { DetectedTable } from './types';

/** Finds every table on a sheet. (Placeholder until the layout engine lands.) */
export function detectTables(_grid: Grid): DetectedTable[] {
  return [];
}
