import { CatalogLibrary, chooseCatalog, yearOfBook, yearOfTitle } from '../../src/core/catalog';
import { checkBook, checkSheet } from '../../src/core/engine';
import { gridFromRows } from '../../src/core/grid';

describe('the year of a book', () => {
  test.each([
    ['2026年部门预算', 2026],
    ['上海市普陀区财政局2024年度部门决算', 2024],
    ['2024年预算单位收入预算总表', 2024],
    ['2026 年 部门收入预算总表', 2026],
    ['2025年区级部门预算', 2025],
    ['收入支出决算总表', undefined],
    ['下达2021年第二批中央医疗服务与保障能力提升补助资金', undefined],
    ['截至2024年底完成率', undefined],
  ])('%s → %s', (title, year) => {
    expect(yearOfTitle(title)).toBe(year);
  });

  test('the year most titles give, from sheet names and the top rows', () => {
    const a = gridFromRows('2026年部门收入预算总表', [['2026年部门收入预算总表'], ['单位：元']]);
    const b = gridFromRows('表2', [[''], ['', '2026年部门支出预算总表']]);
    const c = gridFromRows('说明', [['2025年部门预算执行情况说明']]);
    expect(yearOfBook([a, b, c])).toBe(2026);
    expect(yearOfBook([gridFromRows('表', [['项目', '金额']])])).toBeUndefined();
  });

  test('no year in the titles: a check that found code problems says which year it assumed; a clean one says nothing', () => {
    const rows = (code: string) => [['科目编码', '科目名称', '金额'], ['210', '卫生健康支出', 10], ['21015', '医疗保障管理事务', 10], [code, '行政运行', 10]];
    const wrong = checkSheet(gridFromRows('表', rows('2101591')));
    expect(wrong.findings.some((f) => f.rule === 'code.unknown')).toBe(true);
    expect(wrong.catalog).toMatchObject({ source: 'default', edition: 2025, note: '未能从表题确定年度，按2025年科目表校验' });
    expect(checkSheet(gridFromRows('表', rows('2101501'))).catalog?.note).toBeUndefined();
    expect(checkBook([gridFromRows('表', rows('2101591'))]).catalog.note).toBe('未能从表题确定年度，按2025年科目表校验');
    // A year in a title, or one asked for: no such note.
    expect(checkSheet(gridFromRows('2025年部门支出预算表', rows('2101591'))).catalog?.note).toBeUndefined();
    expect(checkSheet(gridFromRows('表', rows('2101591')), { catalogYear: 2025 }).catalog?.note).toBeUndefined();
  });

  test('no edition of its own: the nearest earlier one, said once', () => {
    const lib = new CatalogLibrary();
    expect(chooseCatalog(undefined, 2026, lib)).toEqual({ year: 2026, edition: 2025, source: 'book', note: '按2025年科目表校验；未内置2026年科目表' });
    expect(chooseCatalog(2024, 2026, lib)).toEqual({ year: 2024, edition: 2024, source: 'option' });
    expect(chooseCatalog(0, undefined, lib)).toEqual({ year: 2025, edition: 2025, source: 'default' });
    const imported = new CatalogLibrary([{ year: 2026, mode: 'extend', entries: [{ code: '2101507', name: '新设科目' }] }]);
    expect(chooseCatalog(undefined, 2026, imported)).toEqual({ year: 2026, edition: 2026, source: 'book' });
  });

  test('the engine (and so the pane) takes the year from the sheet title when none is set', () => {
    // 21305 was 巩固脱贫衔接乡村振兴 up to 2023: a 2023 table may use it, a 2025 one is told the current name.
    const rows = (year: number) => [[`${year}年部门支出预算表`], ['科目编码', '科目名称', '金额'], ['21305', '巩固脱贫衔接乡村振兴', 1]];
    const old = checkSheet(gridFromRows('表', rows(2023)));
    expect(old.catalog).toEqual({ year: 2023, edition: 2024, source: 'book', note: '按2024年科目表校验；未内置2023年科目表' });
    expect(old.findings.filter((f) => f.rule.startsWith('code.'))).toEqual([]);
    const now = checkSheet(gridFromRows('表', rows(2025)));
    expect(now.catalog?.source).toBe('book');
    expect(now.findings.filter((f) => f.rule.startsWith('code.')).map((f) => f.cell)).toEqual(['B3']);
    expect(checkSheet(gridFromRows('表', rows(2025)), { catalogYear: 2023 }).catalog?.source).toBe('option');
  });
});
