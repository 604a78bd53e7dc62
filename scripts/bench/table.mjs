// The bench's report: the figures as a plain-text table (the terminal) and as Markdown (artifacts/bench.md, for the
// README), then one "meets / MISSES" line per target.
const n = (x) => (x === null || x === undefined ? 'n/a' : typeof x === 'number' ? x.toLocaleString('en') : String(x));
const pct = (x) => (x === null || x === undefined ? 'n/a' : `${x > 0 ? '+' : ''}${x} %`);
const rateName = (r) => (r ? `${r}/s` : 'none');

function matrixRows(m) {
  const head = ['RTT', 'rate limit', 'RTT seen', "seed's pattern", 'fixed 8', 'adaptive', 'limit', 'adaptive vs limit', 'failures'];
  const rows = m.cells.map((c) => [
    `${c.rttMs} ms`,
    rateName(c.ratePerSecond),
    `${c.measuredRttMs} ms`,
    `${n(c.seedPattern.ms)}${c.seedPattern.measured ? '' : ' (computed)'}`,
    n(c.fixedDefault.ms),
    n(c.adaptiveDefault?.ms),
    n(c.limitMs),
    pct(c.withinPercentOfLimit),
    n((c.adaptiveDefault?.failures ?? 0) + (c.adaptiveDefault?.notDisabledOnServer ?? 0) + c.fixedDefault.failures),
  ]);
  return { head, rows };
}

function figureRows(r) {
  const rows = [['bundle dist/extension.js', `${r.bundleKB} KB`]];
  if (r.machine) rows.push(['machine: CPUs, load average at start / end', `${r.machine.cpus}, ${r.machine.loadStart} / ${r.machine.loadEnd}`]);
  if (r.loginIdStates) {
    const s = r.loginIdStates;
    rows.push([`${n(s.users)} login_id states, no rate limit (${s.pacing})`, `${n(s.unlimitedMs)} ms`]);
    rows.push([`${n(s.users)} login_id states at ${s.limit} (N ÷ rate = ${n(s.floorMs)} ms)`, `${n(s.limitedMs)} ms (${pct(s.withinPercentOfFloor)})`]);
  }
  for (const t of r.treeModel ?? []) {
    rows.push([`tree model, ${n(t.users)} users: first build (its CPU) / later / filtered`, `${t.firstBuildMs} (${t.firstBuildCpuMs}) / ${t.laterMedianMs} / ${t.filteredBuildMs} ms`]);
    rows.push([`tree model, ${n(t.users)} users: heap kept / peak RSS growth`, `${t.retainedHeapMB} / ${t.peakRssGrowthMB} MB`]);
  }
  if (r.importCsv) {
    const i = r.importCsv;
    rows.push([`import ${n(i.rows)} CSV rows (${i.fileKB} KB): parse + validate`, `${i.parseAndValidateMs} ms (bundle load ${i.bundleLoadMs} ms)`]);
    rows.push([`import ${n(i.rows)} CSV rows: heap / peak RSS growth`, `${i.heapGrowthMB} / ${i.peakRssGrowthMB} MB`]);
  }
  if (r.editor) {
    const e = r.editor;
    if (e.skipped) rows.push(['code-server', `not measured: ${e.skipped}`]);
    else {
      rows.push([`activation in code-server's extension host (median of ${e.runs.length})`, `${e.activationMs} ms (runs: ${e.runs.map((x) => x.activationMs).join(', ')})`]);
      rows.push([`${n(e.users)}-user project: view opened → project row (median)`, `${n(e.projectRowMs)} ms`]);
      rows.push([`${n(e.users)}-user project: view opened → first user rows (median)`, `${n(e.firstRowsMs)} ms (runs: ${e.runs.map((x) => x.firstRowsMs).join(', ')})`]);
    }
  }
  if (r.faults) rows.push([`${n(r.faults.succeeded + r.faults.reportedFailed)} disables under 20 % faults`, `${n(r.faults.ms)} ms, ${r.faults.reportedFailed} reported, ${r.faults.unreportedWrongState} unreported`]);
  if (r.createFaults) rows.push([`${n(r.createFaults.succeeded + r.createFaults.reportedFailed)} creates under 20 % faults`, `${n(r.createFaults.ms)} ms, ${r.createFaults.duplicateCreateAttempts} duplicates, ${r.createFaults.unreportedMissing} unreported`]);
  return { head: ['figure', 'value'], rows };
}

function textGrid({ head, rows }) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mdGrid = ({ head, rows }) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const matrixTitle = (m) =>
  `${n(m.operations)} disables (ms); limit = max(N × RTT ÷ ${m.ceiling ?? '?'}, N ÷ rate); adaptive: ${m.adaptiveFrom}`;

const targetLine = (t) => `${t.ok ? 'meets ' : 'MISSES'}  ${t.name}: ${t.value}`;

const caveats = (r) => [
  r.quick ? 'quick run: fewer users and operations than the targets name' : '',
  r.typeErrors ? 'tsc reported type errors: measured the JavaScript it emitted' : '',
  r.editorBesideOtherSections ? 'the code-server part ran beside the other sections (EDITOR_LOCK)' : '',
].filter(Boolean);

export function textReport(results, targets) {
  const parts = caveats(results).map((c) => `(${c})`);
  if (results.adaptiveMatrix) parts.push(matrixTitle(results.adaptiveMatrix), textGrid(matrixRows(results.adaptiveMatrix)), '');
  parts.push(textGrid(figureRows(results)), '', ...targets.map(targetLine));
  return parts.join('\n');
}

export function markdownReport(results, targets) {
  const parts = caveats(results).map((c) => `_(${c})_`);
  if (results.adaptiveMatrix) parts.push(`**${matrixTitle(results.adaptiveMatrix)}**`, '', mdGrid(matrixRows(results.adaptiveMatrix)), '');
  parts.push(mdGrid(figureRows(results)), '', ...targets.map((t) => `- ${t.ok ? 'meets' : '**misses**'}: ${t.name}: ${t.value}`));
  return parts.join('\n');
}
