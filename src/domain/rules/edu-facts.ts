/**
 * Facts the EDU rules read, computed by `src/db/facts/training.ts` for a whole scope and range, and
 * the pure arithmetic of a person's yearly study hours and requirement, shared by the rules and the
 * training module's views (so a view and a finding never disagree).
 */
import { daysBetween } from '../periods.ts';

export const trainingKinds = ['partySchool', 'rotation', 'online', 'other'] as const;
export type TrainingKind = (typeof trainingKinds)[number];
/** Credited kinds: the recorded ones plus organizational-life meetings counted as study. */
export type CreditKind = TrainingKind | 'meeting';
/** Concentrated training (集中培训): classes held in person, as EDU-02 requires once a year. */
export const concentratedKinds: CreditKind[] = ['partySchool', 'rotation'];

/** Roles of a committee (or a lone secretary) that make someone a 班子成员 for EDU-02. */
export const leadershipRoles = [
  'secretary',
  'deputySecretary',
  'organizationMember',
  'propagandaMember',
  'disciplineMember',
  'member',
] as const;

export type TrainingMembership = {
  personId: string;
  orgId: string;
  standing: string;
  validFrom: string;
  validTo: string | null;
};

/** A seat of a college- or branch-level committee (group leaders are not in it). */
export type LeadershipSeat = {
  personId: string;
  orgId: string;
  orgKind: 'college' | 'branch';
  role: string;
  validFrom: string;
  validTo: string | null;
};

/** Hours credited to a person in a year, by kind; `count` is the number of credits. */
export type YearCredit = { personId: string; year: number; kind: CreditKind; hours: number; count: number };

export type TrainingSessionFact = {
  id: string;
  tenantId: string;
  orgId: string;
  kind: TrainingKind;
  audience: string;
  startsOn: string;
  title: string;
};

export type EduFacts = {
  people: { id: string; name: string; code: string }[];
  memberships: TrainingMembership[];
  seats: LeadershipSeat[];
  credits: YearCredit[];
  /** Every session of the scope's universities (EDU-04 is about the whole university). */
  sessions: TrainingSessionFact[];
};

/** Hours a meeting credits at most (a half day): a long meeting is not a training course. */
export const MEETING_CREDIT_CAP_HOURS = 4;

export type YearStudy = { hours: number; concentrated: number; rotation: number; byKind: Record<CreditKind, number> };

/** Everyone's study in a year, by person. */
export function studyByPerson(credits: YearCredit[], year: number): Map<string, YearStudy> {
  const out = new Map<string, YearStudy>();
  for (const c of credits) {
    if (c.year !== year) continue;
    let s = out.get(c.personId);
    if (!s) {
      s = {
        hours: 0,
        concentrated: 0,
        rotation: 0,
        byKind: { partySchool: 0, rotation: 0, online: 0, other: 0, meeting: 0 },
      };
      out.set(c.personId, s);
    }
    s.hours = roundHours(s.hours + c.hours);
    s.byKind[c.kind] = roundHours(s.byKind[c.kind] + c.hours);
    if (concentratedKinds.includes(c.kind)) s.concentrated += c.count;
    if (c.kind === 'rotation') s.rotation += c.count;
  }
  return out;
}

/** Hours are kept to a tenth; sums of tenths in floating point are rounded back. */
export const roundHours = (h: number) => Math.round(h * 10) / 10;

/** 12.5 → "12.5", 12 → "12". */
export const formatHours = (h: number) => String(roundHours(h));

const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
export const daysInYear = (year: number) => daysBetween(`${year}-01-01`, `${year + 1}-01-01`);

/** Days of a year covered by the union of intervals [validFrom, validTo). */
export function daysCovered(intervals: { validFrom: string; validTo: string | null }[], year: number): number {
  const { from, to } = yearBounds(year);
  const spans = intervals
    .map((i) => ({
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
      from: i.validFrom > from ? i.validFrom : from,
      // validTo is exclusive: the last day held is the day before.
      end: i.validTo === null || i.validTo > to ? `${year + 1}-01-01` : i.validTo,
    }))
    .filter((s) => s.from < s.end)
    .sort((a, b) => a.from.localeCompare(b.from));
  let days = 0;
  let cursor = from;
  for (const s of spans) {
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
    const start = s.from > cursor ? s.from : cursor;
    if (s.end > start) {
      days += daysBetween(start, s.end);
      cursor = s.end;
    }
  }
  return days;
}

/**
 * The hours a person owes in a year. Members owe `memberHours` (EDU-01). Secretaries and committee
 * members of colleges and branches owe `leaderHours` (EDU-02) — prorated by the days of the year
 * they held such a seat, on top of the member requirement, rounded up to a whole hour: a seat held
 * all year owes 56, a seat taken on 1 July 2025 (184 of 365 days) owes 32 + ⌈24 × 184 / 365⌉ = 45.
 */
export function hoursRequired(options: { year: number; seatDays: number; memberHours: number; leaderHours: number }) {
  const { year, seatDays, memberHours, leaderHours } = options;
  if (seatDays <= 0 || leaderHours <= memberHours) return memberHours;
  const share = Math.min(1, seatDays / daysInYear(year));
  return memberHours + Math.ceil((leaderHours - memberHours) * share - 1e-9);
}
