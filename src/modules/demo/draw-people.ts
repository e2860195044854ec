/**
 * Draws the members of one branch: staff, counselors, students and retirees with ages, titles,
 * units and Party dates that fit together (a professor is not 27, a student joined in their second
 * year, a retiree retired before joining the retirees' branch).
 */
import { addDays, addYears, dateOf, maxDate, minDate, yearOf } from './dates.ts';
import type { DemoPerson, Duty } from './model.ts';
import { chineseName, type Gender } from './names.ts';
import type { Random } from './random.ts';

export type DrawContext = {
  random: Random;
  asOf: string;
  codes: CodeBook;
  /** Admission days (接收预备党员) of each branch: the members admitted together share the day. */
  batches: (org: string) => string[];
};

export class CodeBook {
  private counters = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(4, '0')}`;
  }
}

type Where = { org: string; validFrom: string };

const genderOf = (random: Random, maleShare: number): Gender => (random.chance(maleShare) ? 'male' : 'female');

/** A birth date that makes the person exactly `age` on the as-of day. */
const birthDateFor = (random: Random, asOf: string, age: number) => addDays(addYears(asOf, -age), -random.int(0, 364));

const teacherTitle = (random: Random, age: number) =>
  age >= 45
    ? random.weighted(['教授', '副教授', '讲师', '高级实验师'], [30, 45, 20, 5])
    : age >= 38
      ? random.weighted(['教授', '副教授', '讲师', '高级实验师'], [6, 40, 46, 8])
      : age >= 31
        ? random.weighted(['副教授', '讲师', '实验师'], [12, 75, 13])
        : random.weighted(['讲师', '助教', '实验师'], [40, 45, 15]);

const officeTitle = (random: Random, age: number) =>
  age >= 40
    ? random.weighted(['副处长', '科长', '副科长', '主任科员'], [15, 35, 20, 30])
    : age >= 30
      ? random.weighted(['科长', '副科长', '科员'], [15, 35, 50])
      : '科员';

const serviceTitle = (random: Random, age: number) =>
  age >= 40
    ? random.weighted(['主管', '工程师', '技师', '会计'], [30, 30, 25, 15])
    : random.weighted(['助理工程师', '技师', '高级工', '会计'], [30, 25, 30, 15]);

export const workshopTitle = (random: Random, age: number) =>
  age >= 40
    ? random.weighted(['副教授', '高级实验师', '高级工程师'], [40, 35, 25])
    : random.weighted(['讲师', '实验师', '工程师'], [45, 35, 20]);

const retiredTitle = (random: Random) =>
  random.weighted(
    ['教授', '副教授', '高级讲师', '讲师', '高级工程师', '处长', '科长', '科员'],
    [8, 22, 15, 15, 8, 8, 12, 12],
  );

export type StaffOptions = Where & {
  duty: Exclude<Duty, 'student' | 'retired'>;
  unit: string;
  maleShare: number;
  /** Age range on the as-of day. */
  ages: [number, number];
  /** A fixed title (辅导员, 院长); otherwise drawn for the duty and age. */
  title?: string;
  titleFor?: (random: Random, age: number) => string;
  leadingCadre?: boolean;
  /** Young staff may be probationary members (admitted in the last year). */
  mayBeProbationary?: boolean;
};

export function drawStaff(ctx: DrawContext, options: StaffOptions): DemoPerson {
  const { random, asOf } = ctx;
  const age = random.int(options.ages[0], options.ages[1]);
  const gender = genderOf(random, options.maleShare);
  const birthDate = birthDateFor(random, asOf, age);
  const title =
    options.title ??
    options.titleFor?.(random, age) ??
    {
      teacher: teacherTitle,
      counselor: () => '辅导员',
      office: officeTitle,
      service: serviceTitle,
      cadre: () => '处长',
    }[options.duty](random, age);
  const hiredOn = minDate(addDays(addYears(birthDate, random.int(22, 27)), random.int(150, 250)), addDays(asOf, -60));
  let joinedOn: string;
  let confirmedOn: string | null;
  if (options.mayBeProbationary && age < 35 && random.chance(0.05)) {
    joinedOn = addDays(asOf, -random.int(20, 330));
    confirmedOn = null;
  } else {
    // Most staff joined the Party at college, the others at work.
    const joinAge = random.chance(0.6) ? random.int(19, 21) : random.int(22, Math.max(22, Math.min(age - 2, 38)));
    joinedOn = minDate(addDays(addYears(birthDate, joinAge), random.int(0, 364)), addDays(asOf, -random.int(400, 700)));
    confirmedOn = addYears(joinedOn, 1);
  }
  return {
    code: ctx.codes.next('T'),
    name: chineseName(random, gender, yearOf(birthDate)),
    gender,
    birthDate,
    personCategory: 'staff',
    unit: options.unit,
    title,
    leadingCadre: options.leadingCadre ?? false,
    duty: options.duty,
    joinedOn,
    confirmedOn,
    placements: [{ org: options.org, group: null, from: maxDate(options.validFrom, hiredOn, joinedOn) }],
  };
}

export type RetireeOptions = Where & { maleShare: number; formerUnits: string[] };

export function drawRetiree(ctx: DrawContext, options: RetireeOptions): DemoPerson {
  const { random, asOf } = ctx;
  const gender = genderOf(random, options.maleShare);
  const age = gender === 'male' ? random.int(61, 88) : random.int(56, 86);
  const birthDate = birthDateFor(random, asOf, age);
  const retiredOn = addYears(birthDate, gender === 'male' ? 60 : 55);
  const joinedOn = addDays(addYears(birthDate, random.int(20, 40)), random.int(0, 364));
  return {
    code: ctx.codes.next('R'),
    name: chineseName(random, gender, yearOf(birthDate)),
    gender,
    birthDate,
    personCategory: 'retired',
    unit: `原${random.pick(options.formerUnits)}`,
    title: retiredTitle(random),
    leadingCadre: false,
    duty: 'retired',
    joinedOn,
    confirmedOn: addYears(joinedOn, 1),
    placements: [{ org: options.org, group: null, from: maxDate(options.validFrom, retiredOn) }],
  };
}

/** Cohorts (year of enrolment) still studying on the as-of day: three-year programmes. */
export function currentCohorts(asOf: string): number[] {
  const year = yearOf(asOf);
  return [year - 3, year - 2, year - 1, year].filter((e) => dateOf(e, 9, 1) <= asOf && dateOf(e + 3, 6, 30) > asOf);
}

export type StudentOptions = Where & {
  unit: string;
  majors: string[];
  maleShare: number;
  /** Only this cohort (the final-year students of an internship). */
  cohort?: number;
  /** Admitted no later than this day. */
  admittedBy?: string;
};

/** A student member: admitted from the second year on, in one of the branch's admission batches. */
export function drawStudent(ctx: DrawContext, options: StudentOptions): DemoPerson {
  const { random, asOf } = ctx;
  const latest = options.admittedBy ?? addDays(asOf, -7);
  const batches = ctx.batches(options.org).filter((d) => d <= latest);
  const cohorts = (options.cohort ? [options.cohort] : currentCohorts(asOf)).filter((e) =>
    batches.some((d) => d >= dateOf(e + 1, 4, 1)),
  );
  const cohort = random.pick(cohorts);
  const joinedOn = random.pick(batches.filter((d) => d >= dateOf(cohort + 1, 4, 1)));
  const confirmedOn = addYears(joinedOn, 1) <= asOf ? addYears(joinedOn, 1) : null;
  const gender = genderOf(random, options.maleShare);
  const birthDate = dateOf(cohort - 18 - (random.chance(0.3) ? 1 : 0), random.int(1, 12), random.int(1, 28));
  const classNo = `${String(cohort % 100).padStart(2, '0')}0${random.int(1, 4)}`;
  return {
    code: ctx.codes.next(`S${cohort}`),
    name: chineseName(random, gender, yearOf(birthDate)),
    gender,
    birthDate,
    personCategory: 'student',
    unit: `${options.unit}${random.pick(options.majors)}${classNo}班`,
    title: null,
    leadingCadre: false,
    duty: 'student',
    joinedOn,
    confirmedOn,
    placements: [{ org: options.org, group: null, from: maxDate(options.validFrom, joinedOn) }],
  };
}

/** Admission days of a branch: one in late May and one in late November each year. */
export function admissionBatches(random: Random, asOf: string): string[] {
  const year = yearOf(asOf);
  const days: string[] = [];
  for (let y = year - 3; y <= year; y++)
    for (const month of [5, 11]) {
      const day = dateOf(y, month, random.int(10, 28));
      if (day <= asOf) days.push(day);
    }
  return days;
}
