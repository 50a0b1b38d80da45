import * as os from 'os';
import * as path from 'path';
import { runCodes } from '../../src/cli/codes';
import { main } from '../../src/cli/main';
import { userDataDir } from '../../src/cli/catalogImport';
import type { CliIO } from '../../src/cli/io';

function io(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  // An empty data folder: only the built-in catalog.
  const env = { JIAOHE_DATA_DIR: path.join(os.tmpdir(), 'jiaohe-no-such-dir-for-tests') };
  return { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: process.cwd(), env, out: () => out, err: () => err };
}

describe('jiaohe codes show', () => {
  test('JSON object with exactly the documented keys', async () => {
    const c = io();
    expect(await runCodes(['show', '2101501', '--format', 'json'], c)).toBe(0);
    const obj = JSON.parse(c.out());
    expect(Object.keys(obj).sort()).toEqual(['code', 'level', 'mapsTo', 'name', 'parent', 'provenance', 'year']);
    expect(obj).toEqual({
      code: '2101501',
      name: '行政运行',
      level: '项',
      parent: '21015',
      year: 2025,
      mapsTo: null,
      provenance: {
        status: 'confirmed',
        edition: 2025,
        documents: [
          { id: 'seed001', title: '梁河县财政局下达2021年第二批中央医疗服务与保障能力提升补助资金的通知（附下达表）', year: 2021 },
          { id: 'seed004', title: '巴音郭楞蒙古自治州医疗保障局2023年部门预算公开', year: 2023 },
        ],
      },
    });
  });

  test('provenance: the official documents that print the entry, or unverified, or the import', async () => {
    const c = io();
    expect(await runCodes(['show', '2089999', '--format', 'json', '--year', '2024'], c)).toBe(0);
    expect(JSON.parse(c.out()).provenance).toEqual({
      status: 'confirmed',
      edition: 2024,
      documents: [
        { id: 'wanli-2023-bm', title: '上海市普陀区人民政府万里街道办事处2023年区级部门预算', year: 2023 },
        { id: 'wanli-2024-bm', title: '上海市普陀区人民政府万里街道办事处2024年区级部门预算', year: 2024 },
        { id: 'wanli-2025-bm', title: '上海市普陀区人民政府万里街道办事处2025年区级部门预算', year: 2025 },
      ],
    });
    const t = io();
    expect(await runCodes(['show', '2080208', '--year', '2026'], t)).toBe(0);
    expect(t.out()).toContain('年度：2026（按2025年科目表；未内置2026年科目表）');
    expect(t.out()).toContain('核对：未经官方文件核对（内置科目表凭开发者录入；导入财政部当年科目表即可确定）');
    const u = io();
    expect(await runCodes(['show', '2080206'], u)).toBe(0);
    expect(u.out()).toContain('核对：已由官方文件印证：上海市普陀区人民政府万里街道办事处2023年区级部门预算');
  });

  test('economic code: the mapped 政府 code', async () => {
    const c = io();
    expect(await runCodes(['show', '30207', '--format', 'json', '--year', '2024'], c)).toBe(0);
    expect(JSON.parse(c.out())).toEqual(expect.objectContaining({ code: '30207', name: '邮电费', level: '款', parent: '302', year: 2024, mapsTo: '50201' }));
    const t = io();
    expect(await runCodes(['show', '31002'], t)).toBe(0);
    expect(t.out()).toContain('对应政府预算经济分类：50306 设备购置');
  });

  test('text output in Chinese', async () => {
    const c = io();
    expect(await runCodes(['show', '210'], c)).toBe(0);
    expect(c.out()).toContain('编码：210');
    expect(c.out()).toContain('名称：卫生健康支出');
    expect(c.out()).toContain('级次：类');
    expect(c.out()).toContain('上级：（无）');
    expect(c.out()).toContain('年度：2025');
  });

  test('an unknown code: exit 1 and a Chinese message', async () => {
    const c = io();
    expect(await runCodes(['show', '2109876'], c)).toBe(1);
    expect(c.err()).toContain('没有编码 2109876');
    const d = io();
    expect(await runCodes(['show', 'abc'], d)).toBe(1);
    expect(d.err()).toContain('不是科目编码');
  });

  test('through the jiaohe dispatcher', async () => {
    const c = io();
    expect(await main(['codes', 'show', '1100249', '--format', 'json'], c)).toBe(0);
    expect(JSON.parse(c.out()).parent).toBe('11002');
  });
});

describe('jiaohe codes search', () => {
  test('JSON array best first', async () => {
    const c = io();
    expect(await runCodes(['search', '医疗保障', '--format', 'json'], c)).toBe(0);
    const arr = JSON.parse(c.out());
    expect(Array.isArray(arr)).toBe(true);
    expect(arr[0]).toEqual({ code: '21015', name: '医疗保障管理事务', level: '款', parent: '210', year: 2025, mapsTo: null });
    for (const o of arr) expect(Object.keys(o).sort()).toEqual(['code', 'level', 'mapsTo', 'name', 'parent', 'year']);
  });

  test('text lines carry the 类 › 款 › 项 path', async () => {
    const c = io();
    expect(await runCodes(['search', 'ylbz', '--limit', '3'], c)).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^21015\s+医疗保障管理事务\s+210 卫生健康支出 › 21015 医疗保障管理事务$/);
  });

  test('several words are one query', async () => {
    const c = io();
    expect(await runCodes(['search', '医疗保障', '行政运行', '--format=json'], c)).toBe(0);
    expect(JSON.parse(c.out())[0].code).toBe('2101501');
  });

  test('nothing found: exit 1', async () => {
    const c = io();
    expect(await runCodes(['search', '没有这个科目'], c)).toBe(1);
    expect(c.err()).toContain('没有与“没有这个科目”匹配的科目');
  });

  test('usage errors: exit 2', async () => {
    for (const args of [[], ['find', 'x'], ['search'], ['search', 'x', '--year', 'abc'], ['search', 'x', '--format', 'xml'], ['show', '210', '--bogus']]) {
      const c = io();
      expect({ args, code: await runCodes(args, c) }).toEqual({ args, code: 2 });
      expect(c.err().length).toBeGreaterThan(0);
    }
  });
});

describe('user data folder', () => {
  test('JIAOHE_DATA_DIR, then APPDATA, XDG_DATA_HOME, ~/.local/share', () => {
    expect(userDataDir({ JIAOHE_DATA_DIR: '/x' })).toBe('/x');
    expect(userDataDir({ APPDATA: '/a' })).toBe(path.join('/a', 'jiaohe'));
    expect(userDataDir({ XDG_DATA_HOME: '/d' })).toBe(path.join('/d', 'jiaohe'));
    expect(userDataDir({ HOME: '/h' })).toBe(path.join('/h', '.local', 'share', 'jiaohe'));
  });
});
