/**
 * Facts for the ORG rules (see `StructureFacts`): two set-based statements over the whole scope,
 * both as of `scope.asOf` — one pass over the memberships (counts per branch, and the members
 * outside a live branch), and the current term of every org with its seats and their holders.
 */
import { sql } from 'drizzle-orm';
import type { MemberCounts, SeatFact, StructureFacts, TermFact, UnplacedMember } from '../../domain/rules/org-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { readAll, type SnapshotReaders } from '../snapshot-readers.ts';
import { type FactScope, orgFilter, validOnSql } from './scope.ts';

type MembershipRow = MemberCounts & {
  orgKind: string;
  orgName: string;
  orgValidFrom: string;
  orgValidTo: string | null;
  /** Only for an org that is not a live branch on asOf (ORG-08). */
  unplaced: { membershipId: string; personId: string; personName: string }[] | null;
};

type SeatRow = {
  termId: string;
  orgId: string;
  electedOn: string;
  endsOn: string;
  seatId: string | null;
  memberFrom: string | null;
} & Omit<SeatFact, 'positionId'>;

export async function loadStructureFacts(
  tx: Tx,
  scope: FactScope,
  readers: SnapshotReaders | null = null,
): Promise<StructureFacts> {
  const asOf = scope.asOf;
  const liveBranch = sql`(o.kind = 'branch' and ${validOnSql('o', asOf)})`;
  const readCounts = (on: Tx) =>
    selectRows<MembershipRow>(
      on,
      sql`select o.id as "orgId", o.kind as "orgKind", o.name as "orgName",
        to_char(o.valid_from, 'YYYY-MM-DD') as "orgValidFrom", to_char(o.valid_to, 'YYYY-MM-DD') as "orgValidTo",
        (count(*) filter (where ms.status = 'full'))::int as full,
        (count(*) filter (where ms.status = 'probationary'))::int as probationary,
        (count(*) filter (where g.id is null))::int as ungrouped,
        json_agg(json_build_object('membershipId', ms.id, 'personId', ms.person_id,
          'personName', (select pp.name from people pp where pp.tenant_id = ms.tenant_id and pp.id = ms.person_id)))
          filter (where not ${liveBranch}) as unplaced
      from memberships ms
      join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id
      left join orgs g on g.tenant_id = ms.tenant_id and g.id = ms.group_id and g.kind = 'group'
        and g.parent_id = ms.org_id and ${validOnSql('g', asOf)}
      where ${orgFilter(scope)} and ms.standing = 'normal' and ${validOnSql('ms', asOf)}
      group by o.tenant_id, o.id`,
    );
  // The current term is the latest elected on or before asOf (ties: the one recorded last); one row
  // per seat that had started by then, with its holder and the holder's membership that day.
  const readSeats = (on: Tx) =>
    selectRows<SeatRow>(
      on,
      sql`with current_terms as (
        select distinct on (t.tenant_id, t.org_id) t.tenant_id, t.id, t.org_id, t.elected_on, t.ends_on
        from terms t join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
        where ${orgFilter(scope)} and t.elected_on <= ${asOf}::date
        order by t.tenant_id, t.org_id, t.elected_on desc, t.created_at desc
      )
      select ct.id as "termId", ct.org_id as "orgId", to_char(ct.elected_on, 'YYYY-MM-DD') as "electedOn",
        to_char(ct.ends_on, 'YYYY-MM-DD') as "endsOn", p.id as "seatId", p.role, p.person_id as "personId",
        to_char(p.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') as "validTo",
        p.dual_leader as "dualLeader", pp.name as "personName", pp.person_category as "personCategory",
        pp.title, ms.status as "memberStatus", ms.standing as "memberStanding",
        to_char(ms.valid_from, 'YYYY-MM-DD') as "memberFrom"
      from current_terms ct
      left join positions p on p.tenant_id = ct.tenant_id and p.term_id = ct.id and p.valid_from <= ${asOf}::date
      left join people pp on pp.tenant_id = p.tenant_id and pp.id = p.person_id
      left join memberships ms on ms.tenant_id = p.tenant_id and ms.person_id = p.person_id and ${validOnSql('ms', asOf)}`,
    );
  // Independent statements: side by side on readers sharing the evaluation's snapshot, when given.
  const [rows, seatRows] = await readAll(tx, readers, [readCounts, readSeats]);
  const counts: MemberCounts[] = [];
  const unplaced: UnplacedMember[] = [];
  for (const { unplaced: outside, orgKind, orgName, orgValidFrom, orgValidTo, ...c } of rows) {
    counts.push({ orgId: c.orgId, full: c.full, probationary: c.probationary, ungrouped: c.ungrouped });
    for (const m of outside ?? []) unplaced.push({ ...m, orgId: c.orgId, orgKind, orgName, orgValidFrom, orgValidTo });
  }
  // Aggregated by hash, so in no particular order: sorted for stable output.
  unplaced.sort((a, b) => a.personId.localeCompare(b.personId));

  return { counts, terms: groupSeats(seatRows), unplaced };
}

/** Rows (term × seat × the holder's membership) to terms with their seats, in the order seats began. */
function groupSeats(rows: SeatRow[]): TermFact[] {
  const terms = new Map<string, TermFact>();
  const seats = new Map<string, { seat: SeatFact; memberFrom: string | null }>();
  for (const { termId, orgId, electedOn, endsOn, seatId, memberFrom, ...seat } of rows) {
    let term = terms.get(termId);
    if (!term) {
      term = { id: termId, orgId, electedOn, endsOn, seats: [] };
      terms.set(termId, term);
    }
    if (seatId === null) continue;
    const seen = seats.get(seatId);
    // A holder with two memberships valid that day (a record to fix elsewhere): the later one counts.
    if (seen && (seen.memberFrom ?? '') >= (memberFrom ?? '')) continue;
    const fact: SeatFact = { positionId: seatId, ...seat };
    if (seen) {
      Object.assign(seen.seat, fact);
      seen.memberFrom = memberFrom;
    } else {
      term.seats.push(fact);
      seats.set(seatId, { seat: fact, memberFrom });
    }
  }
  for (const term of terms.values())
    term.seats.sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.positionId.localeCompare(b.positionId));
  return [...terms.values()];
}
