/**
 * The orgs a rating is about and who rates them: every branch and college-level org valid during
 * the year is rated by its superior (004 三.2: 上级党组织完成对下一级党组织的分类定级), so a rating is
 * written by whoever writes the org's parent — a college admin rates the college's branches, the
 * organization department rates the colleges (and may rate every branch); nobody rates their own org.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import { forbidden, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type RatedOrg = {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: 'college' | 'branch';
  path: string;
  parentName: string;
  canRate: boolean;
};

/** Valid at some point of the year. */
export const validInYearSql = (alias: string, year: number): SQL => {
  const a = sql.raw(alias);
  return sql`${a}.valid_from <= make_date(${year}::int, 12, 31) and (${a}.valid_to is null or ${a}.valid_to > make_date(${year}::int, 1, 1))`;
};

/** The rated orgs of a subtree that the actor reads, in tree order, with whether the actor rates each. */
export async function loadRatedOrgs(
  tx: Tx,
  options: { actor: Actor; root: { tenantId: string; path: string }; year: number },
): Promise<RatedOrg[]> {
  const { actor, root, year } = options;
  return selectRows<RatedOrg>(
    tx,
    sql`select o.id, o.tenant_id as "tenantId", o.code, o.name, o.kind, o.path, p.name as "parentName",
        ${orgInScope(actor, 'write', sql`p.tenant_id`, sql`p.path`)} as "canRate"
      from orgs o join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where o.tenant_id = ${root.tenantId} and o.path like ${`${root.path}%`} and o.kind in ('college', 'branch')
        and ${validInYearSql('o', year)} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      order by o.depth, o.code`,
  );
}

/** A rating the actor may change: a 404 outside their read scope, a 403 when they do not rate the org. */
export async function loadRatingToRate(tx: Tx, actor: Actor, ratingId: string) {
  const [row] = await selectRows<{ id: string; path: string; name: string; canRate: boolean }>(
    tx,
    sql`select o.id, o.path, o.name, ${orgInScope(actor, 'write', sql`p.tenant_id`, sql`p.path`)} as "canRate"
      from ratings r
      join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where r.id = ${ratingId} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!row) throw notFound({ zh: '分类定级', en: 'rating' });
  if (!row.canRate) throw forbidden();
  const [rating] = await tx.select().from(ratings).where(eq(ratings.id, ratingId)).for('update');
  return { rating, org: { id: row.id, path: row.path, name: row.name } };
}
