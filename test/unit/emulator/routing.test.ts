import * as assert from 'node:assert/strict';
import { parse, request } from './fixture';
import { forEachProfile } from './forEachProfile';

describe('emulator: routing', function () {
  forEachProfile((p) => {
    it('404 on unknown routes, logged in or not', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      for (const path of ['/', '/v1/users', '/v2', '/v2/nothing', '/v2/login/', '/v2/users/zeta/extra', '/v2/users//']) {
        p.error(await p.request(emu, 'GET', path, { cookie }), 404, /not found/i);
        p.error(await request(emu, 'GET', path), 404, /not found/i);
      }
    });

    it('405 on a documented path with another method, with an Allow header', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      const lists = p.listing === 'objects' || p.listing === 'loginIds';
      const cases: [string, string, string][] = [
        ['GET', '/v2/login', 'POST'],
        ['PUT', '/v2/login', 'POST'],
        ['DELETE', '/v2/users', lists ? 'GET, POST' : 'POST'],
        ['PATCH', '/v2/users/', lists ? 'GET, POST' : 'POST'],
        ['POST', '/v2/users/zeta', 'GET, PATCH, DELETE'],
        ['PUT', '/v2/users/zeta', 'GET, PATCH, DELETE'],
      ];
      for (const [method, path, allow] of cases) {
        const res = await p.request(emu, method, path, { cookie });
        p.error(res, 405, /not allowed/i);
        assert.equal(res.headers.allow, allow, `${method} ${path}`);
      }
    });

    it('400 on a login_id that is not valid percent-encoding', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      for (const path of ['/v2/users/%E0%A4%A', '/v2/users/%zz', '/v2/users/abc%']) {
        p.error(await p.request(emu, 'GET', path, { cookie }), 400, /percent-encoding/);
      }
    });

    it('ignores the query string', async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'GET', '/v2/users/zeta?fields=all', { cookie: await p.login(emu) });
      assert.equal(res.status, 200);
      assert.equal((parse(res) as { login_id: string }).login_id, 'zeta');
    });
  });
});
