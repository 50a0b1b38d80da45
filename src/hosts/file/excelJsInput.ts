import JSZip from 'jszip';
import { serialOfIsoDate } from './sheetXml';
import { parseWorkbookXml, readRelationships, resolveTarget, XlsxPackage } from './xlsxParts';

/** A t="d" cell exceljs would read as its year: where it is and the date it holds. */
export interface DateCell {
  sheet: string;
  address: string;
  date: Date;
}

/**
 * The original package, adjusted where exceljs would change what it reads: a backslash in a number format
 * ("0.00\%", a literal percent sign) is doubled, because exceljs drops one level of escaping when it reads; t="d"
 * cells become serial numbers, and are listed so the caller puts their dates back. Nothing else is touched.
 */
export async function prepareForExcelJS(bytes: Uint8Array): Promise<{ bytes: Uint8Array; dates: DateCell[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = new XlsxPackage(zip);
  let changed = false;
  const styles = zip.file(/^xl\/styles\.xml$/i)[0];
  if (styles) {
    const xml = await styles.async('string');
    const fixed = xml.replace(/(formatCode=")([^"]*)"/g, (_m, head: string, code: string) => `${head}${code.replace(/\\/g, '\\\\')}"`);
    if (fixed !== xml) {
      zip.file(styles.name, fixed);
      changed = true;
    }
  }
  const dates: DateCell[] = [];
  const workbookXml = await pkg.text('xl/workbook.xml');
  if (workbookXml !== null) {
    const { workbook } = parseWorkbookXml(workbookXml);
    const rels = await readRelationships(pkg, 'xl/workbook.xml').catch(() => new Map());
    for (const sheet of workbook.sheets) {
      const rel = sheet.relId === undefined ? undefined : rels.get(sheet.relId);
      const entry = rel ? zip.file(new RegExp(`^${escapeRegExp(resolveTarget('xl/workbook.xml', rel.target))}$`, 'i'))[0] : undefined;
      if (!entry) continue;
      const xml = await entry.async('string');
      if (!/\st="d"/.test(xml)) continue;
      const fixed = xml.replace(/<c\b([^>]*?)\s+t="d"([^>]*)>([\s\S]*?)<\/c>/g, (m, before: string, after: string, inner: string) => {
        const address = /\br="([A-Z]+\d+)"/.exec(before + after)?.[1];
        const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
        const serial = v === undefined ? null : serialOfIsoDate(v);
        if (!address || serial === null) return m;
        dates.push({ sheet: sheet.name, address, date: new Date(Date.parse(/T/.test(v!) && !/[zZ]|[+-]\d\d:?\d\d$/.test(v!) ? `${v}Z` : v!)) });
        return `<c${before}${after}>${inner.replace(/<v>[^<]*<\/v>/, `<v>${serial}</v>`)}</c>`;
      });
      zip.file(entry.name, fixed);
      changed = true;
    }
  }
  if (!changed) return { bytes, dates };
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), dates };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
