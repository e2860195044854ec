/** Calendar periods of Asia/Shanghai days as `YYYY-MM-DD` bounds (inclusive), for due dates and counts. */

const pad = (n: number) => String(n).padStart(2, '0');

export const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` };
}

export function quarterBounds(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDayOfMonth(y, first + 2))}` };
}

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The period a day falls in: `2026-03`, `2026-Q1` or `2026`. */
export function periodOf(day: string, by: 'month' | 'quarter' | 'year'): string {
  const [y, m] = day.split('-').map(Number);
  if (by === 'year') return String(y);
  if (by === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${pad(m)}`;
}

/** Every period from one day to another, in order, so empty periods show as zero. */
export function periodsBetween(from: string, to: string, by: 'month' | 'quarter' | 'year'): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    const p = periodOf(`${y}-${pad(m)}-01`, by);
    if (out[out.length - 1] !== p) out.push(p);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
