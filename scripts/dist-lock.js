// The lock around builds into dist/, shared by `npm run build:wps` and the test helpers (tests/e2e/helpers/build.ts):
// two builds never write there at once. A directory is the lock (mkdir is atomic); one left by a killed run is
// stale after 20 minutes.
const fs = require('fs');
const os = require('os');
const path = require('path');

const DIST_LOCK = path.join(os.tmpdir(), 'jiaohe-dist-build.lock');

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Runs fn holding the lock; waits up to 30 minutes for it, then throws an Error naming the lock. */
async function withDistLock(fn) {
  const deadline = Date.now() + 30 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(DIST_LOCK);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(DIST_LOCK).mtimeMs > 20 * 60 * 1000) fs.rmSync(DIST_LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${DIST_LOCK}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(DIST_LOCK, { recursive: true, force: true });
  }
}

module.exports = { DIST_LOCK, withDistLock };
