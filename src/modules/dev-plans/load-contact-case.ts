import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { collegeOfPathSql } from '../../db/facts/dev-plans.ts';
import { notFound } from '../../server/errors.ts';
import type { Access, Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { type CollegeRow, loadCollege } from './load-college.ts';

export type ContactCase = {
  id: string;
  tenantId: string;
  personId: string;
  stage: string;
  branchId: string;
  collegeId: string;
  activistOn: string | null;
};

const caseNotFound = () => notFound({ zh: '发展对象档案', en: 'development case' });

/** A development case and the college-level organization above its branch, which the actor must reach. */
export async function loadContactCase(
  db: Db | Tx,
  options: { actor: Actor; access: Access; caseId: string },
): Promise<{ devCase: ContactCase; college: CollegeRow }> {
  const [devCase] = await selectRows<ContactCase>(
    db as Tx,
    sql`select dc.id, dc.tenant_id as "tenantId", dc.person_id as "personId", dc.stage, dc.org_id as "branchId",
        ${collegeOfPathSql('o')} as "collegeId",
        (select to_char(min(e.on), 'YYYY-MM-DD') from dev_events e
          where e.tenant_id = dc.tenant_id and e.case_id = dc.id and e.step = 'activist') as "activistOn"
      from dev_cases dc join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
      where dc.id = ${options.caseId}::uuid`,
  );
  if (!devCase?.collegeId) throw caseNotFound();
  try {
    const college = await loadCollege(db, { actor: options.actor, access: options.access, orgId: devCase.collegeId });
    return { devCase, college };
  } catch (e) {
    if ((e as { code?: string }).code === 'NOT_FOUND') throw caseNotFound();
    throw e;
  }
}
