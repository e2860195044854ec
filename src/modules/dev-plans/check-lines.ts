import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs } from '../../db/schema.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { CollegeRow } from './load-college.ts';
import type { PlanLineInput } from './schema.ts';

/**
 * A plan's numbers are for branches of its own college-level organization (or the org itself when
 * it is a branch directly under the university), once per branch and category: a 400 naming each
 * offending line otherwise.
 */
export async function checkLines(tx: Tx, college: CollegeRow, lines: PlanLineInput[]) {
  const ids = [...new Set(lines.map((l) => l.orgId))];
  const found = ids.length
    ? await tx
        .select({ id: orgs.id, kind: orgs.kind, path: orgs.path })
        .from(orgs)
        .where(and(eq(orgs.tenantId, college.tenantId), inArray(orgs.id, ids)))
    : [];
  const byId = new Map(found.map((o) => [o.id, o]));
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const org = byId.get(line.orgId);
    if (org?.kind !== 'branch' || !org.path.startsWith(college.path))
      issues.push({
        field: `lines.${i}.orgId`,
        reason: '不是本二级党组织下的党支部 / not a branch of this college-level organization',
      });
    const key = `${line.orgId}|${line.category}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({ field: `lines.${i}`, reason: `与第${first + 1}行重复 / repeats line ${first + 1}` });
    else seen.set(key, i);
  });
  if (issues.length) throw badInput(issues);
}
