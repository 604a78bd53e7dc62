import * as assert from 'node:assert/strict';
import { apiKey, parse, project, userPath } from './fixture';
import { forEachProfile } from './forEachProfile';

const ids = ['a/b', 'x?y#z', '%2F', 'ü@example.com', 'a b+c', `${'long-id.'.repeat(37)}4567`];

describe('emulator: percent-encoded login_ids round-trip', function () {
  it('the 300-character id is 300 characters', () => {
    assert.equal(ids[5].length, 300);
  });

  forEachProfile((p) => {
    for (const id of ids) {
      it(`${JSON.stringify(id.length > 20 ? `${id.slice(0, 20)}…` : id)}: POST (body), then GET, PATCH, DELETE (path)`, async () => {
        const emu = await p.start();
        const cookie = await p.login(emu);
        const created = await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: id, password: 'Round-trip-1' } });
        assert.ok(p.created.includes(created.status), String(created.status));
        assert.deepEqual(parse(created), { login_id: id });
        await p.landed(emu, project, id);
        if (p.listing === 'objects' || p.listing === 'loginIds') {
          assert.ok(p.listed(await p.request(emu, 'GET', '/v2/users', { cookie })).includes(id));
        }

        const path = userPath(id);
        const got = await p.request(emu, 'GET', path, { cookie });
        assert.equal(got.status, 200);
        assert.equal((parse(got) as { login_id: string }).login_id, id);
        const patched = await p.request(emu, 'PATCH', path, { cookie, body: { disabled: true } });
        assert.equal(patched.status, 200);
        assert.equal(emu.getUser(project, id)?.disabled, true);
        assert.equal((await p.request(emu, 'DELETE', path, { cookie })).status, 204);
        assert.equal(emu.getUser(project, id), undefined);
        // calls() keeps the raw, still-encoded path.
        assert.deepEqual(emu.calls().filter((c) => c.method !== 'POST').slice(-3).map((c) => c.path), [path, path, path]);
      });
    }

    it('the user logs in with that id and reads itself', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'ü@example.com', password: 'Round-trip-1' } });
      await p.landed(emu, project, 'ü@example.com');
      const self = await p.login(emu, { login_id: 'ü@example.com', password: 'Round-trip-1', api_key: apiKey });
      assert.equal((await p.request(emu, 'GET', userPath('ü@example.com'), { cookie: self })).status, 200);
    });

    it('an unencoded "+" in the path stays a "+" (not a space)', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      emu.putUser(project, { loginId: 'a+b', password: 'Plus-pass-1' });
      assert.equal((await p.request(emu, 'GET', '/v2/users/a+b', { cookie })).status, 200);
      p.error(await p.request(emu, 'GET', '/v2/users/a%20b', { cookie }), p.unknownUserStatus);
    });

    it('a login_id with markup in an error reason stays text in every body shape', async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'GET', userPath('<b>&"x\''), { cookie: await p.login(emu) });
      const reason = p.error(res, p.unknownUserStatus);
      if (p.unknownUserStatus === 404 && p.errorBodies !== 'empty') assert.equal(reason, 'no user "<b>&"x\'"');
      if (p.errorBodies === 'html') assert.ok(!res.text.includes('<b>'), res.text);
    });
  });
});
