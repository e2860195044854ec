/**
 * The one place the module calls the domain's gate (`src/domain/development/gate.ts`) and reads the
 * branch's effective DEV parameters, so the services do not depend on how either is spelled.
 */
import type { Tx } from '../../db/connect.ts';
import { loadDevParams } from '../../db/facts/development.ts';
import { type GateContext, type GateParams, gateStep, type Violation } from '../../domain/development/gate.ts';
import type { DevEvent } from '../../domain/development/steps.ts';
import type { Branch } from './load-case.ts';

export type { GateContext, GateParams, Violation } from '../../domain/development/gate.ts';

export function runGate(events: DevEvent[], next: DevEvent, ctx: GateContext): Violation[] {
  return gateStep(events, next, ctx);
}

/** The branch's effective DEV parameters (standard sets, then overrides), as the engine resolves them. */
export function devParamsOf(tx: Tx, branch: Pick<Branch, 'tenantId' | 'path'>): Promise<GateParams> {
  return loadDevParams(tx, branch.tenantId, branch.path);
}
