/**
 * The demo university (示范职业技术学院): a deterministic `zhibu-dataset/1` document for a day and
 * a seed. It is a pure function — no clock, no I/O — so the same (asOf, seed) always gives the
 * same document, and the story it tells (terms about to end, one overdue, one vacant seat, an
 * internship branch) is always there relative to `asOf`.
 */
import type { DatasetInput } from '../dataset/schema.ts';
import {
  type BranchPlan,
  branches as branchPlans,
  colleges,
  TEMPORARY_BRANCH,
  UNIVERSITY,
  universityLeaders,
} from './blueprint.ts';
import { addDays, addYears, dateOf, mondayOnOrAfter, yearOf } from './dates.ts';
import { drawAcceptance } from './draw-acceptance.ts';
import {
  anyone,
  type DemoTerm,
  elect,
  electionFor,
  isDualLeader,
  type SeatPlan,
  secretaryPreference,
  staffFirst,
} from './draw-committees.ts';
import { DEMO_DEV_PARAMETERS, type DevCollegeDefect, drawDevPlans } from './draw-dev-plans.ts';
import { type DevDefect, drawDevelopment } from './draw-development.ts';
import { drawDues } from './draw-dues.ts';
import { drawExcellence } from './draw-excellence.ts';
import { drawImprovement } from './draw-improvement.ts';
import { drawLifeRecords, type LifeRecordImperfection } from './draw-life-records.ts';
import { drawMeetings, type Imperfection } from './draw-meetings.ts';
import {
  admissionBatches,
  CodeBook,
  currentCohorts,
  type DrawContext,
  drawRetiree,
  drawStaff,
  drawStudent,
  workshopTitle,
} from './draw-people.ts';
import { drawRatings } from './draw-ratings.ts';
import { drawTrainingAndFunds } from './draw-training-funds.ts';
import { currentPlacement, type DemoPerson, isCurrentlyIn, isFullOn, membershipIntervals } from './model.ts';
import { createRandom } from './random.ts';

export type DemoOptions = { asOf: string; seed?: number };

/** Terms that end within 90 days of `asOf` (换届提醒), and by how many days. */
const EXPIRING: Record<string, number> = { 'b-econ-t1': 23, 'b-off-finance': 51, 'b-retired-2': 78 };
/** The one branch whose term ended without a re-election. */
const OVERDUE = { org: 'b-svc-2', daysAgo: 41 };
/** The branch whose propaganda member left for another branch, leaving the seat empty. */
const VACANT = { org: 'b-mech-t2', role: 'propagandaMember', movesTo: 'b-mech-t1' };
/** Branches with more members than this are divided into groups (党小组). */
const GROUP_THRESHOLD = 30;
const COMMITTEE_THRESHOLD = 7;

export function generateDemoDataset(options: DemoOptions): DatasetInput {
  return generateDemoWorld(options).document;
}

/** The document and the imperfections planted in its organizational life (see draw-meetings.ts). */
export function generateDemoWorld({ asOf, seed = 1 }: DemoOptions): {
  document: DatasetInput;
  imperfections: (Imperfection | LifeRecordImperfection | DevDefect | DevCollegeDefect)[];
} {
  const random = createRandom(seed);
  const year = yearOf(asOf);
  const batchesByOrg = new Map<string, string[]>();
  const ctx: DrawContext = {
    random,
    asOf,
    codes: new CodeBook(),
    batches(org) {
      if (!batchesByOrg.has(org)) batchesByOrg.set(org, admissionBatches(random, asOf));
      return batchesByOrg.get(org) as string[];
    },
  };

  const collegeFrom = new Map(colleges.map((c) => [c.code, dateOf(year - c.foundedYearsAgo, 7, 1)]));
  const branchFrom = (plan: BranchPlan) =>
    plan.category === 'mixed'
      ? dateOf(year - 3, 9, 15)
      : plan.college
        ? (collegeFrom.get(plan.college) as string)
        : dateOf(year - 10, 7, 1);

  const people: DemoPerson[] = [];
  const add = (person: DemoPerson) => {
    people.push(person);
    return person;
  };

  // ——— Members of every branch ———
  for (const plan of branchPlans) {
    const college = colleges.find((c) => c.code === plan.college);
    const where = { org: plan.code, validFrom: branchFrom(plan) };
    const maleShare = plan.maleShare ?? college?.maleShare ?? 0.5;
    const units = plan.units ?? [college?.unit ?? plan.name];
    const size = plan.size + random.int(0, Math.floor(plan.size / 10));
    let drawn = 0;
    const staff = (options: Omit<Parameters<typeof drawStaff>[1], 'org' | 'validFrom'>) => {
      drawn++;
      return add(drawStaff(ctx, { ...where, ...options }));
    };
    const student = () => {
      drawn++;
      return add(drawStudent(ctx, { ...where, unit: college?.unit ?? '', majors: college?.majors ?? [], maleShare }));
    };

    // A college's party secretary and dean take part in its first teacher branch's life.
    if (college && college.subkind !== 'officeCommittee' && plan.code.endsWith('-t1')) {
      const secretaryTitle = college.subkind === 'collegeCommittee' ? '党委书记' : '党总支书记';
      for (const title of [secretaryTitle, '院长'])
        staff({ duty: 'cadre', unit: college.unit, maleShare, ages: [45, 57], title, leadingCadre: true });
    }
    if (plan.code === 'b-off-admin')
      for (const leader of universityLeaders)
        staff({
          duty: 'cadre',
          unit: leader.title.startsWith('党委') || leader.title === '纪委书记' ? '党委' : '院领导',
          maleShare: 0.7,
          ages: [48, 58],
          title: leader.title,
          leadingCadre: true,
        });
    if (plan.code === 'b-off-org')
      staff({
        duty: 'cadre',
        unit: '机关党委',
        maleShare: 0.6,
        ages: [45, 56],
        title: '机关党委书记',
        leadingCadre: true,
      });

    switch (plan.category) {
      case 'teacher':
        while (drawn < size)
          staff({
            duty: 'teacher',
            unit: units[drawn % units.length],
            maleShare,
            ages: [26, 59],
            mayBeProbationary: true,
          });
        break;
      case 'student':
        for (let i = 0; i < 2; i++)
          staff({ duty: 'counselor', unit: college?.unit ?? '', maleShare: 0.5, ages: [25, 38] });
        while (drawn < size) student();
        break;
      case 'mixed':
        while (drawn < Math.ceil(size * 0.45))
          staff({
            duty: 'teacher',
            unit: `${college?.unit}实训中心`,
            maleShare,
            ages: [28, 55],
            titleFor: workshopTitle,
          });
        while (drawn < size) student();
        break;
      case 'office':
        for (const unit of units) staff({ duty: 'cadre', unit, maleShare: 0.6, ages: [44, 57] });
        while (drawn < size)
          staff({
            duty: 'office',
            unit: units[drawn % units.length],
            maleShare: 0.5,
            ages: [24, 58],
            mayBeProbationary: true,
          });
        break;
      case 'service':
        while (drawn < size) staff({ duty: 'service', unit: units[0], maleShare: 0.6, ages: [26, 59] });
        break;
      case 'retired': {
        const formerUnits = [
          ...colleges.filter((c) => c.majors.length).map((c) => c.unit),
          '教务处',
          '后勤管理处',
          '图书馆',
        ];
        while (drawn < size) {
          drawn++;
          add(drawRetiree(ctx, { ...where, maleShare, formerUnits }));
        }
        break;
      }
    }
  }

  // ——— The internship branch: final-year students move in on the day it is approved ———
  const approvedOn = addDays(asOf, -random.int(60, 120));
  const temporary = {
    approvedOn,
    approvedBy: '机电工程学院党委',
    endsOn: addDays(approvedOn, 240),
    purpose: '顶岗实习期间学生党员集中开展组织生活 / organizational life of student members during internships',
  };
  const mech = colleges.find((c) => c.code === TEMPORARY_BRANCH.college);
  const finalYear = Math.min(...currentCohorts(asOf));
  const intern = (person: DemoPerson) => {
    person.placements.push({ org: TEMPORARY_BRANCH.code, group: null, from: approvedOn });
    return person;
  };
  add(
    intern(
      drawStaff(ctx, {
        org: TEMPORARY_BRANCH.from[0],
        validFrom: collegeFrom.get(TEMPORARY_BRANCH.college) as string,
        duty: 'counselor',
        unit: mech?.unit ?? '',
        maleShare: 0.6,
        ages: [28, 38],
      }),
    ),
  );
  for (let i = 0; i < TEMPORARY_BRANCH.size; i++) {
    const from = TEMPORARY_BRANCH.from[i % TEMPORARY_BRANCH.from.length];
    add(
      intern(
        drawStudent(ctx, {
          org: from,
          validFrom: collegeFrom.get(TEMPORARY_BRANCH.college) as string,
          unit: mech?.unit ?? '',
          majors: mech?.majors ?? [],
          maleShare: mech?.maleShare ?? 0.5,
          cohort: finalYear,
          admittedBy: addDays(approvedOn, -14),
        }),
      ),
    );
  }

  // ——— Groups where branches are large ———
  const groupOrgs: { code: string; parent: string; name: string; validFrom: string }[] = [];
  const groupMembers = new Map<string, DemoPerson[]>();
  for (const plan of branchPlans) {
    const members = people.filter((p) => isCurrentlyIn(p, plan.code));
    if (members.length <= GROUP_THRESHOLD) continue;
    const full = members.filter((p) => isFullOn(p, asOf));
    // Full members are dealt first, and there are no more groups than full members, so every
    // group has someone who can lead it.
    const count = Math.max(2, Math.min(Math.ceil(members.length / 12), full.length));
    const ordered = [...full, ...members.filter((p) => !isFullOn(p, asOf))];
    for (let g = 0; g < count; g++) {
      const code = `${plan.code.replace(/^b-/, 'g-')}-${g + 1}`;
      groupOrgs.push({
        code,
        parent: plan.code,
        name: `第${chineseNumeral(g + 1)}党小组`,
        validFrom: branchFrom(plan),
      });
      groupMembers.set(code, []);
    }
    ordered.forEach((person, i) => {
      const code = groupOrgs[groupOrgs.length - count + (i % count)].code;
      currentPlacement(person).group = code;
      groupMembers.get(code)?.push(person);
    });
  }

  // ——— Committees and lone secretaries ———
  const terms: DemoTerm[] = [];
  const taken = new Set<string>();
  const fullMembersOf = (org: string) => people.filter((p) => isCurrentlyIn(p, org) && isFullOn(p, asOf));
  const notCadre = (p: DemoPerson) => !p.leadingCadre;

  for (const college of colleges) {
    const inCollege = people.filter(
      (p) => branchPlans.find((b) => b.code === currentPlacement(p).org)?.college === college.code && isFullOn(p, asOf),
    );
    const years = college.subkind === 'generalBranch' ? 3 : 5;
    const seats: SeatPlan[] =
      college.subkind === 'officeCommittee'
        ? [
            { role: 'secretary', prefer: (p) => (p.title === '机关党委书记' ? 10 : 0) },
            { role: 'organizationMember', prefer: (p) => (p.duty === 'cadre' && !p.leadingCadre ? 2 : 0) },
            { role: 'propagandaMember', prefer: (p) => (p.duty === 'cadre' && !p.leadingCadre ? 2 : 0) },
            { role: 'disciplineMember', prefer: (p) => (p.duty === 'office' ? 1 : 0) },
          ]
        : [
            { role: 'secretary', prefer: (p) => (p.title?.endsWith('书记') ? 10 : 0) },
            { role: 'deputySecretary', prefer: (p) => (p.title === '院长' ? 10 : 0) },
            { role: 'organizationMember', prefer: (p) => (p.duty === 'teacher' ? 1 : 0) },
            { role: 'propagandaMember', prefer: (p) => (p.duty === 'counselor' ? 2 : 0) },
            { role: 'disciplineMember', prefer: (p) => (p.duty === 'teacher' ? 1 : 0) },
          ];
    terms.push(
      elect(random, {
        org: college.code,
        candidates: inCollege.filter((p) => p.personCategory === 'staff'),
        seats,
        electedOn: addDays(asOf, -random.int(200, 900)),
        years,
        taken,
        // College seats are held by members of any of its branches.
        eligibleSince: (p) =>
          p.confirmedOn && p.confirmedOn > p.placements[0].from ? p.confirmedOn : p.placements[0].from,
      }),
    );
  }

  const branchList = [
    ...branchPlans,
    { code: TEMPORARY_BRANCH.code, college: TEMPORARY_BRANCH.college, category: 'student' } as BranchPlan,
  ];
  for (const plan of branchList) {
    const isTemporary = plan.code === TEMPORARY_BRANCH.code;
    const full = fullMembersOf(plan.code).filter(notCadre);
    const members = people.filter((p) => isCurrentlyIn(p, plan.code));
    const committee = full.length >= COMMITTEE_THRESHOLD;
    const secretary: SeatPlan = {
      role: 'secretary',
      prefer: isTemporary ? (p) => (p.duty === 'counselor' ? 5 : 0) : secretaryPreference[plan.category],
      ...(plan.category === 'teacher' ? { dualLeader: isDualLeader } : {}),
    };
    const staffOrStudent = plan.category === 'student' || plan.category === 'mixed';
    const seats: SeatPlan[] = committee
      ? [
          secretary,
          ...(members.length >= 25
            ? [{ role: 'deputySecretary', prefer: staffOrStudent ? staffFirst : anyone } satisfies SeatPlan]
            : []),
          { role: 'organizationMember', prefer: anyone },
          { role: 'propagandaMember', prefer: anyone },
          { role: 'disciplineMember', prefer: staffOrStudent ? staffFirst : anyone },
          // A committee has an odd number of seats (ORG-03): without a deputy, a plain member makes five.
          ...(members.length >= 25 ? [] : [{ role: 'member', prefer: anyone } satisfies SeatPlan]),
        ]
      : [secretary];
    let electedOn: string;
    let endsOn: string | undefined;
    const fixedDate = isTemporary || EXPIRING[plan.code] !== undefined || plan.code === OVERDUE.org;
    if (isTemporary) {
      electedOn = approvedOn;
      endsOn = temporary.endsOn;
    } else if (EXPIRING[plan.code] !== undefined) {
      electedOn = electionFor(addDays(asOf, EXPIRING[plan.code]), 3);
    } else if (plan.code === OVERDUE.org) {
      electedOn = electionFor(addDays(asOf, -OVERDUE.daysAgo), 3);
    } else if (plan.category === 'student' || plan.category === 'mixed') {
      // Student committees are re-formed often: students graduate.
      electedOn = addDays(asOf, -random.int(60, 300));
    } else {
      electedOn = addDays(asOf, -random.int(150, 880));
    }
    const candidates = isTemporary ? members.filter((p) => isFullOn(p, asOf)) : full;
    const term = elect(random, {
      org: plan.code,
      candidates,
      seats,
      electedOn,
      years: 3,
      endsOn,
      taken,
      fixedDate,
    });
    terms.push(term);

    for (const [group, groupPeople] of groupMembers) {
      if (!group.startsWith(`${plan.code.replace(/^b-/, 'g-')}-`)) continue;
      // A committee member may also lead a group, but others are asked first.
      const committee = new Set(term.seats.map((s) => s.person.code));
      const leaderTerm = elect(random, {
        org: group,
        candidates: groupPeople.filter((p) => isFullOn(p, asOf)),
        seats: [{ role: 'groupLeader', prefer: (p) => (committee.has(p.code) ? 0 : 1) }],
        electedOn: term.electedOn,
        years: 3,
        endsOn: term.endsOn,
        taken: new Set(),
      });
      if (leaderTerm.seats.length === 0) continue;
      // A leader who became eligible after the branch election took the seat later that term.
      leaderTerm.electedOn = term.electedOn;
      terms.push(leaderTerm);
    }
  }

  // ——— The vacant seat: the propaganda member moved to another branch ———
  const vacated = terms.find((t) => t.org === VACANT.org)?.seats.find((s) => s.role === VACANT.role);
  if (vacated) {
    const leftOn = addDays(asOf, -random.int(30, 70));
    vacated.to = leftOn;
    vacated.person.placements.push({ org: VACANT.movesTo, group: null, from: leftOn });
  }

  const document = {
    format: 'zhibu-dataset/1' as const,
    university: {
      ...UNIVERSITY,
      parameters: [...DEMO_DEV_PARAMETERS],
      calendar: calendarAround(asOf),
      headcount: [year - 3, year - 2, year - 1, year].map((y, i) => ({
        year: y,
        staff: 780 + i * 12 + random.int(0, 9),
        students: 14200 + i * 450 + random.int(0, 200),
      })),
    },
    orgs: [
      ...colleges.map((c) => ({
        code: c.code,
        parent: null,
        kind: 'college' as const,
        subkind: c.subkind,
        name: c.name,
        validFrom: collegeFrom.get(c.code),
        validTo: null,
      })),
      ...branchList.map((plan) => {
        const isTemporary = plan.code === TEMPORARY_BRANCH.code;
        return {
          code: plan.code,
          parent: plan.college,
          kind: 'branch' as const,
          branchCategory: plan.category,
          name: isTemporary ? TEMPORARY_BRANCH.name : plan.name,
          jointUnits: plan.joint ? (plan.units ?? []) : [],
          temporary: isTemporary ? temporary : null,
          validFrom: isTemporary ? approvedOn : branchFrom(plan),
          validTo: null,
        };
      }),
      ...groupOrgs.map((g) => ({ ...g, kind: 'group' as const, validTo: null })),
    ],
    people: people.map((p) => ({
      code: p.code,
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      personCategory: p.personCategory,
      unit: p.unit,
      title: p.title,
      leadingCadre: p.leadingCadre,
      // No made-up phone numbers or addresses: they could belong to real people.
      phone: null,
      email: null,
    })),
    memberships: people.flatMap((p) =>
      membershipIntervals(p).map((interval) => ({
        person: p.code,
        status: interval.full ? ('full' as const) : ('probationary' as const),
        standing: 'normal' as const,
        joinedOn: p.joinedOn,
        confirmedOn: interval.full ? p.confirmedOn : null,
        org: interval.org,
        group: interval.group,
        from: interval.from,
        to: interval.to,
      })),
    ),
    terms: terms.map((t) => ({
      org: t.org,
      electedOn: t.electedOn,
      endsOn: t.endsOn,
      positions: t.seats.map((s) => ({
        role: s.role,
        person: s.person.code,
        from: s.from,
        to: s.to,
        dualLeader: s.dualLeader ?? false,
      })),
    })),
  };
  const { meetings, imperfections } = drawMeetings({ asOf, seed, ...document });
  const { dues } = drawDues({ asOf, seed, ...document });
  const life = drawLifeRecords({ asOf, seed, ...document });
  const development = drawDevelopment({ asOf, seed, ...document, nextCode: (prefix) => ctx.codes.next(prefix) });
  const devPlans = drawDevPlans({
    asOf,
    seed,
    ...document,
    people: [...document.people, ...development.applicants],
    development: development.development,
  });
  // The ratings' own rectification plans go into the improvement section's list, so drawn once here.
  const ratings = drawRatings({ asOf, seed, ...document });
  return {
    document: {
      ...document,
      people: [
        ...document.people,
        ...development.applicants.map((a) => ({ ...a, title: null, leadingCadre: false, phone: null, email: null })),
      ],
      development: development.development,
      developmentPlans: devPlans.developmentPlans,
      poolAnalyses: devPlans.poolAnalyses,
      developmentContacts: devPlans.developmentContacts,
      meetings,
      thoughtReports: life.thoughtReports,
      appraisals: life.appraisals,
      ...drawTrainingAndFunds({ asOf, seed, ...document }),
      dues,
      ...drawAcceptance({ asOf, seed, ...document }),
      ...ratings,
      ...drawExcellence({ asOf, seed, ...document }),
      ...drawImprovement({ asOf, seed, ...document, rated: ratings }),
    },
    imperfections: [...imperfections, ...life.imperfections, ...development.defects, ...devPlans.defects],
  };
}

/** Spring (`YYYY-1`, February–July) and autumn (`YYYY-2`, September–January) semesters. */
export function calendarAround(asOf: string) {
  const year = yearOf(asOf);
  const semesters: { code: string; start: string; end: string }[] = [];
  for (let y = year - 4; y <= year + 1; y++) {
    semesters.push({ code: `${y}-1`, start: mondayOnOrAfter(dateOf(y, 2, 20)), end: dateOf(y, 7, 10) });
    semesters.push({ code: `${y}-2`, start: mondayOnOrAfter(dateOf(y, 9, 1)), end: dateOf(y + 1, 1, 16) });
  }
  const from = addYears(asOf, -3);
  const until = addDays(asOf, 200);
  return semesters.filter((s) => s.end >= from && s.start <= until);
}

const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseNumeral = (n: number) => (n <= 10 ? numerals[n] : `十${numerals[n - 10]}`);
