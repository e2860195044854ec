/** Requests and responses of the life views (calendar, to-dos, my page, counts, ledger). */
import { z } from 'zod';
import { isoDate, isoMonth } from '../../server/zod.ts';

/** Either a month or a from–to range; an explicit range wins. */
export const calendarQuery = z.object({
  orgId: z.uuid().optional(),
  month: isoMonth.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const meetingItem = z.object({
  id: z.string(),
  code: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  type: z.string(),
  status: z.string(),
  heldOn: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  title: z.string(),
  place: z.string().nullable(),
  lecturerId: z.string().nullable(),
  lecturerName: z.string().nullable(),
  minutes: z.boolean(),
  expected: z.number(),
  present: z.number(),
  late: z.number(),
  absent: z.number(),
  leave: z.number(),
  guests: z.number(),
  attendanceRate: z.number().nullable(),
});

export const calendarResponse = z.object({ from: z.string(), to: z.string(), items: z.array(meetingItem) });

export const todosResponse = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      kind: z.enum(['meetingDue', 'makeupsOpen', 'reportsUnread', 'plannedOverdue']),
      orgId: z.string(),
      orgName: z.string(),
      branchId: z.string(),
      branchName: z.string(),
      meetingType: z.string().nullable(),
      title: z.string(),
      counts: z.record(z.string(), z.number()),
      dueOn: z.string(),
      link: z.string(),
    }),
  ),
});

const myMeeting = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  type: z.string(),
  status: z.string(),
  heldOn: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  title: z.string(),
  place: z.string().nullable(),
  attendance: z.string().nullable(),
  makeupOn: z.string().nullable(),
  makeupContent: z.string().nullable(),
});

export const myLifeResponse = z.object({
  personId: z.string(),
  year: z.number(),
  upcoming: z.array(myMeeting),
  attendance: z.object({
    expected: z.number(),
    attended: z.number(),
    absent: z.number(),
    leave: z.number(),
    rate: z.number().nullable(),
    meetings: z.array(myMeeting),
  }),
  makeups: z.array(myMeeting),
  reports: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      submittedOn: z.string(),
      read: z.boolean(),
      comment: z.string().nullable(),
    }),
  ),
});

export const countsQuery = z.object({
  orgId: z.uuid(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  by: z.enum(['month', 'quarter', 'year']).default('month'),
});

export const countsResponse = z.object({
  orgId: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.enum(['month', 'quarter', 'year']),
  periods: z.array(z.string()),
  items: z.array(z.object({ period: z.string(), type: z.string(), count: z.number() })),
  totals: z.record(z.string(), z.number()),
});

export const ledgerParams = z.object({
  orgId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
});
