import type { CliIO } from './io';

/** `jiaohe check FILE... [--sheet NAME] [--format text|json] [--annotate OUT.xlsx]` (placeholder). */
export async function runCheck(_args: string[], io: CliIO): Promise<number> {
  io.stderr('jiaohe check：尚未实现。\n');
  return 2;
}
