import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { memberships, orgs, thoughtReports } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { AppError } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import type { SubmitReportInput } from './schema.ts';

const membersOnly = () =>
  new AppError('FORBIDDEN', {
    zh: '思想汇报由党员本人提交：当前账号未关联有组织关系的党员',
    en: 'A thought report is submitted by the member themself; this account is not linked to a current member',
  });

/** A member reports on their thought and work to the branch they belong to today. */
export async function submitReport(tx: Tx, options: { input: SubmitReportInput; today: string; actor: Actor }) {
  const { input, actor } = options;
  if (!actor.personId || !actor.tenantId) throw membersOnly();
  const [current] = await tx
    .select({ orgId: memberships.orgId, orgPath: orgs.path })
    .from(memberships)
    .innerJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
    .where(
      and(
        eq(memberships.tenantId, actor.tenantId),
        eq(memberships.personId, actor.personId),
        isNull(memberships.validTo),
      ),
    )
    .orderBy(desc(memberships.validFrom))
    .limit(1);
  if (!current) throw membersOnly();
  const [report] = await tx
    .insert(thoughtReports)
    .values({
      tenantId: actor.tenantId,
      personId: actor.personId,
      orgId: current.orgId,
      submittedOn: options.today,
      title: input.title || '思想汇报',
      content: input.content,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'thoughtReport',
    entityId: report.id,
    tenantId: report.tenantId,
    orgPath: current.orgPath,
    // The content is the member's own writing: the trail records that it was filed, not what it says.
    after: { ...report, content: `(${report.content.length} chars)` },
  });
  return report;
}
