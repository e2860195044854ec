/**
 * The DEV rules of the road to admission: a year of training before becoming a candidate (DEV-06),
 * sponsors, political review and training before the vote (DEV-07), and votes that are quorate,
 * carry and add up (DEV-08). Each defect of a stored case is judged in the year of its step by the
 * same `law.ts` functions the gate applies when a step is recorded.
 */
import type { FindingDraft, Rule } from '../compliance/types.ts';
import { prerequisitesOn } from '../development/case-events.ts';
import {
  dev06TrainingMonths,
  dev07BeforeVote,
  dev07Sponsors,
  dev08Vote,
  dev08VoteCounts,
  type LawIssue,
} from '../development/law.ts';
import type { DevStage } from '../development/steps.ts';
import { defectFindings, inRange, recordedFromStart } from './dev-common.ts';
import type { DevFactEvent } from './dev-facts.ts';

type Defect = { on: string; stage: DevStage; issue: LawIssue };

const dev06: Rule<'development'> = {
  id: 'DEV-06',
  family: 'DEV',
  title: {
    zh: '入党积极分子经一年以上培养方可列为发展对象',
    en: 'Activists become candidates after a year of training',
  },
  scope: 'person',
  period: 'event',
  params: {
    trainingMonths: {
      type: 'integer',
      default: 12,
      min: 1,
      max: 36,
      stricter: 'higher',
      label: { zh: '培养教育期', en: 'Training period' },
      unit: { zh: '个月', en: 'months' },
    },
  },
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const candidate = record.events.find((e) => e.step === 'candidate');
      if (!candidate || !inRange(ctx, candidate.on)) continue;
      const activist = record.events.find((e) => e.step === 'activist' && e.on <= candidate.on);
      if (!activist && !recordedFromStart(record)) continue;
      const trainingMonths = Number(ctx.params(record.orgId).trainingMonths);
      const issue = dev06TrainingMonths(activist?.on ?? null, candidate.on, trainingMonths);
      if (issue) out.push(...defectFindings(record, [{ on: candidate.on, stage: 'candidate', issue }]));
    }
    return out;
  },
};

const dev07: Rule<'development'> = {
  id: 'DEV-07',
  family: 'DEV',
  title: {
    zh: '发展对象有两名正式党员作入党介绍人，经政治审查和集中培训',
    en: 'Candidates have two full-member sponsors, a political review and training before the vote',
  },
  scope: 'person',
  period: 'event',
  params: {
    trainingHours: {
      type: 'integer',
      default: 24,
      min: 1,
      max: 200,
      stricter: 'higher',
      label: { zh: '集中培训学时', en: 'Concentrated training' },
      unit: { zh: '学时', en: 'hours' },
    },
  },
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const trainingHours = Number(ctx.params(record.orgId).trainingHours);
      const defects: Defect[] = [];
      for (const e of record.events) {
        if (!inRange(ctx, e.on)) continue;
        if (e.step === 'sponsors')
          for (const issue of dev07Sponsors(e.data.sponsors ?? [], e.statusOn, e.on, ctx.facts.names))
            defects.push({ on: e.on, stage: 'candidate', issue });
        if (e.step === 'admissionVote' && recordedFromStart(record)) {
          const prior = prerequisitesOn(record.events, e.on);
          const issues = dev07BeforeVote(
            {
              sponsors: prior.sponsors?.data.sponsors ?? null,
              politicalReviewOn: prior.politicalReview?.on ?? null,
              trainingHours: prior.trainingHours,
            },
            e.on,
            trainingHours,
          );
          for (const issue of issues) defects.push({ on: e.on, stage: 'candidate', issue });
        }
      }
      out.push(...defectFindings(record, defects));
    }
    return out;
  },
};

const approvalOf = { admissionVote: 'approval', confirmationVote: 'confirmationApproval' } as const;

/** Whether an approval followed this vote with no later vote of its kind in between: the approval rests on it. */
function actedOn(events: readonly DevFactEvent[], vote: DevFactEvent, step: keyof typeof approvalOf) {
  const approval = events.find((a) => a.step === approvalOf[step] && a.on >= vote.on);
  return !!approval && !events.some((v) => v.step === vote.step && v.on > vote.on && v.on <= approval.on);
}

const assembly = {
  admissionVote: { zh: '支部大会讨论接收', en: 'admission vote' },
  confirmationVote: { zh: '支部大会讨论转正', en: 'confirmation vote' },
} as const;

const dev08: Rule<'development'> = {
  id: 'DEV-08',
  family: 'DEV',
  title: {
    zh: '支部大会讨论接收和转正时到会和赞成人数均超过应到会有表决权党员的半数',
    en: 'Admission and confirmation votes are quorate and carried by a majority of the voting members',
  },
  scope: 'person',
  period: 'event',
  params: {},
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const defects: Defect[] = [];
      for (const e of record.events) {
        if (!inRange(ctx, e.on)) continue;
        if (e.step === 'admissionVote' || e.step === 'confirmationVote') {
          const stage = e.step === 'admissionVote' ? 'candidate' : 'probationary';
          const what = assembly[e.step];
          const prefix = (issue: LawIssue): LawIssue => ({
            ...issue,
            message: { zh: `${e.on}${what.zh}：${issue.message.zh}`, en: `${what.en} of ${e.on}: ${issue.message.en}` },
          });
          if (!e.data.vote) {
            defects.push({
              on: e.on,
              stage,
              issue: prefix({
                rule: 'DEV-08',
                field: 'data.vote',
                message: { zh: '未记录应到、实到和表决票数', en: 'no attendance or vote counts recorded' },
              }),
            });
            continue;
          }
          // A vote that did not carry is a defect only when an approval went on as if it had: an
          // assembly that rejected a candidate, followed by `notAdmitted`, decided lawfully.
          const issues = actedOn(record.events, e, e.step)
            ? dev08Vote(e.data.vote, e.votingMembers)
            : dev08VoteCounts(e.data.vote, e.votingMembers);
          for (const issue of issues) defects.push({ on: e.on, stage, issue: prefix(issue) });
        }
        // An approval stands on a vote; one that did not carry is judged above, none at all here.
        const voteStep =
          e.step === 'approval' ? 'admissionVote' : e.step === 'confirmationApproval' ? 'confirmationVote' : null;
        if (voteStep && recordedFromStart(record) && !record.events.some((v) => v.step === voteStep && v.on <= e.on)) {
          const what = assembly[voteStep];
          defects.push({
            on: e.on,
            stage: voteStep === 'admissionVote' ? 'candidate' : 'probationary',
            issue: {
              rule: 'DEV-08',
              field: 'step',
              message: {
                zh: `${e.on}上级党委审批，但没有${what.zh}的记录`,
                en: `approved on ${e.on} without a ${what.en}`,
              },
            },
          });
        }
      }
      out.push(...defectFindings(record, defects));
    }
    return out;
  },
};

export const devAdmissionRules = [dev06, dev07, dev08];
