/** Request and response shapes of universities, oversight bodies and calendars. */
import { z } from 'zod';
import { isoDate } from '../../server/zod.ts';

/** The standard sets shipped with the platform (domain/rules.md, "Standard sets"). */
export const standardSetIds = [
  'national-baseline',
  'hbzy-2019-3s3n',
  'jyu-2021-plan',
  'jljy-2016-five',
  'zjjm-2012-year',
] as const;

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits and . _ - only');

export const createUniversityBody = z.object({
  code,
  name: z.string().trim().min(1).max(100),
  validFrom: isoDate,
  standardSets: z.array(z.enum(standardSetIds)).max(standardSetIds.length),
  oversightBodyId: z.uuid().nullish(),
});

export const universityView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  oversightBodyId: z.string().nullable(),
  oversightBodyName: z.string().nullable(),
  standardSets: z.array(z.string()),
  version: z.number(),
});

export const createOversightBodyBody = z.object({ code, name: z.string().trim().min(1).max(100) });

export const oversightBodyView = z.object({ id: z.string(), code: z.string(), name: z.string(), version: z.number() });

export const semester = z.object({ code: z.string().trim().min(1).max(20), start: isoDate, end: isoDate });
export type Semester = z.infer<typeof semester>;

export const calendarBody = z.object({ semesters: z.array(semester).max(200) });
export const calendarView = z.object({ semesters: z.array(semester) });
