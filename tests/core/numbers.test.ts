import Decimal from 'decimal.js';
import { gridFromRows } from '../../src/core/grid';
import { Check, checkAcross, checkDown, TableNumbers } from '../../src/core/layout/numbers';
import { Rng } from './generators/sheetBuilder';

/** What the money rule asks for one cell: new Decimal(x), rounded to 9 decimals. */
function expectedAmount(x: number): Decimal {
  const d = new Decimal(x);
  return d.decimalPlaces() > 9 ? d.toDecimalPlaces(9) : d;
}

describe('TableNumbers: amounts held as integer Decimals in units of 10^-scale', () => {
  it('gives back exactly new Decimal(x) for money, fractions, binary noise, huge and tiny numbers', () => {
    const rng = new Rng(20261122);
    const kinds: (() => number)[] = [
      () => rng.int(0, 99_999_999) / 100, // 万元 with 2 decimals
      () => -rng.int(0, 999_999_999_999) / 1000,
      () => rng.next() * 1e6, // full double precision
      () => 0.1 + 0.2, // formula noise: 0.30000000000000004 → 0.3
      () => rng.int(0, 2 ** 30) * 2 ** 22, // integers beyond 2^52
      () => rng.next() * 1e-5, // more than 9 decimals
      () => Number((rng.next() * 1e4).toFixed(rng.int(0, 9))),
      () => 0,
    ];
    let cells = 0;
    for (let t = 0; t < 300; t++) {
      const xs = Array.from({ length: 12 }, () => rng.pick(kinds)());
      const nums = new TableNumbers(gridFromRows('t', xs.map((x) => [x])), 0, xs.length - 1, [0]);
      xs.forEach((x, i) => {
        const scaled = nums.value(i, 0);
        expect(scaled.isInteger()).toBe(true);
        expect(nums.amount(scaled).toString()).toBe(expectedAmount(x).toString());
        cells++;
      });
    }
    expect(cells).toBe(3600);
  });

  it('text amounts share the scale of number cells', () => {
    const grid = gridFromRows('t', [[1.5, '2,000.125'], ['(3.25)', 4]]);
    const nums = new TableNumbers(grid, 0, 1, [0, 1]);
    expect(nums.scale).toBe(3);
    expect(nums.amount(nums.value(0, 1)).toString()).toBe('2000.125');
    expect(nums.amount(nums.value(1, 0)).toString()).toBe('-3.25');
    expect(nums.value(0, 0).toString()).toBe('1500');
  });

  it('sums and compares exactly; a failing result carries its sum', () => {
    // 0.1 + 0.2 = 0.3 exactly; 1e12 + 0.000000001 keeps every digit.
    const grid = gridFromRows('t', [
      [0.3, 0.1, 0.2],
      [1e12 + 0.001, 1e12, 0.000000001],
    ]);
    const nums = new TableNumbers(grid, 0, 1, [0, 1, 2]);
    expect(checkAcross(nums, 0, 0, [1, 2]).check).toBe(Check.Holds);
    const fail = checkAcross(nums, 1, 0, [1, 2]);
    expect(fail.check).toBe(Check.Fails);
    expect(nums.amount(fail.sum).toString()).toBe('1000000000000.000000001');
    expect(checkDown(nums, 1, 1, [0]).check).toBe(Check.Fails);
  });
});
