// The campaign's figures, one column per profile.
import { ASSERTED, type Figures } from './judge';
import type { CampaignProfile } from './profiles';

export function printTable(results: readonly [CampaignProfile, Figures][]): void {
  const rows: [string, ...string[]][] = [];
  const row = (label: string, value: (f: Figures) => number | string) => rows.push([label, ...results.map(([, f]) => String(value(f)))]);
  const keys = (pick: (f: Figures) => Map<string, number>) => [...new Set(results.flatMap(([, f]) => [...pick(f).keys()]))].sort();

  row('operations', (f) => f.operationCount);
  for (const k of keys((f) => f.operations)) row(`  ${k}`, (f) => f.operations.get(k) ?? 0);
  row('faults injected (emulator calls)', (f) => [...f.faults.values()].reduce((a, b) => a + b, 0));
  for (const k of keys((f) => f.faults)) row(`  ${k}`, (f) => f.faults.get(k) ?? 0);
  row('calls refused as their session had ended (401)', (f) => f.sessionsEnded);
  row('told done', (f) => f.told.done);
  row('told failed', (f) => f.told.failed);
  row('  of which "may have been applied"', (f) => f.told.failedMayHaveBeenApplied);
  row('sent again by Retry Failed', (f) => f.told.retried);
  row('  found already done, not resent', (f) => f.told.alreadyDoneOnRetry);
  for (const figure of ASSERTED) row(`${figure} (must be 0)`, (f) => f.asserted[figure]);
  row('seconds', (f) => f.seconds.toFixed(1));

  const header: [string, ...string[]] = ['', ...results.map(([p]) => p.name)];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log('');
  for (const [p] of results) console.log(`${p.name}: ${p.description}`);
  console.log('');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
