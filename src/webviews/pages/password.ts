// Password generation and strength advice for the create-user form. Pure (the random source is passed
// in, no DOM) so unit tests can check it under Node.

/**
 * Letters and digits without look-alikes (0/O, 1/l/I), plus symbols that need no quoting in a shell,
 * a CSV cell or a JSON string, so a generated password survives being pasted anywhere.
 */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.+=@';

export type RandomBytes = (count: number) => Uint8Array;

const KINDS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
const kindsIn = (password: string) => KINDS.filter((kind) => kind.test(password)).length;

/** `length` characters, each uniformly drawn (rejection sampling: no modulo bias). */
function draw(random: RandomBytes, length: number): string {
  const n = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += PASSWORD_ALPHABET[byte % n];
    }
  }
  return out;
}

/**
 * A crypto-strong password (16 characters ≈ 95 bits) holding every kind of character, so it also passes
 * servers that demand lower case, upper case, a digit and a symbol. Redraws whole passwords, which keeps
 * the choice uniform among those that qualify.
 */
export function generatePassword(random: RandomBytes, length = 16): string {
  for (;;) {
    const password = draw(random, length);
    if (length < KINDS.length || kindsIn(password) === KINDS.length) return password;
  }
}

/** Advice only (0 weak, 1 fair, 2 strong), from length and variety; the server's rule is the authority. */
export function passwordStrength(password: string): 0 | 1 | 2 {
  const kinds = kindsIn(password);
  if (password.length >= 14 && kinds >= 3) return 2;
  if (password.length >= 10 && kinds >= 2) return 1;
  return 0;
}
