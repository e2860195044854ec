/** Requests and responses of acceptance (达标验收): campaigns, branch reviews and their steps. */
import { z } from 'zod';
import { acceptanceStages, acceptanceStepKinds } from '../../domain/rules/acceptance-facts.ts';
import { isoDate, version } from '../../server/zod.ts';

const year = z.coerce.number().int().min(2000).max(2100);
const bilingual = z.object({ zh: z.string(), en: z.string() });

/** An indicator judged from the secretary's statement and attachments, not from the engine. */
export const manualIndicator = z.object({
  code: z
    .string()
    .trim()
    .regex(/^M[0-9]{1,3}$/, '人工指标编码形如M1 / manual indicator codes look like M1'),
  title: z.string().trim().min(1).max(200),
});
export type ManualIndicator = z.infer<typeof manualIndicator>;

export const openCampaignBody = z
  .object({
    /** The university; defaults to the actor's own. */
    tenantId: z.uuid().optional(),
    year,
    title: z.string().trim().min(1).max(200),
    standardSets: z.array(z.string().trim().min(1)).min(1, '至少选择一个标准 / choose at least one standard set'),
    opensOn: isoDate,
    closesOn: isoDate,
    manualIndicators: z.array(manualIndicator).max(50).default([]),
  })
  .refine((b) => b.closesOn >= b.opensOn, {
    path: ['closesOn'],
    message: '截止日期不能早于开始日期 / closes before it opens',
  });
export type OpenCampaignInput = z.infer<typeof openCampaignBody>;

export const updateCampaignBody = z.object({
  version,
  title: z.string().trim().min(1).max(200).optional(),
  closesOn: isoDate.optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const attachment = z.object({
  name: z.string().trim().min(1).max(200),
  note: z.string().trim().max(500).nullish(),
  /** The indicator it supports, if any. */
  indicator: z.string().trim().max(20).nullish(),
});
export type Attachment = z.infer<typeof attachment>;

export const selfCheckBody = z.object({
  version,
  statement: z.string().trim().min(1, '请填写自查情况说明 / write the self-check statement').max(5000),
  entries: z
    .array(z.object({ indicator: z.string().trim().min(1).max(20), note: z.string().trim().max(2000).nullish() }))
    .max(200)
    .default([]),
  attachments: z.array(attachment).max(100).default([]),
});
export type SelfCheckInput = z.infer<typeof selfCheckBody>;

const reason = z.string().trim().max(2000).nullish();
/** A return opens a rectification item of the branch; its deadline, if not the default. */
const rectificationDeadline = isoDate.nullish();
type Check = { decision: string; reason?: string | null; rectificationDeadline?: string | null };
const needsReason = (b: Check) => b.decision !== 'return' || !!b.reason;
const reasonIssue = { path: ['reason'], message: '退回须写明理由 / a return needs a reason' };
const deadlineOnlyOnReturn = (b: Check) => b.decision === 'return' || !b.rectificationDeadline;
const deadlineIssue = {
  path: ['rectificationDeadline'],
  message: '只有退回才生成整改事项 / only a return opens a rectification item',
};

export const firstCheckBody = z
  .object({ version, decision: z.enum(['pass', 'return']), reason, rectificationDeadline })
  .refine(needsReason, reasonIssue)
  .refine(deadlineOnlyOnReturn, deadlineIssue);
export const recheckBody = z
  .object({ version, decision: z.enum(['certify', 'return']), reason, rectificationDeadline })
  .refine(needsReason, reasonIssue)
  .refine(deadlineOnlyOnReturn, deadlineIssue);
export type CheckInput = {
  version: number;
  decision: 'pass' | 'certify' | 'return';
  reason?: string | null;
  rectificationDeadline?: string | null;
};

export const campaignQuery = z.object({ year: year.optional() });

export const stageCounts = z.object(
  Object.fromEntries(acceptanceStages.map((s) => [s, z.number()])) as {
    [K in (typeof acceptanceStages)[number]]: z.ZodNumber;
  },
);
export type StageCounts = z.infer<typeof stageCounts>;

export const campaignView = z.object({
  id: z.string(),
  tenantId: z.string(),
  year: z.number(),
  title: z.string(),
  standardSets: z.array(z.string()),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['open', 'closed']),
  manualIndicators: z.array(manualIndicator),
  version: z.number(),
  /** Reviews in the caller's scope, per stage. */
  counts: stageCounts,
});
export type CampaignView = z.infer<typeof campaignView>;

export const indicatorView = z.object({
  code: z.string(),
  kind: z.enum(['rule', 'manual']),
  title: bilingual,
  source: z.string().nullable(),
});
export type Indicator = z.infer<typeof indicatorView>;

export const stepView = z.object({
  seq: z.number(),
  step: z.enum(acceptanceStepKinds),
  on: z.string(),
  actorRole: z.string(),
  actorName: z.string(),
  outcome: z.string(),
  reason: z.string().nullable(),
});

export const reviewRow = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  collegeId: z.string().nullable(),
  collegeName: z.string().nullable(),
  stage: z.enum(acceptanceStages),
  version: z.number(),
  /** The latest step, if any. */
  lastStep: stepView.nullable(),
});
export type ReviewRow = z.infer<typeof reviewRow>;

export const campaignDetail = campaignView.extend({
  indicators: z.array(indicatorView),
  reviews: z.array(reviewRow),
});

export const evidenceFinding = z.object({
  /** The finding's id; null for evidence that came with an imported dataset. */
  id: z.string().nullable(),
  rule: z.string(),
  severity: z.string(),
  period: z.string().nullable(),
  message: bilingual,
});
export type EvidenceFinding = z.infer<typeof evidenceFinding>;

export const entryView = z.object({
  indicator: z.string(),
  kind: z.enum(['rule', 'manual']),
  title: bilingual,
  findings: z.array(evidenceFinding),
  note: z.string().nullable(),
});
export type Entry = z.infer<typeof entryView>;

export const reviewDetail = z.object({
  id: z.string(),
  campaign: z.object({
    id: z.string(),
    year: z.number(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    status: z.enum(['open', 'closed']),
  }),
  org: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  stage: z.enum(acceptanceStages),
  statement: z.string().nullable(),
  /** Per indicator: the self-check as submitted, or before one (and after a return) the engine's open findings now. */
  entries: z.array(entryView),
  attachments: z.array(z.object({ name: z.string(), note: z.string().nullable(), indicator: z.string().nullable() })),
  steps: z.array(stepView),
  version: z.number(),
  /** The steps the caller may take now. */
  actions: z.array(z.enum(['selfCheck', 'firstCheck', 'recheck', 'return'])),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

export const progressRow = z.object({
  collegeId: z.string().nullable(),
  collegeName: z.string(),
  total: z.number(),
  counts: stageCounts,
});
export type ProgressRow = z.infer<typeof progressRow>;

export const certificateRow = z.object({
  reviewId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  collegeName: z.string().nullable(),
  certifiedOn: z.string(),
  certifiedBy: z.string(),
});
export type CertificateRow = z.infer<typeof certificateRow>;
