import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { hasToken, userContextValue } from '../../src/tree/contextValues';
import { userNode } from '../../src/tree/nodes';
import type { UserDetailsHost } from '../../src/webviews/host/userDetailsPanel';
import { eventsView } from '../../src/webviews/host/userDetailsView';
import { addProject, script, services, useEmulator, waitFor } from './helpers/world';
import { businessProject, testEventSteps } from './helpers/provisioning';

const P = 'Local Sandbox';
/** The roles document's words (reference/api-users.txt), as the refusal must carry them. */
const ROLES_WORDS = /cannot send any event data, nor can any data be sent on its behalf/;

describe('provisioning: Send Test Event and Show Recent Events', () => {
  const emu = useEmulator();
  const eventPosts = () => emu().calls().filter((c) => c.method === 'POST' && c.path.startsWith('/v2/events/'));

  const world = () => businessProject(emu());

  it('sends one event on the user\'s behalf: the emulator holds its event_data; the message names the stream and the answer', async () => {
    const { s, row } = await world();
    const body = '{"event_data": {"test": true, "temperature": 21.5}, "observed_at": "2026-01-02T03:04:05.000Z"}';
    const prompts = script(s, ...testEventSteps({ body }));
    await vscode.commands.executeCommand(Cmd.sendTestEvent, await row('device-001'));
    prompts.assertDone();
    const events = emu().events(P, 'device-001');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].eventData, { test: true, temperature: 21.5 });
    assert.equal(events[0].observedAt, '2026-01-02T03:04:05.000Z', 'the observed_at the user wrote');
    assert.match(prompts.shown.at(-1)?.message ?? '', /^Sent 1 event to stream "raw" for "device-001": the server answered 200\b/);
    assert.equal(prompts.shown.at(-1)?.level, 'info');
  });

  it('a disabled user: refused in the roles document\'s words, nothing stored; Enable User, then it is accepted', async () => {
    const { s, row } = await world();
    assert.equal(emu().getUser(P, 'device-004')?.disabled, true, 'the seed\'s disabled user');
    const prompts = script(s, ...testEventSteps());
    prompts.respond = (shown, actions) => (shown.level === 'error' ? actions.find((a) => a === 'Enable User') : undefined);
    await vscode.commands.executeCommand(Cmd.sendTestEvent, await row('device-004'));
    prompts.assertDone();
    const refusal = prompts.shown.find((m) => m.level === 'error');
    assert.match(refusal?.message ?? '', ROLES_WORDS);
    assert.match(refusal?.message ?? '', /device-004.*is disabled/);
    assert.deepEqual(emu().events(P, 'device-004'), [], 'no event stored');
    await waitFor('Enable User (the refusal\'s action) to enable device-004', () => emu().getUser(P, 'device-004')?.disabled === false);

    const again = script(s, ...testEventSteps());
    await vscode.commands.executeCommand(Cmd.sendTestEvent, await row('device-004'));
    again.assertDone();
    assert.equal(emu().events(P, 'device-004').length, 1, 'accepted once enabled');
    assert.match(again.shown.at(-1)?.message ?? '', /^Sent 1 event to stream "raw" for "device-004"/);
  });

  it('repeats: 3 events every 0 seconds store 3 events', async () => {
    const { s, row } = await world();
    const prompts = script(s, ...testEventSteps({ count: 3, everySeconds: 0 }));
    await vscode.commands.executeCommand(Cmd.sendTestEvent, await row('device-002'));
    prompts.assertDone();
    const events = emu().events(P, 'device-002');
    assert.equal(events.length, 3);
    assert.ok(events.every((e) => (e.eventData as { test?: unknown }).test === true));
    assert.match(prompts.shown.at(-1)?.message ?? '', /^Sent 3 events to stream "raw" for "device-002": the server answered 200 to the last/);
  });

  it('an invalid body is refused as typed, with what to change; nothing is sent', async () => {
    const { s, row } = await world();
    const prompts = script(s, {
      kind: 'input',
      match: /Send Test Event/,
      refuses: [
        ['{"event_data": {"test": tru', /^Not valid JSON/],
        ['[1, 2]', /must be a JSON object/],
        ['{"test": true}', /needs "event_data"/],
        ['{"event_data": 5}', /"event_data" must be an object/],
        ['{"event_data": {}, "observed_at": 5}', /"observed_at" must be a string/],
        ['{"event_data": {}, "observed_at": "yesterday"}', /"observed_at" must be a string: an ISO 8601 time/],
        ['{"event_data": {}, "stream": "raw"}', /Unknown field "stream"/],
      ],
      answer: undefined,
    });
    await vscode.commands.executeCommand(Cmd.sendTestEvent, await row('device-003'));
    prompts.assertDone();
    assert.deepEqual(eventPosts(), [], 'no event POST');
    assert.deepEqual(prompts.shown, [], 'backing out says nothing');
  });

  it('is not offered on a Registration project\'s rows, and refused clearly when invoked anyway', async () => {
    const s = await services();
    const registration = await addProject(s, emu(), 'registration');
    const business = await addProject(s, emu(), 'business', { name: 'Biz' });
    const entry = { loginId: 'device-001', state: 'unknown' as const, tracked: true };
    assert.equal(hasToken(userContextValue(registration, entry), 'canSendEvents'), false, 'no Send Test Event on its rows');
    assert.equal(hasToken(userContextValue(business, { ...entry, state: 'enabled' }), 'canSendEvents'), true, 'a Business row has it');
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.sendTestEvent, userNode(registration, entry));
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', /Registration account of "Test registration" cannot send events for "device-001".*Business/);
    assert.deepEqual(eventPosts(), []);
  });

  it('from the palette with only a Registration project: says a Business account is needed, not "no project"', async () => {
    const s = await services();
    await addProject(s, emu(), 'registration');
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.sendTestEvent);
    prompts.assertDone();
    const said = prompts.shown.at(-1)?.message ?? '';
    assert.doesNotMatch(said, /No Medium One project yet/, 'a project exists: the message must say why it does not fit');
    assert.match(said, /Business/);
    assert.deepEqual(eventPosts(), []);
  });

  it('Show Recent Events opens the user\'s details page with its events, newest first', async () => {
    const { s, row } = await world();
    for (const n of [1, 2]) {
      const prompts = script(s, ...testEventSteps({ body: `{"event_data": {"reading": ${n}}}` }));
      await vscode.commands.executeCommand(Cmd.sendTestEvent, await row('device-001'));
      prompts.assertDone();
    }
    script(s);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showRecentEvents, await row('device-001'));
    assert.ok(host, 'the command returns the page\'s host (test mode)');
    await waitFor('the details page to open', () => detailsTabOpen());
    const read = await host.loadEvents();
    assert.ok('events' in read, `events read (${JSON.stringify(read)})`);
    assert.equal(read.stream, 'raw');
    assert.deepEqual(read.events.map((e) => e.data), [{ reading: 2 }, { reading: 1 }], 'newest first, the data as sent');
    const shown = eventsView(read);
    assert.equal(shown.rows.length, 2);
    assert.match(shown.lastSeen ?? '', /^Last seen: /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Recent Events on a user without events says the stream is empty', async () => {
    const { s, row } = await world();
    script(s);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showRecentEvents, await row('device-003'));
    const read = await host.loadEvents();
    assert.ok('events' in read && read.events.length === 0, `no events (${JSON.stringify(read)})`);
    assert.equal(eventsView(read).empty, 'No events yet in stream "raw".');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

/** A webview tab of the extension's details page is open. */
function detailsTabOpen(): boolean {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && /userDetails/i.test(t.input.viewType));
}
