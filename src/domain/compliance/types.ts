/**
 * The shape of the compliance engine: a rule is data (id, family, scope, period, parameters,
 * severity, source clause) plus a pure function from facts to findings. Facts are computed by
 * set-based SQL for a whole scope (`src/db/facts/`); rules never touch the database.
 */
import type { Period, PeriodKind, Semester } from '../periods.ts';
import type { FactSets } from './fact-sets.ts';

export const ruleFamilies = ['ORG', 'LIFE', 'DEV', 'EDU', 'DUES', 'FUND', 'ASSESS', 'LINK', 'MEM'] as const;
export type RuleFamily = (typeof ruleFamilies)[number];
export const severities = ['breach', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];
export type Bilingual = { zh: string; en: string };

/**
 * One parameter of a rule. `stricter` says which way is stricter, so two adopted standard sets
 * that disagree resolve to the stricter value: `higher` for minimums (counts, coverage), `lower`
 * for maximums and deadlines (sizes, days allowed).
 */
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
  | {
      /** A day of the year, `MM-DD` (e.g. a filing deadline). Earlier is stricter. */
      type: 'monthDay';
      default: string;
      stricter: 'lower';
      label: Bilingual;
    };

export type ParamValue = number | string;
export type ParamValues = Record<string, ParamValue>;

/** An org as the engine sees it: the current tree plus validity, enough to place any finding. */
export type OrgNode = {
  tenantId: string;
  id: string;
  code: string;
  name: string;
  kind: 'university' | 'college' | 'branch' | 'group';
  subkind: string | null;
  branchCategory: string | null;
  parentId: string | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  jointUnits: string[];
  temporary: {
    approvedOn?: string | null;
    approvedBy?: string | null;
    endsOn?: string | null;
    purpose?: string | null;
  } | null;
};

export type University = {
  tenantId: string;
  code: string;
  name: string;
  semesters: Semester[];
  headcounts: { year: number; staff: number; students: number }[];
};

/** What every rule gets besides its own fact set. */
export type CoreFacts = {
  universities: University[];
  /**
   * Orgs in the evaluated scope: the subtree only, never its ancestors, so no rule judges an org
   * whose records were not loaded (a branch's evaluation does not judge its college).
   */
  orgs: OrgNode[];
};

/** Records a finding points to, so a user can open the evidence. */
export type Evidence = {
  kind:
    | 'org'
    | 'person'
    | 'meeting'
    | 'term'
    | 'position'
    | 'membership'
    | 'plan'
    | 'appraisal'
    | 'thoughtReport'
    | 'verdict';
  id: string;
  label?: string;
};

/** What a rule returns; the engine adds the rule id, source, key and identity. */
export type FindingDraft = {
  severity: Severity;
  orgId: string;
  personId?: string | null;
  /** Period key, or null for a rule about the present state. */
  period: string | null;
  message: Bilingual;
  evidence?: Evidence[];
  /** The numbers behind the message (counts, required values), for lists and exports. */
  numbers?: Record<string, number | string | null>;
};

export type RuleContext<F> = {
  asOf: string;
  /** The evaluated date range (inclusive); periodic rules look at periods overlapping it. */
  from: string;
  to: string;
  core: CoreFacts;
  orgById: Map<string, OrgNode>;
  facts: F;
  /** Effective parameters for an org (standard sets, then university and subtree overrides). */
  params(orgId: string): ParamValues;
  /** Periods of a kind for a university (semesters come from its calendar). */
  periods(kind: PeriodKind, tenantId: string): Period[];
};

type FactName = keyof FactSets;

export type Rule<K extends FactName = FactName> = {
  id: string;
  family: RuleFamily;
  title: Bilingual;
  /** What the rule is about: whose findings it produces. */
  scope: 'university' | 'college' | 'branch' | 'group' | 'member' | 'meeting' | 'person';
  /** `now` for the present state; otherwise the period kind it is checked per. */
  period: PeriodKind | 'now' | 'event';
  params: Record<string, ParamSpec>;
  /** Seed file and clause, e.g. `003 制度机制2`. */
  source: string;
  /** Which fact set it reads (loaded once per evaluation for all rules that need it). */
  facts: K;
  /** A rule needing a person's judgement: the engine records evidence and a verdict, never guesses. */
  manual?: boolean;
  evaluate(ctx: RuleContext<FactSets[K]>): FindingDraft[];
};

/** A finding as stored and shown. `key` is its stable identity across evaluations. */
export type Finding = FindingDraft & {
  rule: string;
  family: RuleFamily;
  source: string;
  tenantId: string;
  key: string;
};

/** A person's judgement on a manual rule (`rule_verdicts`): the only source of its findings. */
export type Verdict = {
  id: string;
  rule: string;
  orgId: string;
  period: string | null;
  verdict: 'met' | 'notMet';
  note: string;
  decidedOn: string;
  decidedByName: string;
};
