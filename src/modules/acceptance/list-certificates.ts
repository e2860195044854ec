/** The certificate list: branches certified in a campaign, with the re-check's day and who took it. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { collegeJoin } from './list-reviews.ts';
import type { CertificateRow } from './schema.ts';
import { loadCampaignRow } from './update-campaign.ts';

export async function listCertificates(tx: Tx, actor: Actor, id: string) {
  const c = await loadCampaignRow(tx, actor, id);
  const items = await selectRows<CertificateRow>(
    tx,
    sql`select r.id as "reviewId", o.code as "orgCode", o.name as "orgName", col.name as "collegeName",
        to_char(s.on, 'YYYY-MM-DD') as "certifiedOn", s.actor_name as "certifiedBy"
      from acceptance_reviews r
      join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
      ${collegeJoin}
      join lateral (
        select s.on, s.actor_name from acceptance_steps s
        where s.tenant_id = r.tenant_id and s.review_id = r.id and s.step = 'recheck'
        order by s.seq desc limit 1
      ) s on true
      where r.tenant_id = ${c.tenantId} and r.campaign_id = ${c.id} and r.stage = 'certified'
        and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}
      order by col.code nulls first, o.code`,
  );
  return { campaign: { id: c.id, year: c.year, title: c.title }, items };
}
