#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or only those whose name matches argv[2]) and prints figures.
require('./ts-register');
const fs = require('fs');
const path = require('path');

async function main() {
  const dir = path.join(__dirname, '..', 'bench');
  const filter = process.argv[2];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  for (const f of files) {
    console.log(`\n=== ${f} ===`);
    const mod = require(path.join(dir, f));
    await mod.run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
