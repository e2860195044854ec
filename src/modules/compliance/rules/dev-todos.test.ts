/**
 * A development deadline on the way to the people who must act: the DEV-02 warning of a branch's
 * applicant, stored by an evaluation, is a to-do of the branch's secretary and of the college's
 * organizer, and of nobody outside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../../test/compliance.ts';
import { buildPerson, buildWorld, type World } from '../../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../../test/server.ts';
import { devCases, devEvents } from '../../../db/schema.ts';

let server: TestServer;
let w: World;
beforeAll(async () => {
  server = await createTestServer();
  w = await buildWorld(server.db);
});
afterAll(() => server.close());

describe('DEV deadlines as to-dos', () => {
  it('the talk due within a month is on the secretary’s and the college’s lists a week before', async () => {
    const db = server.db;
    const t = w.uniA.tenantId;
    const person = await buildPerson(db, { tenantId: t, code: 'S9001', name: '冯远', personCategory: 'student' });
    const [row] = await db
      .insert(devCases)
      .values({ tenantId: t, personId: person.id, orgId: w.branchA1.id, stage: 'applicant' })
      .returning();
    await db
      .insert(devEvents)
      .values({ tenantId: t, caseId: row.id, step: 'application', on: '2022-03-01', recordedByName: 'test' });
    const found = await findingsFor(db, { tenantId: t, asOf: '2022-03-26', rules: ['DEV-02'], store: true });
    expect(found.map((f) => [f.severity, f.org, f.member])).toEqual([['warning', w.branchA1.code, 'S9001']]);

    const todos = async (account: keyof World['accounts']) =>
      (
        (await (await server.signIn(w.accounts[account].username)).get('/api/v1/compliance/todos')).json().items as {
          rule: string;
          severity: string;
          title: string;
        }[]
      ).filter((i) => i.rule === 'DEV-02');
    const expected = [
      {
        rule: 'DEV-02',
        severity: 'warning',
        title: '入党申请人冯远于2022-03-01递交入党申请书，尚未谈话，须于2022-03-31前谈话（还剩6天）',
      },
    ];
    expect((await todos('secretaryA1')).map(({ rule, severity, title }) => ({ rule, severity, title }))).toEqual(
      expected,
    );
    expect((await todos('collegeAdminA1')).map(({ rule, severity, title }) => ({ rule, severity, title }))).toEqual(
      expected,
    );
    expect(await todos('orgAdminB')).toEqual([]);
  });
});
