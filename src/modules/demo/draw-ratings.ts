/**
 * Last year's ratings (分类定级) and secretaries' reviews (述职评议考核) of the demo university. In
 * January the university reviewed its college-level secretaries and each college its branch
 * secretaries (published rounds, three reviewers each); then every college and branch that existed
 * at the year's end was rated by its superior. Each org draws a standing — most good, some advanced,
 * a few fair and one lagging — its review score and rubric items follow from it, the review item
 * being the published review; two ratings were adjusted by hand with a reason. Fair and lagging orgs
 * have their rectification plan, verified when its deadline has passed, so ASSESS-01 and ASSESS-02
 * are met for last year. Pure and seeded.
 */
import { ratingMeasures, ratingProblem } from '../../domain/evaluation/rating-plan.ts';
import {
  adjustedScore,
  gradeFor,
  needsRectification,
  type RatingItem,
  ratingItemSpecs,
  rubricScore,
} from '../../domain/evaluation/rating-rubric.ts';
import { finalReviewScore, reviewGradeFor } from '../../domain/evaluation/secretary-review.ts';
import { addMonths } from '../../domain/periods.ts';
import { dateOf, minDate, yearOf } from './dates.ts';
import { createRandom } from './random.ts';

type Doc = {
  orgs: {
    code: string;
    parent: string | null;
    kind: string;
    name: string;
    validFrom?: string;
    validTo?: string | null;
  }[];
  people: { code: string; name: string }[];
  terms: { org: string; positions: { role: string; person: string; from?: string | null; to?: string | null }[] }[];
};

/** The share of each item's points an org of a standing earns, as a range. */
const standings = {
  strong: [0.88, 1],
  steady: [0.76, 0.94],
  weak: [0.6, 0.8],
  poor: [0.4, 0.6],
} as const;
type Standing = keyof typeof standings;

const universityReviewers = [
  { reviewer: 'party-secretary', name: '党委书记' },
  { reviewer: 'org-department', name: '组织部 周明' },
  { reviewer: 'discipline', name: '纪委书记' },
];

const adjustments = [
  { adjustment: 3, reason: '承办全校主题党日观摩活动，效果突出' },
  { adjustment: -4, reason: '年内发生一次组织生活未按期召开被通报' },
];

export function drawRatings(options: { asOf: string; seed: number } & Doc) {
  // Its own stream, so adding it changed nothing drawn before it.
  const random = createRandom(options.seed * 104729 + 8);
  const year = yearOf(options.asOf) - 1;
  const yearEnd = dateOf(year, 12, 31);
  const ratedOn = minDate(dateOf(year + 1, 1, 20), options.asOf);
  const name = new Map(options.people.map((p) => [p.code, p.name]));
  const secretaryAtYearEnd = (org: string) =>
    options.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions)
      .find((p) => p.role === 'secretary' && (p.from ?? '') <= yearEnd && (!p.to || p.to > yearEnd))?.person ?? null;
  const secretaryOf = (org: string) => {
    const seat = options.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions)
      .find((p) => p.role === 'secretary' && !p.to);
    return seat ? (name.get(seat.person) ?? null) : null;
  };
  const rated = options.orgs.filter(
    (o) =>
      (o.kind === 'college' || o.kind === 'branch') &&
      (o.validFrom ?? '') <= yearEnd &&
      (!o.validTo || o.validTo > yearEnd),
  );
  const branchCodes = rated.filter((o) => o.kind === 'branch').map((o) => o.code);
  const lagging = branchCodes[random.int(0, branchCodes.length - 1)];
  const adjusted = new Map(
    random
      .shuffle(rated.map((o) => o.code).filter((c) => c !== lagging))
      .slice(0, adjustments.length)
      .map((code, i) => [code, adjustments[i]]),
  );
  const share = (s: Standing) => {
    const [lo, hi] = standings[s];
    return lo + random.next() * (hi - lo);
  };
  const round1 = (n: number) => Math.round(n * 10) / 10;

  const standingOf = new Map(
    rated.map((org) => [
      org.code,
      org.code === lagging ? ('poor' as const) : random.weighted(['strong', 'steady', 'weak'] as const, [3, 6, 2]),
    ]),
  );

  // ——— The reviews: the university reviews college-level secretaries, each college its branches' ———
  const reportedOn = minDate(dateOf(year + 1, 1, 8), options.asOf);
  const publishedOn = minDate(dateOf(year + 1, 1, 15), options.asOf);
  const collegeLevel = (o: Doc['orgs'][number]) => o.kind === 'college' || o.parent === null;
  const organizers = [
    { org: null as string | null, level: 'college' as const, title: `${year}年度二级党组织书记抓基层党建述职评议考核` },
    ...rated
      .filter((o) => o.kind === 'college')
      .map((c) => ({
        org: c.code as string | null,
        level: 'branch' as const,
        title: `${c.name}${year}年度党支部书记抓基层党建述职评议考核`,
      })),
  ];
  const reviewScore = new Map<string, number>();
  const secretaryReviews = organizers.map((round) => {
    const reviewed = rated.filter((o) => (round.org === null ? collegeLevel(o) : o.parent === round.org));
    const reviewers =
      round.org === null
        ? universityReviewers
        : [
            { reviewer: `${round.org}-secretary`, name: `${rated.find((o) => o.code === round.org)?.name ?? ''}书记` },
            { reviewer: `${round.org}-dean`, name: `${rated.find((o) => o.code === round.org)?.name ?? ''}院长` },
            universityReviewers[1],
          ];
    return {
      org: round.org,
      year,
      level: round.level,
      title: round.title,
      status: 'published' as const,
      publishedOn,
      reviews: reviewed.flatMap((o) => {
        const person = secretaryAtYearEnd(o.code);
        if (!person) return [];
        const standing = standingOf.get(o.code) as Standing;
        const scores = reviewers.map((r) => ({
          ...r,
          score: Math.min(100, Math.round(100 * share(standing) + random.int(-3, 3))),
          comment: null,
        }));
        const finalScore = finalReviewScore(scores.map((x) => x.score)) as number;
        reviewScore.set(o.code, finalScore);
        return [
          {
            org: o.code,
            person,
            report: `${year}年抓基层党建工作述职：落实“三会一课”、主题党日和组织生活会，推进党员教育管理和发展党员工作，存在的不足和下一步打算……`,
            reportedOn,
            finalScore,
            grade: reviewGradeFor(finalScore),
            scores,
          },
        ];
      }),
    };
  });

  // ——— The ratings ———
  const ratings = rated.map((org) => {
    const standing = standingOf.get(org.code) as Standing;
    const review = reviewScore.get(org.code);
    const items: RatingItem[] = ratingItemSpecs.map((spec) =>
      spec.kind === 'review' && review !== undefined
        ? {
            key: spec.key,
            max: spec.max,
            score: round1((spec.max * review) / 100),
            source: 'review',
            applicable: true,
            detail: `review ${review}`,
          }
        : {
            key: spec.key,
            max: spec.max,
            score: round1(spec.max * share(standing)),
            source: spec.kind === 'engine' ? 'computed' : 'manual',
            applicable: true,
            detail: null,
          },
    );
    const score = rubricScore(items) as number;
    const adjustment = adjusted.get(org.code);
    const grade = gradeFor(adjustedScore(score, adjustment?.adjustment ?? 0));
    return { org, items, score, adjustment, grade };
  });

  return {
    secretaryReviews,
    ratings: ratings.map(({ org, items, score, adjustment, grade }) => ({
      org: org.code,
      year,
      items: items.map(({ max: _max, ...i }) => i),
      score,
      adjustment: adjustment?.adjustment ?? 0,
      adjustmentReason: adjustment?.reason ?? null,
      adjustedBy: adjustment ? '组织部 周明' : null,
      grade,
      ratedOn,
      ratedBy:
        org.kind === 'college' || org.parent === null
          ? '党委组织部'
          : (options.orgs.find((o) => o.code === org.parent)?.name ?? '党委组织部'),
    })),
    rectifications: ratings
      .filter((r) => needsRectification(r.grade))
      .map(({ org, items, score, adjustment, grade }) => {
        const deadline = addMonths(ratedOn, 3);
        const done = deadline < options.asOf;
        return {
          org: org.code,
          source: 'rating' as const,
          year,
          problem: ratingProblem(
            year,
            grade as 'fair' | 'lagging',
            adjustedScore(score, adjustment?.adjustment ?? 0),
            items,
          ),
          owner: secretaryOf(org.code) ?? `${org.name}书记`,
          measures: ratingMeasures,
          deadline,
          status: done ? ('verified' as const) : ('open' as const),
          evidence: done ? '整改提高方案及党员大会记录已上传，对照“五个好”标准逐项整改完成' : null,
          doneOn: done ? addMonths(ratedOn, 2) : null,
          verifiedOn: done ? minDate(addMonths(ratedOn, 2), options.asOf) : null,
          verifiedBy: done ? '党委组织部' : null,
        };
      }),
  };
}
