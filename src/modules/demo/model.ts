/**
 * The generator's working model of a person: who they are, when they joined and were confirmed,
 * and where they belonged over time. It becomes `people` and `memberships` of the dataset.
 */
import { maxDate } from './dates.ts';
import type { Gender } from './names.ts';

export type Placement = { org: string; group: string | null; from: string };

/** What seat a person suits, so committees look like real ones (a counselor leads a student branch). */
export type Duty = 'teacher' | 'counselor' | 'student' | 'office' | 'service' | 'retired' | 'cadre';

export type DemoPerson = {
  code: string;
  name: string;
  gender: Gender;
  birthDate: string;
  personCategory: 'staff' | 'student' | 'retired';
  unit: string;
  title: string | null;
  leadingCadre: boolean;
  duty: Duty;
  joinedOn: string;
  confirmedOn: string | null;
  /** In date order; each lasts until the next one starts (the last one is current). */
  placements: Placement[];
};

export const currentPlacement = (person: DemoPerson) => person.placements[person.placements.length - 1];

export const isCurrentlyIn = (person: DemoPerson, org: string) => currentPlacement(person).org === org;

export const isFullOn = (person: DemoPerson, date: string) => person.confirmedOn !== null && person.confirmedOn <= date;

/** The day since when the person has been a full member of their current org without a break. */
export function fullInCurrentOrgSince(person: DemoPerson): string | null {
  if (person.confirmedOn === null) return null;
  const current = currentPlacement(person);
  let since = current.from;
  for (let i = person.placements.length - 2; i >= 0 && person.placements[i].org === current.org; i--)
    since = person.placements[i].from;
  return maxDate(since, person.confirmedOn);
}

/** The intervals of `memberships`: one per placement, split on the day of confirmation. */
export function membershipIntervals(person: DemoPerson) {
  const intervals: { org: string; group: string | null; from: string; to: string | null; full: boolean }[] = [];
  person.placements.forEach((placement, i) => {
    const to = person.placements[i + 1]?.from ?? null;
    const confirmed = person.confirmedOn;
    if (confirmed && confirmed > placement.from && (to === null || confirmed < to)) {
      intervals.push({ ...placement, to: confirmed, full: false });
      intervals.push({ ...placement, from: confirmed, to, full: true });
    } else {
      intervals.push({ ...placement, to, full: confirmed !== null && confirmed <= placement.from });
    }
  });
  return intervals;
}
