import { withoutMonthWording, type Narratives } from '@dudao/documents';
import { endOfBeijingDay } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { knownSubmissions, submissionFields } from '../known/rows';
import { narrativePrefix } from '../reports/fields';

/** The narratives of each county's newest report known at the end of `asOf`: the same submission its figures come from. */
export async function knownNarratives(ctx: Ctx<'campaign'>, scope: string, asOf: string): Promise<Narratives> {
  const { campaign } = ctx;
  const newest = (await knownSubmissions(ctx, scope, endOfBeijingDay(asOf))).newest;
  const fields = await submissionFields(
    ctx,
    [...newest.values()].map((s) => s.id),
  );
  const out: Narratives = new Map();
  for (const [county, submission] of newest) {
    const values = fields.get(submission.id) ?? {};
    const texts: Record<string, string> = {};
    for (const task of campaign.tasks) {
      const text = withoutMonthWording(values[`${narrativePrefix}${task.code}`]?.trim() ?? '');
      if (text) texts[task.code] = text;
    }
    out.set(county, texts);
  }
  return out;
}
