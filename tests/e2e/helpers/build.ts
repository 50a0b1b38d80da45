import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Build dist/ once for all test files that need it (e2e, offline): reuse it when its build-info.json is newer
 * than every source, otherwise run webpack (production) through its Node API under a lock, so two jest workers
 * never build into dist/ at the same time.
 */
export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist');
const INFO = path.join(DIST, 'build-info.json');
const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'tsconfig.json'];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

interface BuildInfo {
  mode: string;
  officeJs: string;
  prodUrl: string | null;
}

/** dist/ is a default production build (local office.js, no URL rewrite) newer than all its inputs. */
export function distIsFresh(): boolean {
  let info: BuildInfo;
  let builtAt: number;
  try {
    info = JSON.parse(fs.readFileSync(INFO, 'utf8')) as BuildInfo;
    builtAt = fs.statSync(INFO).mtimeMs;
  } catch {
    return false;
  }
  if (info.mode !== 'production' || info.officeJs !== 'office-js/office.js' || info.prodUrl) return false;
  for (const f of ['taskpane.html', 'commands.html', 'demo.html', 'manifest.xml']) {
    if (!fs.existsSync(path.join(DIST, f))) return false;
  }
  const newest = Math.max(...INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  return newest < builtAt;
}

// The same lock as `npm run build:wps` (scripts/dist-lock.js).
const { withDistLock: withLock } = require(path.join(ROOT, 'scripts/dist-lock.js')) as {
  withDistLock: <T>(fn: () => Promise<T>) => Promise<T>;
};

async function runWebpack(): Promise<void> {
  const webpack = require('webpack') as typeof import('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration>;
  if (process.env.OFFICE_JS_CDN || process.env.ADDIN_PROD_URL) {
    throw new Error('unset OFFICE_JS_CDN / ADDIN_PROD_URL: the tests check the default build');
  }
  const config = await makeConfig({}, { mode: 'production' });
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('webpack returned no stats')) : resolve(s))),
  );
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    throw new Error(`webpack build failed:\n${errors.map((e) => e.message).join('\n')}`);
  }
}

/**
 * A private copy of a fresh dist/, taken under the build lock: another process may rebuild dist/ (webpack cleans
 * it first) while a test is still reading, so tests serve and scan the copy. Remove it with fs.rmSync when done.
 */
export async function freshDistSnapshot(): Promise<string> {
  return withLock(async () => {
    if (!distIsFresh()) {
      const startedAt = new Date();
      await runWebpack();
      fs.utimesSync(INFO, startedAt, startedAt);
    }
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-dist-'));
    fs.cpSync(DIST, copy, { recursive: true });
    return copy;
  });
}

/** Make sure dist/ holds a fresh default production build; returns whether this call built it. */
export async function ensureBuilt(): Promise<boolean> {
  if (distIsFresh()) return false;
  return withLock(async () => {
    if (distIsFresh()) return false; // another worker built it while we waited
    const startedAt = new Date();
    await runWebpack();
    // Date the build by when it read its sources, so a file edited during the build makes dist/ stale.
    fs.utimesSync(INFO, startedAt, startedAt);
    return true;
  });
}
