/**
 * Facts for the dues rules and the dues pages: for every member of the scope, the months they
 * owed dues (and in which org), their income bases, payments and recorded reasons. Four set-based
 * statements for the whole scope, whatever its size.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DuesBaseRecord, DuesPaymentRecord, DuesReasonRecord } from '../../domain/dues/ledger.ts';
import { addMonth, lastDayOf, monthOf } from '../../domain/dues/months.ts';
import type { DuesFacts, DuesMemberFacts } from '../../domain/rules/dues-facts.ts';
import { selectRows } from '../../modules/orgs/select-rows.ts';
import type { Tx } from '../connect.ts';
import { type FactScope, orgFilter } from './scope.ts';

/** DUES-03 looks back over the last year whatever range is evaluated, so a run of unpaid months is seen whole. */
const LOOKBACK_MONTHS = 12;

export async function loadDuesFacts(tx: Tx, scope: FactScope): Promise<DuesFacts> {
  // Up to asOf whatever range is evaluated: DUES-03 is about now; the periodic rules keep to their periods.
  const toMonth = monthOf(scope.asOf);
  const lookback = addMonth(toMonth, -LOOKBACK_MONTHS);
  const fromMonth = [monthOf(scope.from), lookback].sort()[0];
  return loadDuesRecords(tx, { scope, fromMonth, toMonth });
}

type Window = { scope: FactScope; fromMonth: string; toMonth: string; personId?: string };

/** The dues records of every member of the scope over [fromMonth, toMonth] (optionally one person). */
export async function loadDuesRecords(tx: Tx, window: Window): Promise<DuesFacts> {
  const { scope, fromMonth, toMonth } = window;
  const first = `${fromMonth}-01`;
  const last = lastDayOf(toMonth);
  const onePerson = window.personId ? sql`and m.person_id = ${window.personId}::uuid` : sql``;
  // Memberships in normal standing placed in the scope and overlapping the window.
  const inScope: SQL = sql`memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
    where ${orgFilter(scope)} and m.standing = 'normal' ${onePerson}
      and m.valid_from <= ${last}::date and (m.valid_to is null or m.valid_to > ${first}::date)`;
  const members = scopeMembers(inScope);

  const owed = await selectRows<{ personId: string; month: string; orgId: string }>(
    tx,
    sql`with spans as (
      select m.person_id, m.org_id, m.valid_from,
        greatest(date_trunc('month', m.valid_from), date_trunc('month', coalesce(m.joined_on, m.valid_from)),
          ${first}::date) as first_month,
        least(coalesce(m.valid_to - 1, ${last}::date), ${last}::date) as last_day
      from ${inScope}
    )
    select distinct on (s.person_id, g.month) s.person_id as "personId", to_char(g.month, 'YYYY-MM') as month,
      s.org_id as "orgId"
    from spans s
    cross join lateral generate_series(s.first_month, date_trunc('month', s.last_day), interval '1 month') as g(month)
    where s.first_month <= s.last_day
    order by s.person_id, g.month, s.valid_from desc`,
  );
  const current = await selectRows<{ personId: string; orgId: string }>(
    tx,
    sql`select m.person_id as "personId", m.org_id as "orgId" from ${inScope}
      and m.valid_from <= ${scope.asOf}::date and (m.valid_to is null or m.valid_to > ${scope.asOf}::date)`,
  );
  const bases = await selectRows<DuesBaseRecord & { personId: string }>(
    tx,
    sql`select b.person_id as "personId", b.id, b.effective_month as "effectiveMonth", b.category, b.base,
      to_char(b.verified_on, 'YYYY-MM-DD') as "verifiedOn"
    from dues_bases b where (b.tenant_id, b.person_id) in (${members})
      and b.effective_month <= ${toMonth}`,
  );
  const payments = await selectRows<DuesPaymentRecord & { personId: string }>(
    tx,
    sql`select p.person_id as "personId", p.id, p.month, p.amount, to_char(p.paid_on, 'YYYY-MM-DD') as "paidOn"
    from dues_payments p where (p.tenant_id, p.person_id) in (${members})
      and p.month between ${fromMonth} and ${toMonth}`,
  );
  const reasons = await selectRows<DuesReasonRecord & { personId: string }>(
    tx,
    sql`select r.person_id as "personId", r.id, r.from_month as "fromMonth", r.to_month as "toMonth", r.reason
    from dues_reasons r where (r.tenant_id, r.person_id) in (${members})
      and r.from_month <= ${toMonth} and (r.to_month is null or r.to_month >= ${fromMonth})`,
  );

  const byPerson = new Map<string, DuesMemberFacts>();
  const get = (personId: string) => {
    let m = byPerson.get(personId);
    if (!m) {
      m = { personId, currentOrgId: null, owedMonths: [], bases: [], payments: [], reasons: [] };
      byPerson.set(personId, m);
    }
    return m;
  };
  for (const o of owed) get(o.personId).owedMonths.push({ month: o.month, orgId: o.orgId });
  for (const c of current) get(c.personId).currentOrgId = c.orgId;
  for (const { personId, ...b } of bases) byPerson.get(personId)?.bases.push({ ...b, base: Number(b.base) });
  for (const { personId, ...p } of payments) byPerson.get(personId)?.payments.push({ ...p, amount: Number(p.amount) });
  for (const { personId, ...r } of reasons) byPerson.get(personId)?.reasons.push(r);
  const returns = await selectRows<{ orgId: string; year: number; amount: number }>(
    tx,
    sql`select r.org_id as "orgId", r.year, sum(r.amount)::int as amount
    from dues_returns r join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
    where ${orgFilter(scope)} and r.year between ${Number(fromMonth.slice(0, 4))} and ${Number(toMonth.slice(0, 4))}
    group by r.org_id, r.year`,
  );
  return { fromMonth, toMonth, members: [...byPerson.values()], returns };
}

const scopeMembers = (inScope: SQL) => sql`select m.tenant_id, m.person_id from ${inScope}`;
