/** Shared by the meetings tests: a world, signed-in clients, and shortcuts to plan meetings and elect committees. */
import { count } from 'drizzle-orm';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import type { Db } from '../../db/connect.ts';
import { attendance, auditLog, meetingAttachments, meetings, positions, terms } from '../../db/schema.ts';
import type { MeetingDetail } from './schema.ts';

export type Clients = Record<
  | 'orgAdminA'
  | 'orgAdminB'
  | 'collegeA1'
  | 'collegeA2'
  | 'secretaryA1'
  | 'secretaryA2'
  | 'oversight'
  | 'memberA1'
  | 'platform',
  Client
>;

/** Today is 2026-06-15 in Shanghai (10:00 there). */
export const NOW = new Date('2026-06-15T02:00:00Z');

export async function setUp(): Promise<{ server: TestServer; world: World; as: Clients }> {
  const server = await createTestServer();
  server.setNow(NOW);
  const world = await buildWorld(server.db);
  const names = {
    orgAdminA: 'orgadmin-a',
    orgAdminB: 'orgadmin-b',
    collegeA1: 'college-a1',
    collegeA2: 'college-a2',
    secretaryA1: 'secretary-a1',
    secretaryA2: 'secretary-a2',
    oversight: 'oversight',
    memberA1: 'member-a1',
    platform: 'platform',
  } as const;
  const as = {} as Clients;
  for (const [key, username] of Object.entries(names)) as[key as keyof Clients] = await server.signIn(username);
  return { server, world, as };
}

export async function tableCounts(db: Db) {
  const n = async (table: typeof meetings | typeof attendance | typeof auditLog | typeof meetingAttachments) =>
    (await db.select({ n: count() }).from(table))[0].n;
  return {
    meetings: await n(meetings),
    attendance: await n(attendance),
    attachments: await n(meetingAttachments),
    audit: await n(auditLog),
  };
}

export const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

/** Plans a meeting through the API and returns its detail. */
export async function planMeeting(client: Client, body: Record<string, unknown>): Promise<MeetingDetail> {
  const res = await client.post('/api/v1/meetings', { type: 'generalAssembly', title: '支部党员大会', ...body });
  if (res.statusCode !== 200) throw new Error(`planning failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Plans a meeting and marks it held. */
export async function heldMeeting(client: Client, body: Record<string, unknown>): Promise<MeetingDetail> {
  const planned = await planMeeting(client, body);
  const res = await client.post(`/api/v1/meetings/${planned.meeting.id}/held`, { version: planned.meeting.version });
  if (res.statusCode !== 200) throw new Error(`marking held failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A term of an org with its seats, written directly (the orgs module owns the endpoints). */
export async function electTerm(
  db: Db,
  props: {
    tenantId: string;
    orgId: string;
    electedOn: string;
    endsOn: string;
    seats: { role: string; personId: string; validFrom?: string; validTo?: string | null }[];
  },
) {
  const [term] = await db
    .insert(terms)
    .values({ tenantId: props.tenantId, orgId: props.orgId, electedOn: props.electedOn, endsOn: props.endsOn })
    .returning();
  await db.insert(positions).values(
    props.seats.map((s) => ({
      tenantId: props.tenantId,
      termId: term.id,
      role: s.role,
      personId: s.personId,
      validFrom: s.validFrom ?? props.electedOn,
      validTo: s.validTo ?? null,
    })),
  );
  return term;
}

export const expectedIds = (detail: MeetingDetail) => detail.expected.map((e) => e.personId).sort();
