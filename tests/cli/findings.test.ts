/**
 * The command's handling of findings — text grouping, JSON, exit 1, batch summary by rule, annotated copies — with a
 * stand-in engine that reports fixed findings, so these tests do not depend on what the real engine detects.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Finding, TableSummary } from '../../src/core/types';
import { fixture, jiaohe, sha256, tempDir, expectOneLineReason } from './helpers';

jest.mock('../../src/core/engine', () => ({
  checkSheet: (grid: { name: string }, settings: unknown) => {
    mockSettingsSeen.push(settings);
    const r = mockReports[grid.name];
    if (r === 'throw') throw new Error('engine exploded');
    return { name: grid.name, tables: r?.tables ?? [], findings: r?.findings ?? [], detected: [] };
  },
  // No table of these stand-in reports has a role in a 预算/决算 book: no cross-table report.
  crossCheck: () => undefined,
}));

const mockSettingsSeen: unknown[] = [];

const ALLOCATION_TABLE: TableSummary = {
  range: 'A3:E12',
  kind: 'allocation',
  title: '2022年中央财政医疗服务与保障能力提升补助资金分配表',
  unit: '万元',
  headerRows: 2,
  totalRows: [12],
};

const finding = (f: Partial<Finding> & Pick<Finding, 'rule' | 'cell' | 'message'>): Finding => ({
  severity: 'error',
  sheet: '分配表',
  ...f,
});

const mockReports: Record<string, { tables: TableSummary[]; findings: Finding[] } | 'throw'> = {
  分配表: {
    tables: [ALLOCATION_TABLE],
    findings: [
      finding({ rule: 'sum.column', cell: 'B12', table: 0, expected: '429.99', actual: '430', parts: ['B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11'], message: '安康市合计 430.00 ≠ 各县区之和 429.99', rounding: true }),
      finding({ rule: 'sum.row', cell: 'B5', table: 0, expected: '150.5', actual: '150', parts: ['C5', 'D5'], message: '市医保局 合计 150.00 ≠ 分项之和 150.50' }),
      finding({ rule: 'sum.row', cell: 'B12', table: 0, expected: '430.01', actual: '430', parts: ['C12', 'D12'], message: '安康市合计 合计 430.00 ≠ 分项之和 430.01' }),
      finding({ rule: 'perf.goal-amounts', severity: 'warning', cell: 'D12', table: 0, message: '年度目标中的金额之和与年度金额不一致' }),
      finding({ rule: 'code.unknown', cell: 'E5', message: '编码 9999 不在科目表中', sheet: '别的名字' }),
    ],
  },
  下达表: { tables: [], findings: [] },
  '表10 三公经费': 'throw',
};

async function copyFixture(dir: string, name: string, as = name): Promise<string> {
  const f = path.join(dir, as);
  await fs.copyFile(fixture(name), f);
  return f;
}

describe('reports with findings', () => {
  it('text groups findings by sheet and table, in reading order, and exits 1', async () => {
    const r = await jiaohe(['check', fixture('seed003-allocation.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`文件：${fixture('seed003-allocation.xlsx')}`);
    // Its titles give no 预算/决算 year and it has a code finding: the year the codes were checked against is said.
    expect(lines.splice(1, 1)).toEqual(['科目表：未能从表题确定年度，按2025年科目表校验。']);
    expect(lines[1]).toBe('工作表「分配表」');
    expect(lines[2]).toBe('  表格 1：2022年中央财政医疗服务与保障能力提升补助资金分配表（A3:E12，资金分配表，单位：万元）');
    expect(lines[3]).toBe('    B5  错误  sum.row（行内合计不符）  市医保局 合计 150.00 ≠ 分项之和 150.50');
    expect(lines[4]).toBe('    B12  错误  sum.column（合计行不符）  安康市合计 430.00 ≠ 各县区之和 429.99（差额很小，疑似四舍五入所致）');
    expect(lines[5]).toMatch(/^ {4}B12 {2}错误 {2}sum\.row/);
    expect(lines[6]).toMatch(/^ {4}D12 {2}疑似 {2}perf\.goal-amounts/);
    expect(lines[7]).toBe('  表格之外：');
    expect(lines[8]).toMatch(/^ {4}E5 {2}错误 {2}code\.unknown/);
    expect(lines[9]).toBe('共发现 5 处问题（错误 4 处，疑似 1 处）');
    expect(lines).toHaveLength(10);
  });

  it('JSON carries the findings with DESIGN.md keys, optional keys absent', async () => {
    const r = await jiaohe(['check', fixture('seed003-allocation.xlsx'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.sheets[0].tables).toEqual([ALLOCATION_TABLE]);
    const [first, , , warning] = out.sheets[0].findings;
    expect(Object.keys(first)).toEqual(['rule', 'cell', 'severity', 'expected', 'actual', 'parts', 'message', 'rounding', 'table']);
    expect(first).toMatchObject({ rule: 'sum.column', cell: 'B12', expected: '429.99', actual: '430', parts: ['B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11'] });
    expect(Object.keys(warning)).toEqual(['rule', 'cell', 'severity', 'message', 'table']);
  });

  it('a batch summary counts files and findings by rule; an engine failure on one sheet gives exit 2', async () => {
    const r = await jiaohe(['check', fixture('seed003-allocation.xlsx'), fixture('seed001-issued.xlsx'), fixture('seed004-department-budget.xlsx')]);
    expect(r.code).toBe(2);
    expectOneLineReason(r.stderr, /seed004-department-budget\.xlsx：工作表 「表10 三公经费」 未能完成校核/);
    expect(r.stdout).toContain('工作表「表10 三公经费」\n  说明：校核此工作表时出现内部错误，未能完成：engine exploded');
    const summary = r.stdout.slice(r.stdout.indexOf('==== 批量校核汇总 ===='));
    expect(summary).toBe(
      [
        '==== 批量校核汇总 ====',
        '共 3 个文件：未发现问题 2 个，发现问题 1 个，无法校核 0 个',
        '发现问题的文件：',
        `  ${fixture('seed003-allocation.xlsx')}：共发现 5 处问题（错误 4 处，疑似 1 处）`,
        '问题合计 5 处，按规则：',
        '  sum.row（行内合计不符）：2 处',
        '  code.unknown（科目编码不存在）：1 处',
        '  perf.goal-amounts（年度目标金额不符）：1 处',
        '  sum.column（合计行不符）：1 处',
        '',
      ].join('\n'),
    );
  });
});

describe('settings options', () => {
  it('--tolerance, --weights and --year reach the engine as CheckSettings', async () => {
    mockSettingsSeen.length = 0;
    const r = await jiaohe(['check', fixture('seed001-issued.xlsx'), '--tolerance', '0.01', '--weights=90', '--year', '2024']);
    expect(r.code).toBe(0);
    expect(mockSettingsSeen).toEqual([{ tolerance: '0.01', weightsTotal: 90, catalogYear: 2024 }]);
    mockSettingsSeen.length = 0;
    await jiaohe(['check', fixture('seed001-issued.xlsx')]);
    // Without --year the file host gives the engine the book's year (its titles name none: the default 2025).
    expect(mockSettingsSeen).toEqual([{ catalogYear: 2025 }]);
  });
});

describe('--annotate', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('jiaohe-annotate-');
  });

  it('writes a copy with fills and notes on the finding cells and leaves the original byte for byte', async () => {
    const input = await copyFixture(dir, 'seed003-allocation.xlsx', '分配表.xlsx');
    const before = await sha256(input);
    const r = await jiaohe(['check', '分配表.xlsx', '--annotate', '标注.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('已写入标注副本：标注.xlsx（标注 4 个单元格）\n');
    expect(await sha256(input)).toBe(before);
    expect((await fs.readdir(dir)).sort()).toEqual(['分配表.xlsx', '标注.xlsx']); // no temp file left

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(dir, '标注.xlsx'));
    const ws = copy.getWorksheet('分配表')!;
    const fillOf = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const noteOf = (a: string) => {
      const n = ws.getCell(a).note as unknown;
      return typeof n === 'string' ? n : (n as { texts: { text: string }[] } | undefined)?.texts.map((t) => t.text).join('');
    };
    expect(fillOf('B12')).toBe('FFFFC7CE');
    expect(fillOf('B5')).toBe('FFFFC7CE');
    expect(fillOf('E5')).toBe('FFFFC7CE'); // found on this sheet even though the engine named another
    expect(fillOf('D12')).toBe('FFFFEB9C');
    expect(noteOf('B12')).toBe('校核：安康市合计 430.00 ≠ 各县区之和 429.99\n校核：安康市合计 合计 430.00 ≠ 分项之和 430.01');
    expect(noteOf('D12')).toBe('校核：年度目标中的金额之和与年度金额不一致');
    // Cells sharing a style with a marked cell keep their own fill (exceljs shares style objects).
    for (const a of ['B6', 'B11', 'C12', 'A12', 'C5']) {
      expect(fillOf(a)).not.toBe('FFFFC7CE');
      expect(noteOf(a)).toBeUndefined();
    }
    // Everything else is as it was: values, formats, merges.
    const ows = original.getWorksheet('分配表')!;
    ows.eachRow({ includeEmpty: true }, (row, n) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(ws.getRow(n).getCell(c).value).toEqual(cell.value);
        expect(ws.getRow(n).getCell(c).numFmt).toEqual(cell.numFmt);
      });
    });
    expect((ws.model as { merges: string[] }).merges.sort()).toEqual((ows.model as { merges: string[] }).merges.sort());
  });

  it('keeps a note the cell already had and adds ours below it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture('seed003-allocation.xlsx'));
    wb.getWorksheet('分配表')!.getCell('B12').note = '原有批注：据财政厅文件';
    const input = path.join(dir, 'noted.xlsx');
    await wb.xlsx.writeFile(input);
    const r = await jiaohe(['check', input, '--annotate', path.join(dir, 'noted-out.xlsx')]);
    expect(r.code).toBe(1);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(dir, 'noted-out.xlsx'));
    const note = copy.getWorksheet('分配表')!.getCell('B12').note as unknown;
    const text = typeof note === 'string' ? note : (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
    expect(text).toBe('原有批注：据财政厅文件\n校核：安康市合计 430.00 ≠ 各县区之和 429.99\n校核：安康市合计 合计 430.00 ≠ 分项之和 430.01');
  });

  it('refuses to overwrite the original, however it is named', async () => {
    const input = await copyFixture(dir, 'seed003-allocation.xlsx', 'book.xlsx');
    await fs.symlink(input, path.join(dir, 'link.xlsx'));
    const before = await sha256(input);
    for (const out of ['book.xlsx', './book.xlsx', path.join(dir, 'book.xlsx'), 'link.xlsx', '{name}.xlsx']) {
      const r = await jiaohe(['check', 'book.xlsx', '--annotate', out], dir);
      expect(r.code).toBe(2);
      expectOneLineReason(r.stderr, /不能覆盖原文件/);
      expect(await sha256(input)).toBe(before);
    }
  });

  it('with several files needs a folder or a {name} template', async () => {
    const a = await copyFixture(dir, 'seed003-allocation.xlsx', 'a.xlsx');
    const b = await copyFixture(dir, 'seed001-issued.xlsx', 'b.xlsx');
    const single = await jiaohe(['check', a, b, '--annotate', path.join(dir, 'out.xlsx')], dir);
    expect(single.code).toBe(2);
    expect(single.stdout).toBe('');
    expect(single.stderr.split('\n')[0]).toMatch(/须为文件夹.*\{name\}/);

    const toFolder = await jiaohe(['check', 'a.xlsx', 'b.xlsx', '--annotate', 'marked/'], dir);
    expect(toFolder.code).toBe(1);
    expect((await fs.readdir(path.join(dir, 'marked'))).sort()).toEqual(['a-校核.xlsx', 'b-校核.xlsx']);

    const template = await jiaohe(['check', 'a.xlsx', 'b.xlsx', '--annotate', 'marked/{name}.checked.xlsx'], dir);
    expect(template.code).toBe(1);
    expect(template.stderr).toContain('已写入标注副本：marked/a.checked.xlsx（标注 4 个单元格）');
    expect(template.stderr).toContain('已写入标注副本：marked/b.checked.xlsx（标注 0 个单元格）');

    await fs.mkdir(path.join(dir, 'other'));
    await fs.copyFile(a, path.join(dir, 'other', 'a.xlsx'));
    const clash = await jiaohe(['check', 'a.xlsx', 'other/a.xlsx', '--annotate', 'marked/'], dir);
    expect(clash.code).toBe(2); // two inputs cannot share one copy: refused before any work
    expect(clash.stdout).toBe('');
    expect(clash.stderr.split('\n')[0]).toMatch(/a\.xlsx 与 other\/a\.xlsx 的标注副本都会写到/);
  });

  it('a copy that cannot be written is a one-line failure with exit 2', async () => {
    const input = await copyFixture(dir, 'seed003-allocation.xlsx', 'book.xlsx');
    const r = await jiaohe(['check', input, '--annotate', path.join(dir, 'no', 'such', 'folder', 'out.xlsx')]);
    expect(r.code).toBe(2);
    expectOneLineReason(r.stderr, /无法写入标注副本（输出文件夹不存在）/);
    const wrongExt = await jiaohe(['check', input, '--annotate', path.join(dir, 'out.xls')]);
    expect(wrongExt.code).toBe(2);
    expectOneLineReason(wrongExt.stderr, /须保存为 \.xlsx/);
  });
});
