import { addDays } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { mulberry32, shuffled } from '../../demo/rng';
import { summaryDue } from '../known/read';
import { listUnits } from '../org/units';
import { generateDocument } from '../documents/generate';
import { storeDocument } from '../documents/stored';
import { submitCitySummary } from '../summaries/submissions';
import type { SeedActors } from './apply-demo';

/**
 * December: most cities generate their summary from the data of the day and submit it by 12-15,
 * a couple submit a few days late and one or two not at all, so the summary gate shows every state — each only once the clock (`until`) has reached it.
 */
export async function seedSummaries(
  ctx: Ctx<'campaign'>,
  actors: SeedActors,
  until: string,
  seed = 2021,
): Promise<void> {
  const { campaign } = ctx;
  const due = summaryDue(campaign);
  const rng = mulberry32(seed + 1215);
  const cities = shuffled(
    rng,
    (await listUnits(ctx, { level: 'city' })).filter((c) => c.code.startsWith(campaign.province)),
  );
  // The first city in the drawn order never submits, the next two are late, the rest are on time.
  for (const [i, city] of cities.entries()) {
    if (i === 0) continue;
    const day = i <= 2 ? addDays(due, 1 + Math.floor(rng() * 5)) : addDays(due, -Math.floor(rng() * 6));
    const at = new Date(`${day}T16:30:00+08:00`).toISOString();
    if (at > until) continue;
    const officer = { ...ctx, actor: actors.officer(city.code) };
    const built = await generateDocument(ctx, 'city', city.code, day);
    const doc = await storeDocument(officer, 'city', city.code, day, built, at);
    await submitCitySummary(officer, doc.id, at);
  }
}
