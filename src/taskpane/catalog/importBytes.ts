import { readXlsxBuffer } from '../../hosts/file/xlsxBytes';
import { CatalogImport, CatalogLibrary, CatalogRowError, parseCatalogGrid } from '../../core/catalog';

export type ImportOutcome =
  | { ok: true; imp: CatalogImport; added: number; renamed: number }
  | { ok: false; errors: CatalogRowError[] }
  | { ok: false; unreadable: string };

/** Reads an .xlsx the user picked and parses it as a catalog of `year`; nothing is saved here. */
export async function importCatalogBytes(bytes: Uint8Array, fileName: string, year: number, replace: boolean, lib: CatalogLibrary): Promise<ImportOutcome> {
  let sheets;
  try {
    sheets = (await readXlsxBuffer(bytes, fileName)).sheets;
  } catch (err) {
    return { ok: false, unreadable: (err as Error).message };
  }
  const base = lib.forYear(year);
  const result = parseCatalogGrid(sheets, base);
  if (result.errors.length) return { ok: false, errors: result.errors };
  let added = 0;
  let renamed = 0;
  for (const e of result.entries) {
    const old = base.get(e.code);
    if (!old) added++;
    else if (old.name !== e.name) renamed++;
  }
  return {
    ok: true,
    added,
    renamed,
    imp: { year, mode: replace ? 'replace' : 'extend', entries: result.entries, file: fileName, importedAt: new Date().toISOString() },
  };
}
