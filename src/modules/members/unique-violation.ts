/**
 * Whether a database error is a unique-key violation (PostgreSQL 23505), as raised by node-postgres
 * and PGlite, directly or wrapped by drizzle. A check-then-insert can still lose a race with a
 * concurrent request; the index has the last word and this turns its refusal into a clean answer.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}
