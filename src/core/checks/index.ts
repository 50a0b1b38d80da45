import type { Grid } from '../grid';
import type { DetectedTable } from '../layout/types';
import type { CheckSettings, Finding } from '../types';
import { checkSums } from './sums';
import { checkPerformance } from '../perf/checks';
import { checkCodes } from '../catalog/checkCodes';

export { checkSums };

/** Runs every enabled rule family over the detected tables of one sheet. */
export function runChecks(grid: Grid, tables: DetectedTable[], settings: CheckSettings): Finding[] {
  const findings: Finding[] = [];
  if (settings.rules.sums) findings.push(...checkSums(grid, tables, settings));
  if (settings.rules.perf) findings.push(...checkPerformance(grid, tables, settings));
  if (settings.rules.codes) findings.push(...checkCodes(grid, tables, settings));
  return findings;
}
