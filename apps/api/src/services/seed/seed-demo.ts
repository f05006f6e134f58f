import type { CampaignDef } from '@dudao/schema/campaign';
import { users } from '@dudao/schema/tables';
import type { Db } from '../../db/client';
import { generateDemo } from '../../demo/generate';
import type { Actor } from '../actor';
import type { LoadProgress } from '../org/load-tree';
import { applyDemoPlan, type SeedActors } from './apply-demo';
import { cutPlanAt } from './cut-plan';
import { demoTreeFromDb } from './demo-tree';
import { seedSummaries } from './seed-summaries';
import { seedVisits } from './seed-visits';

function actorsFromUsers(db: Db): SeedActors {
  const byName = new Map(db.select().from(users).all().map((u) => [u.username, u]));
  const actor = (username: string): Actor => {
    const u = byName.get(username);
    if (!u) throw new Error(`演示账号 ${username} 不存在`);
    return { id: u.id, label: u.displayName, role: u.role, scopeCode: u.scopeCode };
  };
  return { clerk: (c) => actor(`county${c}`), officer: (c) => actor(`city${c}`), admin: actor('admin') };
}

/** Seeds the campaign history for the counties under `scope` ('' = the whole country) up to the clock instant `until`. */
export async function seedDemo(db: Db, campaign: CampaignDef, scope: string, until: string, progress?: LoadProgress): Promise<void> {
  const tree = demoTreeFromDb(db, scope);
  const plan = cutPlanAt(generateDemo(tree, campaign), until);
  const cityOf = new Map(tree.counties.map((c) => [c.code, c.cityCode]));
  progress?.start(tree.counties.length);
  const actors = actorsFromUsers(db);
  applyDemoPlan(db, campaign, plan, cityOf, actors, { tick: () => progress?.tick(1) });
  progress?.stop();
  db.transaction((tx) => seedVisits(tx, campaign, actors, until));
  if (scope !== '') await seedSummaries(db, campaign, actors, until);
}
