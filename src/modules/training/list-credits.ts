import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { meetingCreditHoursSql, meetingCreditWhereSql } from '../../db/facts/training.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type CreditRow = { id: string; on: string; kind: string; title: string; hours: number; source: string };

/**
 * Everything credited to a person in a year, newest first: recorded credits and the party lectures
 * and general assemblies they attended (the same credit rule as the EDU facts).
 */
export function listCredits(db: Db | Tx, options: { tenantId: string; personId: string; year: number }) {
  const from = `${options.year}-01-01`;
  const to = `${options.year}-12-31`;
  return selectRows<CreditRow>(
    db as Tx,
    sql`select * from (
        select c.id::text, to_char(c.credited_on, 'YYYY-MM-DD') as "on", c.kind, c.title, c.hours::float8 as hours, c.source
        from training_credits c
        where c.tenant_id = ${options.tenantId} and c.person_id = ${options.personId}
          and c.credited_on between ${from}::date and ${to}::date
        union all
        select m.id::text, to_char(m.held_on, 'YYYY-MM-DD'), 'meeting', m.title, ${meetingCreditHoursSql('m')}, 'meeting'
        from attendance a join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
        where a.tenant_id = ${options.tenantId} and a.person_id = ${options.personId}
          and m.held_on between ${from}::date and ${to}::date and ${meetingCreditWhereSql('m', 'a')}
      ) x order by "on" desc, title`,
  );
}
