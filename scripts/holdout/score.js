// Scores the CLI's sum.* findings against the held-out truth: right cell AND right parts.
const fs = require('fs');
const { execFileSync } = require('child_process');
const dir = process.argv[2];
const bin = process.argv[3] || require('path').join(__dirname, '..', '..', 'bin', 'jiaohe.js');
const truth = JSON.parse(fs.readFileSync(`${dir}/truth.json`, 'utf8'));
let tp = 0, fp = 0, fn = 0, wrongParts = 0, tables = 0, located = 0;
const notes = [];
const iou = (a, b) => {
  const w = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1, h = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
  if (w <= 0 || h <= 0) return 0;
  const ar = (x) => (x[3] - x[1] + 1) * (x[2] - x[0] + 1);
  return (w * h) / (ar(a) + ar(b) - w * h);
};
const parseRange = (s) => {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(s);
  const col = (x) => [...x].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col(m[1]), Number(m[4]) - 1, col(m[3])];
};
for (let i = 0; i < truth.length; i += 25) {
  const chunk = truth.slice(i, i + 25);
  const tmp = `/tmp/holdout-${process.pid}.json`;
  const fd = fs.openSync(tmp, 'w');
  try {
    execFileSync('node', [bin, 'check', ...chunk.map((b) => b.file), '--format', 'json'], { stdio: ['ignore', fd, 'ignore'] });
  } catch (e) {}
  fs.closeSync(fd);
  const out = fs.readFileSync(tmp, 'utf8');
  const reports = JSON.parse(out);
  const list = Array.isArray(reports) ? reports : [reports];
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
