/** The rounds a caller sees for a year, and one round with the reviews they see. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { ReviewGrade } from '../../domain/evaluation/secretary-review.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadRound, ownReview, type RoundRow, reviewVisible, roundColumns } from './review-access.ts';

const counts = sql`(select count(*)::int from secretary_reviews v where v.tenant_id = n.tenant_id and v.round_id = n.id) as reviews,
  (select count(*)::int from secretary_reviews v where v.tenant_id = n.tenant_id and v.round_id = n.id and v.report is not null) as reported,
  (select count(*)::int from secretary_reviews v where v.tenant_id = n.tenant_id and v.round_id = n.id
    and exists (select 1 from secretary_review_scores s where s.tenant_id = v.tenant_id and s.review_id = v.id)) as scored`;

type RoundListRow = RoundRow & { reviews: number; reported: number; scored: number };

const presentRound = ({ tenantId: _t, orgPath: _p, organizerReads: _r, ...r }: RoundListRow) => r;

export async function listRounds(tx: Tx, options: { actor: Actor; year?: number }) {
  const { actor, year } = options;
  const rows = await selectRows<RoundListRow>(
    tx,
    sql`select ${roundColumns(actor)}, ${counts} from secretary_review_rounds n
      join orgs ro on ro.tenant_id = n.tenant_id and ro.id = n.org_id
      where ${year === undefined ? sql`true` : sql`n.year = ${year}`}
        and (${orgInScope(actor, 'read', sql`ro.tenant_id`, sql`ro.path`)} or exists (
          select 1 from secretary_reviews v join orgs vo on vo.tenant_id = v.tenant_id and vo.id = v.org_id
          where v.tenant_id = n.tenant_id and v.round_id = n.id and ${reviewVisible(actor)}))
      order by n.year desc, n.level, ro.depth, ro.code`,
  );
  return rows.map(presentRound);
}

type ScoreRow = {
  id: string;
  reviewerAccount: string;
  reviewerName: string;
  score: number;
  comment: string | null;
  version: number;
};

export async function loadRoundDetail(tx: Tx, options: { actor: Actor; id: string }) {
  const { actor } = options;
  const round = await loadRound(tx, actor, options.id);
  const [withCounts] = await selectRows<RoundListRow>(
    tx,
    sql`select ${roundColumns(actor)}, ${counts} from secretary_review_rounds n
      join orgs ro on ro.tenant_id = n.tenant_id and ro.id = n.org_id where n.id = ${round.id}`,
  );
  const reviews = await selectRows<{
    id: string;
    roundId: string;
    personId: string;
    personName: string;
    orgId: string;
    orgName: string;
    report: string | null;
    reportedOn: string | null;
    finalScore: number | null;
    grade: ReviewGrade | null;
    version: number;
    isMine: boolean;
    canRectify: boolean;
    rectificationId: string | null;
    rectificationStatus: 'open' | 'done' | 'verified' | null;
  }>(
    tx,
    sql`select v.id, v.round_id as "roundId", v.person_id as "personId", pe.name as "personName", v.org_id as "orgId",
        vo.name as "orgName", v.report, to_char(v.reported_on, 'YYYY-MM-DD') as "reportedOn",
        v.final_score as "finalScore", v.grade, v.version, ${ownReview(actor)} as "isMine",
        ${orgInScope(actor, 'write', sql`vo.tenant_id`, sql`vo.path`)} as "canRectify",
        x.id as "rectificationId", x.status as "rectificationStatus"
      from secretary_reviews v
      join secretary_review_rounds n on n.tenant_id = v.tenant_id and n.id = v.round_id
      join orgs ro on ro.tenant_id = n.tenant_id and ro.id = n.org_id
      join orgs vo on vo.tenant_id = v.tenant_id and vo.id = v.org_id
      join people pe on pe.tenant_id = v.tenant_id and pe.id = v.person_id
      -- The latest rectification item opened from this review, for readers of the review's org only.
      left join lateral (select r.id, r.status from rectifications r
        where r.tenant_id = v.tenant_id and r.source = 'review' and r.source_id = v.id
          and ${orgInScope(actor, 'read', sql`vo.tenant_id`, sql`vo.path`)}
        order by r.created_at desc limit 1) x on true
      where v.round_id = ${round.id} and v.tenant_id = ${round.tenantId} and ${reviewVisible(actor)}
      order by vo.code`,
  );
  const scores =
    reviews.length === 0
      ? []
      : await selectRows<ScoreRow & { reviewId: string }>(
          tx,
          sql`select id, review_id as "reviewId", reviewer_account as "reviewerAccount", reviewer_name as "reviewerName",
              score, comment, version
            from secretary_review_scores where tenant_id = ${round.tenantId}
              and review_id = any(${sql.param(reviews.map((r) => r.id))}::uuid[])
            order by created_at`,
        );
  const strip = ({ reviewId: _r, ...s }: ScoreRow & { reviewId: string }) => s;
  return {
    round: presentRound(withCounts),
    reviews: reviews.map(({ rectificationId, rectificationStatus, ...r }) => {
      const own = scores.filter((s) => s.reviewId === r.id);
      const resultVisible = round.status === 'published' || round.organizerReads;
      return {
        ...r,
        rectification:
          rectificationId && rectificationStatus ? { id: rectificationId, status: rectificationStatus } : null,
        finalScore: resultVisible ? r.finalScore : null,
        grade: resultVisible ? r.grade : null,
        scores: round.organizerReads && !r.isMine ? own.map(strip) : null,
        myScore: (() => {
          const mine = own.find((s) => s.reviewerAccount === actor.username);
          return mine ? strip(mine) : null;
        })(),
      };
    }),
  };
}
