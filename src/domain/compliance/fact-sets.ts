/**
 * Every fact set a rule can read, by name. Each is computed for a whole scope at once by the
 * loader of the same name in `src/db/facts/` and shared by all rules that need it.
 */
import type { AcceptanceFacts } from '../rules/acceptance-facts.ts';
import type { ModelFacts } from '../rules/assess-model-facts.ts';
import type { RatingFacts } from '../rules/assess-ratings-facts.ts';
import type { DevPlanFacts } from '../rules/dev-college-facts.ts';
import type { DevFacts } from '../rules/dev-facts.ts';
import type { DuesFacts } from '../rules/dues-facts.ts';
import type { EduFacts } from '../rules/edu-facts.ts';
import type { FundFacts } from '../rules/fund-facts.ts';
import type { ImprovementFacts } from '../rules/improvement-facts.ts';
import type { LifeFacts } from '../rules/life-facts.ts';
import type { MemberFacts } from '../rules/member-facts.ts';
import type { StructureFacts } from '../rules/org-facts.ts';

export type FactSets = {
  /** Nothing beyond the core facts (the org tree and calendars). */
  none: Record<string, never>;
  /** Membership counts, groups, terms and seats as of asOf (ORG rules). */
  structure: StructureFacts;
  /** Meetings counted per org, type and period, plans and appraisals (branch-level LIFE rules). */
  life: LifeFacts;
  /** Per-member activity: last organizational life, absences and make-ups, reports, transfers (member rules). */
  member: MemberFacts;
  /** Memberships, leadership seats, study hours per person and year, training sessions (EDU rules). */
  training: EduFacts;
  /** College-level orgs' yearly headcounts, budgets, allocations and expenses (FUND rules). */
  funds: FundFacts;
  /** Per member: owed months, income bases, payments and recorded reasons; dues returned (DUES rules). */
  dues: DuesFacts;
  /** Development cases with their steps, the standing of the people they name and the branch's voters (DEV-01…10). */
  development: DevFacts;
  /** College-level orgs' development plans, pool analyses, admissions; staff activists and secretaries' contacts (DEV-11…14). */
  devPlans: DevPlanFacts;
  /** Rectification items, surveys, reorganizations and what makes a branch weak (ASSESS-03/04/05). */
  improvement: ImprovementFacts;
  /** Acceptance campaigns with each covered branch's review steps (ASSESS-06). */
  acceptance: AcceptanceFacts;
  /** Model-branch quota per year, the latest award round, practice carriers per org and year (ASSESS-07/08/09). */
  models: ModelFacts;
  /** Secretaries at each year's end with their review, and each org's rating and plan (ASSESS-01/02). */
  ratings: RatingFacts;
};
