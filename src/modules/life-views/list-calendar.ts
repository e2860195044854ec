import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { inSubtree, loadReadableOrg } from './load-org.ts';
import { attendanceRate, selectMeetingRows } from './meeting-rows.ts';

/** Meetings of an org's subtree (or of the whole read scope) between two days, with attendance counts. */
export async function listCalendar(tx: Tx, options: { actor: Actor; orgId?: string; from: string; to: string }) {
  const { actor, from, to } = options;
  const where: SQL[] = [
    orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`),
    sql`m.held_on between ${from}::date and ${to}::date`,
  ];
  if (options.orgId) {
    const org = await loadReadableOrg(tx, actor, options.orgId);
    const sub = inSubtree(org);
    where.push(sql`o.tenant_id = ${sub.tenantId} and o.path like ${sub.like}`);
  }
  const rows = await selectMeetingRows(tx, sql.join(where, sql` and `));
  return {
    from,
    to,
    items: rows.map(({ tenantId: _t, minutesText: _m, orgKind: _k, ...row }) => ({
      ...row,
      attendanceRate: attendanceRate(row),
    })),
  };
}
