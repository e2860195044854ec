/** Facts for the member-level rules: see `MemberFacts`. */
import type { MemberFacts } from '../../domain/rules/member-facts.ts';
import type { Tx } from '../connect.ts';
import type { FactScope } from './scope.ts';

export async function loadMemberFacts(_tx: Tx, _scope: FactScope): Promise<MemberFacts> {
  return {};
}
