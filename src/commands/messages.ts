/**
 * Short result messages of the one-click check, in zh-CN (default) and en-US. Pure functions: the task pane can
 * reuse them (e.g. to show "上次一键校验" from the marks record) and tests can check them without Office.
 */
export type MessageLocale = 'zh-CN' | 'en-US';

export interface CheckOutcome {
  ok: true;
  sheet: string;
  findings: number;
  errors: number;
  warnings: number;
  /** Cells that got a mark (several findings on one cell make one mark). */
  marked: number;
  tables: number;
  /** The engine's reason when the sheet could not be checked (empty sheet…). */
  notice?: string;
}

export interface FailedOutcome {
  ok: false;
  /** Chinese reason. */
  message: string;
  messageEn?: string;
}

export type CommandOutcome = CheckOutcome | FailedOutcome;

export function localeOf(language: string | undefined | null): MessageLocale {
  return language && /^en/i.test(language) ? 'en-US' : 'zh-CN';
}

/** "发现 9 处问题" / "未发现问题" — the count as officers read it. */
export function formatCount(count: number, locale: MessageLocale = 'zh-CN'): string {
  const n = Math.max(0, Math.floor(count));
  if (locale === 'en-US') return n === 0 ? 'No issues found' : n === 1 ? '1 issue found' : `${n} issues found`;
  return n === 0 ? '未发现问题' : `发现 ${n} 处问题`;
}

/** Title and body lines for the result dialog. */
export function formatOutcome(outcome: CommandOutcome, locale: MessageLocale = 'zh-CN'): { title: string; lines: string[] } {
  const en = locale === 'en-US';
  if (!outcome.ok) {
    return {
      title: en ? 'Jiaohe: check failed' : '校核：未能完成校验',
      lines: [en ? outcome.messageEn ?? outcome.message : outcome.message],
    };
  }
  const title = en ? `Jiaohe · ${outcome.sheet}` : `校核 · ${outcome.sheet}`;
  if (outcome.notice && outcome.findings === 0) return { title, lines: [outcome.notice] };
  const lines: string[] = [];
  if (outcome.findings === 0) {
    lines.push(
      en
        ? `${formatCount(0, locale)} in ${outcome.tables} table(s).`
        : outcome.tables > 0
          ? `${outcome.tables} 张表，${formatCount(0, locale)}。`
          : '没有找到可以校验的表格。',
    );
    return { title, lines };
  }
  const parts = en
    ? [`${outcome.errors} error(s)`, `${outcome.warnings} warning(s)`]
    : [`错误 ${outcome.errors}`, `提示 ${outcome.warnings}`];
  lines.push(en ? `${formatCount(outcome.findings, locale)} (${parts.join(', ')}).` : `${formatCount(outcome.findings, locale)}（${parts.join('，')}）。`);
  lines.push(
    en
      ? `${outcome.marked} cell(s) are highlighted. Open the assistant for details; Clear marks restores the cells.`
      : `已在 ${outcome.marked} 个单元格上标出颜色和批注。点“打开助手”查看详情，“清除标记”可完全还原。`,
  );
  return { title, lines };
}

export const DIALOG_PARAM = 'jiaohe-dialog';

/** URL of the result dialog: commands.html itself, with the message in the query (no extra page to build). */
export function dialogUrl(pageUrl: string, message: { title: string; lines: string[] }, locale: MessageLocale): string {
  const u = new URL(pageUrl);
  u.search = '';
  u.hash = '';
  u.searchParams.set(DIALOG_PARAM, '1');
  u.searchParams.set('lang', locale);
  u.searchParams.set('title', message.title);
  u.searchParams.set('text', message.lines.join('\n'));
  return u.toString();
}

/** The message a dialog URL carries, or null when the page is not the dialog. Lengths are capped. */
export function readDialogMessage(search: string): { title: string; lines: string[]; locale: MessageLocale } | null {
  const p = new URLSearchParams(search);
  if (p.get(DIALOG_PARAM) !== '1') return null;
  const title = (p.get('title') ?? '校核').slice(0, 120);
  const lines = (p.get('text') ?? '').slice(0, 2000).split('\n').filter((l) => l.trim());
  return { title, lines, locale: localeOf(p.get('lang')) };
}
