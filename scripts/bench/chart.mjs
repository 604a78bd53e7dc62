// An SVG bar chart of the adaptive matrix for the README (media/bench-matrix.svg): for each cell, the time of the
// fixed default and of the adaptive default as a multiple of the cell's limit (1 = the best any client can do there),
// with the 15 % target marked. Plain SVG text, no dependencies; light and dark pages both read it (own background).
const W = 720;
const LEFT = 170;
const RIGHT = 90;
const BAR = 11;
const ROW = 2 * BAR + 12;
const TOP = 58;
const MAX_RATIO = 5;

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const secs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);

export function matrixChart(m) {
  const cells = m.cells.filter((c) => c.limitMs);
  const plotW = W - LEFT - RIGHT;
  const x = (ratio) => LEFT + (Math.min(ratio, MAX_RATIO) / MAX_RATIO) * plotW;
  const h = TOP + cells.length * ROW + 34;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${h}" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="600" fill="#1f2328">${esc(`${m.operations.toLocaleString('en')} disables: time ÷ limit (1 = max(N × RTT ÷ ${m.ceiling}, N ÷ rate))`)}</text>`,
    `<rect x="12" y="30" width="12" height="10" fill="#9aa4b2"/><text x="30" y="39" fill="#1f2328">fixed default (8 in flight)</text>`,
    `<rect x="200" y="30" width="12" height="10" fill="#1f6feb"/><text x="218" y="39" fill="#1f2328">adaptive default</text>`,
    `<line x1="330" y1="35" x2="350" y2="35" stroke="#cf222e" stroke-dasharray="4 3"/><text x="356" y="39" fill="#1f2328">target: limit + 15 %</text>`,
  ];
  for (const t of [0, 1, 2, 3, 4, 5]) {
    out.push(`<line x1="${x(t)}" y1="${TOP - 6}" x2="${x(t)}" y2="${h - 28}" stroke="#d0d7de" stroke-width="${t === 1 ? 1.5 : 0.5}"/>`);
    out.push(`<text x="${x(t)}" y="${h - 14}" text-anchor="middle" fill="#57606a">${t === MAX_RATIO ? `≥ ${t}` : t} ×</text>`);
  }
  out.push(`<line x1="${x(1.15)}" y1="${TOP - 6}" x2="${x(1.15)}" y2="${h - 28}" stroke="#cf222e" stroke-dasharray="4 3"/>`);
  cells.forEach((c, i) => {
    const y = TOP + i * ROW;
    const name = `${c.rttMs} ms, ${c.ratePerSecond ? `${c.ratePerSecond}/s` : 'no rate limit'}`;
    out.push(`<text x="${LEFT - 8}" y="${y + BAR + 4}" text-anchor="end" fill="#1f2328">${esc(name)}</text>`);
    const bar = (ms, dy, fill) => {
      if (ms === undefined) return;
      const r = ms / c.limitMs;
      out.push(`<rect x="${LEFT}" y="${y + dy}" width="${Math.max(1, x(r) - LEFT)}" height="${BAR}" fill="${fill}"/>`);
      out.push(`<text x="${x(r) + 4}" y="${y + dy + BAR - 1}" fill="#57606a" font-size="11">${esc(`${r.toFixed(2)} × (${secs(ms)})`)}</text>`);
    };
    bar(c.fixedDefault.ms, 0, '#9aa4b2');
    bar(c.adaptiveDefault?.ms, BAR + 2, '#1f6feb');
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
