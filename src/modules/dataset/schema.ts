/**
 * The `zhibu-dataset/1` document (see docs/dataset.md): one university's configuration and
 * records, referring to each other by codes. Every object is strict — an unknown key is an error,
 * never silently dropped. Cross-record checks (codes, intervals) live in validate-dataset.ts.
 */
import { z } from 'zod';
import {
  attendanceStatuses,
  branchCategories,
  collegeSubkinds,
  genders,
  meetingTypes,
  membershipStatuses,
  orgKinds,
  personCategories,
  positionRoles,
  standings,
} from '../../domain/vocabulary.ts';
import { isoDate } from '../../server/zod.ts';
import { acceptanceSchema } from './acceptance-section.ts';
import { developmentContactsSchema, developmentPlansSchema, poolAnalysesSchema } from './dev-plans-sections.ts';
import { developmentSchema } from './development-section.ts';
import { duesSchema } from './dues-section.ts';
import { awardsSchema, modelUnitsSchema, practiceCarriersSchema } from './excellence-sections.ts';
import { rectificationsSchema, reorganizationsSchema, surveysSchema } from './improvement-sections.ts';
import { ratingsSchema } from './ratings-section.ts';
import { secretaryReviewsSchema } from './secretary-reviews-section.ts';
import { fundsSchema, trainingCreditSchema, trainingSessionSchema } from './training-funds-sections.ts';

export const DATASET_FORMAT = 'zhibu-dataset/1';

export {
  attendanceStatuses,
  branchCategories,
  collegeSubkinds,
  genders,
  meetingTypes,
  membershipStatuses,
  orgKinds,
  personCategories,
  positionRoles,
  standings,
} from '../../domain/vocabulary.ts';

// PostgreSQL text cannot hold NUL; catching it here keeps it a document problem, not a crash.
const noNul = (s: string) => !s.includes('\u0000');
const code = z.string().trim().min(1).max(100).refine(noNul, 'contains a NUL character');
const text = z.string().trim().min(1).max(500).refine(noNul, 'contains a NUL character');
const optionalText = z.string().max(500).refine(noNul, 'contains a NUL character').nullable().optional();
const ref = code;
const count = z.number().int().min(0);

export const parameterSchema = z.strictObject({
  rule: z.string().min(1).max(50),
  org: ref.nullable(),
  values: z.record(z.string(), z.json()),
});

export const semesterSchema = z.strictObject({ code, start: isoDate, end: isoDate });

export const headcountSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  staff: count,
  students: count,
});

export const universitySchema = z.strictObject({
  code,
  name: text,
  standardSets: z.array(code).default([]),
  parameters: z.array(parameterSchema).default([]),
  calendar: z.array(semesterSchema).default([]),
  headcount: z.array(headcountSchema).default([]),
});

/** 临时党支部: approval and end date. */
export const temporarySchema = z.strictObject({
  approvedOn: isoDate,
  approvedBy: optionalText,
  endsOn: isoDate,
  purpose: optionalText,
});

export const orgSchema = z.strictObject({
  code,
  /** null: directly under the university (the implicit root). */
  parent: ref.nullable(),
  kind: z.enum(orgKinds),
  subkind: z.enum(collegeSubkinds).nullable().optional(),
  branchCategory: z.enum(branchCategories).nullable().optional(),
  name: text,
  jointUnits: z.array(text).max(20).optional(),
  temporary: temporarySchema.nullable().optional(),
  /** When omitted, the org is as old as its parent. */
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});

export const personSchema = z.strictObject({
  code,
  name: text,
  gender: z.enum(genders).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  personCategory: z.enum(personCategories),
  unit: optionalText,
  title: optionalText,
  leadingCadre: z.boolean().optional(),
  phone: z.string().max(50).refine(noNul, 'contains a NUL character').nullable().optional(),
  email: z.string().max(200).refine(noNul, 'contains a NUL character').nullable().optional(),
});

export const membershipSchema = z.strictObject({
  person: ref,
  status: z.enum(membershipStatuses),
  standing: z.enum(standings).default('normal'),
  joinedOn: isoDate.nullable().optional(),
  confirmedOn: isoDate.nullable().optional(),
  org: ref,
  group: ref.nullable().optional(),
  from: isoDate,
  to: isoDate.nullable().optional(),
});

export const positionSchema = z.strictObject({
  role: z.enum(positionRoles),
  person: ref,
  from: isoDate,
  to: isoDate.nullable().optional(),
  dualLeader: z.boolean().optional(),
});

export const termSchema = z.strictObject({
  org: ref,
  electedOn: isoDate,
  endsOn: isoDate,
  positions: z.array(positionSchema).default([]),
});

export const attendanceSchema = z.strictObject({
  person: ref,
  status: z.enum(attendanceStatuses),
  reason: optionalText,
  makeupOn: isoDate.nullable().optional(),
  /** What the absentee did to make up (补课内容). */
  makeupContent: optionalText,
});

/** Local time of day in Asia/Shanghai. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const meetingStatuses = ['planned', 'notified', 'held', 'recorded'] as const;
/** Who is expected: the branch, a group, the committee, or a leadership team (derived per day). */
export const meetingAudiences = ['branch', 'group', 'committee', 'leadership'] as const;

export const meetingSchema = z.strictObject({
  code,
  org: ref,
  type: z.enum(meetingTypes),
  heldOn: isoDate,
  startTime: timeOfDay.nullable().optional(),
  endTime: timeOfDay.nullable().optional(),
  title: text,
  lecturer: ref.nullable().optional(),
  place: optionalText,
  audience: z.enum(meetingAudiences).nullable().optional(),
  /** Imported history is `recorded` unless said otherwise. */
  status: z.enum(meetingStatuses).optional(),
  minutes: z.boolean().optional(),
  attendance: z.array(attendanceSchema).default([]),
});

/** 思想汇报: a member's report, and whether (and when) the branch read it. */
export const thoughtReportSchema = z.strictObject({
  person: ref,
  /** The branch the member reported to. */
  org: ref,
  submittedOn: isoDate,
  title: text,
  content: z.string().trim().min(1).max(20000).refine(noNul, 'contains a NUL character'),
  /** The day (Asia/Shanghai) the branch read it; null while unread. */
  readOn: isoDate.nullable().optional(),
  comment: z.string().max(2000).refine(noNul, 'contains a NUL character').nullable().optional(),
});

export const appraisalSteps = ['selfAssessment', 'peerReview', 'vote', 'verdict', 'closed'] as const;
export const appraisalVerdicts = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
export const appraisalFollowUps = ['rectifyWithinDeadline', 'persuadeToLeave', 'removal'] as const;

export const appraisalVotesSchema = z.strictObject({
  excellent: count,
  qualified: count,
  basicallyQualified: count,
  unqualified: count,
});

export const appraisalEntrySchema = z.strictObject({
  person: ref,
  /** Leading cadres take part but are not voted on. */
  leadingCadre: z.boolean().optional(),
  selfAssessment: z.string().max(20000).refine(noNul, 'contains a NUL character').nullable().optional(),
  selfAssessedOn: isoDate.nullable().optional(),
  peerReviewDone: z.boolean().optional(),
  votes: appraisalVotesSchema.nullable().optional(),
  verdict: z.enum(appraisalVerdicts).nullable().optional(),
  verdictReason: optionalText,
  followUp: z.enum(appraisalFollowUps).nullable().optional(),
});

/** 民主评议党员: one round of a branch in a year, with the day it entered each step (LIFE-08). */
export const appraisalSchema = z.strictObject({
  org: ref,
  year: z.number().int().min(1900).max(2200),
  step: z.enum(appraisalSteps),
  startedOn: isoDate,
  peerReviewOn: isoDate.nullable().optional(),
  voteOn: isoDate.nullable().optional(),
  verdictOn: isoDate.nullable().optional(),
  closedOn: isoDate.nullable().optional(),
  /** Ballots cast in the democratic vote. */
  voters: count.nullable().optional(),
  entries: z.array(appraisalEntrySchema).default([]),
});

export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  university: universitySchema,
  orgs: z.array(orgSchema).default([]),
  people: z.array(personSchema).default([]),
  memberships: z.array(membershipSchema).default([]),
  terms: z.array(termSchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  thoughtReports: z.array(thoughtReportSchema).default([]),
  appraisals: z.array(appraisalSchema).default([]),
  development: developmentSchema.default([]),
  developmentPlans: developmentPlansSchema.default([]),
  poolAnalyses: poolAnalysesSchema.default([]),
  developmentContacts: developmentContactsSchema.default([]),
  trainingSessions: z.array(trainingSessionSchema).default([]),
  training: z.array(trainingCreditSchema).default([]),
  funds: fundsSchema.optional(),
  dues: duesSchema.optional(),
  acceptance: acceptanceSchema.default([]),
  rectifications: rectificationsSchema.default([]),
  surveys: surveysSchema.default([]),
  reorganizations: reorganizationsSchema.default([]),
  ratings: ratingsSchema.default([]),
  secretaryReviews: secretaryReviewsSchema.default([]),
  modelUnits: modelUnitsSchema.default([]),
  awards: awardsSchema.default([]),
  practiceCarriers: practiceCarriersSchema.default([]),
});

/** A parsed document: defaults applied, so arrays are always present. */
export type Dataset = z.output<typeof datasetSchema>;
/** A document as written by hand or by another system: optional fields may be missing. */
export type DatasetInput = z.input<typeof datasetSchema>;
export type DatasetOrg = Dataset['orgs'][number];
export type DatasetPerson = Dataset['people'][number];
export type DatasetMembership = Dataset['memberships'][number];
export type DatasetTerm = Dataset['terms'][number];
export type DatasetMeeting = Dataset['meetings'][number];
export type DatasetThoughtReport = Dataset['thoughtReports'][number];
export type DatasetAppraisal = Dataset['appraisals'][number];

/** One problem of a document: where (RFC 6901 JSON pointer) and why (Chinese / English). */
export type DatasetIssue = { pointer: string; reason: string };

export const datasetIssueSchema = z.object({ pointer: z.string(), reason: z.string() });
