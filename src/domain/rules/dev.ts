/** The DEV rules of member development (DEV-01 … DEV-10) over the `development` fact set. */
import type { Rule } from '../compliance/types.ts';
import { devAdmissionRules } from './dev-admission.ts';
import { devApprovalRules } from './dev-approval.ts';
import { devEntryRules } from './dev-entry.ts';
import { devTrainingRules } from './dev-training.ts';

export const devRules: Rule[] = [
  ...devEntryRules,
  ...devTrainingRules,
  ...devAdmissionRules,
  ...devApprovalRules,
] as Rule[];
