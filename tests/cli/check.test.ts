import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { expectOneLineReason, fixture, jiaohe, tempDir } from './helpers';
import { expectedMismatches } from '../sharedFixtures';

/** A Compound File Binary container with the given stream names in its directory sector (what Office writes). */
function cfbContainer(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const off = i * 128;
    dir.write(name, off, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, off + 64);
    dir[off + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, dir, Buffer.alloc(1024, 0x5a)]);
}

async function writeBook(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('jiaohe check: arguments', () => {
  it('prints help with exit 0', async () => {
    const r = await jiaohe(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--annotate');
  });

  it.each([
    [[], /请给出/],
    [['a.xlsx', '--format', 'xml'], /--format/],
    [['a.xlsx', '--frobnicate'], /未知选项/],
    [['a.xlsx', '--sheet'], /缺少取值/],
    [['a.xlsx', '--weights', '80'], /--weights/],
    [['a.xlsx', '--year', '25'], /--year/],
    [['a.xlsx', '--tolerance', 'abc'], /--tolerance/],
  ])('rejects bad usage %j with exit 2 and a Chinese reason', async (args, reason) => {
    const r = await jiaohe(['check', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(reason as RegExp);
  });

  it('accepts --format=json and --sheet=NAME forms', async () => {
    const r = await jiaohe(['check', fixture('seed004-department-budget.xlsx'), '--format=json', '--sheet=表10 三公经费']);
    expect(r.code).not.toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.sheets.map((s: { name: string }) => s.name)).toEqual(['表10 三公经费']);
  });
});

describe('jiaohe check on the fixtures', () => {
  it('finds nothing on the issued and allocation workbooks and says so, with a batch summary', async () => {
    const r = await jiaohe(['check', fixture('seed001-issued.xlsx'), fixture('seed003-allocation.xlsx')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`文件：${fixture('seed001-issued.xlsx')}`);
    expect(r.stdout).toContain('工作表「下达表」');
    expect(r.stdout).toContain('工作表「分配表」');
    expect(r.stdout.match(/^未发现问题$/gm)).toHaveLength(2);
    expect(r.stdout).toContain('==== 批量校核汇总 ====');
    expect(r.stdout).toContain('共 2 个文件：未发现问题 2 个，发现问题 0 个，无法校核 0 个');
  });

  it('prints DESIGN.md JSON for one file, and its exit code agrees with the findings', async () => {
    const file = fixture('seed004-department-budget.xlsx');
    const r = await jiaohe(['check', file, '--format', 'json']);
    expect(r.code).not.toBe(2);
    const out = JSON.parse(r.stdout);
    // A 预算 book: the cross-table rules (勾稽关系) come after the sheets, every rule with its status.
    expect(Object.keys(out)).toEqual(['file', 'sheets', 'crossTable', 'catalog']);
    expect(out.crossTable.rules.length).toBeGreaterThan(0);
    for (const rule of out.crossTable.rules) expect(['passed', 'failed', 'not-applicable']).toContain(rule.status);
    expect(out.crossTable.findings).toEqual([]);
    // A 2023 budget: its titles give the year; the nearest built-in edition is 2024, and the report says so.
    expect(out.catalog).toEqual({ year: 2023, edition: 2024, source: 'book', note: '按2024年科目表校验；未内置2023年科目表' });
    expect(out.file).toBe(file);
    expect(out.sheets.map((s: { name: string }) => s.name)).toEqual([
      '表1 收支总体', '表2 收入总体', '表3 支出总体', '表4 财政拨款收支', '表5 一般公共预算支出', '表10 三公经费',
      '绩效-能力提升320', '绩效-离休600',
    ]);
    let findings = 0;
    for (const s of out.sheets) {
      expect(Object.keys(s).slice(0, 3)).toEqual(['name', 'tables', 'findings']);
      for (const t of s.tables) {
        expect(t.range).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
        expect(['allocation', 'classification', 'summary', 'performance', 'generic']).toContain(t.kind);
        expect(Number.isInteger(t.headerRows)).toBe(true);
        expect(Array.isArray(t.totalRows)).toBe(true);
        for (const v of Object.values(t)) expect(v).not.toBeNull();
      }
      for (const f of s.findings) {
        findings++;
        expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), cell: expect.any(String), severity: expect.any(String), message: expect.any(String) }));
        expect(f).not.toHaveProperty('sheet');
        for (const v of Object.values(f)) expect(v).not.toBeNull();
      }
    }
    expect(r.code).toBe(findings > 0 ? 1 : 0);
  });

  it('reports exactly the mismatches listed in expected-mismatches.json, with expected and stated values', async () => {
    const expected = expectedMismatches();
    const files = Object.keys(expected).map((f) => fixture(f));
    const r = await jiaohe(['check', ...files, '--format', 'json']);
    expect(r.code).toBe(1);
    const out: { file: string; sheets: { name: string; findings: { rule: string; cell: string; expected?: string; actual?: string }[] }[] }[] =
      JSON.parse(r.stdout);
    const got: string[] = [];
    for (const book of out) {
      for (const s of book.sheets) {
        for (const f of s.findings.filter((x) => x.rule.startsWith('sum.'))) {
          got.push(`${path.basename(book.file)}|${s.name}|${f.cell}|${f.actual}|${f.expected}`);
        }
      }
    }
    const want = Object.entries(expected).flatMap(([file, sheets]) =>
      Object.entries(sheets).flatMap(([sheet, list]) => list.map((m) => `${file}|${sheet}|${m.cell}|${m.stated}|${m.sumOfParts}`)),
    );
    expect(got.sort()).toEqual(want.sort());
  });

  it('--sheet restricts to one sheet; an unknown sheet fails with the list of sheet names', async () => {
    const file = fixture('seed004-department-budget.xlsx');
    const one = await jiaohe(['check', file, '--sheet', '表10 三公经费']);
    expect(one.stdout).toContain('工作表「表10 三公经费」');
    expect(one.stdout).not.toContain('表2 收入总体');
    const missing = await jiaohe(['check', file, '--sheet', '表99']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expectOneLineReason(missing.stderr, /没有名为「表99」的工作表.*「表1 收支总体」.*「绩效-离休600」/);
  });
});

describe('jiaohe check on a whole book: 勾稽关系', () => {
  const REAL = path.join(__dirname, '..', '..', '..', 'shared', 'real');

  it('lists every cross-table rule: passed, failed, or not applicable and why; a cross-table finding names both sides and exits 1', async () => {
    const r = await jiaohe(['check', path.join(REAL, 'putuo-wanli-2024-bumen-yusuan.xlsx')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('表间勾稽关系：'));
    expect(lines[head]).toBe('表间勾稽关系：17 条规则，通过 9，不符 1，不适用 7');
    expect(lines).toContain('  [不适用] 一般公共预算支出表 项目支出 合计 = 项目支出表 一般公共预算 合计：未找到项目支出表');
    expect(lines).toContain('  [通过] 收入总表 合计（按科目）= 支出总表 合计（按科目）：比较了 66 处');
    expect(r.stdout).toMatch(/^ {4}部门三公经费和机关运行经费预算表!A7 ↔ 部门三公经费和机关运行经费预算表!A6 {2}错误 {2}xref\.empty-note/m);
    const json = JSON.parse((await jiaohe(['check', path.join(REAL, 'putuo-wanli-2024-bumen-yusuan.xlsx'), '--format', 'json'])).stdout);
    expect(json.crossTable.findings[0]).toMatchObject({ rule: 'xref.empty-note', cell: '部门三公经费和机关运行经费预算表!A7', other: { sheet: '部门三公经费和机关运行经费预算表', cell: 'A6' } });
  });

  it('--annotate marks both cells of a cross-table finding', async () => {
    const dir = await tempDir();
    const out = path.join(dir, '万里-校核.xlsx');
    const r = await jiaohe(['check', path.join(REAL, 'putuo-wanli-2024-bumen-yusuan.xlsx'), '--annotate', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('部门三公经费和机关运行经费预算表')!;
    for (const cell of ['A7', 'A6']) expect(JSON.stringify(ws.getCell(cell).note)).toContain('却注明');
  });

  it('with --sheet compares only the tables on that sheet', async () => {
    const r = await jiaohe(['check', fixture('seed004-department-budget.xlsx'), '--sheet', '表4 财政拨款收支']);
    expect(r.stdout).toContain('  [不适用] 财政拨款收支总表 一般公共预算（按类）= 一般公共预算支出表 合计（按类）：未找到一般公共预算支出表');
    expect(r.stdout).not.toMatch(/\[通过\] 收支总表/);
  });
});

describe('jiaohe check on bad input: one Chinese line on stderr, exit 2', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  const cases: [string, () => Promise<string>, RegExp][] = [
    ['a corrupt file', async () => {
      const good = await fs.readFile(fixture('seed003-allocation.xlsx'));
      const f = path.join(dir, 'corrupt.xlsx');
      await fs.writeFile(f, Buffer.concat([good.subarray(0, 300), Buffer.alloc(400, 0x13)]));
      return f;
    }, /损坏|不是 Excel/],
    ['an encrypted workbook', async () => {
      const f = path.join(dir, 'secret.xlsx');
      await fs.writeFile(f, cfbContainer(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
      return f;
    }, /加密/],
    ['a legacy .xls', async () => {
      const f = path.join(dir, 'old.xls');
      await fs.writeFile(f, cfbContainer(['Workbook', '\u0005SummaryInformation']));
      return f;
    }, /\.xls.*另存为 \.xlsx/],
    ['a WPS .et', async () => {
      const f = path.join(dir, 'wps.et');
      await fs.writeFile(f, cfbContainer(['Workbook']));
      return f;
    }, /\.et.*\.xlsx/],
    ['a CSV renamed .xlsx', async () => {
      const f = path.join(dir, 'table.xlsx');
      await fs.writeFile(f, '县区,合计,中央资金\n汉滨区,10.00,8.00\n');
      return f;
    }, /文本|CSV/],
    ['a zip that is not a workbook', async () => {
      // A minimal zip (one stored entry, no xl/workbook.xml), like a .docx or an archive renamed .xlsx.
      const name = Buffer.from('readme.txt');
      const data = Buffer.from('hello');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(10, 4);
      local.writeUInt32LE(0x3610a686, 14); // crc32("hello")
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(10, 6);
      central.writeUInt32LE(0x3610a686, 16);
      central.writeUInt32LE(data.length, 20);
      central.writeUInt32LE(data.length, 24);
      central.writeUInt16LE(name.length, 28);
      const centralOffset = local.length + name.length + data.length;
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 8);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(central.length + name.length, 12);
      end.writeUInt32LE(centralOffset, 16);
      const f = path.join(dir, 'archive.xlsx');
      await fs.writeFile(f, Buffer.concat([local, name, data, central, name, end]));
      return f;
    }, /压缩包但不是 Excel 工作簿/],
    ['an empty workbook', () => writeBook(dir, 'blank.xlsx', (wb) => void wb.addWorksheet('Sheet1')), /没有任何数据/],
    ['a 0-byte file', async () => {
      const f = path.join(dir, 'zero.xlsx');
      await fs.writeFile(f, '');
      return f;
    }, /空/],
    ['a missing file', async () => path.join(dir, 'nope.xlsx'), /不存在/],
    ['a directory', async () => {
      const d = path.join(dir, 'folder.xlsx');
      await fs.mkdir(d, { recursive: true });
      return d;
    }, /文件夹/],
  ];

  it.each(cases)('%s', async (_name, make, reason) => {
    const file = await make();
    const r = await jiaohe(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineReason(r.stderr, reason);
    expect(r.stderr).toContain(path.basename(file));
    const j = await jiaohe(['check', file, '--format', 'json']);
    expect(j.code).toBe(2);
    expect(j.stdout).toBe('');
  });

  it('a batch with a bad file still checks the others, reports the failure and exits 2', async () => {
    const bad = path.join(dir, 'batch-bad.xlsx');
    await fs.writeFile(bad, 'not,a,workbook\n');
    const r = await jiaohe(['check', fixture('seed001-issued.xlsx'), bad]);
    expect(r.code).toBe(2);
    expectOneLineReason(r.stderr, /batch-bad\.xlsx/);
    expect(r.stdout).toContain('工作表「下达表」');
    expect(r.stdout).toContain('无法校核 1 个');
    expect(r.stdout).toMatch(/无法校核的文件：\n {2}batch-bad\.xlsx：/);
    const j = await jiaohe(['check', fixture('seed001-issued.xlsx'), bad, '--format', 'json']);
    expect(j.code).toBe(2);
    const arr = JSON.parse(j.stdout);
    expect(arr).toHaveLength(2);
    expect(arr[0].error).toBeUndefined();
    expect(arr[1]).toEqual({ file: bad, sheets: [], error: expect.stringMatching(/batch-bad\.xlsx：/) });
  });

  it('#REF! cells, text numbers and formulas without results inside a sheet do not stop the check', async () => {
    const file = await writeBook(dir, 'messy.xlsx', (wb) => {
      const ws = wb.addWorksheet('分配表');
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = '2025年医疗救助资金分配表';
      ws.getCell('A2').value = '单位：万元';
      ws.getRow(3).values = ['县区', '合计', '中央资金', '省级资金'];
      ws.getRow(4).values = ['合计', { formula: 'SUM(B5:B8)' } as ExcelJS.CellFormulaValue, '1,234.50', '(12.00)'];
      ws.getRow(5).values = ['汉滨区', { error: '#REF!' } as ExcelJS.CellErrorValue, '１２３．４０', '—'];
      ws.getRow(6).values = ['汉阴县', '1 000.00', '-', { formula: 'C9/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue];
      ws.getRow(7).values = ['石泉县', 10, '10', 0];
      ws.getRow(8).values = ['宁陕县', '#N/A', 'abc', null];
    });
    const r = await jiaohe(['check', file]);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('工作表「分配表」');
  });
});

describe('jiaohe check: relations in the text report', () => {
  it('says what each table checked, and --explain lists every relation', async () => {
    const file = fixture('seed004-department-budget.xlsx');
    const plain = await jiaohe(['check', file, '--sheet', '表10 三公经费']);
    expect(plain.stdout).toContain('    本表核对了 7 个合计，均相符');
    expect(plain.stdout).not.toContain('行内合计  列 B');
    const r = await jiaohe(['check', file, '--sheet', '表10 三公经费', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('行内合计  列 B = C + D + E  （相符 3，不符 0；依据：表头）');
    expect(r.stdout).toContain('合计行  行 5 = 6 + 7 + 8  （相符 2，不符 0；依据：合计行）');
    expect(r.stdout).toContain('上下级  行 8 = 9 + 10');
  });
});
