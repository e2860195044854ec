/**
 * The DEV parameters the gate needs for a branch, resolved exactly as the engine resolves them
 * (defaults, the adopted standard sets, the university's and the subtree's overrides).
 */
import { type Override, resolveParams } from '../compliance/parameters.ts';
import type { StandardSet } from '../compliance/standard-sets.ts';
import type { Rule } from '../compliance/types.ts';
import type { GateParams } from '../development/gate.ts';
import { devRules } from './dev.ts';

const ruleOf = (id: string) => devRules.find((r) => r.id === id) as Rule;

/** Which rule holds each gate parameter. */
const holders: Record<keyof GateParams, string> = {
  minAge: 'DEV-01',
  talkDays: 'DEV-02',
  trainingMonths: 'DEV-06',
  trainingHours: 'DEV-07',
  approveMonths: 'DEV-09',
};

export function devParamsFor(sets: StandardSet[], overrides: Override[], orgPath: string): GateParams {
  const out = {} as GateParams;
  for (const [param, rule] of Object.entries(holders) as [keyof GateParams, string][]) {
    out[param] = Number(resolveParams(ruleOf(rule), sets, overrides, orgPath)[param]);
  }
  return out;
}
