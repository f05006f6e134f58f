import { endOfBeijingDay } from '@dudao/schema/campaign';
import type { Ctx } from '../context';
import { knownSubmissions, submissionFields } from '../known/rows';
import { narrativePrefix } from '../reports/fields';

/** county code → task code → the county's own words on that task. */
export type Narratives = Map<string, Record<string, string>>;

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

/** A month's wording (本月、上月、本周、11月新增、11月末): true of a monthly report, false in a year-end document. */
const MONTH_WORDING = /本月|上月|当月|本周|上周|(?<![\d年])\d{1,2}月(?!以来|\d{1,2}日|\d)/;

export const aboutOneMonth = (sentence: string) => MONTH_WORDING.test(sentence);

/** The narrative without its sentences about one month, which a document quoting it at another date must not repeat. */
export function withoutMonthWording(text: string): string {
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [];
  return sentences
    .filter((s) => !aboutOneMonth(s))
    .join('')
    .trim();
}
