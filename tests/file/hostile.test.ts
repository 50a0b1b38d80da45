/**
 * Hostile and odd books through the file host: bounded reading (stray cells, whole-sheet merges), valid files
 * without r= read as Excel reads them, and damage named per sheet instead of passing as clean.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { checkBook } from '../../src/hosts/file/checkWorkbook';
import { readXlsxBuffer, WorkbookReadError, XlsxBook } from '../../src/hosts/file/xlsxBytes';
import { formatWorkbookText } from '../../src/core/report';
import { sharedFixture } from '../sharedFixtures';
import { stripCellRefs, stripRowRefs } from '../fuzz/mutants';
import { englishIn } from '../fuzz/runner';

const BOOK = sharedFixture('seed004-department-budget.xlsx');
let original: Buffer;

beforeAll(async () => {
  original = await fs.readFile(BOOK);
});

/** The fixture with every worksheet part edited (or the package edited as a whole). */
async function edited(sheetEdit: ((xml: string) => string) | null, zipEdit?: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(original);
  if (sheetEdit) {
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      zip.file(name, sheetEdit(await zip.file(name)!.async('string')));
    }
  }
  if (zipEdit) await zipEdit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const addRow = (row: string) => (xml: string) => xml.replace('</sheetData>', `${row}</sheetData>`);
const addMerge = (ref: string) => (xml: string) =>
  xml.includes('</mergeCells>') ? xml.replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`) : xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);

async function checked(bytes: Buffer) {
  const book = await readXlsxBuffer(bytes, 'book.xlsx');
  return { book, result: checkBook(book) };
}

function findingsOf(book: XlsxBook) {
  return checkBook(book).report.sheets.map((s) => ({ name: s.name, findings: s.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`) }));
}

describe('valid books are read as Excel reads them', () => {
  it.each([
    ['cells without r=', stripCellRefs],
    ['rows without r=', stripRowRefs],
    ['rows and cells without r=', (x: string) => stripRowRefs(stripCellRefs(x))],
  ])('%s: the same grids and the same findings as the original', async (_label, strip) => {
    const bytes = await edited(strip);
    expect(bytes.toString('latin1')).not.toBe(original.toString('latin1'));
    const before = await readXlsxBuffer(original, 'a.xlsx');
    const after = await readXlsxBuffer(bytes, 'a.xlsx');
    after.sheets.forEach((g, i) => {
      expect([g.rowCount, g.colCount]).toEqual([before.sheets[i].rowCount, before.sheets[i].colCount]);
      for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) expect(g.cell(r, c)).toEqual(before.sheets[i].cell(r, c));
    });
    expect(findingsOf(after)).toEqual(findingsOf(before));
    expect(after.notes).toBeUndefined();
  });

  it('a t="d" cell is a date, not its year', async () => {
    const { book } = await checked(await edited(addRow('<row r="200"><c r="A200" t="d"><v>2026-01-15T00:00:00</v></c></row>')));
    expect(book.sheets[0].cell(199, 0)).toEqual({ value: '2026-01-15', text: '2026-01-15' });
  });

  it('a sheet name longer than 31 characters is read under its name', async () => {
    const long = '部门预算公开表之一般公共预算财政拨款基本支出经济分类情况表（按经济分类款级科目）';
    const bytes = await edited(null, async (zip) => {
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', xml.replace(/(<sheet [^>]*name=")[^"]*"/, `$1${long}"`));
    });
    const { book, result } = await checked(bytes);
    expect(book.sheets[0].name).toBe(long);
    expect(result.partialSheets).toEqual([]);
  });
});

describe('reading follows the cells, not the nominal extent', () => {
  it('a value at XFD1048576 is named in a notice and the grid stays the size of the tables', async () => {
    const { book, result } = await checked(await edited(addRow('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>')));
    expect(Math.max(...book.sheets.map((g) => g.rowCount))).toBeLessThan(200);
    expect(Math.max(...book.sheets.map((g) => g.colCount))).toBeLessThan(100);
    expect(result.report.sheets[0].notice).toContain('XFD1048576 有孤立内容，已忽略其与表格之间的空白');
    // The stray cell is still checked where it is: addresses speak of the sheet, not of the collapsed grid.
    expect(result.report.sheets[0].tables.map((t) => t.range)).toContain('XFD1048576');
    const base = checkBook(await readXlsxBuffer(original, 'a.xlsx'));
    expect(result.report.sheets.map((s) => s.findings)).toEqual(base.report.sheets.map((s) => s.findings));
    expect(result.partialSheets).toEqual([]);
  });

  it('a merge over the whole sheet is set aside with a notice; the tables under it are still checked', async () => {
    const { book, result } = await checked(await edited(addMerge('A1:XFD1048576')));
    expect(book.sheets.every((g) => g.merges.every((m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) < 10_000))).toBe(true);
    expect(result.report.sheets[0].notice).toMatch(/合并区域 A1:XFD1048576 .*已按未合并处理/);
    const base = checkBook(await readXlsxBuffer(original, 'a.xlsx'));
    expect(result.report.sheets.map((s) => s.findings)).toEqual(base.report.sheets.map((s) => s.findings));
  });

  it('a whole-row merge over a title is clipped to the columns that hold values', async () => {
    const { book } = await checked(await edited(addMerge('A1:XFD1')));
    for (const g of book.sheets) for (const m of g.merges) expect(m.right).toBeLessThan(g.colCount);
  });

  it('20,000 merges are all read', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>项目${i}</t></is></c><c r="C${i + 2}"><v>${i % 97}</v></c></row>`).join('');
    const merges = Array.from({ length: 20_000 }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join('');
    const bytes = await edited(null, async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace(/<sheetData>[\s\S]*<\/sheetData>(<mergeCells[\s\S]*<\/mergeCells>)?/, `<sheetData>${rows}</sheetData><mergeCells count="20000">${merges}</mergeCells>`));
    });
    const { book } = await checked(bytes);
    expect(book.sheets[0].merges).toHaveLength(20_000);
  });
});

describe('damage is named, never passed as clean', () => {
  const damaged: [string, () => Promise<Buffer>, RegExp][] = [
    ['a sheet part missing', () => edited(null, async (zip) => void zip.remove('xl/worksheets/sheet2.xml')), /整张工作表未能读取/],
    [
      'a relationship id missing',
      () =>
        edited(null, async (zip) => {
          const xml = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
          zip.file('xl/_rels/workbook.xml.rels', xml.replace(/<Relationship [^>]*Target="worksheets\/sheet2.xml"[^>]*\/>/, ''));
        }),
      /关系缺失/,
    ],
    ['a shared formula without its master', () => edited(addRow('<row r="300"><c r="B300"><f t="shared" si="77"/><v>5</v></c></row>')), /共享公式缺少主公式/],
    ['a value element emptied', () => edited((x) => x.replace(/(<c r="B5" s="1">)<v>[^<]*<\/v>/, '$1<v></v>')), /值在文件中是空的/],
    ['a number cell holding "abc"', () => edited((x) => x.replace(/(<c r="B5" s="1">)<v>[^<]*<\/v>/, '$1<v>abc</v>')), /标为数字，内容却不是数字/],
    ['a sheet cut off mid-way', () => edited((x) => x.slice(0, Math.floor(x.length * 0.6))), /已损坏/],
    ['a row beyond the last row', () => edited(addRow('<row r="99999999"><c r="A99999999"><v>1</v></c></row>')), /超出工作表范围/],
  ];

  it.each(damaged)('%s: checked in part, the sheet says what was not read, the count line is not 未发现问题', async (_label, make, said) => {
    const { result } = await checked(await make());
    expect(result.partialSheets.length).toBeGreaterThan(0);
    const notices = result.report.sheets.map((s) => s.notice ?? '').join('\n');
    expect(notices).toMatch(said);
    expect(notices).not.toMatch(/NaN|undefined|[A-Za-z]{4,}/);
    expect(result.report.partial).toEqual(result.partialSheets);
    const text = formatWorkbookText(result.report);
    expect(text.trimEnd().split('\n').pop()).toMatch(/校核不完整/);
    expect(text).not.toMatch(/^未发现问题$/m);
  });

  it('a zip without a workbook is "not a workbook"; a damaged zip is damaged, in Chinese, the English kept for --verbose', async () => {
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    const notBook = await readXlsxBuffer(await docx.generateAsync({ type: 'nodebuffer' }), 'a.xlsx').catch((e) => e);
    expect(notBook).toBeInstanceOf(WorkbookReadError);
    expect(notBook.code).toBe('not-xlsx');
    const cut = await readXlsxBuffer(original.subarray(0, original.length - 200), 'a.xlsx').catch((e) => e);
    expect(cut).toBeInstanceOf(WorkbookReadError);
    expect(cut.code).toBe('corrupt');
    expect(englishIn(cut.message, 'a.xlsx')).toBeNull();
    expect(cut.detail).toMatch(/[A-Za-z]/);
  });
});
