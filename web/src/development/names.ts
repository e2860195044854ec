/**
 * Names of development steps and stages in the page's language, from the domain's one vocabulary
 * (pure data, shared with the server) so the web app never keeps a second copy.
 */
import {
  type DevStage,
  type DevStep,
  devStageNames,
  devStages,
  devStepNames,
  devSteps,
  openStages,
} from '../../../src/domain/development/steps.ts';
import type { Locale } from '../api/types.ts';

export type { DevStage, DevStep };
export { devStages, devSteps, openStages };

const pick = (n: { zh: string; en: string } | undefined, locale: Locale, fallback: string) =>
  n ? (locale === 'zh-CN' ? n.zh : n.en) : fallback;

export const stepName = (step: string, locale: Locale) => pick(devStepNames[step as DevStep], locale, step);
export const stageName = (stage: string | null | undefined, locale: Locale) =>
  stage ? pick(devStageNames[stage as DevStage], locale, stage) : '—';

/** Colors of the stage tags: the path to membership in blue → red, the exits in grey. */
export const stageColor: Record<DevStage, string> = {
  applicant: 'default',
  activist: 'blue',
  candidate: 'purple',
  probationary: 'orange',
  full: 'red',
  withdrawn: 'default',
  notAdmitted: 'default',
  cancelled: 'default',
};

/** The approvals a case waits for in the college's queue. */
export const approvalSteps: DevStep[] = ['preReview', 'approval', 'confirmationApproval'];

/**
 * The steps only the superior committee records (as the server's `step-roles.ts` has them): a
 * branch secretary is not offered them and cannot correct them.
 */
export const superiorSteps: DevStep[] = [
  'preReview',
  'superiorTalk',
  'approval',
  'confirmationApproval',
  'probationExtension',
  'probationCancelled',
];

/** The steps of a case that runs its course, in order (reports, assessments and exits aside). */
const mainPath: DevStep[] = [
  'application',
  'talk',
  'leagueRecommendation',
  'activist',
  'candidate',
  'politicalReview',
  'training',
  'sponsors',
  'publicity',
  'preReview',
  'admissionVote',
  'superiorTalk',
  'approval',
  'oath',
  'confirmationVote',
  'confirmationApproval',
];

/** The step the form offers first: the one after the furthest step of the main path recorded. */
export function suggestedStep(recorded: readonly { step: DevStep }[]): DevStep | undefined {
  let furthest = -1;
  for (const e of recorded) furthest = Math.max(furthest, mainPath.indexOf(e.step));
  // Mass recommendation stands in for the League's.
  if (furthest === mainPath.indexOf('talk') && recorded.some((e) => e.step === 'massRecommendation'))
    furthest = mainPath.indexOf('leagueRecommendation');
  return mainPath[furthest + 1];
}

/** Steps recorded along the way (reports, assessments) that say nothing about what waits next. */
export const routineSteps: DevStep[] = ['thoughtReport', 'assessment'];

/** The approval a case waits for, judged from its last step other than a routine one (the college's queue). */
export function waitingFor(stage: DevStage, lastStep: DevStep | null | undefined): DevStep | null {
  if (stage === 'candidate' && lastStep === 'publicity') return 'preReview';
  if (stage === 'candidate' && (lastStep === 'admissionVote' || lastStep === 'superiorTalk')) return 'approval';
  if (stage === 'probationary' && lastStep === 'confirmationVote') return 'confirmationApproval';
  return null;
}

type VoteLike = { expected: number; yes: number };

/**
 * The approval a case waits for, from its events: its last step other than a routine one, and
 * for a vote, only one that carried (a vote that failed waits for the branch, not the college).
 */
export function waitingForEvents(
  stage: DevStage,
  events: readonly { step: DevStep; on: string; data: { vote?: VoteLike } }[],
): DevStep | null {
  const last = [...events]
    .filter((e) => !routineSteps.includes(e.step))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .at(-1);
  if (!last) return null;
  const vote = last.data.vote;
  if (vote && !(vote.yes * 2 > vote.expected)) return null;
  return waitingFor(stage, last.step);
}
