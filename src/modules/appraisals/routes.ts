import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { idParams } from '../../server/zod.ts';
import { advanceAppraisal } from './advance-appraisal.ts';
import { createAppraisal } from './create-appraisal.ts';
import { listAppraisals, listMyAppraisals } from './list-appraisals.ts';
import { loadAppraisalInScope, loadEntries } from './load-appraisal.ts';
import { presentAppraisal, summarize } from './present-appraisal.ts';
import { recordPeerReviews } from './record-peer-reviews.ts';
import { recordVerdicts } from './record-verdicts.ts';
import { recordVotes } from './record-votes.ts';
import {
  advanceBody,
  createAppraisalBody,
  listAppraisalsQuery,
  peerReviewsBody,
  selfAssessmentBody,
  verdictsBody,
  votesBody,
} from './schema.ts';
import { submitSelfAssessment } from './submit-self-assessment.ts';

const tags = ['appraisals'];

export default async function appraisalRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());

  /** After a write: the appraisal as the writer sees it, read in the same transaction. */
  const reload = async (tx: Parameters<typeof loadEntries>[0], actor: ReturnType<typeof requireActor>, id: string) => {
    const { appraisal, org } = await loadAppraisalInScope(tx, actor, 'read', id);
    return presentAppraisal(tx, appraisal, org);
  };

  app.get(
    '/appraisals',
    { schema: { tags, summary: '民主评议列表 Appraisals', querystring: listAppraisalsQuery } },
    async (req) => ({ items: await listAppraisals(db, { actor: requireActor(req), ...req.query }) }),
  );

  app.get('/appraisals/mine', { schema: { tags, summary: '我参加的民主评议 My appraisals' } }, async (req) => ({
    items: await listMyAppraisals(db, requireActor(req)),
  }));

  app.get(
    '/appraisals/:id',
    { schema: { tags, summary: '民主评议详情 Appraisal with entries', params: idParams } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => reload(tx, actor, req.params.id));
    },
  );

  app.get(
    '/appraisals/:id/summary',
    { schema: { tags, summary: '民主评议结果统计 Appraisal results', params: idParams } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const { appraisal } = await loadAppraisalInScope(tx, actor, 'read', req.params.id);
        return {
          id: appraisal.id,
          step: appraisal.step,
          voters: appraisal.voters,
          ...summarize(await loadEntries(tx, appraisal.tenantId, appraisal.id)),
        };
      });
    },
  );

  app.post(
    '/appraisals',
    { schema: { tags, summary: '开展民主评议 Start an appraisal', body: createAppraisalBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const appraisal = await createAppraisal(tx, { input: req.body, actor });
        return reload(tx, actor, appraisal.id);
      });
    },
  );

  app.post(
    '/appraisals/:id/self-assessment',
    {
      schema: { tags, summary: '提交个人自评 Submit my self-assessment', params: idParams, body: selfAssessmentBody },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const entry = await submitSelfAssessment(tx, {
          appraisalId: req.params.id,
          input: req.body,
          today: today(),
          actor,
        });
        return {
          appraisalId: entry.appraisalId,
          personId: entry.personId,
          selfAssessment: entry.selfAssessment,
          selfAssessedOn: entry.selfAssessedOn,
          version: entry.version,
        };
      });
    },
  );

  app.post(
    '/appraisals/:id/peer-reviews',
    { schema: { tags, summary: '记录党员互评 Record peer reviews', params: idParams, body: peerReviewsBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await recordPeerReviews(tx, { appraisalId: req.params.id, input: req.body, actor });
        return reload(tx, actor, req.params.id);
      });
    },
  );

  app.post(
    '/appraisals/:id/votes',
    { schema: { tags, summary: '录入民主测评票数 Record vote tallies', params: idParams, body: votesBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await recordVotes(tx, { appraisalId: req.params.id, input: req.body, actor });
        return reload(tx, actor, req.params.id);
      });
    },
  );

  app.post(
    '/appraisals/:id/verdicts',
    { schema: { tags, summary: '组织评定 Record verdicts', params: idParams, body: verdictsBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await recordVerdicts(tx, { appraisalId: req.params.id, input: req.body, actor });
        return reload(tx, actor, req.params.id);
      });
    },
  );

  app.post(
    '/appraisals/:id/advance',
    { schema: { tags, summary: '进入下一步 Advance to the next step', params: idParams, body: advanceBody } },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        await advanceAppraisal(tx, { appraisalId: req.params.id, input: req.body, today: today(), actor });
        return reload(tx, actor, req.params.id);
      });
    },
  );
}
