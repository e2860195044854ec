import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadCollege } from './load-college.ts';
import type { contactView } from './schema.ts';

type ContactView = z.infer<typeof contactView>;

const selectContacts = (where: SQL) =>
  sql`select k.id, k.case_id as "caseId", dc.person_id as "personId", p.code as "personCode", p.name as "personName",
      dc.stage, dc.org_id as "branchId", o.name as "branchName", k.secretary_id as "secretaryId",
      s.name as "secretaryName", to_char(k.from_on, 'YYYY-MM-DD') as "fromOn",
      to_char(k.to_on, 'YYYY-MM-DD') as "toOn", k.note, k.version
    from dev_contacts k
    join dev_cases dc on dc.tenant_id = k.tenant_id and dc.id = k.case_id
    join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
    join people p on p.tenant_id = dc.tenant_id and p.id = dc.person_id
    join people s on s.tenant_id = k.tenant_id and s.id = k.secretary_id
    where ${where}
    order by p.code, k.from_on`;

/** The contacts of a college-level organization's activists and candidates; `current` keeps those lasting on `today`. */
export async function listContacts(
  db: Db | Tx,
  options: { actor: Actor; orgId: string; current: boolean; today: string },
): Promise<ContactView[]> {
  const college = await loadCollege(db, { actor: options.actor, access: 'read', orgId: options.orgId });
  const current = options.current
    ? sql`and k.from_on <= ${options.today}::date and (k.to_on is null or k.to_on >= ${options.today}::date)`
    : sql``;
  return selectRows<ContactView>(
    db as Tx,
    selectContacts(sql`k.tenant_id = ${college.tenantId}::uuid and o.path like ${`${college.path}%`} ${current}`),
  );
}

/** One contact as the API shows it (after a write the caller was allowed to make). */
export async function presentContact(db: Db | Tx, row: { tenantId: string; id: string }): Promise<ContactView> {
  const [view] = await selectRows<ContactView>(
    db as Tx,
    selectContacts(sql`k.tenant_id = ${row.tenantId}::uuid and k.id = ${row.id}::uuid`),
  );
  return view;
}
