/** The demo's rectification items, surveys and reorganization: the engine reads back exactly what was planted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breachKeys, type FindingSummary, findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connect.ts';
import { systemActor } from '../../server/audit.ts';
import { importDataset } from '../dataset/import-dataset.ts';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const document = generateDemoDataset({ asOf });
const items = document.rectifications ?? [];
const branches = (document.orgs ?? [])
  .filter((o) => o.kind === 'branch' && !o.temporary && (o.validFrom ?? '') <= '2025-12-31')
  .map((o) => o.code);
let database: Database;
let findings: FindingSummary[];

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenantId } = await database.db.transaction((tx) =>
    importDataset(tx, { document, actor: systemActor('test'), oversightBodyId: null }),
  );
  findings = await findingsFor(database.db, { tenantId, asOf, rules: ['ASSESS-03', 'ASSESS-04', 'ASSESS-05'] });
});
afterAll(() => database.close());

describe('demo improvement', () => {
  it.each([
    ['2026-01-05', 1],
    ['2026-12-20', 2],
  ])('is a valid document on the year’s first and last days too (as of %s, seed %i)', (day, seed) => {
    const doc = generateDemoDataset({ asOf: day, seed });
    expect(validateDataset(doc).ok).toBe(true);
    const dates = (doc.rectifications ?? []).flatMap((i) => [i.doneOn, i.verifiedOn]).filter(Boolean) as string[];
    expect(dates.every((d) => d <= day)).toBe(true);
    expect((doc.reorganizations ?? []).every((r) => r.startedOn <= day && r.endsOn > day)).toBe(true);
  });

  it('surveys every branch last year, one found weak and under an open reorganization', () => {
    const surveys = document.surveys ?? [];
    expect(surveys.map((s) => s.org).sort()).toEqual([...branches].sort());
    expect(surveys.every((s) => s.year === 2025 && s.surveyedOn <= '2025-12-31')).toBe(true);
    const weak = surveys.filter((s) => s.weak).map((s) => s.org);
    expect(weak).toHaveLength(1);
    const lagging = (document.ratings ?? []).find((r) => r.grade === 'lagging')?.org;
    expect(weak).toEqual([lagging]);
    expect(document.reorganizations).toMatchObject([{ org: weak[0], status: 'open' }]);
    expect((document.reorganizations ?? [])[0].endsOn > asOf).toBe(true);
  });

  it('keeps the ratings’ plans and adds items verified, done awaiting verification, open and overdue', () => {
    expect(items.some((i) => i.source === 'rating')).toBe(true);
    expect(items.some((i) => i.source === 'survey')).toBe(true);
    const thisYear = items.filter((i) => i.year === 2026);
    for (const status of ['verified', 'done', 'open'] as const)
      expect(
        thisYear.some((i) => i.status === status),
        status,
      ).toBe(true);
    expect(items.filter((i) => i.status === 'open' && i.deadline < asOf)).toHaveLength(1);
  });

  it('gives exactly the planted ASSESS-03 breaches (a branch short last year, an overdue item) and nothing for ASSESS-04/05', () => {
    const verified2025 = (org: string) =>
      items.filter((i) => i.org === org && i.year === 2025 && i.status === 'verified').length;
    const short = branches.filter((b) => verified2025(b) < 2);
    expect(short).toHaveLength(1);
    const overdue = items.filter((i) => i.status === 'open' && i.deadline < asOf).map((i) => i.org);
    expect(breachKeys(findings)).toEqual(
      [...short.map((b) => `ASSESS-03 ${b} - 2025`), ...overdue.map((b) => `ASSESS-03 ${b} - -`)].sort(),
    );
    expect(findings.filter((f) => f.severity !== 'breach')).toEqual([]);
  });
});
