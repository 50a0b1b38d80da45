/** What a subcommand may touch of the outside world, so tests run commands in-process. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stderr is a terminal: a batch may show a progress line there. */
  stderrIsTTY?: boolean;
}

export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Exit codes of every jiaohe command. */
export const EXIT = { clean: 0, findings: 1, failed: 2 } as const;
