import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';
import type { CheckSettings, Finding } from '../types';

/** code.* rules. (Placeholder until core/catalog lands.) */
export function checkCodes(_grid: Grid, _tables: DetectedTable[], _settings: CheckSettings): Finding[] {
  return [];
}
