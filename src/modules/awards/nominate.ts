import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { awards, orgs } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, forbidden } from '../../server/errors.ts';
import { type Actor, pathInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadReadableOrg } from './load-award.ts';
import type { NominateInput } from './schema.ts';

/**
 * An org nominates one of its members (outstanding member or Party-affairs worker) or one of its
 * organizations (advanced grassroots organization) for a round. The person must hold a membership
 * in the nominating org's subtree on the day; the org must be a current college or branch there.
 */
export async function nominate(tx: Tx, options: { input: NominateInput; actor: Actor; today: string }) {
  const { input, actor, today } = options;
  const nominator = await loadReadableOrg(tx, actor, input.nominatingOrgId);
  if (!pathInScope(actor, 'write', nominator.tenantId, nominator.path)) throw forbidden();
  const issues: { field: string; reason: string }[] = [];
  if (input.nominatedOn > today)
    issues.push({ field: 'nominatedOn', reason: '不能晚于今天 / cannot be in the future' });
  if (input.kind === 'advancedOrg') {
    if (input.personId)
      issues.push({ field: 'personId', reason: '先进基层党组织不填个人 / an org award names no person' });
    const [org] = input.orgId
      ? await tx
          .select({ id: orgs.id })
          .from(orgs)
          .where(
            and(
              eq(orgs.tenantId, nominator.tenantId),
              eq(orgs.id, input.orgId),
              sql`${orgs.path} like ${`${nominator.path}%`}`,
              sql`${orgs.kind} in ('college', 'branch')`,
              sql`${orgs.validTo} is null`,
            ),
          )
      : [];
    if (!org)
      issues.push({
        field: 'orgId',
        reason: '须为本组织或下属的现有党组织 / must be a current college or branch of the nominating org',
      });
  } else {
    if (input.orgId) issues.push({ field: 'orgId', reason: '个人表彰不填组织 / a person award names no org' });
    const [member] = input.personId
      ? await selectRows<{ id: string }>(
          tx,
          sql`select m.id from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
            where m.tenant_id = ${nominator.tenantId} and m.person_id = ${input.personId}
              and o.path like ${`${nominator.path}%`} and m.standing = 'normal'
              and m.valid_from <= ${input.nominatedOn}::date and (m.valid_to is null or m.valid_to > ${input.nominatedOn}::date)
            limit 1`,
        )
      : [];
    if (!member)
      issues.push({
        field: 'personId',
        reason: '须为本组织的党员 / must be a member in the nominating org on the day',
      });
  }
  if (issues.length) throw badInput(issues);
  const [same] = await tx
    .select({ id: awards.id })
    .from(awards)
    .where(
      and(
        eq(awards.tenantId, nominator.tenantId),
        eq(awards.roundYear, input.roundYear),
        eq(awards.kind, input.kind),
        input.kind === 'advancedOrg'
          ? eq(awards.orgId, input.orgId as string)
          : eq(awards.personId, input.personId as string),
        ne(awards.status, 'rejected'),
      ),
    );
  if (same) throw conflict({ zh: '本轮已推荐过该对象', en: 'Already nominated in this round' });
  const [award] = await tx
    .insert(awards)
    .values({
      tenantId: nominator.tenantId,
      roundYear: input.roundYear,
      kind: input.kind,
      personId: input.kind === 'advancedOrg' ? null : (input.personId ?? null),
      orgId: input.kind === 'advancedOrg' ? (input.orgId ?? null) : null,
      nominatingOrgId: nominator.id,
      nominatedOn: input.nominatedOn,
      reason: input.reason,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'nominate',
    entity: 'award',
    entityId: award.id,
    tenantId: award.tenantId,
    orgPath: nominator.path,
    after: award,
  });
  return award;
}
