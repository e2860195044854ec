import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifeMeetingOpinions, lifeMeetingRectifications, lifeMeetingTalks } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadLifeMeetingInScope } from './load-life-meeting.ts';

/** The three lists of a life meeting, by the segment of their URL. */
export const preparationLists = {
  talks: { table: lifeMeetingTalks, entity: 'lifeMeetingTalk', label: { zh: '谈心谈话记录', en: 'talk' } },
  opinions: { table: lifeMeetingOpinions, entity: 'lifeMeetingOpinion', label: { zh: '征求意见记录', en: 'opinion' } },
  rectifications: {
    table: lifeMeetingRectifications,
    entity: 'lifeMeetingRectification',
    label: { zh: '整改事项', en: 'rectification point' },
  },
} as const;
export type PreparationList = keyof typeof preparationLists;

/** Deletes one talk, opinion or rectification point at the version the caller read. */
export async function deletePreparationRow(
  tx: Tx,
  options: { list: PreparationList; meetingId: string; id: string; version: number; actor: Actor },
) {
  const { actor } = options;
  const { table, entity, label } = preparationLists[options.list];
  const { meeting, org } = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  const where = and(eq(table.tenantId, meeting.tenantId), eq(table.meetingId, meeting.id), eq(table.id, options.id));
  const [row] = await tx.select().from(table).where(where);
  if (!row) throw notFound(label);
  if (row.version !== options.version) throw stale();
  const [deleted] = await tx
    .delete(table)
    .where(and(where, eq(table.version, options.version)))
    .returning();
  if (!deleted) throw stale();
  await recordAudit(tx, actor, {
    action: 'delete',
    entity,
    entityId: row.id,
    tenantId: meeting.tenantId,
    orgPath: org.path,
    before: row,
  });
}
