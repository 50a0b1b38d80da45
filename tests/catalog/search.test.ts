import { getCatalog, searchCatalog } from '../../src/core/catalog';

const cat = getCatalog(2025);
const codes = (q: string, limit = 10) => searchCatalog(cat, q, { limit }).map((h) => h.entry.code);

describe('catalog search', () => {
  test('code prefix: the exact code first, then its children in order', () => {
    const hits = searchCatalog(cat, '21015');
    expect(hits[0].entry.code).toBe('21015');
    expect(hits.slice(1, 8).map((h) => h.entry.code)).toEqual(['2101501', '2101502', '2101503', '2101504', '2101505', '2101506', '2101550']);
    expect(hits.every((h) => h.entry.code.startsWith('21015'))).toBe(true);
    expect(hits[1].path).toBe('210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行');
    expect(hits[0].match).toBe('code');
  });

  test('a code typed with its name finds the code', () => {
    expect(codes('2101501 行政运行')[0]).toBe('2101501');
    expect(codes('３０２０７')[0]).toBe('30207');
  });

  test('words of the name: the 款 named by the words ranks first, then its 项', () => {
    const top = codes('医疗保障', 6);
    expect(top[0]).toBe('21015');
    expect(top).toContain('2101505');
    expect(top).toContain('2101506');
  });

  test('several words narrow down through the parent names', () => {
    expect(codes('医疗保障 行政运行')[0]).toBe('2101501');
    expect(codes('人大 行政运行')[0]).toBe('2010101');
  });

  test('pinyin initials', () => {
    expect(codes('ylbz')[0]).toBe('21015');
    expect(codes('bgf')).toContain('30201');
    expect(codes('YDF')[0]).toBe('30207');
    expect(codes('ylwsgtczsqzyzfsr')[0]).toBe('1100249');
  });

  test('full pinyin', () => {
    expect(codes('youdianfei')[0]).toBe('30207');
  });

  test('nothing for nonsense, empty for an empty query', () => {
    expect(codes('不存在的科目名')).toEqual([]);
    expect(codes('   ')).toEqual([]);
    expect(codes('9')).toEqual([]);
  });

  test('limit and kinds', () => {
    expect(searchCatalog(cat, '2', { limit: 7 })).toHaveLength(7);
    const eco = searchCatalog(cat, '办公', { kinds: ['economic-gov'] });
    expect(eco.map((h) => h.entry.code)).toEqual(['50201']);
  });

  // Speed (under 20 ms per query over the full catalog) is measured by `npm run bench catalog`.
  test('every kind of query searches the whole catalog, ranked with the closest match first', () => {
    for (const [q, first] of [
      ['2101', '21011'],
      ['行政运行', '2010101'],
      ['ylbz', '21015'],
      ['qt', '229'],
    ] as const) {
      const hits = searchCatalog(cat, q, { limit: 1000 });
      expect(hits.length).toBeGreaterThan(1);
      expect(hits[0].entry.code).toBe(first);
    }
    expect(searchCatalog(cat, '支出', { limit: 5000 }).length).toBeGreaterThan(300);
  });
});
