/**
 * Policy periods over Asia/Shanghai calendar days (`YYYY-MM-DD`, bounds inclusive). Pure: the
 * current day is always passed in (`asOf`), never read from a clock.
 *
 * Keys are the ones findings carry: `2021` (year), `2021-H2` (half-year), `2021-Q3` (quarter),
 * `2021-03` (month) and a semester's own calendar code (e.g. `2021-2`).
 */

export type PeriodKind = 'month' | 'quarter' | 'half' | 'semester' | 'year';

export type Period = {
  kind: PeriodKind;
  key: string;
  from: string;
  to: string;
  /** closed: ended before asOf (a breach is final); open: contains asOf (warnings only). */
  state: 'closed' | 'open';
};

export type Semester = { code: string; startsOn: string; endsOn: string };

const pad = (n: number) => String(n).padStart(2, '0');

export const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `months` later (clamped to the month's last day): 2021-01-31 + 1 → 2021-02-28. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, lastDayOfMonth(ny, nm)))}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whole calendar months from `a` to `b`, counting a month only once its day is reached. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

function boundsOf(kind: Exclude<PeriodKind, 'semester'>, year: number, index: number): { from: string; to: string } {
  const span = kind === 'month' ? 1 : kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const first = (index - 1) * span + 1;
  const last = first + span - 1;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

function keyOf(kind: Exclude<PeriodKind, 'semester'>, year: number, index: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'half') return `${year}-H${index}`;
  if (kind === 'quarter') return `${year}-Q${index}`;
  return `${year}-${pad(index)}`;
}

const perYear = { month: 12, quarter: 4, half: 2, year: 1 } as const;

/** The key of the period of a kind that contains a day (semesters need the calendar: use `periodsOverlapping`). */
export function periodKeyOf(day: string, kind: Exclude<PeriodKind, 'semester'>): string {
  const [y, m] = day.split('-').map(Number);
  const index = Math.floor((m - 1) / (12 / perYear[kind])) + 1;
  return keyOf(kind, y, index);
}

/** Parses a calendar period key back into its bounds; null for anything else (semester codes). */
export function boundsOfKey(key: string): { kind: Exclude<PeriodKind, 'semester'>; from: string; to: string } | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) return { kind: 'year', ...boundsOf('year', Number(m[1]), 1) };
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return { kind: 'half', ...boundsOf('half', Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { kind: 'quarter', ...boundsOf('quarter', Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { kind: 'month', ...boundsOf('month', Number(m[1]), Number(m[2])) };
  return null;
}

/**
 * Every period of a kind that overlaps [from, to] and has begun by `asOf`, in order. Periods that
 * end before `asOf` are closed; the one containing `asOf` is open; later ones are left out.
 */
export function periodsOverlapping(
  kind: PeriodKind,
  range: { from: string; to: string; asOf: string },
  semesters: Semester[] = [],
): Period[] {
  const state = (p: { from: string; to: string }): Period['state'] => (p.to < range.asOf ? 'closed' : 'open');
  const keep = (p: { from: string; to: string }) => p.to >= range.from && p.from <= range.to && p.from <= range.asOf;
  if (kind === 'semester') {
    return [...semesters]
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
      .map((s) => ({ from: s.startsOn, to: s.endsOn, key: s.code }))
      .filter(keep)
      .map((s) => ({ kind, key: s.key, from: s.from, to: s.to, state: state(s) }));
  }
  const out: Period[] = [];
  const firstYear = Number(range.from.slice(0, 4));
  const lastYear = Number(range.to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (let index = 1; index <= perYear[kind]; index++) {
      const b = boundsOf(kind, year, index);
      if (keep(b)) out.push({ kind, key: keyOf(kind, year, index), ...b, state: state(b) });
    }
  }
  return out;
}

/** Days from asOf to the last day of the period, counting both (the last day itself is 1). */
export const daysLeft = (period: { to: string }, asOf: string) => daysBetween(asOf, period.to) + 1;

/** How long before a period's end an unmet requirement becomes a warning. */
export const warningWindowDays: Record<PeriodKind, number> = {
  month: 7,
  quarter: 15,
  half: 30,
  semester: 30,
  year: 30,
};

/** A period as people write it: 2021年第3季度 / 2021 Q3. */
export function periodLabel(key: string | null, locale: 'zh' | 'en'): string {
  if (key === null) return locale === 'zh' ? '当前' : 'now';
  const b = boundsOfKey(key);
  if (!b) return locale === 'zh' ? `${key}学期` : `semester ${key}`;
  const y = key.slice(0, 4);
  if (b.kind === 'year') return locale === 'zh' ? `${y}年` : y;
  const n = Number(key.slice(-1));
  if (b.kind === 'half') return locale === 'zh' ? `${y}年${n === 1 ? '上' : '下'}半年` : `H${n} ${y}`;
  if (b.kind === 'quarter') return locale === 'zh' ? `${y}年第${n}季度` : `Q${n} ${y}`;
  const month = Number(key.slice(5, 7));
  return locale === 'zh' ? `${y}年${month}月` : `${y}-${pad(month)}`;
}

/** Whether an interval [validFrom, validTo) covers a whole period: an org or member owes it only then. */
export function coversPeriod(
  interval: { validFrom: string; validTo: string | null },
  period: { from: string; to: string },
) {
  return interval.validFrom <= period.from && (interval.validTo === null || interval.validTo > period.to);
}

/** Whether an interval [validFrom, validTo) includes a day. */
export function validOn(interval: { validFrom: string; validTo: string | null }, day: string) {
  return interval.validFrom <= day && (interval.validTo === null || interval.validTo > day);
}
