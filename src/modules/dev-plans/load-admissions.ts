import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { type AdmissionRow, admissionsSql } from '../../db/facts/dev-plans.ts';
import { selectRows } from '../orgs/select-rows.ts';

/** Admissions in a year of the cases whose branch lies in a subtree — counted exactly as DEV-12 counts them. */
export function loadAdmissions(db: Db | Tx, options: { tenantId: string; path: string; year: number }) {
  const where = sql`o.tenant_id = ${options.tenantId}::uuid and o.path like ${`${options.path}%`}`;
  return selectRows<AdmissionRow>(db as Tx, admissionsSql(where, `${options.year}-01-01`, `${options.year}-12-31`));
}
