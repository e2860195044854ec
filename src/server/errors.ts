/**
 * One error type for the whole application, mapped to HTTP in one place (see app.ts).
 * Messages are bilingual; the response picks the caller's locale.
 */
export const ErrorCodes = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  THROTTLED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ErrorCodes;

export type Bilingual = { zh: string; en: string };

/** One problem with one field: `field` is a dotted path (`body.name`) or a JSON pointer. */
export type FieldIssue = { field: string; reason: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: Bilingual;
  readonly details: unknown;

  constructor(code: ErrorCode, text: Bilingual, details?: unknown) {
    super(text.en);
    this.code = code;
    this.text = text;
    this.details = details ?? null;
  }

  get status(): number {
    return ErrorCodes[this.code];
  }
}

export const notFound = (what: Bilingual = { zh: '记录', en: 'record' }) =>
  new AppError('NOT_FOUND', { zh: `${what.zh}不存在或无权访问`, en: `${what.en} not found` });

export const forbidden = () =>
  new AppError('FORBIDDEN', { zh: '无权执行此操作', en: 'You are not allowed to do this' });

export const stale = () =>
  new AppError('STALE', {
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  });

/** A 400 naming the fields and why: the caller fixes them and resubmits. */
export const badInput = (issues: FieldIssue[]) =>
  new AppError(
    'BAD_INPUT',
    {
      zh: `输入有误：${issues.map((i) => `${i.field}（${i.reason}）`).join('；')}`,
      en: `Invalid input: ${issues.map((i) => `${i.field} (${i.reason})`).join('; ')}`,
    },
    issues,
  );

export const conflict = (text: Bilingual, details?: unknown) => new AppError('CONFLICT', text, details);
