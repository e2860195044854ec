/**
 * The uploaded Excel file of an import request, checked the same way for every import: multipart,
 * field `file`, an `.xlsx` name, within the size limit. Problems are reported through the
 * import's own error (`reject`), so they appear in its row-by-row report as the file's row 0.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from './scope.ts';

type Reject = (column: string, reason: string) => Error;

export async function readUploadedWorkbook(req: FastifyRequest, reject: Reject): Promise<Buffer> {
  if (!req.isMultipart())
    throw reject('文件', '请以 multipart/form-data 上传文件 / upload the file as multipart/form-data');
  const file = await req.file();
  if (file?.fieldname !== 'file') throw reject('文件', '请在 file 字段上传文件 / send the file in field "file"');
  if (!/\.xlsx$/i.test(file.filename)) throw reject('文件', '仅支持 .xlsx 文件 / only .xlsx files are accepted');
  try {
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw reject('文件', '文件超过 20 MB / the file is larger than 20 MB');
    throw error;
  }
}

/** The university an import writes into: the actor's own, or the one a platform admin names. */
export function importTenantOf(actor: Actor, universityId: string | undefined, reject: Reject): string {
  const tenantId = actor.tenantId ?? universityId;
  if (!tenantId) throw reject('universityId', '请指定学校 / name the university');
  return tenantId;
}
