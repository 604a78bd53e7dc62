// Renders the Marketplace icon media/icon.png (128×128 PNG) from the activity-bar glyph media/medium-one.svg:
// the glyph in white on a rounded blue square, screenshotted by the headless Debian Chromium the e2e run uses.
// Run again after changing the glyph: `node scripts/make-icon.mjs` (then commit media/icon.png).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './editor/browser.mjs';
import { repoRoot } from './editor/paths.mjs';

const SIZE = 128;
// The same blue as the gallery banner in package.json (galleryBanner.color), lighter at the top.
const TOP = '#1f6fb2';
const BOTTOM = '#0b3d6e';

const glyph = readFileSync(path.join(repoRoot, 'media', 'medium-one.svg'), 'utf8')
  .replace('stroke="currentColor"', 'stroke="#ffffff"')
  .replace('width="24" height="24"', 'width="92" height="92"');

const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:${SIZE}px;height:${SIZE}px;border-radius:24px;display:flex;align-items:center;justify-content:center;
  background:linear-gradient(180deg, ${TOP}, ${BOTTOM})">${glyph}</div></body></html>`;

const browser = await launchBrowser({ viewport: { width: SIZE, height: SIZE } });
try {
  await browser.page.setContent(html);
  const out = path.join(repoRoot, 'media', 'icon.png');
  await browser.page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  process.stdout.write(`wrote ${path.relative(repoRoot, out)}\n`);
} finally {
  await browser.close();
}
