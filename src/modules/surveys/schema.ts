/** Requests and responses of surveys (摸底排查, 六查六看) and reorganizations of weak branches (整顿). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';
import { checkResults, sixChecks } from './six-checks.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const orgRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const checklistEntry = z.object({
  check: z.enum(sixChecks),
  result: z.enum(checkResults),
  /** What was found; required when the result is a problem. */
  note: z.string().trim().max(2000).default(''),
});
export type ChecklistEntry = z.infer<typeof checklistEntry>;

export const createSurveyBody = z.object({
  orgId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  surveyedOn: isoDate,
  checklist: z.array(checklistEntry).min(1).max(6),
  conclusion: text(4000),
  /** Found weak (软弱涣散): the branch is to be put under reorganization (ASSESS-04). */
  weak: z.boolean().default(false),
});
export type CreateSurvey = z.infer<typeof createSurveyBody>;

export const updateSurveyBody = z.object({
  surveyedOn: isoDate.optional(),
  checklist: z.array(checklistEntry).min(1).max(6).optional(),
  conclusion: text(4000).optional(),
  weak: z.boolean().optional(),
  version,
});
export type UpdateSurvey = z.infer<typeof updateSurveyBody>;

export const listSurveysQuery = z.object({
  org: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  weak: booleanQuery.optional(),
});
export type SurveyFilters = z.infer<typeof listSurveysQuery>;

export const surveyView = z.object({
  id: z.uuid(),
  org: orgRef,
  year: z.number().int(),
  surveyedOn: z.string(),
  checklist: z.array(checklistEntry),
  conclusion: z.string(),
  weak: z.boolean(),
  recordedByName: z.string(),
  /** Rectification items made from this survey's problems. */
  rectifications: z.number().int(),
  /** The actor is the branch's superior: they record and change surveys. */
  mayEdit: z.boolean(),
  version: z.number().int(),
});
export type SurveyView = z.infer<typeof surveyView>;

/** A problem a survey found, turned into a rectification item. */
export const surveyRectificationBody = z.object({
  check: z.enum(sixChecks),
  problem: text(2000).optional(),
  ownerId: z.uuid().optional(),
  ownerName: text(100).optional(),
  measures: text(4000),
  deadline: isoDate,
});
export type SurveyRectification = z.infer<typeof surveyRectificationBody>;

export const reorganizationReasons = [
  'noCommittee',
  'noLife',
  'lagging',
  'surveyWeak',
  'weakLeadership',
  'other',
] as const;
export const reorganizationStatuses = ['open', 'closed'] as const;

export const createReorganizationBody = z.object({
  orgId: z.uuid(),
  reasons: z.array(z.enum(reorganizationReasons)).min(1).max(reorganizationReasons.length),
  startedOn: isoDate,
  endsOn: isoDate,
  plan: text(8000),
});
export type CreateReorganization = z.infer<typeof createReorganizationBody>;

export const updateReorganizationBody = z.object({
  reasons: z.array(z.enum(reorganizationReasons)).min(1).max(reorganizationReasons.length).optional(),
  endsOn: isoDate.optional(),
  plan: text(8000).optional(),
  version,
});
export type UpdateReorganization = z.infer<typeof updateReorganizationBody>;

export const closeReorganizationBody = z.object({
  closedOn: isoDate,
  outcome: text(4000),
  version,
});
export type CloseReorganization = z.infer<typeof closeReorganizationBody>;

export const listReorganizationsQuery = z.object({
  org: z.uuid().optional(),
  status: z.enum(reorganizationStatuses).optional(),
});
export type ReorganizationFilters = z.infer<typeof listReorganizationsQuery>;

export const reorganizationView = z.object({
  id: z.uuid(),
  org: orgRef,
  reasons: z.array(z.enum(reorganizationReasons)),
  startedOn: z.string(),
  endsOn: z.string(),
  plan: z.string(),
  status: z.enum(reorganizationStatuses),
  closedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Open past its end date. */
  overdue: z.boolean(),
  mayEdit: z.boolean(),
  version: z.number().int(),
});
export type ReorganizationView = z.infer<typeof reorganizationView>;
