/** Every capability's routes, mounted under /api/v1. Each module adds its line here. */
import accountRoutes from '../modules/accounts/routes.ts';
import appraisalRoutes from '../modules/appraisals/routes.ts';
import auditRoutes from '../modules/audit/routes.ts';
import authRoutes from '../modules/auth/routes.ts';
import complianceRoutes from '../modules/compliance/routes.ts';
import datasetRoutes from '../modules/dataset/routes.ts';
import duesRoutes from '../modules/dues/routes.ts';
import fundRoutes from '../modules/funds/routes.ts';
import lifeMeetingRoutes from '../modules/life-meetings/routes.ts';
import lifeViewRoutes from '../modules/life-views/routes.ts';
import meetingImportRoutes from '../modules/meeting-import/routes.ts';
import meetingRoutes from '../modules/meetings/routes.ts';
import memberRoutes from '../modules/members/routes.ts';
import modelUnitRoutes from '../modules/model-units/routes.ts';
import orgRoutes from '../modules/orgs/routes.ts';
import planRoutes from '../modules/plans/routes.ts';
import reportRoutes from '../modules/reports/routes.ts';
import rectificationRoutes from '../modules/rectifications/routes.ts';
import rosterRoutes from '../modules/roster/routes.ts';
import tenantRoutes from '../modules/tenants/routes.ts';
import trainingRoutes from '../modules/training/routes.ts';
import verdictRoutes from '../modules/verdicts/routes.ts';
import type { App, AppContext } from './context.ts';

export async function registerModules(api: App, ctx: AppContext) {
  await authRoutes(api, ctx);
  await accountRoutes(api, ctx);
  await auditRoutes(api, ctx);
  await tenantRoutes(api, ctx);
  await orgRoutes(api, ctx);
  await memberRoutes(api, ctx);
  await rosterRoutes(api, ctx);
  await datasetRoutes(api, ctx);
  await meetingImportRoutes(api, ctx);
  await meetingRoutes(api, ctx);
  await planRoutes(api, ctx);
  await reportRoutes(api, ctx);
  await appraisalRoutes(api, ctx);
  await lifeMeetingRoutes(api, ctx);
  await lifeViewRoutes(api, ctx);
  await trainingRoutes(api, ctx);
  await fundRoutes(api, ctx);
  await complianceRoutes(api, ctx);
  await verdictRoutes(api, ctx);
  await duesRoutes(api, ctx);
  await modelUnitRoutes(api, ctx);
  await rectificationRoutes(api, ctx);
}
