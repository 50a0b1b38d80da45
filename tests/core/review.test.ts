/** What to fix first, what was checked, ignoring a finding: core/report/review. */
import { gridFromRows } from '../../src/core/grid';
import { checkSheet } from '../../src/core/engine';
import {
  coverageLine,
  groupByCause,
  ignoreKey,
  sanitizeIgnored,
  splitIgnored,
  tableCoverage,
  toIgnored,
  totalCells,
} from '../../src/core/report/review';
import type { Finding, TableSummary } from '../../src/core/types';

const f = (cell: string, extra: Partial<Finding> = {}): Finding => ({
  rule: 'sum.column',
  severity: 'error',
  sheet: '表2',
  cell,
  message: `${cell} 不符`,
  ...extra,
});

describe('groupByCause', () => {
  test('derived findings fold under their cause, chains to the root; causes worst first, then reading order', () => {
    const cause = f('E15', { rule: 'sum.hierarchy' });
    const d1 = f('E31', { derivedFrom: 'E15' });
    const d2 = f('E35', { derivedFrom: 'E31' }); // a chain: E35 ← E31 ← E15
    const hint = f('B3', { severity: 'hint' });
    const other = f('F9');
    const orphan = f('G40', { derivedFrom: '表9!A1' }); // cause not in the list: stays on its own
    const groups = groupByCause([d2, hint, d1, orphan, other, cause]);
    expect(groups.map((g) => [g.cause.cell, g.derived.map((d) => d.cell)])).toEqual([
      ['F9', []],
      ['E15', ['E31', 'E35']],
      ['G40', []],
      ['B3', []],
    ]);
  });

  test('a cause on another sheet is matched by Sheet!A1', () => {
    const cause = f('D35', { sheet: '表1' });
    const d = f('E31', { derivedFrom: "'表1'!D35" });
    expect(groupByCause([d, cause]).map((g) => [g.cause.cell, g.derived.length])).toEqual([['D35', 1]]);
  });
});

describe('ignoring', () => {
  test('by sheet, cell and rule; survives a new check with other amounts; bad stored entries are dropped', () => {
    const a = f('E15');
    const b = f('F15');
    const stored = JSON.parse(JSON.stringify([toIgnored(a), { sheet: 1 }, toIgnored(a)]));
    const ignored = sanitizeIgnored(stored);
    expect(ignored).toHaveLength(1);
    const again = [f('E15', { actual: '9', message: 'other text' }), b, f('E15', { rule: 'sum.row' })];
    const { kept, ignored: out } = splitIgnored(again, ignored);
    expect(out.map(ignoreKey)).toEqual(['表2!E15|sum.column']);
    expect(kept.map(ignoreKey)).toEqual(['表2!F15|sum.column', '表2!E15|sum.row']);
    expect(sanitizeIgnored('nonsense')).toEqual([]);
  });
});

describe('what was checked', () => {
  const table: TableSummary = { range: 'A1:D9', kind: 'classification', headerRows: 1, totalRows: [9] };
  test('from relations: verified, failed, and what was set aside with its reason', () => {
    const c = tableCoverage({
      ...table,
      relations: [
        { kind: 'column', total: '9', parts: ['2', '3'], agree: 3, disagree: 1, status: 'checked' },
        { kind: 'row', total: 'D', parts: ['B', 'C'], agree: 7, disagree: 0, status: 'checked' },
        { kind: 'row', total: 'E', parts: ['F'], agree: 0, disagree: 0, status: 'set-aside', reason: '单价列，不按金额相加' },
      ],
    });
    expect(c).toMatchObject({ verified: 10, failed: 1, nothingChecked: false });
    expect(coverageLine(c, 'classification')).toBe('核对 11 个合计，相符 10 个，不符 1 个；未核对：行内合计 E（单价列，不按金额相加）');
  });

  test('nothing checked is said as such, never as "all right"', () => {
    const c = tableCoverage(table, { verified: 0, failed: 0 });
    expect(c.nothingChecked).toBe(true);
    expect(coverageLine(c, 'generic')).toBe('没有找到可核对的合计');
  });

  test('totalCells: the total cells of a real table, failed ones are those with a sum finding', () => {
    const g = gridFromRows('表', [
      ['项目', '合计', '基本', '项目支出'],
      ['甲', 10, 4, 6],
      ['乙', 20, 5, 15],
      ['丙', 30, 10, 20],
      ['合计', 61, 19, 41],
    ]);
    const r = checkSheet(g);
    const [t] = totalCells(g, r.detected, r.findings);
    expect(t.failed).toEqual(r.findings.filter((x) => x.rule.startsWith('sum.')).map((x) => x.cell).sort());
    expect(t.failed).toContain('B5');
    expect(t.verified).toEqual(expect.arrayContaining(['B2', 'B3', 'B4', 'C5', 'D5']));
    expect(t.verified).not.toContain('B5');
  });
});
