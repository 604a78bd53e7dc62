import type * as z from 'zod/mini';

/** Where the inbound side reports what it dropped or what failed (the panel's log, which passes the redactor). */
export interface InboundLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface InboundOptions<ToHost extends { type: string }> {
  viewType: string;
  /** Every message is parsed with this; anything else is dropped. */
  schema: z.ZodMiniType<ToHost>;
  onMessage(message: ToHost): void | Promise<void>;
  /**
   * Message types handled one at a time: another of the same type arriving while one is handled is dropped (the
   * page shows itself busy meanwhile, so only a forged or replayed message can do that). E.g. a form's `save`.
   */
  oneAtATime?: readonly ToHost['type'][];
  log?: InboundLog;
}

export type Received = 'handled' | 'dropped';

/**
 * What a webview panel does with each message from its page, kept free of `vscode` so that forged messages are
 * tested without an editor: parse with the protocol's zod schema (strict objects, capped strings), drop what does
 * not parse (logging where and what kind of wrong, never the values: they may hold a password), and run the
 * handler, logging its failure. Resolves when the handler is done.
 */
export function inboundHandler<ToHost extends { type: string }>(options: InboundOptions<ToHost>): (raw: unknown) => Promise<Received> {
  const busy = new Set<string>();
  return async (raw) => {
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(message)'}: ${i.code}`).join(', ');
      options.log?.warn(`[${options.viewType}] dropped a malformed message from the webview (${where})`);
      return 'dropped';
    }
    const { type } = parsed.data;
    const exclusive = options.oneAtATime?.includes(type) ?? false;
    if (exclusive && busy.has(type)) {
      options.log?.warn(`[${options.viewType}] dropped a second "${type}" while the first is still handled`);
      return 'dropped';
    }
    if (exclusive) busy.add(type);
    try {
      await options.onMessage(parsed.data);
    } catch (e) {
      options.log?.error(`[${options.viewType}] handling a message failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (exclusive) busy.delete(type);
    }
    return 'handled';
  };
}
