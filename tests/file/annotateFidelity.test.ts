/**
 * The annotated copy keeps every value and number format it does not mark, checked with a second reader (the
 * file host's own XML reader, not exceljs that wrote the copy).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { annotateCopy } from '../../src/hosts/file/annotate';
import { readXlsxBuffer } from '../../src/hosts/file/xlsxBytes';
import type { Finding } from '../../src/core/types';

/** A small sheet written by hand: a literal-percent format, a t="d" date, a text format, a marked total. */
async function handWrittenBook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.00\\%"/><numFmt numFmtId="165" formatCode="#,##0.00&quot;万元&quot;"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>');
  const rows = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c><c r="C1" t="inlineStr"><is><t>占比</t></is></c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="2"><v>10</v></c><c r="C2" s="1"><v>1</v></c></row>',
    '<row r="3"><c r="A3" t="inlineStr"><is><t>乙</t></is></c><c r="B3" s="2"><v>20</v></c><c r="C3" s="1"><v>2.5</v></c></row>',
    '<row r="4"><c r="A4" t="inlineStr"><is><t>合计</t></is></c><c r="B4" s="4"><v>31</v></c></row>',
    '<row r="6"><c r="A6" t="inlineStr"><is><t>编制日期</t></is></c><c r="B6" s="3" t="d"><v>2026-01-15T00:00:00</v></c><c r="C6" t="d"><v>2025-12-31</v></c></row>',
  ];
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

it('keeps every value and number format it does not mark: 0.00\\% stays a literal percent, t="d" stays a date', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiaohe-fidelity-'));
  const input = path.join(dir, 'in.xlsx');
  const output = path.join(dir, 'out.xlsx');
  await fs.writeFile(input, await handWrittenBook());
  const finding: Finding = { rule: 'sum.column', severity: 'error', sheet: '表1', cell: 'B4', message: '合计 31 ≠ 30' };
  const done = await annotateCopy(input, output, [finding]);
  expect(done.cells).toBe(1);
  const before = (await readXlsxBuffer(await fs.readFile(input), 'in.xlsx')).sheets[0];
  const after = (await readXlsxBuffer(await fs.readFile(output), 'out.xlsx')).sheets[0];
  expect([after.rowCount, after.colCount]).toEqual([before.rowCount, before.colCount]);
  for (let r = 0; r < before.rowCount; r++) {
    for (let c = 0; c < before.colCount; c++) {
      const a = before.cell(r, c);
      const b = after.cell(r, c);
      // A t="d" date without a format of its own is given one, so the copy shows it as a date, not a serial.
      if (r === 5 && c === 2) continue;
      expect({ at: `${r},${c}`, value: b?.value, text: b?.text, numberFormat: b?.numberFormat ?? a?.numberFormat }).toEqual({ at: `${r},${c}`, value: a?.value, text: a?.text, numberFormat: a?.numberFormat });
    }
  }
  expect(after.cell(1, 2)?.numberFormat).toBe('0.00\\%');
  expect(after.cell(5, 1)?.value).toBe('2026-01-15');
  expect(after.cell(5, 2)).toMatchObject({ value: '2025-12-31', numberFormat: 'yyyy-mm-dd' });
  await fs.rm(dir, { recursive: true, force: true });
});
