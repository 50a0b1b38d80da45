import function2024 from './data/function-2024.json';
import function2025 from './data/function-2025.json';
import economic from './data/economic.json';
import income110 from './data/income-110.json';
import {
  CatalogDataFile,
  CatalogDocument,
  CatalogEntry,
  CatalogImport,
  CatalogKind,
  isCodeShape,
  kindOfCode,
  levelOfCode,
  parentOfCode,
} from './types';
import { normalizeName } from './normalize';

/** Built-in editions of the 支出功能分类 (economic and income data apply to every year). */
const FUNCTION_EDITIONS: Record<number, CatalogDataFile> = {
  2024: function2024 as CatalogDataFile,
  2025: function2025 as CatalogDataFile,
};
const SHARED_FILES: CatalogDataFile[] = [economic as CatalogDataFile, income110 as CatalogDataFile];

export const BUILTIN_YEARS: readonly number[] = Object.keys(FUNCTION_EDITIONS)
  .map(Number)
  .sort((a, b) => a - b);

/** Official documents that confirm built-in entries, by id (the seen lists of the data files). */
const BUILTIN_DOCUMENTS: Record<string, CatalogDocument> = Object.assign(
  {},
  ...[...Object.values(FUNCTION_EDITIONS), ...SHARED_FILES].map((f) => f.documents ?? {}),
);

/**
 * Names earlier editions gave a code, with the last year of each: accepted, and for a later year reported as the
 * old name with the current one. The 2019 edition renamed the 类 of the 2018 reform of departments (210 was
 * 医疗卫生与计划生育支出, still printed in the narratives of 2024 and 2026 documents); the 2024 edition renamed 21305.
 */
const OLD_NAMES: Record<string, { name: string; until: number }[]> = {
  '207': [{ name: '文化体育与传媒支出', until: 2018 }],
  '210': [{ name: '医疗卫生与计划生育支出', until: 2018 }],
  '215': [
    { name: '资源勘探信息等支出', until: 2018 },
    { name: '资源勘探电力信息等支出', until: 2015 },
  ],
  '220': [
    { name: '国土海洋气象等支出', until: 2018 },
    { name: '国土资源气象等支出', until: 2014 },
  ],
  // 国土资源事务 became 自然资源事务 in the 2019 edition (其他国土资源事务支出 in a 2024 决算's narrative).
  '22001': [{ name: '国土资源事务', until: 2018 }],
  '2200199': [{ name: '其他国土资源事务支出', until: 2018 }],
  '21305': [{ name: '巩固脱贫衔接乡村振兴', until: 2023 }],
  '2130599': [{ name: '其他巩固脱贫衔接乡村振兴支出', until: 2023 }],
};

/** Names written both ways in departmental tables (accepted, never shown). */
const NAME_VARIANTS: Record<string, string[]> = {
  '210': ['医疗卫生支出'],
  '2013899': ['其他市场监督管理事务支出'],
  '2130999': ['其他目标价格补贴支出'],
};

/** The old name a code had, when the written (normalized) name is one that was no longer current in the year. */
export function oldNameOf(code: string, normalizedWritten: string, year: number): string | undefined {
  return OLD_NAMES[code]?.find((n) => n.until < year && normalizeName(n.name) === normalizedWritten)?.name;
}

export function sourceNotes(): { file: string; source: string; count: number }[] {
  return [
    ...BUILTIN_YEARS.map((y) => ({ file: `function-${y}.json`, source: FUNCTION_EDITIONS[y].source, count: FUNCTION_EDITIONS[y].entries.length })),
    { file: 'economic.json', source: SHARED_FILES[0].source, count: SHARED_FILES[0].entries.length },
    { file: 'income-110.json', source: SHARED_FILES[1].source, count: SHARED_FILES[1].entries.length },
  ];
}

function makeEntry(raw: { code: string; name: string; mapsTo?: string; mapsAlso?: string[]; seen?: string[] }, origin: CatalogEntry['origin']): CatalogEntry | null {
  const kind = kindOfCode(raw.code);
  const level = levelOfCode(raw.code);
  if (!kind || !level) return null;
  const e: CatalogEntry = { code: raw.code, name: raw.name, kind, level, origin };
  const p = parentOfCode(raw.code);
  if (p) e.parent = p;
  if (raw.mapsTo) e.mapsTo = raw.mapsTo;
  if (raw.mapsAlso && raw.mapsAlso.length) e.mapsAlso = [...raw.mapsAlso];
  if (raw.seen && raw.seen.length) e.confirmedBy = [...raw.seen];
  return e;
}

/** Precomputed search keys of one entry (built once per catalog, on first search). */
export interface SearchKeys {
  entry: CatalogEntry;
  /** Normalized name. */
  name: string;
  /** Normalized names of the 类/款 above, joined with "|". */
  parents: string;
  /** Pinyin initials of the name, e.g. "xzyx" for 行政运行. */
  initials: string;
  /** Full pinyin without spaces, e.g. "xingzhengyunxing". */
  pinyin: string;
  /** Tie-break rank: kind, then level. */
  rank: number;
}

/** One year's catalog: every code the officer may use in that year's tables. */
export class Catalog {
  readonly year: number;
  /** Edition the 支出功能分类 comes from (the nearest built-in one, or the year itself when imported). */
  readonly functionEdition: number;
  private readonly byCode = new Map<string, CatalogEntry>();
  private readonly kids = new Map<string, string[]>();
  private ordered: CatalogEntry[] = [];
  /** Entries by normalized name, built on first lookup by name. */
  private byName?: Map<string, CatalogEntry[]>;
  /** Whether each 类/款 has every listed child confirmed (see verifiedArea), filled on demand. */
  private readonly areaVerified = new Map<string, boolean>();
  /** Kinds whose entries the user imported for this year (the Ministry's spreadsheet). */
  readonly importedKinds: ReadonlySet<CatalogEntry['kind']>;
  /** Filled by search.ts on first use: one row per entry, in code order. */
  searchKeys?: SearchKeys[];

  constructor(year: number, functionEdition: number, entries: CatalogEntry[]) {
    this.year = year;
    this.functionEdition = functionEdition;
    this.importedKinds = new Set(entries.filter((e) => e.origin === 'imported').map((e) => e.kind));
    for (const e of entries) this.byCode.set(e.code, e);
    this.ordered = [...this.byCode.values()].sort((a, b) => compareCodes(a.code, b.code));
    for (const e of this.ordered) {
      if (!e.parent) continue;
      const list = this.kids.get(e.parent);
      if (list) list.push(e.code);
      else this.kids.set(e.parent, [e.code]);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  entries(): readonly CatalogEntry[] {
    return this.ordered;
  }

  /** Entries whose normalized name is the given one (an index built once per catalog, never a scan). */
  named(normalized: string, kind?: CatalogEntry['kind']): readonly CatalogEntry[] {
    if (!this.byName) {
      const index = new Map<string, CatalogEntry[]>();
      for (const e of this.ordered) {
        const k = normalizeName(e.name);
        const list = index.get(k);
        if (list) list.push(e);
        else index.set(k, [e]);
      }
      this.byName = index;
    }
    const hits = this.byName.get(normalized) ?? [];
    return kind ? hits.filter((e) => e.kind === kind) : hits;
  }

  /** An entry an official document or the user's import vouches for: a finding against it is an error. */
  isVerified(e: CatalogEntry): boolean {
    return e.origin === 'imported' || (e.confirmedBy?.length ?? 0) > 0;
  }

  /**
   * Whether a code missing from this catalog is known to be wrong: its kind was imported for the year, or its
   * parent and every child the catalog lists under that parent are confirmed by official documents.
   */
  verifiedArea(code: string): boolean {
    const kind = kindOfCode(code);
    if (kind && this.importedKinds.has(kind)) return true;
    const parent = parentOfCode(code);
    if (!parent) return kind !== undefined && this.allClassesVerified(kind);
    const hit = this.areaVerified.get(parent);
    if (hit !== undefined) return hit;
    const p = this.byCode.get(parent);
    const kids = this.children(parent);
    const ok = !!p && this.isVerified(p) && kids.length > 0 && kids.every((k) => this.isVerified(k));
    this.areaVerified.set(parent, ok);
    return ok;
  }

  /** Whether every 类 of a kind is confirmed: then a 类 code the catalog lacks is wrong. */
  private allClassesVerified(kind: CatalogEntry['kind']): boolean {
    const key = `类:${kind}`;
    let hit = this.areaVerified.get(key);
    if (hit === undefined) {
      const classes = this.ordered.filter((e) => e.kind === kind && e.level === '类');
      hit = classes.length > 0 && classes.every((e) => this.isVerified(e));
      this.areaVerified.set(key, hit);
    }
    return hit;
  }

  /** The official document behind an id of confirmedBy. */
  document(id: string): CatalogDocument | undefined {
    return BUILTIN_DOCUMENTS[id];
  }

  children(code: string): CatalogEntry[] {
    return (this.kids.get(code) ?? []).map((c) => this.byCode.get(c)!);
  }

  /** 类 › 款 › 项 chain from the top down, ending with the entry itself. */
  path(code: string): CatalogEntry[] {
    const out: CatalogEntry[] = [];
    let c: string | undefined = code;
    while (c) {
      const e = this.byCode.get(c);
      if (e) out.unshift(e);
      c = parentOfCode(c);
    }
    return out;
  }

  pathText(code: string): string {
    return this.path(code)
      .map((e) => `${e.code} ${e.name}`)
      .join(' › ');
  }

  /** 部门 economic code → accepted 政府 codes (first is the 机关 one). */
  mappingOf(code: string): string[] {
    const e = this.byCode.get(code);
    if (!e || e.kind !== 'economic-dept') return [];
    return [...(e.mapsTo ? [e.mapsTo] : []), ...(e.mapsAlso ?? [])];
  }

  /** Per kind and level: entries confirmed by an official document (or imported) and entries not verified. */
  provenanceByLevel(): Record<CatalogKind, Record<string, { confirmed: number; unverified: number }>> {
    const out = {} as Record<CatalogKind, Record<string, { confirmed: number; unverified: number }>>;
    for (const e of this.ordered) {
      const k = (out[e.kind] ??= {});
      const c = (k[e.level] ??= { confirmed: 0, unverified: 0 });
      if (this.isVerified(e)) c.confirmed++;
      else c.unverified++;
    }
    return out;
  }

  countsByLevel(): Record<CatalogKind, Record<string, number>> {
    const out = {} as Record<CatalogKind, Record<string, number>>;
    for (const e of this.ordered) {
      const k = (out[e.kind] ??= {});
      k[e.level] = (k[e.level] ?? 0) + 1;
    }
    return out;
  }
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The built-in edition used for a year: that year's, else the nearest earlier one, else the earliest. */
export function builtinEditionFor(year: number): number {
  let best = BUILTIN_YEARS[0];
  for (const y of BUILTIN_YEARS) if (y <= year) best = y;
  return best;
}

function builtinEntries(edition: number): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const f of [FUNCTION_EDITIONS[edition], ...SHARED_FILES]) {
    for (const raw of f.entries) {
      if ((raw.from && edition < raw.from) || (raw.until && edition > raw.until)) continue;
      const e = makeEntry(raw, 'builtin');
      if (e) out.push(e);
    }
  }
  return out;
}

/** Applies a user import to a year's entries. */
function applyImport(base: CatalogEntry[], imp: CatalogImport): CatalogEntry[] {
  const imported = imp.entries.map((r) => makeEntry(r, 'imported')).filter((e): e is CatalogEntry => e !== null);
  const importedKinds = new Set(imported.map((e) => e.kind));
  const byCode = new Map<string, CatalogEntry>();
  for (const e of base) {
    if (imp.mode === 'replace' && importedKinds.has(e.kind)) continue;
    byCode.set(e.code, e);
  }
  const builtinByCode = new Map(base.map((e) => [e.code, e]));
  for (const e of imported) {
    const old = builtinByCode.get(e.code);
    // The Ministry's spreadsheet carries no mapping: keep the built-in one for economic codes.
    if (old?.mapsTo) e.mapsTo = old.mapsTo;
    if (old?.mapsAlso) e.mapsAlso = old.mapsAlso;
    byCode.set(e.code, e);
  }
  return [...byCode.values()];
}

/**
 * Every year's catalog on this machine: the built-in editions plus what the user imported. The CLI
 * registers the imports it finds in its data folder; the task pane those in browser storage.
 */
export class CatalogLibrary {
  private readonly imports = new Map<number, CatalogImport>();
  private readonly cache = new Map<number, Catalog>();
  /** knownNames by code: a sheet asks for the same codes on every row and every check. */
  private readonly namesCache = new Map<string, Set<string>>();
  private yearsCache?: number[];

  constructor(imports: CatalogImport[] = []) {
    for (const i of imports) this.imports.set(i.year, i);
  }

  addImport(imp: CatalogImport): void {
    this.imports.set(imp.year, imp);
    this.cache.clear();
    this.namesCache.clear();
    this.yearsCache = undefined;
  }

  removeImport(year: number): void {
    this.imports.delete(year);
    this.cache.clear();
    this.namesCache.clear();
    this.yearsCache = undefined;
  }

  importedYears(): number[] {
    return [...this.imports.keys()].sort((a, b) => a - b);
  }

  importOf(year: number): CatalogImport | undefined {
    return this.imports.get(year);
  }

  /** Years with a catalog of their own (built-in editions and imports). */
  years(): number[] {
    return [...this.yearList()];
  }

  /** years(), kept until the imports change: the checks ask for every code the catalog lacks. */
  private yearList(): readonly number[] {
    this.yearsCache ??= [...new Set([...BUILTIN_YEARS, ...this.imports.keys()])].sort((a, b) => a - b);
    return this.yearsCache;
  }

  /** The catalog for a year: its import over the nearest built-in edition. */
  forYear(year: number): Catalog {
    const hit = this.cache.get(year);
    if (hit) return hit;
    const edition = builtinEditionFor(year);
    let entries = builtinEntries(edition);
    const imp = this.imports.get(year);
    if (imp) entries = applyImport(entries, imp);
    const cat = new Catalog(year, imp ? year : edition, entries);
    this.cache.set(year, cat);
    return cat;
  }

  /** Every name a code has had in any catalog here, plus known editorial variants of 类 names (normalized). */
  knownNames(code: string): ReadonlySet<string> {
    const hit = this.namesCache.get(code);
    if (hit) return hit;
    const names = new Set<string>();
    for (const y of this.yearList()) {
      const e = this.forYear(y).get(code);
      if (e) names.add(normalizeName(e.name));
    }
    for (const a of [...(OLD_NAMES[code] ?? []).map((n) => n.name), ...(NAME_VARIANTS[code] ?? [])]) names.add(normalizeName(a));
    this.namesCache.set(code, names);
    return names;
  }

  /** Years (other than the given one) whose catalog has the code. */
  yearsWith(code: string): number[] {
    return this.yearList().filter((y) => this.forYear(y).has(code));
  }
}

let defaultLibrary = new CatalogLibrary();

/** The library the checks and panels use by default; hosts register imports on it. */
export function catalogLibrary(): CatalogLibrary {
  return defaultLibrary;
}

/** Replace the default library (tests, or a host reloading its imports). */
export function setCatalogLibrary(lib: CatalogLibrary): void {
  defaultLibrary = lib;
}

export function getCatalog(year: number): Catalog {
  return defaultLibrary.forYear(year);
}

export { isCodeShape };
