/** Every implemented rule, by id. Each family module adds its rules to its own list. */
import { assessAcceptanceRules } from '../rules/assess-acceptance.ts';
import { improvementRules } from '../rules/assess-improvement.ts';
import { assessModelRules } from '../rules/assess-models.ts';
import { assessRatingRules } from '../rules/assess-ratings.ts';
import { devRules } from '../rules/dev.ts';
import { devCollegeRules } from '../rules/dev-college.ts';
import { duesRules } from '../rules/dues.ts';
import { eduRules } from '../rules/edu.ts';
import { fundRules } from '../rules/fund.ts';
import { lifeRules } from '../rules/life.ts';
import { memberRules } from '../rules/member.ts';
import { orgRules } from '../rules/org.ts';
import type { Rule } from './types.ts';

export const implementedRules: Rule[] = [
  ...orgRules,
  ...lifeRules,
  ...memberRules,
  ...eduRules,
  ...fundRules,
  ...duesRules,
  ...devRules,
  ...devCollegeRules,
  ...assessModelRules,
  ...improvementRules,
  ...assessAcceptanceRules,
  ...assessRatingRules,
] as Rule[];

export const ruleById = new Map(implementedRules.map((r) => [r.id, r]));
