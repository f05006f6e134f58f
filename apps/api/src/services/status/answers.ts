import type { StatusResult } from '@dudao/metrics';
import { resolveAsOf } from '../clock/clock';
import { campaignOn } from '../campaign/registry';
import { provinceStatusAt } from '../known/status-at';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { countyOf, overviewOf, type CountyAnswer, type Overview, type Page } from './shapes';

// A shape is cut once per metrics answer: while the answer object is unchanged (no write reached its day), every reader
// gets the same shaped object, which the HTTP layer then serializes and compresses once (see server/compress.ts).
const overviews = new WeakMap<StatusResult, Map<string, Overview>>();
const counties = new WeakMap<StatusResult, Map<string, CountyAnswer>>();

/** The metrics answer at `asOf` (today when left out), judged by the campaign version in force that day. */
async function answerAt(ctx: Ctx<'campaign'>, asOf: string | undefined) {
  const day = await resolveAsOf(ctx, asOf);
  const campaign = await campaignOn(ctx, ctx.campaign.code, day);
  return { answer: await provinceStatusAt({ ...ctx, campaign }, day), campaign };
}

function filed<T extends object>(
  store: WeakMap<StatusResult, Map<string, T>>,
  answer: StatusResult,
  key: string,
  make: () => T,
): T {
  const shapes = store.get(answer) ?? new Map<string, T>();
  store.set(answer, shapes);
  const found = shapes.get(key);
  if (found) return found;
  const made = make();
  shapes.set(key, made);
  return made;
}

export async function statusOverview(
  ctx: Ctx<'campaign'>,
  input: { asOf?: string; unit: string } & Page,
): Promise<Overview> {
  const { answer, campaign } = await answerAt(ctx, input.asOf);
  const known =
    input.unit === answer.province.code ||
    answer.cities.some((c) => c.code === input.unit) ||
    answer.counties.some((c) => c.code === input.unit);
  if (!known) throw new DomainError('not_found', `没有代码为 ${input.unit} 的单位`);
  return filed(overviews, answer, `${input.unit}|${input.offset}|${input.limit}`, () =>
    overviewOf(answer, campaign, input.unit, input),
  );
}

export async function statusCounty(ctx: Ctx<'campaign'>, input: { asOf?: string; code: string }) {
  const { answer } = await answerAt(ctx, input.asOf);
  const found = filed(counties, answer, input.code, () => countyOf(answer, input.code) ?? ({} as CountyAnswer));
  if (!found.county) throw new DomainError('not_found', `没有代码为 ${input.code} 的县级单位`);
  return found;
}
