/**
 * A branch's (or college's) evaluation across years: each year's rating with its grade and movement,
 * its secretary's published review results, its acceptance reviews and its rectification items.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import { movementOf, type RatingGrade } from '../../domain/evaluation/rating-rubric.ts';
import { forbidden } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadReadableOrg } from '../compliance/finding-scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { presentRating } from './present-rating.ts';

export async function loadEvaluation(tx: Tx, options: { actor: Actor; orgId: string }) {
  const { actor } = options;
  const org = await loadReadableOrg(tx, actor, options.orgId);
  if (org.kind !== 'branch' && org.kind !== 'college') throw forbidden();
  const [{ canRate }] = await selectRows<{ canRate: boolean }>(
    tx,
    sql`select ${orgInScope(actor, 'write', sql`p.tenant_id`, sql`p.path`)} as "canRate"
      from orgs o join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id where o.id = ${org.id}`,
  );
  const rated = await tx
    .select()
    .from(ratings)
    .where(and(eq(ratings.tenantId, org.tenantId), eq(ratings.orgId, org.id)));
  const reviews = await selectRows<{
    id: string;
    year: number;
    roundTitle: string;
    personName: string;
    finalScore: number | null;
    grade: string | null;
  }>(
    tx,
    sql`select v.id, n.year, n.title as "roundTitle", pe.name as "personName", v.final_score as "finalScore", v.grade
      from secretary_reviews v
      join secretary_review_rounds n on n.tenant_id = v.tenant_id and n.id = v.round_id
      join people pe on pe.tenant_id = v.tenant_id and pe.id = v.person_id
      where v.tenant_id = ${org.tenantId} and v.org_id = ${org.id} and n.status = 'published'
      order by n.year, n.title`,
  );
  const acceptance = await selectRows<{ year: number; campaign: string; status: string }>(
    tx,
    sql`select c.year, c.title as campaign, r.stage as status
      from acceptance_reviews r join acceptance_campaigns c on c.tenant_id = r.tenant_id and c.id = r.campaign_id
      where r.tenant_id = ${org.tenantId} and r.org_id = ${org.id} order by c.year, c.title`,
  );
  const items = await selectRows<{
    id: string;
    year: number;
    source: string;
    problem: string;
    deadline: string;
    status: string;
  }>(
    tx,
    sql`select id, year, source, problem, to_char(deadline, 'YYYY-MM-DD') as deadline, status
      from rectifications where tenant_id = ${org.tenantId} and org_id = ${org.id} order by year, deadline`,
  );
  const visible = rated.filter((r) => r.status === 'final' || canRate);
  const years = [
    ...new Set([
      ...visible.map((r) => r.year),
      ...reviews.map((r) => r.year),
      ...acceptance.map((a) => a.year),
      ...items.map((i) => i.year),
    ]),
  ].sort((a, b) => b - a);
  const finalGrade = (year: number) =>
    (rated.find((r) => r.year === year && r.status === 'final')?.grade as RatingGrade | undefined) ?? null;
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind },
    years: years.map((year) => {
      const rating = visible.find((r) => r.year === year);
      return {
        year,
        rating: rating ? presentRating(rating) : null,
        movement: movementOf(finalGrade(year), finalGrade(year - 1)),
        reviews: reviews.filter((r) => r.year === year).map(({ year: _y, ...r }) => r),
        acceptance: acceptance.filter((a) => a.year === year).map(({ year: _y, ...a }) => a),
        rectifications: items.filter((i) => i.year === year).map(({ year: _y, ...i }) => i),
      };
    }),
  };
}
