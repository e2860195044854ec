/** Records for training tests: sessions and credits inserted the way the module stores them. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { trainingCredits, trainingSessions } from '../../db/schema.ts';
import type { TrainingKind } from '../../domain/rules/edu-facts.ts';

export async function buildTrainingSession(
  db: Db,
  props: {
    tenantId: string;
    orgId: string;
    kind?: TrainingKind;
    audience?: string;
    title?: string;
    startsOn?: string;
    endsOn?: string;
    hours?: number;
  },
) {
  const startsOn = props.startsOn ?? '2025-05-10';
  const [session] = await db
    .insert(trainingSessions)
    .values({
      tenantId: props.tenantId,
      code: `TS-${randomBytes(3).toString('hex')}`,
      orgId: props.orgId,
      kind: props.kind ?? 'partySchool',
      audience: props.audience ?? 'members',
      title: props.title ?? '党校培训班',
      startsOn,
      endsOn: props.endsOn ?? startsOn,
      hours: props.hours ?? 8,
    })
    .returning();
  return session;
}

export async function buildTrainingCredit(
  db: Db,
  props: {
    tenantId: string;
    personId: string;
    hours: number;
    on?: string;
    kind?: TrainingKind;
    title?: string;
    sessionId?: string | null;
  },
) {
  const [credit] = await db
    .insert(trainingCredits)
    .values({
      tenantId: props.tenantId,
      personId: props.personId,
      sessionId: props.sessionId ?? null,
      kind: props.kind ?? 'online',
      title: props.title ?? '网上党校学习',
      creditedOn: props.on ?? '2025-06-01',
      hours: props.hours,
      source: props.sessionId ? 'session' : 'import',
    })
    .returning();
  return credit;
}
