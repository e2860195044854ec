/**
 * The demo's study hours and Party-work funds for last year and this year (up to `asOf`): the
 * Party school's class for Party-affairs staff, the secretaries' rotation training, a Party-school
 * class for members and online study, with some members behind on hours and one secretary who
 * missed last year's rotation; a budget per college with allocations and expenses, one college
 * budgeted below the standard and one that received only part of its allocation. Pure and seeded.
 */
import { createRandom } from './random.ts';

type Doc = {
  university: { code: string };
  orgs: { code: string; parent: string | null; kind: string }[];
  people: { code: string; personCategory: string }[];
  memberships: { person: string; standing?: string; org: string; from: string; to?: string | null }[];
  terms: { org: string; positions: { role: string; person: string; from?: string | null; to?: string | null }[] }[];
};

type Session = {
  code: string;
  org: string;
  kind: 'partySchool' | 'rotation' | 'online' | 'other';
  audience: 'members' | 'secretaries' | 'partyAffairsStaff' | 'activists';
  title: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  place: string | null;
};
type Credit = {
  person: string;
  on: string;
  hours: number;
  kind: Session['kind'];
  title: string;
  session: string | null;
};

const onlineTopics = [
  '学习贯彻习近平新时代中国特色社会主义思想',
  '党章党规党纪专题学习',
  '党史学习教育网络专题',
  '全国两会精神解读',
  '高校思想政治工作专题',
  '师德师风建设专题',
];

const validOn = (row: { from: string; to?: string | null }, day: string) =>
  row.from <= day && (row.to === null || row.to === undefined || row.to > day);

export function drawTrainingAndFunds(options: { asOf: string; seed: number } & Doc) {
  // Its own stream, so adding it changed none of the people and meetings drawn before it.
  const random = createRandom(options.seed * 7919 + 17);
  const year = Number(options.asOf.slice(0, 4));
  const root = options.university.code;
  const sessions: Session[] = [];
  const credits: Credit[] = [];
  const orgByCode = new Map(options.orgs.map((o) => [o.code, o]));

  const membersOn = (day: string) =>
    [
      ...new Set(
        options.memberships
          .filter((m) => (m.standing ?? 'normal') === 'normal' && validOn(m, day))
          .map((m) => m.person),
      ),
    ].sort();
  const secretariesOn = (day: string) =>
    options.terms
      .filter((t) => orgByCode.get(t.org)?.kind === 'branch')
      .flatMap((t) =>
        t.positions.filter((p) => p.role === 'secretary' && validOn({ from: p.from ?? '0000', to: p.to }, day)),
      )
      .map((p) => p.person)
      .sort();
  const leadersOn = (day: string) =>
    new Set(
      options.terms
        .filter((t) => ['branch', 'college'].includes(orgByCode.get(t.org)?.kind ?? ''))
        .flatMap((t) =>
          t.positions.filter((p) => p.role !== 'groupLeader' && validOn({ from: p.from ?? '0000', to: p.to }, day)),
        )
        .map((p) => p.person),
    );

  const session = (s: Omit<Session, 'code' | 'place' | 'endsOn'> & { endsOn?: string }, attendees: string[]) => {
    const endsOn = s.endsOn ?? s.startsOn;
    if (endsOn > options.asOf) return;
    const code = `TS-${s.startsOn.slice(0, 4)}-${String(sessions.filter((x) => x.startsOn.startsWith(s.startsOn.slice(0, 4))).length + 1).padStart(4, '0')}`;
    sessions.push({ ...s, code, endsOn, place: s.kind === 'online' ? null : '党校报告厅' });
    for (const person of attendees)
      credits.push({ person, on: endsOn, hours: s.hours, kind: s.kind, title: s.title, session: code });
  };

  for (const y of [year - 1, year]) {
    const mid = `${y}-06-30`;
    const secretaries = secretariesOn(mid);
    session(
      {
        org: root,
        kind: 'partySchool',
        audience: 'partyAffairsStaff',
        title: `${y}年党务干部培训班`,
        startsOn: `${y}-05-12`,
        endsOn: `${y}-05-13`,
        hours: 12,
      },
      secretaries,
    );
    // The planted gap: last year one branch secretary missed the rotation training (EDU-03).
    const rotation = y === year - 1 ? secretaries.slice(1) : secretaries;
    session(
      {
        org: root,
        kind: 'rotation',
        audience: 'secretaries',
        title: `${y}年党支部书记集中轮训`,
        startsOn: `${y}-07-08`,
        endsOn: `${y}-07-10`,
        hours: 24,
      },
      rotation,
    );
    // Those who fall behind this year: about one in six, who skip the class and study little online
    // (their party lectures and general assemblies alone stay under the 32 hours).
    const owing = membersOn(`${y}-01-01`);
    const behind = new Set(owing.filter(() => random.chance(0.16)));
    const members = membersOn(`${y}-04-20`).filter((p) => !behind.has(p));
    session(
      {
        org: root,
        kind: 'partySchool',
        audience: 'members',
        title: `${y}年党员集中培训班`,
        startsOn: `${y}-04-20`,
        hours: 8,
      },
      members.filter(() => random.chance(0.7)),
    );
    // Online study through the year: the others reach their hours with it.
    const leaders = leadersOn(mid);
    const lastDay = y === year ? options.asOf : `${y}-12-31`;
    for (const person of owing) {
      const target = behind.has(person) ? random.int(0, 4) : (leaders.has(person) ? 40 : 26) + random.int(0, 8);
      let done = 0;
      for (let month = 1; month <= 12 && done < target; month++) {
        const on = `${y}-${String(month).padStart(2, '0')}-${String(random.int(3, 26)).padStart(2, '0')}`;
        if (on > lastDay) break;
        const hours = random.int(2, 8) / 2 + 1;
        credits.push({ person, on, hours, kind: 'online', title: random.pick(onlineTopics), session: null });
        done += hours;
      }
    }
  }

  // ——— Funds: the standard is 300 元 per staff member and 100 元 per student member ———
  const category = new Map(options.people.map((p) => [p.code, p.personCategory]));
  // College-level organizations: the colleges, and the branches directly under the university.
  const collegeLevel = (o: { kind: string; parent: string | null }) =>
    o.kind === 'college' || (o.kind === 'branch' && o.parent === null);
  const collegeOf = (org: string): string | null => {
    let at = orgByCode.get(org);
    while (at && !collegeLevel(at)) at = at.parent ? orgByCode.get(at.parent) : undefined;
    return at?.code ?? null;
  };
  // Colleges first, so the planted imperfections below fall on colleges.
  const colleges = options.orgs
    .filter(collegeLevel)
    .sort((a, b) => Number(a.kind !== 'college') - Number(b.kind !== 'college') || a.code.localeCompare(b.code))
    .map((o) => o.code);
  const budgets: { org: string; year: number; amount: number; note: string | null }[] = [];
  const allocations: { org: string; year: number; on: string; amount: number; note: string | null }[] = [];
  const expenses: {
    org: string;
    on: string;
    amount: number;
    category: 'activities' | 'training' | 'materials' | 'care' | 'venues' | 'other';
    description: string;
  }[] = [];
  const expenseKinds = [
    ['activities', '主题党日活动'],
    ['training', '党员培训资料与场地'],
    ['materials', '学习用书订购'],
    ['care', '走访慰问困难党员'],
    ['venues', '党员活动室布置'],
  ] as const;
  colleges.forEach((college, index) => {
    for (const y of [year - 1, year]) {
      const day = `${y}-01-01`;
      const counted = options.memberships.filter(
        (m) => (m.standing ?? 'normal') === 'normal' && validOn(m, day) && collegeOf(m.org) === college,
      );
      const staff = new Set(counted.filter((m) => category.get(m.person) === 'staff').map((m) => m.person)).size;
      const students = new Set(counted.filter((m) => category.get(m.person) === 'student').map((m) => m.person)).size;
      const minimum = staff * 30000 + students * 10000;
      if (minimum === 0) continue;
      // The planted imperfections: the second college is budgeted below the standard this year,
      // and the third received only half of last year's allocation.
      const amount = index === 1 && y === year ? Math.round(minimum * 0.8) : Math.ceil((minimum * 1.1) / 10000) * 10000;
      budgets.push({ org: college, year: y, amount, note: `教职工党员${staff}人、学生党员${students}人` });
      const allocatedOn = `${y}-03-15`;
      if (allocatedOn <= options.asOf)
        allocations.push({
          org: college,
          year: y,
          on: allocatedOn,
          amount: index === 2 && y === year - 1 ? Math.round(amount / 2) : amount,
          note: null,
        });
      for (let i = 0; i < 4; i++) {
        const on = `${y}-${String(3 + i * 2).padStart(2, '0')}-${String(random.int(5, 25)).padStart(2, '0')}`;
        if (on > options.asOf) break;
        const [kind, description] = random.pick(expenseKinds);
        expenses.push({
          org: college,
          on,
          amount: random.int(8, 60) * 1000 + random.int(0, 99),
          category: kind,
          description,
        });
      }
    }
  });

  return { trainingSessions: sessions, training: credits, funds: { budgets, allocations, expenses } };
}
