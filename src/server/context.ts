import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/connect.ts';
import { AppError } from './errors.ts';
import type { Actor } from './scope.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type AppContext = {
  db: Db;
  /** The clock, injectable so tests can move time (throttling, session expiry, as-of dates). */
  now: () => Date;
  /** Where uploaded files and the embedded database live. */
  dataDir: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, docs). */
    public?: boolean;
  }
}

/** The signed-in actor, or a 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
  return req.actor;
}

/** The caller's language: the account's setting, else the browser's. */
export function localeOf(req: FastifyRequest): 'zh-CN' | 'en-US' {
  if (req.actor) return req.actor.locale;
  const header = req.headers['accept-language'] ?? '';
  return /^en/i.test(header) ? 'en-US' : 'zh-CN';
}

/** Today in Asia/Shanghai as YYYY-MM-DD: policy dates are calendar days there. */
export function todayInShanghai(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
