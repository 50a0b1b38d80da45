// `npm run bench excel`: context.sync() round trips of ExcelHost for 10 / 10,000 / 200,000-row reads, through
// office-addin-mock (tests/excel/fakeWorkbook.ts), and of marking/clearing. Round trips, not milliseconds, are
// what costs in Excel (each one is a message to Excel, and on the web a network request); the times printed
// here are the mock's and the Grid conversion's, for orientation only.
import { FakeCell, FakeWorkbook, fakeExcel } from '../tests/excel/fakeWorkbook';
import { ExcelHost } from '../src/hosts/excel';
import type { Finding } from '../src/core/types';

function budgetSheet(rows: number): FakeWorkbook {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet('表1');
  sheet.generated = {
    top: 0,
    left: 0,
    rows,
    cols: 10,
    cell: (r: number, c: number): FakeCell => {
      if (r === 0) return { value: c === 0 ? '单位' : c === 1 ? '合计' : `类${c}` };
      if (c === 0) return { value: `单位${r}` };
      const v = c === 1 ? r * 8 + 0.5 : ((r * 31 + c * 7) % 1000) + 0.25;
      const [i, f] = v.toFixed(2).split('.');
      const text = `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
      return c === 1 ? { value: v, text, numberFormat: '#,##0.00', formula: `=SUM(C${r + 1}:J${r + 1})` } : { value: v, text, numberFormat: '#,##0.00' };
    },
  };
  return wb;
}

export async function run(): Promise<void> {
  console.log('ExcelHost.readActiveSheet (10 columns; payload budget 4 MiB, estimate 40 B/cell):');
  console.log('  rows      syncs  chunks  rows/chunk  est. MB  measured MB  ms');
  for (const rows of [10, 10_000, 200_000]) {
    const wb = budgetSheet(rows);
    const fx = fakeExcel(wb);
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const t = Date.now();
    await host.readActiveSheet();
    const ms = Date.now() - t;
    const s = host.lastReadStats!;
    console.log(
      `  ${String(rows).padEnd(9)} ${String(wb.syncCount).padEnd(6)} ${String(s.chunks).padEnd(7)} ${String(s.chunkRows).padEnd(11)} ` +
        `${(s.estimatedBytes / 1e6).toFixed(1).padEnd(8)} ${(s.measuredBytes / 1e6).toFixed(1).padEnd(12)} ${ms}`,
    );
  }

  console.log('Marking and clearing (round trips do not depend on the number of findings):');
  for (const n of [1, 100, 1000]) {
    const wb = budgetSheet(n + 1);
    const fx = fakeExcel(wb);
    const host = new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
    const findings: Finding[] = Array.from({ length: n }, (_, i) => ({ rule: 'sum.row', severity: 'error', sheet: '表1', cell: `B${i + 2}`, message: '合计不等于分项之和' }));
    let before = wb.syncCount;
    let t = Date.now();
    await host.markFindings(findings);
    const mark = `${wb.syncCount - before} syncs ${Date.now() - t} ms`;
    before = wb.syncCount;
    t = Date.now();
    await host.clearMarks();
    console.log(`  ${String(n).padEnd(5)} findings: mark ${mark}; clear ${wb.syncCount - before} syncs ${Date.now() - t} ms`);
  }
}
