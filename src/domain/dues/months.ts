/** Calendar months as `YYYY-MM` strings: they sort and compare as text. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The month of a day: `2021-03-15` → `2021-03`. */
export const monthOf = (day: string) => day.slice(0, 7);

/** `2021-12` + 1 → `2022-01`; negative steps go back. */
export function addMonth(month: string, steps: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + steps;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** Every month from `first` to `last`, both included (empty when last is earlier). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonth(m, 1)) out.push(m);
  return out;
}

/** The last day of a month, `2024-02` → `2024-02-29`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
