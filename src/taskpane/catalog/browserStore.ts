import { CatalogImport, CatalogLibrary, catalogLibrary } from '../../core/catalog';

/** Imported catalogs live in the browser's storage of the add-in (one key per year). */
const PREFIX = 'jiaohe.catalog.import.';

/** The storage the add-in may use; null in environments without it (tests, locked-down browsers). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readBrowserImports(store: Storage | null = storage()): CatalogImport[] {
  if (!store) return [];
  const out: CatalogImport[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key || !key.startsWith(PREFIX)) continue;
    try {
      const imp = JSON.parse(store.getItem(key) ?? '') as CatalogImport;
      if (typeof imp.year === 'number' && Array.isArray(imp.entries)) out.push(imp);
    } catch {
      // A damaged entry is ignored; the built-in catalog stays in use for that year.
    }
  }
  return out.sort((a, b) => a.year - b.year);
}

let loaded = false;

/** Registers the stored imports on the shared library once, so checks use them too. */
export function ensureBrowserImportsLoaded(lib: CatalogLibrary = catalogLibrary()): CatalogLibrary {
  if (!loaded) {
    for (const imp of readBrowserImports()) lib.addImport(imp);
    loaded = true;
  }
  return lib;
}

/** Saves an import; returns false when the browser refused (storage full or disabled). */
export function saveBrowserImport(imp: CatalogImport, lib: CatalogLibrary = catalogLibrary(), store: Storage | null = storage()): boolean {
  lib.addImport(imp);
  if (!store) return false;
  try {
    store.setItem(PREFIX + imp.year, JSON.stringify(imp));
    return true;
  } catch {
    return false;
  }
}

export function removeBrowserImport(year: number, lib: CatalogLibrary = catalogLibrary(), store: Storage | null = storage()): void {
  lib.removeImport(year);
  store?.removeItem(PREFIX + year);
}
