import JSZip from 'jszip';
import { isTrue, parseXml } from './xml';

/** A part of the package that is there but cannot be read (bad compression, bad XML); English detail. */
export class PartDamage extends Error {}

/** Inflate and CRC-32 done natively where the platform has them (Node's zlib): JSZip's own are pure JS. */
export interface NativeZip {
  inflateRaw(compressed: Uint8Array): Uint8Array;
  crc32?(bytes: Uint8Array): number;
}

let native: NativeZip | undefined;

/** Called once by the Node file host (readXlsx.ts); the browser keeps JSZip's inflate. Undefined: JSZip again. */
export function useNativeZip(zip: NativeZip | undefined): void {
  native = zip;
}

/** JSZip's record of an entry as stored in the zip (internal, stable across 3.x): how to read it without JSZip. */
interface StoredData {
  compressedContent?: unknown;
  compression?: { magic?: string };
  crc32?: number;
}

const DEFLATE = '\x08\x00';
const STORE = '\x00\x00';

/** The entry's bytes through the native inflate, or undefined when JSZip must read it (no native zip, other data). */
function nativeBytes(data: StoredData | undefined): Uint8Array | undefined {
  if (!native || !data || !(data.compressedContent instanceof Uint8Array)) return undefined;
  const magic = data.compression?.magic;
  if (magic === STORE) return data.compressedContent;
  if (magic === DEFLATE) return native.inflateRaw(data.compressedContent);
  return undefined;
}

/** The zip's entries by lower-cased name: writers differ in case and in leading slashes. */
export class XlsxPackage {
  private readonly byName = new Map<string, JSZip.JSZipObject>();

  constructor(zip: JSZip) {
    zip.forEach((name, entry) => {
      if (!entry.dir) this.byName.set(normalizePart(name), entry);
    });
  }

  has(part: string): boolean {
    return this.byName.has(normalizePart(part));
  }

  /** Every part name (lower case). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The part's bytes (to check its CRC); throws PartDamage when it cannot be inflated. */
  async bytes(part: string): Promise<Uint8Array | null> {
    const entry = this.byName.get(normalizePart(part));
    if (!entry) return null;
    const data = (entry as unknown as { _data?: StoredData })._data;
    let bytes: Uint8Array;
    try {
      bytes = nativeBytes(data) ?? (await entry.async('uint8array'));
    } catch (err) {
      throw new PartDamage(err instanceof Error ? err.message : String(err));
    }
    // Each part's CRC is checked on its own (not the whole zip's at load): damage in one sheet leaves the others.
    const stored = data?.crc32;
    const actual = native?.crc32 ? native.crc32(bytes) : crc32(bytes);
    if (typeof stored === 'number' && actual >>> 0 !== stored >>> 0) throw new PartDamage(`CRC mismatch in ${entry.name}`);
    return bytes;
  }

  get size(): number {
    return this.byName.size;
  }

  /** The part's text, or null when the package has no such part. Throws PartDamage when it cannot be inflated. */
  async text(part: string): Promise<string | null> {
    const bytes = await this.bytes(part);
    return bytes === null ? null : new TextDecoder('utf-8').decode(bytes);
  }
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (zip's polynomial) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function normalizePart(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Resolve a relationship target against the folder of the part that owns the relationship. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  target: string;
  type: string;
  external: boolean;
}

/** Relationships of `part` by id (empty when it has none). Throws PartDamage on bad XML. */
export async function readRelationships(pkg: XlsxPackage, part: string): Promise<Map<string, Relationship>> {
  const out = new Map<string, Relationship>();
  const xml = await pkg.text(relsPartOf(part));
  if (xml === null) return out;
  const damage = parseXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target !== undefined) {
        out.set(a.Id, { target: a.Target, type: a.Type ?? '', external: a.TargetMode === 'External' });
      }
    },
  });
  if (damage) throw new PartDamage(`${relsPartOf(part)}:${damage.line}: ${damage.message}`);
  return out;
}

export interface SheetEntry {
  name: string;
  /** Relationship id of the sheet part, as the workbook names it. */
  relId: string | undefined;
  state?: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  activeTab: number;
}

function relIdOf(attrs: Record<string, string>): string | undefined {
  for (const key of Object.keys(attrs)) if (key === 'id' || key.endsWith(':id')) return attrs[key];
  return undefined;
}

/** workbook.xml: the sheets in tab order, the 1904 date system, the active tab. */
export function parseWorkbookXml(xml: string): { workbook: WorkbookPart; damage: string | null } {
  const workbook: WorkbookPart = { sheets: [], date1904: false, activeTab: 0 };
  const damage = parseXml(xml, {
    open(name, a) {
      if (name === 'sheet') workbook.sheets.push({ name: a.name ?? '', relId: relIdOf(a), state: a.state });
      else if (name === 'workbookPr') workbook.date1904 = isTrue(a.date1904);
      else if (name === 'workbookView' && a.activeTab !== undefined) workbook.activeTab = parseInt(a.activeTab, 10) || 0;
    },
  });
  return { workbook, damage: damage ? `workbook.xml:${damage.line}: ${damage.message}` : null };
}

/** Built-in number formats by id (ECMA-376 18.8.30, with the zh-CN ids 27–36 and 50–58). */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A cell format (cellXfs entry): its number format code (none for General) and indent. */
export interface CellStyle {
  numFmt?: string;
  indent?: number;
  isDate: boolean;
}

/** Whether a number format shows a date (quoted text and [..] sections are not looked at). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** styles.xml → the cell formats by index. */
export function parseStylesXml(xml: string): { styles: CellStyle[]; damage: string | null } {
  const custom = new Map<number, string>();
  const xfs: { numFmtId: number; indent?: number }[] = [];
  let inCellXfs = false;
  let current: { numFmtId: number; indent?: number } | null = null;
  const damage = parseXml(xml, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        current = { numFmtId: parseInt(a.numFmtId ?? '0', 10) || 0 };
        xfs.push(current);
      } else if (name === 'alignment' && current && a.indent !== undefined) {
        current.indent = parseInt(a.indent, 10) || undefined;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'xf') current = null;
    },
  });
  const styles = xfs.map(({ numFmtId, indent }) => {
    const numFmt = numFmtId === 0 ? undefined : custom.get(numFmtId) ?? BUILTIN_FORMATS[numFmtId];
    const s: CellStyle = { isDate: isDateFormat(numFmt) };
    if (numFmt) s.numFmt = numFmt;
    if (indent) s.indent = indent;
    return s;
  });
  return { styles, damage: damage ? `styles.xml:${damage.line}: ${damage.message}` : null };
}

/** sharedStrings.xml → the strings by index (rich runs joined; phonetic runs left out). */
export function parseSharedStringsXml(xml: string): { strings: string[]; damage: string | null } {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const damage = parseXml(xml, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ? current.join('') : '');
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
  });
  return { strings, damage: damage ? `sharedStrings.xml:${damage.line}: ${damage.message}` : null };
}
