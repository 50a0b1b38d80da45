import type { TemplateOptions } from './plan';
import { normalizeLabel } from './framework';
import type { PerfTable } from './types';

/** A detected table's header block (name, departments, funds, 年度目标) as template prefill. */
/** A header label as the standard writes it: no trailing colon, "其中：" with a full-width colon. */
export function displayLabel(s: string): string {
  return normalizeLabel(s).replace(/^其中[:：]?/, '其中：');
}

export function templatePrefill(perf: PerfTable): NonNullable<TemplateOptions['prefill']> {
  const h = perf.header;
  const annual = h.funds.find((g) => g.total.role === 'total');
  const out: NonNullable<TemplateOptions['prefill']> = {};
  if (h.name?.value) out.name = h.name.value;
  if (h.departments.length) out.departments = h.departments.map((d) => ({ label: displayLabel(d.label), value: d.value }));
  if (annual) {
    out.funds = [annual.total, ...annual.parts].map((f) => ({ label: displayLabel(f.label), amount: f.amount ? f.amount.toNumber() : null }));
  }
  if (h.goal?.value) out.goal = h.goal.value;
  if (perf.year) out.year = perf.year;
  return out;
}
