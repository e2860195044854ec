/**
 * What a development case owes next, for the secretary's and the organizer's to-do lists: the talk
 * after an application (DEV-02), the quarterly thought report (DEV-04), the half-yearly assessment
 * (DEV-05) and the end of probation (DEV-10). Pure: the day is passed in.
 *
 * Periodic duties follow the engine's convention: a quarter (half-year) is owed only when the
 * person was already an activist on its first day, so the partial period in which they became one
 * is free. One item per kind: the most recent owed period left without the step (overdue), else the
 * current period when still open, else the next one.
 */
import { addDays, boundsOfKey, daysBetween, periodKeyOf, warningWindowDays } from '../periods.ts';
import { probationEndOn } from './case-events.ts';
import { stageOf } from './stage.ts';
import type { DevEvent, DevStage } from './steps.ts';

export type DueKind = 'talk' | 'thoughtReport' | 'assessment' | 'probationEnd';
export type DueState = 'upcoming' | 'warning' | 'overdue';
export type DueItem = {
  kind: DueKind;
  rule: string;
  /** The last day the step is due by. */
  due: string;
  state: DueState;
  label: { zh: string; en: string };
};

export type NextDueOptions = {
  asOf: string;
  /** DEV-02's talkDays of the case's branch. */
  talkDays: number;
};

const labels: Record<DueKind, { zh: string; en: string }> = {
  talk: { zh: '入党申请人谈话', en: 'Talk with the applicant' },
  thoughtReport: { zh: '思想汇报', en: 'Thought report' },
  assessment: { zh: '培养考察', en: 'Assessment' },
  probationEnd: { zh: '预备期满，讨论转正', en: 'End of probation: confirmation vote' },
};
const rules: Record<DueKind, string> = {
  talk: 'DEV-02',
  thoughtReport: 'DEV-04',
  assessment: 'DEV-05',
  probationEnd: 'DEV-10',
};
const warningDays: Record<DueKind, number> = {
  talk: 7,
  thoughtReport: warningWindowDays.quarter,
  assessment: warningWindowDays.half,
  probationEnd: 30,
};

/** Stages in which reports and assessments are owed (an activist stays in training as a candidate and on probation). */
const trainedStages: readonly DevStage[] = ['activist', 'candidate', 'probationary'];

type Event = Pick<DevEvent, 'step' | 'on' | 'data'>;

export function nextDue(events: readonly Event[], options: NextDueOptions): DueItem[] {
  const stage = stageOf(events);
  if (!stage || !['applicant', ...trainedStages].includes(stage)) return [];
  const ordered = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const { asOf } = options;
  const item = (kind: DueKind, due: string): DueItem => {
    const left = daysBetween(asOf, due);
    const state: DueState = left < 0 ? 'overdue' : left < warningDays[kind] ? 'warning' : 'upcoming';
    return { kind, rule: rules[kind], due, state, label: labels[kind] };
  };
  const out: DueItem[] = [];

  const application = ordered.findLast((e) => e.step === 'application');
  if (application && stage !== 'probationary' && !ordered.some((e) => e.step === 'talk' && e.on >= application.on))
    out.push(item('talk', addDays(application.on, options.talkDays)));

  const activist = ordered.find((e) => e.step === 'activist');
  if (activist && trainedStages.includes(stage)) {
    out.push(item('thoughtReport', periodicDue(ordered, 'thoughtReport', 'quarter', activist.on, asOf)));
    out.push(item('assessment', periodicDue(ordered, 'assessment', 'half', activist.on, asOf)));
  }

  if (stage === 'probationary') {
    const approval = ordered.findLast((e) => e.step === 'approval');
    const vote = ordered.findLast((e) => e.step === 'admissionVote' && (!approval || e.on <= approval.on));
    const start = vote?.on ?? approval?.on;
    if (start) out.push(item('probationEnd', probationEndOn(start, extensionMonths(ordered, start))));
  }
  return out;
}

/** The months of every extension decided since probation began. */
export const extensionMonths = (ordered: readonly Event[], since: string) =>
  ordered.filter((e) => e.step === 'probationExtension' && e.on >= since).map((e) => e.data.months ?? 0);

/** The due day of the next owed period (quarter or half-year) of a periodic step. */
function periodicDue(
  events: readonly Event[],
  step: 'thoughtReport' | 'assessment',
  kind: 'quarter' | 'half',
  since: string,
  asOf: string,
): string {
  const done = new Set(events.filter((e) => e.step === step).map((e) => periodKeyOf(e.on, kind)));
  const current = bounds(periodKeyOf(asOf, kind));
  const previous = bounds(periodKeyOf(addDays(current.from, -1), kind));
  const owed = (p: { from: string }) => since <= p.from;
  if (owed(previous) && !done.has(previous.key)) return previous.to;
  if (owed(current) && !done.has(current.key)) return current.to;
  return bounds(periodKeyOf(addDays(current.to, 1), kind)).to;
}

function bounds(key: string) {
  const b = boundsOfKey(key);
  if (!b) throw new Error(`not a calendar period: ${key}`);
  return { key, from: b.from, to: b.to };
}
