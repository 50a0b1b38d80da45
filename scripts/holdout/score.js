// Scores the CLI's sum.* findings against the held-out truth: right cell AND right parts.
const fs = require('fs');
const { iou, parseRange, runCli } = require('./mechanics');
const dir = process.argv[2];
const bin = process.argv[3] || require('path').join(__dirname, '..', '..', 'bin', 'jiaohe.js');
const truth = JSON.parse(fs.readFileSync(`${dir}/truth.json`, 'utf8'));
let tp = 0, fp = 0, fn = 0, wrongParts = 0, tables = 0, located = 0;
const notes = [];
for (let i = 0; i < truth.length; i += 25) {
  const chunk = truth.slice(i, i + 25);
  const list = runCli(bin, chunk.map((b) => b.file));
  chunk.forEach((book, k) => {
    const rep = list[k];
    for (const ts of book.sheets) {
      const rs = rep.sheets.find((x) => x.name === ts.name) || { findings: [], tables: [] };
      const found = rs.findings.filter((f) => f.rule.startsWith('sum.'));
      const want = new Map();
      for (const m of ts.mismatches) want.set(m.cell, [...(want.get(m.cell) || []), m.parts.join(',')]);
      for (const f of found) {
        const w = want.get(f.cell);
        const parts = (f.parts || []).slice().sort().join(',');
        if (w === undefined) { fp++; if (notes.length < 40) notes.push(`${book.file} ${ts.name} false ${f.cell} ${f.message}`); }
        else if (!w.includes(parts)) { fp++; fn++; wrongParts++; want.delete(f.cell); if (notes.length < 40) notes.push(`${book.file} ${ts.name} parts ${f.cell} got ${parts} want ${w.join(' | ')}`); }
        else { tp++; want.delete(f.cell); }
      }
      for (const [c, p] of want) { fn++; if (notes.length < 40) notes.push(`${book.file} ${ts.name} missed ${c} (${p})`); }
      for (const t of ts.tables) {
        tables++;
        const best = Math.max(0, ...rs.tables.filter((d) => t.anyKind || d.kind === t.kind).map((d) => iou(parseRange(d.range), t.range)));
        if (best >= 0.9) located++; else if (notes.length < 40) notes.push(`${book.file} ${ts.name} table ${JSON.stringify(t.range)} ${t.kind} → ${rs.tables.map((d) => d.range + ' ' + d.kind).join('; ')}`);
      }
    }
  });
}
console.log(notes.join('\n'));
console.log(`precision ${(tp / Math.max(1, tp + fp)).toFixed(3)} recall ${(tp / Math.max(1, tp + fn)).toFixed(3)} tp ${tp} fp ${fp} fn ${fn} wrongParts ${wrongParts} tables ${located}/${tables}`);
