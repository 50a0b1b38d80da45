/**
 * The Node file host inflates parts with zlib and checks their CRC natively (readXlsx.ts); the browser uses JSZip's
 * JavaScript. Both must read the same cells, and see the same damage.
 */
import { promises as fs } from 'fs';
import * as zlib from 'zlib';
import { readXlsxBuffer, XlsxBook } from '../../src/hosts/file/readXlsx';
import { useNativeZip } from '../../src/hosts/file/xlsxParts';
import { sharedFixture } from '../sharedFixtures';

let inflated = 0;
const nativeZip = {
  inflateRaw: (b: Uint8Array) => {
    inflated++;
    return zlib.inflateRawSync(b);
  },
};

async function readBoth(bytes: Buffer): Promise<{ native: XlsxBook; js: XlsxBook }> {
  useNativeZip(nativeZip);
  inflated = 0;
  const native = await readXlsxBuffer(bytes, 'book.xlsx');
  expect(inflated).toBeGreaterThan(0);
  const inflatedNatively = inflated;
  useNativeZip(undefined);
  try {
    const js = await readXlsxBuffer(bytes, 'book.xlsx');
    expect(inflated).toBe(inflatedNatively);
    return { native, js };
  } finally {
    useNativeZip(nativeZip);
  }
}

function cellsOf(book: XlsxBook) {
  return book.sheets.map((g) => {
    const rows: unknown[][] = [];
    for (let r = 0; r < g.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < g.colCount; c++) row.push(g.cell(r, c));
      rows.push(row);
    }
    return { name: g.name, merges: g.merges, rows };
  });
}

/** The offset of a stored entry's data in the zip (after its local header). */
function entryData(bytes: Buffer, name: string): number {
  const at = bytes.indexOf(Buffer.from(name, 'latin1'));
  const header = at - 30;
  expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
  return header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
}

describe('native inflate and CRC (Node) read what JSZip reads', () => {
  test.each(['seed004-department-budget.xlsx', 'seed001-issued.xlsx', 'seed003-allocation.xlsx'])('%s: the same cells and merges', async (fixture) => {
    const bytes = await fs.readFile(sharedFixture(fixture));
    const { native, js } = await readBoth(bytes);
    expect(native.sheets.length).toBeGreaterThan(0);
    expect(cellsOf(native)).toEqual(cellsOf(js));
  });

  test('a sheet whose compressed bytes are damaged: both name that sheet as read in part, the others are whole', async () => {
    const bytes = Buffer.from(await fs.readFile(sharedFixture('seed004-department-budget.xlsx')));
    const data = entryData(bytes, 'xl/worksheets/sheet2.xml');
    for (let i = 40; i < 60; i++) bytes[data + i] ^= 0x5a;
    const { native, js } = await readBoth(bytes);
    const damaged = (b: XlsxBook) => (b.notes ?? []).map((n, i) => (n?.lost.length ? i : -1)).filter((i) => i >= 0);
    expect(damaged(native)).toEqual([1]);
    expect(damaged(js)).toEqual([1]);
    expect(cellsOf(native).filter((_, i) => i !== 1)).toEqual(cellsOf(js).filter((_, i) => i !== 1));
  });
});
