import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';

/** Finds 绩效目标表 on a sheet (kind 'performance'). (Placeholder until core/perf lands.) */
export function detectPerformanceTables(_grid: Grid): DetectedTable[] {
  return [];
}
