import type { Tx } from '../../db/connect.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import type { Rule } from '../../domain/compliance/types.ts';
import { loadConfigs, type UniversityConfig } from '../compliance/load-config.ts';

/** LIFE-10 says when the year's plan is due; its parameters resolve as the engine resolves them. */
const planRule = ruleById.get('LIFE-10') as Rule;

/** LIFE-10's default: the year's plan is filed by January 31 of that year. */
export const DEFAULT_DUE = String(planRule.params.dueDate.default);

type Configs = Map<string, UniversityConfig>;

/** The adopted sets and overrides of these universities, loaded once for a whole list. */
export function loadDueOverrides(tx: Tx, tenantIds: string[]): Promise<Configs> {
  return tenantIds.length === 0 ? Promise.resolve(new Map()) : loadConfigs(tx, tenantIds);
}

/**
 * The `dueDate` parameter ('MM-DD') for a branch: the standard sets, then the university's
 * override, then the nearest subtree override — the same precedence the compliance engine uses.
 */
export function dueMonthDay(configs: Configs, tenantId: string, orgPath: string): string {
  const config = configs.get(tenantId);
  return String(resolveParams(planRule, config?.sets ?? [], config?.overrides ?? [], orgPath).dueDate);
}

export async function planDueDate(tx: Tx, plan: { tenantId: string; year: number }, orgPath: string) {
  const configs = await loadDueOverrides(tx, [plan.tenantId]);
  return `${plan.year}-${dueMonthDay(configs, plan.tenantId, orgPath)}`;
}

/** Filed after the due date — or not filed yet when the due date has passed. */
export const isLate = (dueDate: string, submittedOn: string | null, today: string) =>
  submittedOn ? submittedOn > dueDate : today > dueDate;
