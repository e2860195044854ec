import { describe, expect, it } from 'vitest';
import { stageOf } from '../../domain/development/stage.ts';
import { datasetSchema } from '../dataset/schema.ts';
import { generateDemoWorld } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const world = generateDemoWorld({ asOf });
const doc = datasetSchema.parse(world.document);
const planted = world.imperfections.flatMap((i) => (i.kind === 'devDefect' ? [i] : []));
const plantedPeople = new Set(planted.map((d) => d.person));

const fullOn = (person: string, org: string | null, date: string) =>
  doc.memberships.some(
    (m) =>
      m.person === person &&
      (org === null || m.org === org) &&
      m.status === 'full' &&
      m.from <= date &&
      (m.to == null || date < m.to),
  );

describe('the demo development cases', () => {
  it('has about two hundred cases at every stage', () => {
    const stages = new Map<string, number>();
    for (const c of doc.development) {
      const stage = stageOf(c.events) as string;
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
    }
    expect(doc.development.length).toBeGreaterThanOrEqual(200);
    for (const stage of ['applicant', 'activist', 'candidate', 'probationary', 'full', 'withdrawn', 'notAdmitted'])
      expect(stages.get(stage), stage).toBeGreaterThan(0);
  });

  it('admits exactly the members the roster says were admitted, on the day of the vote', () => {
    for (const c of doc.development) {
      const vote = c.events.find((e) => e.step === 'admissionVote');
      const approved = c.events.some((e) => e.step === 'approval');
      const joined = doc.memberships.find((m) => m.person === c.person)?.joinedOn ?? null;
      expect(approved ? vote?.on : null, c.person).toBe(joined);
    }
  });

  it('names full members as mentors and sponsors and counts the branch full members as entitled to vote, except where a defect is planted', () => {
    for (const c of doc.development.filter((x) => !plantedPeople.has(x.person))) {
      for (const e of c.events) {
        for (const p of [...(e.mentors ?? []), ...(e.sponsors ?? [])])
          expect(fullOn(p, null, e.on), `${c.person} ${e.step} ${p}`).toBe(true);
        if (e.vote && e.step !== 'admissionVote') continue;
        if (e.vote && c.events.some((x) => x.step === 'approval')) {
          const entitled = new Set(
            doc.memberships.filter((m) => m.org === c.org && fullOn(m.person, c.org, e.on)).map((m) => m.person),
          );
          expect(e.vote.expected, `${c.person} ${e.on}`).toBe(entitled.size);
          expect(e.vote.yes * 2, `${c.person} ${e.on}`).toBeGreaterThan(e.vote.expected);
        }
      }
    }
  });

  it('plants one defect for each statutory rule DEV-01…DEV-09, on different people', () => {
    expect(planted.map((d) => d.rule)).toEqual(Array.from({ length: 9 }, (_, i) => `DEV-0${i + 1}`));
    expect(plantedPeople.size).toBe(9);
  });
});
