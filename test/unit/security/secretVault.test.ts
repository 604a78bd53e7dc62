import * as assert from 'node:assert/strict';
import { SecretVault, type SecretStorageLike } from '../../../src/projects/secretVault';
import { isKeyringUnavailable, keyringProblem, type Translator } from '../../../src/projects/keyringProblem';

// ProjectStore keeps credentials through SecretVault; here SecretStorage is one that fails the way VS Code's does on a
// Linux machine without a keyring, and the user's words are read as the English bundle renders them.

const english: Translator = {
  t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])),
} as Translator;
const NO_KEYRING = 'Cannot create an item in a locked collection';
const SECRETS = { password: 'Vault-pw-5521', apiKey: 'vault-api-key-0042' };

/** A SecretStorage that records what reached it, failing (like a missing keyring) while `broken`. */
class FakeSecretStorage implements SecretStorageLike {
  readonly written = new Map<string, string>();
  broken = true;
  private check() {
    if (this.broken) return Promise.reject(new Error(`${NO_KEYRING}\n  at libsecret`));
    return Promise.resolve();
  }
  get(key: string) {
    return this.check().then(() => this.written.get(key));
  }
  store(key: string, value: string) {
    return this.check().then(() => void this.written.set(key, value));
  }
  delete(key: string) {
    return this.check().then(() => void this.written.delete(key));
  }
}

function vault(storage: SecretStorageLike, registered: string[] = []) {
  return new SecretVault(storage, (...v) => registered.push(...v), (op, name, cause) => keyringProblem(english, op, name, cause));
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    assert.ok(isKeyringUnavailable(e), `expected a KeyringUnavailable, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the keyring failure to be reported');
}

describe('security: when SecretStorage fails (no OS keyring)', () => {
  it('saving names the project, the cause and the remedy, offers memory, and holds no secret', async () => {
    const e = await failure(vault(new FakeSecretStorage()).store('p1', 'Fleet', SECRETS));
    assert.match(e.message, /could not save the credentials of "Fleet" in the OS keyring \(Cannot create an item in a locked collection at libsecret\)/);
    assert.match(e.message, /install and unlock a Secret Service keyring \(gnome-keyring or KWallet\)/);
    assert.match(e.message, /"password-store" in argv\.json/);
    assert.match(e.message, /kept in memory for this window only: they are never written in plain text/);
    assert.ok(!e.message.includes(SECRETS.password) && !e.message.includes(SECRETS.apiKey));
  });

  it('reading says it could not read, with the same remedy', async () => {
    const e = await failure(vault(new FakeSecretStorage()).get('p1', 'Fleet'));
    assert.match(e.message, /could not read the credentials of "Fleet" from the OS keyring \(Cannot create/);
    assert.match(e.message, /gnome-keyring/);
    assert.match(e.message, /Edit Project can take them again and keep them in memory for this window only/);
  });

  it('credentials kept in memory serve this window, never reach SecretStorage, and are registered for redaction', async () => {
    const storage = new FakeSecretStorage();
    const registered: string[] = [];
    const v = vault(storage, registered);
    await v.store('p1', 'Fleet', SECRETS, 'memory');
    assert.deepEqual(await v.get('p1', 'Fleet'), SECRETS);
    assert.equal(v.inMemory('p1'), true);
    assert.equal(storage.written.size, 0);
    assert.deepEqual(registered, [SECRETS.password, SECRETS.apiKey]);
    // Removing the project forgets them, although the keyring still fails: nothing was stored there.
    await v.delete('p1', 'Fleet');
    assert.equal(v.inMemory('p1'), false);
    await failure(v.get('p1', 'Fleet'));
  });

  it('once the keyring works again, a save goes there and the memory copy is dropped', async () => {
    const storage = new FakeSecretStorage();
    const v = vault(storage);
    await v.store('p1', 'Fleet', SECRETS, 'memory');
    storage.broken = false;
    await v.store('p1', 'Fleet', { ...SECRETS, password: 'Vault-pw-new-1' });
    assert.equal(v.inMemory('p1'), false);
    assert.deepEqual(JSON.parse(storage.written.get('mediumOne.project.p1') ?? '{}'), { ...SECRETS, password: 'Vault-pw-new-1' });
  });

  it('deleting keyring-stored credentials that cannot be deleted says they may remain', async () => {
    const storage = new FakeSecretStorage();
    storage.broken = false;
    const v = vault(storage);
    await v.store('p1', 'Fleet', SECRETS);
    storage.broken = true;
    const e = await failure(v.delete('p1', 'Fleet'));
    assert.match(e.message, /could not delete the credentials of "Fleet" from the OS keyring .*they may still be stored there/);
  });
});
