// Forged messages from a webview page, each batch handed to the host's inbound side (schema + one-at-a-time rule)
// of one panel. A create-user submit that gets through is sent to the emulator by the API client, as the panel's
// host does, so the table also says what the server receives.

export type PanelName = 'createUser' | 'editProject' | 'userDetails';

export interface WebviewCase {
  name: string;
  panel: PanelName;
  /** Sent in order; `together` sends them all before any is handled (a burst), otherwise one after the other. */
  messages: unknown[];
  together?: boolean;
  /** Per message: handled or dropped. */
  expect: ('handled' | 'dropped')[];
  /** What the log (the only place a dropped message is reported) must say, per dropped message, in order. */
  logged?: RegExp[];
  /** login_ids the server ends up with from this batch (create-user only; default none). */
  creates?: string[];
  /** What the page is told (create-user results), in order. */
  told?: RegExp[];
  /** Never in the log or in what the page is told. */
  hidden?: string[];
}

const submit = (loginId: string, extra: Record<string, unknown> = {}) => ({ type: 'submit', requestId: '1', loginId, password: 'Webview-Pw-1', ...extra });
const values = { name: 'Plant', baseUrl: 'https://api.example.com', role: 'business', loginId: 'admin@example.com', production: false };
const save = (extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => ({ type: 'save', skipConnectionTest: true, values: { ...values, ...extra }, ...top });
const MB = 'x'.repeat(1024 * 1024);
const malformed = (where: string) => new RegExp(`dropped a malformed message from the webview \\(${where}`);

export const WEBVIEW_MESSAGES: WebviewCase[] = [
  { name: 'a well-formed submit', panel: 'createUser', messages: [submit('wv-ok')], expect: ['handled'], creates: ['wv-ok'] },
  { name: 'a submit with an extra field', panel: 'createUser', messages: [submit('wv-x', { admin: true })], expect: ['dropped'], logged: [malformed('\\(message\\): unrecognized_keys')], hidden: ['Webview-Pw-1'] },
  { name: 'a submit with a __proto__ key', panel: 'createUser', messages: [JSON.parse('{"type":"submit","requestId":"1","loginId":"wv-p","password":"Webview-Pw-1","__proto__":{"admin":true}}')], expect: ['dropped'], hidden: ['Webview-Pw-1'] },
  { name: 'a submit with a numeric login_id', panel: 'createUser', messages: [submit('wv', { loginId: 42 })], expect: ['dropped'], logged: [malformed('loginId: invalid_type')] },
  { name: 'a submit with an array password', panel: 'createUser', messages: [submit('wv', { password: ['Webview-Pw-1'] })], expect: ['dropped'], logged: [malformed('password: invalid_type')] },
  { name: 'a submit without a password', panel: 'createUser', messages: [{ type: 'submit', requestId: '1', loginId: 'wv' }], expect: ['dropped'] },
  { name: 'a submit with an empty login_id', panel: 'createUser', messages: [submit('')], expect: ['dropped'], logged: [malformed('loginId: too_small')] },
  { name: 'a submit with a 257-character login_id', panel: 'createUser', messages: [submit('x'.repeat(257))], expect: ['dropped'], logged: [malformed('loginId: too_big')] },
  { name: 'a 1 MB password', panel: 'createUser', messages: [submit('wv-big', { password: MB })], expect: ['dropped'], logged: [malformed('password: too_big')] },
  { name: 'a 1 MB login_id', panel: 'createUser', messages: [submit(MB)], expect: ['dropped'] },
  { name: 'a 1 MB request id', panel: 'createUser', messages: [submit('wv', { requestId: MB })], expect: ['dropped'], logged: [malformed('requestId: too_big')] },
  { name: 'null', panel: 'createUser', messages: [null], expect: ['dropped'] },
  { name: 'a bare string', panel: 'createUser', messages: ['submit'], expect: ['dropped'] },
  { name: 'an array', panel: 'createUser', messages: [[submit('wv-arr')]], expect: ['dropped'] },
  { name: 'a ToView "result" sent to the host', panel: 'createUser', messages: [{ type: 'result', requestId: '1' }], expect: ['dropped'] },
  { name: 'a ToView "init" sent to the host', panel: 'createUser', messages: [{ type: 'init', projectName: 'P', strings: {} }], expect: ['dropped'] },
  { name: 'an unknown type', panel: 'createUser', messages: [{ type: 'delete', loginId: 'device-001' }], expect: ['dropped'] },
  { name: 'a type in other case', panel: 'createUser', messages: [{ type: 'SUBMIT', requestId: '1', loginId: 'wv', password: 'Webview-Pw-1' }], expect: ['dropped'] },
  { name: 'a burst of two submits (a replay)', panel: 'createUser', messages: [submit('wv-burst'), submit('wv-burst-2', { requestId: '2' })], together: true, expect: ['handled', 'dropped'], logged: [/dropped a second "submit" while the first is still handled/], creates: ['wv-burst'] },
  { name: 'two submits one after the other, the second already existing', panel: 'createUser', messages: [submit('wv-twice'), submit('wv-twice', { requestId: '2' })], expect: ['handled', 'handled'], creates: ['wv-twice'], told: [/already|exists|in use/i], hidden: ['Webview-Pw-1'] },
  { name: "another panel's request id", panel: 'createUser', messages: [submit('wv-other', { requestId: 'panel-A-7' })], expect: ['handled'], creates: ['wv-other'] },
  { name: 'a login_id with a control character (the client refuses it)', panel: 'createUser', messages: [submit('wv\u0007bell')], expect: ['handled'], told: [/control character \(U\+0007\)/], hidden: ['Webview-Pw-1', '\u0007'] },
  { name: 'a login_id with a lone surrogate (the client refuses it)', panel: 'createUser', messages: [submit('wv-\uD800')], expect: ['handled'], told: [/half of a UTF-16 surrogate pair/] },
  { name: 'a well-formed save', panel: 'editProject', messages: [save()], expect: ['handled'] },
  { name: 'a save with a new password', panel: 'editProject', messages: [save({ password: 'New-Pw-123', apiKey: 'new-key-1' })], expect: ['handled'] },
  { name: 'a save naming another project id', panel: 'editProject', messages: [save({ id: 'other-project' })], expect: ['dropped'], logged: [malformed('values: unrecognized_keys')] },
  { name: 'a save with an unknown role', panel: 'editProject', messages: [save({ role: 'admin' })], expect: ['dropped'], logged: [malformed('values.role: invalid_value')] },
  { name: 'a save with an empty password (would erase it)', panel: 'editProject', messages: [save({ password: '' })], expect: ['dropped'], logged: [malformed('values.password: too_small')] },
  { name: 'a save with a 1 MB base URL', panel: 'editProject', messages: [save({ baseUrl: `https://${MB}` })], expect: ['dropped'], logged: [malformed('values.baseUrl: too_big')] },
  { name: 'a save with skipConnectionTest as text', panel: 'editProject', messages: [save({}, { skipConnectionTest: 'true' })], expect: ['dropped'], logged: [malformed('skipConnectionTest: invalid_type')] },
  { name: 'a save with production as text', panel: 'editProject', messages: [save({ production: 'yes' })], expect: ['dropped'] },
  { name: 'a save with an extra top-level field', panel: 'editProject', messages: [save({}, { projectId: 'x' })], expect: ['dropped'] },
  { name: 'a burst of two saves', panel: 'editProject', messages: [save(), save({ name: 'Other' })], together: true, expect: ['handled', 'dropped'], logged: [/dropped a second "save"/] },
  { name: 'a save without values', panel: 'editProject', messages: [{ type: 'save', skipConnectionTest: false }], expect: ['dropped'] },
  { name: 'a known action', panel: 'userDetails', messages: [{ type: 'action', action: 'disable' }], expect: ['handled'] },
  { name: 'an action naming another user', panel: 'userDetails', messages: [{ type: 'action', action: 'delete', loginId: 'someone-else' }], expect: ['dropped'] },
  { name: 'an unknown action', panel: 'userDetails', messages: [{ type: 'action', action: 'rm -rf /' }], expect: ['dropped'], logged: [malformed('action: invalid_value')] },
  { name: 'an action in other case', panel: 'userDetails', messages: [{ type: 'action', action: 'Delete' }], expect: ['dropped'] },
  { name: 'ready with an extra field', panel: 'userDetails', messages: [{ type: 'ready', html: '<script>' }], expect: ['dropped'] },
  { name: 'a create-user submit sent to the details panel', panel: 'userDetails', messages: [submit('wv-cross')], expect: ['dropped'] },
];
