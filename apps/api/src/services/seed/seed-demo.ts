import { users } from '@dudao/schema/tables';
import { withTransaction, type Ctx } from '../context';
import { generateDemo } from '../../demo/generate';
import type { Actor } from '../actor';
import type { LoadProgress } from '../org/load-tree';
import { applyDemoPlan, type SeedActors } from './apply-demo';
import { cutPlanAt } from './cut-plan';
import { demoTreeFromDb } from './demo-tree';
import { seedSummaries } from './seed-summaries';
import { seedVisits } from './seed-visits';

async function actorsFromUsers(ctx: Ctx): Promise<SeedActors> {
  const byName = new Map((await ctx.db.select().from(users).all()).map((u) => [u.username, u]));
  const actor = (username: string): Actor => {
    const u = byName.get(username);
    if (!u) throw new Error(`演示账号 ${username} 不存在`);
    return { id: u.id, label: u.displayName, role: u.role, scopeCode: u.scopeCode };
  };
  return { clerk: (c) => actor(`county${c}`), officer: (c) => actor(`city${c}`), admin: actor('admin') };
}

/** Seeds the campaign history for the counties under `scope` ('' = the whole country) up to the clock instant `until`. */
export async function seedDemo(
  ctx: Ctx<'campaign'>,
  scope: string,
  until: string,
  progress?: LoadProgress,
): Promise<void> {
  const tree = await demoTreeFromDb(ctx, scope);
  const plan = cutPlanAt(generateDemo(tree, ctx.campaign), until);
  const cityOf = new Map(tree.counties.map((c) => [c.code, c.cityCode]));
  progress?.start(tree.counties.length);
  const actors = await actorsFromUsers(ctx);
  await applyDemoPlan(ctx, plan, cityOf, actors, { tick: () => progress?.tick(1) });
  progress?.stop();
  await withTransaction(ctx, [], (ctx) => seedVisits(ctx, actors, until));
  if (scope !== '') await seedSummaries(ctx, actors, until);
}
