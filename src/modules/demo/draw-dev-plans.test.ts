import { describe, expect, it } from 'vitest';
import { stageOf } from '../../domain/development/stage.ts';
import { ageOn } from '../../domain/rules/dev-college-facts.ts';
import { datasetSchema } from '../dataset/schema.ts';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { admissionDay, DEMO_DEV_PARAMETERS } from './draw-dev-plans.ts';
import { generateDemoWorld } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const year = 2026;
const world = generateDemoWorld({ asOf });
const doc = datasetSchema.parse(world.document);
const planted = world.imperfections.flatMap((i) => (i.kind === 'devCollegeDefect' ? [i] : []));
const orgByCode = new Map(doc.orgs.map((o) => [o.code, o]));
const collegeOf = (branch: string) => orgByCode.get(branch)?.parent ?? branch;
const collegeLevel = doc.orgs.filter((o) => o.kind === 'college' || (o.kind === 'branch' && o.parent === null));
const person = new Map(doc.people.map((p) => [p.code, p]));
const category = (code: string) => (person.get(code)?.personCategory === 'student' ? 'student' : 'staff');

/** The cases' admissions per college, year, branch and category, as DEV-12 counts them. */
const admissions = new Map<string, string[]>();
for (const c of doc.development) {
  const on = admissionDay(c.events);
  if (!on) continue;
  const key = `${collegeOf(c.org)}|${on.slice(0, 4)}|${c.org}|${category(c.person)}`;
  admissions.set(key, [...(admissions.get(key) ?? []), on]);
}

describe('the demo development plans, pool analyses and contacts', () => {
  it('is a valid document, drawn the same way for the same day and seed', () => {
    expect(validateDataset(world.document).ok).toBe(true);
    const again = generateDemoWorld({ asOf }).document;
    expect(again.developmentPlans).toEqual(world.document.developmentPlans);
    expect(again.poolAnalyses).toEqual(world.document.poolAnalyses);
    expect(again.developmentContacts).toEqual(world.document.developmentContacts);
    expect(doc.university.parameters).toContainEqual(DEMO_DEV_PARAMETERS[0]);
  });

  it('plans every year of admissions with quotas that cover them, except the one planted line', () => {
    expect(planted.filter((d) => d.rule === 'DEV-12')).toHaveLength(1);
    const over: string[] = [];
    for (const [key, days] of admissions) {
      const [college, y, branch, cat] = key.split('|');
      const plan = doc.developmentPlans.find((p) => p.college === college && p.year === Number(y));
      expect(plan, key).toBeDefined();
      const quota = plan?.lines.find((l) => l.branch === branch && l.category === cat)?.quota ?? 0;
      if (days.length > quota) over.push(`DEV-12 ${college} ${y}`);
    }
    expect(over).toEqual(planted.filter((d) => d.rule === 'DEV-12').map((d) => `${d.rule} ${d.org} ${d.year}`));
    expect(planted.find((d) => d.rule === 'DEV-12')?.year).toBe(year - 1);
  });

  it('keeps each closed year free of rush admissions under the demo’s maxMonthShare', () => {
    const share = DEMO_DEV_PARAMETERS[0].values.maxMonthShare;
    for (const college of collegeLevel) {
      const days = [...admissions]
        .filter(([key]) => key.startsWith(`${college.code}|${year - 1}|`))
        .flatMap(([, d]) => d);
      if (days.length < 5) continue; // DEV-12's minAdmissions
      const months = new Map<string, number>();
      for (const d of days) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
      expect(Math.max(...months.values()) / days.length, college.code).toBeLessThanOrEqual(share);
    }
  });

  it('has a pool analysis of every college-level org for each closed year, but the one planted, held in its window', () => {
    const missing: string[] = [];
    for (const college of collegeLevel)
      for (const y of [year - 2, year - 1])
        if (!doc.poolAnalyses.some((a) => a.college === college.code && a.year === y))
          missing.push(`DEV-11 ${college.code} ${y}`);
    expect(missing).toEqual(planted.filter((d) => d.rule === 'DEV-11').map((d) => `${d.rule} ${d.org} ${d.year}`));
    expect(missing).toHaveLength(1);
    for (const a of doc.poolAnalyses) {
      expect(a.heldOn <= asOf).toBe(true);
      expect(a.heldOn.slice(0, 4)).toBe(String(a.year));
    }
    // This year's, held at mid-year, counts the pipeline of that day.
    const mech = doc.poolAnalyses.find((a) => a.college === 'c-mech' && a.year === year);
    const open = doc.development.filter(
      (c) =>
        collegeOf(c.org) === 'c-mech' &&
        stageOf(c.events.filter((e) => e.on <= (mech?.heldOn as string))) === 'activist',
    );
    const counted = mech?.counts?.byStage.activist;
    expect((counted?.student ?? 0) + (counted?.staff ?? 0)).toBe(open.length);
  });

  it('links every young-teacher activist or candidate to the secretary of their college-level org on the day', () => {
    const secretaryOn = (org: string, day: string) =>
      doc.terms
        .filter((t) => t.org === org)
        .flatMap((t) => t.positions)
        .find((p) => p.role === 'secretary' && p.from <= day && (p.to == null || day < p.to))?.person;
    const young = doc.development.filter((c) => {
      const p = person.get(c.person);
      const stage = stageOf(c.events);
      return (
        p?.personCategory === 'staff' &&
        p.birthDate &&
        ageOn(p.birthDate, asOf) <= 35 &&
        (stage === 'activist' || stage === 'candidate')
      );
    });
    expect(young.length).toBeGreaterThan(5);
    for (const c of young) {
      const contact = doc.developmentContacts.find((k) => k.person === c.person && !k.to);
      expect(contact, c.person).toBeDefined();
      expect(contact?.secretary).toBe(secretaryOn(collegeOf(c.org), asOf));
      const activistOn = c.events.find((e) => e.step === 'activist')?.on as string;
      expect(contact?.from && contact.from >= activistOn && contact.from <= asOf).toBe(true);
      expect(secretaryOn(collegeOf(c.org), contact?.from as string)).toBe(contact?.secretary);
    }
  });
});
