import { CliIO, processIO } from './io';
import { CHECK_USAGE, runCheck } from './check';
import { CODES_USAGE, runCodes } from './codes';
import { PERF_USAGE, runPerf } from './perf';
import { CATALOG_USAGE, runCatalogImport } from './catalogImport';

/** `jiaohe --help`: every command with all of its options (each command's own usage, so they never drift apart). */
export const USAGE = [
  '校核 jiaohe：检查预算表格的合计、科目编码和绩效目标表。',
  '',
  CHECK_USAGE,
  CODES_USAGE,
  CATALOG_USAGE,
  PERF_USAGE,
].join('\n');

/** Entry of the `jiaohe` command; returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, io);
    case 'codes':
      return runCodes(rest, io);
    case 'perf':
      return runPerf(rest, io);
    case 'catalog':
      if (rest[0] === 'import') return runCatalogImport(rest.slice(1), io);
      io.stderr(`未知的 catalog 子命令：${rest[0] ?? '（空）'}\n${USAGE}`);
      return 2;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    case '--version':
    case '-v':
      io.stdout('jiaohe 0.1.0\n');
      return 0;
    default:
      io.stderr(`未知命令：${command}\n${USAGE}`);
      return 2;
  }
}
