import { formatBatchSummary, formatSheetText, formatWorkbookText, jsonWorkbook, sortFindings } from '../../src/core/report';
import type { Finding, WorkbookReport } from '../../src/core/types';

const f = (cell: string, extra: Partial<Finding> = {}): Finding => ({
  rule: 'sum.column',
  severity: 'error',
  sheet: 's',
  cell,
  message: `${cell} 不符`,
  ...extra,
});

describe('report formatting (pure)', () => {
  it('sorts findings top to bottom, then left to right; odd addresses go last', () => {
    const sorted = sortFindings([f('B10'), f('AA2'), f('C2'), f('??'), f('B2')]).map((x) => x.cell);
    expect(sorted).toEqual(['B2', 'C2', 'AA2', 'B10', '??']);
  });

  it('shows a sheet notice, a sheet without tables, and findings whose table index is unknown', () => {
    expect(formatSheetText({ name: '空表', tables: [], findings: [], notice: '工作表为空，没有可校验的表格。' })).toEqual([
      '工作表「空表」',
      '  说明：工作表为空，没有可校验的表格。',
    ]);
    expect(formatSheetText({ name: '散表', tables: [], findings: [f('D4', { table: 3 })] })).toEqual([
      '工作表「散表」',
      '  未识别到表格',
      '  问题：',
      '    D4  错误  sum.column（合计行不符）  D4 不符',
    ]);
  });

  it('a workbook without sheets still ends with its count line', () => {
    expect(formatWorkbookText({ file: 'a.xlsx', sheets: [] })).toBe('文件：a.xlsx\n（没有可校验的工作表）\n未发现问题\n');
  });

  it('the batch summary lists failures by their one-line reason', () => {
    const ok: WorkbookReport = { file: 'ok.xlsx', sheets: [{ name: 's', tables: [], findings: [] }] };
    const text = formatBatchSummary([
      { file: 'ok.xlsx', report: ok },
      { file: 'bad.xls', error: 'bad.xls：这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel/WPS 中另存为 .xlsx 后再校验。' },
    ]);
    expect(text).toBe(
      [
        '==== 批量校核汇总 ====',
        '共 2 个文件：未发现问题 1 个，发现问题 0 个，无法校核 1 个',
        '无法校核的文件：',
        '  bad.xls：这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel/WPS 中另存为 .xlsx 后再校验。',
        '问题合计 0 处',
        '',
      ].join('\n'),
    );
  });

  it('JSON drops the sheet field of findings and never writes null', () => {
    const report: WorkbookReport = {
      file: 'a.xlsx',
      sheets: [
        {
          name: 's',
          tables: [{ range: 'A3:C9', kind: 'generic', headerRows: 1, totalRows: [] }],
          findings: [f('C9', { expected: undefined, parts: ['C4', 'C5'] })],
        },
      ],
    };
    const json = JSON.parse(JSON.stringify(jsonWorkbook(report)));
    expect(json).toEqual({
      file: 'a.xlsx',
      sheets: [
        {
          name: 's',
          tables: [{ range: 'A3:C9', kind: 'generic', headerRows: 1, totalRows: [] }],
          findings: [{ rule: 'sum.column', cell: 'C9', severity: 'error', parts: ['C4', 'C5'], message: 'C9 不符' }],
        },
      ],
    });
  });
});
