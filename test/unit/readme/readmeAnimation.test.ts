import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

// scripts/readme-animation.mjs, which stitches the e2e run's screenshots into the README's animated PNG. The PNGs
// here are made by the test (its own encoder, zlib's CRC) and the result is read back chunk by chunk.

interface Frame { name?: string; png: Buffer }
interface AnimationModule {
  assembleApng(frames: Frame[], options?: { delayMs?: number; lastDelayMs?: number; plays?: number }): Buffer;
  mainFlowFrames(dir: string, options: { since?: number; flow: { scenario: string; step: string }[] }): { files: string[]; missing: string[] };
}

const SCRIPT = path.resolve(__dirname, '../../../../scripts/readme-animation.mjs');
// The tests compile to CommonJS, whose `import()` would become a require() of an ES module (which Node 20 refuses).
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant import() expression, no code from data
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<AnimationModule>;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The filtered scanlines (filter 0) of an 8-bit RGB picture of one colour. */
const scanlines = (width: number, height: number, rgb: number[]) =>
  Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()])));

/** An 8-bit RGB PNG of one colour; `split` cuts its zlib stream into that many IDAT chunks. */
function tinyPng(width: number, height: number, rgb: number[], split = 1): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const z = deflateSync(scanlines(width, height, rgb));
  const step = Math.ceil(z.length / split);
  const idats = Array.from({ length: split }, (_, i) => pngChunk('IDAT', z.subarray(i * step, (i + 1) * step)));
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', ihdr), ...idats, pngChunk('IEND', Buffer.alloc(0))]);
}

interface Chunk { type: string; data: Buffer }

/** Reads a PNG's chunks and checks each CRC with zlib's (so the script's own CRC is checked too). */
function chunksOf(png: Buffer): Chunk[] {
  assert.ok(png.subarray(0, 8).equals(SIGNATURE), 'the PNG signature');
  const out: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)), `the CRC of the ${type} chunk at ${at}`);
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

const fcTL = (c: Chunk) => ({
  sequence: c.data.readUInt32BE(0),
  width: c.data.readUInt32BE(4),
  height: c.data.readUInt32BE(8),
  x: c.data.readUInt32BE(12),
  y: c.data.readUInt32BE(16),
  delay: `${c.data.readUInt16BE(20)}/${c.data.readUInt16BE(22)}`,
  dispose: c.data[24],
  blend: c.data[25],
});

describe('README animation (scripts/readme-animation.mjs)', () => {
  let m: AnimationModule;
  before(async () => {
    m = await importEsm(pathToFileURL(SCRIPT).href);
  });

  it('builds an APNG from two PNGs: acTL with 2 frames, fcTL 0 before the first IDAT, fcTL 1 and fdAT 2 for the second', () => {
    const red = tinyPng(3, 2, [255, 0, 0]);
    const blue = tinyPng(3, 2, [0, 0, 255], 2);
    const apng = m.assembleApng([{ png: red }, { png: blue }], { delayMs: 1500, lastDelayMs: 3000 });
    const chunks = chunksOf(apng);
    assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'acTL', 'fcTL', 'IDAT', 'fcTL', 'fdAT', 'IEND']);
    assert.ok(chunks[0].data.equals(chunksOf(red)[0].data), 'the first frame\'s IHDR');
    assert.deepEqual([chunks[1].data.readUInt32BE(0), chunks[1].data.readUInt32BE(4)], [2, 0], 'acTL: 2 frames, looping forever');
    assert.deepEqual(fcTL(chunks[2]), { sequence: 0, width: 3, height: 2, x: 0, y: 0, delay: '1500/1000', dispose: 0, blend: 0 });
    assert.deepEqual(fcTL(chunks[4]), { sequence: 1, width: 3, height: 2, x: 0, y: 0, delay: '3000/1000', dispose: 0, blend: 0 });
    assert.ok(chunks[3].data.equals(chunksOf(red)[1].data), 'the first frame\'s IDAT is kept as it is');
    const fdat = chunks[5].data;
    assert.equal(fdat.readUInt32BE(0), 2, 'fdAT sequence number');
    // The second frame's two IDAT chunks, joined: its pixels.
    assert.ok(inflateSync(fdat.subarray(4)).equals(scanlines(3, 2, [0, 0, 255])), 'fdAT holds the second frame\'s pixels');
    assert.ok(inflateSync(chunks[3].data).equals(scanlines(3, 2, [255, 0, 0])), 'IDAT holds the first frame\'s pixels');
  });

  it('numbers fcTL and fdAT in one sequence over three frames', () => {
    const frames = [[1, 1, 1], [2, 2, 2], [3, 3, 3]].map((rgb) => ({ png: tinyPng(1, 1, rgb) }));
    const chunks = chunksOf(m.assembleApng(frames));
    assert.equal(chunks.find((c) => c.type === 'acTL')?.data.readUInt32BE(0), 3);
    const sequence = chunks.filter((c) => c.type === 'fcTL' || c.type === 'fdAT').map((c) => `${c.type} ${c.data.readUInt32BE(0)}`);
    assert.deepEqual(sequence, ['fcTL 0', 'fcTL 1', 'fdAT 2', 'fcTL 3', 'fdAT 4']);
  });

  it('refuses frames of another size, naming the frame, and a file that is not a PNG', () => {
    assert.throws(() => m.assembleApng([{ name: 'a.png', png: tinyPng(2, 2, [0, 0, 0]) }, { name: 'b.png', png: tinyPng(3, 2, [0, 0, 0]) }]), /b\.png is 3×2.*a\.png, 2×2/);
    assert.throws(() => m.assembleApng([{ name: 'c.png', png: Buffer.from('not a picture') }]), /c\.png is not a PNG file/);
    assert.throws(() => m.assembleApng([]), /no frame/);
  });

  it('finds the flow\'s pictures by step name, and counts one from an earlier run as missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'm1-readme-animation-'));
    try {
      mkdirSync(path.join(dir, '11-teams'));
      writeFileSync(path.join(dir, '11-teams', '03-show-activity.png'), tinyPng(1, 1, [0, 0, 0]));
      writeFileSync(path.join(dir, '11-teams', '01-old-step.png'), tinyPng(1, 1, [0, 0, 0]));
      const old = new Date(Date.now() - 3_600_000);
      utimesSync(path.join(dir, '11-teams', '01-old-step.png'), old, old);
      const flow = [{ scenario: '11-teams', step: 'show-activity' }, { scenario: '11-teams', step: 'old-step' }, { scenario: '01-sandbox', step: 'welcome-view' }];
      const found = m.mainFlowFrames(dir, { since: Date.now() - 60_000, flow });
      assert.deepEqual(found.files, [path.join(dir, '11-teams', '03-show-activity.png')]);
      assert.deepEqual(found.missing, ['11-teams/<nn>-old-step.png', '01-sandbox/<nn>-welcome-view.png']);
      // A scenario that passed on a retry: the pictures of the run that passed.
      mkdirSync(path.join(dir, '11-teams-retry1'));
      writeFileSync(path.join(dir, '11-teams-retry1', '04-show-activity.png'), tinyPng(1, 1, [0, 0, 0]));
      assert.deepEqual(m.mainFlowFrames(dir, { flow: flow.slice(0, 1) }).files, [path.join(dir, '11-teams-retry1', '04-show-activity.png')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
