import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The Japanese translation must keep up with the English: every string the extension can show (package.nls.json
// for the manifest, l10n/bundle.l10n.json for vscode.l10n.t, refreshed by `npm run l10n`) needs its Japanese
// string, and a translation must keep what the code fills in or links to. A key added in English only fails here.
const root = path.resolve(__dirname, '../../../..');

const readStrings = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;

/** Words a Japanese string keeps in English: product, protocol and field names, the settings' ids. */
const KEPT_WORDS = new Set([
  'Medium', 'One', 'MQTT', 'ID', 'API', 'JSON', 'CSV', 'URL', 'TLS', 'REST', 'HTTP', 'HTTPS', 'UTF', 'ISO', 'VS', 'Code',
  'user_data', 'login_id', 'mqtt_id', 'event_data', 'observed_at', 'add_client_ip', 'raw', 'ms', 'KB',
]);

/**
 * What a translation must carry over unchanged: the {0} placeholders vscode.l10n.t fills, %name% references,
 * markdown link targets (the welcome view's command: links) and `code` spans (setting values, file names).
 */
export function kept(s: string): { placeholders: string[]; references: string[]; links: string[]; code: string[] } {
  const all = (re: RegExp) => [...s.matchAll(re)].map((m) => m[0]).sort();
  return {
    placeholders: [...new Set(all(/\{\d+\}/g))],
    references: all(/%[A-Za-z][\w.]*%/g),
    links: all(/\]\([^)\s]+\)/g),
    code: all(/`[^`]+`/g),
  };
}

/** True when `ja` is the English copied over: words of a sentence left that are not product or field names. */
export function untranslated(en: string, ja: string): boolean {
  if (ja !== en && /[\u3040-\u30ff\u4e00-\u9fff]/.test(ja)) return false;
  const words = ja.replace(/\{\d+\}|`[^`]*`|\]\([^)]*\)|https?:\/\/\S+|[\w.]+\.\w+/g, ' ').match(/[A-Za-z][A-Za-z_]*/g) ?? [];
  return words.some((w) => !KEPT_WORDS.has(w));
}

/** Every problem of one Japanese file against its English file, one line each, naming the key. */
export function problems(en: Record<string, string>, ja: Record<string, string>): { missing: string[]; extra: string[]; changed: string[]; english: string[] } {
  const missing = Object.keys(en).filter((k) => typeof ja[k] !== 'string' || ja[k].trim() === '');
  const extra = Object.keys(ja).filter((k) => !(k in en));
  const changed: string[] = [];
  const english: string[] = [];
  for (const [key, text] of Object.entries(en)) {
    const t = ja[key];
    if (typeof t !== 'string' || t.trim() === '') continue;
    const want = kept(text);
    const got = kept(t);
    for (const part of Object.keys(want) as (keyof typeof want)[]) {
      if (JSON.stringify(want[part]) !== JSON.stringify(got[part])) {
        changed.push(`${JSON.stringify(key)}: ${part} ${JSON.stringify(want[part])} in English, ${JSON.stringify(got[part])} in Japanese`);
      }
    }
    if (untranslated(text, t)) english.push(`${JSON.stringify(key)}: ${JSON.stringify(t)}`);
  }
  return { missing, extra, changed, english };
}

const FILES = [
  { en: 'package.nls.json', ja: 'package.nls.ja.json', fix: 'translate the new manifest strings' },
  { en: 'l10n/bundle.l10n.json', ja: 'l10n/bundle.l10n.ja.json', fix: 'run `npm run l10n`, then translate the new strings' },
];

describe('Japanese translation', () => {
  for (const file of FILES) {
    describe(file.ja, () => {
      const en = readStrings(file.en);
      const ja = readStrings(file.ja);
      const found = problems(en, ja);

      it(`has a Japanese string for every key of ${file.en}`, () => {
        assert.ok(Object.keys(en).length > 40, `${file.en} holds the extension's strings (${Object.keys(en).length})`);
        assert.deepEqual(found.missing, [], `${file.ja} lacks these keys of ${file.en} (${file.fix}):\n  ${found.missing.join('\n  ')}`);
      });

      it(`has no key that ${file.en} no longer has`, () => {
        assert.deepEqual(found.extra, [], `${file.ja} still translates strings the English dropped:\n  ${found.extra.join('\n  ')}`);
      });

      it('keeps every {0} placeholder, %reference%, link target and `code` span of the English', () => {
        assert.deepEqual(found.changed, [], `translations that changed what the code fills in or links to:\n  ${found.changed.join('\n  ')}`);
      });

      it('translates every sentence (only product, protocol and field names may stay English)', () => {
        assert.deepEqual(found.english, [], `strings left in English:\n  ${found.english.join('\n  ')}`);
      });
    });
  }

  describe('the checks themselves', () => {
    const en = { 'a.key': 'Delete {0} users in {1}?', 'b.key': 'MQTT ID', 'c.key': 'See [Show Log](command:x.showLog) and `auto`.' };

    it('accept a faithful translation, and product names kept as they are', () => {
      const ja = { 'a.key': '{1} の {0} 人のユーザーを削除しますか?', 'b.key': 'MQTT ID', 'c.key': '[ログを表示](command:x.showLog) と `auto` を参照。' };
      assert.deepEqual(problems(en, ja), { missing: [], extra: [], changed: [], english: [] });
    });

    it('name a missing key, an extra key, a lost placeholder, a changed link and an English copy', () => {
      const ja = { 'a.key': '{0} 人のユーザーを削除しますか?', 'c.key': 'See [Show Log](command:x.other) and `auto`.', 'd.key': '古い' };
      const found = problems(en, ja);
      assert.deepEqual(found.missing, ['b.key']);
      assert.deepEqual(found.extra, ['d.key']);
      assert.equal(found.changed.length, 2, found.changed.join('\n'));
      assert.match(found.changed[0], /"a\.key": placeholders \["\{0\}","\{1\}"\] in English, \["\{0\}"\] in Japanese/);
      assert.match(found.changed[1], /"c\.key": links/);
      assert.deepEqual(found.english, [`"c.key": ${JSON.stringify(ja['c.key'])}`]);
    });
  });
});
