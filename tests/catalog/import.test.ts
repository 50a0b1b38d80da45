import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { gridFromRows } from '../../src/core/grid';
import { CatalogLibrary, getCatalog, parseCatalogGrid } from '../../src/core/catalog';
import { runCatalogImport } from '../../src/cli/catalogImport';
import { runCodes } from '../../src/cli/codes';
import type { CliIO } from '../../src/cli/io';

function captured(env: Record<string, string | undefined>, cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd,
    env,
    out: () => out,
    err: () => err,
  };
}

async function writeXlsx(file: string, rows: (string | number | null)[][], sheet = '支出功能分类科目'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe('parsing the Ministry spreadsheet (pure, over Grids)', () => {
  const base = getCatalog(2025);

  test('科目编码 | 科目名称 columns, with a title above and a note below', () => {
    const g = gridFromRows('2026年支出功能分类科目', [
      ['2026年政府收支分类科目'],
      ['科目编码', '科目名称', '说明'],
      ['210', '卫生健康支出', ''],
      ['21015', '医疗保障管理事务', ''],
      [2101501, '  行政运行', ''],
      ['2101507', '医保基金监管', '新增'],
      [],
      ['注：本表为示例'],
    ]);
    const r = parseCatalogGrid([g], base);
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      { code: '210', name: '卫生健康支出' },
      { code: '21015', name: '医疗保障管理事务' },
      { code: '2101501', name: '行政运行' },
      { code: '2101507', name: '医保基金监管' },
    ]);
    expect(r.sheets).toEqual([{ name: '2026年支出功能分类科目', layout: 'code-name', rows: 4 }]);
  });

  test('类 | 款 | 项 columns with the parts written once (inherited below)', () => {
    const g = gridFromRows('科目', [
      ['类', '款', '项', '科目名称'],
      ['205', '', '', '教育支出'],
      ['', '08', '', '进修及培训'],
      ['', '', '03', '培训支出'],
      ['', '', 4, '退役士兵能力提升'],
      ['210', '', '', '卫生健康支出'],
      ['', 15, '', '医疗保障管理事务'],
      ['', '', '01', '行政运行'],
    ]);
    const r = parseCatalogGrid([g]);
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => e.code)).toEqual(['205', '20508', '2050803', '2050804', '210', '21015', '2101501']);
    expect(r.sheets[0].layout).toBe('split');
  });

  test('a parent the file leaves out may come from the built-in catalog', () => {
    const g = gridFromRows('科目', [
      ['科目编码', '科目名称'],
      ['2101507', '医保基金监管'],
    ]);
    expect(parseCatalogGrid([g], base).errors).toEqual([]);
    const alone = parseCatalogGrid([g]);
    expect(alone.entries).toEqual([]);
    expect(alone.errors.map((e) => e.row)).toEqual([2]);
  });

  test('a malformed file: every bad row reported, nothing returned', () => {
    const g = gridFromRows('科目', [
      ['科目编码', '科目名称'],
      ['210', '卫生健康支出'],
      ['2101', '长度不对'],
      ['21015', ''],
      ['21O15', '字母O'],
      ['210', '重复'],
      ['', '没有编码的科目'],
      ['9990101', '不是支出科目'],
      ['2109901', '上级不存在'],
    ]);
    const r = parseCatalogGrid([g]);
    expect(r.entries).toEqual([]);
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.errors[0].message).toContain('位数');
    expect(r.errors[1].message).toContain('没有名称');
    expect(r.errors[2].message).toContain('不是数字');
    expect(r.errors[3].message).toContain('第2行重复');
    expect(r.errors[4].message).toContain('没有科目编码');
    expect(r.errors[6].message).toContain('上级科目 21099');
  });

  test('a sheet without a recognizable header', () => {
    const r = parseCatalogGrid([gridFromRows('x', [['名称', '金额'], ['a', 1]])]);
    expect(r.entries).toEqual([]);
    expect(r.errors[0].message).toContain('找不到科目表的表头');
  });
});

describe('library imports', () => {
  test('extend adds and renames; replace drops the built-in codes of the imported kinds', () => {
    const lib = new CatalogLibrary();
    lib.addImport({ year: 2026, mode: 'extend', entries: [{ code: '2101507', name: '医保基金监管' }, { code: '2101501', name: '行政运行（新）' }] });
    const c = lib.forYear(2026);
    expect(c.get('2101507')?.origin).toBe('imported');
    expect(c.get('2101501')?.name).toBe('行政运行（新）');
    expect(c.get('2050803')?.name).toBe('培训支出');
    expect(lib.knownNames('2101501').size).toBe(2);

    lib.addImport({ year: 2026, mode: 'replace', entries: [{ code: '210', name: '卫生健康支出' }, { code: '30207', name: '邮电费' }] });
    const r = lib.forYear(2026);
    expect(r.get('2050803')).toBeUndefined();
    expect(r.get('210')).toBeDefined();
    // economic codes keep their mapping from the built-in data; income stays built-in
    expect(r.get('30207')?.mapsTo).toBe('50201');
    expect(r.get('30201')).toBeUndefined();
    expect(r.get('1100249')).toBeDefined();
    lib.removeImport(2026);
    expect(lib.forYear(2026).get('2050803')).toBeDefined();
  });
});

describe('jiaohe catalog import', () => {
  let dir: string;
  let env: Record<string, string | undefined>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-catalog-'));
    env = { JIAOHE_DATA_DIR: path.join(dir, 'data') };
  });
  afterEach(() => {
    // imports register on the shared library; forget them between tests
    require('../../src/core/catalog').setCatalogLibrary(new CatalogLibrary());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a good file is saved for its year and used by codes show', async () => {
    await writeXlsx(path.join(dir, 'km.xlsx'), [
      ['科目编码', '科目名称'],
      ['210', '卫生健康支出'],
      ['21015', '医疗保障管理事务'],
      ['2101507', '医保基金监管'],
    ]);
    const io = captured(env, dir);
    expect(await runCatalogImport(['km.xlsx', '--year', '2026'], io)).toBe(0);
    expect(io.out()).toContain('已导入 2026 年科目表：3 个科目（新增 1');
    const saved = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'catalog', '2026.json'), 'utf8'));
    expect(saved).toMatchObject({ year: 2026, mode: 'extend', file: 'km.xlsx' });

    require('../../src/core/catalog').setCatalogLibrary(new CatalogLibrary());
    const show = captured(env, dir);
    expect(await runCodes(['show', '2101507', '--year', '2026', '--format', 'json'], show)).toBe(0);
    expect(JSON.parse(show.out())).toEqual({
      code: '2101507',
      name: '医保基金监管',
      level: '项',
      parent: '21015',
      year: 2026,
      mapsTo: null,
      provenance: { status: 'imported', edition: 2026, documents: [] },
    });
    const other = captured(env, dir);
    expect(await runCodes(['show', '2101507', '--year', '2025'], other)).toBe(1);
    expect(other.err()).toContain('2026');
  });

  test('a malformed file is reported row by row and imports nothing', async () => {
    await writeXlsx(path.join(dir, 'bad.xlsx'), [
      ['科目编码', '科目名称'],
      ['210', '卫生健康支出'],
      ['21015', ''],
      ['2101', '长度不对'],
    ]);
    const io = captured(env, dir);
    expect(await runCatalogImport(['bad.xlsx', '--year', '2026'], io)).toBe(1);
    expect(io.err()).toContain('第3行');
    expect(io.err()).toContain('第4行');
    expect(io.err()).toContain('未导入任何科目');
    expect(fs.existsSync(path.join(dir, 'data', 'catalog', '2026.json'))).toBe(false);
  });

  test('usage errors and unreadable files', async () => {
    const io = captured(env, dir);
    expect(await runCatalogImport([], io)).toBe(2);
    expect(await runCatalogImport(['x.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('--year');
    expect(await runCatalogImport(['x.xlsx', '--year', '20x5'], io)).toBe(2);
    expect(await runCatalogImport(['missing.xlsx', '--year', '2026'], io)).toBe(2);
    expect(io.err()).toContain('文件不存在');
    fs.writeFileSync(path.join(dir, 'junk.xlsx'), 'not a zip');
    expect(await runCatalogImport(['junk.xlsx', '--year', '2026'], io)).toBe(2);
  });

  test('--replace keeps only the file for the imported kinds', async () => {
    await writeXlsx(path.join(dir, 'km.xlsx'), [
      ['类', '款', '项', '科目名称'],
      ['210', '', '', '卫生健康支出'],
      ['', '15', '', '医疗保障管理事务'],
      ['', '', '01', '行政运行'],
    ]);
    const io = captured(env, dir);
    expect(await runCatalogImport(['km.xlsx', '--year', '2027', '--replace'], io)).toBe(0);
    const s = captured(env, dir);
    expect(await runCodes(['show', '2050803', '--year', '2027'], s)).toBe(1);
    expect(await runCodes(['show', '2101501', '--year', '2027'], captured(env, dir))).toBe(0);
  });
});
