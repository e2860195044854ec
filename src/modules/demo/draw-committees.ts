/**
 * Committees (支委会) and lone secretaries: who holds which seat, chosen the way a branch would
 * choose them — a professor leads a teacher branch, a counselor a student branch, nobody holds two
 * seats, and everyone seated was a full member of the org on the day of the election.
 */
import type { positionRoles } from '../dataset/schema.ts';
import { addDays, addYears, maxDate } from './dates.ts';
import { type DemoPerson, fullInCurrentOrgSince } from './model.ts';
import type { Random } from './random.ts';

export type Role = (typeof positionRoles)[number];
export type Seat = { role: Role; person: DemoPerson; from: string; to: string | null; dualLeader?: boolean };
export type DemoTerm = { org: string; electedOn: string; endsOn: string; seats: Seat[] };

/** An election: a term of `years` ending the day before the anniversary of the election. */
export const termEnd = (electedOn: string, years: number) => addDays(addYears(electedOn, years), -1);
/** The election day of a term of `years` that ends on `endsOn`. */
export const electionFor = (endsOn: string, years: number) => addYears(addDays(endsOn, 1), -years);

type Preference = (person: DemoPerson) => number;

export type SeatPlan = { role: Role; prefer: Preference; dualLeader?: (person: DemoPerson) => boolean };

/**
 * Fills `seats` from `candidates` (full members now). People eligible by `electedOn` come first;
 * when too few are, the election moves to the day the last chosen one became eligible.
 */
export function elect(
  random: Random,
  options: {
    org: string;
    candidates: DemoPerson[];
    seats: SeatPlan[];
    electedOn: string;
    years: number;
    /** Fixed end (a temporary branch ends with its approval); otherwise the term's length decides. */
    endsOn?: string;
    taken: Set<string>;
    /** The day from which a candidate could be elected (default: full member of the org since). */
    eligibleSince?: (person: DemoPerson) => string | null;
    /** The election day is part of the story (a term about to end): leave seats empty rather than move it. */
    fixedDate?: boolean;
  },
): DemoTerm {
  const eligibleSince = options.eligibleSince ?? fullInCurrentOrgSince;
  const pool = random.shuffle(
    options.candidates.filter((p) => {
      const since = eligibleSince(p);
      return !options.taken.has(p.code) && since !== null && (!options.fixedDate || since <= options.electedOn);
    }),
  );
  const chosen: { plan: SeatPlan; person: DemoPerson }[] = [];
  for (const plan of options.seats) {
    const available = pool.filter((p) => !chosen.some((c) => c.person === p));
    if (available.length === 0) break;
    const score = (p: DemoPerson) => plan.prefer(p) + ((eligibleSince(p) as string) <= options.electedOn ? 100 : 0);
    const best = available.reduce((a, b) => (score(b) > score(a) ? b : a));
    chosen.push({ plan, person: best });
  }
  const electedOn = maxDate(options.electedOn, ...chosen.map((c) => eligibleSince(c.person) as string));
  for (const c of chosen) options.taken.add(c.person.code);
  return {
    org: options.org,
    electedOn,
    endsOn: options.endsOn ?? termEnd(electedOn, options.years),
    seats: chosen.map(({ plan, person }) => ({
      role: plan.role,
      person,
      from: electedOn,
      to: null,
      ...(plan.dualLeader ? { dualLeader: plan.dualLeader(person) } : {}),
    })),
  };
}

const seniorTitles = ['教授', '副教授', '高级实验师', '副处长', '处长'];
export const isSenior = (p: DemoPerson) => (p.title !== null && seniorTitles.includes(p.title) ? 1 : 0);

/** Who leads a branch of each category, best first. */
export const secretaryPreference: Record<string, Preference> = {
  teacher: (p) => (p.title === '教授' ? 3 : p.title === '副教授' ? 2 : isSenior(p)),
  student: (p) => (p.duty === 'counselor' ? 3 : p.personCategory === 'staff' ? 1 : 0),
  mixed: (p) => (p.duty === 'teacher' ? 2 + isSenior(p) : 0),
  office: (p) => (p.title === '处长' || p.title === '副处长' ? 3 : p.title === '科长' ? 2 : 0),
  service: (p) => (p.title === '主管' ? 2 : p.title === '工程师' ? 1 : 0),
  retired: (p) => (p.title === '处长' || p.title === '教授' ? 2 : 1),
};

/** Teacher branch secretaries who also lead an academic field (双带头人). */
export const isDualLeader = (p: DemoPerson) => p.title === '教授' || p.title === '副教授' || p.title === '高级实验师';

export const anyone: Preference = () => 0;
export const staffFirst: Preference = (p) => (p.personCategory === 'staff' ? 1 : 0);
