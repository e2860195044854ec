import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { oversightBodies } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';

export async function createOversightBody(
  tx: Tx,
  options: { code: string; name: string; actor: Pick<Actor, 'accountId' | 'displayName'> },
) {
  const [existing] = await tx
    .select({ id: oversightBodies.id })
    .from(oversightBodies)
    .where(eq(oversightBodies.code, options.code));
  if (existing)
    throw conflict({ zh: `代码“${options.code}”已被使用`, en: `The code "${options.code}" is taken` }, [
      { field: 'body.code', reason: 'taken' },
    ]);
  const [body] = await tx.insert(oversightBodies).values({ code: options.code, name: options.name }).returning();
  await recordAudit(tx, options.actor, {
    action: 'create',
    entity: 'oversightBody',
    entityId: body.id,
    after: { code: body.code, name: body.name },
  });
  return body;
}
