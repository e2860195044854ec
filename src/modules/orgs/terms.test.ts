import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildPerson, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, positions, terms } from '../../db/schema.ts';
import { daysBetween, vacantRoles } from './present-terms.ts';
import type { TermView } from './schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let oversight: Client;

// Today is 2026-06-15 in Shanghai (already the 15th there at 02:00 UTC).
beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-06-14T20:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2, oversight] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1', 'secretary-a2', 'oversight'].map((u) =>
      server.signIn(u),
    ),
  );
});
afterAll(() => server.close());

const countTerms = async () => (await server.db.select({ n: count() }).from(terms))[0].n;
const countPositions = async () => (await server.db.select({ n: count() }).from(positions))[0].n;
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

let seq = 0;
const freshBranch = (parentId = world.collegeA1.id) =>
  buildOrg(server.db, {
    tenantId: world.uniA.tenantId,
    parentId,
    kind: 'branch',
    code: `tb-${++seq}`,
    validFrom: '2018-01-01',
  });
const person = (name = '周杰') => buildPerson(server.db, { tenantId: world.uniA.tenantId, code: `TP${++seq}`, name });

describe('term arithmetic', () => {
  it('counts days left, negative when overdue', () => {
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2026-06-15', '2026-09-13')).toBe(90);
    expect(daysBetween('2026-06-15', '2026-06-01')).toBe(-14);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('finds a role vacant when its last holder has left and nobody holds it', () => {
    const seat = (role: string, validFrom: string, validTo: string | null) => ({
      id: `${role}${validFrom}`,
      version: 1,
      role,
      personId: 'p',
      personName: 'n',
      personCode: 'c',
      validFrom,
      validTo,
      dualLeader: false,
    });
    const seats = [
      seat('secretary', '2024-01-01', '2026-03-01'),
      seat('deputySecretary', '2024-01-01', '2025-01-01'),
      seat('deputySecretary', '2025-01-01', null),
      seat('organizationMember', '2024-01-01', '2026-07-01'),
    ];
    expect(vacantRoles(seats, '2026-06-15')).toEqual(['secretary']);
    expect(vacantRoles(seats, '2026-07-01')).toEqual(['secretary', 'organizationMember']);
  });
});

describe('POST /orgs/:id/terms', () => {
  it('records a term with its seats, counting down to its end, and audits it', async () => {
    const branch = await freshBranch();
    const [a, b] = [await person('吴磊'), await person('郑洁')];
    const res = await collegeA1.post(`/api/v1/orgs/${branch.id}/terms`, {
      electedOn: '2023-09-10',
      endsOn: '2026-09-09',
      positions: [
        { role: 'secretary', personId: a.id, validFrom: '2023-09-10', dualLeader: true },
        { role: 'organizationMember', personId: b.id, validFrom: '2023-09-10' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const term = res.json() as TermView;
    expect(term).toMatchObject({ orgId: branch.id, electedOn: '2023-09-10', endsOn: '2026-09-09', daysLeft: 86 });
    expect(term.vacantRoles).toEqual([]);
    expect(term.positions).toMatchObject([
      { role: 'secretary', personName: '吴磊', personCode: a.code, dualLeader: true, validTo: null, version: 1 },
      { role: 'organizationMember', personName: '郑洁', dualLeader: false },
    ]);
    const [audit] = await server.db.select().from(auditLog).where(eq(auditLog.entityId, term.id));
    expect(audit).toMatchObject({ entity: 'term', action: 'create', orgPath: branch.path });
    const detail = (await collegeA1.get(`/api/v1/orgs/${branch.id}`)).json();
    expect(detail.currentTerm).toMatchObject({ id: term.id, daysLeft: 86 });
  });

  it('lets a group have its leader', async () => {
    const leader = await person();
    const res = await secretaryA1.post(`/api/v1/orgs/${world.groupA1.id}/terms`, {
      electedOn: '2024-03-01',
      endsOn: '2027-02-28',
      positions: [{ role: 'groupLeader', personId: leader.id, validFrom: '2024-03-01' }],
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses bad dates, two secretaries, strangers and misplaced roles, writing nothing', async () => {
    const branch = await freshBranch();
    const [a, b] = [await person(), await person()];
    const foreigner = await buildPerson(server.db, { tenantId: world.uniB.tenantId, code: `FB${seq}` });
    const before = [await countTerms(), await countPositions()];
    const post = (body: Record<string, unknown>) =>
      orgAdminA.post(`/api/v1/orgs/${branch.id}/terms`, { electedOn: '2023-09-10', endsOn: '2026-09-09', ...body });
    expect(fieldsOf(await post({ endsOn: '2023-09-10' }))).toEqual(['body.endsOn']);
    expect(
      fieldsOf(
        await post({
          positions: [
            { role: 'secretary', personId: a.id, validFrom: '2023-09-10' },
            { role: 'secretary', personId: b.id, validFrom: '2023-09-10' },
          ],
        }),
      ),
    ).toEqual(['body.positions']);
    expect(
      fieldsOf(await post({ positions: [{ role: 'secretary', personId: foreigner.id, validFrom: '2023-09-10' }] })),
    ).toEqual(['body.positions.0.personId']);
    expect(
      fieldsOf(await post({ positions: [{ role: 'groupLeader', personId: a.id, validFrom: '2023-09-10' }] })),
    ).toEqual(['body.positions.0.role']);
    expect(
      fieldsOf(await post({ positions: [{ role: 'secretary', personId: a.id, validFrom: '2023-01-01' }] })),
    ).toEqual(['body.positions.0.validFrom']);
    expect(
      fieldsOf(await post({ positions: [{ role: 'chairman', personId: a.id, validFrom: '2023-09-10' }] })),
    ).toEqual(['body.positions.0.role']);
    expect([await countTerms(), await countPositions()]).toEqual(before);
  });

  it('refuses a term for a dissolved org with 409', async () => {
    const branch = await freshBranch();
    await orgAdminA.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 1, effectiveOn: '2025-01-01' });
    const before = await countTerms();
    const res = await orgAdminA.post(`/api/v1/orgs/${branch.id}/terms`, {
      electedOn: '2025-03-01',
      endsOn: '2028-02-28',
      positions: [],
    });
    expect(res.statusCode).toBe(409);
    expect(await countTerms()).toBe(before);
  });

  it('is a 404 outside the caller’s write scope', async () => {
    const before = await countTerms();
    for (const c of [secretaryA2, collegeA2, orgAdminB, oversight]) {
      const res = await c.post(`/api/v1/orgs/${world.branchA1.id}/terms`, {
        electedOn: '2023-09-10',
        endsOn: '2026-09-09',
        positions: [],
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await countTerms()).toBe(before);
  });
});

describe('GET /orgs/:id/terms', () => {
  it('lists the terms newest first with vacant roles', async () => {
    const branch = await freshBranch();
    const [a, b] = [await person(), await person()];
    await orgAdminA.post(`/api/v1/orgs/${branch.id}/terms`, {
      electedOn: '2020-01-10',
      endsOn: '2023-01-09',
      positions: [{ role: 'secretary', personId: a.id, validFrom: '2020-01-10' }],
    });
    const current = (
      await orgAdminA.post(`/api/v1/orgs/${branch.id}/terms`, {
        electedOn: '2023-01-10',
        endsOn: '2026-01-09',
        positions: [
          { role: 'secretary', personId: a.id, validFrom: '2023-01-10' },
          { role: 'propagandaMember', personId: b.id, validFrom: '2023-01-10' },
        ],
      })
    ).json() as TermView;
    const seat = current.positions.find((p) => p.role === 'propagandaMember');
    await orgAdminA.patch(`/api/v1/positions/${seat?.id}`, { version: 1, validTo: '2026-01-01' });
    const res = await collegeA1.get(`/api/v1/orgs/${branch.id}/terms`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as TermView[];
    expect(items.map((t) => t.electedOn)).toEqual(['2023-01-10', '2020-01-10']);
    expect(items[0]).toMatchObject({ daysLeft: -157, vacantRoles: ['propagandaMember'] });
  });

  it('is a 404 outside the caller’s scope and names a bad id', async () => {
    for (const c of [secretaryA2, collegeA2, orgAdminB])
      expect((await c.get(`/api/v1/orgs/${world.branchA1.id}/terms`)).statusCode).toBe(404);
    expect(fieldsOf(await orgAdminA.get('/api/v1/orgs/x/terms'))).toEqual(['params.id']);
  });
});

describe('PATCH /terms/:id', () => {
  const newTerm = async () => {
    const branch = await freshBranch();
    const a = await person();
    return (
      await orgAdminA.post(`/api/v1/orgs/${branch.id}/terms`, {
        electedOn: '2024-01-10',
        endsOn: '2027-01-09',
        positions: [{ role: 'secretary', personId: a.id, validFrom: '2024-01-10' }],
      })
    ).json() as TermView;
  };

  it('corrects the dates of a term', async () => {
    const term = await newTerm();
    const res = await collegeA1.patch(`/api/v1/terms/${term.id}`, { version: 1, endsOn: '2026-07-15' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ endsOn: '2026-07-15', daysLeft: 30, version: 2 });
  });

  it('refuses an end before the election, an election after a seat began, a stale version', async () => {
    const term = await newTerm();
    expect(fieldsOf(await orgAdminA.patch(`/api/v1/terms/${term.id}`, { version: 1, endsOn: '2023-01-01' }))).toEqual([
      'body.endsOn',
    ]);
    expect(
      fieldsOf(await orgAdminA.patch(`/api/v1/terms/${term.id}`, { version: 1, electedOn: '2024-02-01' })),
    ).toEqual(['body.electedOn']);
    expect((await orgAdminA.patch(`/api/v1/terms/${term.id}`, { version: 5, endsOn: '2027-02-01' })).statusCode).toBe(
      409,
    );
    const [row] = await server.db.select().from(terms).where(eq(terms.id, term.id));
    expect(row).toMatchObject({ electedOn: '2024-01-10', endsOn: '2027-01-09', version: 1 });
  });

  it('is a 404 outside the caller’s write scope', async () => {
    const term = await newTerm();
    for (const c of [secretaryA2, collegeA2, orgAdminB, oversight])
      expect((await c.patch(`/api/v1/terms/${term.id}`, { version: 1, endsOn: '2027-02-01' })).statusCode).toBe(404);
    const [row] = await server.db.select().from(terms).where(eq(terms.id, term.id));
    expect(row.version).toBe(1);
  });
});

describe('POST /terms/:id/positions and PATCH /positions/:id', () => {
  const termWithSecretary = async () => {
    const branch = await freshBranch();
    const a = await person('冯刚');
    return (
      await orgAdminA.post(`/api/v1/orgs/${branch.id}/terms`, {
        electedOn: '2024-01-10',
        endsOn: '2027-01-09',
        positions: [{ role: 'secretary', personId: a.id, validFrom: '2024-01-10' }],
      })
    ).json() as TermView;
  };

  it('replaces a secretary: the old one leaves, the seat is vacant, the new one takes it', async () => {
    const term = await termWithSecretary();
    const old = term.positions[0];
    const second = await person('褚红');
    const refused = await collegeA1.post(`/api/v1/terms/${term.id}/positions`, {
      role: 'secretary',
      personId: second.id,
      validFrom: '2026-05-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.role']);
    const left = await collegeA1.patch(`/api/v1/positions/${old.id}`, { version: 1, validTo: '2026-04-30' });
    expect(left.statusCode).toBe(200);
    expect(left.json().vacantRoles).toEqual(['secretary']);
    const filled = await collegeA1.post(`/api/v1/terms/${term.id}/positions`, {
      role: 'secretary',
      personId: second.id,
      validFrom: '2026-05-01',
      dualLeader: true,
    });
    expect(filled.statusCode).toBe(200);
    expect(filled.json().vacantRoles).toEqual([]);
    expect(filled.json().positions.map((p: { personName: string }) => p.personName)).toEqual(['冯刚', '褚红']);
    const reopen = await collegeA1.patch(`/api/v1/positions/${old.id}`, { version: 2, validTo: null });
    expect(fieldsOf(reopen)).toEqual(['body.validTo']);
    const audits = await server.db.select().from(auditLog).where(eq(auditLog.entity, 'position'));
    expect(audits.some((a) => a.entityId === old.id && a.action === 'update')).toBe(true);
  });

  it('refuses bad seats and a stale version, writing nothing', async () => {
    const term = await termWithSecretary();
    const before = await countPositions();
    const foreigner = await buildPerson(server.db, { tenantId: world.uniB.tenantId, code: `FX${++seq}` });
    const add = (body: Record<string, unknown>) =>
      orgAdminA.post(`/api/v1/terms/${term.id}/positions`, { role: 'member', validFrom: '2024-02-01', ...body });
    expect(fieldsOf(await add({ personId: foreigner.id }))).toEqual(['body.personId']);
    expect(fieldsOf(await add({ personId: term.positions[0].personId, validFrom: '2023-01-01' }))).toEqual([
      'body.validFrom',
    ]);
    expect(fieldsOf(await add({ personId: 'nobody' }))).toEqual(['body.personId']);
    expect(await countPositions()).toBe(before);
    const seat = term.positions[0];
    expect(
      fieldsOf(await orgAdminA.patch(`/api/v1/positions/${seat.id}`, { version: 1, validTo: '2024-01-10' })),
    ).toEqual(['body.validTo']);
    expect((await orgAdminA.patch(`/api/v1/positions/${seat.id}`, { version: 3, dualLeader: true })).statusCode).toBe(
      409,
    );
    const [row] = await server.db.select().from(positions).where(eq(positions.id, seat.id));
    expect(row).toMatchObject({ validTo: null, dualLeader: false, version: 1 });
  });

  it('is a 404 outside the caller’s write scope', async () => {
    const term = await termWithSecretary();
    const someone = await person();
    const before = await countPositions();
    for (const c of [secretaryA2, collegeA2, orgAdminB, oversight]) {
      const add = await c.post(`/api/v1/terms/${term.id}/positions`, {
        role: 'member',
        personId: someone.id,
        validFrom: '2024-02-01',
      });
      expect(add.statusCode).toBe(404);
      const change = await c.patch(`/api/v1/positions/${term.positions[0].id}`, { version: 1, dualLeader: true });
      expect(change.statusCode).toBe(404);
    }
    expect(await countPositions()).toBe(before);
  });
});

describe('GET /terms/expiring', () => {
  it('lists the latest terms ending within the window or overdue, in the caller’s scope', async () => {
    const soon = await freshBranch();
    const overdue = await freshBranch(world.collegeA2.id);
    const later = await freshBranch();
    const replaced = await freshBranch();
    const term = (orgId: string, electedOn: string, endsOn: string) =>
      orgAdminA.post(`/api/v1/orgs/${orgId}/terms`, { electedOn, endsOn, positions: [] });
    await term(soon.id, '2023-08-01', '2026-07-31');
    await term(overdue.id, '2022-03-01', '2025-02-28');
    await term(later.id, '2025-09-01', '2028-08-31');
    await term(replaced.id, '2020-01-01', '2022-12-31');
    await term(replaced.id, '2023-01-01', '2025-12-31');
    await term(replaced.id, '2026-01-01', '2028-12-31');
    // Other tests leave terms of their own; only these four branches are looked at.
    const ours = [soon.id, overdue.id, later.id, replaced.id];
    const orgIds = (res: { json(): { items: TermView[] } }) =>
      res
        .json()
        .items.map((t) => t.orgId)
        .filter((id) => ours.includes(id));
    const all = await orgAdminA.get('/api/v1/terms/expiring?withinDays=90');
    expect(all.statusCode).toBe(200);
    expect(orgIds(all)).toEqual([overdue.id, soon.id]);
    const mine = all.json().items.filter((t: TermView) => ours.includes(t.orgId));
    expect(mine.map((t: TermView) => [t.orgId, t.daysLeft])).toEqual([
      [overdue.id, -472],
      [soon.id, 46],
    ]);
    expect(orgIds(await orgAdminA.get('/api/v1/terms/expiring?withinDays=10'))).not.toContain(soon.id);
    expect(orgIds(await collegeA1.get('/api/v1/terms/expiring'))).toEqual([soon.id]);
    expect(orgIds(await collegeA2.get('/api/v1/terms/expiring'))).toEqual([overdue.id]);
    expect(orgIds(await secretaryA2.get('/api/v1/terms/expiring'))).toEqual([]);
    expect(orgIds(await orgAdminB.get('/api/v1/terms/expiring'))).toEqual([]);
  });

  it('names a bad window', async () => {
    const res = await orgAdminA.get('/api/v1/terms/expiring?withinDays=-1');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['querystring.withinDays']);
  });
});
