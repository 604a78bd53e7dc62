// Import Users on a 10,000-row CSV: the bundle the extension loads for it (dist/fileFormats.js, with papaparse), then
// what the command does before its confirmation: the size check, UTF-8 decoding, parsing and per-row validation.
// Run in a fresh process (see isolated.mjs) so the peak memory is this work's own. Target: parsed under 1 s.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { load, root } from './load.mjs';
import { MB, round } from './timing.mjs';

/** A spreadsheet-like file: quoted fields with commas and quotes, an Export-style `'=` prefix, a few bad rows. */
function csvText(rows) {
  const lines = ['login_id,password,disabled'];
  for (let i = 0; i < rows; i++) {
    if (i % 1000 === 999) lines.push(`,Device-pass-${i},`); // no login_id: reported, not created
    else if (i % 500 === 3) lines.push(`"sensor, ""hall"" ${i}",Device-pass-${i},yes`);
    else if (i % 700 === 5) lines.push(`'=calc-${i},Device-pass-${i},no`);
    else lines.push(`device-${i},Device-pass-${i},${i % 9 === 0 ? 'true' : ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function measureImport({ rows }) {
  // The caps Import Users passes (src/commands/project/importUsers.ts).
  const { USER_LIMITS: limits } = load('users/limits.js');
  const bytes = new TextEncoder().encode(csvText(rows));
  global.gc();
  const loadStart = performance.now();
  const formats = createRequire(import.meta.url)(path.join(root, 'dist', 'fileFormats.js'));
  const loadMs = performance.now() - loadStart;
  global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssPeakBefore = process.resourceUsage().maxRSS * 1024;
  const start = performance.now();
  formats.checkImportFileSize(bytes.length);
  const text = formats.decodeImportFile(bytes);
  const parsed = formats.parseImportCsv(text, { maxLoginId: limits.loginId, maxPassword: limits.password });
  const ms = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  const rssPeakGrowth = process.resourceUsage().maxRSS * 1024 - rssPeakBefore;
  return {
    rows,
    fileKB: round(bytes.length / 1024, 1),
    bundleLoadMs: round(loadMs, 1),
    parseAndValidateMs: round(ms, 1),
    heapGrowthMB: round((heapAfter - heapBefore) / MB, 1),
    peakRssGrowthMB: round(rssPeakGrowth / MB, 1),
    valid: parsed.rows.length,
    problems: parsed.problems.length,
    notes: parsed.notes.length,
  };
}

export const importTargets = (r) => [{
  name: `import of ${r.rows.toLocaleString('en')} CSV rows parsed and validated < 1 s`,
  ok: r.parseAndValidateMs < 1000 && r.valid + r.problems === r.rows,
  value: `${r.parseAndValidateMs} ms (+${r.bundleLoadMs} ms to load the bundle), peak +${r.peakRssGrowthMB} MB`,
}];
