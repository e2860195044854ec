/**
 * The birth date in a resident identity card number (居民身份证号码), checked against the number's
 * check digit (GB 11643): 18 digits (the last may be X) carry YYYYMMDD at positions 7–14; the old
 * 15-digit numbers carry YYMMDD of a 19xx date. Null for anything else. The number itself is not kept.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

const realDay = (y: string, m: string, d: string) => {
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
};

export function birthDateOfIdNumber(text: string): string | null {
  const id = text.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(id)) {
    const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
    if (checkChars[sum % 11] !== id[17]) return null;
    return realDay(id.slice(6, 10), id.slice(10, 12), id.slice(12, 14));
  }
  if (/^\d{15}$/.test(id)) return realDay(`19${id.slice(6, 8)}`, id.slice(8, 10), id.slice(10, 12));
  return null;
}
