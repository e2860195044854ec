/** EDU-01 … EDU-04 on real records through the engine: each passing and failing, with its message. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import {
  buildAttendance,
  buildMeeting,
  buildMember,
  buildMembership,
  buildOrg,
  buildPerson,
  buildTerm,
  buildUniversity,
} from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { buildTrainingCredit, buildTrainingSession } from './test-support.ts';

let database: Database;
let tenantId: string;
let branchCode: string;
const year2025 = { asOf: '2026-03-01', from: '2025-01-01', to: '2025-12-31' };

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

/** Findings in member-code order (the engine orders by key, which holds random ids). */
const run = async (rules: string[]) =>
  (await findingsFor(database.db, { tenantId, rules, ...year2025 })).sort((a, b) =>
    (a.member ?? '').localeCompare(b.member ?? ''),
  );

describe('EDU-01 members study at least 32 hours a year', () => {
  it('passes a member with 32 hours, credits a party lecture attended, and fails the others with the numbers', async () => {
    const db = database.db;
    const { branch } = await freshBranch();
    const full = await buildMember(db, { tenantId, orgId: branch.id, code: 'M1', name: '王芳' });
    await buildTrainingCredit(db, { tenantId, personId: full.person.id, hours: 32 });
    const short = await buildMember(db, { tenantId, orgId: branch.id, code: 'M2', name: '李强' });
    await buildTrainingCredit(db, { tenantId, personId: short.person.id, hours: 20 });
    // A two-hour party lecture counts two hours for those present, not for the absent.
    const lecture = await buildMeeting(db, {
      tenantId,
      orgId: branch.id,
      type: 'partyLecture',
      heldOn: '2025-04-10',
      startTime: '14:00',
      endTime: '16:10',
    });
    await buildAttendance(db, { tenantId, meetingId: lecture.id, personId: short.person.id });
    const none = await buildMember(db, { tenantId, orgId: branch.id, code: 'M3', name: '赵磊' });
    await buildAttendance(db, { tenantId, meetingId: lecture.id, personId: none.person.id, status: 'absent' });
    // Admitted in June 2025: owes hours from 2026 on.
    const newcomer = await buildPerson(db, { tenantId, code: 'M4', name: '孙悦' });
    await buildMembership(db, { tenantId, personId: newcomer.id, orgId: branch.id, validFrom: '2025-06-01' });

    const findings = await run(['EDU-01']);
    expect(findings.map((f) => [f.severity, f.org, f.member, f.period, f.message])).toEqual([
      ['breach', branchCode, 'M2', '2025', '2025年李强学习培训仅22学时（要求每年不少于32学时）'],
      ['breach', branchCode, 'M3', '2025', '2025年赵磊未参加学习培训（要求每年不少于32学时）'],
    ]);
    expect(findings[0].messageEn).toBe('李强: only 22 study hours in 2025 (required: at least 32 hours a year)');
  });

  it('warns in the open year only when the member is behind pace', async () => {
    const db = database.db;
    const { branch } = await freshBranch();
    const behind = await buildMember(db, { tenantId, orgId: branch.id, code: 'W1', name: '周敏' });
    await buildTrainingCredit(db, { tenantId, personId: behind.person.id, hours: 4, on: '2026-02-01' });
    const onPace = await buildMember(db, { tenantId, orgId: branch.id, code: 'W2', name: '吴涛' });
    await buildTrainingCredit(db, { tenantId, personId: onPace.person.id, hours: 20, on: '2026-02-01' });
    // 1 July 2026: 181 of 365 days gone, pace ⌊32 × 182 / 365⌋ = 15 hours.
    const findings = await findingsFor(db, { tenantId, rules: ['EDU-01'], asOf: '2026-07-01', from: '2026-01-01' });
    expect(findings.map((f) => [f.severity, f.member, f.message])).toEqual([
      ['warning', 'W1', '2026年周敏已学习培训4学时，距年末还有184天（要求每年不少于32学时）'],
    ]);
  });
});

describe('EDU-02 secretaries and committee members study 56 hours with a concentrated training', () => {
  it('requires 56 of a secretary all year, prorates someone who became secretary mid-year, and wants one concentrated training', async () => {
    const db = database.db;
    const { branch, college } = await freshBranch();
    const allYear = await buildMember(db, { tenantId, orgId: branch.id, code: 'S1', name: '张伟' });
    await buildTrainingCredit(db, { tenantId, personId: allYear.person.id, hours: 50, kind: 'partySchool' });
    const midYear = await buildMember(db, { tenantId, orgId: branch.id, code: 'S2', name: '刘洋' });
    await buildTrainingCredit(db, { tenantId, personId: midYear.person.id, hours: 40, kind: 'rotation' });
    const midYearDone = await buildMember(db, { tenantId, orgId: branch.id, code: 'S3', name: '陈静' });
    await buildTrainingCredit(db, { tenantId, personId: midYearDone.person.id, hours: 45, kind: 'rotation' });
    const onlineOnly = await buildMember(db, { tenantId, orgId: branch.id, code: 'S4', name: '黄磊' });
    await buildTrainingCredit(db, { tenantId, personId: onlineOnly.person.id, hours: 60, kind: 'online' });
    await buildTerm(db, {
      tenantId,
      orgId: branch.id,
      electedOn: '2024-09-10',
      seats: [
        { role: 'secretary', personId: allYear.person.id },
        { role: 'organizationMember', personId: midYear.person.id, from: '2025-07-01' },
        { role: 'propagandaMember', personId: midYearDone.person.id, from: '2025-07-01' },
      ],
    });
    await buildTerm(db, {
      tenantId,
      orgId: college.id,
      electedOn: '2023-01-01',
      seats: [{ role: 'deputySecretary', personId: onlineOnly.person.id }],
    });

    const findings = await run(['EDU-02']);
    expect(findings.map((f) => [f.severity, f.member, f.message])).toEqual([
      ['breach', 'S1', '2025年张伟学习培训仅50学时（党组织书记、委员要求每年不少于56学时）'],
      ['breach', 'S2', '2025年刘洋学习培训仅40学时（任党组织书记、委员184天，按比例要求不少于45学时）'],
      ['breach', 'S4', '2025年黄磊未参加集中培训（党组织书记、委员要求每年至少1次）'],
    ]);
    expect(findings.find((f) => f.member === 'S2')?.messageEn).toBe(
      '刘洋: only 40 study hours in 2025 (in a secretary or committee seat 184 days of the year: at least 45 hours, prorated)',
    );
    // The same hours satisfy EDU-01: the higher requirement comes only from the seat.
    expect(await run(['EDU-01'])).toEqual([]);
  });
});

describe('EDU-03 every branch secretary attends the rotation training', () => {
  it('fails a branch secretary without a rotation training and passes one with it', async () => {
    const db = database.db;
    const { uni, college, branch } = await freshBranch();
    const branch2 = await buildOrg(db, { tenantId, parentId: college.id, kind: 'branch' });
    const trained = await buildMember(db, { tenantId, orgId: branch.id, code: 'R1', name: '何平' });
    const untrained = await buildMember(db, { tenantId, orgId: branch2.id, code: 'R2', name: '郭亮' });
    const rotation = await buildTrainingSession(db, {
      tenantId,
      orgId: uni.rootId,
      kind: 'rotation',
      audience: 'secretaries',
    });
    await buildTrainingCredit(db, {
      tenantId,
      personId: trained.person.id,
      hours: 8,
      kind: 'rotation',
      sessionId: rotation.id,
    });
    await buildTerm(db, { tenantId, orgId: branch.id, seats: [{ role: 'secretary', personId: trained.person.id }] });
    await buildTerm(db, { tenantId, orgId: branch2.id, seats: [{ role: 'secretary', personId: untrained.person.id }] });

    const findings = await run(['EDU-03']);
    expect(findings.map((f) => [f.severity, f.org, f.member, f.message])).toEqual([
      ['breach', branch2.code, 'R2', '2025年郭亮未参加党支部书记轮训（要求每年至少1次）'],
    ]);
    expect(findings[0].messageEn).toBe(
      '郭亮: no rotation training for branch secretaries in 2025 (required: at least 1 a year)',
    );
  });
});

describe('EDU-04 the Party school runs a class for Party-affairs staff every year', () => {
  it('fails a year without such a class and passes once one is held', async () => {
    const db = database.db;
    const { uni } = await freshBranch();
    await buildTrainingSession(db, { tenantId, orgId: uni.rootId, kind: 'partySchool', audience: 'members' });
    expect((await run(['EDU-04'])).map((f) => [f.severity, f.org, f.period, f.message, f.messageEn])).toEqual([
      [
        'breach',
        uni.code,
        '2025',
        '2025年未举办党务干部培训班（要求每年至少1次）',
        'no training class for Party-affairs staff in 2025 (required: at least 1 a year)',
      ],
    ]);
    await buildTrainingSession(db, { tenantId, orgId: uni.rootId, kind: 'partySchool', audience: 'partyAffairsStaff' });
    expect(await run(['EDU-04'])).toEqual([]);
  });
});
