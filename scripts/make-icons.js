#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Draws the add-in's ribbon and manifest icons (a white check mark on a rounded Office-blue square) as
// real PNG files in assets/, with no dependency beyond Node's zlib: `node scripts/make-icons.js`.
// Anti-aliasing comes from distance fields evaluated on a 4×4 subsample grid per pixel.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent "brand" blue, reads well on light and dark ribbons
const MARK = [0xff, 0xff, 0xff];

const { crc32 } = require('./crc32');

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA rows → PNG bytes (colour type 6, 8 bits, filter 0 on every row). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Inside test for a square of side 1 with corner radius r (unit coordinates). */
function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  // Check mark as two strokes; thicker at small sizes so it survives 16 px.
  const stroke = size <= 16 ? 0.095 : size <= 32 ? 0.085 : 0.075;
  const a = [0.24, 0.53];
  const b = [0.43, 0.71];
  const c = [0.77, 0.31];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          if (!insideRoundedSquare(u, v, 0.18)) continue;
          bg++;
          const d = Math.min(distanceToSegment(u, v, a[0], a[1], b[0], b[1]), distanceToSegment(u, v, b[0], b[1], c[0], c[1]));
          if (d <= stroke / 2 + 0.01) mark++;
        }
      }
      const i = (y * size + x) * 4;
      const coverage = bg / (S * S);
      const m = bg ? mark / bg : 0;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(BACKGROUND[k] * (1 - m) + MARK[k] * m);
      rgba[i + 3] = Math.round(255 * coverage);
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();
module.exports = { drawIcon, encodePng };
