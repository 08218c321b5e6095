#!/usr/bin/env node
// Draws the app icon (the renderer's icon.svg: a page with a highlighted line)
// as build/icons/icon.png, 512×512, with no image library: shapes are sampled
// 4×4 per pixel and the PNG is assembled from zlib-deflated rows. electron-builder
// derives the .icns and .ico from this file.
//
//   node build/scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;
const out = fileURLToPath(new URL('../icons/icon.png', import.meta.url));

const hex = (h, alpha = 1) => [parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255, alpha];
const NAVY = hex('#1f3a5f');
const PAPER = hex('#f5f1e6');
const HIGHLIGHT = hex('#f2c94c', 0.8);

// Shapes in the 64×64 coordinates of renderer/public/icon.svg.
function roundedRect(x, y, w, h, r) {
  return (px, py) => {
    const dx = Math.max(x + r - px, 0, px - (x + w - r));
    const dy = Math.max(y + r - py, 0, py - (y + h - r));
    return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
  };
}
/** The page: a rectangle with its top-right corner folded (M18 16h20l8 8v24H18z). */
const page = (px, py) => px >= 18 && px <= 46 && py >= 16 && py <= 48 && !(px > 38 && py < 16 + (px - 38));
function line(x1, x2, y, width) {
  const r = width / 2;
  return (px, py) => {
    const cx = Math.min(Math.max(px, x1), x2);
    return (px - cx) ** 2 + (py - y) ** 2 <= r * r;
  };
}

const layers = [
  [roundedRect(0, 0, 64, 64, 14), NAVY],
  [page, PAPER],
  [line(23, 41, 28, 3), NAVY],
  [line(23, 41, 34, 3), NAVY],
  [line(23, 35, 40, 3), NAVY],
  [roundedRect(22, 26, 20, 4, 1), HIGHLIGHT],
];

function pixel(x, y) {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = ((x + (sx + 0.5) / SAMPLES) * 64) / SIZE;
      const py = ((y + (sy + 0.5) / SAMPLES) * 64) / SIZE;
      // Premultiplied "over" compositing, bottom layer first.
      let [cr, cg, cb, ca] = [0, 0, 0, 0];
      for (const [inside, [lr, lg, lb, la]] of layers) {
        if (!inside(px, py)) continue;
        cr = lr * la + cr * (1 - la);
        cg = lg * la + cg * (1 - la);
        cb = lb * la + cb * (1 - la);
        ca = la + ca * (1 - la);
      }
      r += cr;
      g += cg;
      b += cb;
      a += ca;
    }
  }
  const n = SAMPLES * SAMPLES;
  const alpha = a / n;
  const straight = (c) => (alpha > 0 ? Math.round((c / n / alpha) * 255) : 0);
  return [straight(r), straight(g), straight(b), Math.round(alpha * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const rowStart = y * (SIZE * 4 + 1);
  rows[rowStart] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), rowStart + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${SIZE}×${SIZE}, ${(png.length / 1024).toFixed(0)} kB)`);
