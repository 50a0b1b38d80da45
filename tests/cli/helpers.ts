import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { SHARED_FIXTURES } from '../sharedFixtures';

export const FIXTURES = SHARED_FIXTURES;
export const fixture = (name: string) => path.join(FIXTURES, name);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `jiaohe ARGS` in-process with captured output. */
export async function jiaohe(args: string[], cwd = process.cwd()): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env: {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export async function tempDir(prefix = 'jiaohe-cli-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/** A failure report is one Chinese line naming the file, never a stack trace. */
export function expectOneLineReason(stderr: string, mustMatch?: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(stderr).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
  if (mustMatch) expect(lines[0]).toMatch(mustMatch);
}
