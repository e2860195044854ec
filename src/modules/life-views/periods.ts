/**
 * Bounds of Asia/Shanghai calendar periods (`YYYY-MM-DD`, inclusive) for the life views' due dates
 * and counts, on top of the domain's periods (`src/domain/periods.ts`), which the engine uses too.
 */
import { addDays, boundsOfKey, periodKeyOf } from '../../domain/periods.ts';

export { addDays };

export function monthBounds(month: string): { from: string; to: string } {
  const b = boundsOfKey(month);
  if (!b) throw new Error(`not a month: ${month}`);
  return { from: b.from, to: b.to };
}

export function quarterBounds(day: string): { from: string; to: string } {
  const b = boundsOfKey(periodKeyOf(day, 'quarter')) as { from: string; to: string };
  return { from: b.from, to: b.to };
}

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** Every period from one day to another, in order, so empty periods show as zero. */
export function periodsBetween(from: string, to: string, by: 'month' | 'quarter' | 'year'): string[] {
  const out: string[] = [];
  let day = `${from.slice(0, 7)}-01`;
  while (day.slice(0, 7) <= to.slice(0, 7)) {
    const p = periodKeyOf(day, by);
    if (out[out.length - 1] !== p) out.push(p);
    const [y, m] = day.split('-').map(Number);
    day = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return out;
}
