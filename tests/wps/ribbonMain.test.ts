import { checkSheet } from '../../src/core/engine';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import type { Finding } from '../../src/core/types';
import { baseUrlOf, clearAllMarks, oneClickCheck, summarize, toggleTaskPane, TASKPANE_ID_KEY } from '../../src/hosts/wps/ribbonMain';
import { FakeApplication } from './fakeEt';
import { sharedFixture } from '../sharedFixtures';

const f = (severity: 'error' | 'warning'): Finding => ({ rule: 'sum.column', severity, sheet: '表1', cell: 'B4', message: 'x' });

describe('ribbon runtime', () => {
  it('summarises a check in one Chinese sentence', () => {
    expect(summarize('表1', [], 2, 0)).toBe('校核完成：工作表“表1”的 2 张表格未发现问题。');
    expect(summarize('表1', [], 0, 0)).toContain('没有识别到需要校验的表格');
    expect(summarize('表1', [f('error'), f('error'), f('warning')], 1, 2)).toBe(
      '校核完成：工作表“表1”发现 3 处问题（错误 2 处，提示 1 处），已在 2 个单元格标出；点击“打开助手”查看明细。',
    );
    expect(summarize('空表', [], 0, 0, '工作表为空，没有可校验的表格。')).toBe('校核：工作表“空表”——工作表为空，没有可校验的表格。');
  });

  it('one-click check reads, checks and marks the active sheet with the engine, then clear restores it', async () => {
    const book = await readXlsxFile(sharedFixture('seed004-department-budget.xlsx'));
    const index = book.sheets.findIndex((g) => g.name === '表2 收入总体');
    const app = FakeApplication.fromGrids(book.sheets, index);
    const expected = checkSheet(book.sheets[index]).findings;
    const result = await oneClickCheck(app);
    expect(result.ok).toBe(true);
    expect(result.findings).toBe(expected.length);
    expect(result.errors).toBe(expected.filter((x) => x.severity === 'error').length);
    expect(result.marked).toBe(new Set(expected.map((x) => x.cell)).size);
    expect(result.message).toBe(summarize('表2 收入总体', expected, checkSheet(book.sheets[index]).tables.length, result.marked));
    expect(app.workbook.sheets.some((s) => s.name === '_jiaohe_marks')).toBe(result.marked > 0);
    expect(await clearAllMarks(app)).toBe(result.marked > 0 ? `校核：已清除 ${result.marked} 处标记，单元格已恢复原样。` : '校核：没有需要清除的标记。');
    expect(await clearAllMarks(app)).toBe('校核：没有需要清除的标记。');
    expect(app.ScreenUpdating).toBe(true);
  });

  it('reports a failure in Chinese instead of throwing', async () => {
    const app = new FakeApplication();
    const result = await oneClickCheck(app);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^校核失败：/);
  });

  it('creates the task pane once and toggles it afterwards', () => {
    const app = new FakeApplication();
    const pane = toggleTaskPane('http://intranet/jiaohe/', app);
    expect(pane.Visible).toBe(true);
    expect(app.taskPanes.map((p) => p.url)).toEqual(['http://intranet/jiaohe/ui/taskpane.html']);
    expect(app.PluginStorage.getItem(TASKPANE_ID_KEY)).toBe(String(app.taskPanes[0].ID));
    expect(toggleTaskPane('http://intranet/jiaohe/', app).Visible).toBe(false);
    expect(toggleTaskPane('http://intranet/jiaohe/', app).Visible).toBe(true);
    expect(app.taskPanes).toHaveLength(1);
    // A stale id (the pane was closed for good by a WPS restart) makes a new pane.
    app.PluginStorage.setItem(TASKPANE_ID_KEY, '999');
    toggleTaskPane('http://intranet/jiaohe/', app);
    expect(app.taskPanes).toHaveLength(2);
  });

  it('finds the add-in folder of a page URL', () => {
    expect(baseUrlOf('http://h/jiaohe/index.html?x=1#y')).toBe('http://h/jiaohe/');
    expect(baseUrlOf('file:///C:/Users/a/AppData/Roaming/kingsoft/wps/jsaddons/jiaohe_0.1.0/index.html')).toBe(
      'file:///C:/Users/a/AppData/Roaming/kingsoft/wps/jsaddons/jiaohe_0.1.0/',
    );
  });
});
