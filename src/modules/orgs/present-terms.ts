import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, people, positions, type terms } from '../../db/schema.ts';
import type { TermView } from './schema.ts';

type TermRow = typeof terms.$inferSelect;
type PositionView = TermView['positions'][number];

const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

/** Days from `today` to `endsOn`; negative once the term is overdue. */
export const daysBetween = (today: string, endsOn: string) => dayNumber(endsOn) - dayNumber(today);

const holdsOn = (p: Pick<PositionView, 'validFrom' | 'validTo'>, day: string) =>
  p.validFrom <= day && (p.validTo === null || p.validTo > day);

/** Roles whose last holder has left by `today` while nobody holds them now. */
export function vacantRoles(seats: PositionView[], today: string): string[] {
  const roles = [...new Set(seats.map((s) => s.role))];
  return roles.filter((role) => {
    const held = seats.filter((s) => s.role === role);
    if (held.some((s) => holdsOn(s, today))) return false;
    return held.some((s) => s.validTo !== null && s.validTo <= today);
  });
}

const roleOrder = [
  'secretary',
  'deputySecretary',
  'organizationMember',
  'propagandaMember',
  'disciplineMember',
  'member',
  'groupLeader',
];

/** Terms with their seats and countdown, loaded for all given terms at once. */
export async function presentTerms(tx: Tx, rows: TermRow[], today: string): Promise<TermView[]> {
  if (rows.length === 0) return [];
  const tenantIds = [...new Set(rows.map((t) => t.tenantId))];
  const seats = await tx
    .select({
      termId: positions.termId,
      id: positions.id,
      version: positions.version,
      role: positions.role,
      personId: positions.personId,
      personName: people.name,
      personCode: people.code,
      validFrom: positions.validFrom,
      validTo: positions.validTo,
      dualLeader: positions.dualLeader,
    })
    .from(positions)
    .innerJoin(people, and(eq(people.tenantId, positions.tenantId), eq(people.id, positions.personId)))
    .where(
      and(
        inArray(positions.tenantId, tenantIds),
        inArray(
          positions.termId,
          rows.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(positions.validFrom), asc(people.code));
  const orgRows = await tx
    .select({ tenantId: orgs.tenantId, id: orgs.id, name: orgs.name, code: orgs.code })
    .from(orgs)
    .where(
      and(
        inArray(orgs.tenantId, tenantIds),
        inArray(
          orgs.id,
          rows.map((t) => t.orgId),
        ),
      ),
    );
  const orgOf = new Map(orgRows.map((o) => [`${o.tenantId}/${o.id}`, o]));
  return rows.map((term) => {
    const own = seats
      .filter((s) => s.termId === term.id)
      .map(({ termId: _, ...s }) => s)
      .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
    const org = orgOf.get(`${term.tenantId}/${term.orgId}`);
    return {
      id: term.id,
      version: term.version,
      orgId: term.orgId,
      orgName: org?.name ?? '',
      orgCode: org?.code ?? '',
      electedOn: term.electedOn,
      endsOn: term.endsOn,
      daysLeft: daysBetween(today, term.endsOn),
      positions: own,
      vacantRoles: vacantRoles(own, today),
    };
  });
}
