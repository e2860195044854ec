/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings, in UTC so the result never depends on the
 * machine's time zone.
 */
const DAY_MS = 86_400_000;

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => fromTime(toTime(date) + days * DAY_MS);

/** Same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) return fromTime(Date.UTC(y + years, m, 0));
  return fromTime(target.getTime());
}

export const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY_MS);

export const yearOf = (date: string) => Number(date.slice(0, 4));

export const dateOf = (year: number, month: number, day: number) => fromTime(Date.UTC(year, month - 1, day));

// ISO dates order as strings; Math.max would turn them into NaN.
export const maxDate = (...dates: string[]) => [...dates].sort().at(-1) as string;
export const minDate = (...dates: string[]) => [...dates].sort()[0];

/** The Monday on or after a date: semesters start on Mondays. */
export function mondayOnOrAfter(date: string): string {
  const weekday = new Date(toTime(date)).getUTCDay();
  return addDays(date, (8 - weekday) % 7);
}

/** Whole years from `birth` to `on`. */
export function ageOn(birth: string, on: string): number {
  const years = yearOf(on) - yearOf(birth);
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
