import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../test/factories.ts';
import type { Client, TestServer } from '../../../test/server.ts';
import { auditLog, meetingAttachments } from '../../db/schema.ts';
import { detectFileType } from './file-type.ts';
import { type Clients, fieldsOf, heldMeeting, setUp, tableCounts } from './test-support.ts';

let server: TestServer;
let world: World;
let as: Clients;
let meetingId: string;

beforeAll(async () => {
  ({ server, world, as } = await setUp());
  meetingId = (await heldMeeting(as.secretaryA1, { orgId: world.branchA1.id, heldOn: '2026-06-12' })).meeting.id;
});
afterAll(() => server.close());

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF photo of the meeting')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR')]);

function upload(
  client: Client,
  file: Buffer | null,
  options: { filename?: string; kind?: string; field?: string; id?: string } = {},
) {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (options.kind !== undefined)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${options.kind}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${options.filename ?? 'photo.jpg'}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return client.request({
    method: 'POST',
    url: `/api/v1/meetings/${options.id ?? meetingId}/attachments`,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('file types by content', () => {
  it('recognizes the accepted kinds and nothing else', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('签到表').addRow(['姓名', '签到']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(detectFileType(xlsx)?.extensions).toEqual(['xlsx']);
    expect(detectFileType(jpeg)?.mimeType).toBe('image/jpeg');
    expect(detectFileType(png)?.mimeType).toBe('image/png');
    expect(detectFileType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))?.mimeType).toBe('image/webp');
    expect(detectFileType(Buffer.from('%PDF-1.7\n'))?.mimeType).toBe('application/pdf');
    expect(detectFileType(Buffer.from('MZ\x90\0 executable'))).toBeNull();
    expect(detectFileType(Buffer.from('PK\x03\x04 plain zip, no package'))).toBeNull();
  });
});

describe('POST /meetings/:id/attachments', () => {
  it('stores a photo and a real workbook, lists them on the meeting and audits', async () => {
    const res = await upload(as.secretaryA1, jpeg, { filename: '现场照片.jpg', kind: 'photo' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'photo',
      fileName: '现场照片.jpg',
      mimeType: 'image/jpeg',
      size: jpeg.length,
    });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('签到表').addRow(['姓名', '签到']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheet = await upload(as.secretaryA1, xlsx, { filename: 'sign-in.xlsx', kind: 'signInSheet' });
    expect(sheet.json().mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const detail = (await as.secretaryA1.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(detail.attachments.map((a: { kind: string }) => a.kind)).toEqual(['photo', 'signInSheet']);
    const [audit] = await server.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(audit).toMatchObject({ entity: 'meetingAttachment', action: 'create', orgPath: world.branchA1.path });
  });

  it('refuses wrong types, mismatched names, oversized files and bad kinds, writing nothing', async () => {
    const before = await tableCounts(server.db);
    const cases: [Buffer | null, Parameters<typeof upload>[2], string][] = [
      [Buffer.from('MZ\x90\0 an executable'), { filename: 'photo.jpg' }, 'file'],
      [Buffer.from('just text'), { filename: 'minutes.pdf' }, 'file'],
      [png, { filename: 'photo.jpg' }, 'file'],
      [Buffer.alloc(0), { filename: 'empty.jpg' }, 'file'],
      [Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]), { filename: 'big.jpg' }, 'file'],
      [jpeg, { filename: 'photo.jpg', kind: 'selfie' }, 'kind'],
      [jpeg, { filename: 'photo.jpg', field: 'upload' }, 'file'],
      [null, { kind: 'photo' }, 'file'],
    ];
    for (const [file, options, field] of cases) {
      const res = await upload(as.secretaryA1, file, options);
      expect(res.statusCode, JSON.stringify(options)).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
    const json = await as.secretaryA1.post(`/api/v1/meetings/${meetingId}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(await tableCounts(server.db)).toEqual(before);
  });

  it('is 404 outside the write scope', async () => {
    const before = await tableCounts(server.db);
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB, as.memberA1, as.oversight])
      expect((await upload(client, jpeg, { kind: 'photo' })).statusCode).toBe(404);
    expect(await tableCounts(server.db)).toEqual(before);
  });
});

describe('GET and DELETE /meetings/:id/attachments/:attachmentId', () => {
  it('downloads the bytes in read scope (an attendee too) and deletes in write scope', async () => {
    const id = (await upload(as.secretaryA1, png, { filename: '合影.png', kind: 'photo' })).json().id;
    const url = `/api/v1/meetings/${meetingId}/attachments/${id}`;
    const res = await as.memberA1.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('合影.png'));
    expect(Buffer.compare(res.rawPayload, png)).toBe(0);
    for (const client of [as.secretaryA2, as.collegeA2, as.orgAdminB]) {
      expect((await client.get(url)).statusCode).toBe(404);
      expect((await client.delete(url)).statusCode).toBe(404);
    }
    expect((await as.memberA1.delete(url)).statusCode).toBe(404);
    expect(
      (await as.secretaryA1.get(`/api/v1/meetings/${meetingId}/attachments/${crypto.randomUUID()}`)).statusCode,
    ).toBe(404);
    const deleted = await as.secretaryA1.delete(url);
    expect(deleted.statusCode).toBe(200);
    expect(
      await server.db
        .select()
        .from(meetingAttachments)
        .where(and(eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, id))),
    ).toEqual([]);
    expect((await as.secretaryA1.get(url)).statusCode).toBe(404);
    const audits = await server.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
