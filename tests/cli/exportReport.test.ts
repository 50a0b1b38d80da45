/** `jiaohe check --report OUT.xlsx|OUT.csv`, and `jiaohe --help` listing every option. */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CHECK_VALUE_OPTIONS } from '../../src/cli/check';
import { PERF_FLAG_OPTIONS, PERF_VALUE_OPTIONS } from '../../src/cli/perf';
import { RULE_LABELS, SEVERITY_LABELS, FINDING_HEADER, REPORT_SHEETS } from '../../src/core/report';
import type { JsonWorkbook } from '../../src/core/report';
import { jiaohe, sha256, tempDir } from './helpers';

const SEED004 = path.join(__dirname, '..', '..', 'assets', 'sample', 'seed004-department-budget.xlsx');

/** What a findings row must say for a JSON finding: sheet, cell, rule name, grade, message, expected, stated. */
function expectedRows(json: JsonWorkbook): string[][] {
  return json.sheets.flatMap((s) =>
    s.findings.map((f) => [s.name, f.cell, RULE_LABELS[f.rule], SEVERITY_LABELS[f.severity], f.message, f.expected ?? '', f.actual ?? '']),
  );
}

const key = (r: string[]) => r.join('\u0001');

describe('jiaohe check --report', () => {
  let dir: string;
  let json: JsonWorkbook;
  beforeAll(async () => {
    dir = await tempDir();
    const r = await jiaohe(['check', SEED004, '--format', 'json']);
    json = JSON.parse(r.stdout);
    expect(expectedRows(json).length).toBeGreaterThan(0);
  });

  test('.xlsx: a summary sheet and a findings sheet whose rows equal the JSON findings; the source is untouched', async () => {
    const before = await sha256(SEED004);
    const out = path.join(dir, 'r.xlsx');
    const r = await jiaohe(['check', SEED004, '--report', out, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(json);
    expect(r.stderr).toContain('已写入校核报告');
    expect(await sha256(SEED004)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([REPORT_SHEETS.summary, REPORT_SHEETS.findings]);
    const ws = wb.getWorksheet(REPORT_SHEETS.findings)!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(FINDING_HEADER.map((_h, i) => row.getCell(i + 1).text)));
    expect(rows[0]).toEqual([...FINDING_HEADER]);
    const body = rows.slice(1);
    expect(body.map((r) => key(r.slice(0, 7))).sort()).toEqual(expectedRows(json).map(key).sort());
    // The cell column links to the cell in the checked file.
    const link = ws.getCell(2, 2).value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toMatch(/seed004-department-budget\.xlsx#'.+'![A-Z]+\d+$/);
    // Difference = stated − expected.
    const diff = body.find((r) => r[5] && r[6])!;
    expect(Number(diff[7])).toBeCloseTo(Number(diff[6]) - Number(diff[5]), 9);

    const summary = wb.getWorksheet(REPORT_SHEETS.summary)!;
    const text: string[] = [];
    summary.eachRow((row) => text.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    const fileRow = text.find((l) => l.startsWith('seed004-department-budget.xlsx|'))!;
    const [, sheets, tables, verified, failed, errors] = fileRow.split('|').map((x) => Number(x));
    expect(sheets).toBe(json.sheets.length);
    expect(tables).toBe(json.sheets.reduce((n, s) => n + s.tables.length, 0));
    expect(verified).toBeGreaterThan(failed);
    expect(failed).toBeGreaterThan(0);
    expect(errors).toBe(json.sheets.flatMap((s) => s.findings).filter((f) => f.severity === 'error').length);
    expect(text.some((l) => l.startsWith(`${RULE_LABELS['sum.hierarchy']}|`))).toBe(true);
  });

  test('.csv: UTF-8 with BOM, the same rows, opens with exceljs', async () => {
    const out = path.join(dir, 'r.csv');
    const r = await jiaohe(['check', SEED004, '--report', out]);
    expect(r.code).toBe(1);
    const bytes = await fs.readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const wb = new ExcelJS.Workbook();
    const ws = await wb.csv.readFile(out, { parserOptions: { bom: true } } as never);
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(FINDING_HEADER.map((_h, i) => String(row.getCell(i + 1).value ?? ''))));
    expect(rows[0]).toEqual([...FINDING_HEADER]);
    // exceljs reads numbers in CSV as numbers: compare their text.
    const norm = (r: string[]) => r.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v));
    expect(rows.slice(1).map((r) => key(norm(r.slice(0, 7)))).sort()).toEqual(expectedRows(json).map((r) => key(norm(r))).sort());
  });

  test('a report path that is not .xlsx or .csv, or is the checked file itself, is refused', async () => {
    const bad = await jiaohe(['check', SEED004, '--report', path.join(dir, 'r.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--report');
    const copy = path.join(dir, 'copy.xlsx');
    await fs.copyFile(SEED004, copy);
    const before = await sha256(copy);
    const same = await jiaohe(['check', copy, '--report', copy]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('不能覆盖');
    expect(await sha256(copy)).toBe(before);
  });
});

describe('findings ignored in the add-in', () => {
  test('jiaohe check leaves out what the workbook\'s marks record ignores, and --report counts it', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'ignored.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SEED004);
    const record = wb.addWorksheet('_jiaohe_marks', { state: 'veryHidden' });
    record.getCell('A1').value = JSON.stringify({ format: 'jiaohe-marks', version: 1 });
    record.getCell('A2').value = JSON.stringify({ ignored: { sheet: '表2 收入总体', cell: 'G16', rule: 'sum.hierarchy', message: '此处合计口径不同' } });
    await wb.xlsx.writeFile(file);

    const r = await jiaohe(['check', file, '--sheet', '表2 收入总体', '--format', 'json', '--report', path.join(dir, 'r.xlsx')]);
    const json = JSON.parse(r.stdout) as JsonWorkbook;
    const cells = json.sheets.flatMap((s) => s.findings.map((f) => f.cell));
    expect(cells).toHaveLength(8);
    expect(cells).not.toContain('G16');
    const all = JSON.parse((await jiaohe(['check', file, '--format', 'json'])).stdout) as JsonWorkbook;
    expect(all.sheets.map((s) => s.name)).not.toContain('_jiaohe_marks');
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const fileRow: string[] = [];
    report.getWorksheet(REPORT_SHEETS.summary)!.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1).map(String);
      if (v[0] === 'ignored.xlsx') fileRow.push(...v);
    });
    expect(fileRow[fileRow.length - 1]).toBe('1');
  });
});

describe('jiaohe --help', () => {
  test('lists every option of check and of perf', async () => {
    const r = await jiaohe(['--help']);
    expect(r.code).toBe(0);
    for (const o of CHECK_VALUE_OPTIONS) expect(`${o}: ${r.stdout.includes(o)}`).toBe(`${o}: true`);
    // Every option the parsers know, flags included, as written in their source.
    for (const file of ['check.ts', 'perf.ts']) {
      const source = await fs.readFile(path.join(__dirname, '..', '..', 'src', 'cli', file), 'utf8');
      const options = new Set(source.match(/'--[a-z][a-z-]*'/g)?.map((o) => o.slice(1, -1)) ?? []);
      for (const o of options) {
        if (['--out', '--output', '--help', '--split'].includes(o)) continue;
        expect(`${file} ${o}: ${r.stdout.includes(o)}`).toBe(`${file} ${o}: true`);
      }
    }
    for (const o of [...PERF_VALUE_OPTIONS, ...PERF_FLAG_OPTIONS]) {
      if (['--out', '--output', '-h', '--help', '--split'].includes(o)) continue;
      expect(`${o}: ${r.stdout.includes(o)}`).toBe(`${o}: true`);
    }
  });
});
