import type { CountyStatus } from '@dudao/metrics';
import type { TaskDef } from '@dudao/schema/campaign';
import { heading, paragraph, type Block } from './content';
import { chineseNumber } from './format';
import { citedParagraphs, type Written } from './shared-practice';
import { displayName, figurePhrase, keyIndicator, shortValue } from './phrases';
import { countiesWord, type ScopeView } from './view';

/** How often each county has been quoted so far, so one good county does not speak for every task. */
export type Quoted = Map<string, number>;

/** Narratives of counties the metrics allow to be cited for the task (DOMAIN Reports), the least quoted first. */
export function pickNarratives(
  view: ScopeView,
  task: string,
  quoted: Quoted,
  limit: number,
): { county: CountyStatus; text: string }[] {
  const { narratives } = view.snapshot;
  const candidates = view.counties
    .map((county) => ({ county, text: narratives.get(county.code)?.[task] }))
    .filter(
      (c): c is { county: CountyStatus; text: string } => Boolean(c.text) && c.county.exemplarTasks.includes(task),
    )
    .sort(
      (a, b) =>
        (quoted.get(a.county.code) ?? 0) - (quoted.get(b.county.code) ?? 0) ||
        (b.county.taskScores[task] ?? -1) - (a.county.taskScores[task] ?? -1) ||
        a.county.rankInProvince - b.county.rankInProvince,
    );
  const picked: { county: CountyStatus; text: string }[] = [];
  const cities = new Set<string>();
  for (const c of candidates) {
    if (picked.length >= limit) break;
    // The province quotes counties of different cities.
    if (view.level === 'province' && cities.has(c.county.cityCode)) continue;
    picked.push(c);
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

function figuresParagraph(view: ScopeView, task: TaskDef): Block | null {
  const defs = view.snapshot.campaign.indicators.filter((i) => i.task === task.code && i.kind !== 'date');
  const phrases = defs
    .map((def) => figurePhrase(view.snapshot.campaign, def, view.figures[def.code]))
    .filter((p): p is string => p !== null);
  if (phrases.length === 0) return null;
  const reporting = Math.min(
    ...defs
      .map((d) => view.figures[d.code])
      .filter((f) => f && f.value !== null)
      .map((f) => f!.countiesReporting),
  );
  const note = reporting < view.counties.length ? `（据已报送数据的${countiesWord(reporting)}统计）` : '';
  return paragraph(`${view.word}${phrases.join('，')}${note}。`);
}

/** 分市看: each city's figure of the task's key indicator, best first. */
function cityLine(view: ScopeView, task: TaskDef): Block | null {
  const def = keyIndicator(view.snapshot.campaign, task.code);
  if (!def) return null;
  const cities = [...view.snapshot.status.cities].sort(
    (a, b) => (b.figures[def.code]?.value ?? -1) - (a.figures[def.code]?.value ?? -1),
  );
  const parts = cities.map((c) => `${c.name}${shortValue(view.snapshot.campaign, def, c.figures[def.code])}`);
  return paragraph(`分市看，${displayName(view.snapshot.campaign, def)}：${parts.join('，')}。`);
}

/** 二、主要做法和成效: one part per task, its figures, then in the counties' own words. */
export function taskBlocks(view: ScopeView, quoted: Quoted = new Map(), written: Written = new Set()): Block[] {
  const blocks: Block[] = [];
  view.snapshot.campaign.tasks.forEach((task, i) => {
    blocks.push(heading(2, `（${chineseNumber(i + 1)}）${task.name}`));
    const figures = figuresParagraph(view, task);
    if (figures) blocks.push(figures);
    if (view.level === 'province') {
      const line = cityLine(view, task);
      if (line) blocks.push(line);
    }
    const cited = pickNarratives(view, task.code, quoted, view.level === 'province' ? 3 : 2);
    for (const text of citedParagraphs(cited, view.label, written)) blocks.push(paragraph(text));
  });
  return blocks;
}
