import type { Prompts } from '../ui/prompts';
import type { SecretRedactor } from './secretRedactor';

/**
 * The prompts with every notification and confirmation text passed through the redactor: the one door all of the
 * extension's messages go out by, so a command that interpolates a server's echo cannot show a secret.
 * A quick pick's title and placeholder are redacted too (Add Project's "Sign-in failed: …" shows a server's answer).
 */
export function redactingPrompts(inner: Prompts, redactor: SecretRedactor): Prompts {
  const r = (text: string) => redactor.redact(text);
  const titled = <O extends { title?: string; placeHolder?: string }>(o: O): O => ({
    ...o,
    ...(o.title === undefined ? {} : { title: r(o.title) }),
    ...(o.placeHolder === undefined ? {} : { placeHolder: r(o.placeHolder) }),
  });
  return {
    pick: (items, options) => inner.pick(items, titled(options)),
    pickMany: (items, options) => inner.pickMany(items, titled(options)),
    input: (options) => inner.input(options),
    openFile: (options) => inner.openFile(options),
    saveFile: (options) => inner.saveFile(options),
    confirm: (message, detail, ...buttons) => inner.confirm(r(message), r(detail), ...buttons),
    info: (message, ...actions) => inner.info(r(message), ...actions),
    warn: (message, ...actions) => inner.warn(r(message), ...actions),
    error: (message, ...actions) => inner.error(r(message), ...actions),
  };
}
