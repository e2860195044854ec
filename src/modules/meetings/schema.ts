/** Requests and responses of the meetings capability: meetings, attendance, make-ups, check-in, venues. */
import { z } from 'zod';
import { attendanceStatuses, meetingTypes } from '../../domain/vocabulary.ts';
import { isoDate, version } from '../../server/zod.ts';

export const meetingStatuses = ['planned', 'notified', 'held', 'recorded'] as const;
export const audiences = ['branch', 'group', 'committee', 'leadership'] as const;
export const attachmentKinds = ['photo', 'slides', 'signInSheet', 'other'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export type Audience = (typeof audiences)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const text = (max: number) => z.string().trim().min(1).max(max);

export const createMeetingBody = z.object({
  orgId: z.uuid(),
  type: z.enum(meetingTypes),
  code: z.string().trim().min(1).max(50).optional(),
  heldOn: isoDate,
  startTime: clock.nullable().optional(),
  endTime: clock.nullable().optional(),
  title: text(200),
  lecturerId: z.uuid().nullable().optional(),
  venueId: z.uuid().nullable().optional(),
  place: z.string().trim().max(200).nullable().optional(),
  audience: z.enum(audiences).nullable().optional(),
  minutesText: z.string().trim().max(50_000).nullable().optional(),
});
export type CreateMeetingInput = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = createMeetingBody.omit({ orgId: true, code: true }).partial().extend({ version });
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const transitionBody = z.object({
  version,
  /** Only for /record: the minutes, when not entered before. */
  minutesText: z.string().trim().max(50_000).optional(),
});
export const deleteQuery = z.object({ version: z.coerce.number().int().positive() });

export const listMeetingsQuery = z.object({
  orgId: z.uuid().optional(),
  type: z.enum(meetingTypes).optional(),
  status: z.enum(meetingStatuses).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListMeetingsFilters = z.infer<typeof listMeetingsQuery>;

export const meetingView = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  code: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  type: z.string(),
  heldOn: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  title: z.string(),
  lecturerId: z.uuid().nullable(),
  lecturerName: z.string().nullable(),
  venueId: z.uuid().nullable(),
  venueName: z.string().nullable(),
  place: z.string().nullable(),
  audience: z.string(),
  status: z.string(),
  minutes: z.boolean(),
  minutesText: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  version: z.number(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const counts = z.object({
  expected: z.number(),
  present: z.number(),
  late: z.number(),
  absent: z.number(),
  leave: z.number(),
  unrecorded: z.number(),
  guests: z.number(),
  /** (present + late) / expected; null when nobody is expected. */
  attendanceRate: z.number().nullable(),
});

export const attendanceView = z.object({
  status: z.string(),
  reason: z.string().nullable(),
  guest: z.boolean(),
  checkedInAt: z.string().nullable(),
  makeupOn: z.string().nullable(),
  makeupContent: z.string().nullable(),
  version: z.number(),
});

export const attendeeView = z.object({
  personId: z.uuid(),
  name: z.string(),
  code: z.string(),
  leadingCadre: z.boolean(),
  attendance: attendanceView.nullable(),
});

export const attachmentView = z.object({
  id: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export const meetingDetail = z.object({
  meeting: meetingView,
  expected: z.array(attendeeView),
  /** Recorded attendance of people not expected that day: guests, cadres from above. */
  guests: z.array(attendeeView),
  attachments: z.array(attachmentView),
  counts,
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const listMeetingsResponse = z.object({ items: z.array(meetingView.extend({ counts })) });

export const attendanceBody = z.object({
  entries: z
    .array(
      z.object({
        personId: z.uuid(),
        status: z.enum(attendanceStatuses),
        reason: z.string().trim().max(500).nullable().optional(),
        guest: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(2000),
});
export type AttendanceEntry = z.infer<typeof attendanceBody>['entries'][number];

export const makeupParams = z.object({ id: z.uuid(), personId: z.uuid() });
export const makeupBody = z.object({ makeupOn: isoDate, makeupContent: text(2000), version: version.optional() });

export const listMakeupsQuery = z.object({
  orgId: z.uuid().optional(),
  open: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const makeupView = z.object({
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  meetingType: z.string(),
  heldOn: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  personCode: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  makeupOn: z.string().nullable(),
  makeupContent: z.string().nullable(),
  version: z.number(),
});

export const checkinTokenResponse = z.object({
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  qrDataUrl: z.string(),
});

export const checkinBody = z.object({
  token: z.string().min(1).max(2000),
  /** The meeting the member believes they are at (the page they scanned from), when known. */
  meetingId: z.uuid().optional(),
});

export const checkinResponse = z.object({
  meetingId: z.uuid(),
  title: z.string(),
  heldOn: z.string(),
  status: z.enum(attendanceStatuses),
  checkedInAt: z.string(),
  alreadyCheckedIn: z.boolean(),
});

export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const venueView = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  version: z.number(),
});
export const listVenuesQuery = z.object({ orgId: z.uuid().optional() });
export const createVenueBody = z.object({
  orgId: z.uuid(),
  name: text(100),
  address: z.string().trim().max(200).nullable().optional(),
});
