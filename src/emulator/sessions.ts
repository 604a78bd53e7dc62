import { randomBytes } from 'crypto';

export type SessionRole = 'business' | 'registration' | 'basic';

export interface Session {
  project: string;
  loginId: string;
  role: SessionRole;
  expiresAt: number;
}

export const SESSION_COOKIE = 'session';

/** Cookie sessions with expiry, and the lockout after repeated bad passwords (per project and login_id). */
export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, { count: number; lockedUntil?: number }>();

  create(project: string, loginId: string, role: SessionRole, ttlMs: number): string {
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, { project, loginId, role, expiresAt: Date.now() + ttlMs });
    return id;
  }

  find(cookieHeader: string | undefined): { id: string; session: Session } | undefined {
    const id = readCookie(cookieHeader, SESSION_COOKIE);
    const session = id ? this.sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (session.expiresAt <= Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return { id, session };
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
