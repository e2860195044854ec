/** The LIFE-11, 13, 14, 22 and MEM rules. */
import type { Rule } from '../compliance/types.ts';

export const memberRules: Rule[] = [];
