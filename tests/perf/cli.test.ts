import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runPerf } from '../../src/cli/perf';
import { main } from '../../src/cli/main';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { checkSheet } from '../../src/core/engine';
import { PERF_FIXTURES } from './helpers';
import { sharedFixture } from '../sharedFixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-perf-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd: tmp, env: {} },
  };
}

test.each(['project', 'regional', 'department'])('jiaohe perf template --kind %s', async (kind) => {
  const { out, io: cli } = io();
  expect(await main(['perf', 'template', '--kind', kind, '-o', `${kind}.xlsx`], cli)).toBe(0);
  expect(out.stdout).toContain('已生成');
  const book = await readXlsxFile(path.join(tmp, `${kind}.xlsx`));
  const r = checkSheet(book.sheets[0]);
  expect(r.tables.map((t) => t.kind)).toEqual(['performance']);
  expect(r.findings.every((f) => f.rule === 'perf.value')).toBe(true);
});

test('template prefilled --from a workbook', async () => {
  const { io: cli } = io();
  const from = path.join(PERF_FIXTURES, 'seed004-projects.xlsx');
  expect(await runPerf(['template', '--kind', 'project', '--from', from, '--sheet', '绩效-专项行动52', '-o', 'pre.xlsx', '--year', '2024'], cli)).toBe(0);
  const g = (await readXlsxFile(path.join(tmp, 'pre.xlsx'))).sheets[0];
  expect(checkSheet(g).detected[0].perf).toMatchObject({ year: '2024', header: { name: { value: '医疗保障基金专项行动和全民参保征缴服务' } } });
});

test('jiaohe perf normalize: writes a new file, lists moves and what needs an officer, leaves the input alone', async () => {
  const input = path.join(tmp, 'seed000.xlsx');
  fs.copyFileSync(path.join(PERF_FIXTURES, 'seed000-regional.xlsx'), input);
  const before = fs.readFileSync(input);
  const { out, io: cli } = io();
  expect(await runPerf(['normalize', 'seed000.xlsx', '--sheet', '区域绩效目标表', '-o', 'fixed.xlsx'], cli)).toBe(0);
  expect(out.stdout).toContain('移动 10 个');
  expect(out.stdout).toContain('待人工核定 5 个');
  expect(out.stdout).toContain('综合指标');
  expect(fs.readFileSync(input).equals(before)).toBe(true);
  const book = await readXlsxFile(path.join(tmp, 'fixed.xlsx'));
  expect(book.sheets.map((g) => g.name)).toEqual(['区域绩效目标表（规范）']);
});

test('normalize --format json; all performance sheets when --sheet is left out', async () => {
  const { out, io: cli } = io();
  expect(await runPerf(['normalize', path.join(PERF_FIXTURES, 'seed002-shangrao.xlsx'), '-o', 'all.xlsx', '--format', 'json'], cli)).toBe(0);
  const json = JSON.parse(out.stdout);
  expect(json.tables.map((t: { sheet: string }) => t.sheet)).toEqual(['市本级绩效目标表', '区域绩效目标表3-2', '县级区域绩效目标表']);
  expect((await readXlsxFile(path.join(tmp, 'all.xlsx'))).sheets).toHaveLength(3);
});

test.each([
  [['template', '--kind', 'weekly', '-o', 'x.xlsx'], '--kind'],
  [['template', '--kind', 'project'], '缺少输出文件'],
  [['template', '--kind', 'project', '-o', 'x.csv'], '.xlsx'],
  [['template', '--kind', 'project', '--regions', '梁河', '-o', 'x.xlsx'], '--regions'],
  [['template', '--year', '25', '-o', 'x.xlsx'], '四位年份'],
  [['normalize', '-o', 'x.xlsx'], '输入文件'],
  [['normalize', 'missing.xlsx', '-o', 'x.xlsx'], '文件不存在'],
  [['normalize', path.join(PERF_FIXTURES, 'seed000-regional.xlsx'), '--sheet', '没有', '-o', 'x.xlsx'], '没有名为“没有”的工作表'],
  [['normalize', path.join(PERF_FIXTURES, 'seed000-regional.xlsx'), '-o', path.join(PERF_FIXTURES, 'seed000-regional.xlsx')], '不能与输入文件相同'],
  [['frobnicate'], '未知的 perf 子命令'],
  [['template', '--bogus'], '未知选项'],
])('bad input %j → exit 2 with a Chinese reason', async (args, reason) => {
  const { out, io: cli } = io();
  expect(await runPerf(args as string[], cli)).toBe(2);
  expect(out.stderr).toContain(reason);
});

test('normalize on a workbook without a performance table', async () => {
  const { out, io: cli } = io();
  expect(await runPerf(['normalize', sharedFixture('seed003-allocation.xlsx'), '-o', 'x.xlsx'], cli)).toBe(2);
  expect(out.stderr).toContain('没有找到绩效目标表');
});

test('jiaohe check runs the perf checks: seed 002 has findings (exit 1), seed 004 is clean (exit 0)', async () => {
  const a = io();
  expect(await main(['check', path.join(PERF_FIXTURES, 'seed002-shangrao.xlsx'), '--format', 'json'], a.io)).toBe(1);
  const report = JSON.parse(a.out.stdout);
  const rules = report.sheets.flatMap((s: { findings: { rule: string }[] }) => s.findings.map((f) => f.rule));
  expect(new Set(rules)).toEqual(new Set(['perf.hierarchy', 'perf.duplicate', 'perf.goal-amounts', 'perf.value']));
  expect(report.sheets[0].tables[0]).toMatchObject({ kind: 'performance', range: 'A3:F35', title: '上饶市本级绩效目标表', unit: '万元' });
  const b = io();
  expect(await main(['check', path.join(PERF_FIXTURES, 'seed004-projects.xlsx')], b.io)).toBe(0);
});
