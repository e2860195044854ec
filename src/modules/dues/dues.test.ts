/** The dues API: each endpoint's success, bad input that writes nothing, and out-of-scope cases. */

import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, duesBases, duesPayments } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let secretary: Client;
let secretaryA2: Client;
let orgAdminA: Client;
let orgAdminB: Client;
let member: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2025-04-15T04:00:00Z'));
  world = await buildWorld(server.db);
  secretary = await server.signIn('secretary-a1');
  secretaryA2 = await server.signIn('secretary-a2');
  orgAdminA = await server.signIn('orgadmin-a');
  orgAdminB = await server.signIn('orgadmin-b');
  member = await server.signIn('member-a1');
});
afterAll(() => server.close());

const paymentsOf = (personId: string) =>
  server.db.select().from(duesPayments).where(eq(duesPayments.personId, personId));

describe('income bases', () => {
  it('records a base and corrects it with an audited, versioned update', async () => {
    const personId = world.memberA1.person.id;
    const res = await secretary.post('/api/v1/dues/bases', {
      personId,
      effectiveMonth: '2025-01',
      category: 'staff',
      base: 650_000,
      verifiedOn: '2025-01-08',
    });
    expect(res.statusCode).toBe(200);
    const base = res.json();
    expect(base).toMatchObject({ personId, effectiveMonth: '2025-01', base: 650_000, version: 1 });

    const stale = await secretary.patch(`/api/v1/dues/bases/${base.id}`, { version: 7, base: 700_000 });
    expect(stale.statusCode).toBe(409);
    const updated = await secretary.patch(`/api/v1/dues/bases/${base.id}`, { version: 1, base: 700_000 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ base: 700_000, version: 2 });
    const [trail] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'duesBase'), eq(auditLog.entityId, base.id), eq(auditLog.action, 'update')));
    expect(trail.before).toMatchObject({ base: 650_000 });
    expect(trail.after).toMatchObject({ base: 700_000 });
    // Back to the 6500 元 the rest of the file expects.
    await secretary.patch(`/api/v1/dues/bases/${base.id}`, { version: 2, base: 650_000 });
  });

  it('refuses a base without an effective month or with a negative amount, writing nothing', async () => {
    const personId = world.secretaryA1.person.id;
    const missing = await secretary.post('/api/v1/dues/bases', { personId, category: 'staff', base: 500_000 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.effectiveMonth']);
    const negative = await secretary.post('/api/v1/dues/bases', {
      personId,
      effectiveMonth: '2025-01',
      category: 'staff',
      base: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('body.base');
    expect(await server.db.select().from(duesBases).where(eq(duesBases.personId, personId))).toEqual([]);
  });

  it('keeps other branches and universities out', async () => {
    const body = { effectiveMonth: '2025-01', category: 'student', base: 0 };
    expect(
      (await secretary.post('/api/v1/dues/bases', { ...body, personId: world.memberA2.person.id })).statusCode,
    ).toBe(404);
    expect(
      (await orgAdminB.post('/api/v1/dues/bases', { ...body, personId: world.memberA1.person.id })).statusCode,
    ).toBe(404);
    expect(await server.db.select().from(duesBases).where(eq(duesBases.personId, world.memberA2.person.id))).toEqual(
      [],
    );
  });
});

describe('payments and the collection sheet', () => {
  it('records a month for several members and the collection rate follows', async () => {
    await secretary.post('/api/v1/dues/bases', {
      personId: world.secretaryA1.person.id,
      effectiveMonth: '2025-01',
      category: 'staff',
      base: 300_000,
    });
    const sheetUrl = `/api/v1/dues/sheet?orgId=${world.branchA1.id}&month=2025-03`;
    const before = (await secretary.get(sheetUrl)).json();
    expect(before.totals).toMatchObject({ due: 9750 + 1500, paid: 0, rate: 0, members: 2 });
    expect(before.rows.map((r: { personCode: string; due: number }) => [r.personCode, r.due])).toEqual([
      ['A0001', 9750],
      ['A0002', 1500],
    ]);

    const res = await secretary.post('/api/v1/dues/payments', {
      month: '2025-03',
      paidOn: '2025-03-12',
      method: 'transfer',
      items: [{ personId: world.memberA1.person.id, amount: 9750 }],
    });
    expect(res.statusCode).toBe(200);
    const after = (await secretary.get(sheetUrl)).json();
    expect(after.totals).toMatchObject({ paid: 9750, settledMembers: 1 });
    expect(after.totals.rate).toBeCloseTo(9750 / 11250);
    const row = after.rows.find((r: { personCode: string }) => r.personCode === 'A0001');
    expect(row).toMatchObject({ paid: 9750, payment: { amount: 9750, paidOn: '2025-03-12', method: 'transfer' } });
    // January and February unpaid: two months of arrears, the current month (April) not yet due.
    expect(row).toMatchObject({ arrearsMonths: 2, arrearsAmount: 19500, consecutiveUnpaid: 0 });
  });

  it('refuses negative amounts, a month before membership and a month already recorded, writing nothing', async () => {
    const personId = world.secretaryA1.person.id;
    const negative = await secretary.post('/api/v1/dues/payments', {
      month: '2025-02',
      paidOn: '2025-02-10',
      method: 'cash',
      items: [{ personId, amount: -100 }],
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('body.items.0.amount');
    // Admitted 2010-06-30 (the factory's default).
    const early = await secretary.post('/api/v1/dues/payments', {
      month: '2010-05',
      paidOn: '2010-05-10',
      method: 'cash',
      items: [{ personId, amount: 100 }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('body.month');
    const twice = await secretary.post('/api/v1/dues/payments', {
      month: '2025-03',
      paidOn: '2025-03-20',
      method: 'cash',
      items: [
        { personId, amount: 1500 },
        { personId: world.memberA1.person.id, amount: 9750 },
      ],
    });
    expect(twice.statusCode).toBe(409);
    const future = await secretary.post('/api/v1/dues/payments', {
      month: '2025-04',
      paidOn: '2025-04-16',
      method: 'cash',
      items: [{ personId, amount: 1500 }],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('body.paidOn');
    expect(await paymentsOf(personId)).toEqual([]);
  });

  it('a payment for someone outside the scope refuses the whole batch', async () => {
    const res = await secretary.post('/api/v1/dues/payments', {
      month: '2025-02',
      paidOn: '2025-02-10',
      method: 'cash',
      items: [
        { personId: world.secretaryA1.person.id, amount: 1500 },
        { personId: world.memberA2.person.id, amount: 20 },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(await paymentsOf(world.secretaryA1.person.id)).toEqual([]);
    expect(
      (
        await orgAdminB.post('/api/v1/dues/payments', {
          month: '2025-02',
          paidOn: '2025-02-10',
          method: 'cash',
          items: [{ personId: world.memberA1.person.id, amount: 9750 }],
        })
      ).statusCode,
    ).toBe(404);
  });

  it('corrects a paid amount (audited, versioned) and removes a payment recorded in error', async () => {
    const [payment] = await paymentsOf(world.memberA1.person.id);
    expect((await secretary.patch(`/api/v1/dues/payments/${payment.id}`, { version: 9, amount: 100 })).statusCode).toBe(
      409,
    );
    expect(
      (await secretaryA2.patch(`/api/v1/dues/payments/${payment.id}`, { version: 1, amount: 100 })).statusCode,
    ).toBe(404);
    const fixed = await secretary.patch(`/api/v1/dues/payments/${payment.id}`, { version: 1, amount: 9800 });
    expect(fixed.json()).toMatchObject({ amount: 9800, version: 2 });
    const [trail] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'duesPayment'), eq(auditLog.entityId, payment.id), eq(auditLog.action, 'update')));
    expect([trail.before, trail.after]).toMatchObject([{ amount: 9750 }, { amount: 9800 }]);

    const extra = await secretary.post('/api/v1/dues/payments', {
      month: '2025-01',
      paidOn: '2025-01-10',
      method: 'cash',
      items: [{ personId: world.secretaryA1.person.id, amount: 1500 }],
    });
    const id = extra.json().items[0].id;
    expect((await secretary.delete(`/api/v1/dues/payments/${id}?version=1`)).json()).toEqual({ deleted: true });
    expect(await paymentsOf(world.secretaryA1.person.id)).toEqual([]);
  });

  it('the sheet and its Excel export stay inside the scope', async () => {
    expect((await secretary.get(`/api/v1/dues/sheet?orgId=${world.branchA2.id}&month=2025-03`)).statusCode).toBe(404);
    expect((await orgAdminB.get(`/api/v1/dues/sheet?orgId=${world.branchA1.id}&month=2025-03`)).statusCode).toBe(404);
    const bad = await secretary.get(`/api/v1/dues/sheet?orgId=${world.branchA1.id}&month=2025-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.month');

    const xlsx = await secretary.get(`/api/v1/dues/sheet.xlsx?orgId=${world.branchA1.id}&month=2025-03`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const ws = workbook.worksheets[0];
    expect(ws.getRow(1).getCell(7).value).toBe('应缴(元)');
    expect([ws.getRow(2).getCell(1).value, ws.getRow(2).getCell(7).value, ws.getRow(2).getCell(8).value]).toEqual([
      'A0001',
      97.5,
      98,
    ]);
    expect(ws.getRow(4).getCell(1).value).toBe('合计');
  });
});

describe('statistics, a member’s own dues, reasons and returns', () => {
  it('rolls 应缴 and 实缴 up to the college and the university', async () => {
    await orgAdminA.post('/api/v1/dues/bases', {
      personId: world.memberA3.person.id,
      effectiveMonth: '2025-01',
      category: 'retired',
      base: 500_000,
    });
    await orgAdminA.post('/api/v1/dues/returns', {
      orgId: world.collegeA1.id,
      year: 2025,
      amount: 5000,
      returnedOn: '2025-03-31',
    });
    const res = await orgAdminA.get(`/api/v1/dues/stats?orgId=${world.uniA.rootId}&from=2025-03&to=2025-03`);
    expect(res.statusCode).toBe(200);
    const byCode = Object.fromEntries(res.json().rows.map((r: { code: string }) => [r.code, r]));
    expect(byCode['b-a1']).toMatchObject({ due: 11250, paid: 9800, members: 2 });
    expect(byCode['b-a3']).toMatchObject({ due: 2500, paid: 0, members: 1 });
    // memberA2 has no base: a member without an amount, nothing due.
    expect(byCode['c-a1']).toMatchObject({ due: 11250, paid: 9800, members: 3, withoutBase: 1, returned: 5000 });
    expect(byCode[world.uniA.code]).toMatchObject({ due: 13750, paid: 9800, members: 4, returned: 5000 });

    expect(
      (await secretary.get(`/api/v1/dues/stats?orgId=${world.collegeA1.id}&from=2025-03&to=2025-03`)).statusCode,
    ).toBe(404);
    expect(
      (await orgAdminB.get(`/api/v1/dues/stats?orgId=${world.uniA.rootId}&from=2025-03&to=2025-03`)).statusCode,
    ).toBe(404);
    expect(
      (await orgAdminA.get(`/api/v1/dues/stats?orgId=${world.uniA.rootId}&from=2025-04&to=2025-03`)).statusCode,
    ).toBe(400);
  });

  it('a member reads their own dues; a reason stops the run of unpaid months', async () => {
    const own = await member.get(`/api/v1/dues/people/${world.memberA1.person.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().arrears).toMatchObject({ months: ['2025-01', '2025-02'], amount: 19500, consecutiveUnpaid: 0 });
    expect((await member.get(`/api/v1/dues/people/${world.secretaryA1.person.id}`)).statusCode).toBe(404);
    expect((await secretaryA2.get(`/api/v1/dues/people/${world.memberA1.person.id}`)).statusCode).toBe(404);

    const view = async () => (await secretary.get(`/api/v1/dues/people/${world.secretaryA1.person.id}`)).json();
    expect((await view()).arrears.consecutiveUnpaid).toBe(3);
    const bad = await secretary.post('/api/v1/dues/reasons', {
      personId: world.secretaryA1.person.id,
      fromMonth: '2025-03',
      toMonth: '2025-01',
      reason: '病休',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await secretary.post('/api/v1/dues/reasons', {
      personId: world.secretaryA1.person.id,
      fromMonth: '2025-03',
      reason: '病休',
    });
    expect(ok.statusCode).toBe(200);
    expect((await view()).arrears.consecutiveUnpaid).toBe(0);
    expect(
      (
        await member.post('/api/v1/dues/reasons', {
          personId: world.memberA1.person.id,
          fromMonth: '2025-03',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the remaining endpoints: brackets, base and payment corrections out of scope, returns', () => {
  it('serves the brackets in force', async () => {
    const res = await member.get('/api/v1/dues/brackets');
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({ effectiveFrom: '2008-04', fixed: { student: 20, relief: 20 } });
    expect(res.json()[0].rated.staff[0]).toEqual({ upTo: 300000, basisPoints: 50 });
  });

  it('refuses a negative corrected base, and corrections from outside the scope', async () => {
    const [base] = await server.db.select().from(duesBases).where(eq(duesBases.personId, world.memberA1.person.id));
    const negative = await secretary.patch(`/api/v1/dues/bases/${base.id}`, { version: base.version, base: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('body.base');
    expect(
      (await secretaryA2.patch(`/api/v1/dues/bases/${base.id}`, { version: base.version, base: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await orgAdminB.patch(`/api/v1/dues/bases/${base.id}`, { version: base.version, base: 1 })).statusCode,
    ).toBe(404);
    const [unchanged] = await server.db.select().from(duesBases).where(eq(duesBases.id, base.id));
    expect(unchanged).toMatchObject({ base: base.base, version: base.version });

    const [payment] = await paymentsOf(world.memberA1.person.id);
    expect((await orgAdminB.delete(`/api/v1/dues/payments/${payment.id}?version=${payment.version}`)).statusCode).toBe(
      404,
    );
    expect((await secretary.delete(`/api/v1/dues/payments/${payment.id}?version=99`)).statusCode).toBe(409);
    expect(await paymentsOf(world.memberA1.person.id)).toHaveLength(1);
  });

  it('records dues returned only within the write scope and never a negative amount', async () => {
    const body = { orgId: world.branchA1.id, year: 2024, amount: 1000, returnedOn: '2025-01-15' };
    expect((await secretary.post('/api/v1/dues/returns', body)).statusCode).toBe(200);
    const negative = await secretary.post('/api/v1/dues/returns', { ...body, amount: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('body.amount');
    expect((await secretary.post('/api/v1/dues/returns', { ...body, orgId: world.branchA2.id })).statusCode).toBe(404);
    expect((await orgAdminB.post('/api/v1/dues/returns', body)).statusCode).toBe(404);
    expect((await member.post('/api/v1/dues/returns', body)).statusCode).toBe(404);
  });
});
