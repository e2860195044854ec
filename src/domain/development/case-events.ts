/**
 * Reading a case's events the way the law reads them: in date order (a same-day tie in the
 * statutory order of the steps, as the dataset import stores them), and the facts each rule needs
 * — when the person became an activist, which votes carried, when probation ends.
 */
import { addMonths } from '../periods.ts';
import { type DevEvent, type DevStep, devSteps, stageAfterStep } from './steps.ts';

type Dated = Pick<DevEvent, 'step' | 'on'>;

const stepOrder = (step: DevStep) => devSteps.indexOf(step);

/** Date order; a same-day tie keeps the statutory order of the steps. Stable otherwise. */
export function orderEvents<E extends Dated>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : stepOrder(a.step) - stepOrder(b.step)));
}

/** The last event that changed the stage (application, activist, candidate, approval…), if any. */
export function lastStageEvent<E extends Dated>(ordered: readonly E[]): E | undefined {
  return ordered.findLast((e) => stageAfterStep[e.step] !== undefined);
}

/** A vote carries when more than half of the members expected to attend vote yes (DEV-08). */
export const carried = (vote: DevEvent['data']['vote']) => !!vote && vote.yes * 2 > vote.expected;

/** One year of probation from the admission vote, plus every extension's months (DEV-10). */
export function probationEndOn(admissionVoteOn: string, extensionMonths: readonly number[]): string {
  return addMonths(admissionVoteOn, 12 + extensionMonths.reduce((sum, m) => sum + m, 0));
}

/**
 * What the prerequisites of the admission vote were on a day (DEV-07): the latest sponsors named,
 * whether a political review was done and the hours of concentrated training, counting only steps
 * taken as a candidate and on or before that day.
 */
export function prerequisitesOn<E extends Pick<DevEvent, 'step' | 'on' | 'data'>>(ordered: readonly E[], day: string) {
  const candidate = ordered.find((e) => e.step === 'candidate' && e.on <= day);
  const since = (e: E) => !!candidate && e.on >= candidate.on && e.on <= day;
  const sponsors = ordered.findLast((e) => e.step === 'sponsors' && since(e));
  return {
    candidate,
    sponsors,
    politicalReview: ordered.findLast((e) => e.step === 'politicalReview' && since(e)),
    trainingHours: ordered
      .filter((e) => e.step === 'training' && since(e))
      .reduce((sum, e) => sum + (e.data.hours ?? 0), 0),
    publicity: ordered.findLast((e) => e.step === 'publicity' && since(e)),
    preReview: ordered.findLast((e) => e.step === 'preReview' && since(e)),
  };
}

/** The steps of a case as the rules use them; `ordered` must be in `orderEvents` order. */
export function caseFacts<E extends Pick<DevEvent, 'step' | 'on' | 'data'>>(ordered: readonly E[]) {
  const first = (step: DevStep) => ordered.find((e) => e.step === step);
  const all = (step: DevStep) => ordered.filter((e) => e.step === step);
  const admissionVote = ordered.find((e) => e.step === 'admissionVote' && carried(e.data.vote));
  const extensions = all('probationExtension');
  return {
    application: first('application'),
    activist: first('activist'),
    candidate: first('candidate'),
    admissionVotes: all('admissionVote'),
    /** The first admission vote that carried. */
    admissionVote,
    approval: first('approval'),
    oath: first('oath'),
    confirmationVotes: all('confirmationVote'),
    confirmationVote: ordered.find((e) => e.step === 'confirmationVote' && carried(e.data.vote)),
    confirmationApproval: first('confirmationApproval'),
    extensions,
    probationEnd: admissionVote
      ? probationEndOn(
          admissionVote.on,
          extensions.map((e) => e.data.months ?? 0),
        )
      : null,
    /** The end of the first year of probation, before any extension. */
    firstProbationEnd: admissionVote ? probationEndOn(admissionVote.on, []) : null,
  };
}

/** Steps outside a trained stage's records: the stage is closed after them. */
export const closingSteps: readonly DevStep[] = [
  'confirmationApproval',
  'withdrawn',
  'notAdmitted',
  'probationCancelled',
];
