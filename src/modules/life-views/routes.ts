import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { badInput } from '../../server/errors.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { countMeetings } from './count-meetings.ts';
import { ledgerHtml } from './ledger-html.ts';
import { ledgerTitle, ledgerWorkbook } from './ledger-workbook.ts';
import { listCalendar } from './list-calendar.ts';
import { listTodos } from './list-todos.ts';
import { loadLedger } from './load-ledger.ts';
import { loadMyLife } from './load-my-life.ts';
import { addDays, monthBounds, yearBounds } from './periods.ts';
import {
  calendarQuery,
  calendarResponse,
  countsQuery,
  countsResponse,
  ledgerParams,
  myLifeResponse,
  todosResponse,
} from './schema.ts';

const tags = ['life-views'];

/** A calendar list covers at most about a year, so one request cannot scan a decade. */
const MAX_RANGE_DAYS = 366;
/** Counts span at most ten years: the periods are listed one by one. */
const MAX_COUNT_DAYS = 3653;

function checkRange(from: string, to: string) {
  if (from > to) throw badInput([{ field: 'querystring.to', reason: 'must not be before from' }]);
  if (addDays(from, MAX_RANGE_DAYS) < to)
    throw badInput([{ field: 'querystring.to', reason: `at most ${MAX_RANGE_DAYS} days after from` }]);
}

export default async function lifeViewRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  app.get(
    '/life/calendar',
    {
      schema: {
        tags,
        summary: '组织生活日历（按月或区间） Meetings calendar by month or range',
        querystring: calendarQuery,
        response: { 200: calendarResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { orgId, month, from, to } = req.query;
      let range: { from: string; to: string };
      if (from || to) {
        if (!from) throw badInput([{ field: 'querystring.from', reason: 'required with to' }]);
        if (!to) throw badInput([{ field: 'querystring.to', reason: 'required with from' }]);
        range = { from, to };
      } else range = monthBounds(month ?? today().slice(0, 7));
      checkRange(range.from, range.to);
      return listCalendar(db, { actor, orgId, ...range });
    },
  );

  app.get(
    '/life/todos',
    { schema: { tags, summary: '书记待办 To-dos of the branches I run', response: { 200: todosResponse } } },
    async (req) => {
      const actor = requireActor(req);
      const day = today();
      return { today: day, items: await listTodos(db, { actor, today: day }) };
    },
  );

  app.get(
    '/life/me',
    { schema: { tags, summary: '我的组织生活 My organizational life', response: { 200: myLifeResponse } } },
    async (req) => loadMyLife(db, { actor: requireActor(req), today: today() }),
  );

  app.get(
    '/life/counts',
    {
      schema: {
        tags,
        summary: '会议统计（按类型与期间） Held meetings by type and period',
        querystring: countsQuery,
        response: { 200: countsResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const year = yearBounds(Number(today().slice(0, 4)));
      const from = req.query.from ?? year.from;
      const to = req.query.to ?? year.to;
      if (from > to) throw badInput([{ field: 'querystring.to', reason: 'must not be before from' }]);
      if (addDays(from, MAX_COUNT_DAYS) < to)
        throw badInput([{ field: 'querystring.to', reason: 'at most ten years after from' }]);
      return countMeetings(db, { actor, orgId: req.query.orgId, from, to, by: req.query.by });
    },
  );

  app.get(
    '/ledger/:orgId/:year.xlsx',
    { schema: { tags, summary: '组织生活台账（Excel） Branch ledger workbook', params: ledgerParams } },
    async (req, reply) => {
      const ledger = await loadLedger(db, { actor: requireActor(req), ...req.params, today: today() });
      return sendWorkbook(reply, `${ledgerTitle(ledger)}.xlsx`, await ledgerWorkbook(ledger));
    },
  );

  app.get(
    '/ledger/:orgId/:year.html',
    { schema: { tags, summary: '组织生活台账（打印页） Branch ledger, printable', params: ledgerParams } },
    async (req, reply) => {
      const ledger = await loadLedger(db, { actor: requireActor(req), ...req.params, today: today() });
      return reply.type('text/html; charset=utf-8').send(ledgerHtml(ledger));
    },
  );
}
