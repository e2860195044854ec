import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { parameterOverrides } from '../../db/schema.ts';

/**
 * The largest share of participants who may be rated 优秀. The source documents (003 制度机制6/7,
 * 000, 001) ask for excellent members to be commended but give no share, so 20% is a default of
 * ours, not a documented number. A university changes it with a parameter override of rule
 * LIFE-08, `{ "excellentShare": 0.25 }`, for its whole tree or a subtree.
 */
export const DEFAULT_EXCELLENT_SHARE = 0.2;

/** The share in force for a branch: the override of its nearest ancestor, else the university's, else the default. */
export async function excellentShareFor(tx: Tx, tenantId: string, orgPath: string): Promise<number> {
  const overrides = await tx
    .select()
    .from(parameterOverrides)
    .where(and(eq(parameterOverrides.tenantId, tenantId), eq(parameterOverrides.rule, 'LIFE-08')));
  const ancestors = orgPath.split('/').filter(Boolean);
  let best: { depth: number; share: number } | null = null;
  for (const o of overrides) {
    const share = (o.values as Record<string, unknown>)?.excellentShare;
    if (typeof share !== 'number' || share < 0 || share > 1) continue;
    const depth = o.orgId === null ? -1 : ancestors.indexOf(o.orgId);
    if (o.orgId !== null && depth < 0) continue;
    if (!best || depth > best.depth) best = { depth, share };
  }
  return best?.share ?? DEFAULT_EXCELLENT_SHARE;
}
