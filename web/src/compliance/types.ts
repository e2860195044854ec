/** Shapes of the compliance API responses (see the zod schemas in src/modules/compliance/schema.ts). */
import type { OrgKind } from '../api/types.ts';

export const families = ['ORG', 'LIFE', 'DEV', 'EDU', 'DUES', 'FUND', 'ASSESS', 'LINK', 'MEM'] as const;
export const severities = ['breach', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
export type Bilingual = { zh: string; en: string };
export type OrgRef = { id: string; code: string; name: string };
export type KindedOrgRef = OrgRef & { kind: OrgKind };
export type ParamValue = number | string;

export type ParamSpec =
  | {
      type: 'integer' | 'number';
      default: number;
      min?: number;
      max?: number;
      stricter: 'higher' | 'lower';
      label: Bilingual;
      unit?: Bilingual;
    }
  | { type: 'monthDay'; default: string; stricter: 'lower'; label: Bilingual };

export type RuleView = {
  id: string;
  implemented: boolean;
  manual: boolean;
  family: string;
  title: Bilingual | null;
  text: string;
  scope: string | null;
  period: string | null;
  source: string;
  params: Record<string, ParamSpec>;
};

export type StandardSetView = {
  code: string;
  name: Bilingual;
  document: Bilingual;
  seed: string | null;
  rules: string[];
  parameters: Record<string, Record<string, ParamValue>>;
};

export type OverrideView = {
  id: string;
  rule: string;
  orgId: string | null;
  orgCode: string | null;
  orgName: string | null;
  values: Record<string, ParamValue>;
  reason: string | null;
  updatedByName: string | null;
  updatedAt: string;
  version: number;
};

export type ComplianceConfig = {
  tenantId: string;
  universityName: string;
  standardSets: string[];
  version: number;
  canEdit: boolean;
  overrides: OverrideView[];
};

export type OverrideSource = {
  kind: 'override';
  overrideId: string;
  orgId: string | null;
  orgCode: string | null;
  by: string | null;
  at: string | null;
  reason: string | null;
};
export type ParamSource = { kind: 'default' } | { kind: 'set'; set: string } | OverrideSource;

export type Explanation = {
  rule: string;
  org: OrgRef;
  params: {
    param: string;
    spec: ParamSpec;
    fromSets: { set: string; value: ParamValue }[];
    fromOverrides: { value: ParamValue; source: OverrideSource }[];
    value: ParamValue;
    source: ParamSource;
  }[];
};

export type EvaluateResult = {
  runId: string | null;
  rules: string[];
  counts: { produced: number; opened: number; reopened: number; updated: number; resolved: number };
  durationMs: number;
  asOf: string;
  from: string;
  to: string;
};

export type RunView = {
  id: string;
  org: OrgRef;
  trigger: string;
  from: string;
  to: string;
  asOf: string;
  rules: number;
  produced: number;
  opened: number;
  resolved: number;
  durationMs: number;
  actorName: string;
  startedAt: string;
};

export type FindingItem = {
  id: string;
  rule: string;
  family: string;
  severity: Severity;
  org: OrgRef;
  person: OrgRef | null;
  period: string | null;
  message: Bilingual;
  source: string;
  status: 'open' | 'resolved';
  openedAt: string;
  resolvedAt: string | null;
};

export type FindingDetail = FindingItem & {
  ruleTitle: Bilingual | null;
  numbers: Record<string, number | string | null> | null;
  evidence: { kind: string; id: string; label: string }[];
  history: { event: string; severity: string; at: string }[];
};

export type SeverityCounts = { breach: number; warning: number; info: number };

export type Heatmap = {
  org: KindedOrgRef;
  families: string[];
  rows: {
    org: KindedOrgRef;
    cells: Record<string, SeverityCounts>;
    breach: number;
    warning: number;
    branches: number;
    score: number;
  }[];
};
export type HeatRow = Heatmap['rows'][number];

export type Scorecard = {
  org: KindedOrgRef;
  score: number;
  rules: {
    rule: string;
    title: Bilingual;
    family: string;
    status: 'ok' | 'warning' | 'breach';
    open: number;
    lastPeriod: string | null;
  }[];
};

export type TrendPoint = { period: string; breach: number; warning: number };

export type OverviewRow = {
  university: OrgRef;
  branches: number;
  members: number;
  breach: number;
  warning: number;
  byFamily: Record<string, number>;
  score: number;
};

export type ComplianceTodo = {
  findingId: string;
  rule: string;
  severity: Severity;
  orgId: string;
  orgName: string;
  personId: string | null;
  period: string | null;
  title: string;
  message: Bilingual;
  mine: boolean;
  openedAt: string;
  link: string;
};
