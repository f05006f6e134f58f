import type { IndicatorResult, RollupFigure } from '@dudao/metrics';
import type { CampaignDef, IndicatorDef } from '@dudao/schema/campaign';
import { amountText, countText, daysText, percentText } from './format';

/**
 * How a roll-up figure reads in a summary, per indicator of anhui-2021. Placeholders: {v} the value in its kind's words,
 * {num} and {den} the summed numerator and denominator, {pct} the share. An indicator without a wording here reads
 * '<name><value>', so another campaign still gets every figure.
 */
const wordings: Record<string, string> = {
  t01_dibao_urban: '保障城市低保对象{v}人',
  t01_dibao_rural: '农村低保对象{v}人',
  t01_tekun: '特困人员{v}人',
  t01_special_aid_households: '7月以来低收入家庭获专项救助{v}户',
  t01_disaster_aid_persons: '救助受灾人员{v}人次',
  t02_incapable_identified: '脱贫人口中丧失劳动能力、无法稳定增收{v}人',
  t02_incapable_covered: '其中已纳入低保或特困{num}人，纳入率{pct}',
  t02_single_person_households: '重病重残“单人户”纳入低保{v}人',
  t02_employment_cost_deductions: '落实就业成本扣减{v}户',
  t02_gradual_exit_households: '低保渐退期内{v}户',
  t03_temp_aid_cases: '7月以来实施临时救助{v}人次',
  t03_temp_aid_amount: '发放临时救助金{v}',
  t03_nonlocal_cases: '在急难发生地救助非户籍人员{v}人次',
  t03_advance_aid_cases: '先行救助{v}人次',
  t03_townships_with_reserve: '{num}个乡镇（街道）建立临时救助备用金制度，占{pct}',
  t04_platform_live: '{num}个县（市、区）建成低收入人口动态监测信息平台',
  t04_departments_sharing: '各县（市、区）实现数据共享的部门累计{v}个',
  t04_monitored_persons: '纳入监测低收入人口{v}人',
  t04_warnings_issued: '推送预警信息{v}条',
  t04_warnings_handled: '已核查处置{num}条，处置率{pct}',
  t05_grid_workers: '发挥网格员、信息员{v}名作用',
  t05_hotline_module: '{num}个县（市、区）在12345热线设置社会救助服务模块',
  t05_hotline_orders: '受理热线社会救助工单{v}件',
  t05_hotline_orders_on_time: '按时办结{num}件，按时办结率{pct}',
  t05_green_channel_cases: '为老年人、重度残疾人等办理绿色通道{v}件',
  t06_townships_delegated: '{num}个乡镇（街道）承接低保、特困审核确认权限，占{pct}',
  t06_joint_review: '{num}个县（市、区）建立社会救助联审联批制度',
  t06_avg_processing_days: '低保、特困平均办理时限{v}个工作日',
  t06_over_limit_cases: '超过20个工作日办结{v}件',
  t06_certificates_cancelled: '累计取消证明材料{v}项',
  t07_service_catalog: '{num}个县（市、区）出台政府购买社会救助服务目录清单',
  t07_service_providers: '签约服务机构{v}家',
  t07_persons_served: '为{v}名困难群众提供访视、照料服务',
  t07_purchase_amount: '投入政府购买服务资金{v}',
  t08_residence_permit_open: '{num}个县（市、区）允许持居住证人员在居住地申办',
  t08_residence_permit_applicants: '居住地申办{v}人',
  t08_migrants_included: '农业转移人口纳入城镇救助{v}人',
  t08_unified_rules: '{num}个县（市、区）执行城乡统一的低保、特困认定办法',
  t09_dispersed_tekun: '分散供养特困人员{v}人',
  t09_care_agreements: '其中签订照料服务协议{num}人，签约率{pct}',
  t09_disabled_dispersed: '失能、重度残疾分散供养{v}人',
  t09_home_adaptations: '完成适老化改造{v}户',
  t10_coordinator_coverage: '{den}个村（社区）中{num}个配备社会救助协理员，配备率{pct}',
  t10_station_coverage: '常年救助对象200人以上的{den}个村（社区）中{num}个建成服务站（点），建成率{pct}',
  t10_civil_affairs_coverage: '{num}个村（居）委会明确民政工作负责人，占{pct}',
  t10_full_time_share: '共有社会救助协理员{den}名，其中专职{num}名，占{pct}',
  t10_avg_pay: '协理员月均报酬{v}元',
  t10_stations_per_200: '每200名常年救助对象拥有服务站（点）{v}个',
  t10_eligible_villages: '',
  t10_long_term_recipients: '常年救助对象{v}人',
  t11_publicity_events: '开展政策宣讲活动{v}次',
  t11_materials: '发放口袋书、宣传册{v}份',
  t11_media_reports: '媒体报道{v}篇',
  t11_typical_cases: '总结典型案例{v}个',
};

/** A share named by what it measures, where the indicator's own name is that of its numerator ('其中…人数'). */
const shareNames: Record<string, string> = {
  t02_incapable_covered: '丧失劳动能力脱贫人口兜底纳入率',
  t03_townships_with_reserve: '乡镇（街道）临时救助备用金建立率',
  t04_warnings_handled: '预警信息核查处置率',
  t05_hotline_orders_on_time: '热线工单按时办结率',
  t06_townships_delegated: '乡镇（街道）审核确认权限下放率',
  t09_care_agreements: '分散供养特困人员照料协议签订率',
};

export function displayName(def: IndicatorDef): string {
  return shareNames[def.code] ?? def.name;
}

/** The value of a figure in its indicator's words: shares as percentages, yuan in 万元, days to one decimal. */
export function valueWords(def: IndicatorDef, value: number): string {
  if (def.code === 't10_avg_pay') return value.toFixed(0);
  if (def.code === 't10_stations_per_200') return value.toFixed(2);
  if (def.kind === 'ratio' || def.target?.kind === 'ratio') return percentText(value);
  if (def.kind === 'amount') return amountText(value);
  if (def.kind === 'days') return daysText(value);
  return countText(value);
}

/** One roll-up figure as a clause; null when the figure is unknown (nobody reported it, or its denominator is 0). */
export function figurePhrase(def: IndicatorDef, figure: RollupFigure | undefined): string | null {
  if (!figure || figure.value === null) return null;
  const wording = wordings[def.code];
  if (wording === '') return null;
  if (wording === undefined) return `${displayName(def)}${valueWords(def, figure.value)}`;
  return wording
    .replace('{v}', valueWords(def, figure.value))
    .replace('{num}', countText(figure.numerator ?? 0))
    .replace('{den}', countText(figure.denominator ?? 0))
    .replace('{pct}', percentText(figure.value));
}

/** A county's or a city's figure as a short value, for lists such as '合肥市99.8%'. */
export function shortValue(def: IndicatorDef, figure: Pick<RollupFigure, 'value' | 'numerator' | 'denominator'> | IndicatorResult | undefined): string {
  if (!figure || figure.value === null) return '—';
  if (def.kind === 'bool' && figure.denominator != null) return `${figure.numerator ?? 0}/${figure.denominator}`;
  if (def.kind === 'bool') return figure.value === 1 ? '是' : '否';
  return valueWords(def, figure.value);
}

/** The indicator a task is best summed up by: its first targeted share, else its first target, else its first figure. */
export function keyIndicator(campaign: CampaignDef, task: string): IndicatorDef | undefined {
  const own = campaign.indicators.filter((i) => i.task === task && !i.shownOnly && i.kind !== 'date');
  return own.find((i) => i.target?.kind === 'ratio') ?? own.find((i) => i.target) ?? own[0];
}
