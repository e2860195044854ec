/**
 * The demo's model units, commendations and practice carriers: a fifth of last year's branches
 * accepted as school-level model branches (ASSESS-07 met), one of them raised to province level
 * this year, a studio in cultivation, a benchmark college applied for; last year's commendation
 * round decided after a five-working-day publicity (ASSESS-08 met); and a practical rule or carrier
 * for most colleges and branches, with a few branches missing last year's (ASSESS-09 findings).
 * Pure and seeded.
 */
import type { DatasetInput } from '../dataset/schema.ts';
import { addDays, dateOf, maxDate, yearOf } from './dates.ts';
import { createRandom } from './random.ts';

type Units = NonNullable<DatasetInput['modelUnits']>;
type Awards = NonNullable<DatasetInput['awards']>;
type Carriers = NonNullable<DatasetInput['practiceCarriers']>;

type Doc = {
  university: { code: string };
  orgs: {
    code: string;
    parent: string | null;
    kind: string;
    branchCategory?: string | null;
    validFrom?: string;
    validTo?: string | null;
  }[];
  people: { code: string; name: string }[];
  memberships: { person: string; org: string; from: string; to?: string | null }[];
  terms: { org: string; positions: { role: string; person: string; to?: string | null }[] }[];
};

const carrierTitles = [
  ['rule', '支部“三会一课”计划报备制度', '每学期初报备支部学习和组织生活安排'],
  ['rule', '党员联系宿舍制度', '每名党员联系一个学生宿舍，每月走访'],
  ['carrier', '党员先锋岗', '党员在教学、服务岗位亮身份、作表率'],
  ['carrier', '党员志愿服务队', '每月一次社区或校园志愿服务'],
  ['rule', '支部委员分工负责制度', '委员按分工联系党小组，每季度汇报'],
  ['carrier', '“书记有约”谈心谈话室', '支部书记每周固定时间与师生谈心'],
] as const;

/** The next Monday on or after a day, so a five-day publicity is Monday to Friday. */
const monday = (day: string) => addDays(day, (8 - new Date(`${day}T00:00:00Z`).getUTCDay()) % 7);

export function drawExcellence(options: { asOf: string; seed: number } & Doc) {
  // Its own stream, so adding it changed nothing drawn before it.
  const random = createRandom(options.seed * 15485863 + 8);
  const { asOf } = options;
  const year = yearOf(asOf);
  const last = year - 1;
  const current = options.orgs.filter((o) => !o.validTo);
  const colleges = current.filter((o) => o.kind === 'college');
  // Branches that existed all of last year, so they count for it.
  const branches = current.filter((o) => o.kind === 'branch' && (o.validFrom ?? '') <= dateOf(last, 1, 1));
  const secretaryOf = (org: string) =>
    options.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions)
      .find((p) => p.role === 'secretary' && !p.to)?.person;
  const membersOf = (orgs: Set<string>) =>
    options.memberships.filter((m) => orgs.has(m.org) && !m.to && m.from <= dateOf(last, 5, 1)).map((m) => m.person);

  // Model units.
  const shuffled = [...branches];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  // ASSESS-07 counts every branch valid on December 31 of the plan year.
  const yearEnd = dateOf(last, 12, 31);
  const counted = options.orgs.filter(
    (o) => o.kind === 'branch' && (o.validFrom ?? '') <= yearEnd && (!o.validTo || o.validTo > yearEnd),
  );
  const models = shuffled.slice(0, Math.ceil(counted.length / 5));
  const modelUnits: Units = models.map((b, i) => ({
    kind: 'modelBranch',
    org: b.code,
    level: 'school',
    planYear: last,
    appliedOn: dateOf(last, 3, 1 + (i % 20)),
    status: 'accepted',
    cultivationFrom: dateOf(last, 4, 1),
    midtermOn: dateOf(last, 7, 1 + (i % 10)),
    midtermResult: 'passed',
    midtermNote: '对标“三标准三规范”推进，台账完整',
    acceptedOn: dateOf(last, 11, 20),
  }));
  const stepDay = (month: number, day: number) => {
    const d = dateOf(year, month, day);
    return d <= asOf ? d : null;
  };
  const raised = models[0];
  const raisedOn = stepDay(3, 1);
  if (raised && raisedOn)
    modelUnits.push({
      kind: 'modelBranch',
      org: raised.code,
      level: 'province',
      planYear: year,
      appliedOn: raisedOn,
      status: stepDay(4, 1) ? 'cultivating' : 'applied',
      cultivationFrom: stepDay(4, 1),
    });
  const teacher = branches.find((b) => b.branchCategory === 'teacher' && secretaryOf(b.code));
  const studioOn = stepDay(3, 5);
  if (teacher && studioOn)
    modelUnits.push({
      kind: 'dualLeaderStudio',
      org: teacher.code,
      leader: secretaryOf(teacher.code),
      level: 'school',
      planYear: year,
      appliedOn: studioOn,
      status: stepDay(4, 1) ? 'cultivating' : 'applied',
      cultivationFrom: stepDay(4, 1),
      midtermOn: stepDay(7, 10),
      midtermResult: stepDay(7, 10) ? 'passed' : null,
      midtermNote: stepDay(7, 10) ? '工作室已开展三次教研与党建融合活动' : null,
    });
  const benchmarkOn = stepDay(3, 10);
  if (colleges[0] && benchmarkOn)
    modelUnits.push({
      kind: 'benchmarkCollege',
      org: colleges[0].code,
      level: 'school',
      planYear: year,
      appliedOn: benchmarkOn,
      status: 'applied',
    });

  // Last year's commendation round: one member and one worker per college, one advanced branch.
  const nominatedOn = dateOf(last, 5, 10);
  const reviewedOn = dateOf(last, 5, 25);
  const publicityFrom = monday(dateOf(last, 6, 1));
  const publicityUntil = addDays(publicityFrom, 4);
  const decided = {
    status: 'decided' as const,
    reviewedOn,
    publicityFrom,
    publicityUntil,
    decidedOn: maxDate(dateOf(last, 6, 28), addDays(publicityUntil, 1)),
    decisionDocument: `${options.university.code}党委〔${last}〕15号`,
  };
  const awards: Awards = [];
  for (const c of colleges) {
    const own = new Set(current.filter((o) => o.parent === c.code).map((o) => o.code));
    const people = [...new Set(membersOf(own))];
    const secretaries = [...own].map(secretaryOf).filter((p): p is string => Boolean(p));
    const member = people.length ? random.pick(people) : null;
    if (member)
      awards.push({
        roundYear: last,
        kind: 'outstandingMember',
        person: member,
        nominatedBy: c.code,
        nominatedOn,
        reason: '立足岗位、爱岗敬业，在教书育人和服务师生中发挥先锋模范作用',
        ...decided,
      });
    const worker = secretaries.find((s) => s !== member);
    if (worker)
      awards.push({
        roundYear: last,
        kind: 'outstandingWorker',
        person: worker,
        nominatedBy: c.code,
        nominatedOn,
        reason: '担任支部书记期间认真落实“三会一课”，支部工作规范有序',
        ...decided,
      });
  }
  if (models[0])
    awards.push({
      roundYear: last,
      kind: 'advancedOrg',
      org: models[0].code,
      nominatedBy: models[0].parent ?? options.university.code,
      nominatedOn,
      reason: '标准化规范化建设成效突出，获评校级样板党支部',
      ...decided,
    });

  // Practice carriers: last year for all but a few branches, this year for about half so far.
  const practiceCarriers: Carriers = [];
  const orgs = [...colleges, ...branches];
  orgs.forEach((o, i) => {
    const missLast = o.kind === 'branch' && random.chance(0.1);
    const pickTitle = () => carrierTitles[(i + random.int(0, carrierTitles.length - 1)) % carrierTitles.length];
    if (!missLast) {
      const [kind, title, description] = pickTitle();
      practiceCarriers.push({
        org: o.code,
        year: last,
        kind,
        title,
        description,
        establishedOn: dateOf(last, random.int(3, 11), random.int(1, 28)),
      });
    }
    const on = dateOf(year, random.int(3, 10), random.int(1, 28));
    if (on <= asOf && random.chance(0.5)) {
      const [kind, title, description] = pickTitle();
      practiceCarriers.push({ org: o.code, year, kind, title, description, establishedOn: on });
    }
  });
  return { modelUnits, awards, practiceCarriers };
}
