import { readXlsxBuffer } from '../../hosts/file/xlsxBytes';
import { CatalogLibrary, prepareCatalogImport, PreparedImport } from '../../core/catalog';

export type ImportOutcome = PreparedImport | { ok: false; unreadable: string };

/** Reads an .xlsx the user picked and parses it as a catalog of `year`; nothing is saved here. */
export async function importCatalogBytes(bytes: Uint8Array, fileName: string, year: number, replace: boolean, lib: CatalogLibrary): Promise<ImportOutcome> {
  let sheets;
  try {
    sheets = (await readXlsxBuffer(bytes, fileName)).sheets;
  } catch (err) {
    return { ok: false, unreadable: (err as Error).message };
  }
  return prepareCatalogImport(sheets, lib, year, replace, fileName);
}
