// Every (code, name, year) pair of ../shared/catalog-evidence/codes-in-official-documents.tsv against the built-in
// catalog of the nearest edition, except the errors its README lists inside single documents.
import { builtinEditionFor, CatalogLibrary, normalizeName } from '../../src/core/catalog';

const { readEvidence, DOCUMENT_ERRORS } = require('./tools/evidence.js');
const annotate = require('./tools/annotateEvidence.js');

interface Pair {
  code: string;
  name: string;
  year: number;
  kind: string;
  doc: string | null;
  printedIn: string;
  documentError: boolean;
}

const evidence: Pair[] | null = readEvidence();
const describeIf = evidence ? describe : describe.skip;

describeIf('the catalog against codes printed in official documents', () => {
  const pairs = evidence ?? [];
  const lib = new CatalogLibrary();

  test('the file is the one the README describes: 496 pairs, every source a known document', () => {
    expect(pairs.length).toBe(496);
    expect(pairs.filter((p) => p.doc === null)).toEqual([]);
  });

  test('every listed document error is in the file, and they are the only pairs set aside', () => {
    const setAside = pairs.filter((p) => p.documentError);
    // 30209 物业管理费 of the 福利院 list happens to be the catalog's name and is printed by other documents too.
    // 19 listed pairs: the 福利院 30209 物业管理费 is the catalog name (and printed elsewhere), 210 is in two narratives.
    expect(setAside.length).toBe(DOCUMENT_ERRORS.length);
    for (const p of setAside) expect(p.doc === 'fly-2024-dw' || p.printedIn === 'narrative').toBe(true);
  });

  test.each(pairs.filter((p) => !p.documentError).map((p) => [`${p.code} ${p.name} (${p.year})`, p] as const))(
    '%s is in the edition of its year with that name',
    (_label, p) => {
      const cat = lib.forYear(p.year);
      const e = cat.get(p.code);
      expect({ code: p.code, edition: builtinEditionFor(p.year), name: e ? normalizeName(e.name) : null }).toEqual({
        code: p.code,
        edition: builtinEditionFor(p.year),
        name: normalizeName(p.name),
      });
      // Provenance: the entry says it is confirmed, by the document that printed it among others.
      expect(e!.confirmedBy).toContain(p.doc);
      expect(cat.document(p.doc!)?.title).toBeTruthy();
    },
  );

  test('the outlines carry the provenance the evidence gives (node tests/catalog/tools/annotateEvidence.js)', () => {
    const fs = require('fs');
    const path = require('path');
    const src = path.join(__dirname, '..', '..', 'src', 'core', 'catalog', 'data', 'source');
    const byKey = annotate.confirmations();
    for (const f of ['function.outline.txt', 'income.outline.txt']) {
      const text = fs.readFileSync(path.join(src, f), 'utf8');
      expect(annotate.annotateOutline(text, byKey)).toBe(text);
    }
    const eco = fs.readFileSync(path.join(src, 'economic.outline.txt'), 'utf8');
    expect(annotate.annotateEconomic(eco, byKey)).toBe(eco);
  });
});
