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
