/** The LIFE rules. */
import type { Rule } from '../compliance/types.ts';

export const lifeRules: Rule[] = [];
