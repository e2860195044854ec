/**
 * What the ORG rules share: the orgs judged on asOf, the structure facts indexed by org, seats
 * held and vacated, and the Chinese and English names of seats.
 */
import type { OrgNode, RuleContext } from '../compliance/types.ts';
import { validOn } from '../periods.ts';
import type { MemberCounts, SeatFact, StructureFacts, TermFact } from './org-facts.ts';

export type StructureContext = RuleContext<StructureFacts>;

/** A 'now' rule judges an org that exists on asOf: not yet founded or already dissolved, it is not judged. */
export const liveOrgs = (ctx: StructureContext, kinds: OrgNode['kind'][]) =>
  ctx.core.orgs.filter((o) => kinds.includes(o.kind) && validOn(o, ctx.asOf));

type Index = { counts: Map<string, MemberCounts>; terms: Map<string, TermFact> };
const indexes = new WeakMap<StructureFacts, Index>();

/** The facts by org id, built once per evaluation and shared by every ORG rule. */
export function indexOf(facts: StructureFacts): Index {
  let index = indexes.get(facts);
  if (!index) {
    index = {
      counts: new Map((facts.counts ?? []).map((c) => [c.orgId, c])),
      terms: new Map((facts.terms ?? []).map((t) => [t.orgId, t])),
    };
    indexes.set(facts, index);
  }
  return index;
}

export const countsOf = (ctx: StructureContext, orgId: string): MemberCounts =>
  indexOf(ctx.facts).counts.get(orgId) ?? { orgId, full: 0, probationary: 0, ungrouped: 0 };

export const termOf = (ctx: StructureContext, orgId: string): TermFact | null =>
  indexOf(ctx.facts).terms.get(orgId) ?? null;

/** Seats of a branch committee (a group's term has group leaders only). */
export const committeeRoles = [
  'secretary',
  'deputySecretary',
  'organizationMember',
  'propagandaMember',
  'disciplineMember',
  'member',
] as const;
const leaderRoles = new Set(['secretary', 'deputySecretary']);
export const isCommitteeRole = (role: string) => (committeeRoles as readonly string[]).includes(role);
/** A committee seat proper, beyond the secretary and deputy a branch without a committee has. */
export const isCommitteeMemberRole = (role: string) => isCommitteeRole(role) && !leaderRoles.has(role);

export const roleNames: Record<string, { zh: string; en: string }> = {
  secretary: { zh: '书记', en: 'secretary' },
  deputySecretary: { zh: '副书记', en: 'deputy secretary' },
  organizationMember: { zh: '组织委员', en: 'organization member' },
  propagandaMember: { zh: '宣传委员', en: 'propaganda member' },
  disciplineMember: { zh: '纪检委员', en: 'discipline member' },
  member: { zh: '委员', en: 'committee member' },
  groupLeader: { zh: '党小组长', en: 'group leader' },
};

export const heldOn = (seat: SeatFact, day: string) => validOn(seat, day);

/** Seats held on asOf. */
export const seatsHeld = (term: TermFact | null, asOf: string) => (term?.seats ?? []).filter((s) => heldOn(s, asOf));

/** The secretary in office on asOf, if any. */
export const secretaryOf = (term: TermFact | null, asOf: string) =>
  seatsHeld(term, asOf).find((s) => s.role === 'secretary') ?? null;

export type Vacancy = { seat: SeatFact; since: string };

/**
 * Seats left (ended on or before asOf) with nobody in their place. A later seat of the same role,
 * started after the one that ended, is its successor; each successor fills one seat, so of two
 * committee members elected together the one who stays is never taken for the other's successor.
 */
export function vacancies(term: TermFact | null, asOf: string): Vacancy[] {
  if (!term) return [];
  const out: Vacancy[] = [];
  const used = new Set<string>();
  const ended = term.seats
    .filter((s) => s.validTo !== null && s.validTo <= asOf)
    .sort((a, b) => (a.validTo as string).localeCompare(b.validTo as string) || a.validFrom.localeCompare(b.validFrom));
  const byStart = [...term.seats].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (const seat of ended) {
    const successor = byStart.find(
      (s) =>
        s.role === seat.role &&
        !used.has(s.positionId) &&
        s.positionId !== seat.positionId &&
        s.validFrom > seat.validFrom,
    );
    if (successor) used.add(successor.positionId);
    else out.push({ seat, since: seat.validTo as string });
  }
  return out;
}

/**
 * The committee as elected: seats held on asOf plus the vacant ones. ORG-03/04 judge how a branch
 * is set up; a seat that fell vacant is ORG-07's to report (with its grace period), not a missing seat.
 */
export function designedCommittee(term: TermFact | null, asOf: string) {
  const held = seatsHeld(term, asOf).filter((s) => isCommitteeRole(s.role));
  const vacant = vacancies(term, asOf).filter((v) => isCommitteeRole(v.seat.role));
  const roles = new Set([...held.map((s) => s.role), ...vacant.map((v) => v.seat.role)]);
  const size = new Set(held.map((s) => s.personId)).size + vacant.length;
  const deputies = held.filter((s) => s.role === 'deputySecretary').length;
  return { held, vacant, roles, size, deputies };
}

/** `、`-joined Chinese list and `, `-joined English list of seat names. */
export const roleList = (roles: string[]) => ({
  zh: roles.map((r) => roleNames[r]?.zh ?? r).join('、'),
  en: roles.map((r) => roleNames[r]?.en ?? r).join(', '),
});

/** Several problems of one org in one finding (a finding is one per rule, org and period). */
export const joinProblems = (problems: { zh: string; en: string }[]) => ({
  zh: problems.map((p) => p.zh).join('；'),
  en: problems.map((p) => p.en).join('; '),
});

/** `1 day`, `2 days`: English counts in messages. */
export const daysEn = (n: number) => `${n} day${Math.abs(n) === 1 ? '' : 's'}`;
