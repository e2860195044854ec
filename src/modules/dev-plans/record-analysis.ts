import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devPoolAnalyses } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadCollege } from './load-college.ts';
import { poolCountsOn } from './pool-counts.ts';
import type { RecordAnalysisInput, UpdateAnalysisInput } from './schema.ts';

/** The analysis is of its year: held in it, or early in the next (a year-end review), never before it or in the future. */
function checkHeldOn(year: number, heldOn: string, today: string) {
  if (heldOn > today) throw badInput([{ field: 'heldOn', reason: '晚于今天 / in the future' }]);
  const held = Number(heldOn.slice(0, 4));
  if (held < year || held > year + 1)
    throw badInput([
      { field: 'heldOn', reason: `应在${year}年内或次年初 / must fall in ${year} or early the next year` },
    ]);
  if (held === year + 1 && heldOn > `${year + 1}-03-31`)
    throw badInput([{ field: 'heldOn', reason: `对${year}年的分析最迟于次年3月底 / by the end of March ${year + 1}` }]);
}

/** Records a college-level organization's yearly analysis of its activist pool, with the pipeline counts of that day. */
export async function recordAnalysis(tx: Tx, options: { input: RecordAnalysisInput; actor: Actor; today: string }) {
  const { input, actor } = options;
  const college = await loadCollege(tx, { actor, access: 'write', orgId: input.orgId });
  checkHeldOn(input.year, input.heldOn, options.today);
  const counts = await poolCountsOn(tx, { tenantId: college.tenantId, path: college.path, on: input.heldOn });
  const [row] = await tx
    .insert(devPoolAnalyses)
    .values({
      tenantId: college.tenantId,
      orgId: college.id,
      year: input.year,
      heldOn: input.heldOn,
      summary: input.summary,
      counts,
      recordedByName: actor.displayName,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'devPoolAnalysis',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: college.path,
    after: row,
  });
  return { row, college };
}

/** Corrects an analysis at the version read; a new day recomputes the counts of that day. */
export async function updateAnalysis(
  tx: Tx,
  options: { id: string; input: UpdateAnalysisInput; actor: Actor; today: string },
) {
  const { input, actor } = options;
  const [before] = await tx.select().from(devPoolAnalyses).where(eq(devPoolAnalyses.id, options.id));
  if (!before) throw notFound({ zh: '队伍分析', en: 'pool analysis' });
  const college = await loadCollege(tx, { actor, access: 'write', orgId: before.orgId }).catch((e) => {
    throw (e as { code?: string }).code === 'NOT_FOUND' ? notFound({ zh: '队伍分析', en: 'pool analysis' }) : e;
  });
  if (before.version !== input.version) throw stale();
  const heldOn = input.heldOn ?? before.heldOn;
  checkHeldOn(before.year, heldOn, options.today);
  const counts =
    heldOn === before.heldOn
      ? before.counts
      : await poolCountsOn(tx, { tenantId: college.tenantId, path: college.path, on: heldOn });
  const [row] = await tx
    .update(devPoolAnalyses)
    .set({
      heldOn,
      summary: input.summary ?? before.summary,
      counts,
      version: sql`${devPoolAnalyses.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(devPoolAnalyses.tenantId, before.tenantId),
        eq(devPoolAnalyses.id, before.id),
        eq(devPoolAnalyses.version, input.version),
      ),
    )
    .returning();
  if (!row) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'devPoolAnalysis',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: college.path,
    before,
    after: row,
  });
  return { row, college };
}
