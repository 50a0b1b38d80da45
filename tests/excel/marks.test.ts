import { FakeWorkbook, fakeExcel } from './fakeWorkbook';
import { ExcelHost, MARKS_SHEET, MARK_FILL } from '../../src/hosts/excel';
import type { Finding } from '../../src/core/types';
import { VERIFIED_FILL } from '../../src/hosts/host';

const finding = (cell: string, message = `${cell} 合计不等于分项之和`, severity: Finding['severity'] = 'error', sheet = '表2'): Finding => ({
  rule: 'sum.column',
  severity,
  sheet,
  cell,
  message,
});

/** A sheet whose cells carry every kind of fill a user may have put there. */
function workbook() {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('表2', [
    ['项目', '合计', '甲', '乙'],
    ['A', 3, 1, 1],
    ['B', 5, 2, 2],
    ['C', 7, 3, 3],
    ['D', 9, 4, 4],
    ['合计', 24, 10, 10],
  ]);
  wb.addSheet('表3', [['合计', 1]]);
  // B2: no fill. B3: white fill (looks the same, is not the same). B4: the user's green. B5: a pattern fill.
  wb.ensureCell(s, 2, 1).fill = { color: '#FFFFFF', pattern: 'Solid' };
  wb.ensureCell(s, 3, 1).fill = { color: '#00B050', pattern: 'Solid' };
  wb.ensureCell(s, 4, 1).fill = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' };
  wb.ensureCell(s, 5, 1).fill = { color: '#DDEBF7', pattern: 'Solid', tintAndShade: 0.8 };
  return wb;
}

const FILL_CELLS = ['B2', 'B3', 'B4', 'B5', 'B6'];
const snapshot = (wb: FakeWorkbook, sheet = '表2') =>
  Object.fromEntries(FILL_CELLS.map((c) => [c, wb.cell(sheet, c)?.fill ? { ...wb.cell(sheet, c)!.fill } : 'no fill']));

function hostFor(wb: FakeWorkbook, api = '1.18') {
  const fx = fakeExcel(wb, api);
  return new ExcelHost({ run: fx.run, isSetSupported: fx.isSetSupported });
}

describe('ExcelHost marks (office-addin-mock)', () => {
  it('marks with error/warning fills and notes, then clear restores every original fill exactly, "no fill" included', async () => {
    const wb = workbook();
    const before = snapshot(wb);
    const host = hostFor(wb);
    const findings = [finding('B2'), finding('B3'), finding('B4'), finding('B5', '疑似舍入', 'warning'), finding('B6')];
    expect(await host.markFindings(findings)).toBe(5);

    expect(wb.cell('表2', 'B2')!.fill).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
    expect(wb.cell('表2', 'B5')!.fill).toEqual({ color: MARK_FILL.warning, pattern: 'Solid' });
    expect(wb.sheet('表2')!.notes.get('B5')).toBe('校核：疑似舍入');
    expect(wb.sheet(MARKS_SHEET)!.visibility).toBe('VeryHidden');

    expect(await host.clearMarks()).toBe(5);
    expect(snapshot(wb)).toEqual(before);
    expect(wb.cell('表2', 'B2')!.fill).toBeUndefined(); // no fill, not white
    expect(wb.cell('表2', 'B3')!.fill).toEqual({ color: '#FFFFFF', pattern: 'Solid' }); // white, not no fill
    expect(wb.sheet('表2')!.notes.size).toBe(0);
    expect(wb.sheets.map((s) => s.name)).toEqual(['表2', '表3']); // the record sheet is gone
  });

  it('marking twice does not take Jiaohe’s own fill for the original', async () => {
    const wb = workbook();
    const before = snapshot(wb);
    const host = hostFor(wb);
    await host.markFindings([finding('B2'), finding('B4')]);
    await host.markFindings([finding('B2', '新的说明'), finding('B4'), finding('B3')]);
    expect(wb.sheet('表2')!.notes.get('B2')).toBe('校核：新的说明');
    await host.clearMarks();
    expect(snapshot(wb)).toEqual(before);
  });

  it('survives save and reopen: a new session reads the record back from the hidden sheet', async () => {
    const wb = workbook();
    const before = snapshot(wb);
    await hostFor(wb).markFindings(FILL_CELLS.map((c) => finding(c)));

    const reopened = wb.saveAndReopen();
    const host = hostFor(reopened);
    const record = await host.readMarks();
    expect(record.marks.map((m) => m.cell).sort()).toEqual(FILL_CELLS);
    expect(await host.clearMarks()).toBe(5);
    expect(snapshot(reopened)).toEqual(before);
    expect(reopened.sheet(MARKS_SHEET)).toBeUndefined();
  });

  it('removes only its own notes and never touches the user’s', async () => {
    const wb = workbook();
    const s = wb.sheet('表2')!;
    s.notes.set('B2', '张三：这个数待核实'); // on a cell that gets marked
    s.notes.set('C2', '李四：备注'); // elsewhere
    const host = hostFor(wb);
    await host.markFindings([finding('B2'), finding('B3')]);
    expect(s.notes.get('B2')).toBe('张三：这个数待核实');
    expect(s.notes.get('B3')).toBe('校核：B3 合计不等于分项之和');
    const record = await host.readMarks();
    expect(record.marks.find((m) => m.cell === 'B2')!.annotation).toBe('none');
    expect(record.marks.find((m) => m.cell === 'B2')!.message).toBe('B2 合计不等于分项之和');
    await host.clearMarks();
    expect([...s.notes]).toEqual([
      ['B2', '张三：这个数待核实'],
      ['C2', '李四：备注'],
    ]);
  });

  it('uses threaded comments on ExcelApi 1.10 and removes only its own', async () => {
    const wb = workbook();
    wb.addComment('表2', 'B2', '王五：请复核');
    const host = hostFor(wb, '1.10');
    await host.markFindings([finding('B2'), finding('B3')]);
    expect(wb.comments.map((c) => [c.cell, c.content])).toEqual([
      ['B2', '王五：请复核'],
      ['B3', '校核：B3 合计不等于分项之和'],
    ]);
    await host.clearMarks();
    expect(wb.comments.map((c) => [c.cell, c.content])).toEqual([['B2', '王五：请复核']]);
  });

  it('on ExcelApi 1.1 restores no fill and colours; white comes back as no fill (documented limitation)', async () => {
    const wb = workbook();
    const host = hostFor(wb, '1.1');
    await host.markFindings([finding('B2'), finding('B3'), finding('B4')]);
    const record = await host.readMarks();
    expect(record.marks.every((m) => m.annotation === 'none')).toBe(true); // no notes API: message stays in the record
    await host.clearMarks();
    expect(wb.cell('表2', 'B2')!.fill).toBeUndefined();
    expect(wb.cell('表2', 'B3')!.fill).toBeUndefined();
    expect(wb.cell('表2', 'B4')!.fill).toEqual({ color: '#00B050', pattern: 'Solid' });
  });

  it('leaves a cell alone that the user recoloured after it was marked', async () => {
    const wb = workbook();
    const host = hostFor(wb);
    await host.markFindings([finding('B2')]);
    wb.cell('表2', 'B2')!.fill = { color: '#92D050', pattern: 'Solid' };
    expect(await host.clearMarks()).toBe(0);
    expect(wb.cell('表2', 'B2')!.fill).toEqual({ color: '#92D050', pattern: 'Solid' });
  });

  it('clears one sheet and keeps the marks of the others', async () => {
    const wb = workbook();
    const host = hostFor(wb);
    await host.markFindings([finding('B2'), finding('B1', '表3 合计', 'error', '表3')]);
    expect(await host.clearMarks('表2')).toBe(1);
    expect(wb.cell('表2', 'B2')!.fill).toBeUndefined();
    expect(wb.cell('表3', 'B1')!.fill).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
    expect((await host.readMarks()).marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(['表3!B1']);
    await host.clearMarks();
    expect(wb.cell('表3', 'B1')!.fill).toBeUndefined();
    expect(wb.sheet(MARKS_SHEET)).toBeUndefined();
  });

  it('uses a fixed number of round trips whatever the number of findings', async () => {
    const counts: number[][] = [];
    for (const n of [1, 300]) {
      const wb = new FakeWorkbook();
      wb.addSheet('表2', Array.from({ length: n }, (_, r) => [r + 1]));
      const host = hostFor(wb);
      const findings = Array.from({ length: n }, (_, r) => finding(`A${r + 1}`));
      let before = wb.syncCount;
      await host.markFindings(findings);
      const mark = wb.syncCount - before;
      before = wb.syncCount;
      await host.clearMarks();
      counts.push([mark, wb.syncCount - before]);
    }
    expect(counts[0]).toEqual([3, 4]);
    expect(counts[1]).toEqual(counts[0]);
  });

  it('does nothing to a workbook when there is nothing to mark', async () => {
    const wb = workbook();
    const host = hostFor(wb);
    expect(await host.markFindings([], { checkedSheet: '表2' })).toBe(0);
    expect(wb.sheet(MARKS_SHEET)).toBeUndefined();
    expect(await host.clearMarks()).toBe(0);
  });

  it('refuses to use or delete a sheet of the same name that is not its record', async () => {
    const wb = workbook();
    wb.addSheet(MARKS_SHEET, [['别人的数据']]);
    const host = hostFor(wb);
    await expect(host.markFindings([finding('B2')])).rejects.toThrow(/不是校核的标记记录/);
    await expect(host.clearMarks()).rejects.toThrow(/不是校核的标记记录/);
    expect(wb.cell(MARKS_SHEET, 'A1')!.value).toBe('别人的数据');
    expect(wb.cell('表2', 'B2')?.fill).toBeUndefined();
  });

  it('records the last one-click check for the task pane', async () => {
    const wb = workbook();
    const host = hostFor(wb);
    await host.markFindings([finding('B2'), finding('B3', '提示', 'warning')], { checkedSheet: '表2' });
    const { lastCheck } = await host.readMarks();
    expect(lastCheck).toMatchObject({ sheet: '表2', findings: 2, errors: 1, warnings: 1 });
    expect(Number.isNaN(Date.parse(lastCheck!.at))).toBe(false);
  });
});

describe('ExcelHost: ignored findings, verified totals, reading cells', () => {
  it('the ignored list lives in the marks record: it survives clearing every mark and a new host (reopen); emptied, the record goes', async () => {
    const wb = workbook();
    const host = hostFor(wb);
    expect(await host.readIgnored()).toEqual([]);
    const item = { sheet: '表2', cell: 'B6', rule: 'sum.column' as const, message: '此处合计口径不同' };
    await host.writeIgnored([item]);
    expect(wb.sheet(MARKS_SHEET)!.visibility).toBe('VeryHidden');
    await host.markFindings([finding('B2')]);
    await host.clearMarks();
    // Every mark cleared, the record (and the list) stays.
    expect(await hostFor(wb).readIgnored()).toEqual([item]);
    await host.markFindings([finding('B3')]);
    expect(await hostFor(wb).readIgnored()).toEqual([item]);
    await host.clearMarks();
    await host.writeIgnored([]);
    expect(await host.readIgnored()).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['表2', '表3']);
  });

  it('显示已核对: a pale fill and no note; 清除标记 restores the cell exactly', async () => {
    const wb = workbook();
    const before = snapshot(wb);
    const host = hostFor(wb);
    expect(await host.markVerified([{ sheet: '表2', cell: 'B2' }, { sheet: '表2', cell: 'B4' }])).toBe(2);
    expect(wb.cell('表2', 'B2')!.fill).toEqual({ color: VERIFIED_FILL, pattern: 'Solid' });
    expect(wb.sheet('表2')!.notes.size).toBe(0);
    await host.clearMarks();
    expect(snapshot(wb)).toEqual(before);
  });

  it('readCells gives the displayed text of a block, for the overwrite check', async () => {
    const host = hostFor(workbook());
    const cells = await host.readCells('表2', 'A1:B2');
    expect(cells.map((r) => r.map((v) => v.trim()))).toEqual([
      ['项目', '合计'],
      ['A', '3'],
    ]);
  });
});
