import type { SpreadsheetHost } from '../../hosts/host';
import type { DetectedTable } from '../../core/layout/types';
import { detectPerformanceTables } from '../../core/perf/detect';
import { normalizePerformanceTable, safeSheetName } from '../../core/perf/normalize';
import { perfTemplate } from '../../core/perf/plan';
import { templatePrefill } from '../../core/perf/prefill';
import { libraryRows, type LibraryIndicator } from '../../core/perf/library';
import type { PerfTable, PerfVariant } from '../../core/perf/types';
import { PERF_STRINGS, fill, type PerfStrings } from './strings';
import { insertAtSelectionGuarded, type ConfirmOverwrite } from '../overwrite';

/** Without a way to ask, never overwrite. */
const REFUSE: ConfirmOverwrite = async () => false;

/** What the pane shows after an action. */
export interface PerfNotice {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
  lines?: string[];
}

/** The table under the selection, else the first performance table of the sheet. */
export function tableAtSelection(tables: DetectedTable[], row: number, col: number): DetectedTable | undefined {
  return tables.find((t) => row >= t.range.top && row <= t.range.bottom && col >= t.range.left && col <= t.range.right) ?? tables[0];
}

async function activeTable(host: SpreadsheetHost): Promise<{ sheet: string; table?: DetectedTable }> {
  const grid = await host.readActiveSheet();
  const tables = detectPerformanceTables(grid);
  if (!tables.length) return { sheet: grid.name };
  const sel = await host.getSelection().catch(() => null);
  return { sheet: grid.name, table: sel ? tableAtSelection(tables, sel.top, sel.left) : tables[0] };
}

export interface GenerateOptions {
  variant: PerfVariant;
  year: string;
  regions: string;
  weights: boolean;
  split: boolean;
  prefill: boolean;
}

/** 生成绩效目标表: a standard sheet, optionally prefilled from the active sheet's target table. */
export async function generateTemplate(host: SpreadsheetHost, o: GenerateOptions, s: PerfStrings = PERF_STRINGS['zh-CN']): Promise<PerfNotice> {
  let prefill;
  let missing = false;
  if (o.prefill) {
    const { table } = await activeTable(host);
    if (table) prefill = templatePrefill(table.perf as PerfTable);
    else missing = true;
  }
  const plan = perfTemplate({
    variant: o.variant,
    year: /^\d{4}$/.test(o.year.trim()) ? o.year.trim() : undefined,
    regions: o.variant === 'regional' ? o.regions.split(/[,，、\s]+/).filter(Boolean) : [],
    weights: o.weights,
    splitValue: o.split,
    prefill,
    sheetName: PERF_STRINGS['zh-CN'][o.variant],
  });
  const name = await host.addSheet(plan);
  // Prefill is on by default: a sheet without a target table simply gets the blank form, said in passing.
  return { intent: 'success', text: `${fill(s.generated, { name })}${missing ? ` ${s.noTableForPrefill}` : ''}` };
}

/** 规范化: the active sheet's target table rewritten in the standard layout on a new sheet. */
export async function normalizeActive(host: SpreadsheetHost, split: boolean, s: PerfStrings = PERF_STRINGS['zh-CN']): Promise<PerfNotice> {
  const { sheet, table } = await activeTable(host);
  if (!table) return { intent: 'warning', text: s.noTable };
  const result = normalizePerformanceTable(table, { splitValue: split, sheetName: safeSheetName(sheet, '（规范）') });
  const name = await host.addSheet(result.plan);
  return {
    intent: result.unplaced.length ? 'warning' : 'success',
    text: fill(s.normalized, { name, count: result.indicatorCount, moved: result.moved.length, unplaced: result.unplaced.length }),
    lines: [
      ...result.unplaced.map((u) => fill(s.unplaced, { cell: u.cell, name: u.name, reason: u.reason })),
      ...result.moved.map((m) => fill(s.moved, { cell: m.cell, name: m.name, from: m.from, to: m.to })),
    ],
  };
}

/** Library indicators written at the selection, shaped like the target table under it. */
export async function addLibraryIndicators(
  host: SpreadsheetHost,
  entries: LibraryIndicator[],
  s: PerfStrings = PERF_STRINGS['zh-CN'],
  confirm: ConfirmOverwrite = REFUSE,
): Promise<PerfNotice> {
  if (!entries.length) return { intent: 'warning', text: s.chooseFirst };
  const sel = await host.getSelection();
  const grid = await host.readActiveSheet();
  const tables = detectPerformanceTables(grid).filter(
    (t) => sel.top >= t.range.top && sel.top <= t.range.bottom && sel.left >= t.range.left && sel.left <= t.range.right,
  );
  const perf = tables[0]?.perf as PerfTable | undefined;
  if (!(await insertAtSelectionGuarded(host, libraryRows(entries, perf), confirm))) return { intent: 'info', text: s.overwriteCancelled };
  return { intent: 'success', text: fill(s.added, { address: sel.address, count: entries.length }) };
}
