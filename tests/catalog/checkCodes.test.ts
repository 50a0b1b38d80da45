import * as path from 'path';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { Grid, gridFromRows, CellValue } from '../../src/core/grid';
import { checkCodes, CatalogLibrary } from '../../src/core/catalog';
import { checkSheet } from '../../src/core/engine';
import { DEFAULT_SETTINGS, Finding } from '../../src/core/types';
import { parseA1 } from '../../src/core/grid/address';
import { SHARED_FIXTURES } from '../sharedFixtures';

const FIXTURES = SHARED_FIXTURES;
const settings = DEFAULT_SETTINGS;

async function sheets(file: string): Promise<Grid[]> {
  return (await readXlsxFile(path.join(FIXTURES, file))).sheets;
}

/** A copy of a grid with some cells changed: edits maps A1 → new value. */
function edited(grid: Grid, edits: Record<string, CellValue>): Grid {
  const rows: CellValue[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    rows.push([]);
    for (let c = 0; c < grid.colCount; c++) rows[r].push(grid.cell(r, c)?.value ?? null);
  }
  for (const [a1, v] of Object.entries(edits)) {
    const { row, col } = parseA1(a1);
    while (rows.length <= row) rows.push([]);
    rows[row][col] = v;
  }
  return gridFromRows(grid.name, rows, [...grid.merges]);
}

const codeFindings = (fs: Finding[]) => fs.filter((f) => f.rule.startsWith('code.'));

describe('code checks on the fixtures', () => {
  test.each(['seed001-issued.xlsx', 'seed003-allocation.xlsx', 'seed004-department-budget.xlsx'])('%s: no code.* findings on correct codes', async (file) => {
    for (const g of await sheets(file)) {
      expect({ sheet: g.name, findings: checkCodes(g, [], settings) }).toEqual({ sheet: g.name, findings: [] });
      // Through the whole engine too (with whatever tables the layout engine detects).
      expect({ sheet: g.name, findings: codeFindings(checkSheet(g, settings).findings) }).toEqual({ sheet: g.name, findings: [] });
    }
  });

  test('the 2024 catalog year also gives no findings on seed004', async () => {
    for (const g of await sheets('seed004-department-budget.xlsx')) expect(checkCodes(g, [], { ...settings, catalogYear: 2024 })).toEqual([]);
  });
});

describe('planted errors in the 下达表 (seed001)', () => {
  let xd: Grid;
  beforeAll(async () => {
    xd = (await sheets('seed001-issued.xlsx')).find((g) => g.name === '下达表')!;
  });

  test('a wrong name on a function code', () => {
    const fs = checkCodes(edited(xd, { B5: '2101501 一般行政管理事务' }), [], settings);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.name', cell: 'B5', expected: '行政运行', actual: '一般行政管理事务', sheet: '下达表' });
    expect(fs[0].message).toContain('行政运行');
    expect(fs[0].message).toContain('2101502');
  });

  test('spaces and full width are forgiven, a different word is not', () => {
    expect(checkCodes(edited(xd, { B5: '２１０１５０１　行 政 运 行', C5: '30207 邮电费 ' }), [], settings)).toEqual([]);
    expect(checkCodes(edited(xd, { C5: '30207 邮寄费' }), [], settings).map((f) => [f.rule, f.cell])).toEqual([['code.name', 'C5']]);
  });

  test('an unknown code', () => {
    const fs = checkCodes(edited(xd, { B6: '2101599 行政运行', D6: '50299其他商品和服务支出', B4: '2109901 不存在的科目' }), [], settings);
    const unknown = fs.filter((f) => f.rule === 'code.unknown');
    expect(unknown.map((f) => f.cell)).toEqual(['B4']);
    // 2101599 exists (其他医疗保障管理事务支出): that is a name error, and 30206 → 50299 breaks the mapping.
    expect(fs.map((f) => [f.rule, f.cell]).sort()).toEqual([
      ['code.mapping', 'D6'],
      ['code.name', 'B6'],
      ['code.unknown', 'B4'],
    ]);
  });

  test('a 项 under the wrong 款: 行政运行 written with 款 21011', () => {
    const fs = checkCodes(edited(xd, { B5: '2101101 行政运行' }), [], settings);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.parent', cell: 'B5', actual: '2101101' });
    expect(fs[0].message).toContain('21011 行政事业单位医疗');
    expect(fs[0].message).toContain('2101501 行政运行');
  });

  test('部门 economic code that does not map to the 政府 code', () => {
    const fs = checkCodes(edited(xd, { D5: '50306 设备购置' }), [], settings);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.mapping', cell: 'D5', expected: '50201', actual: '50306', parts: ['C5'] });
    expect(fs[0].message).toContain('30207 邮电费');
    expect(fs[0].message).toContain('50201 办公经费');
  });

  test('事业单位 mapping is accepted too', () => {
    expect(checkCodes(edited(xd, { D5: '50502 商品和服务支出' }), [], settings)).toEqual([]);
  });
});

describe('planted errors in the department budget tables (seed004)', () => {
  let t3: Grid;
  let t1: Grid;
  beforeAll(async () => {
    const all = await sheets('seed004-department-budget.xlsx');
    t3 = all.find((g) => g.name.startsWith('表3'))!;
    t1 = all.find((g) => g.name.startsWith('表1'))!;
  });

  test('a wrong name in the name column of split 类/款/项 rows', () => {
    const fs = checkCodes(edited(t3, { D22: '行政运转' }), [], settings);
    expect(fs).toEqual([expect.objectContaining({ rule: 'code.name', cell: 'D22', expected: '行政运行', actual: '行政运转' })]);
  });

  test('a 项 put under the wrong 款 (its code does not exist there)', () => {
    // 医疗保障政策管理 is 2101505; written as 210 | 11 | 05 it sits under 21011 行政事业单位医疗.
    const fs = checkCodes(edited(t3, { B26: '11' }), [], settings);
    const parent = fs.filter((f) => f.rule === 'code.parent');
    expect(parent).toHaveLength(1);
    expect(parent[0]).toMatchObject({ cell: 'C26', expected: '2101505', actual: '2101105' });
    expect(parent[0].message).toContain('21015');
  });

  test('a 项 whose 款 cell is wrong but whose code exists: one code.parent finding', () => {
    // 210 | 11 | 01 行政运行 inside the 21015 block: 2101101 is 行政单位医疗.
    const fs = checkCodes(edited(t3, { B22: '11' }), [], settings);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([['code.parent', 'C22']]);
    expect(fs[0].expected).toBe('2101501');
  });

  test('a 项 row listed in another 款 block', () => {
    // Row 20 (210 11 99 其他行政事业单位医疗支出) moved below the 21015 rows: it follows 2101506.
    const fs = checkCodes(
      edited(t3, {
        A20: '210', B20: '15', C20: '06', D20: '医疗保障经办事务',
        A27: '210', B27: '11', C27: '99', D27: '其他行政事业单位医疗支出',
      }),
      [],
      settings,
    );
    const parent = fs.filter((f) => f.rule === 'code.parent');
    expect(parent.map((f) => f.cell)).toEqual(['C20', 'C27']);
    expect(parent[1].message).toContain('21015');
    expect(parent[1].message).toContain('21011');
  });

  test('a 款 whose code is not in the catalog: the 项 rows under it are its consequences, with their right codes', () => {
    const g = edited(t3, { B16: '19', B17: '19', B18: '19', B19: '19', B20: '19' });
    const fs = checkCodes(g, [], settings);
    expect(fs.some((f) => f.rule === 'code.unknown' && f.cell === 'B16' && !f.derivedFrom)).toBe(true);
    const under = fs.filter((f) => f.derivedFrom === 'B16');
    expect(under.map((f) => f.cell)).toEqual(['C17', 'C18', 'C19', 'C20']);
    for (const f of under) {
      expect(f.rule).toBe('code.unknown');
      // 210 | 19 | 01 行政单位医疗 → 2101101: the right 款 comes from the 款 row's name, the 项 digits stay.
      expect(f.expected).toBe(`21011${f.actual!.slice(5)}`);
      expect(f.message).toContain('所在的款 21019 不在科目表中（见 B16）');
    }
    expect(fs.filter((f) => !f.derivedFrom).map((f) => f.cell)).toEqual(['B16']);
  });

  test('a 款 row with another 款’s name: the 项 rows under it follow it when their names fit there', () => {
    const g = gridFromRows('表', [
      ['科目编码', '科目名称', '金额'],
      ['213', '农林水支出', 100],
      ['21371', '林业和草原', 100],
      ['2137101', '行政运行', 60],
      ['2137102', '一般行政管理事务', 40],
    ]);
    const fs = checkCodes(g, [], settings);
    expect(fs.map((f) => [f.rule, f.cell, f.derivedFrom, f.expected])).toEqual([
      ['code.name', 'B3', undefined, expect.any(String)],
      ['code.parent', 'A4', 'B3', '2130201'],
      ['code.parent', 'A5', 'B3', '2130202'],
    ]);
  });

  test('a 项 whose last digits are off under the right 款: the code under that 款 is given, not another 款', () => {
    const g = gridFromRows('表', [
      ['科目编码', '科目名称', '金额'],
      ['20128', '民主党派及工商联事务', 10],
      ['2012891', '行政运行', 10],
    ]);
    const fs = checkCodes(g, [], settings);
    expect(fs).toEqual([expect.objectContaining({ rule: 'code.unknown', cell: 'A3', expected: '2012801' })]);
    expect(fs[0].derivedFrom).toBeUndefined();
  });

  test('类 names written inline: a different name is caught, 支出 left off is not', () => {
    expect(checkCodes(edited(t1, { C9: '205教育' }), [], settings)).toEqual([]);
    const fs = checkCodes(edited(t1, { C12: '208社会保险基金支出' }), [], settings);
    expect(fs).toEqual([expect.objectContaining({ rule: 'code.name', cell: 'C12', expected: '社会保障和就业支出' })]);
  });

  test('a code column with its name column (科目编码 | 科目名称) and hierarchy rows', () => {
    const g = gridFromRows('表', [
      ['科目编码', '科目名称', '金额'],
      ['210', '卫生健康支出', 100],
      ['21011', '行政事业单位医疗', 40],
      ['2101101', '行政单位医疗', 40],
      ['2101501', '行政运行', 60],
      ['21015', '医疗保障管理事务', 60],
      ['2101502', '一般行政管理事务', 0],
    ]);
    const fs = checkCodes(g, [], settings);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([['code.parent', 'A5']]);
    expect(fs[0].message).toContain('21011');
  });

  test('names of earlier editions are reported as old names with the current one (疑似), not in their own years', () => {
    const g = gridFromRows('表', [
      ['科目编码', '科目名称'],
      ['21305', '巩固脱贫衔接乡村振兴'],
      ['2130599', '其他巩固脱贫衔接乡村振兴支出'],
      ['207', '文化体育与传媒支出'],
      ['210', '医疗卫生与计划生育支出'],
    ]);
    const found = checkCodes(g, [], settings);
    expect(found.map((f) => [f.cell, f.rule, f.severity, f.expected])).toEqual([
      ['B2', 'code.name', 'warning', '巩固脱贫攻坚成果衔接乡村振兴'],
      ['B3', 'code.name', 'warning', '其他巩固脱贫攻坚成果衔接乡村振兴支出'],
      ['B4', 'code.name', 'warning', '文化旅游体育与传媒支出'],
      ['B5', 'code.name', 'warning', '卫生健康支出'],
    ]);
    expect(found[3].message).toBe('B5：“医疗卫生与计划生育支出”是科目 210 的旧名称，现行名称为“卫生健康支出”。');
    // A 2023 book still had 巩固脱贫衔接乡村振兴; a 2018 one 文化体育与传媒支出 and 医疗卫生与计划生育支出.
    expect(checkCodes(g, [], { ...settings, catalogYear: 2023 }).map((f) => f.cell)).toEqual(['B4', 'B5']);
    expect(checkCodes(g, [], { ...settings, catalogYear: 2018 })).toEqual([]);
  });

  test('numbers that are not codes are left alone', () => {
    const g = gridFromRows('说明', [
      ['指标', '指标值'],
      ['覆盖人数', '100万元'],
      ['110 指挥中心建设', '≥2次'],
      ['时长', '365天'],
    ]);
    expect(checkCodes(g, [], settings)).toEqual([]);
  });

  test('imported names are accepted, and a code only in another year is a warning', () => {
    const lib = new CatalogLibrary([{ year: 2026, mode: 'extend', entries: [{ code: '2101507', name: '新设科目' }] }]);
    const g = gridFromRows('下达表', [
      ['支出功能分类科目', '金额'],
      ['2101507 新设科目', 1],
      ['2101501 行政运行', 2],
    ]);
    expect(checkCodes(g, [], { ...settings, catalogYear: 2026 }, lib)).toEqual([]);
    const fs = checkCodes(g, [], { ...settings, catalogYear: 2025 }, lib);
    expect(fs).toEqual([expect.objectContaining({ rule: 'code.unknown', severity: 'warning', cell: 'A2' })]);
  });
});

describe('code checks on a large sheet', () => {
  // Speed is measured by `npm run bench catalog`; this checks the result on a sheet that size.
  test('50,000 rows of codes and names are checked, and the one wrong mapping is found', () => {
    const rows: CellValue[][] = [['单位名称', '支出功能分类科目', '部门预算经济科目', '政府预算经济科目', '金额']];
    for (let i = 0; i < 50_000; i++) rows.push([`单位${i}`, '2101501 行政运行', '30207 邮电费', '50201 办公经费', i]);
    rows[40_001][3] = '50306 设备购置';
    const fs = checkCodes(gridFromRows('明细', rows), [], settings);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([['code.mapping', 'D40002']]);
  });
});

describe('findings graded by the provenance of the catalog', () => {
  const y2025 = { ...settings, catalogYear: 2025 };
  const codeFindings = (rows: CellValue[][], lib?: CatalogLibrary) =>
    checkCodes(gridFromRows('表', [['科目编码', '科目名称'], ...rows]), [], y2025, lib).map((f) => [f.cell, f.rule, f.severity]);

  test('a code missing from an unverified area is 疑似, and the message says how to settle it', () => {
    const lib = new CatalogLibrary();
    expect(lib.forYear(2025).verifiedArea('2010198')).toBe(false);
    const [f] = checkCodes(gridFromRows('表', [['科目编码', '科目名称'], ['2010198', '人大某事务']]), [], y2025, lib);
    expect([f.rule, f.severity]).toEqual(['code.unknown', 'warning']);
    expect(f.message).toBe('A2：2025年支出功能分类科目表中没有编码 2010198。内置的2025年科目表此处未经官方文件核对，导入财政部当年科目表即可确定。');
  });

  test('a code missing from an area every entry of which an official document confirms is an error', () => {
    // 20899 and its one 项 2089999 are printed in three 万里 budgets: 2089901, the old wrong number, is wrong.
    expect(codeFindings([['2089901', '其他社会保障和就业支出']])).toEqual([['A2', 'code.unknown', 'error']]);
    // The 302 款 the documents print are all confirmed: 30210 (the 福利院's renumbering) is wrong.
    expect(codeFindings([['30210', '车辆运行费']])).toEqual([['A2', 'code.unknown', 'error']]);
    // Every function 类 is printed in some document: 228 is no 类. Not every 部门经济分类 类 is: 398 is 疑似.
    expect(codeFindings([['228', '某支出']])).toEqual([['A2', 'code.unknown', 'error']]);
    expect(codeFindings([['398', '某支出']])).toEqual([['A2', 'code.unknown', 'warning']]);
  });

  test('a name differing from a confirmed entry is an error, from an unverified one 疑似', () => {
    expect(codeFindings([['30202', '咨询费']])).toEqual([['B2', 'code.name', 'error']]);
    expect(codeFindings([['2060301', '应用研究机构']])).toEqual([['B2', 'code.name', 'warning']]);
  });

  test('an imported edition is the Ministry’s own: every finding against it is an error', () => {
    const lib = new CatalogLibrary([{ year: 2025, mode: 'extend', entries: [{ code: '2060301', name: '机构运行' }] }]);
    expect(codeFindings([['2060301', '应用研究机构'], ['2060398', '某项']], lib)).toEqual([
      ['B2', 'code.name', 'error'],
      ['A3', 'code.unknown', 'error'],
    ]);
  });

  test('text across split 类/款/项 columns is a label, not a code', () => {
    const g = gridFromRows('表', [
      ['类', '款', '项', '科目名称', '金额'],
      ['208', '', '', '社会保障和就业支出', 1],
      ['208', '99', '', '其他社会保障和就业支出', 1],
      ['208', '99', '99', '其他社会保障和就业支出', 1],
      ['合计', '合计', '合计', '合计', 1],
      ['无', '', '', '', ''],
      ['公用经费合计', '', '', '', 1],
      ['2O8', '', '', '社会保障和就业支出', 1],
    ]);
    expect(checkCodes(g, [], y2025).map((f) => [f.cell, f.message])).toEqual([['A8', 'A8：类编码“2O8”不是数字。']]);
  });
});

describe('names official documents print in their narratives', () => {
  const y = { ...settings, catalogYear: 2025 };
  test('其它 for 其他 is the same word; 其他国土资源事务支出 is the old name of 2200199; 住房保障支出 for 22102 is wrong', () => {
    const g = gridFromRows('表', [
      ['科目编码', '科目名称'],
      ['2080599', '其它行政事业单位养老支出'],
      ['2200199', '其他国土资源事务支出'],
      ['22102', '住房保障支出'],
    ]);
    expect(checkCodes(g, [], y).map((f) => [f.cell, f.rule, f.severity])).toEqual([
      ['B3', 'code.name', 'warning'],
      ['B4', 'code.name', 'error'],
    ]);
  });
});
