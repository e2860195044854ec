/**
 * Breaches and warnings (open or resolved) of a subtree by month, quarter or year. A finding is
 * counted in the bucket holding the last day of its period — or `to`, for the period still
 * running at `to` — and a present-state finding (no period) in the bucket of the day it opened.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { addDays, boundsOfKey, periodKeyOf, periodsOverlapping } from '../../domain/periods.ts';
import { badInput } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { defaultDashboardOrg, findingInScope } from './finding-scope.ts';

const MAX_DAYS = 3653;

export async function loadTrend(
  tx: Tx,
  options: { actor: Actor; org?: string; by: 'month' | 'quarter' | 'year'; from?: string; to?: string; today: string },
) {
  const to = options.to ?? options.today;
  const from = options.from ?? `${Number(to.slice(0, 4)) - 1}-01-01`;
  if (from > to) throw badInput([{ field: 'querystring.to', reason: '不能早于 from / must not be before from' }]);
  if (addDays(from, MAX_DAYS) < to)
    throw badInput([{ field: 'querystring.from', reason: '区间至多十年 / at most ten years' }]);
  const org = await defaultDashboardOrg(tx, options.actor, options.org);
  const rows = await selectRows<{ period: string | null; opened: string; severity: string; n: number }>(
    tx,
    sql`select f.period, case when f.period is null then (f.opened_at at time zone 'Asia/Shanghai')::date::text end as opened,
        f.severity, count(*)::int as n
      from findings f
      where f.tenant_id = ${org.tenantId} and f.org_path like ${`${org.path}%`} and f.severity in ('breach', 'warning')
        and ${findingInScope(options.actor)}
      group by 1, 2, 3`,
  );
  const semesters = await selectRows<{ code: string; from: string; to: string }>(
    tx,
    sql`select code, starts_on::text as from, ends_on::text as to from semesters where tenant_id = ${org.tenantId}`,
  );
  const semesterBounds = new Map(semesters.map((s) => [s.code, s]));
  const buckets = new Map(
    periodsOverlapping(options.by, { from, to, asOf: to }).map((p) => [
      p.key,
      { period: p.key, breach: 0, warning: 0 },
    ]),
  );
  for (const r of rows) {
    let day: string | null = r.opened;
    if (r.period !== null) {
      const bounds = boundsOfKey(r.period) ?? semesterBounds.get(r.period) ?? null;
      if (!bounds) continue;
      day = bounds.to > to && bounds.from <= to ? to : bounds.to;
    }
    if (!day || day < from || day > to) continue;
    const bucket = buckets.get(periodKeyOf(day, options.by));
    if (bucket) bucket[r.severity as 'breach' | 'warning'] += r.n;
  }
  return [...buckets.values()];
}
