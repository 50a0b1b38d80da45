import * as fs from 'fs';
import * as path from 'path';

/** ../shared/fixtures beside the checkout (CI clones main with shared/ next to it, wherever that is). */
export const SHARED_FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures');

export function sharedFixture(name: string): string {
  return path.join(SHARED_FIXTURES, name);
}

/** One mismatch of expected-mismatches.json: the total cell, its stated value and the sum of its parts. */
export interface ExpectedMismatch {
  cell: string;
  stated: string;
  sumOfParts: string;
}

/** expected-mismatches.json, by fixture workbook and then by sheet. */
export function expectedMismatches(): Record<string, Record<string, ExpectedMismatch[]>> {
  return JSON.parse(fs.readFileSync(sharedFixture('expected-mismatches.json'), 'utf8'));
}
