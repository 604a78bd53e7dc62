// How each snippet gets its secrets: the user's password always from M1_PASSWORD in the environment; the API key
// from M1_API_KEY, unless the user chose (after a warning) to have it written in, then with a warning line.
import { jsonString, pyString, shQuote } from './quote';

const EMBEDDED_KEY_WARNING = 'The API key is written below because you chose to include it: keep this file private.';

/** Bash: stop at once, naming the variable, when a secret is missing (no call is made without it). */
export function shellSecretLines(apiKey: string | undefined): string[] {
  return [
    ...(apiKey === undefined
      ? [': "${M1_API_KEY:?Set M1_API_KEY to the project API key}"']
      : [`# ${EMBEDDED_KEY_WARNING}`, `M1_API_KEY=${shQuote(apiKey)}`]),
    // No apostrophe in the message: bash would take it for a quote inside "${…:?…}".
    ': "${M1_PASSWORD:?Set M1_PASSWORD to the password of the user}"',
  ];
}

/** Python: API_KEY, from os.environ (a KeyError naming the variable when it is missing) or written in. */
export function pythonApiKeyLines(apiKey: string | undefined): string[] {
  return apiKey === undefined
    ? ['API_KEY = os.environ["M1_API_KEY"]  # the project API key']
    : [`# ${EMBEDDED_KEY_WARNING}`, `API_KEY = ${pyString(apiKey)}`];
}

/** JavaScript: API_KEY, from process.env or written in. */
export function nodeApiKeyLines(apiKey: string | undefined): string[] {
  return apiKey === undefined
    ? ['const API_KEY = process.env.M1_API_KEY; // the project API key']
    : [`// ${EMBEDDED_KEY_WARNING}`, `const API_KEY = ${jsonString(apiKey)};`];
}

/** The comment line every shell snippet has on how to give the password without writing it down. */
export const SHELL_PASSWORD_HINT = "# Give the user's password in the environment, never in this file: read -rs M1_PASSWORD; export M1_PASSWORD";
