import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { devPoolAnalyses, orgs } from '../../db/schema.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { viewRoot } from '../training/scope-root.ts';

/** Pool analyses of the college-level organizations under the view's root that the actor reads, newest first. */
export async function listAnalyses(db: Db | Tx, options: { actor: Actor; orgId?: string; year?: number }) {
  const root = await viewRoot(db, options.actor, options.orgId);
  return db
    .select({
      id: devPoolAnalyses.id,
      orgId: devPoolAnalyses.orgId,
      orgName: orgs.name,
      year: devPoolAnalyses.year,
      heldOn: devPoolAnalyses.heldOn,
      summary: devPoolAnalyses.summary,
      counts: devPoolAnalyses.counts,
      recordedByName: devPoolAnalyses.recordedByName,
      version: devPoolAnalyses.version,
    })
    .from(devPoolAnalyses)
    .innerJoin(orgs, and(eq(orgs.tenantId, devPoolAnalyses.tenantId), eq(orgs.id, devPoolAnalyses.orgId)))
    .where(
      and(
        eq(orgs.tenantId, root.tenantId),
        sql`${orgs.path} like ${`${root.path}%`}`,
        orgInScope(options.actor, 'read', orgs.tenantId, orgs.path),
        options.year === undefined ? undefined : eq(devPoolAnalyses.year, options.year),
      ),
    )
    .orderBy(desc(devPoolAnalyses.heldOn));
}
