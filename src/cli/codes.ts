import type { CliIO } from './io';

/** `jiaohe codes search|show` (placeholder). */
export async function runCodes(_args: string[], io: CliIO): Promise<number> {
  io.stderr('jiaohe codes search|show：尚未实现。\n');
  return 2;
}
