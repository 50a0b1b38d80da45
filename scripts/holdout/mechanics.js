// Mechanics the held-out judges share (scripts/holdout, holdout-book, holdout-perf): a seeded random stream,
// A1 addresses and ranges, table overlap, and running the real CLI. What each judge writes and how it scores stays
// its own.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

/** A seeded stream (mulberry32): next in [0, 1), int in [a, b], pick, shuffle (a copy), chance. */
function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a, b) => a + Math.floor(next() * (b - a + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const shuffle = (xs) => {
    const a = xs.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  return { next, int, pick, shuffle, chance: (p) => next() < p };
}

/** Row and column from 0 → "B3". */
const A1 = (r, c) => {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s + (r + 1);
};

const colOf = (x) => [...x].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "B3:E12" → [top, left, bottom, right] from 0. */
function parseRange(s) {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(s);
  return [Number(m[2]) - 1, colOf(m[1]), Number(m[4]) - 1, colOf(m[3])];
}

/** "B3" (or "Sheet!B3") → [row, col] from 0; [-1, -1] when it is not an address. */
function parseCell(s) {
  const m = /^([A-Z]+)(\d+)$/.exec(s.replace(/^.*!/, ''));
  return m ? [Number(m[2]) - 1, colOf(m[1])] : [-1, -1];
}

/** Intersection over union of two [top, left, bottom, right] ranges. */
function iou(a, b) {
  const w = Math.min(a[3], b[3]) - Math.max(a[1], b[1]) + 1;
  const h = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) + 1;
  if (w <= 0 || h <= 0) return 0;
  const area = (x) => (x[3] - x[1] + 1) * (x[2] - x[0] + 1);
  return (w * h) / (area(a) + area(b) - w * h);
}

/** The JSON reports of `jiaohe check FILES --format json` from the compiled command at `bin`, one per file. */
function runCli(bin, files, label = 'holdout') {
  const tmp = path.join(os.tmpdir(), `${label}-${process.pid}.json`);
  const fd = fs.openSync(tmp, 'w');
  try {
    execFileSync('node', [bin, 'check', ...files, '--format', 'json', '--jobs', '1'], { stdio: ['ignore', fd, 'ignore'] });
  } catch {
    // exit status 1 = findings; the JSON is still complete
  }
  fs.closeSync(fd);
  const out = JSON.parse(fs.readFileSync(tmp, 'utf8'));
  fs.unlinkSync(tmp);
  return Array.isArray(out) ? out : [out];
}

module.exports = { rng, A1, parseRange, parseCell, iou, runCli };
