/** A university adopts standard sets (replacing its list); unknown codes are bad input, a stale version a 409. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadComplianceConfig } from './load-compliance-config.ts';
import { loadUniversity } from './university-access.ts';

export async function updateStandardSets(
  tx: Tx,
  options: { actor: Actor; university?: string; standardSets: string[]; version: number },
) {
  const unknown = options.standardSets.filter((s) => !standardSetByCode.has(s));
  if (unknown.length > 0) {
    throw badInput([
      {
        field: 'body.standardSets',
        reason: `未知的标准集 ${unknown.join('、')}（可选：${[...standardSetByCode.keys()].join('、')}） / unknown standard set ${unknown.join(', ')}`,
      },
    ]);
  }
  const u = await loadUniversity(tx, options.actor, options.university, 'write', 'body.university');
  const sets = [...new Set(options.standardSets)];
  const updated = await selectRows<{ id: string }>(
    tx,
    sql`update tenants set standard_sets = ${sql.param(sets)}::text[], version = version + 1
      where id = ${u.id} and version = ${options.version} returning id`,
  );
  if (updated.length === 0) throw stale();
  await recordAudit(tx, options.actor, {
    action: 'update',
    entity: 'complianceConfig',
    entityId: u.id,
    tenantId: u.id,
    orgPath: `/${u.id}/`,
    before: { standardSets: u.standardSets, version: u.version },
    after: { standardSets: sets, version: u.version + 1 },
  });
  return loadComplianceConfig(tx, { actor: options.actor, university: u.id });
}
