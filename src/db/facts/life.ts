/** Facts for the branch-level LIFE rules: see `LifeFacts`. */
import type { LifeFacts } from '../../domain/rules/life-facts.ts';
import type { Tx } from '../connect.ts';
import type { FactScope } from './scope.ts';

export async function loadLifeFacts(_tx: Tx, _scope: FactScope): Promise<LifeFacts> {
  return {};
}
