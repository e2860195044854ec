import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { badInput } from '../../server/errors.ts';
import { idParams } from '../../server/zod.ts';
import { addAttachment, deleteAttachment, loadAttachment, type Upload } from './attachments.ts';
import { changeStatus, deleteMeeting, type Transition } from './change-status.ts';
import { checkIn } from './check-in.ts';
import { checkinSecret, signCheckinToken, TOKEN_LIFETIME_MS } from './checkin-token.ts';
import { createMeeting } from './create-meeting.ts';
import { MAX_ATTACHMENT_BYTES } from './file-type.ts';
import { listMeetings } from './list-meetings.ts';
import { loadMeetingInScope } from './load-meeting.ts';
import { listMakeups, recordMakeup } from './makeups.ts';
import { loadMeetingDetail } from './meeting-detail.ts';
import { recordAttendance } from './record-attendance.ts';
import {
  attachmentParams,
  attachmentView,
  attendanceBody,
  checkinBody,
  checkinResponse,
  checkinTokenResponse,
  createMeetingBody,
  createVenueBody,
  deleteQuery,
  listMakeupsQuery,
  listMeetingsQuery,
  listMeetingsResponse,
  listVenuesQuery,
  makeupBody,
  makeupParams,
  makeupView,
  meetingDetail,
  transitionBody,
  updateMeetingBody,
  venueView,
} from './schema.ts';
import { updateMeeting } from './update-meeting.ts';
import { createVenue, listVenues } from './venues.ts';

const tags = ['meetings'];

const fileIssue = (reason: string) => badInput([{ field: 'file', reason }]);

/** The multipart upload: the file in field `file`, its kind in field `kind` (or the query). */
async function readUpload(req: FastifyRequest, kindFromQuery: string | undefined): Promise<Upload> {
  if (!req.isMultipart()) throw fileIssue('请以 multipart/form-data 上传文件 / upload the file as multipart/form-data');
  let file: { fileName: string; content: Buffer } | null = null;
  let kind = kindFromQuery;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { fileName: part.filename, content };
      } else if (part.fieldname === 'kind') kind = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileIssue('文件超过 10 MB / the file is larger than 10 MB');
    if (code === 'FST_FILES_LIMIT') throw fileIssue('一次只能上传一个文件 / upload one file at a time');
    throw error;
  }
  if (!file) throw fileIssue('请在 file 字段上传文件 / send the file in field "file"');
  return { ...file, kind };
}

export default async function meetingRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: '会议列表（含出勤统计） Meetings of an org subtree, with attendance counts',
        querystring: listMeetingsQuery,
        response: { 200: listMeetingsResponse },
      },
    },
    async (req) => ({ items: await listMeetings(db, { actor: requireActor(req), filters: req.query }) }),
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: '会议详情：应到人员与出勤、列席、附件、统计 Meeting detail',
        params: idParams,
        response: { 200: meetingDetail },
      },
    },
    async (req) => loadMeetingDetail(db, { actor: requireActor(req), meetingId: req.params.id }),
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: '新建会议（计划） Plan a meeting',
        body: createMeetingBody,
        response: { 200: meetingDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const meeting = await createMeeting(tx, { input: req.body, actor, today: today() });
        return loadMeetingDetail(tx, { actor, meetingId: meeting.id });
      });
    },
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: '修改会议 Update a meeting',
        params: idParams,
        body: updateMeetingBody,
        response: { 200: meetingDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await updateMeeting(tx, { meetingId: req.params.id, input: req.body, actor, today: today() });
        return loadMeetingDetail(tx, { actor, meetingId: req.params.id });
      });
    },
  );

  const transitions: [Transition, string][] = [
    ['notify', '发出会议通知 Notify the attendees'],
    ['held', '标记为已召开 Mark the meeting held'],
    ['record', '归档（须有会议记录） Record the meeting (needs minutes)'],
  ];
  for (const [transition, summary] of transitions) {
    app.post(
      `/meetings/:id/${transition}`,
      { schema: { tags, summary, params: idParams, body: transitionBody, response: { 200: meetingDetail } } },
      async (req) => {
        const actor = requireActor(req);
        return db.transaction(async (tx) => {
          await changeStatus(tx, {
            meetingId: req.params.id,
            transition,
            version: req.body.version,
            minutesText: req.body.minutesText,
            actor,
            now: ctx.now(),
            today: today(),
          });
          return loadMeetingDetail(tx, { actor, meetingId: req.params.id });
        });
      },
    );
  }

  app.delete(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: '删除计划中的会议 Delete a planned meeting',
        params: idParams,
        querystring: deleteQuery,
        response: { 200: z.object({ deleted: z.boolean() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction((tx) => deleteMeeting(tx, { meetingId: req.params.id, version: req.query.version, actor }));
      return { deleted: true };
    },
  );

  app.put(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: '登记出勤（应到人员或列席人员） Record attendance',
        params: idParams,
        body: attendanceBody,
        response: { 200: meetingDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await recordAttendance(tx, { meetingId: req.params.id, entries: req.body.entries, actor, today: today() });
        return loadMeetingDetail(tx, { actor, meetingId: req.params.id });
      });
    },
  );

  app.post(
    '/meetings/:id/attendance/:personId/makeup',
    {
      schema: {
        tags,
        summary: '登记补课 Record a make-up',
        params: makeupParams,
        body: makeupBody,
        response: { 200: meetingDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await recordMakeup(tx, {
          meetingId: req.params.id,
          personId: req.params.personId,
          input: req.body,
          actor,
          today: today(),
        });
        return loadMeetingDetail(tx, { actor, meetingId: req.params.id });
      });
    },
  );

  app.get(
    '/makeups',
    {
      schema: {
        tags,
        summary: '补课任务（open=1 仅未完成） Make-up tasks',
        querystring: listMakeupsQuery,
        response: { 200: z.object({ items: z.array(makeupView) }) },
      },
    },
    async (req) => ({
      items: await listMakeups(db, { actor: requireActor(req), orgId: req.query.orgId, open: req.query.open }),
    }),
  );

  app.get(
    '/meetings/:id/checkin-token',
    {
      schema: {
        tags,
        summary: '签到二维码（限时有效） QR check-in code of a meeting',
        params: idParams,
        response: { 200: checkinTokenResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await loadMeetingInScope(db, actor, 'write', req.params.id);
      const expiresAt = new Date(ctx.now().getTime() + TOKEN_LIFETIME_MS);
      const token = signCheckinToken(await checkinSecret(db), {
        meetingId: row.meeting.id,
        tenantId: row.meeting.tenantId,
        expiresAt,
      });
      // The phone opens the web app's check-in page, which signs the member in if needed.
      const url = `${req.protocol}://${req.host}/checkin?t=${encodeURIComponent(token)}`;
      const qrDataUrl = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
      return { token, url, expiresAt: expiresAt.toISOString(), qrDataUrl };
    },
  );

  app.post(
    '/checkin',
    {
      schema: {
        tags,
        summary: '扫码签到 Check in by a meeting QR code',
        body: checkinBody,
        response: { 200: checkinResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const secret = await checkinSecret(db);
      return db.transaction((tx) =>
        checkIn(tx, { token: req.body.token, meetingId: req.body.meetingId, actor, now: ctx.now(), secret }),
      );
    },
  );

  app.post(
    '/meetings/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传会议附件（照片、课件、签到表） Upload a meeting attachment',
        description:
          'multipart/form-data: the file in field `file` (JPEG, PNG, WebP, PDF, PPTX, DOCX or XLSX, at most 10 MB, judged by content), `kind` = photo | slides | signInSheet | other.',
        params: idParams,
        querystring: z.object({ kind: z.string().optional() }),
        response: { 200: attachmentView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const upload = await readUpload(req, req.query.kind);
      return db.transaction((tx) => addAttachment(tx, { meetingId: req.params.id, upload, actor }));
    },
  );

  app.get(
    '/meetings/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载会议附件 Download an attachment', params: attachmentParams } },
    async (req, reply) => {
      const attachment = await loadAttachment(db, {
        meetingId: req.params.id,
        attachmentId: req.params.attachmentId,
        actor: requireActor(req),
      });
      return reply
        .header('content-type', attachment.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(attachment.content);
    },
  );

  app.delete(
    '/meetings/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '删除会议附件 Delete an attachment',
        params: attachmentParams,
        response: { 200: z.object({ deleted: z.boolean() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction((tx) =>
        deleteAttachment(tx, { meetingId: req.params.id, attachmentId: req.params.attachmentId, actor }),
      );
      return { deleted: true };
    },
  );

  app.get(
    '/venues',
    {
      schema: {
        tags,
        summary: '党员活动场所 Venues',
        querystring: listVenuesQuery,
        response: { 200: z.object({ items: z.array(venueView) }) },
      },
    },
    async (req) => ({ items: await listVenues(db, { actor: requireActor(req), orgId: req.query.orgId }) }),
  );

  app.post(
    '/venues',
    { schema: { tags, summary: '新增活动场所 Add a venue', body: createVenueBody, response: { 200: venueView } } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction((tx) => createVenue(tx, { input: req.body, actor }));
    },
  );
}
