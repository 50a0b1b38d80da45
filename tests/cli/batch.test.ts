/**
 * The real `jiaohe check` with several files: worker threads keep the order of the files, a per-file time
 * limit reports the file and goes on, and stdout reaches a slow pipe whole.
 */
import { execFileSync, execSync, spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { BYTES_PER_EXTRA_WORKER, defaultJobs } from '../../src/cli/batch';
import { fixture, tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'jiaohe.js');

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'checkWorker.js'))) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
  }
});

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

jest.setTimeout(180_000);

describe('how many workers a batch gets by default', () => {
  const KB = 1024;
  test('small books keep to one: starting a worker costs more than their checks', () => {
    expect(defaultJobs(Array(40).fill(20 * KB), 2)).toBe(1);
    expect(defaultJobs(Array(40).fill(20 * KB), 16)).toBe(1);
  });
  test('one more worker per BYTES_PER_EXTRA_WORKER of .xlsx, at most one per core and one per file', () => {
    expect(defaultJobs([BYTES_PER_EXTRA_WORKER, 10 * KB], 8)).toBe(2);
    expect(defaultJobs(Array(6).fill(1400 * KB), 2)).toBe(2);
    expect(defaultJobs(Array(6).fill(1400 * KB), 16)).toBe(5);
    expect(defaultJobs([50 * BYTES_PER_EXTRA_WORKER], 8)).toBe(1);
    expect(defaultJobs([], 8)).toBe(1);
  });
});

it('checks files on two workers and reports them in the order given, the same as one at a time', () => {
  const files = [fixture('seed004-department-budget.xlsx'), 'missing.xlsx', fixture('seed001-issued.xlsx')];
  const parallel = run(['check', ...files, '--format', 'json', '--jobs', '2']);
  const serial = run(['check', ...files, '--format', 'json', '--jobs', '1']);
  expect(parallel.code).toBe(2);
  const books = JSON.parse(parallel.stdout) as { file: string; error?: string }[];
  expect(books.map((b) => b.file)).toEqual(files);
  expect(books[1].error).toMatch(/missing\.xlsx：文件不存在/);
  expect(parallel.stdout).toBe(serial.stdout);
});

it('a file over the time limit is reported in one Chinese line and the batch goes on', () => {
  const files = [fixture('seed004-department-budget.xlsx'), fixture('seed001-issued.xlsx')];
  const r = run(['check', ...files, '--timeout', '0.001']);
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  for (const [i, line] of lines.entries()) expect(line).toBe(`${path.basename(files[i])}：校核超过 0.001 秒仍未完成，已跳过（其余文件照常校核）；可用 --timeout 放宽时限。`);
  expect(r.stdout).toMatch(/无法校核 2 个/);
});

it('stdout is complete through a pipe whose reader is slow (more than 64 KB)', async () => {
  const dir = await tempDir();
  const files: string[] = [];
  for (let i = 0; i < 8; i++) {
    const f = path.join(dir, `b${i}.xlsx`);
    await fs.copyFile(fixture('seed004-department-budget.xlsx'), f);
    files.push(f);
  }
  const args = ['check', ...files, '--format', 'json', '--jobs', '1'].map((a) => `'${a}'`).join(' ');
  const toFile = path.join(dir, 'out.json');
  execSync(`'${process.execPath}' '${BIN}' ${args} > '${toFile}' || true`, { cwd: ROOT });
  const size = (await fs.stat(toFile)).size;
  expect(size).toBeGreaterThan(100_000);
  const piped = execSync(`('${process.execPath}' '${BIN}' ${args} || true) | (sleep 2; wc -c)`, { cwd: ROOT, encoding: 'utf8' });
  expect(Number(piped.trim())).toBe(size);
  await fs.rm(dir, { recursive: true, force: true });
});
