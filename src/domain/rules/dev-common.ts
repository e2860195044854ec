/**
 * What the DEV rules share: who a finding is about (the person, named with their stage), how
 * statutory defects of one person in one year become one finding, and how a deadline turns into a
 * warning before it and a breach after it.
 */
import type { Bilingual, FindingDraft, Severity } from '../compliance/types.ts';
import type { LawIssue } from '../development/law.ts';
import { type DevStage, devStageNames, openStages } from '../development/steps.ts';
import { daysBetween } from '../periods.ts';
import type { DevCaseRecord } from './dev-facts.ts';

/** “入党积极分子王强” / “Activist 王强”. */
export function subject(record: DevCaseRecord, stage: DevStage): Bilingual {
  const name = devStageNames[stage];
  return { zh: `${name.zh}${record.name}`, en: `${name.en} ${record.name}` };
}

/** Whether a day is inside the evaluated range: a defect of a step is judged in the year it was taken. */
export const inRange = (ctx: { from: string; to: string }, day: string) => day >= ctx.from && day <= ctx.to;

/**
 * Whether the case is recorded from its application. A legacy case may start at a later step (its
 * early papers were kept elsewhere): a step missing before that start is not a defect of ours.
 */
export const recordedFromStart = (record: DevCaseRecord) => record.events.some((e) => e.step === 'application');

export const isOpen = (record: DevCaseRecord) => record.stage !== null && openStages.includes(record.stage);

const base = (record: DevCaseRecord) => ({
  orgId: record.orgId,
  personId: record.personId,
  evidence: [{ kind: 'person' as const, id: record.personId, label: record.name }],
});

/**
 * Statutory defects of one case become one breach per year (the year of the step), each message
 * prefixed with who it is about and joined, so two late approvals of one year are one finding.
 */
export function defectFindings(
  record: DevCaseRecord,
  defects: { on: string; stage: DevStage; issue: LawIssue }[],
): FindingDraft[] {
  const byYear = new Map<string, { zh: string[]; en: string[] }>();
  for (const d of defects) {
    const year = d.on.slice(0, 4);
    const who = subject(record, d.stage);
    const list = byYear.get(year) ?? { zh: [], en: [] };
    list.zh.push(`${who.zh}：${d.issue.message.zh}`);
    list.en.push(`${who.en}: ${d.issue.message.en}`);
    byYear.set(year, list);
  }
  return [...byYear].map(([year, m]) => ({
    ...base(record),
    severity: 'breach' as const,
    period: year,
    message: { zh: m.zh.join('；'), en: m.en.join('; ') },
    numbers: { defects: m.zh.length },
  }));
}

/** Days from asOf to a due day, counting both (due today: 1 day left). */
export const daysLeftTo = (asOf: string, due: string) => daysBetween(asOf, due) + 1;

/**
 * A step still owed by an open case: a warning from `warnDays` before `due` (and until
 * `breachAfter`, the due day unless a grace follows it), a breach after that. Present-state
 * findings (no period): they resolve once the step is recorded.
 */
export function owedFinding(
  record: DevCaseRecord,
  options: {
    asOf: string;
    due: string;
    warnDays: number;
    breachAfter?: string;
    warning: (daysLeft: number) => Bilingual;
    breach: (daysOver: number) => Bilingual;
    numbers?: Record<string, number | string | null>;
  },
): FindingDraft | null {
  const { asOf, due } = options;
  const breachAfter = options.breachAfter ?? due;
  let severity: Severity;
  let message: Bilingual;
  if (asOf > breachAfter) {
    severity = 'breach';
    message = options.breach(daysBetween(due, asOf));
  } else if (daysBetween(asOf, due) < options.warnDays) {
    severity = 'warning';
    message = options.warning(daysLeftTo(asOf, due));
  } else return null;
  return { ...base(record), severity, period: null, message, numbers: { due, ...options.numbers } };
}

/** A step owed by a case that closed without it: a breach of the year it was due, when that is evaluated. */
export function missedFinding(
  record: DevCaseRecord,
  due: string,
  message: Bilingual,
  numbers?: Record<string, number | string | null>,
): FindingDraft {
  return { ...base(record), severity: 'breach', period: due.slice(0, 4), message, numbers: { due, ...numbers } };
}
