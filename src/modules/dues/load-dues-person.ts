import type { Tx } from '../../db/connect.ts';
import { notFound } from '../../server/errors.ts';
import type { Access, Actor } from '../../server/scope.ts';
import { loadDuesPeople } from './load-dues-people.ts';

export type DuesPerson = {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  /** Path of the org of the current membership (the university root for someone without one). */
  orgPath: string;
  /** The month dues start: the month of admission (or of the first membership when no date of admission is known). */
  firstMonth: string | null;
};

export const personNotFound = () => notFound({ zh: '党员', en: 'member' });

/** A person whose dues the actor may read or write, else 404 (as for an id that does not exist). */
export async function loadDuesPerson(tx: Tx, actor: Actor, access: Access, personId: string): Promise<DuesPerson> {
  const row = (await loadDuesPeople(tx, actor, access, [personId])).get(personId);
  if (!row) throw personNotFound();
  return row;
}
