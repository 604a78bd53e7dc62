// `npm run l10n`: writes l10n/bundle.l10n.json from every `l10n.t('…')` call under src/, as
// `vscode-l10n-dev export --outDir ./l10n ./src` would, plus the calls of the layers that may not import vscode.
// Those import `l10n` from src/util/l10n.ts, and the extractor only reads `l10n.t(` on an import from 'vscode'
// (or '@vscode/l10n'), so each file is handed to it with that one import specifier read as 'vscode'. The files
// themselves are not changed.
// `--check`: writes nothing; prints {"missing":[…],"stale":[…],"count":n} for the shipped bundle and exits 1 when
// it is out of date (test/unit/manifest/l10nBundle.test.ts runs this).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundleFile = path.join(root, 'l10n', 'bundle.l10n.json');

/** `from '../util/l10n'`, `from './l10n'` (inside src/util), `from '../../util/l10n'` … */
const LOCAL_L10N_IMPORT = /(from\s+)(['"])(?:\.\.?\/)+(?:util\/)?l10n\2/g;

// The files in the order vscode-l10n-dev's own export finds them (its glob, its pattern), so the bundle's keys keep
// their order and a refresh's diff shows only what changed.
const { sync: globSync } = createRequire(createRequire(import.meta.url).resolve('@vscode/l10n-dev'))('glob');
const sources = globSync('./src/{,**}/*.{ts,tsx,js,jsx}', { cwd: root, nodir: true, absolute: true, windowsPathsNoEscape: true });

const files = sources.map((file) => ({
  extension: path.extname(file),
  contents: readFileSync(file, 'utf8').replace(LOCAL_L10N_IMPORT, "$1'vscode'"),
}));
const fresh = await getL10nJson(files);

if (process.argv.includes('--check')) {
  const shipped = JSON.parse(readFileSync(bundleFile, 'utf8'));
  const missing = Object.keys(fresh).filter((k) => !(k in shipped));
  const stale = Object.keys(shipped).filter((k) => !(k in fresh));
  process.stdout.write(JSON.stringify({ missing, stale, count: Object.keys(fresh).length }));
  process.exitCode = missing.length + stale.length === 0 ? 0 : 1;
} else {
  // The same layout as vscode-l10n-dev export writes, so a refresh changes only the strings that changed.
  writeFileSync(bundleFile, JSON.stringify(fresh, undefined, 2));
  process.stdout.write(`Wrote ${Object.keys(fresh).length} strings to ${path.relative(root, bundleFile)}\n`);
}
