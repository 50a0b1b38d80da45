import * as path from 'path';

/** ../shared/fixtures beside the checkout (CI clones main with shared/ next to it, wherever that is). */
export const SHARED_FIXTURES = path.join(__dirname, '..', '..', 'shared', 'fixtures');

export function sharedFixture(name: string): string {
  return path.join(SHARED_FIXTURES, name);
}
