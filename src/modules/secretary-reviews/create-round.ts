/**
 * Opens a year's review round for a level and fills it with a review for every secretary of the
 * level's orgs in the organizer's subtree (the seat holder at the year's end, or today while the
 * year runs): college-level orgs (colleges and branches directly under the university) are reviewed
 * by the university, branches under a college by the university or by their college.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { secretaryReviewRounds, secretaryReviews } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, forbidden, notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { CreateRoundInput } from './schema.ts';

/** The orgs of a level in a subtree, as SQL on alias `o`. */
export const levelSql = (level: 'college' | 'branch') =>
  level === 'college'
    ? sql`(o.kind = 'college' or (o.kind = 'branch' and o.parent_id = o.tenant_id))`
    : sql`(o.kind = 'branch' and o.parent_id <> o.tenant_id)`;

export async function createRound(tx: Tx, options: { input: CreateRoundInput; today: string; actor: Actor }) {
  const { input, today, actor } = options;
  const [organizer] = await selectRows<{
    id: string;
    tenantId: string;
    kind: string;
    name: string;
    path: string;
    canWrite: boolean;
  }>(
    tx,
    sql`select id, tenant_id as "tenantId", kind, name, path,
        ${orgInScope(actor, 'write', sql`tenant_id`, sql`path`)} as "canWrite"
      from orgs where id = ${input.orgId} and ${orgInScope(actor, 'read', sql`tenant_id`, sql`path`)}`,
  );
  if (!organizer) throw notFound({ zh: '组织', en: 'organization' });
  if (!organizer.canWrite) throw forbidden();
  const fits =
    input.level === 'college'
      ? organizer.kind === 'university'
      : organizer.kind === 'university' || organizer.kind === 'college';
  if (!fits)
    throw badInput([
      {
        field: 'level',
        reason:
          input.level === 'college'
            ? '二级党组织书记由学校党委组织评议 / college-level secretaries are reviewed by the university'
            : '支部书记由学校或二级党组织组织评议 / branch secretaries are reviewed by the university or a college',
      },
    ]);
  const exists = await selectRows<{ id: string }>(
    tx,
    sql`select id from secretary_review_rounds where tenant_id = ${organizer.tenantId} and org_id = ${organizer.id}
      and year = ${input.year} and level = ${input.level}`,
  );
  if (exists.length)
    throw conflict({ zh: '该年度该级述职评议已存在', en: 'This round already exists for the year and level' });
  const day = today < `${input.year}-12-31` ? today : `${input.year}-12-31`;
  const secretaries = await selectRows<{ personId: string; orgId: string }>(
    tx,
    sql`select distinct on (o.id) pe.id as "personId", o.id as "orgId"
      from orgs o join terms t on t.tenant_id = o.tenant_id and t.org_id = o.id
      join positions p on p.tenant_id = t.tenant_id and p.term_id = t.id and p.role = 'secretary'
      join people pe on pe.tenant_id = p.tenant_id and pe.id = p.person_id
      where o.tenant_id = ${organizer.tenantId} and o.path like ${`${organizer.path}%`} and o.id <> ${organizer.id}
        and ${levelSql(input.level)}
        and o.valid_from <= ${day}::date and (o.valid_to is null or o.valid_to > ${day}::date)
        and p.valid_from <= ${day}::date and (p.valid_to is null or p.valid_to > ${day}::date)
      order by o.id, p.valid_from desc`,
  );
  const levelName = input.level === 'college' ? '二级党组织书记' : '党支部书记';
  const [round] = await tx
    .insert(secretaryReviewRounds)
    .values({
      tenantId: organizer.tenantId,
      orgId: organizer.id,
      year: input.year,
      level: input.level,
      title: input.title ?? `${organizer.name}${input.year}年度${levelName}抓基层党建述职评议考核`,
    })
    .returning();
  const reviews = secretaries.length
    ? await tx
        .insert(secretaryReviews)
        .values(secretaries.map((s) => ({ tenantId: organizer.tenantId, roundId: round.id, ...s })))
        .returning()
    : [];
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'secretaryReviewRound',
    entityId: round.id,
    tenantId: organizer.tenantId,
    orgPath: organizer.path,
    after: { round, reviews: reviews.map((r) => ({ id: r.id, personId: r.personId, orgId: r.orgId })) },
  });
  return round;
}
