import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect.ts';
import { lifeMeetingOpinions, lifeMeetingRectifications, lifeMeetingTalks, people } from '../../db/schema.ts';
import { type LoadedLifeMeeting, membersOfMeeting } from './load-life-meeting.ts';
import { opinionSources } from './schema.ts';

const withPerson = alias(people, 'with_person');

export async function listTalks(tx: Tx, meeting: LoadedLifeMeeting['meeting']) {
  const rows = await tx
    .select({ talk: lifeMeetingTalks, personName: people.name, withPersonName: withPerson.name })
    .from(lifeMeetingTalks)
    .innerJoin(people, and(eq(people.tenantId, lifeMeetingTalks.tenantId), eq(people.id, lifeMeetingTalks.personId)))
    .innerJoin(
      withPerson,
      and(eq(withPerson.tenantId, lifeMeetingTalks.tenantId), eq(withPerson.id, lifeMeetingTalks.withPersonId)),
    )
    .where(and(eq(lifeMeetingTalks.tenantId, meeting.tenantId), eq(lifeMeetingTalks.meetingId, meeting.id)))
    .orderBy(asc(lifeMeetingTalks.heldOn), asc(lifeMeetingTalks.createdAt));
  return rows.map((r) => ({ ...r.talk, personName: r.personName, withPersonName: r.withPersonName }));
}

export const listOpinions = (tx: Tx, meeting: LoadedLifeMeeting['meeting']) =>
  tx
    .select()
    .from(lifeMeetingOpinions)
    .where(and(eq(lifeMeetingOpinions.tenantId, meeting.tenantId), eq(lifeMeetingOpinions.meetingId, meeting.id)))
    .orderBy(asc(lifeMeetingOpinions.collectedOn), asc(lifeMeetingOpinions.createdAt));

export async function listRectifications(tx: Tx, meeting: LoadedLifeMeeting['meeting']) {
  const rows = await tx
    .select({ point: lifeMeetingRectifications, ownerName: people.name })
    .from(lifeMeetingRectifications)
    .innerJoin(
      people,
      and(eq(people.tenantId, lifeMeetingRectifications.tenantId), eq(people.id, lifeMeetingRectifications.ownerId)),
    )
    .where(
      and(
        eq(lifeMeetingRectifications.tenantId, meeting.tenantId),
        eq(lifeMeetingRectifications.meetingId, meeting.id),
      ),
    )
    .orderBy(asc(lifeMeetingRectifications.deadline), asc(lifeMeetingRectifications.createdAt));
  return rows.map((r) => ({ ...r.point, ownerName: r.ownerName }));
}

/**
 * The preparation of an organizational-life meeting against 003 组织生活4 (会前听取意见、谈心交心，
 * 会后逐一整改落实): has every member had a talk, how many opinions were heard, which points are open.
 */
export async function preparationChecklist(tx: Tx, loaded: LoadedLifeMeeting, today: string) {
  const { meeting, org } = loaded;
  // One after another: the queries share the transaction's single connection.
  const members = await membersOfMeeting(tx, loaded);
  const talks = await listTalks(tx, meeting);
  const opinions = await listOpinions(tx, meeting);
  const rectifications = await listRectifications(tx, meeting);
  const talkedWith = new Set(talks.flatMap((t) => [t.personId, t.withPersonId]));
  const withoutTalk = members.filter((m) => !talkedWith.has(m.personId));
  const open = rectifications.filter((r) => !r.doneOn);
  return {
    meeting: {
      id: meeting.id,
      code: meeting.code,
      title: meeting.title,
      heldOn: meeting.heldOn,
      status: meeting.status,
      orgId: org.id,
      orgName: org.name,
    },
    checklist: {
      members: members.length,
      membersTalkedWith: members.length - withoutTalk.length,
      talksCoverEveryMember: withoutTalk.length === 0,
      membersWithoutTalk: withoutTalk,
      talks: talks.length,
      opinions: opinions.length,
      opinionsBySource: Object.fromEntries(
        opinionSources.map((s) => [s, opinions.filter((o) => o.source === s).length]),
      ),
      rectificationsOpen: open.length,
      rectificationsDone: rectifications.length - open.length,
      rectificationsOverdue: open.filter((r) => r.deadline < today).length,
    },
    talks,
    opinions,
    rectifications,
  };
}
