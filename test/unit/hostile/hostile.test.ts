import * as assert from 'node:assert/strict';
import { parseBaseUrl } from '../../../src/api/url';
import { isMediumOneError } from '../../../src/api/errors';
import { MediumOneClient } from '../../../src/api/client';
import { ImportFileError, checkImportFileSize, decodeImportFile, parseImportCsv, type ParsedImport } from '../../../src/users/importCsv';
import { inboundHandler, type Received } from '../../../src/webviews/host/inbound';
import { createUserOneAtATime, createUserToHost } from '../../../src/webviews/protocol/createUser';
import { editProjectOneAtATime, editProjectToHost } from '../../../src/webviews/protocol/editProject';
import { userDetailsToHost } from '../../../src/webviews/protocol/userDetails';
import { USER_LIMITS } from '../../../src/users/limits';
import type { Emulator } from '../../../src/emulator/types';
import { makeClient, projectName, recorder, useEmulator } from '../api/fixture';
import { LOGIN_IDS, type LoginIdCase } from './loginIds.table';
import { PASSWORDS } from './passwords.table';
import { BASE_URLS } from './baseUrls.table';
import { CSV_FILES, type CsvCase } from './csvFiles.table';
import { WEBVIEW_MESSAGES } from './webviewMessages.table';

// One runner for the hostile-input tables: each row asserts what the user sees (the message names the problem and
// never quotes a secret or a control character) and what the server receives (nothing, or exactly the encoded
// request), against the real emulator over HTTP.

/** A message is shown, logged or put in a report: no control character may reach it (it could forge lines). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof Error, `expected an Error, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal, but it went through');
}

function assertShowable(text: string, hidden: readonly string[] = []): void {
  assert.ok(!CONTROL.test(text), `the message holds a control character: ${JSON.stringify(text)}`);
  for (const h of hidden) if (h.length >= 3) assert.ok(!text.includes(h), `the message quotes ${JSON.stringify(h)}: ${text}`);
}

const userCalls = (emulator: Emulator) => emulator.calls().filter((c) => c.path.startsWith('/v2/users'));

describe('hostile input (one table-driven suite)', () => {
  const world = useEmulator();
  const count = { loginIds: 0, passwords: 0, baseUrls: 0, csv: 0, webview: 0 };
  after(() => {
    const total = Object.values(count).reduce((a, b) => a + b, 0);
    process.stdout.write(`      hostile cases run: ${total} (${Object.entries(count).map(([k, v]) => `${k} ${v}`).join(', ')})\n`);
  });

  describe('login_ids through the client: create, read, disable, delete', () => {
    const defaultSays: Record<LoginIdCase['fate'], RegExp> = {
      sendable: /$^/,
      control: /control character/,
      unpaired: /half of a UTF-16 surrogate pair/,
      empty: /cannot be empty/,
      dotSegment: /treat "\." and "\.\." as folder steps/,
    };
    type Op = 'create' | 'read' | 'disable' | 'delete';
    const refusedOn = (c: LoginIdCase, op: Op): boolean =>
      c.fate === 'unpaired' || c.fate === 'empty' || (c.fate === 'control' && op === 'create') || (c.fate === 'dotSegment' && op !== 'create');

    for (const c of LOGIN_IDS) {
      for (const op of ['create', 'read', 'disable', 'delete'] as const) {
        it(`login_id with ${c.name}: ${op}`, async () => {
          count.loginIds++;
          const { emulator } = world;
          // Read, disable and delete act on a user made behind the client's back (another admin, the portal).
          if (op !== 'create' && c.loginId !== '') emulator.putUser(projectName, { loginId: c.loginId, password: 'Seeded-pw-1' });
          emulator.clearCalls();
          const { client } = makeClient(emulator);
          const run = () =>
            op === 'create' ? client.createUser({ loginId: c.loginId, password: 'Hostile-pw-1' })
            : op === 'read' ? client.getUser(c.loginId)
            : op === 'disable' ? client.updateUser(c.loginId, { disabled: true })
            : client.deleteUser(c.loginId);

          if (refusedOn(c, op)) {
            const e = await refusal(run());
            assert.match(e.message, c.says ?? defaultSays[c.fate]);
            assert.ok(isMediumOneError(e), `a refusal of the client, not ${e.name}`);
            assertShowable(e.message);
            assert.deepEqual(emulator.calls(), [], 'nothing is sent, not even a sign-in');
            return;
          }
          const result = await run();
          const user = emulator.getUser(projectName, c.loginId);
          const calls = userCalls(emulator);
          if (op === 'create') {
            assert.equal((result as { status: string }).status, 'created');
            assert.ok(user, 'the server holds the user under exactly this login_id');
            assert.ok(emulator.checkPassword(projectName, c.loginId, 'Hostile-pw-1'));
            assert.deepEqual(calls.map((r) => [r.method, r.path, r.loginId]), [['POST', '/v2/users/', c.loginId]]);
            return;
          }
          const method = op === 'read' ? 'GET' : op === 'disable' ? 'PATCH' : 'DELETE';
          // One call, to the user's own path: one segment that decodes to exactly this login_id (the transport may
          // encode more than encodeURIComponent does, e.g. ' as %27; the server decodes it the same).
          assert.deepEqual(calls.map((r) => [r.method, r.path.split('/').length, r.status]), [[method, 4, op === 'delete' ? 204 : 200]]);
          const segment = calls[0].path.slice('/v2/users/'.length);
          assert.equal(decodeURIComponent(segment), c.loginId, 'the path carries exactly this login_id');
          assert.match(segment, /^(?:[A-Za-z0-9\-_.~!*()]|%[0-9A-F]{2})*$/, 'every other character is percent-encoded');
          if (op === 'read') assert.equal((result as { loginId: string }).loginId, c.loginId);
          if (op === 'disable') assert.equal(user?.disabled, true);
          if (op === 'delete') assert.equal(user, undefined);
        });
      }
    }
  });

  describe('passwords through the client: create, change', () => {
    for (const c of PASSWORDS) {
      for (const op of ['create', 'change'] as const) {
        it(`password ${c.name}: ${op}`, async () => {
          count.passwords++;
          const { emulator } = world;
          const loginId = `pw-${op}-${count.passwords}`;
          if (op === 'change') emulator.putUser(projectName, { loginId, password: 'Before-pw-1' });
          emulator.clearCalls();
          const { client } = makeClient(emulator);
          const run = () => (op === 'create' ? client.createUser({ loginId, password: c.password }) : client.updateUser(loginId, { password: c.password }));
          if (c.expect === 'stored') {
            await run();
            assert.ok(emulator.checkPassword(projectName, loginId, c.password), 'the server holds exactly this password');
            return;
          }
          const e = await refusal(run());
          assert.match(e.message, c.expect.refused);
          assertShowable(e.message, [c.password]);
          assert.equal(userCalls(emulator).length, c.expect.sent ? 1 : 0);
          if (op === 'create') assert.equal(emulator.getUser(projectName, loginId), undefined);
          else assert.ok(emulator.checkPassword(projectName, loginId, 'Before-pw-1'), 'the old password stays');
        });
      }
    }
  });

  describe('base URLs: parseBaseUrl, and a client built on them', () => {
    for (const c of BASE_URLS) {
      it(`base URL: ${c.name}`, async () => {
        count.baseUrls++;
        const { emulator } = world;
        const emu = emulator.url.replace(/^http:\/\//, '');
        const url = c.url.replace('{emu}', emu);
        emulator.clearCalls();
        if ('refused' in c.expect) {
          const e = await refusal(Promise.resolve().then(() => parseBaseUrl(url)));
          assert.ok(isMediumOneError(e, 'invalidUrl'), e.message);
          assert.match(e.message, c.expect.refused);
          assertShowable(e.message, c.hidden);
          // The client is refused the same way, so not even a sign-in reaches a server.
          const built = await refusal(Promise.resolve().then(() => new MediumOneClient({ baseUrl: url, credentials: () => ({ loginId: 'a', password: 'Url-pw-1', apiKey: 'k' }), logger: recorder().logger })));
          assert.equal(built.message, e.message);
          assert.deepEqual(emulator.calls(), []);
          return;
        }
        const expected = { origin: c.expect.origin.replace('{emu}', emu), prefix: c.expect.prefix };
        assert.deepEqual(parseBaseUrl(url), expected);
        if (url.includes(emu)) {
          // The emulator itself: the sign-in goes exactly there.
          const { client } = makeClient(emulator, { baseUrl: url });
          await client.login();
          assert.deepEqual(emulator.calls().map((r) => [r.method, r.path, r.status]), [['POST', '/v2/login', 200]]);
        }
      });
    }
  });

  describe('CSV import files: size, encoding, columns, rows', () => {
    const read = (c: CsvCase): ParsedImport => {
      const bytes = typeof c.file === 'string' ? new TextEncoder().encode(c.file) : c.file;
      checkImportFileSize(bytes.length);
      return parseImportCsv(decodeImportFile(bytes), { maxLoginId: USER_LIMITS.loginId, maxPassword: USER_LIMITS.password, maxRows: c.maxRows });
    };
    for (const c of CSV_FILES) {
      it(`CSV: ${c.name}`, async () => {
        count.csv++;
        const { emulator } = world;
        const before = emulator.listUsers(projectName).length;
        emulator.clearCalls();
        if ('fileError' in c.expect) {
          const e = await refusal(Promise.resolve().then(() => read(c)));
          assert.ok(e instanceof ImportFileError, `a whole-file refusal, not ${e.name}: ${e.message}`);
          assert.match(e.message, c.expect.fileError);
          assertShowable(e.message, c.hidden);
          assert.deepEqual(emulator.calls(), []);
          return;
        }
        const parsed = read(c);
        const problems = c.expect.problems ?? [];
        assert.deepEqual(parsed.rows.map((r) => [r.loginId, r.password]), c.expect.created);
        assert.deepEqual(parsed.problems.map((p) => p.line), problems.map(([line]) => line));
        parsed.problems.forEach((p, i) => {
          assert.match(p.reason, problems[i][1]);
          assertShowable(`line ${p.line}: ${p.loginId}: ${p.reason}`, c.hidden);
        });
        assert.deepEqual(parsed.notes.map((n) => [n.line, n.note]), c.expect.notes ?? []);
        // What the import then sends: one create per accepted row, and the server holds each exactly.
        const { client } = makeClient(emulator);
        for (const row of parsed.rows) await client.createUser({ loginId: row.loginId, password: row.password });
        assert.deepEqual(userCalls(emulator).map((r) => r.loginId), c.expect.created.map(([id]) => id));
        for (const [id, pw] of c.expect.created) assert.ok(emulator.checkPassword(projectName, id, pw), `${id} holds its password from the file`);
        assert.equal(emulator.listUsers(projectName).length, before + c.expect.created.length);
      });
    }
  });

  describe('forged webview messages: the host side of each panel', () => {
    const schemas = { createUser: createUserToHost, editProject: editProjectToHost, userDetails: userDetailsToHost } as const;
    const oneAtATime = { createUser: createUserOneAtATime, editProject: editProjectOneAtATime, userDetails: [] } as const;

    for (const c of WEBVIEW_MESSAGES) {
      it(`webview ${c.panel}: ${c.name}`, async () => {
        count.webview++;
        const { emulator } = world;
        emulator.clearCalls();
        const { client } = makeClient(emulator);
        const logged: string[] = [];
        const told: string[] = [];
        const handled: unknown[] = [];
        const receive = inboundHandler<{ type: string }>({
          viewType: `mediumOne.${c.panel}`,
          schema: schemas[c.panel],
          oneAtATime: oneAtATime[c.panel],
          log: { warn: (m) => logged.push(m), error: (m) => logged.push(m) },
          // As the create-user panel's host: create, and tell the page the error next to its field.
          onMessage: async (message) => {
            handled.push(message);
            if (c.panel !== 'createUser' || message.type !== 'submit') return;
            const { loginId, password } = message as unknown as { loginId: string; password: string };
            await client.createUser({ loginId, password }).catch((e: unknown) => void told.push(e instanceof Error ? e.message : String(e)));
          },
        });
        let results: Received[];
        if (c.together) results = await Promise.all(c.messages.map((m) => receive(m)));
        else {
          results = [];
          for (const m of c.messages) results.push(await receive(m));
        }
        assert.deepEqual(results, c.expect);
        assert.equal(handled.length, c.expect.filter((r) => r === 'handled').length);
        assert.equal(logged.length, c.expect.filter((r) => r === 'dropped').length, `one log line per dropped message: ${logged.join(' | ')}`);
        (c.logged ?? []).forEach((re, i) => assert.match(logged[i], re));
        assert.equal(told.length, (c.told ?? []).length, `told: ${told.join(' | ')}`);
        (c.told ?? []).forEach((re, i) => assert.match(told[i], re));
        for (const text of [...logged, ...told]) assertShowable(text, c.hidden);
        const creates = emulator.calls().filter((r) => r.method === 'POST' && r.path === '/v2/users/' && r.status === 200);
        assert.deepEqual(creates.map((r) => r.loginId), c.creates ?? []);
      });
    }
  });
});
