import { buildInsertValues, getCatalog, MAX_INSERT_ROWS, splitCode } from '../../src/core/catalog';

const cat = getCatalog(2025);
const e = (code: string) => cat.get(code)!;

describe('values to insert at the selection', () => {
  test('code, name, "code name"', () => {
    expect(buildInsertValues(e('2101501'), 'code', { rowCount: 1 }).values).toEqual([['2101501']]);
    expect(buildInsertValues(e('2101501'), 'name', { rowCount: 1 }).values).toEqual([['行政运行']]);
    expect(buildInsertValues(e('2101501'), 'codeName', { rowCount: 1 }).values).toEqual([['2101501 行政运行']]);
  });

  test('split over 类/款/项 columns, deeper columns empty for a 类 or 款', () => {
    expect(buildInsertValues(e('2101501'), 'split', { rowCount: 1 }).values).toEqual([['210', '15', '01']]);
    expect(buildInsertValues(e('21015'), 'split', { rowCount: 1 }).values).toEqual([['210', '15', null]]);
    expect(buildInsertValues(e('210'), 'split', { rowCount: 1 }).values).toEqual([['210', null, null]]);
    expect(buildInsertValues(e('30207'), 'split', { rowCount: 1 }).values).toEqual([['302', '07']]);
    expect(buildInsertValues(e('1100249'), 'split', { rowCount: 1 }).values).toEqual([['110', '02', '49', null]]);
    expect(splitCode('110024901')).toEqual(['110', '02', '49', '01']);
  });

  test('several selected rows each get the entry', () => {
    const plan = buildInsertValues(e('50201'), 'codeName', { rowCount: 3, colCount: 1 });
    expect(plan.values).toEqual([['50201 办公经费'], ['50201 办公经费'], ['50201 办公经费']]);
    expect(plan.truncated).toBeUndefined();
    const split = buildInsertValues(e('2050803'), 'split', { rowCount: 2, colCount: 3 });
    expect(split.values).toEqual([
      ['205', '08', '03'],
      ['205', '08', '03'],
    ]);
    // rows are independent arrays: a host may mutate one without touching the others
    split.values[0][0] = 'x';
    expect(split.values[1][0]).toBe('205');
  });

  test('a whole-column selection is capped', () => {
    const plan = buildInsertValues(e('2101501'), 'code', { rowCount: 1048576 });
    expect(plan.values).toHaveLength(MAX_INSERT_ROWS);
    expect(plan.truncated).toBe(true);
  });

  test('a zero-row selection still inserts one row', () => {
    expect(buildInsertValues(e('2101501'), 'code', { rowCount: 0 }).values).toEqual([['2101501']]);
  });
});
