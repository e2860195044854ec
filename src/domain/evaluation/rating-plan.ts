/** The rectification plan a fair or lagging rating gets (004 三.2–三.3): its problem text and measures. Pure. */
import { gradeLabels, type RatingItem, ratingItemSpecs } from './rating-rubric.ts';

/** The measures 004 三.3 asks of a fair or lagging org. */
export const ratingMeasures = '对照“五个好”标准制定整改提高方案，召开党员大会讨论，明确目标、任务、措施和完成时限';

/** The problem text: the grade and score, and the items that lost the most points. */
export function ratingProblem(year: number, grade: 'fair' | 'lagging', score: number, items: RatingItem[]) {
  const weakest = items
    .filter((i) => i.applicable && i.score !== null && i.score < i.max)
    .sort((a, b) => (b.max - (b.score ?? 0)) / b.max - (a.max - (a.score ?? 0)) / a.max)
    .slice(0, 2)
    .map((i) => `${ratingItemSpecs.find((s) => s.key === i.key)?.label.zh ?? i.key}${i.score}/${i.max}分`);
  const tail = weakest.length ? `，失分较多：${weakest.join('、')}` : '';
  return `${year}年分类定级为“${gradeLabels[grade].zh}”（${score}分）${tail}`;
}
