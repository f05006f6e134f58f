import type { IndicatorResult } from '@dudao/metrics';
import type { CampaignDef, IndicatorDef, PlanArea } from '@dudao/schema/campaign';
import { paragraph, type Block } from './content';
import { chineseNumber } from './format';
import { firstSentence } from './narratives';
import { displayName, shortValue } from './phrases';
import { normalised, type Written } from './shared-practice';
import { pickNarratives, quote, type Quoted } from './tasks';
import type { ScopeView } from './view';

const MAX_NAMES = 8;

/** Short of the full target by the metrics' own judgement: not green, or scored below 100. */
function isGap(result: IndicatorResult | undefined): boolean {
  if (!result || result.status === null || result.status === 'pending') return false;
  return result.status !== 'green' || (result.score !== null && result.score < 100 - 1e-9);
}

function gapText(campaign: CampaignDef, def: IndicatorDef, result: IndicatorResult): string {
  if (result.status === 'missing') return '缺报';
  if (def.kind === 'bool') return '未落实';
  const value = shortValue(campaign, def, result);
  // A share ('88.3%') takes no measure word; only a bare count does ('6个').
  return def.kind === 'count' && !def.unit && /\d$/.test(value) ? `${value}${countWord(def.name)}` : value;
}

/** The measure word a count of the indicator's name takes: '实现数据共享的部门数' → 6个, '签约服务机构数' → 0家. */
function countWord(name: string): string {
  if (name.endsWith('人数')) return '人';
  if (name.endsWith('件数')) return '件';
  if (name.endsWith('户数')) return '户';
  if (name.endsWith('机构数')) return '家';
  if (name.endsWith('次数')) return '次';
  return '个';
}

/** '超过20个工作日办结件数' (at most 0) reads as the problem itself: '超过20个工作日办结的有禹会区1件'. */
function upperCount(def: IndicatorDef): { subject: string; unit: string } | null {
  if (def.target?.kind !== 'upper' || def.kind !== 'count') return null;
  return {
    subject: def.name.replace(/件数$|人数$|数$/, ''),
    unit: def.unit ?? (def.name.endsWith('人数') ? '人' : '件'),
  };
}

function gapSentence(view: ScopeView, def: IndicatorDef): string | null {
  const { campaign } = view.snapshot;
  const short = view.counties.filter((c) => isGap(c.indicators[def.code]));
  if (short.length === 0) return null;
  const more = short.length > MAX_NAMES ? `等${short.length}个县（市、区）` : '';
  const upper = upperCount(def);
  if (upper) {
    const names = short.slice(0, MAX_NAMES).map((c) => {
      const r = c.indicators[def.code]!;
      return r.status === 'missing' || r.value === null
        ? `${view.label(c)}（缺报）`
        : `${view.label(c)}${shortValue(campaign, def, r)}${upper.unit}`;
    });
    return `${upper.subject}的有${names.join('、')}${more}`;
  }
  // A figure follows the name directly ('禹会区88.3%'): bracketed, '（88.3%）、' is one unbreakable run that leaves the
  // line before it stretched; a word stays bracketed ('（缺报）').
  const names = short.slice(0, MAX_NAMES).map((c) => {
    const gap = gapText(campaign, def, c.indicators[def.code]!);
    return /\d/.test(gap) ? `${view.label(c)}${gap}` : `${view.label(c)}（${gap}）`;
  });
  return `${displayName(campaign, def)}未达到目标要求的有${names.join('、')}${more}`;
}

function areaParagraph(view: ScopeView, area: PlanArea, index: number, quoted: Quoted, written: Written): Block {
  const defs = view.snapshot.campaign.indicators.filter(
    (d) => area.tasks.includes(d.task) && d.target && !d.shownOnly && d.kind !== 'date',
  );
  const gaps = defs.map((d) => gapSentence(view, d)).filter((s): s is string => s !== null);
  const status =
    gaps.length > 0
      ? `目前，${gaps.join('；')}，要逐县列出清单、限期整改到位。`
      : `目前${view.word}相关指标均已达到目标要求，要巩固成果、防止反弹。`;
  const example = area.tasks.map((t) => pickNarratives(view, t, quoted, 1)[0]).find((n) => n !== undefined);
  const sentence = example ? firstSentence(example.text) : '';
  // A practice already written under 主要做法和成效 is not offered again as the one to copy.
  const fresh = example && !written.has(normalised(sentence, example.county));
  if (fresh) written.add(normalised(sentence, example.county));
  const learn = fresh ? `要总结推广先进经验，如${quote(view, example.county, sentence)}` : '';
  return paragraph(`${view.word}将${area.aim}。${status}${learn}`, {
    level: 2,
    text: `（${chineseNumber(index + 1)}）${area.title}。`,
  });
}

/**
 * 下一步打算: one part per area of the long-term mechanism the definition names (its aim, the counties still short of it by
 * name, a county's practice worth copying), then the definition's closing part on lasting mechanisms.
 */
export function planBlocks(view: ScopeView, quoted: Quoted = new Map(), written: Written = new Set()): Block[] {
  const { areas, lasting } = view.snapshot.campaign.documents.plans;
  const blocks = areas.map((area, i) => areaParagraph(view, area, i, quoted, written));
  blocks.push(paragraph(lasting.text, { level: 2, text: `（${chineseNumber(areas.length + 1)}）${lasting.title}。` }));
  return blocks;
}
