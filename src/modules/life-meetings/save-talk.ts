import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { lifeMeetingTalks } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue, notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { knownPeople, type LoadedLifeMeeting, loadLifeMeetingInScope } from './load-life-meeting.ts';
import type { TalkFields } from './schema.ts';

const talkLabel = { zh: '谈心谈话记录', en: 'talk' };

/** 会前谈心交心 (003 组织生活4): a talk is between two different people and held before the meeting. */
async function checkTalk(tx: Tx, { meeting }: LoadedLifeMeeting, talk: TalkFields) {
  const issues: FieldIssue[] = [];
  const known = await knownPeople(tx, meeting.tenantId, [talk.personId, talk.withPersonId]);
  if (!known.has(talk.personId)) issues.push({ field: 'body.personId', reason: '人员不存在 / unknown person' });
  if (!known.has(talk.withPersonId)) issues.push({ field: 'body.withPersonId', reason: '人员不存在 / unknown person' });
  if (talk.personId === talk.withPersonId)
    issues.push({ field: 'body.withPersonId', reason: '谈话双方不能是同一人 / a talk needs two people' });
  if (talk.heldOn > meeting.heldOn)
    issues.push({
      field: 'body.heldOn',
      reason: `谈心谈话应在会前（${meeting.heldOn}）进行 / talks are held before the meeting on ${meeting.heldOn}`,
    });
  if (issues.length) throw badInput(issues);
}

export async function createTalk(tx: Tx, options: { meetingId: string; input: TalkFields; actor: Actor }) {
  const { input, actor } = options;
  const loaded = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  await checkTalk(tx, loaded, input);
  const [talk] = await tx
    .insert(lifeMeetingTalks)
    .values({ tenantId: loaded.meeting.tenantId, meetingId: loaded.meeting.id, ...input })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'lifeMeetingTalk',
    entityId: talk.id,
    tenantId: talk.tenantId,
    orgPath: loaded.org.path,
    after: talk,
  });
  return talk;
}

export async function updateTalk(
  tx: Tx,
  options: { meetingId: string; talkId: string; input: Partial<TalkFields> & { version: number }; actor: Actor },
) {
  const { input, actor } = options;
  const loaded = await loadLifeMeetingInScope(tx, actor, 'write', options.meetingId);
  const where = and(
    eq(lifeMeetingTalks.tenantId, loaded.meeting.tenantId),
    eq(lifeMeetingTalks.meetingId, loaded.meeting.id),
    eq(lifeMeetingTalks.id, options.talkId),
  );
  const [talk] = await tx.select().from(lifeMeetingTalks).where(where);
  if (!talk) throw notFound(talkLabel);
  if (talk.version !== input.version) throw stale();
  const { version, ...fields } = input;
  const next: TalkFields = {
    personId: fields.personId ?? talk.personId,
    withPersonId: fields.withPersonId ?? talk.withPersonId,
    heldOn: fields.heldOn ?? talk.heldOn,
    topic: fields.topic ?? talk.topic,
  };
  await checkTalk(tx, loaded, next);
  const [updated] = await tx
    .update(lifeMeetingTalks)
    .set({ ...next, version: sql`${lifeMeetingTalks.version} + 1` })
    .where(and(where, eq(lifeMeetingTalks.version, version)))
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'lifeMeetingTalk',
    entityId: talk.id,
    tenantId: talk.tenantId,
    orgPath: loaded.org.path,
    before: talk,
    after: updated,
  });
  return updated;
}
