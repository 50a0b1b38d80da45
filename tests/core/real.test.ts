/**
 * The real disclosures of ../shared/real (issue 11): exactly the eight true mismatches with their true parts, no
 * other sum.* finding, every truth table located (IoU ≥ 0.9), empty ones included. Figures for every book:
 * `node scripts/score-real.js`.
 */
import { BookScore, formatScores, realBooks, scoreBook } from '../real/score';

const books = realBooks();
const scores = new Map<string, BookScore>();

beforeAll(async () => {
  for (const b of books) scores.set(b.book, await scoreBook(b));
});

function explain(s: BookScore): string {
  return formatScores([s]);
}

describe('real disclosures: the true mismatches and nothing else', () => {
  it('the truth lists eight mismatches over four books', () => {
    expect(books).toHaveLength(4);
    expect(books.reduce((n, b) => n + b.sheets.reduce((m, s) => m + s.mismatches.length, 0), 0)).toBe(8);
  });

  for (const b of books) {
    it(`${b.book}: every true mismatch with its true parts, no other sum.* finding`, () => {
      const s = scores.get(b.book)!;
      if (s.falsePositives.length + s.missed.length > 0) console.log(explain(s));
      expect(s.falsePositives).toEqual([]);
      expect(s.missed).toEqual([]);
    });

    it(`${b.book}: every truth table located with IoU ≥ 0.9, empty tables included`, () => {
      const s = scores.get(b.book)!;
      const lost = s.tables.filter((t) => !t.located);
      if (lost.length > 0) console.log(explain(s));
      expect(lost).toEqual([]);
    });
  }
});
