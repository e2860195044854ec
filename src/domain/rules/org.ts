/**
 * The ORG rules (organization setup, `rules.md` ORG-01…12), all judging the state on asOf from the
 * `structure` facts. ORG-13…17 need staffing and venue records that do not exist yet.
 */
import type { Rule } from '../compliance/types.ts';
import { orgPlacementRules } from './org-placement.ts';
import { orgSecretaryRules } from './org-secretaries.ts';
import { orgSetupRules } from './org-setup.ts';
import { orgTermRules } from './org-terms.ts';

export const orgRules: Rule[] = [
  ...orgSetupRules,
  ...orgTermRules,
  ...orgPlacementRules,
  ...orgSecretaryRules,
] as Rule[];
