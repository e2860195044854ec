/**
 * meeting_sign_ins, kept by triggers on attendance (migration 0012): a meeting is in it exactly
 * when it has an attendance row that is not a guest's, after every kind of write; and the life
 * facts' record gaps (LIFE-12) read it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildAttendance, buildMeeting, buildMember, buildOrg, buildUniversity } from '../../../test/factories.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Database, Db } from '../connect.ts';
import { attendance, meetings } from '../schema.ts';
import { loadLifeFacts } from './life.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const kept = async (tenantId: string) =>
  (
    await selectRows<{ meetingId: string }>(
      db,
      sql`select meeting_id as "meetingId" from meeting_sign_ins where tenant_id = ${tenantId} order by 1`,
    )
  ).map((r) => r.meetingId);

/** The meetings with a row that is not a guest's, computed from attendance. */
const computed = async (tenantId: string) =>
  (
    await selectRows<{ meetingId: string }>(
      db,
      sql`select distinct meeting_id as "meetingId" from attendance where tenant_id = ${tenantId} and not guest order by 1`,
    )
  ).map((r) => r.meetingId);

async function world() {
  const u = await buildUniversity(db);
  const t = u.tenantId;
  const college = await buildOrg(db, { tenantId: t, parentId: u.rootId, kind: 'college' });
  const branch = await buildOrg(db, { tenantId: t, parentId: college.id, kind: 'branch' });
  const member = async (code: string) =>
    (await buildMember(db, { tenantId: t, orgId: branch.id, code: `${code}${Date.now() % 1e6}` })).person.id;
  return { u, t, branch, a: await member('A'), b: await member('B') };
}

describe('meeting_sign_ins', () => {
  it('follows attendance inserted, turned into a guest, moved, deleted, and meetings deleted', async () => {
    const { t, branch, a, b } = await world();
    const march = await buildMeeting(db, { tenantId: t, orgId: branch.id, heldOn: '2021-03-10', status: 'held' });
    const april = await buildMeeting(db, { tenantId: t, orgId: branch.id, heldOn: '2021-04-10', status: 'held' });
    const ids = (...ms: { id: string }[]) => ms.map((m) => m.id).sort();

    // A guest alone is no sign-in list.
    await buildAttendance(db, { tenantId: t, meetingId: march.id, personId: a, guest: true });
    expect(await kept(t)).toEqual([]);
    await buildAttendance(db, { tenantId: t, meetingId: march.id, personId: b, status: 'absent' });
    expect(await kept(t)).toEqual(ids(march));

    // b becomes a guest: only guests are left.
    const row = (personId: string) => and(eq(attendance.tenantId, t), eq(attendance.personId, personId));
    await db.update(attendance).set({ guest: true }).where(row(b));
    expect(await kept(t)).toEqual([]);
    await db.update(attendance).set({ guest: false }).where(row(a));
    expect(await kept(t)).toEqual(ids(march));

    // a's row moved to April: March is left with the guest b.
    await db.update(attendance).set({ meetingId: april.id }).where(row(a));
    expect(await kept(t)).toEqual(ids(april));

    // Several rows in one statement, then deleted in one.
    const may = await buildMeeting(db, { tenantId: t, orgId: branch.id, heldOn: '2021-05-10', status: 'held' });
    await db.insert(attendance).values([
      { tenantId: t, meetingId: march.id, personId: a, status: 'present' },
      { tenantId: t, meetingId: may.id, personId: a, status: 'late' },
    ]);
    expect(await kept(t)).toEqual(ids(march, april, may));
    await db.delete(attendance).where(row(a));
    expect(await kept(t)).toEqual([]);
    expect(await kept(t)).toEqual(await computed(t));

    // A meeting deleted takes its attendance and its sign-in with it.
    await buildAttendance(db, { tenantId: t, meetingId: april.id, personId: a });
    expect(await kept(t)).toEqual(ids(april));
    await db.delete(meetings).where(and(eq(meetings.tenantId, t), eq(meetings.id, april.id)));
    expect(await kept(t)).toEqual([]);
    expect(await computed(t)).toEqual([]);
  });

  it('is what the record gaps read: a meeting without a sign-in list is a gap until a member is recorded', async () => {
    const { t, branch, a } = await world();
    const meeting = await buildMeeting(db, {
      tenantId: t,
      orgId: branch.id,
      heldOn: '2021-05-12',
      status: 'held',
      type: 'generalAssembly',
    });
    await db.update(meetings).set({ minutes: true }).where(eq(meetings.id, meeting.id));
    const gaps = async () =>
      (
        await loadLifeFacts(db, {
          tenantIds: [t],
          subtreePath: null,
          from: '2021-01-01',
          to: '2021-12-31',
          asOf: '2021-12-31',
        })
      ).recordGaps.filter((g) => g.id === meeting.id);
    expect(await gaps()).toEqual([expect.objectContaining({ hasMinutes: true, hasSignIn: false })]);
    await buildAttendance(db, { tenantId: t, meetingId: meeting.id, personId: a });
    expect(await gaps()).toEqual([]);
  });
});
