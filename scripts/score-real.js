#!/usr/bin/env node
// `node scripts/score-real.js [NAME...]`: checks the real disclosures of ../shared/real and prints, per book, the
// sum.* findings that are true (right cell and parts), false and missed, the tables located and the code.* findings.
// With NAME arguments only the books whose name contains one of them are scored.
require('./ts-register');
const path = require('path');
const { realBooks, scoreBook, formatScores } = require(path.join(__dirname, '..', 'tests', 'real', 'score.ts'));

async function main() {
  const filters = process.argv.slice(2);
  const books = realBooks().filter((b) => filters.length === 0 || filters.some((f) => b.book.includes(f)));
  const scores = [];
  for (const b of books) scores.push(await scoreBook(b));
  console.log(formatScores(scores));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
