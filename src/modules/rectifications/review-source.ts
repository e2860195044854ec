/**
 * A secretary's review (述职评议) as the source of a rectification item: the org the secretary
 * leads, the round's year, the secretary, and a problem in words from the published result.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type ReviewGrade, reviewGradeLabels } from '../../domain/evaluation/secretary-review.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type ReviewSource = {
  id: string;
  orgId: string;
  year: number;
  personId: string;
  personName: string;
  problem: string;
};

/** A review whose org the actor reads (else a 404, like a finding out of scope). */
export async function loadReviewSource(tx: Tx, actor: Actor, reviewId: string): Promise<ReviewSource> {
  const [row] = await selectRows<{
    id: string;
    orgId: string;
    year: number;
    personId: string;
    personName: string;
    roundTitle: string;
    status: string;
    finalScore: number | null;
    grade: ReviewGrade | null;
  }>(
    tx,
    sql`select v.id, v.org_id as "orgId", n.year, v.person_id as "personId", pe.name as "personName",
        n.title as "roundTitle", n.status, v.final_score as "finalScore", v.grade
      from secretary_reviews v
      join secretary_review_rounds n on n.tenant_id = v.tenant_id and n.id = v.round_id
      join orgs o on o.tenant_id = v.tenant_id and o.id = v.org_id
      join people pe on pe.tenant_id = v.tenant_id and pe.id = v.person_id
      where v.id = ${reviewId} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!row) throw notFound({ zh: '述职评议', en: 'secretary review' });
  // Only a published result says anything about the secretary; before that the problem must be written.
  const result =
    row.status === 'published' && row.grade
      ? `，评议结果为“${reviewGradeLabels[row.grade].zh}”${row.finalScore === null ? '' : `（${row.finalScore}分）`}`
      : '';
  return {
    id: row.id,
    orgId: row.orgId,
    year: row.year,
    personId: row.personId,
    personName: row.personName,
    problem: `${row.roundTitle}：${row.personName}述职评议${result}，需整改提高`,
  };
}
