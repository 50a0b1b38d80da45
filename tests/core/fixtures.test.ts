import Decimal from 'decimal.js';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { checkSheet } from '../../src/core/engine';
import type { SheetCheck } from '../../src/core/engine';
import { expectedMismatches, sharedFixture } from '../sharedFixtures';

const expected = expectedMismatches();

const results = new Map<string, Map<string, SheetCheck>>();

beforeAll(async () => {
  for (const file of Object.keys(expected)) {
    const book = await readXlsxFile(sharedFixture(file));
    const sheets = new Map<string, SheetCheck>();
    for (const grid of book.sheets) sheets.set(grid.name, checkSheet(grid));
    results.set(file, sheets);
  }
});

describe('fixtures: exactly the mismatches in expected-mismatches.json', () => {
  for (const [file, sheets] of Object.entries(expected)) {
    for (const [sheet, mismatches] of Object.entries(sheets)) {
      it(`${file} / ${sheet}`, () => {
        const res = results.get(file)!.get(sheet);
        expect(res).toBeDefined();
        const sums = res!.findings.filter((f) => f.rule.startsWith('sum.'));
        expect(sums.map((f) => f.cell).sort()).toEqual(mismatches.map((m) => m.cell).sort());
        for (const m of mismatches) {
          const f = sums.find((x) => x.cell === m.cell)!;
          expect(new Decimal(f.actual!).equals(new Decimal(m.stated))).toBe(true);
          expect(new Decimal(f.expected!).equals(new Decimal(m.sumOfParts))).toBe(true);
          // 0.01 over a few parts shown with two decimals can only be rounding: a hint (提示), never an error.
          expect(f.severity).toBe(f.rounding ? 'hint' : 'error');
          expect(f.parts!.length).toBeGreaterThan(0);
          expect(f.message).toMatch(/≠/);
        }
      });
    }
  }

  it('covers every sheet of every fixture workbook', () => {
    for (const [file, sheets] of results) expect([...sheets.keys()].sort()).toEqual(Object.keys(expected[file]).sort());
  });
});

describe('fixtures: tables as the JSON contract shows them', () => {
  const table = (file: string, sheet: string) => results.get(file)!.get(sheet)!.tables;

  it('表2 is one classification table A3:O31 with a two-row header and 合计 at row 31', () => {
    const t = table('seed004-department-budget.xlsx', '表2 收入总体');
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ range: 'A3:O31', kind: 'classification', unit: '万元', headerRows: 2, totalRows: [31], title: '部门收入总体情况表' });
  });

  it('the side-by-side 收支总表 are one summary table each, from header to 总计', () => {
    expect(table('seed004-department-budget.xlsx', '表1 收支总体')).toEqual([
      expect.objectContaining({ range: 'A3:D35', kind: 'summary', unit: '万元', headerRows: 2, totalRows: [35] }),
    ]);
    expect(table('seed004-department-budget.xlsx', '表4 财政拨款收支')).toEqual([
      expect.objectContaining({ range: 'A3:G35', kind: 'summary', unit: '万元', headerRows: 2, totalRows: [35] }),
    ]);
  });

  it('allocation tables: seed003 (merged 金额 header, 安康市合计) and the seed001 下达表', () => {
    expect(table('seed003-allocation.xlsx', '分配表')).toEqual([
      expect.objectContaining({ range: 'A3:E12', kind: 'allocation', unit: '万元', headerRows: 2, totalRows: [12] }),
    ]);
    expect(table('seed001-issued.xlsx', '下达表')).toEqual([
      expect.objectContaining({ range: 'A3:E7', kind: 'allocation', unit: '万元', headerRows: 1, totalRows: [7] }),
    ]);
  });

  it('表10 has its 合计 as the first body row', () => {
    const t = table('seed004-department-budget.xlsx', '表10 三公经费');
    expect(t).toHaveLength(1);
    expect(t[0].range).toBe('A3:E10');
    expect(t[0].totalRows[0]).toBe(5);
  });

  it('绩效目标表 sheets are performance tables', () => {
    for (const s of ['绩效-能力提升320', '绩效-离休600']) {
      const t = table('seed004-department-budget.xlsx', s);
      expect(t.length).toBeGreaterThanOrEqual(1);
      expect(t.every((x) => x.kind === 'performance')).toBe(true);
    }
  });

  it('the rounding mismatch of 表2 E16 reads like the design note', () => {
    const f = results.get('seed004-department-budget.xlsx')!.get('表2 收入总体')!.findings.find((x) => x.cell === 'E15')!;
    expect(f.rule).toBe('sum.hierarchy');
    expect(f.rounding).toBe(true);
    expect(f.message).toBe('“卫生健康支出”行“总计”列 744.80 ≠ 下级科目之和 744.81（相差 0.01，疑似四舍五入误差）');
    expect(f.parts).toEqual(['E16', 'E21']);
  });
});
