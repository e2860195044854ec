/**
 * Requests and responses of member development (发展党员): cases, their steps, what is due next and
 * the pipeline board. Field names of a step's `data` are the dataset's (`dataset.md`, development).
 */
import { z } from 'zod';
import { devStages, devSteps } from '../../domain/development/steps.ts';
import { isoDate, pagination, version } from '../../server/zod.ts';
import { personFields } from '../members/schema.ts';

export const devStep = z.enum(devSteps);
export const devStage = z.enum(devStages);

const text = (max: number) => z.string().trim().min(1).max(max);

/** 应到 / 实到 / 赞成 / 反对 / 弃权 of a general assembly. */
export const voteBody = z.object({
  expected: z.number().int().min(0),
  present: z.number().int().min(0),
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  abstain: z.number().int().min(0),
});

/**
 * The fields a step may carry; which ones a step requires is the gate's business
 * (`src/domain/development/step-data.ts`), so a missing one is a 400 naming the rule.
 */
export const stepData = z.object({
  by: z.array(z.uuid()).max(10).optional(),
  mentors: z.array(z.uuid()).max(10).optional(),
  sponsors: z.array(z.uuid()).max(10).optional(),
  hours: z.number().min(0).max(1000).optional(),
  result: z.string().trim().max(200).optional(),
  until: isoDate.optional(),
  vote: voteBody.optional(),
  months: z.number().int().min(1).max(24).optional(),
});
export type StepData = z.infer<typeof stepData>;

/** A paper or file that proves a step (申请书, 谈话记录, 政审材料…). */
export const documentItem = z.object({ name: text(200), note: z.string().trim().max(500).nullable().optional() });

export const appendEventBody = z.object({
  step: devStep,
  on: isoDate,
  data: stepData.default({}),
  documents: z.array(documentItem).max(50).default([]),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AppendEventInput = z.infer<typeof appendEventBody>;

/** A correction keeps the step; a wrong step is deleted and recorded again. */
export const correctEventBody = z.object({
  on: isoDate.optional(),
  data: stepData.optional(),
  documents: z.array(documentItem).max(50).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  version,
});
export type CorrectEventInput = z.infer<typeof correctEventBody>;

export const versionQuery = z.object({ version: z.coerce.number().int().positive() });

/** A case is opened by the application: for someone already recorded (`personId`) or a new person. */
export const createCaseBody = z
  .object({
    orgId: z.uuid(),
    personId: z.uuid().optional(),
    person: personFields.optional(),
    /** The application date (递交入党申请书). */
    on: isoDate,
    documents: z.array(documentItem).max(50).default([]),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((b) => (b.personId ? !b.person : !!b.person), {
    message: 'personId 与 person 须且仅须填写一项 / give either personId or person',
    path: ['personId'],
  });
export type CreateCaseInput = z.infer<typeof createCaseBody>;

export const caseFilters = z.object({
  /** An org: the cases of its whole subtree. */
  orgId: z.uuid().optional(),
  stage: devStage.optional(),
  /** Name, code or pinyin initials of the person. */
  q: z.string().trim().max(50).optional(),
});
export type CaseFilters = z.infer<typeof caseFilters>;
export const listCasesQuery = caseFilters.extend(pagination.shape);

const ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const caseSummary = z.object({
  id: z.uuid(),
  person: ref.extend({ personCategory: z.string() }),
  org: ref,
  stage: devStage,
  appliedOn: z.string().nullable(),
  lastStep: z.object({ step: devStep, on: z.string() }).nullable(),
  /** Open DEV findings about the person (the board's "stuck or late"). */
  openFindings: z.number().int(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const listCasesResponse = z.object({ items: z.array(caseSummary), total: z.number().int() });

export const eventView = z.object({
  id: z.uuid(),
  step: devStep,
  on: z.string(),
  data: stepData,
  documents: z.array(z.object({ name: z.string(), note: z.string().nullable().optional() })),
  note: z.string().nullable(),
  recordedByName: z.string(),
  version: z.number().int(),
});
export type EventView = z.infer<typeof eventView>;

export const dueKinds = ['talk', 'thoughtReport', 'assessment', 'probationEnd'] as const;
export const dueItem = z.object({
  kind: z.enum(dueKinds),
  rule: z.string(),
  /** The last day the step is due by. */
  due: z.string(),
  /** upcoming: not yet near; warning: within the warning window; overdue: past the due day. */
  state: z.enum(['upcoming', 'warning', 'overdue']),
  label: z.object({ zh: z.string(), en: z.string() }),
});
export type DueItemView = z.infer<typeof dueItem>;

export const findingView = z.object({
  id: z.uuid(),
  rule: z.string(),
  severity: z.string(),
  period: z.string().nullable(),
  message: z.string(),
});

export const caseDetail = caseSummary.extend({
  tenantId: z.uuid(),
  person: ref.extend({
    personCategory: z.string(),
    gender: z.string().nullable(),
    birthDate: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  note: z.string().nullable(),
  /** In date order (ties in recording order). */
  events: z.array(eventView),
  /** Everyone named in the events (talkers, mentors, sponsors), to show names for ids. */
  people: z.array(ref),
  nextDue: z.array(dueItem),
  findings: z.array(findingView),
  /** What the caller may record: branch steps (write over the branch), approval steps (write over its superior). */
  may: z.object({ record: z.boolean(), approve: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const pipelineQuery = z.object({ orgId: z.uuid().optional() });
/** Every stage with its count (zero included). */
const stageCounts = z.record(devStage, z.number().int());
export const pipelineResponse = z.object({
  branches: z.array(
    z.object({
      org: ref,
      parent: ref.nullable(),
      counts: stageCounts,
      total: z.number().int(),
      /** Cases of the branch with an open DEV finding (stuck or late). */
      withFindings: z.number().int(),
    }),
  ),
  totals: stageCounts,
});
export type PipelineResponse = z.infer<typeof pipelineResponse>;

export const dueQuery = z.object({
  orgId: z.uuid().optional(),
  /** Also list what falls due within this many days (warnings and overdue items always show). */
  within: z.coerce.number().int().min(0).max(366).default(30),
});
export const dueResponse = z.object({
  items: z.array(
    z.object({
      case: z.object({ id: z.uuid(), stage: devStage, person: ref, org: ref }),
      due: dueItem,
    }),
  ),
});
export type DueResponse = z.infer<typeof dueResponse>;

export const queueQuery = z.object({ orgId: z.uuid().optional() });
/**
 * What a case waits for from the superior committee; `probationDecision`: probation is over without a
 * confirmation vote that carried (confirm, extend or cancel).
 */
export const queueWaiting = z.enum(['preReview', 'approval', 'confirmationApproval', 'probationDecision']);
export const queueResponse = z.object({
  items: z.array(
    z.object({
      case: z.object({ id: z.uuid(), stage: devStage, version: z.number().int(), person: ref, org: ref }),
      waiting: queueWaiting,
      /** The day of the step it waits after (an approval: the admission vote; probation: its end), oldest first. */
      since: z.string(),
      lastStep: z.object({ step: devStep, on: z.string() }),
    }),
  ),
});
export type QueueResponse = z.infer<typeof queueResponse>;
