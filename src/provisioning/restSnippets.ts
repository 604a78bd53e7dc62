// REST connection snippets (SPEC §2 and §7): log in as the basic user with POST /v2/login {login_id, password,
// api_key}, keep the session cookies, then POST /v2/events/<stream>/<login_id> {"event_data": {"test": true}}.
// Secrets come from the environment (M1_API_KEY, M1_PASSWORD) unless the user chose to embed the API key.
import { jsonString, pyString, shQuote } from './quote';
import { nodeApiKeyLines, pythonApiKeyLines, SHELL_PASSWORD_HINT, shellSecretLines } from './secrets';
import type { SnippetInput } from './types';

/** The event every snippet sends: what Send Test Event sends first, so both show up alike under Recent Events. */
export const TEST_EVENT_JSON = '{"event_data": {"test": true}}';

/** One percent-encoded path segment; refuses values no URL can carry (as src/api's loginIdSegment does). */
function segment(value: string, what: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new Error(`The ${what} "${value}" cannot be one segment of a URL path, so no snippet can address it.`);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new Error(`The ${what} holds a broken character (a lone UTF-16 surrogate) and cannot go into a URL.`);
  }
}

/** Checks what the URL path will hold, then gives the base URL without trailing slashes. */
function restParts(input: SnippetInput): { base: string; path: string } {
  const path = `/v2/events/${segment(input.stream, 'stream')}/${segment(input.loginId, 'login_id')}`;
  return { base: input.baseUrl.replace(/\/+$/, ''), path };
}

export function curlSnippet(input: SnippetInput): string {
  const { base, path } = restParts(input);
  return [
    '#!/usr/bin/env bash',
    '# Medium One: log in as a basic user, then send one test event for it (REST API).',
    '# Needs bash and curl 7.76 or later (--fail-with-body; with an older curl write --fail instead).',
    SHELL_PASSWORD_HINT,
    'set -euo pipefail',
    '',
    ...shellSecretLines(input.apiKey),
    '',
    `base_url=${shQuote(base)}`,
    '# The login_id as a JSON string, and the events path (stream and login_id percent-encoded).',
    `login_id_json=${shQuote(jsonString(input.loginId))}`,
    `events_path=${shQuote(path)}`,
    '',
    '# A value as a JSON string: any password or key reaches the server exactly as typed.',
    'json_string() {',
    "  local s=$1 out='' c i",
    '  for ((i = 0; i < ${#s}; i++)); do',
    '    c=${s:i:1}',
    '    case $c in',
    `      '"' | '\\') out+="\\\\$c" ;;`,
    `      [[:cntrl:]]) printf -v c '\\\\u%04x' "'$c"; out+=$c ;;`,
    '      *) out+=$c ;;',
    '    esac',
    '  done',
    `  printf '"%s"' "$out"`,
    '}',
    '',
    '# The session cookies live in a private temporary file, removed however the script ends.',
    'cookie_jar=$(mktemp)',
    `trap 'rm -f "$cookie_jar"' EXIT`,
    '',
    '# The login body goes through stdin, so the password never shows in the process list.',
    `printf '{"login_id": %s, "password": %s, "api_key": %s}' \\`,
    '  "$login_id_json" "$(json_string "$M1_PASSWORD")" "$(json_string "$M1_API_KEY")" |',
    '  curl --silent --show-error --fail-with-body --globoff --max-time 30 \\',
    `    --cookie-jar "$cookie_jar" -H 'Content-Type: application/json' --data-binary @- \\`,
    '    --url "$base_url/v2/login"',
    'echo',
    '',
    '# One event for this user; the answer is the number of events created.',
    'curl --silent --show-error --fail-with-body --globoff --max-time 30 \\',
    `  --cookie "$cookie_jar" -H 'Content-Type: application/json' --data-binary ${shQuote(TEST_EVENT_JSON)} \\`,
    '  --url "$base_url$events_path"',
    'echo',
    '',
  ].join('\n');
}

export function pythonRequestsSnippet(input: SnippetInput): string {
  const { base } = restParts(input);
  return [
    '#!/usr/bin/env python3',
    '"""Medium One: log in as a basic user, then send one test event for it (REST API).',
    '',
    'Needs Python 3 and requests (pip install requests). Give the user\'s password in the environment',
    '(M1_PASSWORD), never in this file.',
    '"""',
    'import os',
    'from urllib.parse import quote',
    '',
    'import requests',
    '',
    `BASE_URL = ${pyString(base)}`,
    `LOGIN_ID = ${pyString(input.loginId)}`,
    `STREAM = ${pyString(input.stream)}`,
    ...pythonApiKeyLines(input.apiKey),
    'PASSWORD = os.environ["M1_PASSWORD"]  # the user\'s password',
    '',
    '# A session keeps every cookie the login sets and sends them back.',
    'with requests.Session() as session:',
    '    login = session.post(',
    '        f"{BASE_URL}/v2/login",',
    '        json={"login_id": LOGIN_ID, "password": PASSWORD, "api_key": API_KEY},',
    '        timeout=30,',
    '    )',
    '    login.raise_for_status()',
    '',
    '    # The stream and the login_id percent-encoded: a login_id may hold "/", "?", "#", spaces…',
    '    url = f"{BASE_URL}/v2/events/{quote(STREAM, safe=\'\')}/{quote(LOGIN_ID, safe=\'\')}"',
    '    sent = session.post(url, json={"event_data": {"test": True}}, timeout=30)',
    '    sent.raise_for_status()',
    '    print("Event sent:", sent.status_code, sent.text)',
    '',
  ].join('\n');
}

export function nodeFetchSnippet(input: SnippetInput): string {
  const { base } = restParts(input);
  return [
    "// Medium One: log in as a basic user, then send one test event for it (REST API).",
    '// Needs Node.js 18 or later (built-in fetch); run: node send-event.mjs',
    "// Give the user's password in the environment (M1_PASSWORD), never in this file.",
    `const BASE_URL = ${jsonString(base)};`,
    `const LOGIN_ID = ${jsonString(input.loginId)};`,
    `const STREAM = ${jsonString(input.stream)};`,
    ...nodeApiKeyLines(input.apiKey),
    "const PASSWORD = process.env.M1_PASSWORD; // the user's password",
    '',
    '/** The Set-Cookie headers of an answer, one entry per cookie (a server may set several). */',
    'function setCookies(headers) {',
    "  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();",
    '  // Older Node 18: one string joined with ", "; split only where a new "name=" starts (dates hold commas too).',
    "  const joined = headers.get('set-cookie');",
    '  return joined ? joined.split(/,(?=\\s*[^;,=\\s]+=)/) : [];',
    '}',
    '',
    'async function post(url, body, cookie) {',
    "  const headers = { 'Content-Type': 'application/json' };",
    '  if (cookie) headers.Cookie = cookie;',
    "  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });",
    '  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);',
    '  return res;',
    '}',
    '',
    'async function main() {',
    '  if (!API_KEY || !PASSWORD) throw new Error("Set M1_API_KEY and M1_PASSWORD in the environment first.");',
    '  const login = await post(`${BASE_URL}/v2/login`, { login_id: LOGIN_ID, password: PASSWORD, api_key: API_KEY });',
    '  // Send back every cookie the login set (name=value only), as a browser would.',
    "  const cookie = setCookies(login.headers).map((c) => c.split(';')[0].trim()).join('; ');",
    '  const url = `${BASE_URL}/v2/events/${encodeURIComponent(STREAM)}/${encodeURIComponent(LOGIN_ID)}`;',
    '  const sent = await post(url, { event_data: { test: true } }, cookie);',
    "  console.log('Event sent:', sent.status, await sent.text());",
    '}',
    '',
    'main().catch((error) => {',
    '  console.error(error.message);',
    '  process.exitCode = 1;',
    '});',
    '',
  ].join('\n');
}
