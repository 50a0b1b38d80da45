/**
 * code.* findings on the real disclosures of ../shared/real (issues 11 and 14): nothing on labels in code columns or
 * on codes and names the official documents print; the 福利院's renumbered 经济分类 list still found, as errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkXlsxFile } from '../../src/hosts/file/checkWorkbook';
import type { Finding } from '../../src/core/types';
import { formatWorkbookText } from '../../src/core/report';

const REAL = [path.join(__dirname, '..', '..', '..', 'shared', 'real'), '/work/shared/real'].find((p) => fs.existsSync(p));
const describeIf = REAL ? describe : describe.skip;

async function codeFindings(book: string): Promise<{ findings: Finding[]; catalog: unknown }> {
  const { report } = await checkXlsxFile(path.join(REAL!, `${book}.xlsx`));
  return { findings: report.sheets.flatMap((s) => s.findings.filter((f) => f.rule.startsWith('code.'))), catalog: report.catalog };
}

describeIf('code findings on the real disclosures', () => {
  test('财政局 2024 决算: none (合计 and 人员经费合计 / 公用经费合计 across the code columns are labels)', async () => {
    expect((await codeFindings('putuo-czj-2024-juesuan')).findings).toEqual([]);
  });

  test('万里街道 2024 预算: none (2089999 is the 2024 code, 合计 a label); the year comes from its titles', async () => {
    const r = await codeFindings('putuo-wanli-2024-bumen-yusuan');
    expect(r.findings).toEqual([]);
    expect(r.catalog).toEqual({ year: 2024, edition: 2024, source: 'book' });
  });

  test('司法局 2026 预算: none (无 in an empty table is a label); checked against 2025, and the report says so', async () => {
    const r = await codeFindings('putuo-sfj-2026-bumen-yusuan');
    expect(r.findings).toEqual([]);
    expect(r.catalog).toEqual({ year: 2026, edition: 2025, source: 'book', note: '按2025年科目表校验；未内置2026年科目表' });
    const { report } = await checkXlsxFile(path.join(REAL!, 'putuo-sfj-2026-bumen-yusuan.xlsx'));
    const text = formatWorkbookText(report);
    expect(text.split('按2025年科目表校验').length - 1).toBe(1);
    expect(text.split('\n')[1]).toBe('科目表：按2025年科目表校验；未内置2026年科目表。');
  });

  test('福利院 2024 预算: its renumbered 302 list and misnamed 303 / 30301 / 30108 are errors; its 类 cell “7” is malformed', async () => {
    const { findings } = await codeFindings('putuo-fly-2024-danwei-yusuan');
    const economic = findings.filter((f) => f.sheet.includes('经济分类'));
    expect(economic.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual([
      'C10 code.name error',
      ...['C18', 'C19', 'C20', 'C21', 'C22', 'C23', 'C24'].map((c) => `${c} code.name error`),
      'B26 code.unknown error',
      ...['C27', 'C28', 'C29', 'C30', 'C31'].map((c) => `${c} code.name error`),
    ]);
    const others = findings.filter((f) => !f.sheet.includes('经济分类'));
    // 210 | 11 | 02 printed with “7” in the 类 column, in two tables.
    expect(others.map((f) => `${f.cell} ${f.message}`)).toEqual(['A16 A16：类编码“7”应为3位数字。', 'A16 A16：类编码“7”应为3位数字。']);
  });
});
