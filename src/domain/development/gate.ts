/**
 * The gate at the moment a development step is recorded: the step must come next in the statutory
 * sequence, carry its fields, be dated in order and not in the future, and break no statutory rule
 * (DEV-01, 03, 06, 07, 08, 09, 10 — the same functions the compliance engine runs on stored cases).
 * An empty list lets the step through; otherwise nothing is written and each violation names its
 * field (a JSON path of the step) and, for a statutory rule, the rule id.
 */
import type { Bilingual } from '../compliance/types.ts';
import { carried, caseFacts, lastStageEvent, orderEvents, prerequisitesOn } from './case-events.ts';
import {
  dev01MinAge,
  dev03Mentors,
  dev06TrainingMonths,
  dev07BeforeVote,
  dev07Sponsors,
  dev08Vote,
  dev09ApprovalInTime,
  dev10ConfirmationAfterProbation,
  dev10Extension,
  type MemberStatus,
  type Names,
} from './law.ts';
import { stageOf } from './stage.ts';
import { checkStepData } from './step-data.ts';
import { type DevEvent, type DevStage, type DevStep, devStageNames, devStepNames, openStages } from './steps.ts';

export type GateParams = {
  talkDays: number;
  trainingMonths: number;
  approveMonths: number;
  minAge: number;
  trainingHours: number;
};

export type GateContext = {
  /** The person's birth date (DEV-01 at the application). */
  birthDate: string | null;
  /** Status on `next.on` of every person named in `next.data` (mentors, sponsors, by). */
  statusOn: Record<string, MemberStatus>;
  /** Full members in normal standing of the case's branch on `next.on` (应到 of a vote, DEV-08). */
  votingMembers: number;
  /** Today (Asia/Shanghai): a step cannot be dated later. */
  asOf: string;
  params: GateParams;
  /** Display names of the people named in `next.data`, for the messages (optional). */
  names?: Names;
};

export type Violation = { rule: string | null; field: string; message: Bilingual };

const stepName = (step: DevStep) => devStepNames[step];
const stageName = (stage: DevStage) => devStageNames[stage];

type Facts = ReturnType<typeof caseFacts<DevEvent>>;

/** Why `next` cannot follow these events in the statutory sequence (none: it may). */
function sequenceViolations(stage: DevStage | null, facts: Facts, next: DevEvent): Violation[] {
  const refuse = (zh: string, en: string, field = 'step'): Violation[] => [{ rule: null, field, message: { zh, en } }];
  const name = stepName(next.step);
  if (stage !== null && !openStages.includes(stage))
    return refuse(
      `档案已结束（${stageName(stage).zh}），不能再记录“${name.zh}”`,
      `the case is closed (${stageName(stage).en}): no “${name.en}” can follow`,
    );
  if (next.step === 'application')
    return stage === null ? [] : refuse('已递交过入党申请书', 'the application is already recorded');
  if (stage === null)
    return refuse(`须先递交入党申请书，才能记录“${name.zh}”`, `an application must come before “${name.en}”`);
  const needStage = (allowed: readonly DevStage[], zh: string, en: string) =>
    allowed.includes(stage)
      ? []
      : refuse(
          `“${name.zh}”${zh}（当前阶段：${stageName(stage).zh}）`,
          `“${name.en}” ${en} (current stage: ${stageName(stage).en})`,
        );
  const afterDay = (day: string, what: Bilingual): Violation[] =>
    next.on < day
      ? refuse(`日期${next.on}早于${what.zh}（${day}）`, `${next.on} is before the ${what.en} (${day})`, 'on')
      : [];
  const admitted = facts.admissionVote;
  switch (next.step) {
    case 'talk':
    case 'leagueRecommendation':
    case 'massRecommendation':
      return needStage(['applicant'], '只适用于入党申请人', 'is for applicants only');
    case 'activist':
      return needStage(['applicant'], '只适用于入党申请人', 'is for applicants only');
    case 'thoughtReport':
      return [];
    case 'assessment':
      return needStage(
        ['activist', 'candidate', 'probationary'],
        '须在确定为入党积极分子之后',
        'comes after becoming an activist',
      );
    case 'candidate':
      // An applicant who never was an activist is DEV-06's refusal (the law names it).
      return stage === 'applicant' ? [] : needStage(['activist'], '只适用于入党积极分子', 'is for activists only');
    case 'politicalReview':
    case 'training':
    case 'sponsors':
    case 'publicity':
    case 'preReview':
    case 'admissionVote':
      if (stage === 'candidate' && admitted)
        return refuse(
          `支部大会已于${admitted.on}讨论通过接收，不能再记录“${name.zh}”`,
          `the admission vote carried on ${admitted.on}: no “${name.en}” can follow`,
        );
      return needStage(['candidate'], '只适用于发展对象', 'is for candidates only');
    case 'superiorTalk':
    case 'approval':
      if (stage !== 'candidate' || !admitted)
        return refuse(
          `“${name.zh}”须在支部大会讨论通过接收之后`,
          `“${name.en}” comes after an admission vote that carried`,
        );
      return afterDay(admitted.on, { zh: '支部大会讨论接收之日', en: 'admission vote' });
    case 'oath':
      if (stage !== 'probationary') return refuse('入党宣誓须在上级党委审批之后', 'the oath comes after the approval');
      return facts.oath ? refuse(`已于${facts.oath.on}入党宣誓`, `the oath was taken on ${facts.oath.on}`) : [];
    case 'confirmationVote':
    case 'probationExtension':
    case 'probationCancelled': {
      const only = needStage(['probationary'], '只适用于预备党员', 'is for probationary members only');
      if (only.length > 0) return only;
      const confirmed = pendingConfirmation(facts);
      if (next.step !== 'probationCancelled' && confirmed)
        return refuse(
          `支部大会已于${confirmed.on}讨论通过转正，待上级党委审批`,
          `the confirmation vote carried on ${confirmed.on}; it awaits approval`,
        );
      return [];
    }
    case 'confirmationApproval': {
      const only = needStage(['probationary'], '只适用于预备党员', 'is for probationary members only');
      if (only.length > 0) return only;
      const vote = pendingConfirmation(facts);
      if (!vote)
        return refuse(
          '转正审批须在支部大会讨论通过转正之后',
          'the confirmation approval comes after a confirmation vote that carried',
        );
      return afterDay(vote.on, { zh: '支部大会讨论转正之日', en: 'confirmation vote' });
    }
    case 'withdrawn':
      return needStage(
        ['applicant', 'activist', 'candidate'],
        '只适用于预备党员之前的阶段',
        'is for cases before probation only',
      );
    case 'notAdmitted':
      return needStage(['candidate'], '只适用于发展对象', 'is for candidates only');
  }
}

/** True when no extension was decided after this day (a carried confirmation vote still stands). */
function lastExtensionBefore(facts: Facts, day: string) {
  return facts.extensions.every((e) => e.on <= day);
}

/** The carried confirmation vote that stands (none after it extended the probation). */
function pendingConfirmation(facts: Facts) {
  const vote = facts.confirmationVotes.findLast((e) => carried(e.data.vote));
  return vote && lastExtensionBefore(facts, vote.on) ? vote : undefined;
}

/** The statutory rules that apply to this step, on its checked data. */
function lawViolations(ordered: DevEvent[], facts: Facts, next: DevEvent, ctx: GateContext): Violation[] {
  const { params } = ctx;
  const data = next.data;
  switch (next.step) {
    case 'application': {
      const issue = dev01MinAge(ctx.birthDate, next.on, params.minAge);
      return issue ? [issue] : [];
    }
    case 'activist':
      return dev03Mentors(data.mentors ?? [], ctx.statusOn, next.on, ctx.names);
    case 'candidate': {
      const issue = dev06TrainingMonths(facts.activist?.on ?? null, next.on, params.trainingMonths);
      return issue ? [issue] : [];
    }
    case 'sponsors':
      return dev07Sponsors(data.sponsors ?? [], ctx.statusOn, next.on, ctx.names);
    case 'admissionVote': {
      const prior = prerequisitesOn(ordered, next.on);
      const out: Violation[] = dev07BeforeVote(
        {
          sponsors: prior.sponsors?.data.sponsors ?? null,
          politicalReviewOn: prior.politicalReview?.on ?? null,
          trainingHours: prior.trainingHours,
        },
        next.on,
        params.trainingHours,
      );
      const refuse = (zh: string, en: string) => out.push({ rule: null, field: 'step', message: { zh, en } });
      const publicity = prior.publicity;
      if (!publicity) refuse('支部大会讨论接收前未进行发展公示', 'no publicity before the admission vote');
      else if (publicity.data.until && publicity.data.until >= next.on)
        refuse(
          `发展公示至${publicity.data.until}，须在公示期满后再讨论接收`,
          `the publicity runs until ${publicity.data.until}: the vote must come after it ends`,
        );
      if (!prior.preReview)
        refuse('支部大会讨论接收前未经上级党委预审', 'no preliminary review before the admission vote');
      return data.vote ? [...out, ...dev08Vote(data.vote, ctx.votingMembers)] : out;
    }
    case 'approval': {
      const issue = facts.admissionVote
        ? dev09ApprovalInTime(facts.admissionVote.on, next.on, params.approveMonths, 'admission')
        : null;
      return issue ? [issue] : [];
    }
    case 'confirmationVote': {
      const out: Violation[] = [];
      if (facts.probationEnd) {
        const issue = dev10ConfirmationAfterProbation(next.on, facts.probationEnd);
        if (issue) out.push(issue);
      }
      return data.vote ? [...out, ...dev08Vote(data.vote, ctx.votingMembers)] : out;
    }
    case 'confirmationApproval': {
      const vote = pendingConfirmation(facts);
      const issue = vote ? dev09ApprovalInTime(vote.on, next.on, params.approveMonths, 'confirmation') : null;
      return issue ? [issue] : [];
    }
    case 'probationExtension':
      return facts.firstProbationEnd && data.months !== undefined
        ? dev10Extension(data.months, next.on, facts.firstProbationEnd, facts.extensions[0]?.on ?? null)
        : [];
    default:
      return [];
  }
}

export function gateStep(events: DevEvent[], next: DevEvent, ctx: GateContext): Violation[] {
  if (!Object.hasOwn(devStepNames, next.step)) {
    const step = String(next.step);
    return [{ rule: null, field: 'step', message: { zh: `未知的步骤 ${step}`, en: `unknown step ${step}` } }];
  }
  const ordered = orderEvents(events);
  const stage = stageOf(ordered);
  const facts = caseFacts(ordered);
  const out: Violation[] = [];
  const refuse = (field: string, zh: string, en: string) => out.push({ rule: null, field, message: { zh, en } });

  if (next.on > ctx.asOf)
    refuse('on', `日期${next.on}晚于今天（${ctx.asOf}）`, `${next.on} is after today (${ctx.asOf})`);
  const previous = lastStageEvent(ordered);
  if (previous && next.on < previous.on)
    refuse(
      'on',
      `日期${next.on}早于上一阶段步骤“${stepName(previous.step).zh}”的日期${previous.on}`,
      `${next.on} is before the previous stage step (${stepName(previous.step).en}, ${previous.on})`,
    );
  const sequence = sequenceViolations(stage, facts, next);
  out.push(...sequence);

  const checked = checkStepData(next.step, next.on, next.data);
  for (const issue of checked.issues) out.push({ rule: null, ...issue });
  // Judging a step that may not happen at all would only add noise to its refusal.
  const outOfSequence = sequence.some((v) => v.field === 'step');
  if (outOfSequence || !checked.data) return out;
  const law = lawViolations(ordered, facts, { ...next, data: checked.data }, ctx);
  return [...out, ...law];
}
