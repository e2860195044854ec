import { z } from 'zod';
import { duesSchedules } from '../../domain/dues/brackets.ts';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { collectionSheet } from './collection-sheet.ts';
import { collectionStats } from './collection-stats.ts';
import { collectionWorkbook } from './collection-workbook.ts';
import { createBase } from './create-base.ts';
import { createReason } from './create-reason.ts';
import { createReturn } from './create-return.ts';
import { duesImportRoutes } from './import-routes.ts';
import { memberDues } from './member-dues.ts';
import { recordPayments } from './record-payments.ts';
import {
  baseResponse,
  bracketsResponse,
  createBaseBody,
  createReasonBody,
  createReturnBody,
  deletePaymentQuery,
  memberDuesView,
  paymentView,
  personParams,
  recordPaymentsBody,
  sheetQuery,
  sheetResponse,
  statsQuery,
  statsResponse,
  updateBaseBody,
  updatePaymentBody,
} from './schema.ts';
import { updateBase } from './update-base.ts';
import { deletePayment, updatePayment } from './update-payment.ts';

const tags = ['dues'];

const presentBase = (b: {
  id: string;
  personId: string;
  effectiveMonth: string;
  category: string;
  base: number;
  verifiedOn: string | null;
  note: string | null;
  version: number;
}) => ({ ...b, category: b.category as z.infer<typeof baseResponse>['category'] });

const presentPayment = (p: z.infer<typeof paymentView> & Record<string, unknown>) => ({
  id: p.id,
  personId: p.personId,
  month: p.month,
  amount: p.amount,
  paidOn: p.paidOn,
  method: p.method,
  recordedByName: p.recordedByName,
  note: p.note,
  version: p.version,
});

export default async function duesRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());
  await duesImportRoutes(app, ctx);

  app.get(
    '/dues/brackets',
    {
      schema: {
        tags,
        summary: '党费计算标准 The dues brackets in force over time',
        response: { 200: bracketsResponse },
      },
    },
    async (req) => {
      requireActor(req);
      return duesSchedules;
    },
  );

  app.get(
    '/dues/sheet',
    {
      schema: {
        tags,
        summary: '月度党费收缴表 The monthly collection sheet of an org subtree',
        querystring: sheetQuery,
        response: { 200: sheetResponse },
      },
    },
    async (req) =>
      db.transaction((tx) => collectionSheet(tx, { actor: requireActor(req), ...req.query, today: today() })),
  );

  app.get(
    '/dues/sheet.xlsx',
    {
      schema: {
        tags,
        summary: '导出月度党费收缴表 Export the monthly collection sheet (Excel)',
        querystring: sheetQuery,
      },
    },
    async (req, reply) => {
      const sheet = await db.transaction((tx) =>
        collectionSheet(tx, { actor: requireActor(req), ...req.query, today: today() }),
      );
      return sendWorkbook(reply, `${sheet.orgName}${sheet.month}党费收缴表.xlsx`, await collectionWorkbook(sheet));
    },
  );

  app.get(
    '/dues/stats',
    {
      schema: {
        tags,
        summary: '党费收缴统计 应缴、实缴、收缴率 by university, college and branch',
        querystring: statsQuery,
        response: { 200: statsResponse },
      },
    },
    async (req) =>
      db.transaction((tx) => collectionStats(tx, { actor: requireActor(req), ...req.query, today: today() })),
  );

  app.get(
    '/dues/people/:personId',
    {
      schema: {
        tags,
        summary: '党员党费台账 A member’s bases, payments and arrears',
        params: personParams,
        response: { 200: memberDuesView },
      },
    },
    async (req) =>
      db.transaction((tx) =>
        memberDues(tx, { actor: requireActor(req), personId: req.params.personId, today: today() }),
      ),
  );

  app.post(
    '/dues/bases',
    {
      schema: {
        tags,
        summary: '登记党费基数 Record an income base from an effective month',
        body: createBaseBody,
        response: { 200: baseResponse },
      },
    },
    async (req) =>
      presentBase(await db.transaction((tx) => createBase(tx, { input: req.body, actor: requireActor(req) }))),
  );

  app.patch(
    '/dues/bases/:id',
    {
      schema: {
        tags,
        summary: '修改党费基数 Correct an income base (audited, versioned)',
        params: idParams,
        body: updateBaseBody,
        response: { 200: baseResponse },
      },
    },
    async (req) =>
      presentBase(
        await db.transaction((tx) =>
          updateBase(tx, { baseId: req.params.id, input: req.body, actor: requireActor(req) }),
        ),
      ),
  );

  app.post(
    '/dues/payments',
    {
      schema: {
        tags,
        summary: '登记党费交纳（一个月，多名党员） Record a month’s payments, all or nothing',
        body: recordPaymentsBody,
        response: { 200: z.object({ items: z.array(paymentView) }) },
      },
    },
    async (req) => {
      const rows = await db.transaction((tx) =>
        recordPayments(tx, { input: req.body, actor: requireActor(req), today: today() }),
      );
      return { items: rows.map(presentPayment) };
    },
  );

  app.patch(
    '/dues/payments/:id',
    {
      schema: {
        tags,
        summary: '修改党费交纳记录 Correct a payment (audited, versioned)',
        params: idParams,
        body: updatePaymentBody,
        response: { 200: paymentView },
      },
    },
    async (req) =>
      presentPayment(
        await db.transaction((tx) =>
          updatePayment(tx, { paymentId: req.params.id, input: req.body, actor: requireActor(req), today: today() }),
        ),
      ),
  );

  app.delete(
    '/dues/payments/:id',
    {
      schema: {
        tags,
        summary: '删除误登记的党费交纳记录 Remove a payment recorded in error',
        params: idParams,
        querystring: deletePaymentQuery,
        response: { 200: z.object({ deleted: z.boolean() }) },
      },
    },
    async (req) => {
      await db.transaction((tx) =>
        deletePayment(tx, { paymentId: req.params.id, version: req.query.version, actor: requireActor(req) }),
      );
      return { deleted: true };
    },
  );

  app.post(
    '/dues/reasons',
    {
      schema: {
        tags,
        summary: '登记未交党费的正当理由 Record a reason for not paying over some months',
        body: createReasonBody,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      const reason = await db.transaction((tx) => createReason(tx, { input: req.body, actor: requireActor(req) }));
      return { id: reason.id };
    },
  );

  app.post(
    '/dues/returns',
    {
      schema: {
        tags,
        summary: '登记返还基层党组织的党费 Record dues returned to a grassroots organization',
        body: createReturnBody,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      const row = await db.transaction((tx) => createReturn(tx, { input: req.body, actor: requireActor(req) }));
      return { id: row.id };
    },
  );
}
