/** Photos, slides and sign-in sheet scans of a meeting, kept in the database. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { meetingAttachments } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { detectFileType, fileProblem } from './file-type.ts';
import { loadMeetingInScope } from './load-meeting.ts';
import { attachmentKinds } from './schema.ts';

export type Upload = { fileName: string; content: Buffer; kind: string | undefined };

const attachmentNotFound = () => notFound({ zh: '附件', en: 'attachment' });

export async function addAttachment(tx: Tx, options: { meetingId: string; upload: Upload; actor: Actor }) {
  const { upload, actor } = options;
  const row = await loadMeetingInScope(tx, actor, 'write', options.meetingId);
  const issues = [];
  const kind = upload.kind ?? 'other';
  if (!(attachmentKinds as readonly string[]).includes(kind))
    issues.push({
      field: 'kind',
      reason: `应为 ${attachmentKinds.join(' | ')} / expected one of ${attachmentKinds.join(', ')}`,
    });
  const problem = fileProblem(upload.content, upload.fileName);
  if (problem) issues.push({ field: 'file', reason: problem });
  const type = detectFileType(upload.content);
  if (issues.length || !type) throw badInput(issues);
  const [attachment] = await tx
    .insert(meetingAttachments)
    .values({
      tenantId: row.meeting.tenantId,
      meetingId: row.meeting.id,
      kind,
      fileName: upload.fileName,
      mimeType: type.mimeType,
      size: upload.content.length,
      content: upload.content,
      uploadedBy: actor.accountId,
    })
    .returning({
      id: meetingAttachments.id,
      kind: meetingAttachments.kind,
      fileName: meetingAttachments.fileName,
      mimeType: meetingAttachments.mimeType,
      size: meetingAttachments.size,
      createdAt: meetingAttachments.createdAt,
    });
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'meetingAttachment',
    entityId: attachment.id,
    tenantId: row.meeting.tenantId,
    orgPath: row.orgPath,
    after: { ...attachment, meetingId: row.meeting.id },
  });
  return { ...attachment, createdAt: attachment.createdAt.toISOString() };
}

export async function loadAttachment(tx: Tx, options: { meetingId: string; attachmentId: string; actor: Actor }) {
  const row = await loadMeetingInScope(tx, options.actor, 'read', options.meetingId);
  const [attachment] = await tx
    .select()
    .from(meetingAttachments)
    .where(
      and(
        eq(meetingAttachments.tenantId, row.meeting.tenantId),
        eq(meetingAttachments.meetingId, row.meeting.id),
        eq(meetingAttachments.id, options.attachmentId),
      ),
    );
  if (!attachment) throw attachmentNotFound();
  return attachment;
}

export async function deleteAttachment(tx: Tx, options: { meetingId: string; attachmentId: string; actor: Actor }) {
  const row = await loadMeetingInScope(tx, options.actor, 'write', options.meetingId);
  const [deleted] = await tx
    .delete(meetingAttachments)
    .where(
      and(
        eq(meetingAttachments.tenantId, row.meeting.tenantId),
        eq(meetingAttachments.meetingId, row.meeting.id),
        eq(meetingAttachments.id, options.attachmentId),
      ),
    )
    .returning({
      id: meetingAttachments.id,
      kind: meetingAttachments.kind,
      fileName: meetingAttachments.fileName,
      mimeType: meetingAttachments.mimeType,
      size: meetingAttachments.size,
    });
  if (!deleted) throw attachmentNotFound();
  await recordAudit(tx, options.actor, {
    action: 'delete',
    entity: 'meetingAttachment',
    entityId: deleted.id,
    tenantId: row.meeting.tenantId,
    orgPath: row.orgPath,
    before: { ...deleted, meetingId: row.meeting.id },
  });
}
