/**
 * The national dues schedule (关于中国共产党党费收缴、使用和管理的规定, 中组发〔2008〕3号) as
 * data with effective months, so a later regulation adds a schedule instead of changing code.
 *
 * Decisions the regulation leaves to us, applied everywhere amounts are computed:
 * - Bracket bounds are inclusive upper bounds, as the text says “3000元以下（含3000元）”:
 *   3000.00 元 pays 0.5 %, 3000.01 元 pays 1 %; likewise 5000.00 元 (1 %) and 10000.00 元 (1.5 %),
 *   and 5000.00 元 of pension pays 0.5 %.
 * - The rate applies to the whole base (a flat rate per bracket, not a progressive one).
 * - Amounts are rounded half up to the fen (四舍五入到分): 1.00 元 at 0.5 % is 0.005 元 → 0.01 元.
 *   The arithmetic is in integers (fen × basis points), so there is no floating-point error.
 */

export const duesCategories = ['staff', 'retired', 'student', 'relief'] as const;
export type DuesCategory = (typeof duesCategories)[number];

export const duesCategoryNames: Record<DuesCategory, { zh: string; en: string }> = {
  staff: { zh: '在职', en: 'staff' },
  retired: { zh: '离退休', en: 'retired' },
  student: { zh: '学生', en: 'student' },
  relief: { zh: '困难（低保、救济）', en: 'relief' },
};

/** One bracket: bases up to `upTo` fen (inclusive; null: no upper bound) pay `basisPoints` / 10000. */
export type Bracket = { upTo: number | null; basisPoints: number };

export type DuesSchedule = {
  /** First month (`YYYY-MM`) the schedule applies to. */
  effectiveFrom: string;
  source: { zh: string; en: string };
  /** Categories paying a rate of their income base, brackets in ascending order. */
  rated: Record<'staff' | 'retired', Bracket[]>;
  /** Categories paying a fixed monthly amount in fen, whatever their income. */
  fixed: Record<'student' | 'relief', number>;
};

export const duesSchedules: DuesSchedule[] = [
  {
    effectiveFrom: '2008-04',
    source: {
      zh: '中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）',
      en: 'CPC Organization Department, Regulations on the Collection, Use and Management of Party Dues (2008, No. 3)',
    },
    rated: {
      // After-tax monthly salary: ≤ 3000 元 0.5 %; ≤ 5000 元 1 %; ≤ 10000 元 1.5 %; above 2 %.
      staff: [
        { upTo: 300_000, basisPoints: 50 },
        { upTo: 500_000, basisPoints: 100 },
        { upTo: 1_000_000, basisPoints: 150 },
        { upTo: null, basisPoints: 200 },
      ],
      // Monthly pension: ≤ 5000 元 0.5 %; above 1 %.
      retired: [
        { upTo: 500_000, basisPoints: 50 },
        { upTo: null, basisPoints: 100 },
      ],
    },
    // Students and members living on relief or the minimum income: 0.2 元 a month.
    fixed: { student: 20, relief: 20 },
  },
];

/** The schedule in force in a month (the latest one that has started), or null before the first. */
export function scheduleFor(month: string, schedules: DuesSchedule[] = duesSchedules): DuesSchedule | null {
  let found: DuesSchedule | null = null;
  for (const s of schedules)
    if (s.effectiveFrom <= month && (!found || s.effectiveFrom > found.effectiveFrom)) found = s;
  return found;
}

export type MonthlyDues = {
  /** Fen a month. */
  amount: number;
  /** The rate applied (basis points), or null for a fixed amount. */
  basisPoints: number | null;
  effectiveFrom: string;
};

/** `fen × basisPoints / 10000`, rounded half up to the fen, in integers. */
export const applyRate = (base: number, basisPoints: number) => Math.floor((base * basisPoints + 5000) / 10000);

/**
 * A member's monthly dues for a category and income base (fen) in a month; null when no schedule
 * covers the month. `base` is ignored for the fixed-amount categories.
 */
export function monthlyDues(
  input: { category: DuesCategory; base: number; month: string },
  schedules: DuesSchedule[] = duesSchedules,
): MonthlyDues | null {
  const schedule = scheduleFor(input.month, schedules);
  if (!schedule) return null;
  if (input.category === 'student' || input.category === 'relief')
    return { amount: schedule.fixed[input.category], basisPoints: null, effectiveFrom: schedule.effectiveFrom };
  const brackets = schedule.rated[input.category];
  const bracket = brackets.find((b) => b.upTo === null || input.base <= b.upTo) ?? brackets[brackets.length - 1];
  return {
    amount: applyRate(input.base, bracket.basisPoints),
    basisPoints: bracket.basisPoints,
    effectiveFrom: schedule.effectiveFrom,
  };
}

/** `150` basis points as `1.5%`. */
export const rateLabel = (basisPoints: number) => `${basisPoints / 100}%`;

/** Fen as 元 with two decimals: 1234 → `12.34`. */
export const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
