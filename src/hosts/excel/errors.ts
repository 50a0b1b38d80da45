/** Office.js errors → one-line Chinese reasons the task pane and the ribbon command can show as they are. */

export class ExcelHostError extends Error {
  readonly code: string;
  readonly messageEn: string;
  constructor(code: string, message: string, messageEn: string) {
    super(message);
    this.name = 'ExcelHostError';
    this.code = code;
    this.messageEn = messageEn;
  }
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : '';
}

export function isPayloadLimitError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/i.test(
    errorCode(e) + ' ' + String((e as Error)?.message ?? ''),
  );
}

/** Wraps any failure from Excel.run with a reason an officer can act on; keeps ExcelHostErrors as they are. */
export function toHostError(e: unknown, doing: string, doingEn: string): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const code = errorCode(e) || 'Unknown';
  const detail = String((e as Error)?.message ?? e ?? '').trim();
  switch (code) {
    case 'AccessDenied':
    case 'InvalidOperationInCellEditMode':
      if (code === 'InvalidOperationInCellEditMode') {
        return new ExcelHostError(code, `${doing}失败：单元格正在编辑，请先按 Enter 或 Esc 结束编辑。`, `${doingEn} failed: a cell is being edited; press Enter or Esc first.`);
      }
      return new ExcelHostError(code, `${doing}失败：工作表或工作簿受保护，请先撤销保护。`, `${doingEn} failed: the sheet or workbook is protected; unprotect it first.`);
    case 'ItemNotFound':
      return new ExcelHostError(code, `${doing}失败：找不到相应的工作表或单元格（可能已被删除或改名）。`, `${doingEn} failed: a sheet or cell was not found (deleted or renamed?).`);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new ExcelHostError(code, `${doing}失败：数据量超过 Excel 单次传输上限。`, `${doingEn} failed: the data exceeds Excel's payload limit.`);
    default:
      return new ExcelHostError(
        code,
        `${doing}失败：${detail || code}`,
        `${doingEn} failed: ${detail || code}`,
      );
  }
}
