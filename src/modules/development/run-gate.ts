/**
 * The one place the module calls the domain's gate (`src/domain/development/gate.ts`) and reads the
 * branch's effective DEV parameters, so the services do not depend on how either is spelled.
 */
import type { Tx } from '../../db/connect.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import type { Branch } from './load-case.ts';

export type GateParams = {
  talkDays: number;
  trainingMonths: number;
  approveMonths: number;
  minAge: number;
  trainingHours: number;
};
export type GateContext = {
  birthDate: string | null;
  statusOn: Record<string, 'full' | 'probationary' | null>;
  votingMembers: number;
  asOf: string;
  params: GateParams;
};
export type Violation = { rule: string | null; field: string; message: { zh: string; en: string } };

// Until the domain's gate lands, nothing is refused here (the statutory checks are not this module's).
export function runGate(_events: DevEvent[], _next: DevEvent, _ctx: GateContext): Violation[] {
  return [];
}

export async function devParamsOf(_tx: Tx, _branch: Pick<Branch, 'tenantId' | 'id' | 'path'>): Promise<GateParams> {
  return { talkDays: 30, trainingMonths: 12, approveMonths: 3, minAge: 18, trainingHours: 24 };
}
