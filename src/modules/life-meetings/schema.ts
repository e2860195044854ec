/** Requests of the organizational-life meeting (组织生活会) preparation and its rectification points. */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

/** Where an opinion came from: 群众 / 党员 / 上级 / other. */
export const opinionSources = ['masses', 'members', 'superior', 'other'] as const;

export const meetingParams = z.object({ meetingId: z.uuid() });
export const rowParams = z.object({ meetingId: z.uuid(), id: z.uuid() });
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });

const topic = z.string().trim().min(1).max(500);
const content = z.string().trim().min(1).max(2000);

export const createTalkBody = z.object({ personId: z.uuid(), withPersonId: z.uuid(), heldOn: isoDate, topic });
export const updateTalkBody = createTalkBody.partial().extend({ version });
export type TalkFields = z.infer<typeof createTalkBody>;

export const createOpinionBody = z.object({ source: z.enum(opinionSources), content, collectedOn: isoDate });
export const updateOpinionBody = createOpinionBody.partial().extend({ version });
export type OpinionFields = z.infer<typeof createOpinionBody>;

export const createRectificationBody = z.object({
  content,
  ownerId: z.uuid(),
  deadline: isoDate,
  doneOn: isoDate.nullable().optional(),
  evidence: z.string().trim().min(1).max(2000).nullable().optional(),
});
export const updateRectificationBody = createRectificationBody.partial().extend({ version });
export type RectificationFields = z.infer<typeof createRectificationBody>;
