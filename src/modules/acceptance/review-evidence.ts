/**
 * The evidence a self-check starts from: the engine's open findings of the branch (and the groups
 * and members under it) for the campaign's year — periods of that year and present-state
 * findings — grouped by the indicator (rule) that produced them.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { EvidenceFinding } from './schema.ts';

export async function openFindingsByRule(
  tx: Tx,
  branch: { tenantId: string; path: string },
  year: number,
  rules: string[],
): Promise<Map<string, EvidenceFinding[]>> {
  const out = new Map<string, EvidenceFinding[]>();
  if (rules.length === 0) return out;
  const rows = await selectRows<{
    id: string;
    rule: string;
    severity: string;
    period: string | null;
    zh: string;
    en: string;
  }>(
    tx,
    sql`select f.id, f.rule, f.severity, f.period, f.message_zh as zh, f.message_en as en
      from findings f
      where f.tenant_id = ${branch.tenantId} and f.org_path like ${`${branch.path}%`} and f.status = 'open'
        and f.rule = any(${sql.param(rules)}::text[]) and (f.period is null or f.period like ${`${year}%`})
      order by f.rule, case f.severity when 'breach' then 0 when 'warning' then 1 else 2 end, f.period nulls first, f.id`,
  );
  for (const r of rows) {
    const list = out.get(r.rule) ?? [];
    list.push({ id: r.id, rule: r.rule, severity: r.severity, period: r.period, message: { zh: r.zh, en: r.en } });
    out.set(r.rule, list);
  }
  return out;
}
