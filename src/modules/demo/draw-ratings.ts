/**
 * Last year's ratings (分类定级) of the demo university: every college and branch that existed at the
 * year's end, rated by its superior in January. Each org draws a standing — most good, some
 * advanced, a few fair and one lagging — and its rubric items follow from it; two ratings were
 * adjusted by hand with a reason. Fair and lagging orgs have their rectification plan, verified when
 * its deadline has passed, so the demo shows ASSESS-02 met. Pure and seeded.
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
  terms: { org: string; positions: { role: string; person: string; to?: string | null }[] }[];
};

/** The share of each item's points an org of a standing earns, as a range. */
const standings = {
  strong: [0.88, 1],
  steady: [0.76, 0.94],
  weak: [0.6, 0.8],
  poor: [0.4, 0.6],
} as const;
type Standing = keyof typeof standings;

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

  const ratings = rated.map((org) => {
    const standing: Standing =
      org.code === lagging ? 'poor' : random.weighted(['strong', 'steady', 'weak'] as const, [3, 6, 2]);
    const items: RatingItem[] = ratingItemSpecs.map((spec) => ({
      key: spec.key,
      max: spec.max,
      score: round1(spec.max * share(standing)),
      source: spec.kind === 'engine' ? 'computed' : 'manual',
      applicable: true,
      detail: null,
    }));
    const score = rubricScore(items) as number;
    const adjustment = adjusted.get(org.code);
    const grade = gradeFor(adjustedScore(score, adjustment?.adjustment ?? 0));
    return { org, items, score, adjustment, grade };
  });

  return {
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
