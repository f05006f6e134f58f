import { addDays } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { mulberry32 } from '../../demo/rng';
import { visitTexts } from '../../demo/visits';
import { supervisionStart } from '../known/read';
import { provinceStatusAt } from '../known/status-at';
import { addItem, closeItem, recordVisit } from '../supervision/visits';
import type { SeedActors } from './apply-demo';

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

/**
 * November supervision follows from the data: the counties lagging on the stage's first day are visited,
 * most within November, a few in December (m4 late), a few never (m4 overdue); nothing after the clock instant `until`.
 */
export async function seedVisits(
  ctx: Ctx<'campaign'>,
  actors: SeedActors,
  until: string,
  seed = 2021,
): Promise<number> {
  const start = supervisionStart(ctx.campaign);
  if (start === null) return 0;
  const lagging = (await provinceStatusAt(ctx, start)).counties.filter((c) => c.lagging);
  const rng = mulberry32(seed + 1101);
  for (const county of lagging) {
    const roll = rng();
    if (roll >= 0.92) continue;
    const visitedOn =
      roll < 0.82 ? addDays(start, 2 + Math.floor(rng() * 26)) : addDays(start, 31 + Math.floor(rng() * 9));
    const texts = visitTexts(county.name, rng);
    const officer = { ...ctx, actor: actors.officer(county.cityCode) };
    // The draws happen whether or not the clock has reached a write, so the visits before it stay the same.
    const visit =
      at(visitedOn, 18) <= until
        ? await recordVisit(
            officer,
            { countyCode: county.code, visitedOn, byLevel: 'city', visitors: texts.visitors, findings: texts.findings },
            at(visitedOn, 18),
          )
        : null;
    for (const [i, item] of texts.items.entries()) {
      const created = visit
        ? await addItem(
            officer,
            {
              visitId: visit.id,
              description: item.description,
              owner: item.owner,
              dueOn: addDays(visitedOn, 20 + i * 5),
            },
            at(visitedOn, 19),
          )
        : null;
      const closedAt = rng() < 0.5 ? at(addDays(visitedOn, 10 + Math.floor(rng() * 15)), 10) : null;
      if (created && closedAt && closedAt <= until)
        await closeItem(
          officer,
          { itemId: created.id, evidence: '已完成整改，佐证材料（整改报告、照片）已上传市局存档。' },
          closedAt,
        );
    }
  }
  return lagging.length;
}
