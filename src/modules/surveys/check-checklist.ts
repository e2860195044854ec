/** A survey records each of the six checks once, and says what the problem is wherever it found one. */
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { ChecklistEntry } from './schema.ts';
import { sixChecks } from './six-checks.ts';

/** The checklist in the documents' order, or a 400 naming what is missing. */
export function checkChecklist(checklist: ChecklistEntry[]): ChecklistEntry[] {
  const issues: FieldIssue[] = [];
  const seen = new Set(checklist.map((c) => c.check));
  const missing = sixChecks.filter((c) => !seen.has(c));
  if (missing.length || seen.size !== checklist.length)
    issues.push({
      field: 'body.checklist',
      reason: `六查六看每项须填写一次（缺少：${missing.join(', ') || '无'}） / each of the six checks once (missing: ${missing.join(', ') || 'none'})`,
    });
  checklist.forEach((c, i) => {
    if (c.result === 'problem' && !c.note)
      issues.push({ field: `body.checklist.${i}.note`, reason: '发现问题须写明 / say what the problem is' });
  });
  if (issues.length) throw badInput(issues);
  return sixChecks.map((check) => checklist.find((c) => c.check === check) as ChecklistEntry);
}

/** The day of a survey of `year`: in that year or the January–March after it, and not in the future. */
export function checkSurveyedOn(surveyedOn: string, year: number, today: string) {
  const surveyedYear = Number(surveyedOn.slice(0, 4));
  if (surveyedOn > today) throw badInput([{ field: 'body.surveyedOn', reason: '不能晚于今天 / not after today' }]);
  if (surveyedYear !== year && !(surveyedYear === year + 1 && surveyedOn.slice(5) <= '03-31'))
    throw badInput([{ field: 'body.surveyedOn', reason: `不在${year}年度内 / not in the survey year ${year}` }]);
}
