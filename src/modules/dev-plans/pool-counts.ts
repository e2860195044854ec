import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { stageOf } from '../../domain/development/stage.ts';
import { type DevStep, openStages } from '../../domain/development/steps.ts';
import { dev14 } from '../../domain/rules/dev-college.ts';
import { ageOn } from '../../domain/rules/dev-college-facts.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { PoolCounts } from './schema.ts';

const defaultMaxAge = dev14.params.maxAge.default as number;

/**
 * The pipeline of a subtree as it stood on a day — each case's stage from its events up to that day —
 * per open stage and category, and how many activists and candidates were young teachers (DEV-14's
 * default age): the snapshot a pool analysis keeps beside its text.
 */
export async function poolCountsOn(
  db: Db | Tx,
  options: { tenantId: string; path: string; on: string },
): Promise<PoolCounts> {
  const cases = await selectRows<{
    category: string;
    birthDate: string | null;
    events: { step: DevStep; on: string }[];
  }>(
    db as Tx,
    sql`select p.person_category as category, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate",
        coalesce((select json_agg(json_build_object('step', e.step, 'on', to_char(e.on, 'YYYY-MM-DD')))
          from dev_events e where e.tenant_id = dc.tenant_id and e.case_id = dc.id and e.on <= ${options.on}::date),
          '[]'::json) as events
      from dev_cases dc
      join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
      join people p on p.tenant_id = dc.tenant_id and p.id = dc.person_id
      where dc.tenant_id = ${options.tenantId}::uuid and o.path like ${`${options.path}%`}`,
  );
  const byStage: PoolCounts['byStage'] = Object.fromEntries(openStages.map((s) => [s, { student: 0, staff: 0 }]));
  let youngTeachers = 0;
  for (const c of cases) {
    const stage = stageOf(c.events);
    if (!stage || !openStages.includes(stage)) continue;
    const category = c.category === 'student' ? 'student' : 'staff';
    byStage[stage][category] += 1;
    if (
      category === 'staff' &&
      (stage === 'activist' || stage === 'candidate') &&
      c.birthDate &&
      ageOn(c.birthDate, options.on) <= defaultMaxAge
    )
      youngTeachers += 1;
  }
  return { on: options.on, byStage, youngTeachers };
}
