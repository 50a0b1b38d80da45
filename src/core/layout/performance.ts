/**
 * 绩效目标表 are parsed by core/perf. This module only makes sure they are recognised as tables of kind
 * 'performance' (so no sum rule ever reads a 指标分值权重 column as money) when core/perf finds none.
 */
import type { Grid } from '../grid';
import type { CellRange } from '../grid/address';
import type { DetectedTable } from './types';
import { contiguousRight } from '../perf/detect';
import { MARK_TWO_INDICATORS, rowMarks } from './sheetScan';
import { squash } from './text';

const INDICATOR_HEADER = /^(一级指标|二级指标|三级指标|指标值|绩效指标|指标名称|指标内容)$/;
const BLOCK_LABEL = /项目名称|资金名称|预算单位|主管部门|实施单位|资金情况|年度金额|项目资金|总体目标|年度目标|项目负责人|资金总额|绩效目标|专项名称|转移支付/;

function rowTexts(grid: Grid, row: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const t = grid.text(row, c);
    if (t !== '') out.push(squash(t));
  }
  return out;
}

/** Two cells of the row mention 指标 (rowMarks reads the sheet once for every search that needs it). */
function mentionsIndicator(grid: Grid, row: number): boolean {
  return (rowMarks(grid)[row] & MARK_TWO_INDICATORS) !== 0;
}

function isBlankRow(grid: Grid, row: number, left = 0, right = grid.colCount - 1): boolean {
  for (let c = left; c <= right; c++) if (grid.visibleText(row, c) !== '') return false;
  return true;
}

export function detectPerformanceFallback(grid: Grid, taken: CellRange[]): DetectedTable[] {
  const out: DetectedTable[] = [];
  const inTaken = (r: number) => taken.some((t) => r >= t.top && r <= t.bottom);
  for (let r = 0; r < grid.rowCount; r++) {
    if (!mentionsIndicator(grid, r)) continue;
    if (inTaken(r) || out.some((t) => r >= t.range.top && r <= t.range.bottom)) continue;
    const texts = rowTexts(grid, r);
    if (texts.filter((t) => INDICATOR_HEADER.test(t)).length < 2) continue;
    let top = r;
    for (let k = r - 1; k >= 0 && !isBlankRow(grid, k); k--) {
      const t = rowTexts(grid, k);
      if (!t.some((x) => BLOCK_LABEL.test(x)) && !coveredByBlock(grid, k)) break;
      top = k;
    }
    // Its own columns: from the leftmost text of the header rows over the run of columns they use (another
    // table may stand to its right).
    let left = grid.colCount;
    for (let k = top; k <= r; k++) left = Math.min(left, firstCol(grid, k));
    const right = contiguousRight(grid, top, r, left);
    let bottom = r;
    for (let k = r + 1; k < grid.rowCount; k++) {
      if (isBlankRow(grid, k, left, right)) break;
      const first = rowTexts(grid, k)[0] ?? '';
      if (/^(注|备注|说明|填表人|审核人)[：:]?/.test(first) && grid.mergeAt(k, 0) === undefined) break;
      bottom = k;
    }
    let title: string | undefined;
    for (let k = top - 1; k >= 0 && k >= top - 4; k--) {
      const t = rowTexts(grid, k);
      if (t.length === 1 && /绩效/.test(t[0])) {
        title = grid.text(k, grid.mergeAt(k, 0)?.left ?? firstCol(grid, k));
        break;
      }
    }
    out.push({
      kind: 'performance',
      range: { top, left, bottom, right },
      title,
      titleRow: undefined,
      unit: undefined,
      headerTop: r,
      headerBottom: r,
      totalRows: [],
      codeCols: [],
      columns: [],
      rows: [],
    });
    r = bottom;
  }
  return out;
}

function coveredByBlock(grid: Grid, row: number): boolean {
  // A row of the header block whose label cell is merged from a labelled row above (项目资金 over two rows).
  for (let c = 0; c < grid.colCount; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top < row && BLOCK_LABEL.test(squash(grid.text(m.top, m.left)))) return true;
  }
  return false;
}

function firstCol(grid: Grid, row: number): number {
  for (let c = 0; c < grid.colCount; c++) if (grid.text(row, c) !== '') return c;
  return grid.colCount;
}
