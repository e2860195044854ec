/**
 * The scope facts are computed for: some universities, optionally one subtree of one of them,
 * and a date range ending at (or after) asOf. Loaders filter with `orgFilter` so every fact query
 * is one set-based statement over the whole scope.
 */
import { type SQL, sql } from 'drizzle-orm';

export type FactScope = {
  tenantIds: string[];
  /** Materialized path of the subtree root (`/root/college/`), or null for whole universities. */
  subtreePath: string | null;
  from: string;
  to: string;
  asOf: string;
  /**
   * The smallest LIFE-11 `makeupDays` in effect in the scope, when the caller knows it: the
   * member loader then leaves out make-ups done within it (MIN_MAKEUP_DAYS without it).
   */
  minMakeupDays?: number;
};

/** `alias.tenant_id = any(…) and alias.path like subtree%`, for an alias of `orgs`. */
export function orgFilter(scope: FactScope, alias = 'o'): SQL {
  const a = sql.raw(alias);
  const tenants = sql`${a}.tenant_id = any(${sql.param(scope.tenantIds)}::uuid[])`;
  if (scope.subtreePath === null) return tenants;
  return sql`${tenants} and ${a}.path like ${`${scope.subtreePath}%`}`;
}

/** A row's validity [valid_from, valid_to) includes a day. */
export const validOnSql = (alias: string, day: SQL | string) => {
  const a = sql.raw(alias);
  const d = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`${a}.valid_from <= ${d} and (${a}.valid_to is null or ${a}.valid_to > ${d})`;
};
