/**
 * The demo university tells a story the compliance engine must read back: each imperfection
 * planted in its organizational life is found, and nothing else is for the same rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breachKeys, type FindingSummary, findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connect.ts';
import { systemActor } from '../../server/audit.ts';
import { importDataset } from '../dataset/import-dataset.ts';
import { generateDemoWorld } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const world = generateDemoWorld({ asOf });
let database: Database;
let tenantId: string;
let findings: FindingSummary[];
/** The DEV rules about a college-level organization's work as a whole (plans, pool analyses, contacts). */
const collegeDevRules = ['DEV-11', 'DEV-12', 'DEV-13', 'DEV-14'];

beforeAll(async () => {
  database = await createTestDatabase();
  const imported = await database.db.transaction((tx) =>
    importDataset(tx, { document: world.document, actor: systemActor('test'), oversightBodyId: null }),
  );
  tenantId = imported.tenantId;
  findings = await findingsFor(database.db, {
    tenantId,
    asOf,
    rules: [
      'LIFE-01',
      'LIFE-05',
      'LIFE-06',
      'LIFE-08',
      'LIFE-13',
      'LIFE-14',
      ...Array.from({ length: 10 }, (_, i) => `DEV-${String(i + 1).padStart(2, '0')}`),
      ...collegeDevRules,
    ],
    standardSets: ['national-baseline', 'hbzy-2019-3s3n'],
  });
});
afterAll(() => database.close());

const plantedBreaches = () => {
  const personOrg = new Map(
    (world.document.memberships ?? []).filter((m) => !m.to).map((m) => [m.person, m.org] as const),
  );
  return world.imperfections
    .flatMap((i) => {
      switch (i.kind) {
        case 'skippedGeneralAssembly':
          return [`LIFE-01 ${i.org} - ${i.quarter}`];
        case 'secretaryWithoutLecture':
          return [`LIFE-05 ${i.org} - ${i.year}`];
        case 'missingThemeDays':
          return i.months.map((m) => `LIFE-06 ${i.org} - ${m}`);
        case 'missingAppraisal':
          return [`LIFE-08 ${i.org} - ${i.year}`];
        case 'noOrganizationalLife':
          return [`LIFE-13 ${i.org} ${i.person} -`];
        case 'missingThoughtReport':
          return [`LIFE-14 ${personOrg.get(i.person)} ${i.person} ${i.year}`];
        case 'devDefect':
          return [];
        default:
          return [];
      }
    })
    .filter((key) => key.split(' ').at(-1)?.slice(0, 4) !== String(Number(asOf.slice(0, 4)) - 2))
    .sort();
};

describe('the demo university under the compliance engine', () => {
  it('gives exactly the planted breaches of organizational life, meetings and yearly records', () => {
    expect(breachKeys(findings.filter((f) => !f.rule.startsWith('DEV-')))).toEqual(plantedBreaches());
  });

  it('gives exactly the planted breaches of member development, one rule each', () => {
    const found = findings
      .filter((f) => f.rule.startsWith('DEV-') && !collegeDevRules.includes(f.rule) && f.severity === 'breach')
      .map((f) => `${f.rule} ${f.member}`);
    const planted = world.imperfections.flatMap((i) => (i.kind === 'devDefect' ? [`${i.rule} ${i.person}`] : []));
    expect([...new Set(found)].sort()).toEqual(planted.sort());
  });

  it('gives exactly the planted college-level development breaches (DEV-11, DEV-12) and none of DEV-13, DEV-14', () => {
    const planted = world.imperfections.flatMap((i) =>
      i.kind === 'devCollegeDefect' ? [`${i.rule} ${i.org} - ${i.year}`] : [],
    );
    expect(planted.map((key) => key.split(' ')[0]).sort()).toEqual(['DEV-11', 'DEV-12']);
    expect(breachKeys(findings.filter((f) => collegeDevRules.includes(f.rule)))).toEqual(planted.sort());
  });
});
