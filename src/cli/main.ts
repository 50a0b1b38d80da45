import { CliIO, processIO } from './io';
import { runCheck } from './check';
import { runCodes } from './codes';
import { runPerf } from './perf';
import { runCatalogImport } from './catalogImport';

export const USAGE = `用法（Usage）:
  jiaohe check FILE... [--sheet NAME] [--format text|json] [--annotate OUT.xlsx]
      校验工作簿中每个表格的合计、科目编码和绩效目标表。退出码：0 无问题，1 有问题，2 文件无法校验。
  jiaohe codes search TEXT [--year YYYY] [--format json]
  jiaohe codes show CODE [--year YYYY] [--format json]
  jiaohe catalog import FILE.xlsx --year YYYY
  jiaohe perf template --kind project|regional|department -o OUT.xlsx
  jiaohe perf normalize IN.xlsx --sheet NAME -o OUT.xlsx
`;

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
