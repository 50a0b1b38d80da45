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

const LEVEL_RANK: Record<string, number> = { 类: 0, 款: 1, 项: 2, 目: 3 };
const KIND_RANK: Record<string, number> = { function: 0, 'economic-dept': 1, 'economic-gov': 2, income: 3 };

/** Builds the search rows (normalized names, parent names, pinyin) once per catalog. */
export function prepareSearch(cat: Catalog): SearchKeys[] {
  if (cat.searchKeys) return cat.searchKeys;
  const normalized = new Map<string, string>();
  for (const e of cat.entries()) normalized.set(e.code, normalizeName(e.name));
  const rows: SearchKeys[] = cat.entries().map((e) => {
    const syllables = pinyin(e.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((x) => x !== '');
    const parents: string[] = [];
    for (let p = e.parent; p; p = cat.get(p)?.parent) parents.push(normalized.get(p) ?? '');
    return {
      entry: e,
      name: normalized.get(e.code)!,
      parents: parents.join('|'),
      initials: syllables.map((x) => x[0]).join(''),
      pinyin: syllables.join(''),
      rank: KIND_RANK[e.kind] * 10 + LEVEL_RANK[e.level],
    };
  });
  cat.searchKeys = rows;
  return rows;
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
  const rows = prepareSearch(cat);
  const kinds = opts.kinds ? new Set(opts.kinds) : null;
  const hits: { entry: CatalogEntry; score: number; match: SearchHit['match'] }[] = [];

  const codeQuery = /^(\d+)(?:\s*\D.*)?$/.exec(q);
  if (codeQuery) {
    const prefix = codeQuery[1];
    for (const r of rows) {
      const e = r.entry;
      if (!e.code.startsWith(prefix) || (kinds && !kinds.has(e.kind))) continue;
      // Exact code first, then shallower levels, then code order (rows are sorted by code).
      hits.push({ entry: e, score: (e.code === prefix ? 0 : 100) + (e.code.length - prefix.length) * 10, match: 'code' });
    }
  } else if (/^[a-z\s]+$/i.test(q)) {
    const p = q.replace(/\s+/g, '').toLowerCase();
    for (const r of rows) {
      let score: number;
      if (r.initials === p) score = 0;
      else if (r.initials.startsWith(p)) score = 100;
      else if (r.pinyin.startsWith(p)) score = 150;
      else if (r.initials.includes(p)) score = 200 + r.initials.indexOf(p);
      else if (p.length >= 3 && r.pinyin.includes(p)) score = 300;
      else continue;
      if (kinds && !kinds.has(r.entry.kind)) continue;
      hits.push({ entry: r.entry, score: score + r.rank, match: 'pinyin' });
    }
  } else {
    const words = q
      .split(/[\s,，;；›>]+/)
      .map(normalizeName)
      .filter((w) => w !== '');
    const wordsLength = words.reduce((n, w) => n + w.length, 0);
    for (const r of rows) {
      let score = 0;
      let ok = true;
      for (const w of words) {
        const at = r.name.indexOf(w);
        if (at === 0) score += r.name.length === w.length ? 0 : 20;
        else if (at > 0) score += 40;
        else if (r.parents.includes(w)) score += 120;
        else {
          ok = false;
          break;
        }
      }
      if (!ok || (kinds && !kinds.has(r.entry.kind))) continue;
      // Shorter names match more of the query: "医疗保障" ranks 医疗保障管理事务 above 医疗保障经办事务.
      score += Math.min(30, r.name.length - wordsLength);
      hits.push({ entry: r.entry, score: score * 10 + r.rank, match: 'name' });
    }
  }

  hits.sort((a, b) => a.score - b.score || (a.entry.code < b.entry.code ? -1 : a.entry.code > b.entry.code ? 1 : 0));
  return hits.slice(0, limit).map((h) => ({ ...h, path: cat.pathText(h.entry.code) }));
}
