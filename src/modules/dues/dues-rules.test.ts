/** DUES-01 … DUES-04 on real records through the engine: each passing and failing, with its message. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMember, buildMembership, buildOrg, buildPerson, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { buildDuesBase, buildDuesPayments, buildDuesReason, buildDuesReturn } from './test-support.ts';

let database: Database;
let tenantId: string;
let branchCode: string;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function freshBranch() {
  const db = database.db;
  const uni = await buildUniversity(db);
  tenantId = uni.tenantId;
  const college = await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college' });
  const branch = await buildOrg(db, { tenantId, parentId: college.id, kind: 'branch' });
  branchCode = branch.code;
  return { uni, college, branch };
}

/** A member with a staff base of 6500 元 (97.50 元 a month) from 2015. */
async function staffMember(orgId: string, code: string, name: string) {
  const m = await buildMember(database.db, { tenantId, orgId, code, name });
  await buildDuesBase(database.db, { tenantId, personId: m.person.id, effectiveMonth: '2015-01', base: 650_000 });
  return m.person;
}

const run = async (rules: string[], range: { asOf: string; from?: string; to?: string }) =>
  (await findingsFor(database.db, { tenantId, rules, ...range })).sort(
    (a, b) => (a.member ?? '').localeCompare(b.member ?? '') || (a.period ?? '').localeCompare(b.period ?? ''),
  );

describe('DUES-01 dues follow the brackets for a base verified every year', () => {
  it('passes a base set or verified in the year, fails a stale base and a member without one', async () => {
    const db = database.db;
    const { branch } = await freshBranch();
    const verified = await staffMember(branch.id, 'V1', '王芳');
    await buildDuesBase(db, { tenantId, personId: verified.id, effectiveMonth: '2024-01', base: 700_000 });
    const reverified = await buildMember(db, { tenantId, orgId: branch.id, code: 'V2', name: '李强' });
    await buildDuesBase(db, {
      tenantId,
      personId: reverified.person.id,
      effectiveMonth: '2020-01',
      verifiedOn: '2024-02-01',
    });
    await staffMember(branch.id, 'V3', '赵磊'); // base from 2015, never re-verified
    await buildMember(db, { tenantId, orgId: branch.id, code: 'V4', name: '孙悦' }); // no base at all

    const findings = await run(['DUES-01'], { asOf: '2025-01-10', from: '2024-01-01', to: '2024-12-31' });
    expect(findings.map((f) => [f.severity, f.org, f.member, f.period, f.message])).toEqual([
      ['breach', branchCode, 'V3', '2024', '2024年未重新核定党费基数（每年核定一次）'],
      [
        'breach',
        branchCode,
        'V4',
        '2024',
        '2024年1月、2024年2月、2024年3月、2024年4月、2024年5月等12个月没有党费基数，无法按规定标准计算应交党费',
      ],
    ]);
    expect(findings[0].messageEn).toBe('the dues base was not re-verified in 2024 (once a year)');
  });
});

describe('DUES-02 dues are paid on time and in full', () => {
  it('passes full on-time months, breaches a part payment, warns of a late one', async () => {
    const db = database.db;
    const { branch } = await freshBranch();
    const good = await staffMember(branch.id, 'P1', '王芳');
    await buildDuesPayments(db, { tenantId, personId: good.id, from: '2024-01', to: '2024-03', amount: 9750 });
    const part = await staffMember(branch.id, 'P2', '李强');
    await buildDuesPayments(db, { tenantId, personId: part.id, from: '2024-01', to: '2024-02', amount: 9750 });
    await buildDuesPayments(db, { tenantId, personId: part.id, from: '2024-03', to: '2024-03', amount: 5000 });
    const late = await staffMember(branch.id, 'P3', '赵磊');
    await buildDuesPayments(db, { tenantId, personId: late.id, from: '2024-01', to: '2024-02', amount: 9750 });
    await buildDuesPayments(db, {
      tenantId,
      personId: late.id,
      from: '2024-03',
      to: '2024-03',
      amount: 9750,
      paidOn: '2024-04-02',
    });

    const findings = await run(['DUES-02'], { asOf: '2024-04-15', from: '2024-01-01', to: '2024-04-15' });
    expect(findings.map((f) => [f.severity, f.member, f.period, f.message])).toEqual([
      ['breach', 'P2', '2024-03', '2024年3月党费应交97.50元，实交50.00元'],
      ['warning', 'P3', '2024-03', '2024年3月党费于2024-04-02补交，未按月交纳'],
    ]);
    expect(findings[0].messageEn).toBe('dues for 2024-03: 97.50 yuan due, 50.00 yuan paid');
  });
});

describe('DUES-03 consecutive unpaid months', () => {
  it('breaches at 6 months across a year boundary, warns at 3, spares 2 and a recorded reason', async () => {
    const db = database.db;
    const { branch } = await freshBranch();
    const six = await staffMember(branch.id, 'L6', '王芳');
    await buildDuesPayments(db, { tenantId, personId: six.id, from: '2024-01', to: '2024-09', amount: 9750 });
    const three = await staffMember(branch.id, 'L3', '李强');
    await buildDuesPayments(db, { tenantId, personId: three.id, from: '2024-01', to: '2024-12', amount: 9750 });
    const two = await staffMember(branch.id, 'L2', '赵磊');
    await buildDuesPayments(db, { tenantId, personId: two.id, from: '2024-01', to: '2025-01', amount: 9750 });
    const excused = await staffMember(branch.id, 'LX', '孙悦');
    await buildDuesPayments(db, { tenantId, personId: excused.id, from: '2024-01', to: '2024-09', amount: 9750 });
    await buildDuesReason(db, {
      tenantId,
      personId: excused.id,
      fromMonth: '2024-10',
      toMonth: '2025-06',
      reason: '出国访学',
    });

    const findings = await run(['DUES-03'], { asOf: '2025-04-15' });
    expect(findings.map((f) => [f.severity, f.org, f.member, f.period, f.message])).toEqual([
      ['warning', branchCode, 'L3', null, '自2025年1月起已连续3个月未交纳党费（满6个月按自行脱党处理）'],
      [
        'breach',
        branchCode,
        'L6',
        null,
        '自2024年10月起连续6个月未交纳党费且无正当理由记录（满6个月按自行脱党处理，请支部核实）',
      ],
    ]);
    expect(findings[1].messageEn).toContain('no dues paid for 6 consecutive months since 2024-10');
  });

  it('counts a probationary member only from the month they were admitted', async () => {
    const db = database.db;
    const { branch } = await freshBranch();
    const person = await buildPerson(db, { tenantId, code: 'N1', name: '周敏', personCategory: 'student' });
    await buildMembership(db, {
      tenantId,
      personId: person.id,
      orgId: branch.id,
      status: 'probationary',
      joinedOn: '2025-01-20',
      validFrom: '2025-01-20',
    });
    await buildDuesBase(db, { tenantId, personId: person.id, effectiveMonth: '2025-01', category: 'student', base: 0 });
    // January … March unpaid: three months, not the whole lookback year.
    const findings = await run(['DUES-03'], { asOf: '2025-04-15' });
    expect(findings.map((f) => [f.severity, f.member, f.message])).toEqual([
      ['warning', 'N1', '自2025年1月起已连续3个月未交纳党费（满6个月按自行脱党处理）'],
    ]);
  });
});

describe('DUES-04 dues are returned to grassroots organizations', () => {
  it('breaches a closed year with dues collected and nothing returned, passes once a return is recorded', async () => {
    const db = database.db;
    const { uni, branch } = await freshBranch();
    const payer = await staffMember(branch.id, 'R1', '王芳');
    await buildDuesPayments(db, { tenantId, personId: payer.id, from: '2024-01', to: '2024-12', amount: 9750 });

    const before = await run(['DUES-04'], { asOf: '2025-02-01', from: '2024-01-01', to: '2024-12-31' });
    expect(before.map((f) => [f.severity, f.org, f.period, f.message])).toEqual([
      ['breach', uni.code, '2024', '2024年收缴党费1170.00元，未记录返还基层党组织的党费'],
    ]);
    await buildDuesReturn(db, { tenantId, orgId: branch.id, year: 2024, amount: 60000 });
    expect(await run(['DUES-04'], { asOf: '2025-02-01', from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
  });
});
