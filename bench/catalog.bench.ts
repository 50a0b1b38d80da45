// `npm run bench catalog`: catalog size and provenance (confirmed / unverified) per level and year, search timings
// per kind of query, and code checks on large sheets: one of catalog codes, and one of codes mostly not in the catalog
// (an old edition, a local code list, a pasted column of 项目编码), which must stay linear in the number of code cells.
import { BUILTIN_YEARS, CatalogLibrary, checkCodes, prepareSearch, searchCatalog } from '../src/core/catalog';
import { type CellValue, gridFromRows } from '../src/core/grid';
import { DEFAULT_SETTINGS } from '../src/core/types';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function timeQueries(run: (q: string) => unknown, queries: string[], rounds: number): { median: number; p95: number; max: number; n: number } {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = process.hrtime.bigint();
      run(q);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1], n: times.length };
}

export async function run(): Promise<void> {
  const lib = new CatalogLibrary();
  console.log('Catalog entries per level (类/款/项/目) and year:');
  for (const year of BUILTIN_YEARS) {
    const cat = lib.forYear(year);
    const counts = cat.countsByLevel();
    const parts = Object.entries(counts).map(([kind, levels]) => `${kind} ${Object.entries(levels).map(([l, n]) => `${l}${n}`).join('/')}`);
    console.log(`  ${year}: ${cat.size} codes — ${parts.join('; ')}`);
  }
  console.log('Provenance per level (confirmed by an official document / unverified):');
  for (const year of BUILTIN_YEARS) {
    const prov = lib.forYear(year).provenanceByLevel();
    const parts = Object.entries(prov).map(
      ([kind, levels]) => `${kind} ${Object.entries(levels).map(([l, c]) => `${l} ${c.confirmed}/${c.unverified}`).join(', ')}`,
    );
    console.log(`  ${year}: ${parts.join('; ')}`);
  }

  const cat = lib.forYear(2025);
  const t0 = process.hrtime.bigint();
  prepareSearch(cat);
  console.log(`Search index (pinyin initials for ${cat.size} names) built in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms (once per catalog)`);

  const entries = cat.entries();
  const pick = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
  const kinds: Record<string, string[]> = {
    'code prefix': pick(200, (i) => {
      const c = entries[(i * 37) % entries.length].code;
      return c.slice(0, 3 + ((i % 3) * 2));
    }),
    'name words': pick(200, (i) => {
      const n = entries[(i * 53) % entries.length].name;
      return n.slice(i % 2, (i % 2) + 2 + (i % 3));
    }),
    'pinyin initials': pick(200, (i) => {
      const k = cat.searchKeys![(i * 71) % entries.length].initials;
      return k.slice(0, 2 + (i % 4)) || 'yl';
    }),
    'two words': pick(100, (i) => {
      const e = entries[(i * 29) % entries.length];
      const p = e.parent ? cat.get(e.parent)!.name.slice(0, 2) : '';
      return `${p} ${e.name.slice(0, 2)}`.trim();
    }),
  };
  console.log('Search timings over the full 2025 catalog (ms per query, all results ranked, top 50 returned):');
  for (const [label, queries] of Object.entries(kinds)) {
    const s = timeQueries((q) => searchCatalog(cat, q, { limit: 50 }), queries, 5);
    console.log(`  ${label.padEnd(16)} median ${s.median.toFixed(3)}  p95 ${s.p95.toFixed(3)}  max ${s.max.toFixed(3)}  (n=${s.n})`);
  }

  // Code checks on a 下达表 detail sheet: function + both economic codes on every row, one wrong mapping.
  const rows: CellValue[][] = [['单位名称', '支出功能分类科目', '部门预算经济科目', '政府预算经济科目', '金额']];
  for (let i = 0; i < 50_000; i++) rows.push([`单位${i}`, '2101501 行政运行', '30207 邮电费', '50201 办公经费', i]);
  rows[40_001][3] = '50306 设备购置';
  const grid = gridFromRows('明细', rows);
  let best = Infinity;
  let found = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    found = checkCodes(grid, [], DEFAULT_SETTINGS).length;
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`Code checks on 50,000 rows × 3 codes: ${best.toFixed(0)} ms (best of 3), ${found} finding`);

  console.log('Code checks on a sheet of codes mostly not in the catalog (9 in 10 unknown), ms (best of 3):');
  const sizes = [5_000, 10_000, 20_000];
  const times = sizes.map((n) => timeUnknownCodes(n));
  sizes.forEach((n, i) => console.log(`  ${n.toLocaleString('en')} rows: ${times[i].ms.toFixed(0)} ms, ${times[i].findings} findings`));
  console.log(`  growth for 2× rows: ${(times[2].ms / times[1].ms).toFixed(2)}× (linear ≈ 2)`);

  // 500 科目编码 | 科目名称 tables stacked one blank row apart: each column read stops at the next header.
  const stacked: CellValue[][] = [];
  for (let t = 0; t < 500; t++) {
    stacked.push([`表${t}`], ['科目编码', '科目名称', '金额']);
    for (let i = 0; i < 20; i++) stacked.push(['2101501', '行政运行', i]);
    stacked.push([]);
  }
  const stackedGrid = gridFromRows('堆叠', stacked);
  let bestStacked = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    checkCodes(stackedGrid, [], { ...DEFAULT_SETTINGS, catalogYear: 2025 });
    bestStacked = Math.min(bestStacked, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`Code checks on 500 stacked 科目编码 tables (${stacked.length.toLocaleString('en')} rows): ${bestStacked.toFixed(0)} ms (best of 3)`);
}

/** A 科目编码 | 科目名称 list of n rows whose codes are mostly unknown: 9 in 10 are 项 codes no edition has. */
function timeUnknownCodes(n: number): { ms: number; findings: number } {
  const rows: CellValue[][] = [['科目编码', '科目名称', '金额']];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) rows.push(['2101501', '行政运行', i]);
    else rows.push([`2${String(1_000_000 + ((i * 7919) % 900_000)).slice(1, 5)}9${i % 10}`, `地方项目${i}`, i]);
  }
  const grid = gridFromRows('科目', rows);
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    findings = checkCodes(grid, [], { ...DEFAULT_SETTINGS, catalogYear: 2025 }).length;
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: best, findings };
}
