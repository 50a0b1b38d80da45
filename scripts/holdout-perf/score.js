// Scores the real CLI (`jiaohe check FILE --format json`) on the 绩效 books of gen.js.
//  - perf.* findings, per rule family: a finding is right when a plant of the SAME family sits in the same sheet
//    and the finding's cell is one of the plant's cells (truth lists them: e.g. for perf.funds the 年度金额 cell
//    and each part's cell; for perf.weights any 分值 cell or the 分值 合计; for perf.cost any 成本指标 value, the
//    年度金额 or the planted row; for perf.value the value or its 三级; for perf.hierarchy / perf.duplicate any cell
//    of the planted row (or of the first occurrence); for perf.goal-amounts the 年度目标 or 年度金额).
//    Precision = right findings / findings of the family; recall = plants with at least one right finding / plants.
//  - a template (every 指标值 blank) is due exactly one perf.value warning (待填写); anything else there is an alarm;
//  - sum.* inside a 绩效 table is false unless it names a cell of a planted 资金 or 分值 error;
//  - tables located: a reported table of kind 'performance' with IoU ≥ 0.9 against the truth range;
//  - alarms on clean books: any finding at all (any rule, any grade) on a book with nothing planted.
//  - --wide books: sum.* inside a non-绩效 table (资金分配表, 项目 list) is right on a cell of its planted row or 合计 row.
// Usage: node scripts/holdout-perf/score.js DIR [BIN] [--json]
const fs = require('fs');
const path = require('path');
const { iou, parseCell, parseRange, runCli } = require('../holdout/mechanics');

const inside = (cell, r) => {
  const [row, col] = parseCell(cell);
  return row >= r[0] && row <= r[2] && col >= r[1] && col <= r[3];
};

const cliReports = (bin) => (files) => runCli(bin, files, 'holdout-perf');

const FAMILIES = ['perf.funds', 'perf.weights', 'perf.cost', 'perf.value', 'perf.hierarchy', 'perf.duplicate', 'perf.goal-amounts'];

async function score(dir, reportsOf) {
  reportsOf = reportsOf || cliReports(path.join(__dirname, '..', '..', 'bin', 'jiaohe.js'));
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const s = { books: truth.length, tables: 0, located: 0, cleanBooks: 0, cleanWithAlarm: 0, templates: 0, templatesNoted: 0, sumInPerf: 0, sumOnPlant: 0, other: { tables: 0, plants: 0, found: 0, tp: 0, fp: 0 }, fam: {}, notes: [], grades: {} };
  for (const f of FAMILIES) s.fam[f] = { plants: 0, found: 0, tp: 0, fp: 0 };
  const note = (x) => s.notes.push(x);
  for (let i = 0; i < truth.length; i += 20) {
    const chunk = truth.slice(i, i + 20);
    const reps = await reportsOf(chunk.map((b) => b.file));
    chunk.forEach((book, k) => {
      const rep = reps[k];
      const name = path.basename(book.file);
      let alarms = 0;
      if (book.clean && !book.template) s.cleanBooks++;
      for (const ts of book.sheets) {
        const rs = rep.sheets.find((x) => x.name === ts.name) || { findings: [], tables: [] };
        const plants = ts.tables.flatMap((t) => t.plants.map((p) => ({ ...p, hit: false })));
        for (const p of plants) s.fam[p.family] && s.fam[p.family].plants++;
        const templateNoted = new Set();
        for (const f of rs.findings) {
          s.grades[f.severity] = (s.grades[f.severity] || 0) + 1;
          const t = ts.tables.find((x) => inside(f.cell, x.range));
          const o = !t && (ts.others || []).find((x) => inside(f.cell, x.range));
          if (f.rule.startsWith('sum.') && o) {
            const p = o.plants.find((x) => x.cells.includes(f.cell));
            if (p) { s.other.tp++; p.hit = true; }
            else { s.other.fp++; alarms++; note(`${name} ${ts.name} false sum in a ${o.kind} table ${f.cell} ${f.message}`); }
            continue;
          }
          if (f.rule.startsWith('sum.')) {
            if (!t) { alarms++; note(`${name} ${ts.name} sum outside the 绩效 tables ${f.cell} ${f.message}`); continue; }
            const onPlant = t.plants.some((p) => (p.family === 'perf.funds' || p.family === 'perf.weights') && p.cells.includes(f.cell));
            if (onPlant) s.sumOnPlant++;
            else { s.sumInPerf++; alarms++; note(`${name} ${ts.name} sum in a 绩效 table ${f.cell} ${f.message}`); }
            continue;
          }
          if (t && t.template && f.rule === 'perf.value' && f.severity === 'warning' && !templateNoted.has(t)) {
            templateNoted.add(t);
            continue;
          }
          const fam = s.fam[f.rule];
          const p = plants.find((x) => x.family === f.rule && x.cells.includes(f.cell));
          if (fam && p) {
            fam.tp++;
            p.hit = true;
            continue;
          }
          if (fam) fam.fp++;
          alarms++;
          const onOther = plants.find((x) => x.cells.includes(f.cell));
          note(`${name} ${ts.name} false ${f.rule} ${f.severity} ${f.cell}${onOther ? ` (on a ${onOther.family} plant)` : ''} ${f.message}`);
        }
        for (const o of ts.others || []) {
          s.other.tables++;
          for (const p of o.plants) {
            s.other.plants++;
            if (p.hit) s.other.found++;
            else note(`${name} ${ts.name} missed sum in a ${o.kind} table at ${p.at}`);
          }
        }
        for (const p of plants) {
          if (!s.fam[p.family]) continue;
          if (p.hit) s.fam[p.family].found++;
          else note(`${name} ${ts.name} missed ${p.family} at ${p.at}`);
        }
        for (const t of ts.tables) {
          s.tables++;
          if (t.template) {
            s.templates++;
            if (templateNoted.has(t)) s.templatesNoted++;
            else note(`${name} ${ts.name} template at ${JSON.stringify(t.range)} without its 待填写 warning`);
          }
          const best = Math.max(0, ...rs.tables.filter((d) => d.kind === 'performance').map((d) => iou(parseRange(d.range), t.range)));
          if (best >= 0.9) s.located++;
          else note(`${name} ${ts.name} table ${t.form} ${JSON.stringify(t.range)} → ${rs.tables.map((d) => `${d.range} ${d.kind}`).join('; ') || 'none'}`);
        }
      }
      if (book.clean && !book.template && alarms) s.cleanWithAlarm++;
    });
  }
  return s;
}

function summary(s) {
  const lines = [`books ${s.books}; tables located ${s.located}/${s.tables}; templates noted ${s.templatesNoted}/${s.templates}`];
  for (const [f, x] of Object.entries(s.fam)) {
    const p = x.tp / Math.max(1, x.tp + x.fp);
    const r = x.found / Math.max(1, x.plants);
    lines.push(`${f.padEnd(18)} precision ${p.toFixed(3)} recall ${r.toFixed(3)} (plants ${x.found}/${x.plants}, findings right ${x.tp} false ${x.fp})`);
  }
  const all = Object.values(s.fam).reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, found: a.found + x.found, plants: a.plants + x.plants }), { tp: 0, fp: 0, found: 0, plants: 0 });
  lines.push(`${'perf.* (all)'.padEnd(18)} precision ${(all.tp / Math.max(1, all.tp + all.fp)).toFixed(3)} recall ${(all.found / Math.max(1, all.plants)).toFixed(3)} (plants ${all.found}/${all.plants}, findings right ${all.tp} false ${all.fp})`);
  lines.push(`sum.* inside 绩效 tables: false ${s.sumInPerf}, on a planted 资金/分值 cell ${s.sumOnPlant}`);
  if (s.other.tables) {
    const o = s.other;
    lines.push(`sum.* in non-绩效 tables (${o.tables}): precision ${(o.tp / Math.max(1, o.tp + o.fp)).toFixed(3)} recall ${(o.found / Math.max(1, o.plants)).toFixed(3)} (plants ${o.found}/${o.plants}, findings right ${o.tp} false ${o.fp})`);
  }
  lines.push(`clean books with an alarm ${s.cleanWithAlarm}/${s.cleanBooks}`);
  lines.push(`grades 错误 ${s.grades.error || 0} 疑似 ${s.grades.warning || 0} 提示 ${s.grades.hint || 0}`);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2).filter((a) => a !== '--json');
  score(args[0], args[1] ? cliReports(args[1]) : undefined).then((s) => {
    if (process.argv.includes('--json')) console.log(JSON.stringify(s, null, 1));
    else console.log(`${s.notes.slice(0, 120).join('\n')}\n${s.notes.length > 120 ? `… ${s.notes.length - 120} more\n` : ''}${summary(s)}`);
  });
}
module.exports = { score, summary };
