/** The real `jiaohe` executable, end to end: bin/jiaohe.js → lib/ (built by `npm run build:cli`). */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { fixture } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'jiaohe.js');
const ENTRY = path.join(ROOT, 'lib', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm run build:cli` when lib/ is missing or older than its sources. */
function ensureBuilt(): void {
  const sources = ['cli', 'core', path.join('hosts', 'file')].map((d) => newestSource(path.join(ROOT, 'src', d)));
  if (!existsSync(ENTRY) || statSync(ENTRY).mtimeMs < Math.max(...sources)) {
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // tsc still emits when another part of the tree has type errors; the runs below show whether the build works.
    }
  }
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  ensureBuilt();
  expect(existsSync(ENTRY)).toBe(true);
}, 180_000);

describe('node bin/jiaohe.js', () => {
  it('exits 0 on a clean workbook and prints the Chinese report', async () => {
    const r = await run(['check', fixture('seed001-issued.xlsx')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('工作表「下达表」');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('未发现问题');
    expect(r.code).toBe(0);
  }, 60_000);

  it('exits 1 on a workbook with mismatches, and its JSON lists them', async () => {
    const r = await run(['check', fixture('seed004-department-budget.xlsx'), '--format', 'json']);
    const out = JSON.parse(r.stdout);
    const findings = out.sheets.reduce((n: number, s: { findings: unknown[] }) => n + s.findings.length, 0);
    expect(findings).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  }, 60_000);

  it('exits 2 with one Chinese line and no stack trace on a file it cannot check', async () => {
    const r = await run(['check', path.join(ROOT, 'package.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^package\.json：这是文本\/CSV 文件/);
  }, 60_000);

  it('exits 2 on usage errors', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/请给出/);
  }, 60_000);
});
