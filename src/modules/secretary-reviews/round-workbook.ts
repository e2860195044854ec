/**
 * The Excel export of one review round: a row per review the caller sees, with the report's state,
 * each reviewer's score (to organizers only, as on the page), the mean, the grade and publication.
 */
import { finalReviewScore, reviewGradeLabels } from '../../domain/evaluation/secretary-review.ts';
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { loadRoundDetail } from './list-rounds.ts';

type RoundDetail = Awaited<ReturnType<typeof loadRoundDetail>>;
type ReviewRow = RoundDetail['reviews'][number];

/** One column per reviewer who scored any review, in the order they first scored. */
function reviewerColumns(reviews: ReviewRow[]): Column<ReviewRow>[] {
  const reviewers = new Map<string, string>();
  for (const r of reviews) for (const s of r.scores ?? []) reviewers.set(s.reviewerAccount, s.reviewerName);
  return [...reviewers].map(([account, name]) => ({
    header: `${name}评分`,
    key: `reviewer-${account}`,
    width: 10,
    value: (r) => r.scores?.find((s) => s.reviewerAccount === account)?.score ?? null,
  }));
}

export function buildRoundWorkbook(detail: RoundDetail) {
  const { round, reviews } = detail;
  const published = round.status === 'published' ? `已公布（${round.publishedOn}）` : '未公布';
  const columns: Column<ReviewRow>[] = [
    { header: '书记', key: 'person', width: 12, value: (r) => r.personName },
    { header: '所在组织', key: 'org', width: 30, value: (r) => r.orgName },
    { header: '述职报告', key: 'report', width: 12, value: (r) => (r.report ? '已提交' : '未提交') },
    { header: '提交日期', key: 'reportedOn', width: 12, value: (r) => r.reportedOn },
    ...reviewerColumns(reviews),
    // Only organizers see who scored; a reader without the scores gets an empty cell, not a zero.
    { header: '评分人数', key: 'scoreCount', width: 10, value: (r) => r.scores?.length ?? null },
    {
      header: '平均得分',
      key: 'finalScore',
      width: 10,
      // Before publication organizers still see the mean of the scores given so far.
      value: (r) => r.finalScore ?? (r.scores ? finalReviewScore(r.scores.map((s) => s.score)) : null),
    },
    { header: '等次', key: 'grade', width: 8, value: (r) => (r.grade ? reviewGradeLabels[r.grade].zh : null) },
    { header: '结果', key: 'published', width: 18, value: () => published },
  ];
  return buildWorkbook([{ name: `${round.year}年述职评议`, columns, rows: reviews }]);
}
