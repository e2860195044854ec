/** The ORG rules. */
import type { Rule } from '../compliance/types.ts';

export const orgRules: Rule[] = [];
