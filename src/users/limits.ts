// How long a user's fields may be, wherever they come from: the create form, an import file, a project's settings.
// Imports nothing (not vscode, not node, not zod): the webview pages bundle it through the protocol.

/** Longest text the extension accepts per user field; the server's own limit is not documented. */
export const USER_LIMITS = {
  loginId: 256,
  /** A password; an API key gets the same room. */
  password: 512,
  mqttId: 256,
} as const;
