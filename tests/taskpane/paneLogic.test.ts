import { gridFromRows } from '../../src/core/grid';
import type { Finding, TableSummary } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { DemoHost } from '../../src/hosts/demo/DemoHost';
import { DemoWorkbook } from '../../src/hosts/demo/workbook';
import { groupFindings, reasonOf, runSheetCheck, summarizeCheck } from '../../src/taskpane/check/runCheck';
import { ruleLabel as cliRuleLabel } from '../../src/core/report/labels';
import { dictionaries, detectLocale, normalizeLocale, ruleLabel, translate } from '../../src/taskpane/i18n';
import { DEFAULT_PANE_SETTINGS, STORAGE_KEY, isValidTolerance, loadSettings, sanitizeSettings, saveSettings, toCheckSettings } from '../../src/taskpane/settings';
import { RULE_IDS } from '../../src/core/types';

function f(cell: string, rule: Finding['rule'], table?: number): Finding {
  return { rule, severity: 'error', sheet: 'S', cell, message: `${cell} 不符`, table };
}

const tables: TableSummary[] = [
  { range: 'A3:D10', kind: 'classification', title: '收入表', headerRows: 2, totalRows: [10] },
  { range: 'A13:D20', kind: 'allocation', headerRows: 1, totalRows: [13] },
];

describe('findings grouping and summary', () => {
  test('grouped by table in sheet order, cells in reading order, findings without a table last', () => {
    const groups = groupFindings({
      tables,
      findings: [f('C20', 'sum.column', 1), f('B10', 'sum.column', 0), f('AA4', 'code.unknown'), f('D4', 'sum.row', 0), f('B9', 'sum.hierarchy', 0), f('X1', 'sum.row', 7)],
    });
    expect(groups.map((g) => g.key)).toEqual(['t0', 't1', 'other']);
    expect(groups[0].findings.map((x) => x.cell)).toEqual(['D4', 'B9', 'B10']);
    expect(groups[0].table!.title).toBe('收入表');
    // A table index that does not exist is not trusted: the finding goes to "other".
    expect(groups[2].findings.map((x) => x.cell)).toEqual(['X1', 'AA4']);
  });

  test('summary counts tables by kind and findings by rule, most frequent rule first', () => {
    const s = summarizeCheck({ tables, findings: [f('A1', 'sum.row', 0), f('A2', 'sum.column', 0), f('A3', 'sum.column', 1)] });
    expect(s).toEqual({
      tables: 2,
      byKind: [
        { kind: 'classification', count: 1 },
        { kind: 'allocation', count: 1 },
      ],
      findings: 3,
      byRule: [
        { rule: 'sum.column', count: 2 },
        { rule: 'sum.row', count: 1 },
      ],
    });
  });

  test('reasonOf gives one readable line for anything thrown', () => {
    expect(reasonOf(new Error('读取失败'))).toBe('读取失败');
    expect(reasonOf('字符串')).toBe('字符串');
    expect(reasonOf({ code: 'AccessDenied' })).toBe('{"code":"AccessDenied"}');
  });
});

describe('runSheetCheck', () => {
  const rows = [
    ['单位', '金额'],
    ['甲', 1],
    ['乙', 2],
    ['合计', 4],
  ];

  test('reports read progress, then checking and marking; replaces old marks with the new ones', async () => {
    const wb = DemoWorkbook.fromGrids([gridFromRows('S', rows)]);
    const host = new DemoHost(wb, { chunkRows: 2 });
    // An old mark on a cell that is fine now must be gone after the check.
    await host.markFindings([{ rule: 'sum.row', severity: 'error', sheet: 'S', cell: 'A1', message: '旧' }]);
    const phases: string[] = [];
    const outcome = await runSheetCheck(host, DEFAULT_SETTINGS, (p) => phases.push(p.phase === 'reading' ? `reading ${p.done}/${p.total}` : p.phase));
    expect(phases).toEqual(['reading 0/4', 'reading 2/4', 'reading 4/4', 'checking', 'marking']);
    expect(outcome.markError).toBeUndefined();
    expect(outcome.marked).toBe(new Set(outcome.check.findings.map((x) => x.cell)).size);
    expect(wb.sheets[0].marks.has('0,0')).toBe(outcome.check.findings.some((x) => x.cell === 'A1'));
    expect(wb.markCount()).toBe(outcome.marked);
  });

  test('a failure to mark keeps the findings and says why', async () => {
    const wb = DemoWorkbook.fromGrids([gridFromRows('S', rows)]);
    const host = new DemoHost(wb);
    host.markFindings = async () => {
      throw new Error('工作表受保护');
    };
    host.clearMarks = async () => 0;
    const outcome = await runSheetCheck(host, DEFAULT_SETTINGS);
    expect(outcome.check.findings.map((x) => x.cell)).toContain('B4');
    expect(outcome.marked).toBe(0);
    expect(reasonOf(outcome.markError)).toBe('工作表受保护');
  });

  test('a read failure propagates (the pane shows it as 读取工作表失败)', async () => {
    const host = new DemoHost(DemoWorkbook.fromGrids([gridFromRows('S', rows)]));
    host.readActiveSheet = async () => {
      throw new Error('没有活动工作表');
    };
    await expect(runSheetCheck(host, DEFAULT_SETTINGS)).rejects.toThrow('没有活动工作表');
  });
});

describe('i18n', () => {
  test('both languages have every key, and every rule has a label in each', () => {
    expect(Object.keys(dictionaries['en-US']).sort()).toEqual(Object.keys(dictionaries['zh-CN']).sort());
    for (const rule of RULE_IDS) {
      // One name per rule: the pane's Chinese label is the CLI's (core/report/labels).
      expect(ruleLabel('zh-CN', rule)).toBe(cliRuleLabel(rule));
      expect(ruleLabel('en-US', rule)).not.toBe(rule);
    }
    for (const [key, text] of Object.entries(dictionaries['zh-CN'])) {
      if (key.startsWith('lang.')) continue;
      expect(`${key}: ${/[\u4e00-\u9fff]/.test(text)}`).toBe(`${key}: true`);
    }
  });

  test('placeholders are filled; unknown ones stay visible', () => {
    expect(translate('zh-CN', 'check.reading', { done: 2000, total: 20005 })).toBe('已读取 2000/20005 行');
    expect(translate('en-US', 'check.reading', { done: 1 })).toBe('Read 1/{total} rows');
  });

  test('locale: Office display language first, then the browser; Chinese variants read Chinese', () => {
    expect(detectLocale({ officeDisplayLanguage: 'en-US', browserLanguage: 'zh-CN' })).toBe('en-US');
    expect(detectLocale({ officeDisplayLanguage: null, browserLanguage: 'zh-TW' })).toBe('zh-CN');
    expect(detectLocale({ browserLanguage: 'fr-FR' })).toBe('en-US');
    expect(detectLocale({})).toBe('zh-CN');
    expect(normalizeLocale('zh-Hans-CN')).toBe('zh-CN');
  });
});

describe('settings', () => {
  function memoryStorage() {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  }

  test('round-trip through storage', () => {
    const st = memoryStorage();
    expect(loadSettings(st)).toEqual(DEFAULT_PANE_SETTINGS);
    saveSettings({ tolerance: '0.01', weightsTotal: 100, catalogYear: 2024, locale: 'en-US' }, st);
    expect(loadSettings(st)).toEqual({ tolerance: '0.01', weightsTotal: 100, catalogYear: 2024, locale: 'en-US' });
  });

  test('bad stored values fall back to defaults one by one; broken JSON falls back entirely', () => {
    expect(sanitizeSettings({ tolerance: '-1', weightsTotal: 95, catalogYear: 1999, locale: 'fr', extra: 1 })).toEqual(DEFAULT_PANE_SETTINGS);
    expect(sanitizeSettings({ tolerance: '0.05', weightsTotal: 'auto' })).toEqual({ ...DEFAULT_PANE_SETTINGS, tolerance: '0.05' });
    const st = memoryStorage();
    st.m.set(STORAGE_KEY, '{not json');
    expect(loadSettings(st)).toEqual(DEFAULT_PANE_SETTINGS);
    expect(loadSettings(null)).toEqual(DEFAULT_PANE_SETTINGS);
  });

  test('tolerance must be a non-negative decimal', () => {
    for (const ok of ['0', '0.01', '1', '.5', ' 0.1 ']) expect(isValidTolerance(ok)).toBe(true);
    for (const bad of ['', '-0.01', 'abc', '1e3', '0,01', 'NaN']) expect(isValidTolerance(bad)).toBe(false);
  });

  test('pane settings become engine settings', () => {
    expect(toCheckSettings({ tolerance: '0.01', weightsTotal: 90, catalogYear: 2024 })).toEqual({
      ...DEFAULT_SETTINGS,
      tolerance: '0.01',
      weightsTotal: 90,
      catalogYear: 2024,
    });
  });
});
