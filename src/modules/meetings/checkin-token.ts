/**
 * Signed, expiring QR check-in tokens: `<payload>.<signature>`, both base64url, the payload
 * `{m: meetingId, t: tenantId, e: expiry in epoch seconds}`, the signature an HMAC-SHA256. The
 * secret is ZHIBU_SECRET or, when that is unset, one generated once and kept in `settings`, so
 * every app server behind the balancer accepts the others' tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { settings } from '../../db/schema.ts';

const SECRET_KEY = 'checkinSecret';
/** A token outlives any meeting of one afternoon. */
export const TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000;

const cached = new WeakMap<object, string>();

export async function checkinSecret(db: Db | Tx): Promise<string> {
  if (process.env.ZHIBU_SECRET) return process.env.ZHIBU_SECRET;
  const known = cached.get(db);
  if (known) return known;
  // Two servers generating at once: the first insert wins and both read it back.
  await db
    .insert(settings)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SECRET_KEY));
  cached.set(db, row.value);
  return row.value;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signCheckinToken(secret: string, claims: { meetingId: string; tenantId: string; expiresAt: Date }) {
  const payload = Buffer.from(
    JSON.stringify({ m: claims.meetingId, t: claims.tenantId, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenCheck =
  | { ok: true; meetingId: string; tenantId: string; expiresAt: Date }
  | { ok: false; reason: 'forged' | 'expired' };

export function verifyCheckinToken(secret: string, token: string, now: Date): TokenCheck {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let claims: { m?: unknown; t?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (typeof claims.m !== 'string' || typeof claims.t !== 'string' || typeof claims.e !== 'number')
    return { ok: false, reason: 'forged' };
  const expiresAt = new Date(claims.e * 1000);
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, meetingId: claims.m, tenantId: claims.t, expiresAt };
}
