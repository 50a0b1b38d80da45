/** The kind of a table: allocation (rows are recipients), classification (rows are 科目), summary, generic. */
import type { TableKind } from '../types';
import type { ColumnModel } from './columns';
import type { TableSide } from './types';
import { isRecipientHeader, looksLikeRecipient, squash } from './text';

export function classifyTable(sides: TableSide[], model: ColumnModel): TableKind {
  if (sides.length === 2 && sides[0].side && sides[1].side) return 'summary';
  const side = sides[0];
  const items = side.rows.filter((r) => r.role === 'item' || r.role === 'subtotal');
  const labelHeader = side.labelCol !== undefined ? squash((model.byCol.get(side.labelCol)?.headerPath ?? []).join('/')) : '';
  const coded = items.filter((r) => r.code !== undefined).length;
  const hierarchyCodes = side.codeCols.some((c) => model.byCol.get(c.col)?.role === 'code');
  const subjectHeader = /科目|功能分类|经济分类|支出分类|收入分类/.test(labelHeader);
  if (labelHeader && isRecipientHeader(labelHeader) && !subjectHeader) return 'allocation';
  if (hierarchyCodes || subjectHeader || (items.length > 0 && coded * 2 >= items.length)) return 'classification';
  // Recipients are counted last: a 科目 table of 20,000 rows has its answer above.
  const recipients = items.filter((r) => looksLikeRecipient(r.label)).length;
  if (items.length > 0 && recipients * 5 >= items.length * 3) return 'allocation';
  return 'generic';
}
