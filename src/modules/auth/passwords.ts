import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password that is easy to read aloud: no 0/O, 1/l/I. */
export function generatePassword(length = 14): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Minimum strength: 10 characters with letters and digits. Returns the reason it fails, if any. */
export function passwordWeakness(password: string): { zh: string; en: string } | null {
  if (password.length < 10) return { zh: '密码至少10位', en: 'at least 10 characters' };
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password))
    return { zh: '密码须同时包含字母和数字', en: 'must contain letters and digits' };
  return null;
}
