/**
 * Grading a secretary's review (述职评议考核): the final score is the mean of the reviewers'
 * scores (0–100, rounded), and the grade follows from it. Pure.
 */

export const reviewGrades = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReviewGrade = (typeof reviewGrades)[number];

export const reviewGradeLabels: Record<ReviewGrade, { zh: string; en: string }> = {
  excellent: { zh: '好', en: 'excellent' },
  good: { zh: '较好', en: 'good' },
  fair: { zh: '一般', en: 'fair' },
  poor: { zh: '差', en: 'poor' },
};

export const reviewLevels = ['college', 'branch'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

/** The mean of the scores, rounded; null without any score. */
export function finalReviewScore(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round(scores.reduce((s, x) => s + x, 0) / scores.length);
}

export function reviewGradeFor(score: number): ReviewGrade {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}
