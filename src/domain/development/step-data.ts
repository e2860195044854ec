/**
 * The fields each development step carries in `data` (people by id). Shape only: how many mentors
 * or sponsors, their standing, the length of an extension and whether a vote carries are the
 * law's (`law.ts`), so those refusals name their rule. Every step may name who took it (`by`).
 */
import { z } from 'zod';
import type { DevEvent, DevStep } from './steps.ts';

const person = z.string().min(1).max(64);
const people = z.array(person).max(10);
const count = z.number().int().min(0).max(100_000);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'not a real date');

export const devVoteSchema = z.strictObject({ expected: count, present: count, yes: count, no: count, abstain: count });

const by = { by: people.optional() };
const only = z.strictObject(by);

export const stepDataSchemas: Record<DevStep, z.ZodType<DevEvent['data']>> = {
  application: only,
  talk: z.strictObject({ by: people.min(1) }),
  leagueRecommendation: only,
  massRecommendation: only,
  activist: z.strictObject({ ...by, mentors: people }),
  thoughtReport: only,
  assessment: z.strictObject({ ...by, result: z.string().trim().min(1).max(200) }),
  candidate: only,
  politicalReview: only,
  training: z.strictObject({ ...by, hours: z.number().positive().max(1000) }),
  sponsors: z.strictObject({ ...by, sponsors: people }),
  publicity: z.strictObject({ ...by, until: day }),
  preReview: only,
  admissionVote: z.strictObject({ ...by, vote: devVoteSchema }),
  superiorTalk: only,
  approval: only,
  oath: only,
  confirmationVote: z.strictObject({ ...by, vote: devVoteSchema }),
  confirmationApproval: only,
  probationExtension: z.strictObject({ ...by, months: z.number().int().min(1).max(24) }),
  withdrawn: only,
  notAdmitted: only,
  probationCancelled: only,
};

export type StepDataIssue = { field: string; message: { zh: string; en: string } };

const required = { zh: '必填', en: 'required' };

/** Checks a step's data; a publicity period must also end on or after the day it starts. */
export function checkStepData(
  step: DevStep,
  on: string,
  data: unknown,
): { data: DevEvent['data']; issues: [] } | { data: null; issues: StepDataIssue[] } {
  const parsed = stepDataSchemas[step].safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = ['data', ...i.path.map(String)].join('.');
      if (i.code === 'unrecognized_keys')
        return {
          field: `data.${i.keys[0]}`,
          message: { zh: `此步骤不填写 ${i.keys.join('、')}`, en: `this step does not take ${i.keys.join(', ')}` },
        };
      if (i.code === 'invalid_type' && i.input === undefined) return { field, message: required };
      if (i.code === 'too_small' && i.path[0] === 'by')
        return { field, message: { zh: '应至少填写1名谈话人', en: 'name at least one person who talked' } };
      return { field, message: { zh: `格式不正确：${i.message}`, en: `invalid: ${i.message}` } };
    });
    return { data: null, issues };
  }
  const value = parsed.data;
  if (step === 'publicity' && value.until !== undefined && value.until < on)
    return {
      data: null,
      issues: [
        {
          field: 'data.until',
          message: {
            zh: `公示截止日${value.until}早于公示开始日${on}`,
            en: `the publicity ends (${value.until}) before it starts (${on})`,
          },
        },
      ],
    };
  return { data: value, issues: [] };
}
