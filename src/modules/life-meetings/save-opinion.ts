import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifeMeetingOpinions } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { type LoadedLifeMeeting, loadLifeMeetingInScope } from './load-life-meeting.ts';
import type { OpinionFields } from './schema.ts';

const opinionLabel = { zh: '征求意见记录', en: 'opinion' };

/** 会前要听取意见 (003 组织生活4): opinions are heard before the meeting. */
function checkOpinion({ meeting }: LoadedLifeMeeting, opinion: OpinionFields) {
  if (opinion.collectedOn > meeting.heldOn)
    throw badInput([
      {
        field: 'body.collectedOn',
        reason: `意见应在会前（${meeting.heldOn}）征求 / opinions are collected before the meeting on ${meeting.heldOn}`,
      },
    ]);
}

export async function createOpinion(tx: Tx, options: { meetingId: string; input: OpinionFields; actor: Actor }) {
  const { input, actor } = options;
  const loaded = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  checkOpinion(loaded, input);
  const [opinion] = await tx
    .insert(lifeMeetingOpinions)
    .values({ tenantId: loaded.meeting.tenantId, meetingId: loaded.meeting.id, ...input })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'lifeMeetingOpinion',
    entityId: opinion.id,
    tenantId: opinion.tenantId,
    orgPath: loaded.org.path,
    after: opinion,
  });
  return opinion;
}

export async function updateOpinion(
  tx: Tx,
  options: {
    meetingId: string;
    opinionId: string;
    input: Partial<OpinionFields> & { version: number };
    actor: Actor;
  },
) {
  const { input, actor } = options;
  const loaded = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  const where = and(
    eq(lifeMeetingOpinions.tenantId, loaded.meeting.tenantId),
    eq(lifeMeetingOpinions.meetingId, loaded.meeting.id),
    eq(lifeMeetingOpinions.id, options.opinionId),
  );
  const [opinion] = await tx.select().from(lifeMeetingOpinions).where(where);
  if (!opinion) throw notFound(opinionLabel);
  if (opinion.version !== input.version) throw stale();
  const next: OpinionFields = {
    source: input.source ?? (opinion.source as OpinionFields['source']),
    content: input.content ?? opinion.content,
    collectedOn: input.collectedOn ?? opinion.collectedOn,
  };
  checkOpinion(loaded, next);
  const [updated] = await tx
    .update(lifeMeetingOpinions)
    .set({ ...next, version: sql`${lifeMeetingOpinions.version} + 1` })
    .where(and(where, eq(lifeMeetingOpinions.version, input.version)))
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'lifeMeetingOpinion',
    entityId: opinion.id,
    tenantId: opinion.tenantId,
    orgPath: loaded.org.path,
    before: opinion,
    after: updated,
  });
  return updated;
}
