import { bestAndLast, pointsChange, type CountyStatus } from '@dudao/metrics';
import type { Achievement } from '@dudao/schema/campaign';
import { heading, paragraph, type Block } from '../content';
import { chineseDate, chineseNumber } from './format';
import { citedParagraphs, sentences, type Written } from './shared-practice';
import { figurePhrase, shortValue } from './phrases';
import { countiesWord, joinNames, type ScopeView } from './view';

/** How often each county has been quoted so far, so one good county does not speak for every point. */
export type Quoted = Map<string, number>;

/** Narratives of counties the metrics allow to be cited for one of the tasks (DOMAIN Reports), the least quoted first. */
export function pickNarratives(
  view: ScopeView,
  tasks: string | string[],
  quoted: Quoted,
  limit: number,
): { county: CountyStatus; text: string }[] {
  const { narratives } = view.snapshot;
  const codes = typeof tasks === 'string' ? [tasks] : tasks;
  const candidates = codes
    .flatMap((task) => view.counties.map((county) => ({ county, task, text: narratives.get(county.code)?.[task] })))
    .filter(
      (c): c is { county: CountyStatus; task: string; text: string } =>
        Boolean(c.text) && c.county.exemplarTasks.includes(c.task),
    )
    .sort(
      (a, b) =>
        (quoted.get(a.county.code) ?? 0) - (quoted.get(b.county.code) ?? 0) ||
        (b.county.taskScores[b.task] ?? -1) - (a.county.taskScores[a.task] ?? -1) ||
        a.county.rankInProvince - b.county.rankInProvince,
    );
  const picked: { county: CountyStatus; text: string }[] = [];
  const cities = new Set<string>();
  for (const c of candidates) {
    if (picked.length >= limit) break;
    if (picked.some((p) => p.county.code === c.county.code)) continue;
    // The province quotes counties of different cities.
    if (view.level === 'province' && cities.has(c.county.cityCode)) continue;
    picked.push({ county: c.county, text: c.text });
    cities.add(c.county.cityCode);
    quoted.set(c.county.code, (quoted.get(c.county.code) ?? 0) + 1);
  }
  return picked;
}

/** A narrative begins with its county's name; the province's document puts the city in front. */
export function quote(view: ScopeView, county: CountyStatus, text: string): string {
  if (view.level === 'city') return text;
  return text.startsWith(county.name)
    ? `${view.label(county).slice(0, -county.name.length)}${text}`
    : `${view.label(county)}：${text}`;
}

/** '，较行动开展初期提高16.7个百分点' for the key rate, from the status when the first reports were due. */
function changeClause(view: ScopeView, code: string): string {
  const { baseline, campaign } = view.snapshot;
  const now = view.figures[code]?.value;
  if (!baseline || now == null) return '';
  const scope =
    view.level === 'city' ? baseline.cities.find((c) => c.code === view.code)?.figures : baseline.province.figures;
  const before = scope?.[code]?.value;
  if (before == null) return '';
  const points = pointsChange(now, before);
  if (points === 0) return '';
  const word = campaign.documents.assessment.sinceStart;
  return `，${word}${points > 0 ? '提高' : '下降'}${Math.abs(points).toFixed(1).replace(/\.0$/, '')}个百分点`;
}

function figuresParagraph(view: ScopeView, point: Achievement): Block | null {
  const { campaign } = view.snapshot;
  const phrases = point.figures
    .map((code) => {
      const def = campaign.indicators.find((d) => d.code === code)!;
      const phrase = figurePhrase(campaign, def, view.figures[code]);
      return phrase && code === point.key ? `${phrase}${changeClause(view, code)}` : phrase;
    })
    .filter((p): p is string => p !== null);
  if (phrases.length === 0) return null;
  const reporting = Math.min(
    ...point.figures
      .map((c) => view.figures[c])
      .filter((f) => f && f.value !== null)
      .map((f) => f!.countiesReporting),
  );
  const note = reporting < view.counties.length ? `（据已报送数据的${countiesWord(reporting)}统计）` : '';
  return paragraph(
    `${view.word}${phrases.join('，')}${note}。${view.level === 'province' ? cityLine(view, point) : ''}`,
  );
}

/** The province names the best and the last city on the point's key rate, not every city. */
function cityLine(view: ScopeView, point: Achievement): string {
  if (!point.key) return '';
  const { campaign, status } = view.snapshot;
  const def = campaign.indicators.find((d) => d.code === point.key)!;
  const units = status.cities.map((c) => ({
    code: c.code,
    name: c.name,
    value: c.figures[def.code]?.value ?? null,
    f: c.figures[def.code],
  }));
  const { best, last } = bestAndLast(units);
  if (best.length === 0 || last.length === 0) return '';
  const names = (us: typeof units) => (us.length > 3 ? `${us.length}个市` : joinNames(us.map((u) => u.name)));
  const value = (us: typeof units) => shortValue(campaign, def, us[0]!.f);
  return `分市看，${names(best)}${best.length > 1 ? '均' : ''}为${value(best)}，${names(last)}${last.length > 1 ? '均' : ''}为${value(last)}。`;
}

/** 二、主要做法和成效: one evaluative point per group of tasks the definition names, its figures, one county's practice. */
export function taskBlocks(view: ScopeView, quoted: Quoted = new Map(), written: Written = new Set()): Block[] {
  const blocks: Block[] = [];
  view.snapshot.campaign.documents.achievements.forEach((point) => {
    const own: Block[] = [];
    const figures = figuresParagraph(view, point);
    if (figures) own.push(figures);
    // The province's summary to the ministry names cities, not counties: the counties' own practices are the cities' to cite.
    if (view.level === 'city') {
      // A practice in two sentences at most: a summary cites, it does not reprint.
      const cited = pickNarratives(view, point.tasks, quoted, 1).map((c) => ({
        ...c,
        text: sentences(c.text).slice(0, 2).join(''),
      }));
      for (const text of citedParagraphs(cited, (c) => view.label(c), written)) own.push(paragraph(text));
    }
    // A point with nothing known yet is not written (its heading would promise what the text cannot say).
    if (own.length > 0)
      blocks.push(
        heading(2, `（${chineseNumber(blocks.filter((b) => b.kind === 'heading').length + 1)}）${point.heading}`),
        ...own,
      );
  });
  if (blocks.length === 0)
    blocks.push(paragraph(`截至${chineseDate(view.snapshot.asOf)}，${view.word}各县（市、区）尚无报送数据。`));
  return blocks;
}
