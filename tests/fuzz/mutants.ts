/**
 * Damaged and odd copies of real books, made by editing the package: each mutant says whether the result is
 * still a valid workbook (it must be checked, never refused) or a damaged one (it must never pass as clean).
 */
import JSZip from 'jszip';
import { Rng } from '../core/generators/sheetBuilder';

/** valid: must be checked. damaged: refused with one Chinese line, or checked with exit 2. */
export type Expect = 'valid' | 'damaged';

export interface Mutant {
  name: string;
  expect: Expect;
  bytes: Buffer;
}

type Edit = (zip: JSZip, rng: Rng) => Promise<Expect | null>;

async function sheetParts(zip: JSZip): Promise<string[]> {
  return Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n)).sort();
}

async function editSheet(zip: JSZip, rng: Rng, edit: (xml: string) => string | null): Promise<boolean> {
  const parts = await sheetParts(zip);
  if (parts.length === 0) return false;
  const part = rng.pick(parts);
  const xml = await zip.file(part)!.async('string');
  const out = edit(xml);
  if (out === null || out === xml) return false;
  zip.file(part, out);
  return true;
}

/** Drop r= from every cell whose position follows from the one before it (the book stays the same book). */
export function stripCellRefs(xml: string): string {
  return xml.replace(/<row\b[^>]*>([\s\S]*?)<\/row>/g, (row) => {
    let expected = 0;
    return row.replace(/<c r="([A-Z]+)(\d+)"/g, (m, letters: string) => {
      let col = 0;
      for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
      col -= 1;
      const implied = col === expected;
      expected = col + 1;
      return implied ? '<c' : m;
    });
  });
}

/** Drop r= from every row that follows the one before it. */
export function stripRowRefs(xml: string): string {
  let expected = 1;
  return xml.replace(/<row r="(\d+)"/g, (m, n: string) => {
    const r = Number(n);
    const implied = r === expected;
    expected = r + 1;
    return implied ? '<row' : m;
  });
}

function addToSheetData(xml: string, rowXml: string): string | null {
  if (!xml.includes('</sheetData>')) return null;
  return xml.replace('</sheetData>', `${rowXml}</sheetData>`);
}

function addMerge(xml: string, ref: string): string {
  if (xml.includes('</mergeCells>')) return xml.replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`);
  return xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
}

const EDITS: [string, Edit][] = [
  ['cells-without-r', async (zip, rng) => ((await editSheet(zip, rng, stripCellRefs)) ? 'valid' : null)],
  ['rows-without-r', async (zip, rng) => ((await editSheet(zip, rng, stripRowRefs)) ? 'valid' : null)],
  ['rows-and-cells-without-r', async (zip, rng) => ((await editSheet(zip, rng, (x) => stripRowRefs(stripCellRefs(x)))) ? 'valid' : null)],
  ['stray-XFD1048576', async (zip, rng) => ((await editSheet(zip, rng, (x) => addToSheetData(x, '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'))) ? 'valid' : null)],
  ['stray-text-far-row', async (zip, rng) => ((await editSheet(zip, rng, (x) => {
    const r = rng.int(5000, 1048576);
    return addToSheetData(x, `<row r="${r}"><c r="${rng.pick(['A', 'Z', 'AB', 'XFD'])}${r}" t="inlineStr"><is><t>备注</t></is></c></row>`);
  })) ? 'valid' : null)],
  ['whole-sheet-merge', async (zip, rng) => ((await editSheet(zip, rng, (x) => addMerge(x, 'A1:XFD1048576'))) ? 'valid' : null)],
  ['whole-column-merge', async (zip, rng) => ((await editSheet(zip, rng, (x) => addMerge(x, `${rng.pick(['H', 'Z', 'AA'])}1:${rng.pick(['H', 'Z', 'AA'])}1048576`))) ? 'valid' : null)],
  ['date-cell', async (zip, rng) => ((await editSheet(zip, rng, (x) => addToSheetData(x, '<row r="200"><c r="A200" t="d"><v>2026-01-15T00:00:00</v></c></row>'))) ? 'valid' : null)],
  ['row-99999999', async (zip, rng) => ((await editSheet(zip, rng, (x) => addToSheetData(x, '<row r="99999999"><c r="A99999999"><v>1</v></c></row>'))) ? 'damaged' : null)],
  ['empty-value', async (zip, rng) => ((await editSheet(zip, rng, (x) => {
    const vs = [...x.matchAll(/<c [^>]*?(?<!t="str")><v>[^<]+<\/v>/g)];
    if (vs.length === 0) return null;
    const m = rng.pick(vs);
    return x.slice(0, m.index!) + m[0].replace(/<v>[^<]+<\/v>/, '<v></v>') + x.slice(m.index! + m[0].length);
  })) ? 'damaged' : null)],
  ['number-abc', async (zip, rng) => ((await editSheet(zip, rng, (x) => {
    const vs = [...x.matchAll(/<c r="[A-Z]+\d+"( s="\d+")?><v>[-\d.]+<\/v>/g)];
    if (vs.length === 0) return null;
    const m = rng.pick(vs);
    return x.slice(0, m.index!) + m[0].replace(/<v>[^<]+<\/v>/, '<v>abc</v>') + x.slice(m.index! + m[0].length);
  })) ? 'damaged' : null)],
  ['orphan-shared-formula', async (zip, rng) => ((await editSheet(zip, rng, (x) => addToSheetData(x, '<row r="300"><c r="B300"><f t="shared" si="77"/><v>5</v></c></row>'))) ? 'damaged' : null)],
  ['truncated-sheet-xml', async (zip, rng) => ((await editSheet(zip, rng, (x) => x.slice(0, Math.floor(x.length * (0.3 + 0.6 * rng.next()))))) ? 'damaged' : null)],
  ['unclosed-tag', async (zip, rng) => ((await editSheet(zip, rng, (x) => x.replace('</row>', ''))) ? 'damaged' : null)],
  ['missing-sheet-part', async (zip, rng) => {
    const parts = await sheetParts(zip);
    if (parts.length === 0) return null;
    zip.remove(rng.pick(parts));
    return 'damaged';
  }],
  ['missing-relationship', async (zip, rng) => {
    const rels = zip.file('xl/_rels/workbook.xml.rels');
    if (!rels) return null;
    const xml = await rels.async('string');
    const ids = [...xml.matchAll(/<Relationship [^>]*Target="worksheets\/[^"]+"[^>]*\/>/g)];
    if (ids.length === 0) return null;
    zip.file('xl/_rels/workbook.xml.rels', xml.replace(rng.pick(ids)[0], ''));
    return 'damaged';
  }],
  ['bad-shared-string-index', async (zip, rng) => ((await editSheet(zip, rng, (x) => x.replace(/(<c [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2'))) ? 'damaged' : null)],
  ['missing-shared-strings', async (zip) => {
    if (!zip.file('xl/sharedStrings.xml')) return null;
    zip.remove('xl/sharedStrings.xml');
    return 'damaged';
  }],
  ['truncated-styles', async (zip) => {
    const f = zip.file('xl/styles.xml');
    if (!f) return null;
    const xml = await f.async('string');
    zip.file('xl/styles.xml', xml.slice(0, Math.floor(xml.length / 2)));
    return 'damaged';
  }],
  ['broken-theme', async (zip) => {
    const f = zip.file('xl/theme/theme1.xml');
    if (!f) return null;
    zip.file('xl/theme/theme1.xml', (await f.async('string')).replace(/<\/a:theme>\s*$/, ''));
    return 'damaged';
  }],
  ['missing-workbook', async (zip) => {
    zip.remove('xl/workbook.xml');
    return 'damaged';
  }],
];

/** Byte-level damage to the zip itself. */
function damageBytes(bytes: Buffer, rng: Rng): { name: string; bytes: Buffer } {
  const out = Buffer.from(bytes);
  switch (rng.int(0, 2)) {
    case 0: {
      const n = rng.int(1, 8);
      for (let i = 0; i < n; i++) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
      return { name: 'flipped-bits', bytes: out };
    }
    case 1:
      return { name: 'truncated-file', bytes: out.subarray(0, rng.int(10, out.length - 1)) };
    default: {
      const at = rng.int(0, out.length - 64);
      out.fill(0, at, at + rng.int(1, 64));
      return { name: 'zeroed-run', bytes: out };
    }
  }
}

/** One mutant of `original` chosen by the seed. */
export async function mutate(original: Buffer, seed: number): Promise<Mutant | null> {
  const rng = new Rng(seed);
  if (rng.chance(0.25)) {
    const d = damageBytes(original, rng);
    if (d.bytes.equals(original)) return null;
    return { name: d.name, expect: 'damaged', bytes: d.bytes };
  }
  const [name, edit] = rng.pick(EDITS);
  const zip = await JSZip.loadAsync(original);
  const expect = await edit(zip, rng);
  if (!expect) return null;
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { name, expect, bytes };
}
