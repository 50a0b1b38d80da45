import { Grid } from '../core/grid';
import { rangeToA1 } from '../core/grid/address';

/**
 * The most cells a live host (Excel, WPS) reads from one sheet. A 200,000-row × 20-column table is 4 million; a
 * used range far larger is almost always one stray value far from the tables (XFD1048576), and reading it would
 * take hours of round trips and more memory than a task pane has. The file host collapses such gaps instead.
 */
export const MAX_READ_CELLS = 5_000_000;

/** Why a sheet's content range is too large to read (one Chinese line), or null when it can be read. */
export function tooLargeToRead(sheet: string, range: { top: number; left: number; rows: number; cols: number }): string | null {
  const cells = range.rows * range.cols;
  if (cells <= MAX_READ_CELLS) return null;
  const address = rangeToA1({ top: range.top, left: range.left, bottom: range.top + range.rows - 1, right: range.left + range.cols - 1 });
  return (
    `工作表“${sheet}”的内容范围为 ${address}（${range.rows.toLocaleString('en-US')} 行 × ${range.cols.toLocaleString('en-US')} 列），` +
    `超过可读取的 ${MAX_READ_CELLS / 10_000} 万个单元格，多半是表格之外远处有零星内容：请按 Ctrl+End 找到并删除后再校验。`
  );
}

/** A sheet the host refused to read because of its size; the message is tooLargeToRead's. */
export class SheetTooLargeError extends Error {
  readonly code = 'SheetTooLarge';
  constructor(message: string) {
    super(message);
    this.name = 'SheetTooLargeError';
  }
}

/**
 * In a whole-book read, a sheet too large to read does not stop the book: it becomes an empty grid that says why
 * (Grid.unread, shown as that sheet's notice), and the other sheets are checked. Any other error is rethrown.
 */
export function unreadGrid(sheet: string, err: unknown): Grid {
  if ((err as { code?: unknown })?.code !== 'SheetTooLarge') throw err;
  return new Grid({ name: sheet, cells: [], unread: `未校验：${(err as Error).message}` });
}
