/**
 * Working days (Monday to Friday) from `from` to `until`, both included. Public holidays and
 * 调休 working weekends are not known to the platform: a publicity period over a holiday needs
 * the extra days added by hand.
 */
export function workdaysBetween(from: string, until: string): number {
  let n = 0;
  const end = Date.parse(`${until}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) n++;
  }
  return n;
}
