import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** The password policy: long enough to resist guessing, short enough that hashing stays cheap. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Hashes with argon2id (the library's default algorithm) at its recommended costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * True when the password matches the hash. With a null hash (unknown or disabled account) it still spends
 * one argon2 verification on a dummy hash, so response times do not reveal which accounts exist.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await (dummyHash ??= hashPassword('no such account: timing only')));
  try {
    const ok = await verify(target, password);
    return stored !== null && ok;
  } catch {
    // A malformed stored hash must not become a 500 on the sign-in form.
    return false;
  }
}

// No 0/O, 1/l/I: generated passwords are read off a terminal and typed by people.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of four groups of five (about 116 bits), e.g. `k7Rmq-2xPzd-…`. */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}
