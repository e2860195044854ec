import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildMember,
  buildMembership,
  buildMemberWithLogin,
  buildPerson,
  buildWorld,
  type World,
} from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { appraisalEntries, appraisals, auditLog, parameterOverrides } from '../../db/schema.ts';
import { DEFAULT_EXCELLENT_SHARE } from './excellent-share.ts';

let server: TestServer;
let world: World;
let secretaryA1: Client;
let secretaryA2: Client;
let collegeA1: Client;
let collegeA2: Client;
let orgAdminA: Client;
let orgAdminB: Client;
let oversight: Client;
let memberA1: Client;
let stranger: Client;
/** Participants of branchA1 beyond the world's two: three members with logins and a leading cadre. */
let extra: Awaited<ReturnType<typeof buildMemberWithLogin>>[];
let extraClients: Client[];
let cadre: Awaited<ReturnType<typeof buildMemberWithLogin>>;
let cadreClient: Client;
let secretaryAsMember: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-12-10T04:00:00Z'));
  world = await buildWorld(server.db);
  const t = world.uniA.tenantId;
  const orgId = world.branchA1.id;
  extra = [];
  for (const [i, name] of ['周杰', '吴敏', '郑涛'].entries())
    extra.push(await buildMemberWithLogin(server.db, { tenantId: t, orgId, code: `AX${i}`, name, username: `ax${i}` }));
  cadre = await buildMemberWithLogin(server.db, {
    tenantId: t,
    orgId,
    code: 'AXC',
    name: '孙院长',
    leadingCadre: true,
    username: 'ax-cadre',
  });
  // Not participants: a suspended member, and one who left the branch before the start.
  const suspended = await buildPerson(server.db, { tenantId: t, code: 'AXS', name: '钱停' });
  await buildMembership(server.db, { tenantId: t, personId: suspended.id, orgId, standing: 'suspended' });
  const left = await buildPerson(server.db, { tenantId: t, code: 'AXL', name: '冯走' });
  await buildMembership(server.db, { tenantId: t, personId: left.id, orgId, validTo: '2026-03-01' });
  // The secretary signs in a second time as a plain member, to write their own self-assessment.
  await buildAccount(server.db, {
    role: 'member',
    tenantId: t,
    orgId,
    personId: world.secretaryA1.person.id,
    username: 'secretary-a1-self',
  });
  const a3 = await buildMember(server.db, { tenantId: t, orgId: world.branchA3.id, code: 'AY1', name: '褚外' });
  await buildAccount(server.db, { role: 'member', tenantId: t, personId: a3.person.id, username: 'stranger' });
  [secretaryA1, secretaryA2, collegeA1, collegeA2, orgAdminA, orgAdminB, oversight, memberA1, stranger] =
    await Promise.all(
      [
        'secretary-a1',
        'secretary-a2',
        'college-a1',
        'college-a2',
        'orgadmin-a',
        'orgadmin-b',
        'oversight',
        'member-a1',
        'stranger',
      ].map((u) => server.signIn(u)),
    );
  extraClients = await Promise.all(['ax0', 'ax1', 'ax2'].map((u) => server.signIn(u)));
  cadreClient = await server.signIn('ax-cadre');
  secretaryAsMember = await server.signIn('secretary-a1-self');
});
afterAll(() => server.close());

const countAppraisals = async () => (await server.db.select({ n: count() }).from(appraisals))[0].n;
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);
const entriesOf = (appraisalId: string) =>
  server.db.select().from(appraisalEntries).where(eq(appraisalEntries.appraisalId, appraisalId));

type Detail = {
  appraisal: { id: string; step: string; version: number; voters: number | null; peerReviewOn: string | null };
  entries: { personId: string; name: string; leadingCadre: boolean; votes: unknown; verdict: string | null }[];
  summary: { participants: number; verdicts: Record<string, number>; withoutVerdict: number };
};

describe('starting an appraisal', () => {
  it('refuses a college, a start outside the year and a day the branch did not exist, writing nothing', async () => {
    const before = await countAppraisals();
    const college = await orgAdminA.post('/api/v1/appraisals', {
      orgId: world.collegeA1.id,
      year: 2026,
      startedOn: '2026-12-01',
    });
    expect(college.statusCode).toBe(400);
    expect(fieldsOf(college)).toEqual(['body.orgId']);
    const late = await secretaryA1.post('/api/v1/appraisals', {
      orgId: world.branchA1.id,
      year: 2024,
      startedOn: '2026-12-01',
    });
    expect(late.statusCode).toBe(400);
    expect(fieldsOf(late)).toEqual(['body.startedOn']);
    const early = await secretaryA1.post('/api/v1/appraisals', {
      orgId: world.branchA1.id,
      year: 2014,
      startedOn: '2014-12-01',
    });
    expect(fieldsOf(early)).toEqual(['body.startedOn']);
    const badDate = await secretaryA1.post('/api/v1/appraisals', {
      orgId: world.branchA1.id,
      year: 2026,
      startedOn: '2026-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    expect(fieldsOf(badDate)).toEqual(['body.startedOn']);
    expect(await countAppraisals()).toBe(before);
  });

  it('is 404 for a branch outside the caller scope, and members cannot start one', async () => {
    const body = { orgId: world.branchA1.id, year: 2026, startedOn: '2026-12-01' };
    for (const client of [secretaryA2, collegeA2, orgAdminB, oversight, memberA1])
      expect((await client.post('/api/v1/appraisals', body)).statusCode).toBe(404);
    expect(await countAppraisals()).toBe(0);
  });
});

describe('an appraisal through its four steps', () => {
  let id: string;
  let version: number;
  const detail = async (client = secretaryA1) => {
    const res = await client.get(`/api/v1/appraisals/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Detail;
    version = body.appraisal.version;
    return body;
  };

  it('starts with the members in normal standing on the start date, leading cadres flagged', async () => {
    const res = await secretaryA1.post('/api/v1/appraisals', {
      orgId: world.branchA1.id,
      year: 2026,
      startedOn: '2026-12-01',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Detail;
    id = body.appraisal.id;
    version = body.appraisal.version;
    expect(body.appraisal.step).toBe('selfAssessment');
    expect(body.entries.map((e) => e.name).sort()).toEqual(['吴敏', '周杰', '孙院长', '李娜', '王强', '郑涛'].sort());
    expect(body.entries.find((e) => e.name === '孙院长')?.leadingCadre).toBe(true);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'appraisal'), eq(auditLog.entityId, id)));
    expect(audit.action).toBe('create');
  });

  it('refuses a second appraisal of the same branch and year (409)', async () => {
    const res = await secretaryA1.post('/api/v1/appraisals', {
      orgId: world.branchA1.id,
      year: 2026,
      startedOn: '2026-12-05',
    });
    expect(res.statusCode).toBe(409);
    expect(await countAppraisals()).toBe(1);
  });

  it('is listed and read in scope only', async () => {
    for (const client of [secretaryA1, collegeA1, orgAdminA, oversight]) {
      const list = await client.get(`/api/v1/appraisals?orgId=${world.branchA1.id}&year=2026`);
      expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([id]);
      expect((await client.get(`/api/v1/appraisals/${id}`)).statusCode).toBe(200);
    }
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1]) {
      expect((await client.get('/api/v1/appraisals')).json().items).toEqual([]);
      expect((await client.get(`/api/v1/appraisals/${id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/v1/appraisals/${id}/summary`)).statusCode).toBe(404);
    }
    const year = await secretaryA1.get('/api/v1/appraisals?year=abc');
    expect(year.statusCode).toBe(400);
    expect(fieldsOf(year)).toEqual(['querystring.year']);
  });

  it('does not take votes, verdicts or peer reviews before their step (409)', async () => {
    const votes = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, { version, voters: 5, tallies: [] });
    expect(votes.statusCode).toBe(409);
    const verdicts = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: extra[0].person.id, verdict: 'qualified' }],
    });
    expect(verdicts.statusCode).toBe(409);
    const peer = await secretaryA1.post(`/api/v1/appraisals/${id}/peer-reviews`, {
      version,
      personIds: [extra[0].person.id],
    });
    expect(peer.statusCode).toBe(409);
    expect((await detail()).appraisal.voters).toBeNull();
  });

  it('does not advance while self-assessments are missing (409 naming them)', async () => {
    const res = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version, on: '2026-12-08' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.missing).toHaveLength(6);
    expect((await detail()).appraisal.step).toBe('selfAssessment');
  });

  it('lets each member write only their own self-assessment; others get 404', async () => {
    const res = await memberA1.post(`/api/v1/appraisals/${id}/self-assessment`, {
      text: '一年来认真学习，按时交纳党费。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ personId: world.memberA1.person.id, selfAssessedOn: '2026-12-10' });
    // A personId in the body does not redirect the write: it lands on the signed-in member's entry.
    const redirected = await memberA1.post(`/api/v1/appraisals/${id}/self-assessment`, {
      text: '修改后的自评',
      personId: extra[0].person.id,
    });
    expect(redirected.statusCode).toBe(200);
    const rows = await entriesOf(id);
    expect(rows.find((r) => r.personId === world.memberA1.person.id)?.selfAssessment).toBe('修改后的自评');
    expect(rows.find((r) => r.personId === extra[0].person.id)?.selfAssessment).toBeNull();
    // Not a participant, or no person at all: 404.
    for (const client of [stranger, secretaryA2, orgAdminA])
      expect((await client.post(`/api/v1/appraisals/${id}/self-assessment`, { text: '代写' })).statusCode).toBe(404);
    const empty = await extraClients[0].post(`/api/v1/appraisals/${id}/self-assessment`, { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual(['body.text']);
    const staleEntry = await memberA1.post(`/api/v1/appraisals/${id}/self-assessment`, { text: '再改', version: 1 });
    expect(staleEntry.statusCode).toBe(409);
    expect((await entriesOf(id)).filter((r) => r.selfAssessment).length).toBe(1);
  });

  it('advances to peer review once everyone has assessed themself; a stale version is 409', async () => {
    for (const client of [...extraClients, cadreClient, secretaryAsMember])
      expect((await client.post(`/api/v1/appraisals/${id}/self-assessment`, { text: '自评' })).statusCode).toBe(200);
    await detail();
    const staleRes = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version: version + 7 });
    expect(staleRes.statusCode).toBe(409);
    expect(staleRes.json().error.code).toBe('STALE');
    const early = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version, on: '2026-11-30' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.on']);
    for (const client of [secretaryA2, collegeA2, orgAdminB, oversight, memberA1])
      expect((await client.post(`/api/v1/appraisals/${id}/advance`, { version })).statusCode).toBe(404);
    const res = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version, on: '2026-12-08' });
    expect(res.statusCode).toBe(200);
    expect(res.json().appraisal).toMatchObject({ step: 'peerReview', peerReviewOn: '2026-12-08' });
    // Self-assessment is over.
    expect((await memberA1.post(`/api/v1/appraisals/${id}/self-assessment`, { text: '迟交' })).statusCode).toBe(409);
  });

  it('records peer reviews of participants only', async () => {
    await detail();
    const bad = await secretaryA1.post(`/api/v1/appraisals/${id}/peer-reviews`, {
      version,
      personIds: [extra[0].person.id, world.memberA2.person.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.personIds.1']);
    expect((await entriesOf(id)).some((r) => r.peerReviewDone)).toBe(false);
    const votes = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, { version, voters: 5, tallies: [] });
    expect(votes.statusCode).toBe(409);
    const partial = await secretaryA1.post(`/api/v1/appraisals/${id}/peer-reviews`, {
      version,
      personIds: [extra[0].person.id],
    });
    expect(partial.statusCode).toBe(200);
    version = partial.json().appraisal.version;
    expect((await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version })).statusCode).toBe(409);
    const all = await secretaryA1.post(`/api/v1/appraisals/${id}/peer-reviews`, {
      version,
      personIds: (await entriesOf(id)).map((r) => r.personId),
    });
    expect(all.statusCode).toBe(200);
    version = all.json().appraisal.version;
    const next = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version, on: '2026-12-09' });
    expect(next.statusCode).toBe(200);
    expect(next.json().appraisal.step).toBe('vote');
  });

  const tally = (personId: string, excellent: number, qualified: number, basicallyQualified = 0, unqualified = 0) => ({
    personId,
    excellent,
    qualified,
    basicallyQualified,
    unqualified,
  });

  it('refuses tallies for a leading cadre, above the voters, or adding up beyond them, writing nothing', async () => {
    await detail();
    const cadreVotes = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, {
      version,
      voters: 6,
      tallies: [tally(extra[0].person.id, 2, 4), tally(cadre.person.id, 1, 5)],
    });
    expect(cadreVotes.statusCode).toBe(400);
    expect(fieldsOf(cadreVotes)).toEqual(['body.tallies.1.personId']);
    expect(cadreVotes.json().error.message).toContain('孙院长为党员领导干部，不参加民主测评');
    const tooMany = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, {
      version,
      voters: 6,
      tallies: [tally(extra[0].person.id, 7, 0)],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['body.tallies.0.excellent', 'body.tallies.0']);
    const sum = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, {
      version,
      voters: 6,
      tallies: [tally(extra[0].person.id, 3, 3, 1)],
    });
    expect(sum.statusCode).toBe(400);
    expect(fieldsOf(sum)).toEqual(['body.tallies.0']);
    expect(sum.json().error.message).toContain('得票合计 7 超过投票人数 6');
    const negative = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, {
      version,
      voters: 6,
      tallies: [tally(extra[0].person.id, -1, 3)],
    });
    expect(fieldsOf(negative)).toEqual(['body.tallies.0.excellent']);
    const rows = await entriesOf(id);
    expect(rows.every((r) => r.votesExcellent === null)).toBe(true);
    expect((await detail()).appraisal.voters).toBeNull();
  });

  it('records tallies, and advances only when every member except leading cadres has them', async () => {
    const others = (await entriesOf(id)).filter((r) => !r.leadingCadre).map((r) => r.personId);
    const first = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, {
      version,
      voters: 6,
      tallies: others.slice(0, 3).map((p) => tally(p, 3, 3)),
    });
    expect(first.statusCode).toBe(200);
    version = first.json().appraisal.version;
    const missing = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.details.missing).toHaveLength(2);
    // Correcting the voters downwards cannot leave earlier tallies above them.
    const shrink = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, { version, voters: 5, tallies: [] });
    expect(shrink.statusCode).toBe(400);
    expect(fieldsOf(shrink)).toContain('body.voters');
    const rest = await secretaryA1.post(`/api/v1/appraisals/${id}/votes`, {
      version,
      voters: 6,
      tallies: others.slice(3).map((p) => tally(p, 0, 4, 1, 1)),
    });
    expect(rest.statusCode).toBe(200);
    const body = rest.json() as Detail;
    expect(body.entries.find((e) => e.name === '孙院长')?.votes).toBeNull();
    expect(body.entries.filter((e) => e.votes).length).toBe(5);
    const next = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, {
      version: body.appraisal.version,
      on: '2026-12-10',
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().appraisal.step).toBe('verdict');
  });

  it('requires a reason and a follow-up for unqualified, and limits excellent verdicts', async () => {
    await detail();
    const [a, b, c] = extra.map((e) => e.person.id);
    const noFollowUp = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: a, verdict: 'unqualified', reason: '长期不参加组织生活' }],
    });
    expect(noFollowUp.statusCode).toBe(400);
    expect(fieldsOf(noFollowUp)).toEqual(['body.verdicts.0.followUp']);
    const noReason = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: a, verdict: 'unqualified', followUp: 'rectifyWithinDeadline' }],
    });
    expect(fieldsOf(noReason)).toEqual(['body.verdicts.0.reason']);
    const strayFollowUp = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: a, verdict: 'qualified', followUp: 'removal' }],
    });
    expect(fieldsOf(strayFollowUp)).toEqual(['body.verdicts.0.followUp']);
    const badGrade = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: a, verdict: 'good' }],
    });
    expect(fieldsOf(badGrade)).toEqual(['body.verdicts.0.verdict']);
    // 6 participants × 20% → at most 1 excellent.
    expect(DEFAULT_EXCELLENT_SHARE).toBe(0.2);
    const tooManyExcellent = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [
        { personId: a, verdict: 'excellent' },
        { personId: b, verdict: 'excellent' },
      ],
    });
    expect(tooManyExcellent.statusCode).toBe(400);
    expect(fieldsOf(tooManyExcellent)).toEqual(['body.verdicts']);
    expect(tooManyExcellent.json().error.message).toContain('评定优秀 2 人，超过参评党员 6 人的 20%（至多 1 人）');
    expect((await entriesOf(id)).every((r) => r.verdict === null)).toBe(true);
    for (const client of [secretaryA2, collegeA2, orgAdminB, oversight])
      expect(
        (
          await client.post(`/api/v1/appraisals/${id}/verdicts`, {
            version,
            verdicts: [{ personId: a, verdict: 'qualified' }],
          })
        ).statusCode,
      ).toBe(404);

    const ok = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [
        { personId: a, verdict: 'excellent' },
        { personId: b, verdict: 'basicallyQualified' },
        { personId: c, verdict: 'unqualified', reason: '长期不参加组织生活', followUp: 'rectifyWithinDeadline' },
        { personId: world.memberA1.person.id, verdict: 'qualified' },
        { personId: world.secretaryA1.person.id, verdict: 'qualified' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    version = ok.json().appraisal.version;
    // Changing another verdict to excellent later still counts the stored one.
    const second = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: cadre.person.id, verdict: 'excellent' }],
    });
    expect(second.statusCode).toBe(400);
    const missing = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, { version });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.details.missing).toEqual([{ personId: cadre.person.id, name: '孙院长' }]);
  });

  it('closes with the verdict of every participant and summarizes the grades', async () => {
    const last = await secretaryA1.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: cadre.person.id, verdict: 'qualified' }],
    });
    expect(last.statusCode).toBe(200);
    const closed = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, {
      version: last.json().appraisal.version,
      on: '2026-12-10',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().appraisal.step).toBe('closed');
    const again = await secretaryA1.post(`/api/v1/appraisals/${id}/advance`, {
      version: closed.json().appraisal.version,
    });
    expect(again.statusCode).toBe(409);
    const summary = await collegeA1.get(`/api/v1/appraisals/${id}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      step: 'closed',
      voters: 6,
      participants: 6,
      leadingCadres: 1,
      votedOn: 5,
      toBeVotedOn: 5,
      verdicts: { excellent: 1, qualified: 3, basicallyQualified: 1, unqualified: 1 },
      withoutVerdict: 0,
    });
    const unqualified = (await entriesOf(id)).find((r) => r.verdict === 'unqualified');
    expect(unqualified).toMatchObject({ followUp: 'rectifyWithinDeadline', verdictReason: '长期不参加组织生活' });
    const actions = await server.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['create', 'advance', 'peerReview', 'vote', 'verdict']),
    );
  });

  it('shows a member their own appraisals and, once closed, their verdict', async () => {
    const mine = await memberA1.get('/api/v1/appraisals/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id, year: 2026, step: 'closed', verdict: 'qualified', selfAssessment: '修改后的自评' }),
    ]);
    expect((await stranger.get('/api/v1/appraisals/mine')).json().items).toEqual([]);
  });
});

describe('the excellent share', () => {
  it('follows a LIFE-08 parameter override of the university', async () => {
    const t = world.uniA.tenantId;
    const orgId = world.branchA2.id;
    // branchA2 has one member; with a share of 1 that member may be excellent.
    const [override] = await server.db
      .insert(parameterOverrides)
      .values({ tenantId: t, rule: 'LIFE-08', orgId: world.collegeA1.id, values: { excellentShare: 1 } })
      .returning();
    const created = await orgAdminA.post('/api/v1/appraisals', { orgId, year: 2026, startedOn: '2026-12-01' });
    expect(created.statusCode).toBe(200);
    const id = created.json().appraisal.id as string;
    await server.db.update(appraisals).set({ step: 'verdict' }).where(eq(appraisals.id, id));
    const version = created.json().appraisal.version as number;
    const res = await orgAdminA.post(`/api/v1/appraisals/${id}/verdicts`, {
      version,
      verdicts: [{ personId: world.memberA2.person.id, verdict: 'excellent' }],
    });
    expect(res.statusCode).toBe(200);
    await server.db.delete(parameterOverrides).where(eq(parameterOverrides.id, override.id));
    const without = await orgAdminA.post(`/api/v1/appraisals/${id}/verdicts`, {
      version: version + 1,
      verdicts: [{ personId: world.memberA2.person.id, verdict: 'excellent' }],
    });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.message).toContain('至多 0 人');
  });
});
