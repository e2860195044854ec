/**
 * attendance_last_days, kept by triggers (migration 0011): every kind of write that changes a
 * person's last organizational life, excused meeting or attendance updates it, and it always
 * equals `lastDays` of the member facts computed from the attendance itself.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildAttendance, buildMeeting, buildMember, buildOrg, buildUniversity } from '../../../test/factories.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Database, Db } from '../connect.ts';
import { attendance, meetings, orgs } from '../schema.ts';
import { lastDays } from './member.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

type Days = { lastLife: string | null; lastExcused: string | null; lastAttended: string | null };
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

async function kept(tenantId: string, personId: string): Promise<Days | undefined> {
  const [row] = await selectRows<Days>(
    db,
    sql`select ${day('last_life')} as "lastLife", ${day('last_excused')} as "lastExcused", ${day('last_attended')} as "lastAttended"
      from attendance_last_days where tenant_id = ${tenantId} and person_id = ${personId}`,
  );
  return row;
}

/** The days computed from attendance, as the member facts compute them for the beyond. */
async function computed(tenantId: string) {
  return selectRows<Days & { personId: string }>(
    db,
    sql`select l.person_id as "personId", ${day('l.last_life')} as "lastLife", ${day('l.last_excused')} as "lastExcused",
        ${day('l.last_attended')} as "lastAttended"
      from (${lastDays(sql`a.tenant_id = ${tenantId}`, sql`m.tenant_id = ${tenantId}`)}) l
      where l.last_life is not null or l.last_excused is not null or l.last_attended is not null order by 1`,
  );
}
async function allKept(tenantId: string) {
  return selectRows<Days & { personId: string }>(
    db,
    sql`select person_id as "personId", ${day('last_life')} as "lastLife", ${day('last_excused')} as "lastExcused",
        ${day('last_attended')} as "lastAttended"
      from attendance_last_days where tenant_id = ${tenantId}
        and (last_life is not null or last_excused is not null or last_attended is not null) order by 1`,
  );
}

async function world() {
  const u = await buildUniversity(db);
  const t = u.tenantId;
  const college = await buildOrg(db, { tenantId: t, parentId: u.rootId, kind: 'college' });
  const branch = await buildOrg(db, { tenantId: t, parentId: college.id, kind: 'branch' });
  const { person } = await buildMember(db, {
    tenantId: t,
    orgId: branch.id,
    code: `P${Date.now() % 1e6}`,
    name: '李娜',
  });
  return { t, college, branch, person };
}

describe('attendance_last_days', () => {
  it('follows attendance written, changed and deleted, and meetings held, moved or not held', async () => {
    const { t, college, branch, person } = await world();
    const p = person.id;
    expect(await kept(t, p)).toBeUndefined();

    const march = await buildMeeting(db, { tenantId: t, orgId: branch.id, heldOn: '2021-03-10', status: 'held' });
    await buildAttendance(db, { tenantId: t, meetingId: march.id, personId: p, status: 'present' });
    expect(await kept(t, p)).toEqual({ lastLife: '2021-03-10', lastExcused: null, lastAttended: '2021-03-10' });

    // An excused meeting later; a college meeting attended (attendance, not organizational life).
    const april = await buildMeeting(db, { tenantId: t, orgId: branch.id, heldOn: '2021-04-10', status: 'held' });
    await buildAttendance(db, { tenantId: t, meetingId: april.id, personId: p, status: 'leave', reason: '出差' });
    const collegeMay = await buildMeeting(db, { tenantId: t, orgId: college.id, heldOn: '2021-05-10', status: 'held' });
    await buildAttendance(db, { tenantId: t, meetingId: collegeMay.id, personId: p, status: 'late' });
    expect(await kept(t, p)).toEqual({ lastLife: '2021-03-10', lastExcused: '2021-04-10', lastAttended: '2021-05-10' });

    // A make-up recorded later changes none of the days; a status changed does.
    const at = (meetingId: string) => eq(attendance.meetingId, meetingId);
    await db.update(attendance).set({ makeupOn: '2021-04-20' }).where(at(april.id));
    expect((await kept(t, p))?.lastExcused).toBe('2021-04-10');
    await db.update(attendance).set({ status: 'present', reason: null }).where(at(april.id));
    expect(await kept(t, p)).toEqual({ lastLife: '2021-04-10', lastExcused: null, lastAttended: '2021-05-10' });

    // A check-in after midnight in Shanghai counts on that day, even when marked absent.
    const june = await buildMeeting(db, { tenantId: t, orgId: branch.id, heldOn: '2021-06-10', status: 'held' });
    await buildAttendance(db, { tenantId: t, meetingId: june.id, personId: p, status: 'absent' });
    expect((await kept(t, p))?.lastAttended).toBe('2021-05-10');
    await db
      .update(attendance)
      .set({ checkedInAt: new Date('2021-06-10T16:30:00Z') })
      .where(at(june.id));
    expect((await kept(t, p))?.lastAttended).toBe('2021-06-11');

    // A meeting moved to another day, or back to planned (not held), moves the days with it.
    await db.update(meetings).set({ heldOn: '2021-04-12' }).where(eq(meetings.id, april.id));
    expect((await kept(t, p))?.lastLife).toBe('2021-04-12');
    await db.update(meetings).set({ status: 'planned' }).where(eq(meetings.id, april.id));
    expect((await kept(t, p))?.lastLife).toBe('2021-03-10');

    // The branch's meetings stop being organizational life if it were no branch or group.
    await db.update(orgs).set({ kind: 'college' }).where(eq(orgs.id, branch.id));
    expect((await kept(t, p))?.lastLife).toBeNull();
    await db.update(orgs).set({ kind: 'branch' }).where(eq(orgs.id, branch.id));
    expect((await kept(t, p))?.lastLife).toBe('2021-03-10');

    // Deleting a meeting deletes its attendance, and the days go back.
    await db.delete(attendance).where(at(june.id));
    await db.delete(meetings).where(eq(meetings.id, collegeMay.id));
    expect(await kept(t, p)).toEqual({ lastLife: '2021-03-10', lastExcused: null, lastAttended: '2021-03-10' });
    await db.delete(attendance).where(at(march.id));
    expect(await kept(t, p)).toEqual({ lastLife: null, lastExcused: null, lastAttended: null });

    expect(await allKept(t)).toEqual(await computed(t));
  });

  it('equals the days computed from attendance after a bulk insert of many people and meetings', async () => {
    const { t, college, branch } = await world();
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        buildMember(db, { tenantId: t, orgId: branch.id, code: `B${i}-${Date.now() % 1e6}`, name: `党员${i}` }),
      ),
    );
    const held = await Promise.all(
      ['2022-01-05', '2022-02-05', '2022-03-05'].map((heldOn, i) =>
        buildMeeting(db, { tenantId: t, orgId: i === 2 ? college.id : branch.id, heldOn, status: 'held' }),
      ),
    );
    const statuses = ['present', 'late', 'leave', 'absent'] as const;
    // One statement for all rows, as an import writes them.
    await db.insert(attendance).values(
      held.flatMap((m, i) =>
        people.map(({ person }, j) => ({
          tenantId: t,
          meetingId: m.id,
          personId: person.id,
          status: statuses[(i + j) % 4],
          reason: (i + j) % 8 === 2 ? '生病' : null,
        })),
      ),
    );
    const expected = await computed(t);
    expect(expected.length).toBeGreaterThan(6);
    expect(await allKept(t)).toEqual(expected);
  });
});
