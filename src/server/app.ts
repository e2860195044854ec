/**
 * The Fastify application: sessions, CSRF, error mapping, OpenAPI, the API modules and the web
 * app's static files. Stateless apart from the database, so several can run behind a balancer.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { loadSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import type { App, AppContext } from './context.ts';
import { localeOf } from './context.ts';
import { AppError, type FieldIssue } from './errors.ts';
import { registerModules } from './modules.ts';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type BuildAppOptions = Partial<Omit<AppContext, 'db'>> & {
  db: AppContext['db'];
  logger?: boolean;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
};

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const ctx: AppContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir ?? './data',
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Zhibu 支部 API',
        description: '高校基层党组织建设平台 — organizations, members, organizational life and compliance',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(ctx.db, token, ctx.now());
      if (session) {
        req.actor = session.actor;
        req.sessionToken = token;
        req.csrfToken = session.csrfToken;
      }
    }
  });

  // Authentication and CSRF run after routing, so a route can declare itself public.
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/api/v1')) return;
    if (req.routeOptions.config?.public) return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in' });
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.csrfToken)
        throw new AppError('CSRF', {
          zh: '请求校验失败（CSRF），请刷新页面后重试',
          en: 'Request verification failed (CSRF); reload the page and try again',
        });
    }
  });

  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    const zh = localeOf(req) === 'zh-CN';
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: zh ? error.text.zh : error.text.en, details: error.details },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        reason: v.message ?? 'invalid',
      }));
      const bad = new AppError(
        'BAD_INPUT',
        {
          zh: `输入有误：${issues.map((i) => `${i.field}（${i.reason}）`).join('；')}`,
          en: `Invalid input: ${issues.map((i) => `${i.field} (${i.reason})`).join('; ')}`,
        },
        issues,
      );
      return reply
        .status(400)
        .send({ error: { code: bad.code, message: zh ? bad.text.zh : bad.text.en, details: issues } });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500) req.log.error(error);
    return reply.status(status).send({
      error: {
        code: status === 500 ? 'INTERNAL' : (error.code ?? 'BAD_REQUEST'),
        message: status === 500 ? (zh ? '服务器内部错误' : 'Internal server error') : error.message,
        details: null,
      },
    });
  });

  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));

  await app.register(
    async (api) => {
      await registerModules(api as App, ctx);
    },
    { prefix: '/api/v1' },
  );

  const serveWeb = options.serveWeb ?? true;
  if (serveWeb && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api') || !serveWeb || !existsSync(path.join(webDist, 'index.html'))) {
      const zh = localeOf(req) === 'zh-CN';
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: zh ? '接口不存在' : 'No such endpoint', details: { url: req.url } },
      });
    }
    // The single-page app routes on the client.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
