/** The LIFE-11, 13, 14, 22 and MEM rules: the member-level rules, over the `member` fact set. */
import type { Rule } from '../compliance/types.ts';
import { memberLifeRules } from './member-life.ts';
import { memberManagementRules } from './member-management.ts';

export const memberRules: Rule[] = [...memberLifeRules, ...memberManagementRules] as Rule[];
