// The forms' client-side checks: only what is certainly wrong (empty, mismatched, not a URL). Anything
// subtler is the server's call. Pure, so unit tests run them under Node.

import type { ProjectFormValues } from '../protocol/editProject';

/** Each checked field with its message, or undefined when it is fine (so stale messages get cleared). */
export type FieldChecks<F extends string> = [F, string | undefined][];

export function checkNewUser(
  v: { loginId: string; password: string; confirm: string },
  s: { required: string; mismatch: string },
): FieldChecks<'loginId' | 'password' | 'confirm'> {
  return [
    ['loginId', v.loginId.trim() ? undefined : s.required],
    ['password', v.password ? undefined : s.required],
    ['confirm', v.password && v.confirm !== v.password ? s.mismatch : undefined],
  ];
}

export function isHttpUrl(text: string): boolean {
  try {
    const { protocol, host } = new URL(text);
    return (protocol === 'https:' || protocol === 'http:') && host !== '';
  } catch {
    return false;
  }
}

/** A secret is required only when none is stored: an empty field means "keep the stored one". */
export function checkProject(
  v: ProjectFormValues,
  stored: { hasPassword: boolean; hasApiKey: boolean },
  s: { required: string; badUrl: string },
): FieldChecks<'name' | 'baseUrl' | 'loginId' | 'password' | 'apiKey'> {
  const required = (value: string | undefined) => (value ? undefined : s.required);
  return [
    ['name', required(v.name.trim())],
    ['baseUrl', !v.baseUrl.trim() ? s.required : isHttpUrl(v.baseUrl.trim()) ? undefined : s.badUrl],
    ['loginId', required(v.loginId.trim())],
    ['password', stored.hasPassword ? undefined : required(v.password)],
    ['apiKey', stored.hasApiKey ? undefined : required(v.apiKey?.trim())],
  ];
}
