/**
 * A year's ratings of a subtree: every rated org the caller reads, with its rating (a draft only to
 * those who rate the org), last year's final grade and the movement between them (晋位升级).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import { movementOf, type RatingGrade } from '../../domain/evaluation/rating-rubric.ts';
import type { Actor } from '../../server/scope.ts';
import { presentRating } from './present-rating.ts';
import { loadRatedOrgs } from './rating-orgs.ts';
import type { ListRow } from './schema.ts';

export async function listRatings(
  tx: Tx,
  options: { actor: Actor; root: { tenantId: string; path: string }; year: number },
): Promise<{ items: ListRow[]; counts: Record<RatingGrade | 'unrated', number> }> {
  const { actor, root, year } = options;
  const orgList = await loadRatedOrgs(tx, { actor, root, year });
  const orgIds = orgList.map((o) => o.id);
  const rows =
    orgIds.length === 0
      ? []
      : await tx
          .select()
          .from(ratings)
          .where(
            and(
              eq(ratings.tenantId, root.tenantId),
              inArray(ratings.year, [year, year - 1]),
              inArray(ratings.orgId, orgIds),
            ),
          );
  const counts = { advanced: 0, good: 0, fair: 0, lagging: 0, unrated: 0 };
  const items = orgList.map((org) => {
    const current = rows.find((r) => r.orgId === org.id && r.year === year);
    const visible = current && (current.status === 'final' || org.canRate) ? presentRating(current) : null;
    const last = rows.find((r) => r.orgId === org.id && r.year === year - 1 && r.status === 'final');
    const previousGrade = (last?.grade as RatingGrade | undefined) ?? null;
    const finalGrade = visible?.status === 'final' ? visible.grade : null;
    if (finalGrade) counts[finalGrade]++;
    else counts.unrated++;
    return {
      org: { id: org.id, code: org.code, name: org.name, kind: org.kind, parentName: org.parentName },
      rating: visible,
      previousGrade,
      movement: movementOf(finalGrade, previousGrade),
      canRate: org.canRate,
    };
  });
  return { items, counts };
}
