// Draws the toolbar icon (a red shield with a white exclamation mark) as PNGs in
// public/icon/, so the package needs no image tools. Run by hand: `npx tsx scripts/make-icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const RED: [number, number, number] = [185, 28, 28];
const WHITE: [number, number, number] = [255, 255, 255];

/** Coverage of pixel (x, y) by the shape, 4×4 supersampled for smooth edges. */
function coverage(size: number, x: number, y: number, inside: (u: number, v: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

// Shield in unit coordinates: flat-ish top, sides curving to a point at the bottom.
const shield = (u: number, v: number) => {
  if (v < 0.06 || v > 0.96) return false;
  const half = v < 0.5 ? 0.42 : 0.42 * Math.sqrt(Math.max(0, 1 - ((v - 0.5) / 0.46) ** 2));
  return Math.abs(u - 0.5) <= half;
};
const mark = (u: number, v: number) =>
  (Math.abs(u - 0.5) < 0.07 && v > 0.2 && v < 0.6) || (u - 0.5) ** 2 + (v - 0.72) ** 2 < 0.075 ** 2;

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const a = coverage(size, x, y, shield);
      const m = coverage(size, x, y, mark);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(RED[c]! * (1 - m) + WHITE[c]! * m);
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

const dir = resolve(import.meta.dirname, '../public/icon');
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(resolve(dir, `${size}.png`), png(size));
console.log(`icons: ${SIZES.join(', ')} px in public/icon/`);
