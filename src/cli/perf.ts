import type { CliIO } from './io';

/** `jiaohe perf template|normalize` (placeholder). */
export async function runPerf(_args: string[], io: CliIO): Promise<number> {
  io.stderr('jiaohe perf template|normalize：尚未实现。\n');
  return 2;
}
