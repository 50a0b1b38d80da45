import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';
import type { CheckSettings, Finding } from '../types';

/** perf.* rules. (Placeholder until core/perf lands.) */
export function checkPerformance(_grid: Grid, _tables: DetectedTable[], _settings: CheckSettings): Finding[] {
  return [];
}
