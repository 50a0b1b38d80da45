import type { Grid } from '../grid';
import type { CatalogChoice, Finding } from '../types';
import { builtinEditionFor, type CatalogLibrary } from './catalog';

/** A 预算/决算 title with its year: "2026年部门预算", "2024年度部门决算", "2024年预算单位收入预算总表". */
const TITLE_YEAR_RE = /((?:19|20)\d{2})\s*年\s*(?:度)?[^，,。；;：:\d]{0,24}?(?:预算|决算)/;
/** Rows at the top of a sheet where its title sits. */
const TITLE_ROWS = 6;

/** The year a title or sheet name says the book is for, if any. */
export function yearOfTitle(text: string): number | undefined {
  const m = TITLE_YEAR_RE.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

/**
 * The year of a book from its titles: the sheet names and the text in the top rows of each sheet. The year most
 * titles give wins (a 决算 book may quote the 预算 of the same year; a note may cite another year once).
 */
export function yearOfBook(grids: readonly Grid[]): number | undefined {
  const votes = new Map<number, number>();
  const vote = (text: string) => {
    const y = yearOfTitle(text);
    if (y) votes.set(y, (votes.get(y) ?? 0) + 1);
  };
  for (const g of grids) {
    vote(g.name);
    for (let r = 0; r < Math.min(TITLE_ROWS, g.rowCount); r++) {
      for (let c = 0; c < Math.min(g.colCount, 30); c++) {
        const t = g.text(r, c);
        if (t.length >= 6) vote(t);
      }
    }
  }
  let best: number | undefined;
  for (const [y, n] of votes) if (best === undefined || n > votes.get(best)! || (n === votes.get(best)! && y > best)) best = y;
  return best;
}

/** The year used when neither the option nor the book gives one. */
export const DEFAULT_CATALOG_YEAR = 2025;

/** Picks the catalog year: the option when given (non-zero), else the book's year, else the default. */
export function chooseCatalog(option: number | undefined, bookYear: number | undefined, lib: CatalogLibrary): CatalogChoice {
  const source: CatalogChoice['source'] = option ? 'option' : bookYear ? 'book' : 'default';
  const year = option || bookYear || DEFAULT_CATALOG_YEAR;
  const edition = lib.importOf(year) ? year : builtinEditionFor(year);
  const choice: CatalogChoice = { year, edition, source };
  if (edition !== year) choice.note = `按${edition}年科目表校验；未内置${year}年科目表`;
  return choice;
}

/**
 * A check that found code problems against the default year says so: the book's titles gave no year, so a code
 * of another edition may be reported wrongly ("未能从表题确定年度，按2025年科目表校验").
 */
export function noteDefaultYear(choice: CatalogChoice, findings: readonly Finding[]): CatalogChoice {
  if (choice.source !== 'default' || choice.note || !findings.some((f) => f.rule.startsWith('code.'))) return choice;
  return { ...choice, note: `未能从表题确定年度，按${choice.edition}年科目表校验` };
}
