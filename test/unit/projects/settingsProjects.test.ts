// Project definitions from the mediumOne.projects setting (and definitions files): validation, ids, trust, merge.
import * as assert from 'node:assert/strict';
import {
  definitionToProject,
  definitionsInFile,
  mergeDefinitions,
  originUsable,
  parseDefinitions,
  projectToDefinition,
  settingsProjectId,
  type MergeChoice,
  type ProjectDefinition,
} from '../../../src/projects/settingsProjects';

const fleet: ProjectDefinition = { name: 'Fleet', server: 'production', role: 'business', loginId: 'admin' };
const local: ProjectDefinition = { name: 'Local', server: 'http://127.0.0.1:8080', role: 'registration', loginId: 'reg', mqttId: 'mq1', production: false };

describe('projects/settingsProjects parseDefinitions', () => {
  it('accepts a KNOWN_HOSTS id and an http loopback URL, and turns them into base URLs', () => {
    const parsed = parseDefinitions([fleet, local]);
    assert.deepEqual(parsed.problems, []);
    const projects = parsed.definitions.map((d) => definitionToProject('user', d.definition));
    assert.deepEqual(projects.map((p) => p.baseUrl), ['https://api.mediumone.com', 'http://127.0.0.1:8080']);
    assert.deepEqual(projects.map((p) => p.origin), ['user', 'user']);
    assert.equal(projects[0].production, false);
    assert.equal(projects[1].mqttId, 'mq1');
  });

  it('skips each bad entry, naming it by index and name, and keeps the good ones', () => {
    const parsed = parseDefinitions([
      'not an object',
      { ...fleet, name: 'Plain', server: 'http://api.example.com' },
      { ...fleet, name: 'Wrong role', role: 'admin' },
      { ...fleet, name: 'Extra', colour: 'red' },
      { name: 'Half' },
      fleet,
    ]);
    assert.deepEqual(parsed.definitions.map((d) => d.index), [5]);
    const byIndex = Object.fromEntries(parsed.problems.map((p) => [p.index, p]));
    assert.equal(byIndex[0].problem.kind, 'notAnObject');
    assert.equal(byIndex[1].name, 'Plain');
    assert.equal(byIndex[1].problem.kind, 'server');
    assert.match((byIndex[1].problem as { detail: string }).detail, /plain http is only allowed for loopback/);
    assert.deepEqual(byIndex[2].problem, { kind: 'fields', fields: ['role'] });
    assert.deepEqual(byIndex[3].problem, { kind: 'fields', fields: ['colour'] });
    assert.deepEqual((byIndex[4].problem as { fields: string[] }).fields.sort(), ['loginId', 'role', 'server']);
  });

  it('refuses an entry with a secret-like key, naming the key and never the value', () => {
    const parsed = parseDefinitions([{ ...fleet, password: 'hunter2' }, { ...local, api_key: 'k-123' }, { ...fleet, name: 'T', authToken: 'x' }]);
    assert.equal(parsed.definitions.length, 0);
    assert.deepEqual(parsed.problems.map((p) => p.problem), [
      { kind: 'secretKeys', keys: ['password'] },
      { kind: 'secretKeys', keys: ['api_key'] },
      { kind: 'secretKeys', keys: ['authToken'] },
    ]);
    assert.ok(!JSON.stringify(parsed).includes('hunter2') && !JSON.stringify(parsed).includes('k-123'));
  });

  it('skips the same project defined twice in one scope', () => {
    const parsed = parseDefinitions([fleet, { ...fleet, server: 'https://api.mediumone.com' }]);
    assert.equal(parsed.definitions.length, 1);
    assert.deepEqual(parsed.problems, [{ index: 1, name: 'Fleet', problem: { kind: 'duplicate' } }]);
  });

  it('reads nothing from an absent setting', () => {
    assert.deepEqual(parseDefinitions(undefined), { definitions: [], problems: [] });
  });
});

describe('projects/settingsProjects ids', () => {
  it('gives a definition the same settings-<hash> id every time, and another one per scope, server or login', () => {
    const id = settingsProjectId('user', fleet);
    assert.match(id, /^settings-[0-9a-f]{16}$/);
    assert.equal(settingsProjectId('user', { ...fleet, production: true, mqttId: 'x' }), id);
    assert.equal(settingsProjectId('user', { ...fleet, server: 'https://api.mediumone.com' }), id, 'a host id and its URL are one server');
    assert.notEqual(settingsProjectId('workspace', fleet), id);
    assert.notEqual(settingsProjectId('user', { ...fleet, server: 'sandbox' }), id);
    assert.notEqual(settingsProjectId('user', { ...fleet, loginId: 'other' }), id);
  });

  it('writes a project back as exactly the setting fields, with the host id for a known server', () => {
    const project = { ...definitionToProject('workspace', { ...fleet, production: true, mqttId: 'm' }), sandbox: undefined };
    const d = projectToDefinition(project);
    assert.deepEqual(d, { name: 'Fleet', server: 'production', role: 'business', loginId: 'admin', mqttId: 'm', production: true });
    assert.deepEqual(projectToDefinition({ name: 'C', baseUrl: 'https://m1.example.com/api', role: 'basic', loginId: 'u', production: false }), { name: 'C', server: 'https://m1.example.com/api', role: 'basic', loginId: 'u' });
  });
});

describe('projects/settingsProjects trust', () => {
  it('uses user definitions always and workspace or folder ones only in a trusted workspace', () => {
    assert.equal(originUsable('user', false), true);
    assert.equal(originUsable('workspace', false), false);
    assert.equal(originUsable('workspaceFolder', false), false);
    assert.equal(originUsable('user', true), true);
    assert.equal(originUsable('workspace', true), true);
    assert.equal(originUsable('workspaceFolder', true), true);
  });
});

describe('projects/settingsProjects files and merge', () => {
  it('reads the exported object or a bare array, nothing else', () => {
    assert.deepEqual(definitionsInFile({ 'mediumOne.projects': [fleet] }), [fleet]);
    assert.deepEqual(definitionsInFile([fleet]), [fleet]);
    assert.equal(definitionsInFile({ projects: [fleet] }), undefined);
    assert.equal(definitionsInFile('x'), undefined);
  });

  it('adds new names, and asks for each name already there (case-insensitive): replace, keep both, skip', async () => {
    const existing: unknown[] = [fleet, { ...local, name: 'local' }, { bad: true }];
    const asked: string[] = [];
    const answers: Record<string, MergeChoice> = { Fleet: 'replace', Local: 'keepBoth', Other: 'skip' };
    const incoming = [{ ...fleet, server: 'sandbox' }, local, { ...fleet, name: 'New' }];
    const result = await mergeDefinitions(existing, incoming, (name) => {
      asked.push(name);
      return Promise.resolve(answers[name]);
    });
    assert.ok(result);
    assert.deepEqual(asked, ['Fleet', 'Local']);
    assert.deepEqual(result.replaced, ['Fleet']);
    assert.deepEqual(result.added.map((d) => d.name), ['Fleet', 'Local (2)', 'New']);
    assert.deepEqual(result.merged, [{ ...fleet, server: 'sandbox' }, { ...local, name: 'local' }, { bad: true }, { ...local, name: 'Local (2)' }, { ...fleet, name: 'New' }]);
    const skipped = await mergeDefinitions([fleet], [fleet], () => Promise.resolve('skip'));
    assert.deepEqual(skipped, { merged: [fleet], added: [], replaced: [], skipped: ['Fleet'] });
  });

  it('stops when the user cancels a clash question', async () => {
    assert.equal(await mergeDefinitions([fleet], [fleet], () => Promise.resolve(undefined)), undefined);
  });
});
