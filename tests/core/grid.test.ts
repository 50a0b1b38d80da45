import { Grid, gridFromRows, parseA1, toA1, rangeToA1, parseRange, columnLetters, columnIndex, textOf } from '../../src/core/grid';
import { parseAmountText, decimalsOfFormat, unitIn } from '../../src/core/money';

describe('A1 addressing', () => {
  it('round-trips columns and cells', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(16383)).toBe('XFD');
    expect(columnIndex('XFD')).toBe(16383);
    expect(toA1(34, 3)).toBe('D35');
    expect(parseA1('$E$15')).toEqual({ row: 14, col: 4 });
    expect(rangeToA1(parseRange("'表2'!A3:O31"))).toBe('A3:O31');
  });
});

describe('amounts as officers write them', () => {
  const v = (s: string) => parseAmountText(s)?.value.toString();
  it('reads separators, full width, brackets and dashes', () => {
    expect(v('1,234.50')).toBe('1234.5');
    expect(v('1 234.50')).toBe('1234.5');
    expect(v('１２３')).toBe('123');
    expect(v('１，２３４．５')).toBe('1234.5');
    expect(v('(1,234.00)')).toBe('-1234');
    expect(v('（1,234.00）')).toBe('-1234');
    expect(v('-1234')).toBe('-1234');
    expect(v('—')).toBe('0');
    expect(v('-')).toBe('0');
    expect(parseAmountText('21.30')?.decimals).toBe(2);
  });
  it('refuses labels, codes with letters, percentages and dates', () => {
    for (const s of ['合计', 'Z155080000004', '95%', '2022年12月30日', '1.2.3', '', '12,34']) {
      expect(parseAmountText(s)).toBeNull();
    }
  });
  it('reads decimals from number formats and units from unit lines', () => {
    expect(decimalsOfFormat('0.00')).toBe(2);
    expect(decimalsOfFormat('#,##0.0_ ')).toBe(1);
    expect(decimalsOfFormat('0')).toBe(0);
    expect(decimalsOfFormat('General')).toBeUndefined();
    expect(unitIn('单位：万元')).toBe('万元');
    expect(unitIn('（元）')).toBe('元');
  });
});

describe('Grid', () => {
  it('keeps values only at the top-left of a merge and sizes itself', () => {
    const g = gridFromRows('s', [['标题', '标题'], [1, '2.50']], [{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(g.rowCount).toBe(2);
    expect(g.colCount).toBe(2);
    expect(g.text(0, 1)).toBe('');
    expect(g.visibleText(0, 1)).toBe('标题');
    expect(g.amount(1, 1)?.value.toString()).toBe('2.5');
    expect(g.amount(1, 1)?.fromText).toBe(true);
    expect(g.amount(0, 0)).toBeNull();
  });
  it('treats error values as errors, not amounts', () => {
    const g = new Grid({ name: 's', cells: [[{ value: '#REF!' }, { value: null, error: '#DIV/0!' }]] });
    expect(g.error(0, 0)).toBe('#REF!');
    expect(g.error(0, 1)).toBe('#DIV/0!');
    expect(g.amount(0, 0)).toBeNull();
  });
});

describe('cell text', () => {
  // textOf skips String.prototype.trim when neither end can be white space: it must still trim exactly as trim does.
  const ends = ['', ' ', '\t', '\n', '\u3000', '\u00a0', '\ufeff', '\u2003', '\u205f', '\u200b', '\u0001', 'x', '合', '5', '\u2060'];
  it('trims exactly like String.prototype.trim, for text and for values', () => {
    for (const a of ends) {
      for (const b of ends) {
        for (const mid of ['', '合 计', '1,234.50']) {
          const s = a + mid + b;
          expect(textOf({ value: s })).toBe(s.trim());
          expect(textOf({ value: 1, text: s })).toBe(s.trim());
        }
      }
    }
    expect(textOf({ value: 12.5 })).toBe('12.5');
    expect(textOf(undefined)).toBe('');
    expect(textOf({ value: null, error: '#REF!' })).toBe('#REF!');
  });
});
