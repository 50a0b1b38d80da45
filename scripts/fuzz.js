#!/usr/bin/env node
// `npm run fuzz [-- --mutants N --books N --grids N --seed S --in-process --jobs N]`: hostile books through the
// CLI (build it first: npm run build:cli) with a time and memory watch; prints a histogram. Exit 1 on any failure.
require('./ts-register');
const os = require('os');
const { runFuzz } = require('../tests/fuzz/fuzz.ts');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

(async () => {
  const opts = {
    mutants: option('mutants', 500),
    books: option('books', 500),
    grids: option('grids', 5000),
    seed: option('seed', Date.now() % 100000),
    inProcess: process.argv.includes('--in-process'),
    jobs: option('jobs', os.cpus().length),
    log: (l) => console.log(l),
  };
  console.log(`fuzz: ${opts.mutants} mutants, ${opts.books} random books, ${opts.grids} grids, seed ${opts.seed}, ${opts.inProcess ? 'in process' : 'through the CLI'}`);
  const start = Date.now();
  const r = await runFuzz(opts);
  console.log(r.histogram.format());
  console.log(`slowest: ${r.slowest.map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`).join('; ')}`);
  if (r.peakMb) console.log(`peak memory: ${r.peakMb.toFixed(0)} MB`);
  console.log(`failures: ${r.failures.length}`);
  for (const f of r.failures.slice(0, 40)) console.log(`  ${f.name}: ${f.problems.join(' | ')}`);
  console.log(`took ${((Date.now() - start) / 1000).toFixed(0)} s`);
  process.exitCode = r.failures.length > 0 ? 1 : 0;
})().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
