import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_YEARS, CatalogDataFile, getCatalog, isCodeShape, kindOfCode, levelOfCode, parentOfCode } from '../../src/core/catalog';

const gen = require('./tools/genCatalogData.js');

const DATA = path.join(__dirname, '..', '..', 'src', 'core', 'catalog', 'data');
const files: Record<string, CatalogDataFile> = Object.fromEntries(
  fs
    .readdirSync(DATA)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8'))]),
);

describe('catalog data files', () => {
  test('the four data files exist, each with a source note', () => {
    expect(Object.keys(files).sort()).toEqual(['economic.json', 'function-2024.json', 'function-2025.json', 'income-110.json']);
    for (const f of Object.values(files)) {
      expect(f.source.length).toBeGreaterThan(40);
      expect(f.entries.length).toBeGreaterThan(50);
    }
  });

  test('the JSON is what the outlines expand to (regenerate with tests/catalog/tools/genCatalogData.js)', () => {
    const built = gen.build();
    for (const [name, obj] of Object.entries(built)) {
      expect(gen.serialize(obj)).toBe(fs.readFileSync(path.join(DATA, name), 'utf8'));
    }
  });

  test.each(Object.keys(files))('%s: code lengths, parents, no duplicates, names', (name) => {
    const f = files[name];
    const codes = new Set<string>();
    for (const e of f.entries) {
      expect(e.code).toMatch(/^\d+$/);
      expect([3, 5, 7, 9]).toContain(e.code.length);
      expect(isCodeShape(e.code)).toBe(true);
      expect(codes.has(e.code)).toBe(false);
      codes.add(e.code);
      expect(e.name.trim()).toBe(e.name);
      expect(e.name.length).toBeGreaterThan(0);
      expect(e.name).not.toMatch(/^\d/);
    }
    for (const code of codes) {
      const p = parentOfCode(code);
      if (p) expect({ code, parentPresent: codes.has(p) }).toEqual({ code, parentPresent: true });
    }
  });

  test('economic: every 部门 款 maps to an existing 政府 款; 5xx codes carry no mapping', () => {
    const eco = files['economic.json'];
    const codes = new Set(eco.entries.map((e) => e.code));
    for (const e of eco.entries) {
      if (e.code.startsWith('3') && e.code.length === 5) {
        expect(e.mapsTo).toMatch(/^5\d{4}$/);
        expect(codes.has(e.mapsTo!)).toBe(true);
        for (const m of e.mapsAlso ?? []) expect(codes.has(m)).toBe(true);
      } else {
        expect(e.mapsTo).toBeUndefined();
      }
    }
    const lei = eco.entries.filter((e) => e.code.length === 3).map((e) => e.code);
    expect(lei).toEqual(['301', '302', '303', '307', '309', '310', '311', '312', '313', '399', '501', '502', '503', '504', '505', '506', '507', '508', '509', '510', '511', '512', '513', '514', '599']);
  });
});

describe('facts the seeds and the Ministry rely on', () => {
  const cat = getCatalog(2025);
  const name = (c: string) => cat.get(c)?.name;

  test('every 类 of the 支出功能分类', () => {
    const lei = cat
      .entries()
      .filter((e) => e.kind === 'function' && e.level === '类')
      .map((e) => e.code);
    expect(lei).toEqual(
      ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214', '215', '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234'],
    );
    expect(name('227')).toBe('预备费');
    expect(name('230')).toBe('转移性支出');
    expect(name('215')).toBe('资源勘探工业信息等支出');
  });

  test.each([
    ['2050803', '培训支出'],
    ['2080501', '行政单位离退休'],
    ['2080505', '机关事业单位基本养老保险缴费支出'],
    ['2080506', '机关事业单位职业年金缴费支出'],
    ['2080699', '其他企业改革发展补助'],
    ['2101101', '行政单位医疗'],
    ['2101102', '事业单位医疗'],
    ['2101103', '公务员医疗补助'],
    ['2101199', '其他行政事业单位医疗支出'],
    ['2101501', '行政运行'],
    ['2101502', '一般行政管理事务'],
    ['2101503', '机关服务'],
    ['2101504', '信息化建设'],
    ['2101505', '医疗保障政策管理'],
    ['2101506', '医疗保障经办事务'],
    ['2210201', '住房公积金'],
    ['21015', '医疗保障管理事务'],
    ['20805', '行政事业单位养老支出'],
    ['2010101', '行政运行'],
    ['2010150', '事业运行'],
    ['2010199', '其他人大事务支出'],
    ['2130104', '事业运行'],
    ['30207', '邮电费'],
    ['31002', '办公设备购置'],
    ['30902', '办公设备购置'],
    ['50201', '办公经费'],
    ['50306', '设备购置'],
    ['51301', '上下级政府间转移性支出'],
    ['50299', '其他商品和服务支出'],
    ['1100249', '医疗卫生共同财政事权转移支付收入'],
    ['11002', '一般性转移支付收入'],
    ['110', '转移性收入'],
  ])('%s %s', (code, n) => {
    expect(name(code)).toBe(n);
  });

  test.each([
    [['30201', '30202', '30204', '30205', '30206', '30207', '30208', '30209', '30211', '30214', '30228', '30229', '30239', '30240'], '50201'],
    [['30203', '30226', '30227'], '50205'],
    [['30106', '30114', '30199'], '50199'],
    [['30107'], '50501'],
    [['30215'], '50202'],
    [['30216'], '50203'],
    [['30101', '30102', '30103'], '50101'],
    [['31002'], '50306'],
  ])('部门 %p → 政府 %s', (codes, gov) => {
    for (const c of codes) expect(cat.get(c)?.mapsTo).toBe(gov);
  });

  test('2024 and 2025 editions are both built in; other years fall back to the nearest earlier edition', () => {
    expect(BUILTIN_YEARS).toEqual([2024, 2025]);
    expect(getCatalog(2026).functionEdition).toBe(2025);
    expect(getCatalog(2023).functionEdition).toBe(2024);
    expect(getCatalog(2024).get('2101501')?.name).toBe('行政运行');
  });

  test('mid-year amendments: 财预〔2024〕22号 in both editions, 财预〔2025〕41号 in 2025 only', () => {
    const y24 = getCatalog(2024);
    for (const c of [y24, cat]) {
      expect(c.get('22006')?.name).toBe('耕地保护考核奖惩基金支出');
      expect(c.get('2300412')?.name).toBe('自然资源海洋气象等');
      expect(c.get('1030182')?.name).toBe('耕地保护考核奖惩基金收入');
      expect(c.get('1100412')?.parent).toBe('11004');
    }
    expect(cat.get('2170404')?.name).toBe('中央金融机构注资特别国债支出');
    expect(cat.get('22911')?.name).toBe('中央金融机构注资特别国债财务基金支出');
    expect(cat.get('23107')?.name).toBe('中央金融机构注资特别国债还本支出');
    expect(cat.get('1030184')).toBeDefined();
    for (const c of ['2170404', '22911', '23107', '1030184']) expect(y24.get(c)).toBeUndefined();
  });

  test('21305 carries its 2024 name; the earlier name is still accepted by the checks', () => {
    expect(name('21305')).toBe('巩固脱贫攻坚成果衔接乡村振兴');
    expect(name('2130550')).toBe('事业运行');
  });

  test('levels and kinds come from the code', () => {
    expect(levelOfCode('210')).toBe('类');
    expect(levelOfCode('1100249')).toBe('项');
    expect(levelOfCode('110024901')).toBe('目');
    expect(kindOfCode('30207')).toBe('economic-dept');
    expect(kindOfCode('50201')).toBe('economic-gov');
    expect(cat.path('2101501').map((e) => e.code)).toEqual(['210', '21015', '2101501']);
    expect(cat.pathText('2101501')).toBe('210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行');
  });
});
