import type { SheetPlan } from '../../src/core/plan';

/**
 * A SheetPlan as an HTML page laid out like its printout on A4 (column widths in Excel characters →
 * pixels, merges as row/colspans, thin borders, fit to page width). Used to look at templates before
 * printing (headless Chromium screenshot) without LibreOffice.
 */
export function planToHtml(plan: SheetPlan): string {
  const landscape = plan.page?.orientation !== 'portrait';
  const pageW = landscape ? 1123 : 794;
  const pageH = landscape ? 794 : 1123;
  const margin = 48;
  const colPx = plan.columnWidths.map((w) => Math.round(w * 7 + 5));
  const tableW = colPx.reduce((a, b) => a + b, 0);
  const scale = plan.page?.fitToWidth ? Math.min(1, (pageW - 2 * margin) / tableW) : 1;
  const rows = Math.max(...plan.cells.map((c) => c.row)) + 1;
  const cols = plan.columnWidths.length;
  const byPos = new Map(plan.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const covered = new Set<string>();
  const spans = new Map<string, { rs: number; cs: number }>();
  for (const m of plan.merges) {
    spans.set(`${m.top}:${m.left}`, { rs: m.bottom - m.top + 1, cs: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
  let body = '';
  for (let r = 0; r < rows; r++) {
    const h = plan.rowHeights?.[r] ?? 15;
    body += `<tr style="height:${Math.round(h * 1.333)}px">`;
    for (let c = 0; c < cols; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const cell = byPos.get(key);
      const s = cell?.style ?? {};
      const span = spans.get(key);
      const css = [
        `font-family:'${s.fontName ?? plan.defaultFont?.name ?? '宋体'}','SimSun','Noto Serif CJK SC','Noto Sans CJK SC',serif`,
        `font-size:${Math.round((s.fontSize ?? plan.defaultFont?.size ?? 11) * 1.333)}px`,
        s.bold ? 'font-weight:bold' : '',
        `text-align:${s.horizontal ?? 'left'}`,
        `vertical-align:${s.vertical === 'top' ? 'top' : s.vertical === 'bottom' ? 'bottom' : 'middle'}`,
        s.border ? 'border:1px solid #000' : '',
        s.fill ? `background:${s.fill}` : '',
        s.wrap ? 'white-space:normal;word-break:break-all' : 'white-space:nowrap',
        'padding:1px 3px',
      ]
        .filter(Boolean)
        .join(';');
      let text = cell?.value === null || cell?.value === undefined ? '' : String(cell.value);
      if (typeof cell?.value === 'number' && s.numberFormat === '0.00') text = cell.value.toFixed(2);
      if (cell?.formula) text = typeof cell.value === 'number' ? String(cell.value) : '';
      body += `<td${span ? ` rowspan="${span.rs}" colspan="${span.cs}"` : ''} style="${css}">${esc(text)}</td>`;
    }
    body += '</tr>\n';
  }
  const colgroup = colPx.map((w) => `<col style="width:${w}px">`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#888}
.page{width:${pageW}px;min-height:${pageH}px;background:#fff;margin:0 auto;position:relative}
.inner{position:absolute;left:${margin}px;top:${margin}px;transform:scale(${scale});transform-origin:0 0}
table{border-collapse:collapse;table-layout:fixed;width:${tableW}px}
</style></head><body><div class="page"><div class="inner"><table>${colgroup}${body}</table></div></div></body></html>`;
}
