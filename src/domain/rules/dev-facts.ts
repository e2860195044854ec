/**
 * Facts the DEV rules read, computed by `src/db/facts/development.ts` for every development case of
 * the scope in one set-based statement: the case's events with, for each, the standing of the
 * people it names on its day and, for a vote, the branch's members with voting rights that day.
 */
import type { MemberStatus } from '../development/law.ts';
import type { DevEvent, DevStage } from '../development/steps.ts';

export type DevFactEvent = DevEvent & {
  id: string;
  /** Standing on the event's day of every person its data names (mentors, sponsors, by). */
  statusOn: Record<string, MemberStatus>;
  /** For a vote: full members in normal standing of the case's branch on its day; null otherwise. */
  votingMembers: number | null;
};

export type DevCaseRecord = {
  caseId: string;
  tenantId: string;
  personId: string;
  code: string;
  name: string;
  birthDate: string | null;
  /** The branch that develops the person: every finding of the case is its branch's. */
  orgId: string;
  stage: DevStage | null;
  /** Events up to asOf, in `orderEvents` order (date, then the statutory order of the steps). */
  events: DevFactEvent[];
};

export type DevFacts = {
  cases: DevCaseRecord[];
  /** Names of the people the events name (mentors, sponsors, by), by id, for the messages. */
  names: Record<string, string>;
};
