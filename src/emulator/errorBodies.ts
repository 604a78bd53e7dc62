// Error bodies have no documented shape (SPEC section 2), so a client must read the status and show whatever
// text came with it. The emulator can answer each shape real servers use; every shape but `empty` keeps the
// reason, so a client that shows "any text the server sent" still has something to show.
import { STATUS_CODES } from 'http';
import type { EmulatorOptions } from './types';
import type { Reply } from './http';

export type ErrorBodies = NonNullable<EmulatorOptions['errorBodies']>;

/** `reply` with its error body in the configured shape; success answers and the default (`text`) pass unchanged. */
export function shapeError(reply: Reply, shape: ErrorBodies): Reply {
  if (reply.status < 400 || reply.text === undefined || shape === 'text') return reply;
  const { text: reason, ...rest } = reply;
  switch (shape) {
    case 'json':
      return { ...rest, body: { error: reason, status: reply.status } };
    case 'empty':
      return rest;
    case 'html':
      return { ...rest, text: htmlPage(reply.status, reason), textType: 'text/html; charset=utf-8' };
  }
}

/** The kind of page a reverse proxy or a web framework serves for an error. */
function htmlPage(status: number, reason: string): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>\n` +
    `<body><h1>${title}</h1><p>${escapeHtml(reason)}</p><hr><address>Medium One emulator</address></body></html>\n`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
