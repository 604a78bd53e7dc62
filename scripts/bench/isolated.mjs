// Runs one measuring function in a fresh Node process with `--expose-gc`, so heap and peak-memory figures see
// only that work (not the emulators and clients of the other sections), and the main process gets plain JSON back.
//   runIsolated('treeModel.mjs', 'measureTreeModel', { sizes: [10000] })
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const MARK = '@@bench-result ';

export function runIsolated(moduleFile, exportName, args) {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), moduleFile, exportName, JSON.stringify(args)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split('\n').find((l) => l.startsWith(MARK));
  if (!line) throw new Error(`${moduleFile} ${exportName} printed no result:\n${out}`);
  return JSON.parse(line.slice(MARK.length));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [moduleFile, exportName, json] = process.argv.slice(2);
  const mod = await import(pathToFileURL(path.join(here, moduleFile)).href);
  const result = await mod[exportName](JSON.parse(json));
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
}
