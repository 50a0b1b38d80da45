import { checkSheet } from '../../src/core/engine';
import { gridFromRows } from '../../src/core/grid';
import { CATALOG_YEARS, DEFAULT_PANE_SETTINGS, sanitizeSettings, toCheckSettings } from '../../src/taskpane/settings';

describe('the pane takes the catalog year from the sheet title unless the officer picks one', () => {
  test('按表题年度 (0) is the default and is kept; a picked year is passed on', () => {
    expect(CATALOG_YEARS[0]).toBe(0);
    expect(DEFAULT_PANE_SETTINGS.catalogYear).toBe(0);
    expect(sanitizeSettings({ catalogYear: 0 }).catalogYear).toBe(0);
    expect(sanitizeSettings({ catalogYear: 2026 }).catalogYear).toBe(2026);
    expect(toCheckSettings({ ...DEFAULT_PANE_SETTINGS }).catalogYear).toBe(0);
  });

  test('a 2026 sheet checked with the pane defaults: the 2025 edition, and the note the summary shows', () => {
    const grid = gridFromRows('表', [['2026年部门支出预算表'], ['科目编码', '科目名称', '金额'], ['2101501', '行政运行', 1]]);
    const check = checkSheet(grid, toCheckSettings({ ...DEFAULT_PANE_SETTINGS }));
    expect(check.catalog).toEqual({ year: 2026, edition: 2025, source: 'book', note: '按2025年科目表校验；未内置2026年科目表' });
  });
});
