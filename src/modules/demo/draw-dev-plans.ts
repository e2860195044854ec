/**
 * The demo's development work at college level: each college-level organization's annual plan
 * (发展计划) for every year it admitted someone, with quotas per branch and category that cover
 * the year's admissions; its yearly activist pool analysis (入党积极分子队伍状况分析) with the
 * pipeline counts of the day; and a secretary in contact with every young-teacher activist or
 * candidate (书记联系青年教师入党积极分子). Two defects are planted — one college without last
 * year's analysis (DEV-11), one branch admitted above last year's quota (DEV-12) — and reported as
 * `DevCollegeDefect`. Pure and seeded.
 */
import type { z } from 'zod';
import { stageOf } from '../../domain/development/stage.ts';
import type { DevStep } from '../../domain/development/steps.ts';
import { ageOn, type DevCategory } from '../../domain/rules/dev-college-facts.ts';
import type {
  developmentContactsSchema,
  developmentPlansSchema,
  poolAnalysesSchema,
} from '../dataset/dev-plans-sections.ts';
import { addDays, dateOf, maxDate, minDate, yearOf } from './dates.ts';
import type { DemoDevCase } from './draw-development.ts';
import { createRandom } from './random.ts';

type Org = { code: string; parent: string | null; kind: string; name: string; branchCategory?: string | null };
type Person = { code: string; name: string; birthDate?: string | null; personCategory: string };
type Membership = { person: string; org: string; joinedOn?: string | null };
type Term = { org: string; positions: { role: string; person: string; from: string; to?: string | null }[] };

/** A college-level defect planted on purpose: the rule that must find it, for the org and year. */
export type DevCollegeDefect = { kind: 'devCollegeDefect'; rule: 'DEV-11' | 'DEV-12'; org: string; year: number };

/**
 * The demo admits in two batches a year (late May and late November, `admissionBatches`), so one
 * month holds about half of a year's admissions and, with a handful of cases, up to two thirds:
 * DEV-12's default 40 % would call every college a rush. The university sets two thirds.
 */
export const DEMO_DEV_PARAMETERS = [{ rule: 'DEV-12', org: null, values: { maxMonthShare: 0.67 } }];

/** DEV-14's default: a young teacher is at most 35 on the day. */
const YOUNG_TEACHER_MAX_AGE = 35;

const categoryOf = (personCategory: string | undefined): DevCategory =>
  personCategory === 'student' ? 'student' : 'staff';

/** The day a case counts as an admission, as DEV-12 counts it (see docs/development-plans.md). */
export function admissionDay(events: DemoDevCase['events']): string | null {
  const first = (test: (e: DemoDevCase['events'][number]) => boolean) =>
    events
      .filter(test)
      .map((e) => e.on)
      .sort()[0] ?? null;
  const day =
    first((e) => e.step === 'admissionVote' && (!e.vote || e.vote.yes * 2 > e.vote.expected)) ??
    first((e) => e.step === 'approval');
  if (day === null || events.some((e) => e.step === 'notAdmitted' && e.on >= day)) return null;
  return day;
}

export function drawDevPlans(input: {
  asOf: string;
  seed: number;
  orgs: Org[];
  people: Person[];
  memberships: Membership[];
  terms: Term[];
  development: DemoDevCase[];
}): {
  developmentPlans: z.input<typeof developmentPlansSchema>;
  poolAnalyses: z.input<typeof poolAnalysesSchema>;
  developmentContacts: z.input<typeof developmentContactsSchema>;
  defects: DevCollegeDefect[];
} {
  const { asOf } = input;
  const random = createRandom(input.seed * 104729 + 23);
  const year = yearOf(asOf);
  const years = [year - 2, year - 1, year];
  const orgByCode = new Map(input.orgs.map((o) => [o.code, o]));
  const person = new Map(input.people.map((p) => [p.code, p]));
  const colleges = input.orgs.filter((o) => o.kind === 'college' || (o.kind === 'branch' && o.parent === null));
  const collegeOf = (branch: string) => orgByCode.get(branch)?.parent ?? branch;
  const defects: DevCollegeDefect[] = [];

  // ——— Admissions: the cases' (what DEV-12 counts) and the membership records' (the whole story) ———
  const tally = () => new Map<string, number>();
  const key = (college: string, y: number, branch: string, category: DevCategory) =>
    `${college}|${y}|${branch}|${category}`;
  const bump = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + 1);
  const fromCases = tally();
  for (const c of input.development) {
    const on = admissionDay(c.events);
    if (on === null) continue;
    bump(fromCases, key(collegeOf(c.org), yearOf(on), c.org, categoryOf(person.get(c.person)?.personCategory)));
  }
  const fromMemberships = tally();
  const counted = new Set<string>();
  for (const m of input.memberships) {
    // A member's first membership is the branch that admitted them.
    if (!m.joinedOn || counted.has(m.person)) continue;
    counted.add(m.person);
    bump(
      fromMemberships,
      key(collegeOf(m.org), yearOf(m.joinedOn), m.org, categoryOf(person.get(m.person)?.personCategory)),
    );
  }

  // ——— Plans: every year a college-level org admitted someone ———
  type Line = { branch: string; category: DevCategory; quota: number; admitted: number };
  const plans: { college: string; year: number; lines: Line[] }[] = [];
  for (const college of colleges)
    for (const y of years) {
      const lines = new Map<string, Line>();
      for (const map of [fromCases, fromMemberships])
        for (const [k, n] of map) {
          const [c, ky, branch, category] = k.split('|');
          if (c !== college.code || Number(ky) !== y) continue;
          const line = lines.get(`${branch}|${category}`) ?? {
            branch,
            category: category as DevCategory,
            quota: 0,
            admitted: fromCases.get(k) ?? 0,
          };
          line.quota = Math.max(line.quota, n);
          lines.set(`${branch}|${category}`, line);
        }
      if (lines.size === 0) continue;
      // Room to spare: a closed year's plan was not filled to the last place, this year's has batches to come.
      for (const line of lines.values()) line.quota += y < year ? random.int(0, 2) : random.int(1, 3);
      plans.push({ college: college.code, year: y, lines: [...lines.values()] });
    }
  // DEV-12: one branch admitted (in its cases) one more than last year's quota.
  const lastYears = (least: number) =>
    plans.filter((p) => p.year === year - 1 && p.lines.some((l) => l.admitted >= least));
  const exceededFrom = lastYears(2).length ? lastYears(2) : lastYears(1);
  const exceeded = exceededFrom.length ? random.pick(exceededFrom) : undefined;
  if (exceeded) {
    const line = exceeded.lines.filter((l) => l.admitted >= 1).sort((a, b) => b.admitted - a.admitted)[0];
    line.quota = line.admitted - 1;
    defects.push({ kind: 'devCollegeDefect', rule: 'DEV-12', org: exceeded.college, year: exceeded.year });
  }
  const developmentPlans = plans.map((p) => {
    const total = (category: DevCategory) =>
      p.lines.filter((l) => l.category === category).reduce((s, l) => s + l.quota, 0);
    return {
      college: p.college,
      year: p.year,
      note: `${p.year}年发展党员计划：学生${total('student')}名、教职工${total('staff')}名。坚持标准、保证质量，成熟一个发展一个，全年分两批集中审议，不突击发展。`,
      lines: p.lines.map(({ branch, category, quota }) => ({ branch, category, quota })),
    };
  });

  // ——— Pool analyses: each closed year in December, this year at mid-year once it has passed ———
  const casesOf = new Map<string, DemoDevCase[]>();
  for (const c of input.development) {
    const college = collegeOf(c.org);
    casesOf.set(college, [...(casesOf.get(college) ?? []), c]);
  }
  const countsOn = (college: string, on: string) => {
    const byStage = {
      applicant: { student: 0, staff: 0 },
      activist: { student: 0, staff: 0 },
      candidate: { student: 0, staff: 0 },
      probationary: { student: 0, staff: 0 },
    };
    let youngTeachers = 0;
    for (const c of casesOf.get(college) ?? []) {
      const stage = stageOf(c.events.filter((e) => e.on <= on).map((e) => ({ step: e.step as DevStep, on: e.on })));
      if (stage === null || !(stage in byStage)) continue;
      const p = person.get(c.person);
      const category = categoryOf(p?.personCategory);
      byStage[stage as keyof typeof byStage][category] += 1;
      if (
        category === 'staff' &&
        (stage === 'activist' || stage === 'candidate') &&
        p?.birthDate &&
        ageOn(p.birthDate, on) <= YOUNG_TEACHER_MAX_AGE
      )
        youngTeachers += 1;
    }
    return { byStage, youngTeachers };
  };
  const summaryOf = (y: number, counts: ReturnType<typeof countsOn>) => {
    const { applicant, activist, candidate } = counts.byStage;
    const pool = activist.student + activist.staff + candidate.student + candidate.staff;
    if (pool + applicant.student + applicant.staff === 0)
      return `${y}年度本单位无入党申请人和入党积极分子。今后继续做好党的基本知识宣传，关注有入党意愿的同志。`;
    return [
      `${y}年度入党积极分子队伍状况分析：现有入党申请人${applicant.student + applicant.staff}名，入党积极分子${activist.student + activist.staff}名（学生${activist.student}名、教职工${activist.staff}名），发展对象${candidate.student + candidate.staff}名，其中青年教师${counts.youngTeachers}名。`,
      '队伍总体结构合理、思想积极向上；部分学生积极分子理论学习深度不够，思想汇报内容较为空泛。',
      '下一步：落实培养联系人每季度谈心谈话，严格半年考察，书记联系青年教师积极分子，做好团组织推优。',
    ].join('');
  };
  const analysisDay = (y: number) => (y < year ? dateOf(y, 12, random.int(8, 28)) : dateOf(y, 6, random.int(10, 28)));
  // DEV-11: one college (a real one, with a pipeline) skipped last year's analysis.
  const withPipeline = colleges.filter((c) => c.kind === 'college' && (casesOf.get(c.code)?.length ?? 0) > 0);
  const skipped = withPipeline.length ? random.pick(withPipeline) : undefined;
  const poolAnalyses: z.input<typeof poolAnalysesSchema> = [];
  for (const college of colleges)
    for (const y of years) {
      const heldOn = analysisDay(y);
      if (heldOn > asOf) continue; // this year's is not due before December
      if (college.code === skipped?.code && y === year - 1) continue;
      const counts = countsOn(college.code, heldOn);
      poolAnalyses.push({ college: college.code, year: y, heldOn, summary: summaryOf(y, counts), counts });
    }
  if (skipped) defects.push({ kind: 'devCollegeDefect', rule: 'DEV-11', org: skipped.code, year: year - 1 });

  // ——— Contacts: the college-level secretary with each young teacher in the pool ———
  const secretaryOf = (org: string, on: string) =>
    input.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions)
      .find((p) => p.role === 'secretary' && p.from <= on && (p.to == null || on < p.to));
  const developmentContacts: z.input<typeof developmentContactsSchema> = [];
  for (const c of input.development) {
    const p = person.get(c.person);
    if (categoryOf(p?.personCategory) !== 'staff' || !p?.birthDate) continue;
    const activistOn = c.events.find((e) => e.step === 'activist')?.on;
    if (!activistOn) continue;
    const stage = stageOf(c.events.map((e) => ({ step: e.step as DevStep, on: e.on })));
    const withdrawnOn = c.events.find((e) => e.step === 'withdrawn')?.on ?? null;
    const current = stage === 'activist' || stage === 'candidate';
    // Young on the day that matters: today for the pool, the day they left for a closed contact.
    if (!(current || withdrawnOn) || ageOn(p.birthDate, withdrawnOn ?? asOf) > YOUNG_TEACHER_MAX_AGE) continue;
    const college = collegeOf(c.org);
    const seat = secretaryOf(college, withdrawnOn ?? asOf) ?? secretaryOf(c.org, withdrawnOn ?? asOf);
    if (!seat) continue;
    // Assigned within weeks of becoming an activist, or when the secretary took the seat.
    const from = minDate(maxDate(addDays(activistOn, random.int(3, 20)), seat.from), withdrawnOn ?? asOf);
    developmentContacts.push({
      secretary: seat.person,
      person: c.person,
      from,
      to: withdrawnOn,
      note: random.pick(['每学期至少谈心一次', '每季度了解思想和工作情况', '结合教学科研工作联系指导']),
    });
  }
  return { developmentPlans, poolAnalyses, developmentContacts, defects };
}
