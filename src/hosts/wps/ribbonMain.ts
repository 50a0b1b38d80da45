/**
 * The WPS add-in runtime behind the ribbon (wps/index.html + wps/main.js): one-click check and the task
 * pane toggle. Bundled by scripts/build-wps.js into jiaohe-wps.js, exposed as `window.JiaoheWps`, so the
 * ribbon runs the very engine the task pane and the CLI run.
 */
import type { Finding } from '../../core/types';
import { runSheetCheck } from '../../taskpane/check/runCheck';
import { loadSettings, toCheckSettings } from '../../taskpane/settings';
import { EtApplication, EtTaskPane, prop, tryProp } from './et';
import { WpsHost } from './WpsHost';

/** PluginStorage key of the task pane's id, so 打开助手 toggles the same pane instead of opening another. */
export const TASKPANE_ID_KEY = 'jiaohe.taskpane.id';
/** Task pane page, relative to the add-in's folder (or URL). */
export const TASKPANE_PATH = 'ui/taskpane.html';

function application(app?: unknown): EtApplication {
  if (app) return app as EtApplication;
  const g = (typeof window !== 'undefined' ? window : globalThis) as unknown as { Application?: EtApplication };
  if (!g.Application) throw new Error('未检测到 WPS 表格。');
  return g.Application;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface OneClickResult {
  /** The line shown to the officer (status bar and message box). */
  message: string;
  findings: number;
  errors: number;
  warnings: number;
  marked: number;
  ok: boolean;
}

/** Summary of a check in one Chinese sentence. */
export function summarize(sheet: string, findings: Finding[], tables: number, marked: number, notice?: string): string {
  if (notice) return `校核：工作表“${sheet}”——${notice}`;
  if (tables === 0) return `校核：工作表“${sheet}”上没有识别到需要校验的表格。`;
  if (findings.length === 0) return `校核完成：工作表“${sheet}”的 ${tables} 张表格未发现问题。`;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const parts = [`错误 ${errors} 处`];
  if (warnings) parts.push(`提示 ${warnings} 处`);
  return `校核完成：工作表“${sheet}”发现 ${findings.length} 处问题（${parts.join('，')}），已在 ${marked} 个单元格标出；点击“打开助手”查看明细。`;
}

/** 一键校验: read the active sheet, check it with the officer's saved settings, replace the old marks. */
export async function oneClickCheck(app?: unknown): Promise<OneClickResult> {
  const et = application(app);
  const host = new WpsHost({ application: et });
  try {
    const settings = toCheckSettings(loadSettings());
    const outcome = await runSheetCheck(host, settings);
    const { check } = outcome;
    const errors = check.findings.filter((f) => f.severity === 'error').length;
    let message = summarize(check.name, check.findings, check.tables.length, outcome.marked, check.notice);
    if (outcome.markError) message += `（未能标记单元格：${errorText(outcome.markError)}）`;
    return {
      message,
      findings: check.findings.length,
      errors,
      warnings: check.findings.length - errors,
      marked: outcome.marked,
      ok: true,
    };
  } catch (err) {
    return { message: `校核失败：${errorText(err)}`, findings: 0, errors: 0, warnings: 0, marked: 0, ok: false };
  }
}

/** 清除标记 from the ribbon. */
export async function clearAllMarks(app?: unknown): Promise<string> {
  try {
    const n = await new WpsHost({ application: application(app) }).clearMarks();
    return n > 0 ? `校核：已清除 ${n} 处标记，单元格已恢复原样。` : '校核：没有需要清除的标记。';
  } catch (err) {
    return `校核：清除标记失败：${errorText(err)}`;
  }
}

/** The folder URL of a page ("http://host/jiaohe/index.html?x#y" → "http://host/jiaohe/"). */
export function baseUrlOf(href: string): string {
  const clean = href.split('#')[0].split('?')[0];
  return clean.slice(0, clean.lastIndexOf('/') + 1);
}

/**
 * 打开助手: the first click creates the task pane and keeps its id in PluginStorage (shared by every page
 * of the add-in in this WPS session); later clicks show or hide that same pane.
 */
export function toggleTaskPane(baseUrl: string, app?: unknown): EtTaskPane {
  const et = application(app);
  const storage = et.PluginStorage;
  const savedId = storage?.getItem(TASKPANE_ID_KEY);
  if (savedId !== null && savedId !== undefined && savedId !== '' && et.GetTaskPane) {
    // PluginStorage keeps strings; WPS numbers its panes.
    const id = /^\d+$/.test(savedId) ? Number(savedId) : savedId;
    const existing = tryProp<EtTaskPane>(et, 'GetTaskPane', id);
    if (existing) {
      existing.Visible = !existing.Visible;
      return existing;
    }
  }
  if (!et.CreateTaskPane) throw new Error('当前 WPS 版本不支持任务窗格（缺少 CreateTaskPane）。');
  const pane = et.CreateTaskPane(baseUrl + TASKPANE_PATH);
  storage?.setItem(TASKPANE_ID_KEY, String(prop(pane, 'ID')));
  pane.Visible = true;
  return pane;
}

/** Show a message: the status bar always, and a message box when asked (the officer clicked a button). */
export function notify(message: string, app?: unknown, box = true): void {
  try {
    const et = application(app);
    et.StatusBar = message;
  } catch {
    /* no status bar: the box below still tells */
  }
  if (!box) return;
  const g = (typeof window !== 'undefined' ? window : globalThis) as unknown as { alert?: (m: string) => void };
  if (typeof g.alert === 'function') g.alert(message);
}
