/**
 * A minimal cookie jar for one origin (the project's base URL): name=value, Expires/Max-Age and Path.
 * Hand-written because tough-cookie brings ~100 KB of public-suffix data, and with a single origin there is no
 * Domain matching to get wrong: every cookie the server sets is for the server we talk to.
 */

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  /** Epoch ms; undefined = session cookie (lives as long as the client). */
  expiresAt?: number;
}

/** RFC 6265 5.1.4 default-path: the request path up to, not including, its last '/'. */
function defaultPath(requestPath: string): string {
  const pathOnly = requestPath.split('?')[0] ?? '';
  if (!pathOnly.startsWith('/')) return '/';
  const last = pathOnly.lastIndexOf('/');
  return last <= 0 ? '/' : pathOnly.slice(0, last);
}

/** RFC 6265 5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  const path = requestPath.split('?')[0] ?? '/';
  if (path === cookiePath) return true;
  if (!path.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || path.charAt(cookiePath.length) === '/';
}

interface ParsedCookie extends StoredCookie {
  /** True when the server asked to delete it (Max-Age <= 0 or Expires in the past). */
  expired: boolean;
}

/** Parses one Set-Cookie header value; undefined when it has no name=value pair. */
export function parseSetCookie(header: string, requestPath: string, now: number): ParsedCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq < 0) return undefined;
  const name = pair.slice(0, eq).trim();
  if (!name) return undefined;
  const value = pair.slice(eq + 1).trim();
  let path: string | undefined;
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'path' && val.startsWith('/')) path = val;
    else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val);
    else if (key === 'expires') {
      const t = Date.parse(val);
      if (!Number.isNaN(t)) expires = t;
    }
  }
  // Max-Age wins over Expires (RFC 6265 5.3 step 3).
  const expiresAt = maxAge !== undefined ? now + maxAge * 1000 : expires;
  return {
    name,
    value,
    path: path ?? defaultPath(requestPath),
    expiresAt,
    expired: expiresAt !== undefined && expiresAt <= now,
  };
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();
  private clears = 0;

  /** Takes every Set-Cookie header of one response to `requestPath`. */
  store(setCookieHeaders: readonly string[], requestPath: string, now = Date.now()): void {
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, requestPath, now);
      if (!cookie) continue;
      const key = `${cookie.name}\u0000${cookie.path}`;
      if (cookie.expired) this.cookies.delete(key);
      else this.cookies.set(key, { name: cookie.name, value: cookie.value, path: cookie.path, expiresAt: cookie.expiresAt });
    }
  }

  /** The Cookie header for a request to `requestPath`, or undefined when no cookie applies. */
  header(requestPath: string, now = Date.now()): string | undefined {
    this.dropExpired(now);
    const matching = [...this.cookies.values()]
      .filter((c) => pathMatches(requestPath, c.path))
      // Longer paths first (RFC 6265 5.4 step 2).
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }

  /** True while at least one cookie is alive. */
  hasCookies(now = Date.now()): boolean {
    this.dropExpired(now);
    return this.cookies.size > 0;
  }

  /** Bumped by `clear()`, so an answer can tell that the jar was emptied (a new session) while it was on its way. */
  get version(): number {
    return this.clears;
  }

  clear(): void {
    this.cookies.clear();
    this.clears++;
  }

  private dropExpired(now: number): void {
    for (const [key, c] of this.cookies) {
      if (c.expiresAt !== undefined && c.expiresAt <= now) this.cookies.delete(key);
    }
  }
}
