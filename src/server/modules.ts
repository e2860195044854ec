/** Every capability's routes, mounted under /api/v1. Each module adds its line here. */
import authRoutes from '../modules/auth/routes.ts';
import datasetRoutes from '../modules/dataset/routes.ts';
import memberRoutes from '../modules/members/routes.ts';
import rosterRoutes from '../modules/roster/routes.ts';
import type { App, AppContext } from './context.ts';

export async function registerModules(api: App, ctx: AppContext) {
  await authRoutes(api, ctx);
  await memberRoutes(api, ctx);
  await rosterRoutes(api, ctx);
  await datasetRoutes(api, ctx);
}
