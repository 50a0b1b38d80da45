import { pinyin } from 'pinyin-pro';
import type { Catalog, SearchKeys } from './catalog';
import type { CatalogEntry } from './types';
import { normalizeName } from './normalize';

export interface SearchHit {
  entry: CatalogEntry;
  /** "210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行" */
  path: string;
  /** Lower is better. */
  score: number;
  /** How it matched. */
  match: 'code' | 'name' | 'pinyin';
}

export interface SearchOptions {
  limit?: number;
  /** Only entries of these kinds. */
  kinds?: CatalogEntry['kind'][];
}

function keysOf(name: string): SearchKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s !== '');
  return {
    name: normalizeName(name),
    initials: syllables.map((s) => s[0]).join(''),
    pinyin: syllables.join(''),
  };
}

/** Builds the search keys (pinyin initials etc.) once per catalog. */
export function prepareSearch(cat: Catalog): Map<string, SearchKeys> {
  if (cat.searchKeys) return cat.searchKeys;
  const m = new Map<string, SearchKeys>();
  for (const e of cat.entries()) m.set(e.code, keysOf(e.name));
  cat.searchKeys = m;
  return m;
}

const LEVEL_RANK: Record<string, number> = { 类: 0, 款: 1, 项: 2, 目: 3 };
const KIND_RANK: Record<string, number> = { function: 0, 'economic-dept': 1, 'economic-gov': 2, income: 3 };

function tieBreak(e: CatalogEntry): number {
  return KIND_RANK[e.kind] * 10 + LEVEL_RANK[e.level];
}

/**
 * Ranked search over one catalog.
 * - digits: code prefix ("21015"); a trailing name ("2101501 行政运行") is ignored;
 * - Chinese words: every word must appear in the name or in a parent's name; own-name hits rank first,
 *   exact and leading matches before inner ones;
 * - Latin letters: pinyin initials ("ylbz") or full pinyin ("yiliao"), leading matches first.
 */
export function searchCatalog(cat: Catalog, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = opts.limit ?? 50;
  const q = query.normalize('NFKC').trim();
  if (!q) return [];
  const keys = prepareSearch(cat);
  const kinds = opts.kinds ? new Set(opts.kinds) : null;
  const hits: { entry: CatalogEntry; score: number; match: SearchHit['match'] }[] = [];

  const codeQuery = /^(\d+)(?:\s*\D.*)?$/.exec(q);
  if (codeQuery) {
    const prefix = codeQuery[1];
    for (const e of cat.entries()) {
      if (kinds && !kinds.has(e.kind)) continue;
      if (!e.code.startsWith(prefix)) continue;
      // Exact code first, then shallower levels, then code order (entries() is sorted).
      const score = (e.code === prefix ? 0 : 100) + (e.code.length - prefix.length) * 10;
      hits.push({ entry: e, score, match: 'code' });
    }
  } else if (/^[a-z]+$/i.test(q.replace(/\s+/g, ''))) {
    const p = q.replace(/\s+/g, '').toLowerCase();
    for (const e of cat.entries()) {
      if (kinds && !kinds.has(e.kind)) continue;
      const k = keys.get(e.code)!;
      let score: number;
      if (k.initials === p) score = 0;
      else if (k.initials.startsWith(p)) score = 100;
      else if (k.pinyin.startsWith(p)) score = 150;
      else if (k.initials.includes(p)) score = 200 + k.initials.indexOf(p);
      else if (p.length >= 3 && k.pinyin.includes(p)) score = 300;
      else continue;
      hits.push({ entry: e, score: score + tieBreak(e), match: 'pinyin' });
    }
  } else {
    const words = q
      .split(/[\s,，;；›>]+/)
      .map(normalizeName)
      .filter((w) => w !== '');
    for (const e of cat.entries()) {
      if (kinds && !kinds.has(e.kind)) continue;
      const own = keys.get(e.code)!.name;
      let score = 0;
      let ok = true;
      for (const w of words) {
        if (own === w) score += 0;
        else if (own.startsWith(w)) score += 20;
        else if (own.includes(w)) score += 40;
        else if (parentNamesContain(cat, keys, e, w)) score += 120;
        else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // Shorter names match more of the query: "医疗保障" ranks 医疗保障管理事务 above 医疗保障经办事务.
      score += Math.min(30, own.length - words.join('').length);
      hits.push({ entry: e, score: score * 10 + tieBreak(e), match: 'name' });
    }
  }

  hits.sort((a, b) => a.score - b.score || (a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : 0));
  return hits.slice(0, limit).map((h) => ({ ...h, path: cat.pathText(h.entry.code) }));
}

function parentNamesContain(cat: Catalog, keys: Map<string, SearchKeys>, e: CatalogEntry, w: string): boolean {
  let p = e.parent;
  while (p) {
    const k = keys.get(p);
    if (k && k.name.includes(w)) return true;
    p = cat.get(p)?.parent;
  }
  return false;
}
