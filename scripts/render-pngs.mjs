// Renders the PNGs the Marketplace needs from their SVG sources, with the headless Debian Chromium the e2e run uses:
// - media/icon.png (128×128): the activity-bar glyph media/medium-one.svg in white on a rounded blue square;
// - media/bench-matrix.png: the README's benchmark chart media/bench-matrix.svg at twice its size (vsce refuses SVG
//   pictures in a README, and the Marketplace would not show them).
// Run again after changing either SVG (`npm run bench` redraws the chart): `node scripts/render-pngs.mjs`, then
// commit the PNGs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './editor/browser.mjs';
import { repoRoot } from './editor/paths.mjs';

const media = (name) => path.join(repoRoot, 'media', name);

// The same blue as the gallery banner in package.json (galleryBanner.color), lighter at the top.
const TOP = '#1f6fb2';
const BOTTOM = '#0b3d6e';

function iconPage(size) {
  const glyph = readFileSync(media('medium-one.svg'), 'utf8')
    .replace('stroke="currentColor"', 'stroke="#ffffff"')
    .replace('width="24" height="24"', `width="${Math.round(size * 0.72)}" height="${Math.round(size * 0.72)}"`);
  return `<div style="width:${size}px;height:${size}px;border-radius:${size * 0.19}px;display:flex;align-items:center;
    justify-content:center;background:linear-gradient(180deg, ${TOP}, ${BOTTOM})">${glyph}</div>`;
}

/** The chart at `scale` times its size: the SVG's own width/height scaled, its viewBox kept. */
function chartPage(scale) {
  const svg = readFileSync(media('bench-matrix.svg'), 'utf8');
  const [, w, h] = /<svg[^>]*\swidth="(\d+)"\s+height="(\d+)"/.exec(svg) ?? [];
  if (!w) throw new Error('media/bench-matrix.svg: no width/height on its <svg>');
  const size = { width: Number(w) * scale, height: Number(h) * scale };
  return { size, html: svg.replace(`width="${w}" height="${h}"`, `width="${size.width}" height="${size.height}"`) };
}

const chart = chartPage(2);
const jobs = [
  { out: 'icon.png', size: { width: 128, height: 128 }, html: iconPage(128), transparent: true },
  { out: 'bench-matrix.png', size: chart.size, html: chart.html, transparent: false },
];

const browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
try {
  for (const job of jobs) {
    await browser.page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${job.html}</body></html>`);
    await browser.page.screenshot({ path: media(job.out), omitBackground: job.transparent, clip: { x: 0, y: 0, ...job.size } });
    process.stdout.write(`wrote media/${job.out} (${job.size.width}×${job.size.height})\n`);
  }
} finally {
  await browser.close();
}
