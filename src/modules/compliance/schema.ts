/**
 * Requests and responses of the compliance API: the rule catalog, standard sets, a university's
 * configuration and overrides, explain, evaluation runs, findings, dashboards and to-dos.
 *
 * Scores (heat map rows, score card, overview) are one formula, `score.ts`: the share of rule
 * checks met (one check = one org against one adopted branch-level rule; an open breach fails it,
 * open warnings alone count half), 0–100 — so a college of sixty branches and a single branch are
 * on the same scale.
 */
import { z } from 'zod';
import { ruleFamilies, severities } from '../../domain/compliance/types.ts';
import { isoDate, version } from '../../server/zod.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const orgRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
const personRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
const paramValue = z.union([z.number(), z.string()]);
const paramValues = z.record(z.string(), paramValue);

export const orgKinds = ['university', 'college', 'branch', 'group'] as const;

const paramSpec = z.union([
  z.object({
    type: z.enum(['integer', 'number']),
    default: z.number(),
    min: z.number().optional(),
    max: z.number().optional(),
    stricter: z.enum(['higher', 'lower']),
    label: bilingual,
    unit: bilingual.optional(),
  }),
  z.object({ type: z.literal('monthDay'), default: z.string(), stricter: z.literal('lower'), label: bilingual }),
]);

// ── Catalog and standard sets ──

export const ruleView = z.object({
  id: z.string(),
  /** Whether the engine has a function for it (an unimplemented id is adoptable but finds nothing). */
  implemented: z.boolean(),
  /** A rule needing a person's judgement. */
  manual: z.boolean(),
  family: z.string(),
  /** null until implemented. */
  title: bilingual.nullable(),
  text: z.string(),
  scope: z.string().nullable(),
  period: z.string().nullable(),
  source: z.string(),
  params: z.record(z.string(), paramSpec),
});
export const rulesResponse = z.object({ items: z.array(ruleView) });

export const standardSetView = z.object({
  code: z.string(),
  name: bilingual,
  document: bilingual,
  seed: z.string().nullable(),
  rules: z.array(z.string()),
  /** Rule id → the parameter values the set gives (rules absent here use their defaults). */
  parameters: z.record(z.string(), paramValues),
});
export const standardSetsResponse = z.object({ items: z.array(standardSetView) });

// ── Configuration and overrides ──

export const configQuery = z.object({
  /** Tenant id; default the caller's university. */
  university: z.uuid().optional(),
});

export const overrideView = z.object({
  id: z.string(),
  rule: z.string(),
  /** null: the whole university. */
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  orgName: z.string().nullable(),
  values: paramValues,
  reason: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});

export const configResponse = z.object({
  tenantId: z.string(),
  universityName: z.string(),
  standardSets: z.array(z.string()),
  version: z.number(),
  /** Whether the caller may change sets and overrides (organization-department admins). */
  canEdit: z.boolean(),
  overrides: z.array(overrideView),
});

export const putConfigBody = z.object({
  university: z.uuid().optional(),
  standardSets: z.array(z.string()).min(1),
  version,
});

const reason = z.string().trim().min(1).max(500);

export const createOverrideBody = z.object({
  university: z.uuid().optional(),
  rule: z.string().trim().min(1),
  /** null: university-wide; else the root of the subtree it applies to. */
  orgId: z.uuid().nullable(),
  values: paramValues,
  reason,
});
export const updateOverrideBody = z.object({ values: paramValues, reason, version });
export const deleteOverrideQuery = z.object({ version: z.coerce.number().int().positive() });

// ── Explain ──

const overrideSource = z.object({
  kind: z.literal('override'),
  overrideId: z.string(),
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  reason: z.string().nullable(),
});
const paramSource = z.union([
  z.object({ kind: z.literal('default') }),
  z.object({ kind: z.literal('set'), set: z.string() }),
  overrideSource,
]);

export const explainQuery = z.object({ rule: z.string().trim().min(1), org: z.uuid() });
export const explainResponse = z.object({
  rule: z.string(),
  org: orgRef,
  params: z.array(
    z.object({
      param: z.string(),
      spec: paramSpec,
      fromSets: z.array(z.object({ set: z.string(), value: paramValue })),
      fromOverrides: z.array(z.object({ value: paramValue, source: overrideSource })),
      value: paramValue,
      source: paramSource,
    }),
  ),
});

// ── Evaluation ──

export const evaluateBody = z.object({
  /** Root of the evaluated subtree; default the caller's university. */
  org: z.uuid().optional(),
  /** Default today in Asia/Shanghai. */
  asOf: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const evaluateResponse = z.object({
  runId: z.string().nullable(),
  rules: z.array(z.string()),
  counts: z.object({
    produced: z.number(),
    opened: z.number(),
    reopened: z.number(),
    updated: z.number(),
    resolved: z.number(),
  }),
  durationMs: z.number(),
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
});

export const runsQuery = z.object({ org: z.uuid().optional() });
export const runView = z.object({
  id: z.string(),
  tenantId: z.string(),
  org: orgRef,
  trigger: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  rules: z.number(),
  produced: z.number(),
  opened: z.number(),
  resolved: z.number(),
  durationMs: z.number(),
  actorName: z.string(),
  startedAt: z.string(),
});
export const runsResponse = z.object({ items: z.array(runView) });

// ── Findings ──

export const findingStatuses = ['open', 'resolved', 'all'] as const;

export const findingsQuery = z.object({
  /** Subtree root. */
  org: z.uuid().optional(),
  severity: z.enum(severities).optional(),
  rule: z.string().trim().min(1).optional(),
  family: z.enum(ruleFamilies).optional(),
  /** A period key (`2021`, `2021-Q3`, `2021-03`, `2021-H2`, a semester code). */
  period: z.string().trim().min(1).optional(),
  status: z.enum(findingStatuses).default('open'),
  person: z.uuid().optional(),
  /** Searches the message, the org's name and code, the person's name and code. */
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type FindingsFilters = z.infer<typeof findingsQuery>;

export const findingItem = z.object({
  id: z.string(),
  tenantId: z.string(),
  rule: z.string(),
  family: z.string(),
  severity: z.enum(severities),
  org: orgRef,
  person: personRef.nullable(),
  period: z.string().nullable(),
  message: bilingual,
  source: z.string(),
  status: z.enum(['open', 'resolved']),
  /** ISO timestamps. */
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type FindingItem = z.infer<typeof findingItem>;
export const findingsResponse = z.object({ items: z.array(findingItem), total: z.number() });

export const evidenceView = z.object({ kind: z.string(), id: z.string(), label: z.string() });
export const findingDetail = findingItem.extend({
  ruleTitle: bilingual.nullable(),
  numbers: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
  evidence: z.array(evidenceView),
  history: z.array(z.object({ event: z.string(), severity: z.string(), at: z.string() })),
});

// ── Dashboards ──

export const heatmapQuery = z.object({ org: z.uuid().optional() });
const severityCounts = z.object({ breach: z.number(), warning: z.number(), info: z.number() });
export const heatmapResponse = z.object({
  org: orgRef.extend({ kind: z.enum(orgKinds) }),
  families: z.array(z.string()),
  rows: z.array(
    z.object({
      org: orgRef.extend({ kind: z.enum(orgKinds) }),
      cells: z.record(z.string(), severityCounts),
      breach: z.number(),
      warning: z.number(),
      branches: z.number(),
      score: z.number(),
    }),
  ),
});

export const scorecardQuery = z.object({ org: z.uuid() });
export const scorecardResponse = z.object({
  org: orgRef.extend({ kind: z.enum(orgKinds) }),
  score: z.number(),
  rules: z.array(
    z.object({
      rule: z.string(),
      title: bilingual,
      family: z.string(),
      status: z.enum(['ok', 'warning', 'breach']),
      open: z.number(),
      /** The latest period with a finding of this rule (open or resolved), null if none. */
      lastPeriod: z.string().nullable(),
    }),
  ),
});

export const trendQuery = z.object({
  org: z.uuid().optional(),
  by: z.enum(['month', 'quarter', 'year']).default('month'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
/** A finding counts in the bucket holding the last day of its period (present-state ones: the day it opened). */
export const trendResponse = z.array(z.object({ period: z.string(), breach: z.number(), warning: z.number() }));

export const overviewResponse = z.array(
  z.object({
    university: orgRef,
    branches: z.number(),
    members: z.number(),
    breach: z.number(),
    warning: z.number(),
    byFamily: z.record(z.string(), z.number()),
    score: z.number(),
  }),
);

export const todosResponse = z.object({
  items: z.array(
    z.object({
      findingId: z.string(),
      rule: z.string(),
      severity: z.enum(severities),
      orgId: z.string(),
      orgName: z.string(),
      personId: z.string().nullable(),
      period: z.string().nullable(),
      /** The message in the caller's language. */
      title: z.string(),
      message: bilingual,
      /** Whether it is about the caller themself rather than an org they run. */
      mine: z.boolean(),
      openedAt: z.string(),
      link: z.string(),
    }),
  ),
});
