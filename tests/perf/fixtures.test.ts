import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildPerfFixtures } from './fixtures/buildPerfFixtures';
import { readXlsxFile } from '../../src/hosts/file/readXlsx';
import { rangeToA1 } from '../../src/core/grid/address';
import type { Grid } from '../../src/core/grid';
import { PERF_FIXTURES } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-perf-fixtures-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function content(g: Grid): string[] {
  const out = [`merges ${g.merges.map(rangeToA1).sort().join(' ')}`];
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) if (!g.isEmpty(r, c)) out.push(`${r}:${c} ${g.text(r, c)}`);
  return out;
}

test('the committed fixture workbooks are what the generator writes from the transcriptions', async () => {
  const files = await buildPerfFixtures(tmp);
  expect(files.map((f) => path.basename(f)).sort()).toEqual(fs.readdirSync(PERF_FIXTURES).filter((f) => f.endsWith('.xlsx')).sort());
  for (const f of files) {
    const fresh = (await readXlsxFile(f)).sheets;
    const committed = (await readXlsxFile(path.join(PERF_FIXTURES, path.basename(f)))).sheets;
    expect(committed.map((g) => g.name)).toEqual(fresh.map((g) => g.name));
    fresh.forEach((g, i) => expect(content(committed[i])).toEqual(content(g)));
  }
});
