/**
 * The demo's yearly member records: thought reports (LIFE-14) and the democratic appraisal of
 * members (LIFE-08), for the two closed years before `asOf` and the year so far. Everyone who was
 * a member reports once a year and every branch appraises its members in December, except the
 * imperfections planted here on purpose (`LifeRecordImperfection`), so the compliance engine has
 * something true to find.
 *
 * Pure: it reads only the document drawn so far, `asOf` and its own random stream.
 */
import { addDays, dateOf, daysBetween, minDate, yearOf } from './dates.ts';
import { createRandom, type Random } from './random.ts';

export type LifeRecordImperfection =
  /** LIFE-14: a member who was one all year wrote no thought report that year. */
  | { kind: 'missingThoughtReport'; person: string; year: number }
  /** LIFE-08: a branch held no democratic appraisal of its members that year. */
  | { kind: 'missingAppraisal'; org: string; year: number };

type Org = { code: string; kind: string; validFrom?: string; validTo?: string | null };
type Person = { code: string; leadingCadre?: boolean };
type Interval = { person: string; org: string; standing?: string; from: string; to?: string | null };

export type LifeRecordsInput = {
  asOf: string;
  seed: number;
  orgs: Org[];
  people: Person[];
  memberships: Interval[];
};

const reportTopics = [
  '学习党的创新理论的思想汇报',
  '立足岗位作贡献的思想汇报',
  '参加主题党日活动的体会',
  '对照党章党规查找差距的思想汇报',
  '学习全会精神的思想和工作汇报',
];

const reportContent = (topic: string) =>
  `${topic}：本年度认真参加“三会一课”和主题党日，按时交纳党费，结合本职工作学习党的理论，` +
  '对照党员标准查找了在理论学习深度和服务群众方面的不足，今后将进一步加强学习、立足岗位发挥先锋模范作用。';

const comments = ['已阅，望继续保持。', '汇报认真，联系实际较好。', '已阅，建议结合岗位多谈具体做法。'];

function dayBetween(random: Random, from: string, to: string): string | null {
  const span = daysBetween(from, to);
  return span < 0 ? null : addDays(from, random.int(0, span));
}

const inOrgOn = (m: Interval, day: string) => m.from <= day && (!m.to || m.to > day);

export function drawLifeRecords(input: LifeRecordsInput) {
  const random = createRandom(input.seed * 7919 + 17);
  const { asOf } = input;
  const thisYear = yearOf(asOf);
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const branchCodes = new Set(input.orgs.filter((o) => o.kind === 'branch').map((o) => o.code));
  const cadre = new Map(input.people.map((p) => [p.code, p.leadingCadre ?? false]));
  const spans = input.memberships.filter((m) => branchCodes.has(m.org) && (m.standing ?? 'normal') === 'normal');
  const imperfections: LifeRecordImperfection[] = [];

  // Two members who were members all of last year, chosen from a stable order, skip its report.
  const lastYear = thisYear - 1;
  const wholeYear = (m: Interval) => m.from <= dateOf(lastYear, 1, 1) && (!m.to || m.to > dateOf(lastYear, 12, 31));
  const silent = new Set(
    [...new Set(spans.filter(wholeYear).map((m) => m.person))]
      .sort()
      .filter((_, i, all) => i === Math.floor(all.length / 3) || i === Math.floor((2 * all.length) / 3)),
  );
  for (const person of silent) imperfections.push({ kind: 'missingThoughtReport', person, year: lastYear });

  const thoughtReports = [];
  for (const year of years) {
    const yearEnd = minDate(dateOf(year, 12, 31), addDays(asOf, -1));
    const byPerson = new Map<string, Interval[]>();
    for (const m of spans) {
      if (m.from > yearEnd || (m.to && m.to <= dateOf(year, 1, 1))) continue;
      byPerson.set(m.person, [...(byPerson.get(m.person) ?? []), m]);
    }
    for (const [person, list] of [...byPerson].sort(([a], [b]) => a.localeCompare(b))) {
      if (year === lastYear && silent.has(person)) continue;
      // Report while in the latest branch of that year, on a day of the year already past.
      const span = list.sort((a, b) => a.from.localeCompare(b.from)).at(-1) as Interval;
      const from = span.from > dateOf(year, 1, 1) ? span.from : dateOf(year, 1, 1);
      const to = span.to && addDays(span.to, -1) < yearEnd ? addDays(span.to, -1) : yearEnd;
      const submittedOn = dayBetween(random, from, to);
      if (!submittedOn || (year === thisYear && random.chance(0.25))) continue;
      const topic = random.pick(reportTopics);
      const readOn = addDays(submittedOn, random.int(2, 12));
      thoughtReports.push({
        person,
        org: span.org,
        submittedOn,
        title: `${year}年${topic}`,
        content: reportContent(topic),
        readOn: readOn < asOf && inOrgOn(span, readOn) ? readOn : null,
        comment: readOn < asOf && inOrgOn(span, readOn) ? random.pick(comments) : null,
      });
    }
  }

  // One branch that existed all of last year, chosen from a stable order, held no appraisal then.
  const sortedBranches = [...branchCodes].sort();
  const settled = input.orgs
    .filter((o) => o.kind === 'branch' && (o.validFrom ?? '') <= dateOf(lastYear, 1, 1) && !o.validTo)
    .map((o) => o.code)
    .sort();
  const unappraised = settled[Math.floor(settled.length / 2)];
  imperfections.push({ kind: 'missingAppraisal', org: unappraised, year: lastYear });

  const appraisals = [];
  for (const year of [thisYear - 2, lastYear]) {
    for (const org of sortedBranches) {
      if (org === unappraised && year === lastYear) continue;
      const startedOn = dateOf(year, 12, random.int(1, 8));
      const participants = [
        ...new Set(spans.filter((m) => m.org === org && inOrgOn(m, startedOn)).map((m) => m.person)),
      ].sort();
      if (participants.length === 0) continue;
      const voted = participants.filter((p) => !cadre.get(p));
      const voters = Math.max(voted.length - random.int(0, Math.min(2, voted.length)), 0);
      const excellentQuota = Math.floor(participants.length * 0.18);
      let excellent = 0;
      const entries = participants.map((person) => {
        const isCadre = cadre.get(person) ?? false;
        const star = !isCadre && excellent < excellentQuota && random.chance(0.2);
        if (star) excellent += 1;
        const forExcellent = star
          ? random.int(Math.ceil(voters * 0.6), voters)
          : random.int(0, Math.floor(voters * 0.2));
        return {
          person,
          leadingCadre: isCadre,
          selfAssessment: '对照党员标准，本年度能够履行党员义务，在理论学习和服务群众方面仍需加强。',
          selfAssessedOn: addDays(startedOn, random.int(0, 3)),
          peerReviewDone: true,
          votes: isCadre
            ? null
            : { excellent: forExcellent, qualified: voters - forExcellent, basicallyQualified: 0, unqualified: 0 },
          verdict: star ? ('excellent' as const) : ('qualified' as const),
        };
      });
      appraisals.push({
        org,
        year,
        step: 'closed' as const,
        startedOn,
        peerReviewOn: addDays(startedOn, 5),
        voteOn: addDays(startedOn, 10),
        verdictOn: addDays(startedOn, 14),
        closedOn: addDays(startedOn, 16),
        voters,
        entries,
      });
    }
  }
  return { thoughtReports, appraisals, imperfections };
}
