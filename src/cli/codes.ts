import type { CliIO } from './io';
import { EXIT } from './io';
import { loadUserCatalogs, parseYear } from './catalogImport';
import { Catalog, CatalogEntry, KIND_LABEL, searchCatalog, splitCodeAndName } from '../core/catalog';

export const CODES_USAGE = '用法：jiaohe codes search TEXT [--year YYYY] [--format json] [--limit N]\n      jiaohe codes show CODE [--year YYYY] [--format json]\n';
const DEFAULT_YEAR = 2025;

/** The JSON face of an entry: exactly these keys. */
export interface CodeJson {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  year: number;
  mapsTo: string | null;
}

/** Who vouches for an entry: the user's import, official documents that print it, or nobody yet. */
export interface ProvenanceJson {
  status: 'imported' | 'confirmed' | 'unverified';
  /** The built-in edition (or imported year) the entry comes from. */
  edition: number;
  documents: { id: string; title: string; year: number }[];
}

export function provenanceOf(cat: Catalog, e: CatalogEntry): ProvenanceJson {
  const edition = e.origin === 'imported' ? cat.year : cat.functionEdition;
  if (e.origin === 'imported') return { status: 'imported', edition, documents: [] };
  const documents = (e.confirmedBy ?? []).flatMap((id) => {
    const d = cat.document(id);
    return d ? [{ id, title: d.title, year: d.year }] : [];
  });
  return { status: documents.length ? 'confirmed' : 'unverified', edition, documents };
}

function provenanceText(cat: Catalog, e: CatalogEntry): string {
  const p = provenanceOf(cat, e);
  if (p.status === 'imported') return `导入的财政部${cat.year}年科目表`;
  if (p.status === 'confirmed') return `已由官方文件印证：${p.documents.map((d) => d.title).join('、')}`;
  return `未经官方文件核对（内置科目表凭开发者录入；导入财政部当年科目表即可确定）`;
}

function toJson(e: CatalogEntry, year: number): CodeJson {
  return { code: e.code, name: e.name, level: e.level, parent: e.parent ?? null, year, mapsTo: e.mapsTo ?? null };
}

interface Parsed {
  words: string[];
  year: number;
  json: boolean;
  limit: number;
}

function parseArgs(args: string[], io: CliIO): Parsed | null {
  const words: string[] = [];
  let year = DEFAULT_YEAR;
  let json = false;
  let limit = 20;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--year' || a.startsWith('--year=')) {
      const v = a === '--year' ? args[++i] : a.slice(7);
      const y = parseYear(v);
      if (!y) {
        io.stderr(`年度“${v ?? ''}”无效：请用四位数年份，如 --year 2025。\n`);
        return null;
      }
      year = y;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const v = a === '--format' ? args[++i] : a.slice(9);
      if (v !== 'json' && v !== 'text') {
        io.stderr(`输出格式“${v ?? ''}”无效：可用 text 或 json。\n`);
        return null;
      }
      json = v === 'json';
    } else if (a === '--json') json = true;
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const v = a === '--limit' ? args[++i] : a.slice(8);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        io.stderr(`--limit 需要正整数，收到“${v ?? ''}”。\n`);
        return null;
      }
      limit = n;
    } else if (a.startsWith('--')) {
      io.stderr(`未知选项：${a}\n${CODES_USAGE}`);
      return null;
    } else words.push(a);
  }
  return { words, year, json, limit };
}

function mappingText(cat: Catalog, e: CatalogEntry): string | null {
  const codes = cat.mappingOf(e.code);
  if (!codes.length) return null;
  const [first, ...rest] = codes.map((c) => `${c} ${cat.get(c)?.name ?? ''}`.trim());
  return rest.length ? `${first}（事业单位：${rest.join('、')}）` : first;
}

async function search(p: Parsed, io: CliIO): Promise<number> {
  const text = p.words.join(' ').trim();
  if (!text) {
    io.stderr(`缺少搜索内容。\n${CODES_USAGE}`);
    return EXIT.failed;
  }
  const cat = (await loadUserCatalogs(io)).forYear(p.year);
  const hits = searchCatalog(cat, text, { limit: p.limit });
  if (p.json) {
    io.stdout(JSON.stringify(hits.map((h) => toJson(h.entry, p.year)), null, 2) + '\n');
    return hits.length ? EXIT.clean : EXIT.findings;
  }
  if (!hits.length) {
    io.stderr(`${p.year}年科目表中没有与“${text}”匹配的科目。\n`);
    return EXIT.findings;
  }
  const width = Math.max(...hits.map((h) => h.entry.code.length));
  for (const h of hits) io.stdout(`${h.entry.code.padEnd(width)}  ${h.entry.name}    ${h.path}\n`);
  return EXIT.clean;
}

async function show(p: Parsed, io: CliIO): Promise<number> {
  const raw = p.words.join(' ').trim();
  const parsed = splitCodeAndName(raw);
  if (!raw || !parsed) {
    io.stderr(raw ? `“${raw}”不是科目编码（应为3、5、7或9位数字）。\n` : `缺少科目编码。\n${CODES_USAGE}`);
    return raw ? EXIT.findings : EXIT.failed;
  }
  const lib = await loadUserCatalogs(io);
  const cat = lib.forYear(p.year);
  const e = cat.get(parsed.code);
  if (!e) {
    const other = lib.yearsWith(parsed.code).filter((y) => y !== p.year);
    io.stderr(`${p.year}年科目表中没有编码 ${parsed.code}。${other.length ? `（${other.join('、')}年版中有此编码）` : ''}\n`);
    return EXIT.findings;
  }
  if (p.json) {
    io.stdout(JSON.stringify({ ...toJson(e, p.year), provenance: provenanceOf(cat, e) }, null, 2) + '\n');
    return EXIT.clean;
  }
  const parent = e.parent ? cat.get(e.parent) : undefined;
  const lines = [
    `编码：${e.code}`,
    `名称：${e.name}`,
    `级次：${e.level}`,
    `上级：${parent ? `${parent.code} ${parent.name}` : e.parent ?? '（无）'}`,
    `年度：${p.year}${e.kind === 'function' && e.origin !== 'imported' && cat.functionEdition !== p.year ? `（按${cat.functionEdition}年科目表；未内置${p.year}年科目表）` : ''}`,
    `分类：${KIND_LABEL[e.kind]}${e.origin === 'imported' ? '（导入）' : ''}`,
    `路径：${cat.pathText(e.code)}`,
    `核对：${provenanceText(cat, e)}`,
  ];
  const m = mappingText(cat, e);
  if (m) lines.push(`对应政府预算经济分类：${m}`);
  const kids = cat.children(e.code);
  if (kids.length) lines.push(`下级：${kids.length} 个（${kids.slice(0, 5).map((k) => `${k.code} ${k.name}`).join('、')}${kids.length > 5 ? '……' : ''}）`);
  io.stdout(lines.join('\n') + '\n');
  return EXIT.clean;
}

/** `jiaohe codes search TEXT` / `jiaohe codes show CODE`. Exit 0 found, 1 nothing found / unknown code, 2 usage. */
export async function runCodes(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'search' && sub !== 'show') {
    io.stderr(`${sub ? `未知的 codes 子命令：${sub}\n` : ''}${CODES_USAGE}`);
    return EXIT.failed;
  }
  const p = parseArgs(rest, io);
  if (!p) return EXIT.failed;
  return sub === 'search' ? search(p, io) : show(p, io);
}
