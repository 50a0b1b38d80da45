// Scores the real CLI (`jiaohe check FILE --format json`) on whole books from gen.js:
//  - sum.* findings: right only with the right cell AND the right parts (as scripts/holdout/score.js);
//  - xref.* findings: right only when `cell` and `other` are the two cells of a disagreeing pair (either order);
//    recall counts each cross-table plant found when at least one of its pairs is named;
//  - tables located (IoU ≥ 0.9, with the right kind), false alarms on books with nothing planted, and grades:
//    a planted error of at least one unit of its table must not be graded 提示 (hint).
// Usage: node scripts/holdout-book/score.js DIR [BIN] [--json]   (prints the misses and the figures)
const fs = require('fs');
const path = require('path');
const { iou, parseRange, runCli } = require('../holdout/mechanics');

/** The CLI's JSON reports for files, from the compiled command (`npx tsc -p tsconfig.cli.json` first). */
const cliReports = (bin) => (files) => runCli(bin, files, 'holdout-book');

/** Scores the books of DIR; `reports(files)` checks them (default: bin/jiaohe.js), sync or async. */
async function score(dir, reports = cliReports(path.join(__dirname, '..', '..', 'bin', 'jiaohe.js'))) {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const s = {
    books: truth.length, sum: { tp: 0, fp: 0, fn: 0, wrongParts: 0 }, xref: { tp: 0, fp: 0, plants: 0, found: 0, pairs: 0, pairsNamed: 0, byRule: {} },
    tables: 0, located: 0, cleanBooks: 0, cleanWithAlarm: 0, grades: { hint: 0, warning: 0, error: 0 }, hintOnPlant: 0, failed: 0, notes: [],
  };
  const note = (t) => s.notes.push(t);
  for (let i = 0; i < truth.length; i += 20) {
    const chunk = truth.slice(i, i + 20);
    const got = await reports(chunk.map((b) => b.file));
    chunk.forEach((book, k) => {
      const rep = got[k] || { sheets: [] };
      const name = path.basename(book.file);
      if (rep.error) {
        s.failed++;
        note(`${name} not checked: ${rep.error}`);
      }
      const plantedSomething = book.cross || book.sheets.some((x) => x.mismatches.length) || book.allowedPairs.length || book.emptyNoteMissing.length;
      let alarms = 0;
      const unitCents = (unit) => (unit === '元' ? 100 : 100); // one unit of the table = 100 cents of its own unit
      // ---- sum.*
      for (const ts of book.sheets) {
        const rs = rep.sheets.find((x) => x.name === ts.name) || { findings: [], tables: [] };
        for (const f of rs.findings) s.grades[f.severity] = (s.grades[f.severity] || 0) + 1;
        const found = rs.findings.filter((f) => f.rule.startsWith('sum.'));
        const want = new Map();
        for (const m of ts.mismatches) want.set(m.cell, [...(want.get(m.cell) || []), m]);
        for (const f of found) {
          const w = want.get(f.cell);
          const parts = (f.parts || []).slice().sort().join(',');
          if (w === undefined) {
            s.sum.fp++;
            alarms++;
            note(`${name} ${ts.name} sum false ${f.cell} ${f.rule} ${f.message}`);
          } else {
            const m = w.find((x) => x.parts.join(',') === parts);
            if (!m) {
              s.sum.fp++;
              s.sum.fn++;
              s.sum.wrongParts++;
              want.delete(f.cell);
              note(`${name} ${ts.name} sum parts ${f.cell} got ${parts} want ${w.map((x) => x.parts.join(',')).join(' | ')}`);
            } else {
              s.sum.tp++;
              want.delete(f.cell);
              if (Math.abs(m.diff) >= unitCents() && f.severity === 'hint') {
                s.hintOnPlant++;
                note(`${name} ${ts.name} sum ${f.cell} graded 提示 for a difference of ${m.diff / 100}`);
              }
            }
          }
        }
        for (const [c, ms] of want) {
          s.sum.fn++;
          note(`${name} ${ts.name} sum missed ${c} (${ms.map((x) => x.parts.join(',')).join(' | ')})`);
        }
        for (const t of ts.tables) {
          s.tables++;
          const best = Math.max(0, ...rs.tables.filter((d) => t.anyKind || d.kind === t.kind).map((d) => iou(parseRange(d.range), t.range)));
          if (best >= 0.9) s.located++;
          else note(`${name} ${ts.name} table ${t.role} ${JSON.stringify(t.range)} ${t.kind} → ${rs.tables.map((d) => `${d.range} ${d.kind}`).join('; ') || 'none'}`);
        }
      }
      // ---- xref.*
      const xf = (rep.crossTable && rep.crossTable.findings) || [];
      const names = (f) => [f.cell, f.other ? `${f.other.sheet}!${f.other.cell}` : null];
      // "@Sheet!" stands for any cell of that sheet (a 类 the table lacks, compared with 0 at the table's corner)
      const names1 = (list, c) => list.some((x) => (x.startsWith('@') ? !!c && c.startsWith(x.slice(1)) : x === c));
      const matches = (f, p) => {
        const [x, y] = names(f);
        return (names1(p.a, x) && names1(p.b, y)) || (names1(p.b, x) && names1(p.a, y));
      };
      const crossPairs = book.cross ? book.cross.pairs : [];
      const wholeUnit = book.unit === '元' ? 100 : 1000000; // one unit of the book, in 元 cents
      if (book.cross) {
        s.xref.plants++;
        s.xref.pairs += crossPairs.length;
        const named = crossPairs.filter((p) => xf.some((f) => matches(f, p)));
        s.xref.pairsNamed += named.length;
        for (const q of crossPairs) {
          const rule = q.name.replace(/ \d{3}( |$)/g, ' 类$1').replace(/ \d{5}( |$)/g, ' 款$1').replace(/ \d{7}( |$)/g, ' 项$1').replace(/ total /, ' 合计 ');
          const r = (s.xref.byRule[rule] = s.xref.byRule[rule] || { pairs: 0, named: 0 });
          r.pairs++;
          if (named.includes(q)) r.named++;
        }
        if (named.length) s.xref.found++;
        else note(`${name} xref missed ${book.cross.kind} plant: ${crossPairs.map((p) => `${p.fam} ${p.a.join('+')} ↔ ${p.b.join('+')}`).join('; ')}`);
      }
      for (const f of xf) {
        s.grades[f.severity] = (s.grades[f.severity] || 0) + 1;
        if (f.rule === 'xref.empty-note') {
          const sheet = f.cell.split('!')[0];
          if (book.emptyNoteMissing.includes(sheet)) s.xref.tp++;
          else {
            s.xref.fp++;
            alarms++;
            note(`${name} xref false ${f.cell} ${f.rule} ${f.message}`);
          }
          continue;
        }
        const p = crossPairs.find((q) => matches(f, q));
        const allowed = book.allowedPairs.find((q) => matches(f, q));
        if (p) {
          s.xref.tp++;
          if (Math.abs(p.diff) >= wholeUnit && f.severity === 'hint') {
            s.hintOnPlant++;
            note(`${name} xref ${f.cell} ↔ ${names(f)[1]} graded 提示 for a difference of ${p.diff / 100} 元`);
          }
        } else if (allowed) s.xref.tp++;
        else {
          s.xref.fp++;
          alarms++;
          note(`${name} xref false ${f.rule} ${f.cell} ↔ ${names(f)[1]} ${f.message}`);
        }
      }
      for (const sheet of book.emptyNoteMissing) {
        if (!xf.some((f) => f.rule === 'xref.empty-note' && f.cell.startsWith(`${sheet}!`))) note(`${name} xref missed empty-note on ${sheet}`);
      }
      if (!plantedSomething) {
        s.cleanBooks++;
        if (alarms) s.cleanWithAlarm++;
      }
    });
  }
  const p = (tp, fp) => tp / Math.max(1, tp + fp);
  s.figures = {
    sumPrecision: p(s.sum.tp, s.sum.fp), sumRecall: s.sum.tp / Math.max(1, s.sum.tp + s.sum.fn),
    xrefPrecision: p(s.xref.tp, s.xref.fp), xrefRecall: s.xref.found / Math.max(1, s.xref.plants),
  };
  return s;
}

function summary(s) {
  const f = s.figures;
  return [
    `books ${s.books} (failed ${s.failed}); tables located ${s.located}/${s.tables}`,
    `sum.*  precision ${f.sumPrecision.toFixed(3)} recall ${f.sumRecall.toFixed(3)} (tp ${s.sum.tp} fp ${s.sum.fp} fn ${s.sum.fn} wrong parts ${s.sum.wrongParts})`,
    `xref.* precision ${f.xrefPrecision.toFixed(3)} recall ${f.xrefRecall.toFixed(3)} (plants found ${s.xref.found}/${s.xref.plants}, pairs named ${s.xref.pairsNamed}/${s.xref.pairs}, tp ${s.xref.tp} fp ${s.xref.fp})`,
    `pairs named by rule: ${Object.entries(s.xref.byRule).sort().map(([k, r]) => `${k} ${r.named}/${r.pairs}`).join('; ')}`,
    `clean books with a false alarm ${s.cleanWithAlarm}/${s.cleanBooks}`,
    `grades 错误 ${s.grades.error || 0} 疑似 ${s.grades.warning || 0} 提示 ${s.grades.hint || 0}; planted ≥ 1 unit graded 提示: ${s.hintOnPlant}`,
  ].join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2).filter((a) => a !== '--json');
  score(args[0], args[1] ? cliReports(args[1]) : undefined).then((s) => {
    if (process.argv.includes('--json')) console.log(JSON.stringify(s, null, 1));
    else console.log(`${s.notes.slice(0, 80).join('\n')}\n${s.notes.length > 80 ? `… ${s.notes.length - 80} more\n` : ''}${summary(s)}`);
  });
}
module.exports = { score, summary };
