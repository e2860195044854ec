/**
 * The demo's member development (发展党员): a case for a branch's latest members, probationary
 * and confirmed in the last year, told backwards from their admission day (application, talk, recommendation, activist with
 * mentors, quarterly thought reports, half-yearly assessments, candidate a year later, political
 * review, training, sponsors, publicity, preliminary review, the general assembly's vote with the
 * branch's real headcount, superior talk, approval, oath and, a year on, confirmation), plus new
 * people in the pipeline — applicants, activists and candidates of every branch, some withdrawn or
 * not admitted — and a few planted defects the DEV rules must find (`DevDefect`). Pure and
 * deterministic: the same (asOf, seed), the same cases.
 */
import type { z } from 'zod';
import type { devEventSchema } from '../dataset/development-section.ts';
import { addDays, addYears, dateOf, maxDate, minDate, yearOf } from './dates.ts';
import { chineseName, type Gender } from './names.ts';
import { createRandom } from './random.ts';

type DevEventInput = z.input<typeof devEventSchema>;
export type DemoDevCase = { person: string; org: string; events: DevEventInput[] };

type Person = { code: string; birthDate: string; personCategory: 'staff' | 'student' | 'retired' };
type Membership = {
  person: string;
  status: 'full' | 'probationary';
  joinedOn?: string | null;
  confirmedOn?: string | null;
  org: string;
  from: string;
  to?: string | null;
};
type Org = { code: string; name: string; parent: string | null; kind: string; branchCategory?: string | null };

/** A person the pipeline adds: an applicant, activist or candidate who is not a member yet. */
export type DemoApplicant = {
  code: string;
  name: string;
  gender: Gender;
  birthDate: string;
  personCategory: 'staff' | 'student';
  unit: string;
};

/** A defect planted on purpose, with the rule that must find it. */
export type DevDefect = { kind: 'devDefect'; rule: string; person: string; org: string };

const months = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dateOf(year, month, Math.min(d, last));
};

/** Quarters (or half-years) touched by [from, to], each as [start, end]. */
function spans(from: string, to: string, monthsEach: 3 | 6): [string, string][] {
  const out: [string, string][] = [];
  const startMonth = Math.floor((Number(from.slice(5, 7)) - 1) / monthsEach) * monthsEach + 1;
  let start = dateOf(yearOf(from), startMonth, 1);
  while (start <= to) {
    const next = months(start, monthsEach);
    out.push([start, addDays(next, -1)]);
    start = next;
  }
  return out;
}

export function drawDevelopment(input: {
  asOf: string;
  seed: number;
  people: Person[];
  memberships: Membership[];
  orgs: Org[];
  /** Codes and names of new people, from the generator's code book (so codes never collide). */
  nextCode: (prefix: string) => string;
}): { development: DemoDevCase[]; applicants: DemoApplicant[]; defects: DevDefect[] } {
  const { asOf } = input;
  const random = createRandom(input.seed * 104729 + 17);
  const branches = input.orgs.filter((o) => o.kind === 'branch');
  const category = new Map(input.people.map((p) => [p.code, p.personCategory]));
  const birthDate = new Map(input.people.map((p) => [p.code, p.birthDate]));
  const orgByCode = new Map(input.orgs.map((o) => [o.code, o]));
  /** A new person's unit: their college (机电工程学院), or the branch itself where it has none. */
  const unitOf = (branch: string) => {
    const org = orgByCode.get(branch);
    return (org?.parent ? orgByCode.get(org.parent)?.name : org?.name) ?? branch;
  };

  const fullOn = (org: string, date: string) =>
    input.memberships.filter(
      (m) => m.org === org && m.status === 'full' && m.from <= date && (m.to == null || date < m.to),
    );
  /** Full members of the branch on the day, never the person themself; any full member of the university as a last resort. */
  const pickFull = (org: string, date: string, n: number, not: string) => {
    let pool = [...new Set(fullOn(org, date).map((m) => m.person))].filter((p) => p !== not);
    if (pool.length < n)
      pool = [
        ...new Set(
          input.memberships
            .filter((m) => m.status === 'full' && m.from <= date && (m.to == null || date < m.to))
            .map((m) => m.person),
        ),
      ].filter((p) => p !== not);
    return random.shuffle(pool).slice(0, n);
  };
  const vote = (org: string, on: string) => {
    const expected = new Set(fullOn(org, on).map((m) => m.person)).size;
    const present = Math.max(0, expected - random.int(0, Math.min(3, Math.floor(expected / 5))));
    // One abstention at most, and only where the motion still carries (赞成 > 应到的半数).
    const yes = present - ((present - 1) * 2 > expected ? random.int(0, 1) : 0);
    return { expected, present, yes, no: 0, abstain: present - yes };
  };

  /** Thought reports each quarter and assessments each half-year over [from, to]. */
  const followUp = (from: string, to: string): DevEventInput[] => {
    const events: DevEventInput[] = [];
    for (const [start, end] of spans(from, to, 3)) {
      const lo = maxDate(from, start);
      const hi = minDate(end, to);
      events.push({ step: 'thoughtReport', on: addDays(lo, random.int(0, Math.max(0, daysBetween(lo, hi)))) });
    }
    for (const [start, end] of spans(from, to, 6)) {
      const lo = maxDate(from, start);
      const hi = minDate(end, to);
      events.push({
        step: 'assessment',
        on: addDays(lo, random.int(0, Math.max(0, daysBetween(lo, hi)))),
        result: random.weighted(['优秀', '良好', '合格'], [3, 5, 2]),
      });
    }
    return events;
  };

  const development: DemoDevCase[] = [];
  const defects: DevDefect[] = [];

  /**
   * The early steps of a case up to and including its candidacy (if `candidateOn` is given):
   * application, talk, recommendation, activist with mentors, reports and assessments.
   */
  const earlySteps = (
    person: string,
    org: string,
    dates: { applied: string; activist?: string; candidate?: string; until: string },
  ): DevEventInput[] => {
    const student = category.get(person) !== 'staff';
    const events: DevEventInput[] = [{ step: 'application', on: dates.applied, documents: [{ name: '入党申请书' }] }];
    const talkOn = addDays(dates.applied, random.int(5, 25));
    if (talkOn <= dates.until)
      events.push({
        step: 'talk',
        on: talkOn,
        by: pickFull(org, talkOn, 1, person),
        documents: [{ name: '谈话记录' }],
      });
    if (!dates.activist) return events;
    events.push({
      step: student ? 'leagueRecommendation' : 'massRecommendation',
      on: addDays(dates.activist, -random.int(7, 20)),
    });
    events.push({
      step: 'activist',
      on: dates.activist,
      mentors: pickFull(org, dates.activist, random.chance(0.7) ? 2 : 1, person),
      documents: [{ name: '支部委员会会议记录' }],
    });
    events.push(...followUp(dates.activist, dates.until));
    if (dates.candidate)
      events.push({ step: 'candidate', on: dates.candidate, documents: [{ name: '发展对象确定备案表' }] });
    return events;
  };

  /** From candidacy to admission: review, training, sponsors, publicity, pre-review and the vote. */
  const admissionSteps = (person: string, org: string, voteOn: string): DevEventInput[] => {
    const publicityUntil = addDays(voteOn, -random.int(3, 10));
    const sponsorsOn = addDays(voteOn, -random.int(25, 30));
    return [
      { step: 'politicalReview', on: addDays(voteOn, -random.int(50, 70)), documents: [{ name: '政审材料' }] },
      { step: 'training', on: addDays(voteOn, -random.int(35, 45)), hours: random.pick([24, 32, 40]) },
      { step: 'sponsors', on: sponsorsOn, sponsors: pickFull(org, sponsorsOn, 2, person) },
      { step: 'publicity', on: addDays(publicityUntil, -6), until: publicityUntil },
      { step: 'preReview', on: addDays(publicityUntil, 1) },
      {
        step: 'admissionVote',
        on: voteOn,
        vote: vote(org, voteOn),
        documents: [{ name: '入党志愿书' }, { name: '支部大会记录' }],
      },
    ];
  };

  // ——— Members admitted in the last two years: the whole story backwards from their admission ———
  // A branch's four latest probationary members and three confirmed within the last year.
  const perBranch = new Map<string, number>();
  const admitted = input.memberships
    .filter((m) => m.joinedOn && m.joinedOn >= addYears(asOf, -2) && m.from <= m.joinedOn)
    .filter((m, i, all) => all.findIndex((x) => x.person === m.person) === i)
    // Each branch admits in batches (May, November): its picks take turns between its admission
    // days, latest first, so the sample is not one batch — that would read as a rush (DEV-12).
    .map((m, _, all) => ({ m, turn: all.filter((x) => x.org === m.org && x.joinedOn === m.joinedOn).indexOf(m) }))
    .sort((a, b) => a.turn - b.turn || ((b.m.joinedOn as string) < (a.m.joinedOn as string) ? -1 : 1))
    .map(({ m }) => m)
    .filter((m) => {
      const confirmed = addYears(m.joinedOn as string, 1) <= asOf;
      const key = `${m.org}|${confirmed}`;
      const n = perBranch.get(key) ?? 0;
      perBranch.set(key, n + 1);
      return n < (confirmed ? 3 : 4);
    });
  for (const m of admitted) {
    const voteOn = m.joinedOn as string;
    const candidate = months(voteOn, -random.int(4, 8));
    let activist = months(candidate, -random.int(12, 15));
    let applied = months(activist, -random.int(2, 6));
    // Nobody applies before eighteen (DEV-01): a young member applied soon after their birthday,
    // and one too young to fit a year of training before their admission gets no case.
    const adult = addDays(addYears(birthDate.get(m.person) ?? applied, 18), random.int(7, 40));
    if (applied < adult) {
      applied = adult;
      activist = maxDate(activist, months(applied, 2));
      if (months(activist, 12) > candidate) continue;
    }
    const approval = minDate(addDays(voteOn, random.int(15, 50)), asOf);
    const confirmedOn = input.memberships.find((x) => x.person === m.person && x.confirmedOn)?.confirmedOn ?? null;
    const until = confirmedOn ?? asOf;
    const events: DevEventInput[] = [
      ...earlySteps(m.person, m.org, { applied, activist, candidate, until: voteOn }),
      ...admissionSteps(m.person, m.org, voteOn),
      { step: 'superiorTalk', on: minDate(addDays(voteOn, random.int(5, 12)), approval) },
      { step: 'approval', on: approval, documents: [{ name: '上级党委审批意见' }] },
    ];
    const oath = addDays(approval, random.int(3, 30));
    if (oath <= asOf) events.push({ step: 'oath', on: oath });
    // Probation: reports and assessments continue until confirmation.
    events.push(...followUp(addDays(voteOn, 1), until).filter((e) => e.on > voteOn));
    if (confirmedOn) {
      events.push({
        step: 'confirmationVote',
        on: confirmedOn,
        vote: vote(m.org, confirmedOn),
        documents: [{ name: '转正申请书' }],
      });
      const approvedOn = minDate(addDays(confirmedOn, random.int(10, 40)), asOf);
      events.push({ step: 'confirmationApproval', on: approvedOn });
    }
    development.push({ person: m.person, org: m.org, events });
  }

  // ——— New people in the pipeline, in every student, mixed and teacher branch ———
  const applicants: DemoApplicant[] = [];
  const newPerson = (org: string, kind: 'student' | 'teacher', appliedOn: string, age?: number): DemoApplicant => {
    const gender: Gender = random.chance(0.5) ? 'male' : 'female';
    const ageAtApplication = age ?? (kind === 'student' ? random.int(18, 20) : random.int(26, 33));
    const birthDate = addDays(addYears(appliedOn, -ageAtApplication), -random.int(1, 300));
    const cohort = yearOf(appliedOn) - (kind === 'student' ? random.int(0, 1) : 0);
    const person: DemoApplicant = {
      code: input.nextCode(kind === 'student' ? `S${cohort}` : 'T'),
      name: chineseName(random, gender, yearOf(birthDate)),
      gender,
      birthDate,
      personCategory: kind === 'student' ? 'student' : 'staff',
      unit: unitOf(org),
    };
    applicants.push(person);
    return person;
  };
  const pipelineBranches = branches.filter((b) => ['student', 'mixed', 'teacher'].includes(b.branchCategory ?? ''));
  for (const branch of pipelineBranches) {
    const kind = branch.branchCategory === 'teacher' ? 'teacher' : 'student';
    const scale = kind === 'student' ? 1 : 0.4;
    const count = (n: number) => Math.max(1, Math.round(n * scale));
    for (let i = 0; i < count(5); i++) {
      const applied = addDays(asOf, -random.int(35, 240));
      const p = newPerson(branch.code, kind, applied);
      development.push({
        person: p.code,
        org: branch.code,
        events: earlySteps(p.code, branch.code, { applied, until: asOf }),
      });
    }
    for (let i = 0; i < count(4); i++) {
      const activist = addDays(asOf, -random.int(60, 330));
      const applied = months(activist, -random.int(3, 8));
      const p = newPerson(branch.code, kind, applied);
      development.push({
        person: p.code,
        org: branch.code,
        events: earlySteps(p.code, branch.code, { applied, activist, until: asOf }),
      });
    }
    for (let i = 0; i < count(2); i++) {
      const candidate = addDays(asOf, -random.int(20, 150));
      const activist = months(candidate, -random.int(12, 14));
      const applied = months(activist, -random.int(3, 6));
      const p = newPerson(branch.code, kind, applied);
      const events = earlySteps(p.code, branch.code, { applied, activist, candidate, until: asOf });
      if (daysBetween(candidate, asOf) > 60)
        events.push({ step: 'politicalReview', on: addDays(candidate, random.int(20, 50)) });
      development.push({ person: p.code, org: branch.code, events });
    }
  }
  // Side exits: a few activists stopped, and a candidate the assembly did not admit.
  const exits = random.shuffle(development.filter((c) => applicants.some((a) => a.code === c.person)));
  for (const c of exits.slice(0, 5)) {
    const last = c.events.reduce((d, e) => maxDate(d, e.on), c.events[0].on);
    const on = minDate(addDays(last, random.int(10, 40)), asOf);
    c.events.push({ step: 'withdrawn', on, note: random.pick(['本人申请终止培养', '毕业离校', '出国留学']) });
  }

  // The assembly voted against one candidate: recorded honestly, the case ends as not admitted.
  const rejected = exits
    .slice(5)
    .find((c) => c.events.some((e) => e.step === 'candidate' && e.on <= addDays(asOf, -80)));
  if (rejected) {
    const candidate = rejected.events.find((e) => e.step === 'candidate')?.on as string;
    const on = addDays(candidate, 75);
    // Prepared like any admission (review, training, sponsors, publicity), then voted down.
    const prepared = admissionSteps(rejected.person, rejected.org, on);
    const v = prepared.pop()?.vote as ReturnType<typeof vote>;
    const yes = Math.max(0, Math.floor(v.expected / 2) - 1);
    rejected.events = rejected.events.filter((e) => e.step !== 'politicalReview');
    rejected.events.push(
      ...prepared,
      { step: 'admissionVote', on, vote: { ...v, yes, no: v.present - yes, abstain: 0 } },
      { step: 'notAdmitted', on },
    );
  }
  const closed = new Set([...exits.slice(0, 5), ...(rejected ? [rejected] : [])]);
  plantDefects({ asOf, development, exits: closed, defects, newPerson, pickFull });
  return { development, applicants, defects };
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * One defect per statutory rule, each on a different case so the rules can be read back one by
 * one: a minor applicant, a late talk, three mentors, a missed quarterly report, a missed
 * half-year assessment, a candidate too soon, one sponsor, a vote that did not carry, an approval
 * after four months.
 */
function plantDefects(ctx: {
  asOf: string;
  development: DemoDevCase[];
  exits: Set<DemoDevCase>;
  defects: DevDefect[];
  newPerson: (org: string, kind: 'student' | 'teacher', appliedOn: string, age?: number) => DemoApplicant;
  pickFull: (org: string, date: string, n: number, not: string) => string[];
}) {
  const { asOf, development, defects } = ctx;
  const open = development.filter((c) => !ctx.exits.has(c));
  const stageOf = (c: DemoDevCase) => {
    const steps = new Set(c.events.map((e) => e.step));
    if (steps.has('confirmationApproval')) return 'full';
    if (steps.has('approval')) return 'probationary';
    if (steps.has('candidate')) return 'candidate';
    if (steps.has('activist')) return 'activist';
    return 'applicant';
  };
  const taken = new Set<DemoDevCase>();
  const take = (stage: string, test: (c: DemoDevCase) => boolean = () => true) => {
    const found = open.find((c) => !taken.has(c) && stageOf(c) === stage && test(c));
    if (found) taken.add(found);
    return found;
  };
  const plant = (rule: string, c: DemoDevCase | undefined, change: (c: DemoDevCase) => void) => {
    if (!c) return;
    change(c);
    defects.push({ kind: 'devDefect', rule, person: c.person, org: c.org });
  };
  const event = (c: DemoDevCase, step: string) => c.events.find((e) => e.step === step) as DevEventInput;

  // DEV-01: a seventeen-year-old's application was accepted.
  const minorBranch = open.find((c) => stageOf(c) === 'applicant')?.org;
  if (minorBranch) {
    const applied = addDays(asOf, -60);
    const minor = ctx.newPerson(minorBranch, 'student', applied, 17);
    const talkOn = addDays(applied, 12);
    const c: DemoDevCase = {
      person: minor.code,
      org: minorBranch,
      events: [
        { step: 'application', on: applied },
        { step: 'talk', on: talkOn, by: ctx.pickFull(minorBranch, talkOn, 1, minor.code) },
      ],
    };
    development.push(c);
    taken.add(c);
    defects.push({ kind: 'devDefect', rule: 'DEV-01', person: c.person, org: c.org });
  }
  // DEV-02: the talk came 45 days after the application.
  plant(
    'DEV-02',
    take('applicant', (c) => c.events.some((e) => e.step === 'talk')),
    (c) => {
      event(c, 'talk').on = addDays(event(c, 'application').on, 45);
    },
  );
  // DEV-03: three mentors.
  plant('DEV-03', take('activist'), (c) => {
    const mentors = event(c, 'activist').mentors as string[];
    const others = development.flatMap((x) => (x.org === c.org ? (event(x, 'activist')?.mentors ?? []) : []));
    const extra = [...new Set(others)].filter((p) => !mentors.includes(p) && p !== c.person);
    event(c, 'activist').mentors = [...mentors, ...extra].slice(0, 3);
    if ((event(c, 'activist').mentors as string[]).length < 3) defects.pop();
  });
  // DEV-04: the thought report of a closed quarter is missing.
  plant(
    'DEV-04',
    take('activist', (c) => c.events.filter((e) => e.step === 'thoughtReport').length >= 3),
    (c) => {
      const reports = c.events.filter((e) => e.step === 'thoughtReport');
      c.events.splice(c.events.indexOf(reports[1]), 1);
    },
  );
  // DEV-05: the assessment of a closed half-year is missing.
  plant(
    'DEV-05',
    take('candidate', (c) => c.events.filter((e) => e.step === 'assessment').length >= 3),
    (c) => {
      const assessments = c.events.filter((e) => e.step === 'assessment');
      // The first half-year is partly before the activist decision and not owed: drop the second.
      c.events.splice(c.events.indexOf(assessments[1]), 1);
    },
  );
  // DEV-06: a candidate after ten months as an activist.
  plant('DEV-06', take('candidate'), (c) => {
    const candidate = event(c, 'candidate');
    const activist = event(c, 'activist');
    activist.on = months(candidate.on, -10);
    c.events = c.events.filter((e) => !(['thoughtReport', 'assessment'].includes(e.step) && e.on < activist.on));
  });
  // DEV-07: a candidate admitted with one sponsor.
  plant('DEV-07', take('probationary'), (c) => {
    const sponsors = event(c, 'sponsors');
    sponsors.sponsors = (sponsors.sponsors as string[]).slice(0, 1);
  });
  // DEV-08: the admission vote did not carry a majority of those entitled.
  plant(
    'DEV-08',
    take('probationary', (c) => (event(c, 'admissionVote').vote?.expected ?? 0) >= 10),
    (c) => {
      const v = event(c, 'admissionVote').vote as {
        expected: number;
        present: number;
        yes: number;
        no: number;
        abstain: number;
      };
      const present = Math.floor(v.expected / 2) + 2;
      const yes = Math.floor(v.expected / 2);
      event(c, 'admissionVote').vote = { expected: v.expected, present, yes, no: 1, abstain: present - yes - 1 };
    },
  );
  // DEV-09: the superior approved four months after the assembly.
  plant(
    'DEV-09',
    take('probationary', (c) => addDays(months(event(c, 'admissionVote').on, 4), 1) < addDays(asOf, -40)),
    (c) => {
      const approval = event(c, 'approval');
      approval.on = addDays(months(event(c, 'admissionVote').on, 4), 1);
      for (const e of c.events)
        if (e.step === 'oath' && e.on < approval.on) e.on = minDate(addDays(approval.on, 5), asOf);
    },
  );
}
