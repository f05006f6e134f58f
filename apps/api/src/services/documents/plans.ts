import type { IndicatorResult } from '@dudao/metrics';
import type { IndicatorDef } from '@dudao/schema/campaign';
import { paragraph, type Block } from './content';
import { chineseNumber } from './format';
import { firstSentence } from './narratives';
import { displayName, shortValue } from './phrases';
import { normalised, type Written } from './shared-practice';
import { pickNarratives, quote, type Quoted } from './tasks';
import type { ScopeView } from './view';

interface Area {
  title: string;
  tasks: string[];
  aim: string;
}

/** 下一步打算 has a fixed shape, one part per area of the long-term mechanism the plan's 四、组织保障 asks for. */
const areas: Area[] = [
  { title: '持续加强基层社会救助经办能力', tasks: ['T10'], aim: '巩固村级社会救助协理员和服务站（点）建设成果，合理确定协理员薪酬待遇，推动协理员队伍专职化、规范化' },
  { title: '健全动态监测和主动发现机制', tasks: ['T04', 'T05'], aim: '完善低收入人口动态监测信息平台和部门数据共享，畅通12345热线等求助渠道，做到及时发现、快速响应' },
  { title: '深化社会救助“放管服”改革', tasks: ['T06'], aim: '全面落实审核确认权限下放和联审联批制度，将低保、特困办理时限稳定压缩在20个工作日以内' },
  { title: '提升兜底保障和服务类救助水平', tasks: ['T01', 'T02', 'T03', 'T07', 'T08', 'T09'], aim: '确保丧失劳动能力的脱贫人口应保尽保，扩大政府购买社会救助服务，做实分散供养特困人员照料服务' },
  { title: '加大政策宣传和经验总结力度', tasks: ['T11'], aim: '持续开展政策宣讲，总结推广典型案例和创新做法，营造良好舆论氛围' },
];

const MAX_NAMES = 8;

/** Short of the full target by the metrics' own judgement: not green, or scored below 100. */
function isGap(result: IndicatorResult | undefined): boolean {
  if (!result || result.status === null || result.status === 'pending') return false;
  return result.status !== 'green' || (result.score !== null && result.score < 100 - 1e-9);
}

function gapText(def: IndicatorDef, result: IndicatorResult): string {
  if (result.status === 'missing') return '缺报';
  if (def.kind === 'bool') return '未落实';
  const value = shortValue(def, result);
  return def.kind === 'count' && !def.unit && value !== '—' ? `${value}${countWord(def.name)}` : value;
}

/** The measure word a count of the indicator's name takes: '实现数据共享的部门数' → 6个, '签约服务机构数' → 0家. */
function countWord(name: string): string {
  if (name.endsWith('人数')) return '人';
  if (name.endsWith('件数')) return '件';
  if (name.endsWith('户数')) return '户';
  if (name.endsWith('机构数')) return '家';
  return '个';
}

/** '超过20个工作日办结件数' (at most 0) reads as the problem itself: '超过20个工作日办结的有禹会区1件'. */
function upperCount(def: IndicatorDef): { subject: string; unit: string } | null {
  if (def.target?.kind !== 'upper' || def.kind !== 'count') return null;
  return { subject: def.name.replace(/件数$|人数$|数$/, ''), unit: def.unit ?? (def.name.endsWith('人数') ? '人' : '件') };
}

function gapSentence(view: ScopeView, def: IndicatorDef): string | null {
  const short = view.counties.filter((c) => isGap(c.indicators[def.code]));
  if (short.length === 0) return null;
  const more = short.length > MAX_NAMES ? `等${short.length}个县（市、区）` : '';
  const upper = upperCount(def);
  if (upper) {
    const names = short.slice(0, MAX_NAMES).map((c) => {
      const r = c.indicators[def.code]!;
      return r.status === 'missing' || r.value === null ? `${view.label(c)}（缺报）` : `${view.label(c)}${shortValue(def, r)}${upper.unit}`;
    });
    return `${upper.subject}的有${names.join('、')}${more}`;
  }
  const names = short.slice(0, MAX_NAMES).map((c) => `${view.label(c)}（${gapText(def, c.indicators[def.code]!)}）`);
  return `${displayName(def)}未达到目标要求的有${names.join('、')}${more}`;
}

function areaParagraph(view: ScopeView, area: Area, index: number, quoted: Quoted, written: Written): Block {
  const defs = view.snapshot.campaign.indicators.filter((d) => area.tasks.includes(d.task) && d.target && !d.shownOnly && d.kind !== 'date');
  const gaps = defs.map((d) => gapSentence(view, d)).filter((s): s is string => s !== null);
  const status = gaps.length > 0 ? `目前，${gaps.join('；')}，要逐县列出清单、限期整改到位。` : `目前${view.word}相关指标均已达到目标要求，要巩固成果、防止反弹。`;
  const example = area.tasks.map((t) => pickNarratives(view, t, quoted, 1)[0]).find((n) => n !== undefined);
  const sentence = example ? firstSentence(example.text) : '';
  // A practice already written under 主要做法和成效 is not offered again as the one to copy.
  const fresh = example && !written.has(normalised(sentence, example.county));
  if (fresh) written.add(normalised(sentence, example.county));
  const learn = fresh ? `要总结推广先进经验，如${quote(view, example.county, sentence)}` : '';
  return paragraph(`${view.word}将${area.aim}。${status}${learn}`, { level: 2, text: `（${chineseNumber(index + 1)}）${area.title}。` });
}

/** 四、下一步打算: each area's aim, the counties still short of it by name, and a county's practice worth copying. */
export function planBlocks(view: ScopeView, quoted: Quoted = new Map(), written: Written = new Set()): Block[] {
  const blocks = areas.map((area, i) => areaParagraph(view, area, i, quoted, written));
  blocks.push(
    paragraph(
      `将行动中形成的有效做法固化为制度，建立定期调度、督导通报和问题整改销号机制，把社会救助便民惠民各项措施纳入民政重点工作综合评估，推动由阶段性行动向常态化长效机制转变。`,
      { level: 2, text: `（${chineseNumber(areas.length + 1)}）建立健全长效机制。` },
    ),
  );
  return blocks;
}
