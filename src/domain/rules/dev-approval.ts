/**
 * The DEV rules after the vote: the superior committee approves within `approveMonths` (DEV-09,
 * for admission and for confirmation alike) and probation ends a year after the admission vote,
 * when the branch discusses confirmation; an extension is 6 to 12 months, once (DEV-10). A step
 * still owed by an open case is a warning before its deadline and a breach after it (present-state
 * findings that resolve once it is recorded); a step taken late is a breach of its year.
 */
import type { FindingDraft, Rule } from '../compliance/types.ts';
import { carried, caseFacts, probationEndOn } from '../development/case-events.ts';
import {
  approvalDueOn,
  dev09ApprovalInTime,
  dev10ConfirmationAfterProbation,
  dev10Extension,
  type LawIssue,
} from '../development/law.ts';
import type { DevStage } from '../development/steps.ts';
import { addDays, daysBetween } from '../periods.ts';
import { defectFindings, inRange, owedFinding, subject } from './dev-common.ts';
import type { DevCaseRecord, DevFactEvent } from './dev-facts.ts';

type Defect = { on: string; stage: DevStage; issue: LawIssue };

/** Approvals and the end of probation are to-dos from a month before they are due. */
const WARN_DAYS = 30;

const dev09: Rule<'development'> = {
  id: 'DEV-09',
  family: 'DEV',
  title: { zh: '上级党委在规定期限内审批', en: 'The superior committee approves in time' },
  scope: 'person',
  period: 'event',
  params: {
    approveMonths: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 12,
      stricter: 'lower',
      label: { zh: '审批期限（支部大会后）', en: 'Approve within' },
      unit: { zh: '个月', en: 'months' },
    },
  },
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const approveMonths = Number(ctx.params(record.orgId).approveMonths);
      const defects: Defect[] = [];
      let pending: { vote: DevFactEvent; stage: DevStage; what: { zh: string; en: string } } | null = null;
      const rounds = [
        { vote: 'admissionVote', approval: 'approval', stage: 'candidate', what: { zh: '接收', en: 'admission' } },
        {
          vote: 'confirmationVote',
          approval: 'confirmationApproval',
          stage: 'probationary',
          what: { zh: '转正', en: 'confirmation' },
        },
      ] as const;
      for (const round of rounds) {
        for (const approval of record.events.filter((e) => e.step === round.approval)) {
          const vote = record.events.findLast(
            (e) => e.step === round.vote && e.on <= approval.on && carried(e.data.vote),
          );
          if (!vote || !inRange(ctx, approval.on)) continue;
          const kind = round.vote === 'admissionVote' ? 'admission' : 'confirmation';
          const issue = dev09ApprovalInTime(vote.on, approval.on, approveMonths, kind);
          if (issue) defects.push({ on: approval.on, stage: round.stage, issue });
        }
        const lastVote = record.events.findLast((e) => e.step === round.vote && carried(e.data.vote));
        const decidedAfter = (e: DevFactEvent) =>
          lastVote !== undefined &&
          e.on >= lastVote.on &&
          [round.approval, 'notAdmitted', 'probationExtension', 'probationCancelled', 'withdrawn'].includes(e.step);
        if (lastVote && record.stage === round.stage && !record.events.some(decidedAfter))
          pending = { vote: lastVote, stage: round.stage, what: round.what };
      }
      out.push(...defectFindings(record, defects));
      if (!pending) continue;
      const { vote, what } = pending;
      const due = approvalDueOn(vote.on, approveMonths);
      const who = subject(record, pending.stage);
      const voted = {
        zh: `${who.zh}于${vote.on}经支部大会讨论通过${what.zh}`,
        en: `${who.en}: the ${what.en} vote of ${vote.on} carried`,
      };
      const finding = owedFinding(record, {
        asOf: ctx.asOf,
        due,
        warnDays: WARN_DAYS,
        warning: (left) => ({
          zh: `${voted.zh}，尚待上级党委审批，须于${due}前审批（还剩${left}天）`,
          en: `${voted.en}; it awaits the superior committee's approval, due by ${due} (${left} days left)`,
        }),
        breach: (days) => ({
          zh: `${voted.zh}，超过${approveMonths}个月仍未经上级党委审批（应于${due}前审批，已超期${days}天）`,
          en: `${voted.en}; not approved ${approveMonths} months later (due by ${due}, ${days} days overdue)`,
        }),
        numbers: { approveMonths },
      });
      if (finding) out.push(finding);
    }
    return out;
  },
};

/** Steps by which the branch discusses a probationary member at the end of probation. */
const discussionSteps = ['confirmationVote', 'probationExtension', 'probationCancelled'];

function probationDefects(record: DevCaseRecord, discussDays: number) {
  const facts = caseFacts(record.events);
  const admission = facts.admissionVote;
  if (!admission || !facts.firstProbationEnd) return null;
  const firstEnd = facts.firstProbationEnd;
  const defects: Defect[] = [];
  let end = firstEnd;
  let discussed = false;
  let firstExtension: DevFactEvent | null = null;
  const add = (on: string, issue: LawIssue | null) => {
    if (issue) defects.push({ on, stage: 'probationary', issue });
  };
  for (const e of record.events) {
    if (!discussionSteps.includes(e.step) || e.on < admission.on) continue;
    if (!discussed) {
      if (e.step === 'confirmationVote') add(e.on, dev10ConfirmationAfterProbation(e.on, end));
      const deadline = addDays(end, discussDays);
      if (e.on > deadline)
        add(e.on, {
          rule: 'DEV-10',
          field: 'on',
          message: {
            zh: `预备期于${end}期满，${e.on}才讨论转正，相隔${daysBetween(end, e.on)}天（要求期满后${discussDays}天内讨论）`,
            en: `probation ended on ${end}; confirmation discussed only on ${e.on}, ${daysBetween(end, e.on)} days later (required: within ${discussDays} days)`,
          },
        });
      discussed = true;
    }
    if (e.step === 'probationExtension') {
      for (const issue of dev10Extension(e.data.months ?? 0, e.on, firstEnd, firstExtension?.on ?? null))
        add(e.on, issue);
      if (!firstExtension) {
        firstExtension = e;
        end = probationEndOn(admission.on, [e.data.months ?? 0]);
        discussed = false;
      }
    }
  }
  return { defects, end, discussed };
}

const dev10: Rule<'development'> = {
  id: 'DEV-10',
  family: 'DEV',
  title: {
    zh: '预备期一年，期满及时讨论转正；延长预备期6至12个月且只能一次',
    en: 'Probation lasts a year and confirmation is discussed when it ends; one extension of 6 to 12 months',
  },
  scope: 'person',
  period: 'event',
  params: {
    discussDays: {
      type: 'integer',
      default: 30,
      min: 0,
      max: 180,
      stricter: 'lower',
      label: { zh: '预备期满后讨论转正期限', en: 'Discuss confirmation within' },
      unit: { zh: '天', en: 'days' },
    },
  },
  source: 'national',
  facts: 'development',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const record of ctx.facts.cases) {
      const discussDays = Number(ctx.params(record.orgId).discussDays);
      const result = probationDefects(record, discussDays);
      if (!result) continue;
      out.push(
        ...defectFindings(
          record,
          result.defects.filter((d) => inRange(ctx, d.on)),
        ),
      );
      if (record.stage !== 'probationary' || result.discussed) continue;
      const { end } = result;
      const deadline = addDays(end, discussDays);
      const who = subject(record, 'probationary');
      const required = { zh: `（要求期满后${discussDays}天内讨论）`, en: ` (required: within ${discussDays} days)` };
      const finding = owedFinding(record, {
        asOf: ctx.asOf,
        due: end,
        breachAfter: deadline,
        warnDays: WARN_DAYS,
        warning: (left) =>
          left > 0
            ? {
                zh: `${who.zh}预备期将于${end}期满，届时应由支部大会讨论转正（还剩${left}天）`,
                en: `${who.en}: probation ends on ${end}, when the general assembly discusses confirmation (${left} days left)`,
              }
            : {
                zh: `${who.zh}预备期已于${end}期满，尚未讨论转正，须于${deadline}前讨论${required.zh}`,
                en: `${who.en}: probation ended on ${end} and confirmation is not yet discussed; due by ${deadline}${required.en}`,
              },
        breach: (days) => ({
          zh: `${who.zh}预备期已于${end}期满，${days}天后仍未讨论转正${required.zh}`,
          en: `${who.en}: probation ended on ${end}; confirmation not discussed ${days} days later${required.en}`,
        }),
        numbers: { probationEnd: end, discussDays },
      });
      if (finding) out.push(finding);
    }
    return out;
  },
};

export const devApprovalRules = [dev09, dev10];
