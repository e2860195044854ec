/** Facts for the ORG rules: see `StructureFacts`. */
import type { StructureFacts } from '../../domain/rules/org-facts.ts';
import type { Tx } from '../connect.ts';
import type { FactScope } from './scope.ts';

export async function loadStructureFacts(_tx: Tx, _scope: FactScope): Promise<StructureFacts> {
  return {};
}
