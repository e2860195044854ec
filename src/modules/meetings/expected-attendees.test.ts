import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMembership, buildOrg, buildPerson, type World } from '../../../test/factories.ts';
import type { TestServer } from '../../../test/server.ts';
import { meetings } from '../../db/schema.ts';
import { byMeeting, defaultAudience, expectedAttendees } from './expected-attendees.ts';
import { type Clients, electTerm, expectedIds, planMeeting, setUp } from './test-support.ts';

let server: TestServer;
let world: World;
let as: Clients;
let t: string;
let branch: Awaited<ReturnType<typeof buildOrg>>;
let group: Awaited<ReturnType<typeof buildOrg>>;
const p: Record<string, string> = {};

/**
 * A branch of collegeA1 with: a plain member, a leading cadre, a member who moved in from
 * branchA3 on 2026-06-08, a suspended member, one who left on 2026-05-01, and a group member.
 */
beforeAll(async () => {
  ({ server, world, as } = await setUp());
  t = world.uniA.tenantId;
  const db = server.db;
  branch = await buildOrg(db, { tenantId: t, parentId: world.collegeA1.id, kind: 'branch', code: 'b-x' });
  group = await buildOrg(db, { tenantId: t, parentId: branch.id, kind: 'group', code: 'g-x' });
  const person = async (key: string, props: { leadingCadre?: boolean } = {}) => {
    p[key] = (await buildPerson(db, { tenantId: t, code: `X-${key}`, name: key, ...props })).id;
    return p[key];
  };
  const member = (personId: string, props: Partial<Parameters<typeof buildMembership>[1]> = {}) =>
    buildMembership(db, { tenantId: t, personId, orgId: branch.id, ...props });
  await member(await person('plain'));
  await member(await person('cadre', { leadingCadre: true }));
  await person('mover');
  await member(p.mover, { orgId: world.branchA3.id, validTo: '2026-06-08' });
  await member(p.mover, { validFrom: '2026-06-08' });
  await member(await person('suspended'), { standing: 'suspended' });
  await member(await person('left'), { validTo: '2026-05-01' });
  await member(await person('grouped'), { groupId: group.id });
  await person('oldSeat');
  await person('deanSecretary');
  await person('deanDeputy');
});
afterAll(() => server.close());

const plan = (body: Record<string, unknown>) => planMeeting(as.orgAdminA, body);
const ids = (...keys: string[]) => keys.map((k) => p[k]).sort();

describe('audience branch', () => {
  it('expects the members in normal standing that day, leading cadres as ordinary members', async () => {
    const m = await plan({ orgId: branch.id, heldOn: '2026-06-15' });
    expect(m.meeting.audience).toBe('branch');
    expect(expectedIds(m)).toEqual(ids('plain', 'cadre', 'mover', 'grouped'));
    expect(m.expected.find((e) => e.personId === p.cadre)?.leadingCadre).toBe(true);
  });

  it('places a member who moved branches last week where they were on the day', async () => {
    const here = await plan({ orgId: branch.id, heldOn: '2026-06-08' });
    expect(expectedIds(here)).toContain(p.mover);
    const dayBefore = await plan({ orgId: branch.id, heldOn: '2026-06-07' });
    expect(expectedIds(dayBefore)).not.toContain(p.mover);
    const oldOnMoveDay = await plan({ orgId: world.branchA3.id, heldOn: '2026-06-08' });
    expect(expectedIds(oldOnMoveDay)).not.toContain(p.mover);
    const old = await plan({ orgId: world.branchA3.id, heldOn: '2026-06-01' });
    expect(expectedIds(old)).toContain(p.mover);
    const oldNow = await plan({ orgId: world.branchA3.id, heldOn: '2026-06-15' });
    expect(expectedIds(oldNow)).not.toContain(p.mover);
    expect(expectedIds(oldNow)).toContain(world.memberA3.person.id);
  });

  it('expects a member who has since left at the meetings before they left', async () => {
    const before = await plan({ orgId: branch.id, heldOn: '2026-04-30' });
    expect(expectedIds(before)).toContain(p.left);
    const after = await plan({ orgId: branch.id, heldOn: '2026-05-01' });
    expect(expectedIds(after)).not.toContain(p.left);
  });
});

describe('audience group', () => {
  it('expects only the members of the group', async () => {
    const m = await plan({ orgId: group.id, type: 'groupMeeting', heldOn: '2026-06-15' });
    expect(m.meeting.audience).toBe('group');
    expect(expectedIds(m)).toEqual(ids('grouped'));
  });
});

describe('audience committee', () => {
  it('expects the seat holders of the term current that day', async () => {
    await electTerm(server.db, {
      tenantId: t,
      orgId: branch.id,
      electedOn: '2021-01-01',
      endsOn: '2023-12-31',
      seats: [{ role: 'secretary', personId: p.oldSeat }],
    });
    await electTerm(server.db, {
      tenantId: t,
      orgId: branch.id,
      electedOn: '2024-01-01',
      endsOn: '2026-12-31',
      seats: [
        { role: 'secretary', personId: p.plain },
        { role: 'organizationMember', personId: p.cadre, validTo: '2026-03-01' },
        { role: 'propagandaMember', personId: p.suspended },
      ],
    });
    const now = await plan({ orgId: branch.id, type: 'committeeMeeting', heldOn: '2026-06-15' });
    expect(now.meeting.audience).toBe('committee');
    // The suspended member keeps the seat on paper but is not expected.
    expect(expectedIds(now)).toEqual(ids('plain'));
    const earlier = await plan({ orgId: branch.id, type: 'committeeMeeting', heldOn: '2026-02-01' });
    expect(expectedIds(earlier)).toEqual(ids('plain', 'cadre'));
    const oldTerm = await plan({ orgId: branch.id, type: 'committeeMeeting', heldOn: '2022-05-01' });
    expect(expectedIds(oldTerm)).toEqual(ids('oldSeat'));
  });
});

describe('audience leadership', () => {
  it('expects the seats of the college term at a study-group session', async () => {
    await electTerm(server.db, {
      tenantId: t,
      orgId: world.collegeA1.id,
      electedOn: '2025-01-01',
      endsOn: '2029-12-31',
      seats: [
        { role: 'secretary', personId: p.deanSecretary },
        { role: 'deputySecretary', personId: p.deanDeputy },
      ],
    });
    const m = await plan({ orgId: world.collegeA1.id, type: 'studyGroupSession', heldOn: '2026-06-15' });
    expect(m.meeting.audience).toBe('leadership');
    expect(expectedIds(m)).toEqual(ids('deanSecretary', 'deanDeputy'));
    const life = await plan({ orgId: world.collegeA1.id, type: 'leadershipLifeMeeting', heldOn: '2026-06-15' });
    expect(expectedIds(life)).toEqual(ids('deanSecretary', 'deanDeputy'));
  });
});

describe('expectedAttendees for many meetings', () => {
  it('answers for meetings of every audience in one call, imported ones without an audience too', async () => {
    const a = await plan({ orgId: branch.id, heldOn: '2026-06-15' });
    const g = await plan({ orgId: group.id, type: 'groupMeeting', heldOn: '2026-06-15' });
    const [imported] = await server.db
      .insert(meetings)
      .values({
        tenantId: t,
        code: 'imported-1',
        orgId: branch.id,
        type: 'committeeMeeting',
        heldOn: '2026-06-15',
        title: '导入的支委会',
        audience: null,
      })
      .returning();
    const rows = await expectedAttendees(server.db, {
      tenantId: t,
      meetingIds: [a.meeting.id, g.meeting.id, imported.id],
    });
    const grouped = byMeeting(rows);
    expect(
      grouped
        .get(a.meeting.id)
        ?.map((r) => r.personId)
        .sort(),
    ).toEqual(ids('plain', 'cadre', 'mover', 'grouped'));
    expect(grouped.get(g.meeting.id)?.map((r) => r.personId)).toEqual([p.grouped]);
    expect(grouped.get(imported.id)?.map((r) => r.personId)).toEqual([p.plain]);
    // Another university's id finds nothing.
    expect(await expectedAttendees(server.db, { tenantId: world.uniB.tenantId, meetingIds: [a.meeting.id] })).toEqual(
      [],
    );
    expect(await expectedAttendees(server.db, { tenantId: t, meetingIds: [] })).toEqual([]);
  });

  it('defaults audiences by type and org kind', () => {
    expect(defaultAudience('committeeMeeting', 'branch')).toBe('committee');
    expect(defaultAudience('groupMeeting', 'group')).toBe('group');
    expect(defaultAudience('themeDay', 'group')).toBe('group');
    expect(defaultAudience('groupMeeting', 'branch')).toBe('branch');
    expect(defaultAudience('studyGroupSession', 'college')).toBe('leadership');
    expect(defaultAudience('conversation', 'branch')).toBe('branch');
  });
});
