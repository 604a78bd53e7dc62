import * as assert from 'node:assert/strict';
import { summarize } from '../../../src/users/bulkRun';
import { importReport } from '../../../src/users/importReport';
import { parseImportCsv } from '../../../src/users/importCsv';
import { fillPlaceholders, installTranslator, l10n, type L10nArg } from '../../../src/util/l10n';
import { business, makeClient, rejectsWith, useEmulator, alice } from '../api/fixture';

/**
 * A stand-in for vscode.l10n.t in another language: one sentence as a translation would reorder it, every other
 * text wrapped in 【】 so a test sees which parts went through the translator. Placeholders are filled as VS Code
 * fills them.
 */
const translations: Record<string, string> = { '{0} {1} of {2}.': '{2} 人中 {1} 人を{0}。' };
function fakeTranslator(message: string, ...args: L10nArg[]): string {
  return fillPlaceholders(translations[message] ?? `【${message}】`, args);
}

const limits = { maxLoginId: 256, maxPassword: 512 };

describe('l10n of the vscode-free layers', () => {
  const world = useEmulator();
  afterEach(() => installTranslator(undefined));

  it('with no translator installed, l10n.t gives the English with its placeholders filled', () => {
    assert.equal(l10n.t('Tried {0} times; wait a moment and try again.', 3), 'Tried 3 times; wait a moment and try again.');
    assert.equal(l10n.t('{1} before {0}, {0} again; {2} has no value', 'a', 'b'), 'b before a, a again; {2} has no value');
  });

  it("an API client failure speaks the installed translator's language, the login_id and status filled in", async () => {
    installTranslator(fakeTranslator);
    const { client } = makeClient(world.emulator, { credentials: { ...business, password: 'Wrong-Password-1' } });
    const e = await rejectsWith(client.getUser(alice.loginId), 'loginFailed');
    // The sentence, the action inside it and the advice after it each went through the translator; the server's
    // own words (after the status) are quoted as it sent them.
    assert.match(e.message, /^【Medium One refused to 【sign in as "biz@example\.com"】 \(\d{3} [A-Za-z ]+\): [^】]+】\. 【Check the project's login_id, password and API key\./);
    assert.ok(!e.message.includes('{0}'), e.message);
  });

  it('without a translator the same failure reads in English, as before', async () => {
    const { client } = makeClient(world.emulator, { credentials: { ...business, password: 'Wrong-Password-1' } });
    const e = await rejectsWith(client.getUser(alice.loginId), 'loginFailed');
    assert.match(e.message, /^Medium One refused to sign in as "biz@example\.com" \(\d{3} [A-Za-z ]+\): [^【]+ Check the project's login_id/);
  });

  it("a CSV problem and the import report's words are translated, the line's values filled in", () => {
    installTranslator(fakeTranslator);
    const parsed = parseImportCsv('login_id,password,disabled\njoe,pw-1,maybe\nann,,\n', limits);
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.reason]),
      [
        [2, '【disabled is "maybe": write true or false (or leave it empty for enabled)】'],
        [3, '【no password】'],
      ],
    );
    assert.throws(() => parseImportCsv('name,secret\nx,y\n', limits), {
      message: '【The header row has no login_id or password column (it has "name", "secret"). Name the columns login_id and password.】',
    });
    const report = importReport({ projectName: 'Plant', fileName: 'u.csv', rows: [], results: new Map(), problems: parsed.problems, at: new Date(0) });
    assert.match(report, /^# 【Import into "Plant" from u\.csv】$/m);
    assert.match(report, /^\| 【Line】 \| login_id \| 【Result】 \| 【Why】 \|$/m);
    assert.match(report, /^\| 3 \| ann \| 【skipped】 \| 【no password】 \|$/m);
  });

  it('a bulk summary is translated with its counts in the translation\'s order', () => {
    installTranslator(fakeTranslator);
    const outcome = { succeeded: ['a', 'b'], failed: [{ loginId: 'c', reason: 'gone', mayHaveBeenApplied: false }], notRun: ['d'], alreadyDone: [] };
    assert.equal(summarize('無効化しました', outcome), '4 人中 2 人を無効化しました。 【1 failed (c: gone).】 【1 not run (cancelled).】');
    installTranslator(undefined);
    assert.equal(summarize('Disabled', outcome), 'Disabled 2 of 4. 1 failed (c: gone). 1 not run (cancelled).');
  });

  it('the installed translator is shared by every copy of the module (each lazy bundle carries its own)', () => {
    installTranslator(fakeTranslator);
    // A second, separately loaded copy of src/util/l10n, as dist/provisioning.js or dist/teams.js holds one.
    const modulePath = require.resolve('../../../src/util/l10n');
    const first = require.cache[modulePath];
    delete require.cache[modulePath];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module is the point
      const copy = require('../../../src/util/l10n') as { l10n: typeof l10n };
      assert.notEqual(copy.l10n, l10n, 'a separate copy');
      assert.equal(copy.l10n.t('no password'), '【no password】');
    } finally {
      if (first) require.cache[modulePath] = first;
    }
  });
});
