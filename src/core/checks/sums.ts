import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';
import type { CheckSettings, Finding } from '../types';

/** sum.row / sum.column / sum.hierarchy / sum.balance. (Placeholder until the checks land.) */
export function checkSums(_grid: Grid, _tables: DetectedTable[], _settings: CheckSettings): Finding[] {
  return [];
}
