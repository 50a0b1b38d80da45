import type { CliIO } from './io';

/** `jiaohe catalog import` (placeholder). */
export async function runCatalogImport(_args: string[], io: CliIO): Promise<number> {
  io.stderr('jiaohe catalog import：尚未实现。\n');
  return 2;
}
