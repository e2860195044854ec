import { createHmac } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type World } from '../../../test/factories.ts';
import type { Client, TestServer } from '../../../test/server.ts';
import { attendance, auditLog, settings } from '../../db/schema.ts';
import { isLate } from './check-in.ts';
import { type Clients, fieldsOf, NOW, planMeeting, setUp } from './test-support.ts';

let server: TestServer;
let world: World;
let as: Clients;
let memberA3: Client;

beforeAll(async () => {
  ({ server, world, as } = await setUp());
  await buildAccount(server.db, {
    role: 'member',
    tenantId: world.uniA.tenantId,
    orgId: world.branchA3.id,
    personId: world.memberA3.person.id,
    username: 'member-a3',
  });
  memberA3 = await server.signIn('member-a3');
});
afterAll(() => server.close());
afterEach(() => server.setNow(NOW));

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function tokenFor(body: Record<string, unknown>) {
  const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-15', ...body });
  const res = await as.secretaryA1.get(`/api/v1/meetings/${m.meeting.id}/checkin-token`);
  expect(res.statusCode).toBe(200);
  return {
    meeting: m.meeting,
    ...(res.json() as { token: string; url: string; expiresAt: string; qrDataUrl: string }),
  };
}

const attendanceRows = async (meetingId: string) =>
  server.db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
const checkinAudits = async () =>
  (await server.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'checkin')))[0].n;

describe('GET /meetings/:id/checkin-token', () => {
  it('signs a token valid for four hours with a QR image of the check-in link', async () => {
    const t = await tokenFor({ startTime: '10:05' });
    expect(t.expiresAt).toBe('2026-06-15T06:00:00.000Z');
    expect(t.url).toMatch(/\/checkin\?t=/);
    expect(decodeURIComponent(t.url.split('t=')[1])).toBe(t.token);
    expect(t.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // The secret was generated once and stored, so every app server signs alike.
    const [secret] = await server.db.select().from(settings).where(eq(settings.key, 'checkinSecret'));
    const [payload, signature] = t.token.split('.');
    if (!process.env.ZHIBU_SECRET)
      expect(createHmac('sha256', secret.value).update(payload).digest('base64url')).toBe(signature);
  });

  it('signs with ZHIBU_SECRET when it is set', async () => {
    const previous = process.env.ZHIBU_SECRET;
    process.env.ZHIBU_SECRET = 'a-secret-shared-by-every-server';
    try {
      const t = await tokenFor({});
      const [payload, signature] = t.token.split('.');
      expect(createHmac('sha256', 'a-secret-shared-by-every-server').update(payload).digest('base64url')).toBe(
        signature,
      );
      expect((await as.memberA1.post('/api/v1/checkin', { token: t.token })).statusCode).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.ZHIBU_SECRET;
      else process.env.ZHIBU_SECRET = previous;
    }
  });

  it('is 404 outside the write scope', async () => {
    const m = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-15' });
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.memberA1, as.oversight])
      expect((await client.get(`/api/v1/meetings/${m.meeting.id}/checkin-token`)).statusCode).toBe(404);
  });
});

describe('POST /checkin', () => {
  it('checks an expected member in once: present, then the same answer without a second row', async () => {
    const t = await tokenFor({ startTime: '10:05' });
    const first = await as.memberA1.post('/api/v1/checkin', { token: t.token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ meetingId: t.meeting.id, title: t.meeting.title, status: 'present' });
    expect(first.json().alreadyCheckedIn).toBe(false);
    const audits = await checkinAudits();
    server.setNow(minutes(30));
    const again = await as.memberA1.post('/api/v1/checkin', { token: t.token, meetingId: t.meeting.id });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'present', alreadyCheckedIn: true, checkedInAt: NOW.toISOString() });
    expect(await attendanceRows(t.meeting.id)).toHaveLength(1);
    expect(await checkinAudits()).toBe(audits);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin'), eq(auditLog.entityId, `${t.meeting.id}/${world.memberA1.person.id}`)));
    expect(audit).toMatchObject({ entity: 'attendance', orgPath: world.branchA1.path });
    const detail = (await as.secretaryA1.get(`/api/v1/meetings/${t.meeting.id}`)).json();
    expect(detail.counts).toMatchObject({ present: 1 });
  });

  it('marks a check-in more than ten minutes after the start late', async () => {
    const t = await tokenFor({ startTime: '09:49' });
    const res = await as.memberA1.post('/api/v1/checkin', { token: t.token });
    expect(res.json().status).toBe('late');
    const onTime = await tokenFor({ startTime: '09:50' });
    expect((await as.memberA1.post('/api/v1/checkin', { token: onTime.token })).json().status).toBe('present');
    expect(isLate(null, NOW)).toBe(false);
  });

  it('refuses an expired token', async () => {
    const t = await tokenFor({});
    server.setNow(minutes(4 * 60 + 1));
    const res = await as.memberA1.post('/api/v1/checkin', { token: t.token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('TOKEN_EXPIRED');
    expect(res.json().error.message).toContain('过期');
    expect(await attendanceRows(t.meeting.id)).toEqual([]);
  });

  it('refuses a forged or altered token', async () => {
    const t = await tokenFor({});
    const other = await tokenFor({});
    const [payload, signature] = t.token.split('.');
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const swapped = `${other.token.split('.')[0]}.${signature}`;
    for (const token of [flipped, swapped, 'garbage', `${payload}.`, `${t.token}.x`]) {
      const res = await as.memberA1.post('/api/v1/checkin', { token });
      expect(res.statusCode, token).toBe(400);
      expect(res.json().error.code).toBe('TOKEN_FORGED');
    }
    expect(await attendanceRows(t.meeting.id)).toEqual([]);
    expect(await attendanceRows(other.meeting.id)).toEqual([]);
    expect(fieldsOf(await as.memberA1.post('/api/v1/checkin', {}))).toEqual(['body.token']);
  });

  it('refuses a person who is not an expected attendee (NOT_ATTENDEE), writing nothing', async () => {
    const t = await tokenFor({});
    const audits = await checkinAudits();
    const res = await memberA3.post('/api/v1/checkin', { token: t.token });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('NOT_ATTENDEE');
    expect(res.json().error.message).toContain('应到人员');
    const noPerson = await as.collegeA1.post('/api/v1/checkin', { token: t.token });
    expect(noPerson.json().error.code).toBe('NOT_ATTENDEE');
    expect(await attendanceRows(t.meeting.id)).toEqual([]);
    expect(await checkinAudits()).toBe(audits);
  });

  it('refuses a token of another meeting, another university or another day', async () => {
    const t = await tokenFor({});
    const other = await planMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-15' });
    const wrong = await as.memberA1.post('/api/v1/checkin', { token: t.token, meetingId: other.meeting.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('WRONG_MEETING');
    const foreign = await as.orgAdminB.post('/api/v1/checkin', { token: t.token });
    expect(foreign.json().error.code).toBe('WRONG_MEETING');
    const tomorrow = await tokenFor({ heldOn: '2026-06-16' });
    const early = await as.memberA1.post('/api/v1/checkin', { token: tomorrow.token });
    expect(early.json().error.code).toBe('NOT_MEETING_DAY');
    expect(await attendanceRows(t.meeting.id)).toEqual([]);
  });

  it('needs a signed-in member', async () => {
    const t = await tokenFor({});
    expect((await server.anonymous.post('/api/v1/checkin', { token: t.token })).statusCode).toBe(401);
  });
});
