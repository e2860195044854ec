import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { devContacts } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadContactCase } from './load-contact-case.ts';
import type { UpdateContactInput } from './schema.ts';

/** Ends (or reopens) a contact or changes its note, at the version read. */
export async function updateContact(tx: Tx, options: { id: string; input: UpdateContactInput; actor: Actor }) {
  const { input, actor } = options;
  const missing = () => notFound({ zh: '联系记录', en: 'contact' });
  const [before] = await tx.select().from(devContacts).where(eq(devContacts.id, options.id));
  if (!before) throw missing();
  const { college } = await loadContactCase(tx, { actor, access: 'write', caseId: before.caseId }).catch((e) => {
    throw (e as { code?: string }).code === 'NOT_FOUND' ? missing() : e;
  });
  if (before.version !== input.version) throw stale();
  const toOn = input.toOn === undefined ? before.toOn : input.toOn;
  if (toOn !== null && toOn < before.fromOn)
    throw badInput([{ field: 'toOn', reason: `早于开始联系（${before.fromOn}）/ before the contact began` }]);
  const [row] = await tx
    .update(devContacts)
    .set({
      toOn,
      note: input.note === undefined ? before.note : input.note,
      version: sql`${devContacts.version} + 1`,
    })
    .where(
      and(
        eq(devContacts.tenantId, before.tenantId),
        eq(devContacts.id, before.id),
        eq(devContacts.version, input.version),
      ),
    )
    .returning();
  if (!row) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'devContact',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: college.path,
    before,
    after: row,
  });
  return row;
}
