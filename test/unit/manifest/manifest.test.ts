import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cmd, ContextKey, UsersViewId } from '../../../src/contributes';

const root = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { type: string | string[]; default?: unknown; minimum?: number; maximum?: number; markdownDescription?: string }> };
  };
};
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('package.json manifest', () => {
  const declared = pkg.contributes.commands.map((c) => c.command).sort();

  it('declares exactly the command ids in src/contributes.ts', () => {
    assert.deepEqual(declared, Object.values(Cmd).sort());
  });

  it('gives every command the "Medium One" category and a localized title', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, '%category%', c.command);
      assert.match(c.title, /^%.+%$/, `${c.command} title must come from package.nls.json`);
    }
    assert.equal(nls.category, 'Medium One');
  });

  it('has an English string for every %key% it uses', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const key of keys) assert.ok(nls[key], `package.nls.json lacks "${key}"`);
  });

  it('menus name only declared commands', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) assert.ok(declared.includes(item.command), `${menu} names unknown ${item.command}`);
    }
  });

  it('matches viewItem tokens with delimiters, never as bare substrings', () => {
    for (const items of Object.values(pkg.contributes.menus)) {
      for (const item of items) {
        for (const m of (item.when ?? '').matchAll(/viewItem\s*=~\s*\/([^/]+)\//g)) {
          assert.match(m[1], /^\(\^\|;\)[\w|()-]+\(;\|\$\)$/, `${item.command}: ${m[1]}`);
        }
        assert.doesNotMatch(item.when ?? '', /viewItem\s*==/, `${item.command} compares the whole context value`);
      }
    }
  });

  it('uses in its when clauses exactly the context keys in src/contributes.ts', () => {
    // VS Code's own keys (view, viewItem, …) are not ours; every mediumOne.* key a clause reads must be one we set.
    const whens = JSON.stringify(pkg.contributes).match(/"when":"[^"]*"/g) ?? [];
    const keys = whens.flatMap((w) => [...w.matchAll(/\b(mediumOne\.[A-Za-z]+)\b/g)].map((m) => m[1]));
    assert.deepEqual([...new Set(keys)].filter((k) => k !== UsersViewId).sort(), Object.values(ContextKey).sort());
  });

  it('contributes the tree view under the id src/contributes.ts names', () => {
    const ids = Object.values(pkg.contributes.views).flat().map((v) => v.id);
    assert.deepEqual(ids, [UsersViewId]);
  });

  it('offers the provisioning settings with their documented defaults, each described in package.nls.json', () => {
    const props = pkg.contributes.configuration.properties;
    const expected: Record<string, unknown> = {
      'mediumOne.events.stream': 'raw',
      'mediumOne.events.recentLimit': 20,
      'mediumOne.mqtt.host': 'mqtt.mediumone.com',
      'mediumOne.mqtt.port': 61619,
      'mediumOne.mqtt.tls': true,
      'mediumOne.mqtt.deviceId': 'vscode-device',
    };
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(props[key]?.default, value, key);
      assert.match(props[key].markdownDescription ?? '', /^%.+%$/, `${key} is described through package.nls.json`);
    }
    assert.deepEqual([props['mediumOne.events.recentLimit'].minimum, props['mediumOne.events.recentLimit'].maximum], [1, 10_000], 'the server reads at most 10,000');
    assert.deepEqual([props['mediumOne.mqtt.port'].minimum, props['mediumOne.mqtt.port'].maximum], [1, 65_535]);
  });

  it('says in Settings that the MQTT broker is not fixed by public documents, and where to check it', () => {
    for (const key of ['mediumOne.mqtt.host', 'mediumOne.mqtt.port']) {
      const text = nls[pkg.contributes.configuration.properties[key].markdownDescription!.slice(1, -1)];
      assert.match(text, /public Medium One documents do not fix|Not fixed by the public Medium One documents/, key);
      assert.match(text, /check your project's MQTT page/i, key);
    }
  });
});
