// An ordinary extension installed next to Medium One API Users, as a hostile one would be: it activates the extension
// and writes down everything its exports let it reach, to the file named by EXPORTS_PROBE_OUT.
const fs = require('node:fs');
const vscode = require('vscode');

/** Every own key (symbols and non-enumerables too) reachable from `root`, as dotted paths, up to `depth`. */
function reach(root, depth = 4) {
  const found = [];
  const seen = new Set();
  const walk = (value, at, left) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || left === 0) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const name = `${at}.${String(key)}`;
      found.push(name);
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && 'value' in d) walk(d.value, name, left - 1);
    }
  };
  walk(root, 'exports', depth);
  return found;
}

exports.activate = async function activate(context) {
  const out = process.env.EXPORTS_PROBE_OUT;
  const ext = vscode.extensions.getExtension('mediumone-tools.mediumone-api-users');
  const report = { probeMode: vscode.ExtensionMode[context.extensionMode], found: Boolean(ext) };
  try {
    const exported = ext ? await ext.activate() : undefined;
    report.type = exported === null ? 'null' : typeof exported;
    report.frozen = exported !== null && typeof exported === 'object' ? Object.isFrozen(exported) : undefined;
    report.reachable = reach(exported);
    report.getSecrets = report.reachable.some((k) => /getSecrets|secrets|projects|clients|redactor/.test(k));
  } catch (e) {
    report.error = String(e && e.stack ? e.stack : e);
  }
  if (out) fs.writeFileSync(out, JSON.stringify(report, null, 2));
};
