import { randomBytes } from 'crypto';

export type SessionRole = 'business' | 'registration' | 'basic';

export interface Session {
  project: string;
  loginId: string;
  role: SessionRole;
  expiresAt: number;
  /** The CSRF-style token set beside the session cookie when login sets several cookies. */
  token: string;
  /** Authenticated calls left before the session ends (Infinity: no budget). */
  callsLeft: number;
}

export const SESSION_COOKIE = 'session';
export const TOKEN_COOKIE = 'm1_csrf';

/** What a call must bring for its session to count. */
export interface SessionRules {
  /** The token cookie must come back too (cookies: 'several'). */
  requireToken: boolean;
}

/** Cookie sessions with expiry and call budgets, and the lockout after repeated bad passwords (per project and login_id). */
export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, { count: number; lockedUntil?: number }>();

  create(project: string, loginId: string, role: SessionRole, ttlMs: number, maxCalls = Infinity): { id: string; token: string } {
    const id = randomBytes(24).toString('base64url');
    const token = randomBytes(16).toString('base64url');
    this.sessions.set(id, { project, loginId, role, expiresAt: Date.now() + ttlMs, token, callsLeft: maxCalls });
    return { id, token };
  }

  /**
   * The live session an authenticated call brings, spending one call of its budget; undefined (a 401) when
   * there is none, it expired, its budget is spent, or a required token cookie is missing or wrong.
   */
  use(cookieHeader: string | undefined, rules: SessionRules): Session | undefined {
    const id = readCookie(cookieHeader, SESSION_COOKIE);
    const session = id ? this.sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (session.expiresAt <= Date.now() || session.callsLeft <= 0) {
      this.sessions.delete(id);
      return undefined;
    }
    // A call without the token proves nothing about the session: refused, but it does not end the session.
    if (rules.requireToken && readCookie(cookieHeader, TOKEN_COOKIE) !== session.token) return undefined;
    session.callsLeft -= 1;
    return session;
  }

  expireAll(): void {
    this.sessions.clear();
  }

  /** Milliseconds until the account unlocks, or 0 when it is not locked. */
  lockedFor(key: string): number {
    const until = this.failures.get(key)?.lockedUntil ?? 0;
    return Math.max(0, until - Date.now());
  }

  recordFailure(key: string, maxAttempts: number, lockMs: number): void {
    const f = this.failures.get(key) ?? { count: 0 };
    f.count += 1;
    if (f.count >= maxAttempts) {
      f.lockedUntil = Date.now() + lockMs;
      f.count = 0;
    }
    this.failures.set(key, f);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  clearLockouts(): void {
    this.failures.clear();
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
