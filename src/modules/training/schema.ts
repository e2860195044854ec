/** Requests and responses of training (教育培训): sessions, credited hours, yearly totals. */
import { z } from 'zod';
import { trainingKinds } from '../../domain/rules/edu-facts.ts';
import { isoDate, version } from '../../server/zod.ts';

export const sessionAudiences = ['members', 'secretaries', 'partyAffairsStaff', 'activists'] as const;

/** Hours to a tenth, more than zero: a negative or zero number of hours is a 400 naming the field. */
export const hoursField = z
  .number()
  .positive('学时须大于0 / hours must be more than zero')
  .max(1000)
  .refine((h) => Math.round(h * 10) === h * 10, '学时最多保留1位小数 / at most one decimal place');

const sessionFields = {
  orgId: z.uuid(),
  kind: z.enum(trainingKinds),
  audience: z.enum(sessionAudiences).default('members'),
  title: z.string().trim().min(1).max(200),
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  hours: hoursField,
  place: z.string().trim().max(200).nullish(),
};

export const createSessionBody = z.object({
  ...sessionFields,
  /** People credited with the session's hours. */
  attendees: z.array(z.uuid()).max(5000).default([]),
});
export type CreateSessionInput = z.infer<typeof createSessionBody>;

export const updateSessionBody = z.object({
  version,
  kind: sessionFields.kind.optional(),
  audience: z.enum(sessionAudiences).optional(),
  title: sessionFields.title.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  hours: hoursField.optional(),
  place: sessionFields.place,
  /** When given, the full list of attendees (others lose the credit). */
  attendees: z.array(z.uuid()).max(5000).optional(),
});
export type UpdateSessionInput = z.infer<typeof updateSessionBody>;

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const listSessionsQuery = yearQuery.extend({ orgId: z.uuid().optional() });

export const hoursQuery = yearQuery.extend({
  orgId: z.uuid().optional(),
  /** `1`: only the people behind. */
  behind: z.enum(['0', '1']).optional(),
});

export const sessionItem = z.object({
  id: z.string(),
  code: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  audience: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  place: z.string().nullable(),
  attendeeCount: z.number(),
  version: z.number(),
});
export const sessionView = sessionItem.extend({
  attendees: z.array(z.object({ personId: z.string(), code: z.string(), name: z.string(), hours: z.number() })),
});
export type SessionView = z.infer<typeof sessionView>;

export const hoursRow = z.object({
  personId: z.string(),
  code: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  hours: z.number(),
  byKind: z.record(z.string(), z.number()),
  concentrated: z.number(),
  /** Days of the year in a secretary or committee seat (raises the requirement, see EDU-02). */
  seatDays: z.number(),
  required: z.number(),
  /** What a steady pace would have reached by today (the whole requirement for a past year). */
  expectedByNow: z.number(),
  behind: z.boolean(),
});
export type HoursRow = z.infer<typeof hoursRow>;
export const hoursResponse = z.object({
  year: z.number(),
  orgId: z.string(),
  items: z.array(hoursRow),
  total: z.number(),
  behind: z.number(),
});

export const creditItem = z.object({
  id: z.string(),
  on: z.string(),
  kind: z.string(),
  title: z.string(),
  hours: z.number(),
  source: z.string(),
});
export const myHoursResponse = z.object({
  year: z.number(),
  person: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  summary: hoursRow.nullable(),
  credits: z.array(creditItem),
});
