/** Development cases for this module's tests: a case with its events, its stage derived as the case API derives it. */
import type { Db } from '../../db/connect.ts';
import { devCases, devEvents } from '../../db/schema.ts';
import { stageOf } from '../../domain/development/stage.ts';
import type { DevEvent, DevStep } from '../../domain/development/steps.ts';

export type EventSpec = [DevStep, string, DevEvent['data']?];

/** A vote of `expected` voting members that carries (`yes` more than half) or not. */
export const vote = (expected: number, yes: number) => ({
  vote: { expected, present: expected, yes, no: expected - yes, abstain: 0 },
});

/** The events up to an admission vote on `on` (training dates a year earlier). */
export const admittedOn = (on: string, votes = vote(10, 8)): EventSpec[] => {
  const year = Number(on.slice(0, 4));
  return [
    ['application', `${year - 2}-03-01`],
    ['activist', `${year - 2}-06-01`],
    ['candidate', `${year - 1}-07-01`],
    ['admissionVote', on, votes],
  ];
};

export async function buildDevCase(
  db: Db,
  props: { tenantId: string; orgId: string; personId: string; events: EventSpec[] },
) {
  const events = props.events.map(([step, on, data]) => ({ step, on, data: data ?? {} }));
  const [row] = await db
    .insert(devCases)
    .values({
      tenantId: props.tenantId,
      personId: props.personId,
      orgId: props.orgId,
      stage: stageOf(events) ?? 'applicant',
    })
    .returning();
  if (events.length)
    await db
      .insert(devEvents)
      .values(events.map((e) => ({ tenantId: props.tenantId, caseId: row.id, ...e, recordedByName: 'test' })));
  return row;
}
