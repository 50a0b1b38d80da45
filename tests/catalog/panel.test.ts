import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CatalogPanel } from '../../src/taskpane/catalog/CatalogPanel';
import { readBrowserImports, removeBrowserImport, saveBrowserImport } from '../../src/taskpane/catalog/browserStore';
import { importCatalogBytes } from '../../src/taskpane/catalog/importBytes';
import { CatalogLibrary } from '../../src/core/catalog';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import type { SpreadsheetHost } from '../../src/hosts/host';
import ExcelJS from 'exceljs';

class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

const host = {} as SpreadsheetHost;

describe('科目 panel', () => {
  test('renders the search box 搜索科目 and the button 插入 (zh-CN), English labels in en-US', () => {
    const zh = renderToStaticMarkup(React.createElement(CatalogPanel, { host, settings: DEFAULT_SETTINGS, locale: 'zh-CN' }));
    expect(zh).toContain('aria-label="搜索科目"');
    expect(zh).toMatch(/<button[^>]*>插入<\/button>/);
    expect(zh).toContain('拆分到类/款/项列');
    const en = renderToStaticMarkup(React.createElement(CatalogPanel, { host, settings: DEFAULT_SETTINGS, locale: 'en-US' }));
    expect(en).toContain('aria-label="Search codes"');
  });
});

describe('browser storage of imports', () => {
  test('save, read back, remove', () => {
    const store = new MemoryStorage() as unknown as Storage;
    const lib = new CatalogLibrary();
    const imp = { year: 2026, mode: 'extend' as const, entries: [{ code: '2101507', name: '医保基金监管' }] };
    expect(saveBrowserImport(imp, lib, store)).toBe(true);
    expect(lib.forYear(2026).get('2101507')?.name).toBe('医保基金监管');
    expect(readBrowserImports(store)).toEqual([imp]);
    store.setItem('jiaohe.catalog.import.1999', '{broken');
    expect(readBrowserImports(store)).toEqual([imp]);
    removeBrowserImport(2026, lib, store);
    expect(readBrowserImports(store)).toEqual([]);
    expect(lib.forYear(2026).get('2101507')).toBeUndefined();
  });

  test('import from the bytes of a picked file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('科目');
    [['科目编码', '科目名称'], ['2101507', '医保基金监管']].forEach((r) => ws.addRow(r));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const lib = new CatalogLibrary();
    const ok = await importCatalogBytes(bytes, 'km.xlsx', 2026, false, lib);
    expect(ok).toMatchObject({ ok: true, added: 1, renamed: 0, imp: { year: 2026, mode: 'extend', file: 'km.xlsx' } });
    ws.addRow(['21015', '']);
    const bad = await importCatalogBytes(new Uint8Array(await wb.xlsx.writeBuffer()), 'km.xlsx', 2026, false, lib);
    expect(bad.ok).toBe(false);
    expect('errors' in bad && bad.errors[0].row).toBe(3);
    const junk = await importCatalogBytes(new TextEncoder().encode('hello'), 'x.xlsx', 2026, false, lib);
    expect(junk.ok === false && 'unreadable' in junk).toBe(true);
  });
});
