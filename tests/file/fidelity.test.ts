import ExcelJS from 'exceljs';
import { readXlsxBuffer } from '../../src/hosts/file/readXlsx';

async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  build(ws, wb);
  const book = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'fidelity.xlsx');
  return book.sheets[0];
}

describe('Grid fidelity of the file host', () => {
  it('keeps hidden rows and hidden columns', async () => {
    const g = await roundTrip((ws) => {
      ws.getCell('A1').value = '单位';
      ws.getCell('B1').value = '合计';
      ws.getCell('C1').value = '隐藏列';
      ws.getCell('D1').value = '其他';
      for (let r = 2; r <= 5; r++) ws.getRow(r).values = [`单位${r}`, r, r, 0];
      ws.getRow(3).hidden = true;
      ws.getRow(5).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    expect([...g.hiddenRows].sort()).toEqual([2, 4]);
    expect([...g.hiddenCols]).toEqual([2]);
    expect(g.isHiddenRow(2)).toBe(true);
    expect(g.isHiddenRow(1)).toBe(false);
    expect(g.text(2, 2)).toBe('3'); // hidden cells are still read
  });

  it('reads a formula without a cached result as an empty value, keeping the formula', async () => {
    const g = await roundTrip((ws) => {
      ws.getCell('A1').value = 10;
      ws.getCell('A2').value = 20;
      ws.getCell('A3').value = { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue;
    });
    expect(g.cell(2, 0)?.formula).toBe('=SUM(A1:A2)');
    expect(g.cell(2, 0)?.value).toBeNull();
    expect(g.amount(2, 0)).toBeNull();
    expect(g.text(2, 0)).toBe('');
  });

  it('translates shared formulas to each cell and keeps their cached results', async () => {
    const g = await roundTrip((ws) => {
      ws.getRow(1).values = [1, 2, { formula: 'A1+B1', result: 3 }];
      ws.getRow(2).values = [4, 5, { sharedFormula: 'C1', result: 9 }];
    });
    expect(g.cell(0, 2)).toMatchObject({ formula: '=A1+B1', value: 3 });
    expect(g.cell(1, 2)).toMatchObject({ formula: '=A2+B2', value: 9 });
  });

  it('understands text numbers the way an officer reads them', async () => {
    const g = await roundTrip((ws) => {
      ws.getColumn(1).values = ['1,234.50', '１２３．４', '(1,234.00)', '—', '-', '1 234.50', '-1234', '210卫生健康支出', '#REF!'];
    });
    const amounts = Array.from({ length: 9 }, (_, r) => g.amount(r, 0)?.value.toString() ?? null);
    expect(amounts).toEqual(['1234.5', '123.4', '-1234', '0', '0', '1234.5', '-1234', null, null]);
    expect(g.amount(0, 0)).toMatchObject({ decimals: 2, fromText: true });
    expect(g.error(8, 0)).toBe('#REF!');
  });

  it('shows numbers as formatted and keeps merged ranges', async () => {
    const g = await roundTrip((ws) => {
      ws.mergeCells('A1:D1');
      ws.getCell('A1').value = '资金分配表';
      ws.mergeCells('B2:C2');
      ws.getCell('B2').value = '其中';
      ws.getCell('A3').value = 1234.5;
      ws.getCell('A3').numFmt = '#,##0.00';
      ws.getCell('B3').value = 0.125;
      ws.getCell('B3').numFmt = '0.0%';
      ws.getCell('C3').value = 21.3;
      ws.getCell('C3').numFmt = '0.00';
      ws.getCell('D3').value = new Date(Date.UTC(2025, 11, 30));
    });
    expect(g.merges).toEqual(expect.arrayContaining([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]));
    expect(g.visibleText(0, 3)).toBe('资金分配表');
    expect(g.visibleText(1, 2)).toBe('其中');
    expect(g.text(2, 0)).toBe('1,234.50');
    expect(g.text(2, 1)).toBe('12.5%');
    expect(g.text(2, 2)).toBe('21.30');
    expect(g.amount(2, 2)).toMatchObject({ decimals: 2 });
    expect(g.amount(2, 2)?.value.toString()).toBe('21.3');
    expect(g.text(2, 3)).toBe('2025-12-30');
  });

  it('keeps error values of formulas and cells', async () => {
    const g = await roundTrip((ws) => {
      ws.getCell('A1').value = { formula: 'B9/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('A2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('A3').value = 5;
    });
    expect(g.error(0, 0)).toBe('#DIV/0!');
    expect(g.cell(0, 0)?.formula).toBe('=B9/0');
    expect(g.error(1, 0)).toBe('#REF!');
    expect(g.amount(1, 0)).toBeNull();
  });
});
