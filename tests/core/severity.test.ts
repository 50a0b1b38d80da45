import { Severity, worseSeverity } from '../../src/core/types';
import { DemoWorkbook, MARK_FILL } from '../../src/hosts/demo/workbook';

test('the graver grade wins, whichever comes first', () => {
  const all: Severity[] = ['hint', 'warning', 'error'];
  for (const a of all) for (const b of all) expect(worseSeverity(a, b)).toBe(all[Math.max(all.indexOf(a), all.indexOf(b))]);
});

test('a cell with a 提示 and a 疑似 is marked 疑似 in the demo workbook', () => {
  const wb = new DemoWorkbook([{ name: 's', rows: [[{ value: 1 }]], merges: [], hiddenRows: [], hiddenCols: [], marks: new Map() }]);
  wb.mark([
    { sheet: 's', cell: 'A1', severity: 'hint', message: '提示' },
    { sheet: 's', cell: 'A1', severity: 'warning', message: '疑似' },
  ]);
  expect(wb.sheet('s').rows[0][0]?.style?.fill).toBe(MARK_FILL.warning);
});
