import * as assert from 'node:assert/strict';
import { emulatorPerTest, login, parse, request } from './fixture';

describe('emulator: routing', function () {
  const world = emulatorPerTest();

  it('404 on unknown routes, logged in or not', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const path of ['/', '/v1/users', '/v2', '/v2/nothing', '/v2/login/', '/v2/users/zeta/extra', '/v2/users//']) {
      assert.equal((await request(emu, 'GET', path, { cookie })).status, 404, path);
    }
  });

  it('405 on a documented path with another method, with an Allow header', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const cases: [string, string, string][] = [
      ['GET', '/v2/login', 'POST'],
      ['PUT', '/v2/login', 'POST'],
      ['DELETE', '/v2/users', 'GET, POST'],
      ['PATCH', '/v2/users/', 'GET, POST'],
      ['POST', '/v2/users/zeta', 'GET, PATCH, DELETE'],
      ['PUT', '/v2/users/zeta', 'GET, PATCH, DELETE'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await request(emu, method, path, { cookie });
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.allow, allow, `${method} ${path}`);
    }
  });

  it('400 on a login_id that is not valid percent-encoding', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const path of ['/v2/users/%E0%A4%A', '/v2/users/%zz', '/v2/users/abc%']) {
      const res = await request(emu, 'GET', path, { cookie });
      assert.equal(res.status, 400, path);
      assert.match(res.text, /percent-encoding/);
    }
  });

  it('ignores the query string', async () => {
    const emu = await world.start();
    const res = await request(emu, 'GET', '/v2/users/zeta?fields=all', { cookie: await login(emu) });
    assert.equal(res.status, 200);
    assert.equal((parse(res) as { login_id: string }).login_id, 'zeta');
  });
});
