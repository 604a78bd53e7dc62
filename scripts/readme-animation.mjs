#!/usr/bin/env node
// The README's animated picture of the main flow (media/readme/main-flow.png): light-theme screenshots the e2e run
// took (artifacts/e2e/light/<scenario>/<nn>-<step>.png) stitched into one animated PNG (APNG), with no dependency.
// Every browser shows an APNG; a viewer that does not know the format shows its first frame, a still picture.
//
//   node scripts/readme-animation.mjs [--out <file>] [--delay-ms 1500]
//
// run-e2e.mjs --readme-shots calls writeMainFlow() after a run whose scenarios all passed. Frames of the same size,
// bit depth and colour type need no decoding: each later frame's IDAT data (its zlib stream, as the screenshot has
// it) is copied into an fdAT chunk (https://wiki.mozilla.org/APNG_Specification): acTL after IHDR says how many
// frames, an fcTL before each frame says its size and delay, one sequence number counts fcTL and fdAT chunks.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(repoRoot, 'media', 'readme', 'main-flow.png');
const DEFAULT_ARTIFACTS = path.join(repoRoot, 'artifacts', 'e2e', 'light');
/** A README picture GitHub shows at once; more means fewer frames (or clipped ones). */
export const MAX_BYTES = 1.5 * 1024 * 1024;

/**
 * The main flow, as the teams scenario's step pictures show it (scenario folder, the step's slug after `<nn>-`): a
 * project from the workspace's settings, its sign-in asking for the password, its users, two of them disabled
 * after one confirmation, the summary's Undo, the activity history, and the run undone from it. One scenario's
 * pictures, so `run-e2e.mjs --grep teams --theme light --readme-shots` renews it alone.
 */
export const MAIN_FLOW = [
  'project-from-workspace-settings',
  'sign-in-asks-for-the-password',
  'users-listed',
  'disable-confirmation',
  'disable-summary-offers-undo',
  'show-activity',
  'run-undone',
].map((step) => ({ scenario: '11-teams', step }));

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The PNG CRC-32 of a chunk's type and data. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One chunk: length, type, data, CRC. */
export function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The chunks of a PNG file, `{ type, data }` in order; throws on a file that is not one (or is cut short). */
export function readChunks(png, name = 'the picture') {
  if (png.length < SIGNATURE.length || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${name} is not a PNG file`);
  const chunks = [];
  for (let at = 8; at < png.length;) {
    if (at + 12 > png.length) throw new Error(`${name} is cut short`);
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > png.length) throw new Error(`${name} is cut short in its ${type} chunk`);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** A frame's header: its IHDR fields, and the raw chunk to compare frames by. */
function header(chunks, name) {
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw new Error(`${name} does not start with an IHDR chunk`);
  if (!chunks.some((c) => c.type === 'IDAT')) throw new Error(`${name} has no image data (IDAT)`);
  if (chunks.some((c) => c.type === 'acTL')) throw new Error(`${name} is animated already`);
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4), raw: ihdr.data };
}

function frameControl(sequence, width, height, delayMs) {
  const data = Buffer.alloc(26);
  data.writeUInt32BE(sequence, 0);
  data.writeUInt32BE(width, 4);
  data.writeUInt32BE(height, 8);
  // x, y offsets 0 (every frame is whole); delay as a fraction of a second; dispose none; blend source.
  data.writeUInt16BE(Math.round(delayMs), 20);
  data.writeUInt16BE(1000, 22);
  return chunk('fcTL', data);
}

/**
 * One APNG from PNG frames of one size, bit depth and colour type (Chromium's screenshots: 8-bit RGB). The first
 * frame is also the still picture. `delayMs` per frame, `lastDelayMs` for the last one, `plays` 0 = loop forever.
 * @param {{ name?: string, png: Buffer }[]} frames
 */
export function assembleApng(frames, { delayMs = 1500, lastDelayMs = delayMs * 2, plays = 0 } = {}) {
  if (frames.length === 0) throw new Error('no frame to animate');
  const parsed = frames.map((f, i) => {
    const name = f.name ?? `frame ${i + 1}`;
    const chunks = readChunks(f.png, name);
    return { name, chunks, head: header(chunks, name) };
  });
  const [first] = parsed;
  const { width, height } = first.head;
  for (const f of parsed.slice(1)) {
    if (!f.head.raw.equals(first.head.raw)) {
      throw new Error(`${f.name} is ${f.head.width}×${f.head.height} (or another colour type): every frame must match ${first.name}, ${width}×${height}`);
    }
    const palette = (p) => p.chunks.find((c) => c.type === 'PLTE')?.data;
    if (palette(f) && !palette(f).equals(palette(first))) throw new Error(`${f.name} has another palette than ${first.name}`);
  }
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(frames.length, 0);
  actl.writeUInt32BE(plays, 4);
  const delay = (i) => (i === frames.length - 1 ? lastDelayMs : delayMs);
  let sequence = 0;
  const out = [SIGNATURE, chunk('IHDR', first.head.raw), chunk('acTL', actl)];
  // The first frame as it is (its ancillary chunks before the image data too), with its fcTL before the IDATs.
  for (const c of first.chunks.slice(1)) {
    if (c.type === 'IEND') continue;
    if (c.type === 'IDAT' && sequence === 0) out.push(frameControl(sequence++, width, height, delay(0)));
    out.push(chunk(c.type, c.data));
  }
  parsed.slice(1).forEach((f, i) => {
    out.push(frameControl(sequence++, width, height, delay(i + 1)));
    const seq = Buffer.alloc(4);
    seq.writeUInt32BE(sequence++, 0);
    out.push(chunk('fdAT', Buffer.concat([seq, ...f.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)])));
  });
  out.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(out);
}

/**
 * The main flow's frame files in `artifactsDir` (artifacts/e2e/light); `since` (ms): a picture older than that is
 * from an earlier run and counts as missing, so the animation never mixes runs.
 */
export function mainFlowFrames(artifactsDir = DEFAULT_ARTIFACTS, { since = 0, flow = MAIN_FLOW } = {}) {
  const files = [];
  const missing = [];
  for (const { scenario, step } of flow) {
    const dir = runFolder(artifactsDir, scenario);
    const name = dir && readdirSync(dir).find((f) => new RegExp(`^\\d+-${step}\\.png$`).test(f));
    const file = name && path.join(dir, name);
    if (file && statSync(file).mtimeMs >= since) files.push(file);
    else missing.push(`${scenario}/<nn>-${step}.png`);
  }
  return { files, missing };
}

/** A scenario's pictures: those of its last retry when it needed one (the run that passed), else its own folder. */
function runFolder(artifactsDir, scenario) {
  if (!existsSync(artifactsDir)) return undefined;
  const retry = (d) => Number(d.slice(scenario.length + '-retry'.length));
  const retries = readdirSync(artifactsDir).filter((d) => d.startsWith(`${scenario}-retry`) && retry(d) > 0).sort((a, b) => retry(b) - retry(a));
  const dir = retries[0] ?? (existsSync(path.join(artifactsDir, scenario)) ? scenario : undefined);
  return dir && path.join(artifactsDir, dir);
}

/** Writes the animation from this run's pictures; says why not when one is missing or the result is too big. */
export function writeMainFlow({ artifactsDir = DEFAULT_ARTIFACTS, out = DEFAULT_OUT, since = 0, delayMs = 1500 } = {}) {
  const { files, missing } = mainFlowFrames(artifactsDir, { since });
  if (missing.length) return { ok: false, message: `not updated: this run took no ${missing.join(', ')}` };
  const apng = assembleApng(files.map((f) => ({ name: path.relative(repoRoot, f), png: readFileSync(f) })), { delayMs });
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  if (apng.length > MAX_BYTES) return { ok: false, message: `not updated: ${kb(apng.length)} is over ${kb(MAX_BYTES)} (use fewer or clipped frames)` };
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, apng);
  return { ok: true, message: `${path.relative(repoRoot, out)}: ${files.length} frames, ${kb(apng.length)}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'delay-ms': { type: 'string', default: '1500' } } });
  const result = writeMainFlow({ out: values.out ? path.resolve(values.out) : DEFAULT_OUT, delayMs: Number(values['delay-ms']) });
  console.log(`[readme-animation] ${result.message}`);
  process.exitCode = result.ok ? 0 : 1;
}
