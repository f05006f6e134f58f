import type { CampaignDef, IndicatorDef, Target } from './types';

const DEADLINE = '2021-10-31';

function report(
  code: string,
  task: string,
  name: string,
  kind: IndicatorDef['kind'],
  accumulation?: 'stock' | 'flow',
  target?: Target,
  extra: Partial<IndicatorDef> = {},
): IndicatorDef {
  return { code, task, name, kind, ...(accumulation ? { accumulation } : {}), source: 'report', ...(target ? { target } : {}), ...extra };
}

const coverOf = (indicator: string): Target => ({ kind: 'ratio', denominator: { indicator }, share: 1, deadline: DEADLINE });
const coverTownships: Target = { kind: 'ratio', denominator: { orgCount: 'townships' }, share: 1, deadline: DEADLINE };
const handledShare = (indicator: string): Target => ({ kind: 'ratio', denominator: { indicator }, share: 0.95, deadline: null });
const trueBy: Target = { kind: 'threshold', min: 1, deadline: DEADLINE };
const villageCoverage: Target = { kind: 'ratio', denominator: { orgCount: 'villages' }, share: 1, deadline: DEADLINE };

const indicators: IndicatorDef[] = [
  report('s1_plan_issued_on', 'S1', '县级实施方案印发日期', 'date', undefined, { kind: 'date_by', deadline: '2021-07-15' }),

  report('t01_dibao_urban', 'T01', '城市低保对象人数', 'count', 'stock'),
  report('t01_dibao_rural', 'T01', '农村低保对象人数', 'count', 'stock'),
  report('t01_tekun', 'T01', '特困人员人数', 'count', 'stock'),
  report('t01_special_aid_households', 'T01', '低收入家庭获专项救助户数', 'count', 'flow'),
  report('t01_disaster_aid_persons', 'T01', '受灾人员救助人次', 'count', 'flow'),

  report('t02_incapable_identified', 'T02', '脱贫人口中丧失劳动能力、无法稳定增收人数', 'count', 'stock'),
  report('t02_incapable_covered', 'T02', '其中已纳入低保或特困人数', 'count', 'stock', coverOf('t02_incapable_identified')),
  report('t02_single_person_households', 'T02', '重病重残"单人户"纳入低保人数', 'count', 'flow'),
  report('t02_employment_cost_deductions', 'T02', '落实就业成本扣减户数', 'count', 'flow'),
  report('t02_gradual_exit_households', 'T02', '低保渐退期内户数', 'count', 'stock'),

  report('t03_temp_aid_cases', 'T03', '临时救助人次', 'count', 'flow'),
  report('t03_temp_aid_amount', 'T03', '临时救助金额（元）', 'amount', 'flow', undefined, { unit: '元' }),
  report('t03_nonlocal_cases', 'T03', '急难发生地（非户籍地）救助人次', 'count', 'flow'),
  report('t03_advance_aid_cases', 'T03', '先行救助人次', 'count', 'flow'),
  report('t03_townships_with_reserve', 'T03', '建立临时救助备用金的乡镇（街道）数', 'count', 'stock', coverTownships),

  report('t04_platform_live', 'T04', '低收入人口动态监测信息平台建成', 'bool', undefined, trueBy),
  report('t04_departments_sharing', 'T04', '实现数据共享的部门数', 'count', 'stock', { kind: 'threshold', min: 8, deadline: DEADLINE }),
  report('t04_monitored_persons', 'T04', '纳入监测的低收入人口数', 'count', 'stock'),
  report('t04_warnings_issued', 'T04', '预警信息数', 'count', 'flow'),
  report('t04_warnings_handled', 'T04', '已核查处置预警数', 'count', 'flow', handledShare('t04_warnings_issued')),

  report('t05_grid_workers', 'T05', '网格员、信息员人数', 'count', 'stock'),
  report('t05_hotline_module', 'T05', '12345热线设置社会救助服务模块', 'bool', undefined, trueBy),
  report('t05_hotline_orders', 'T05', '热线社会救助工单数', 'count', 'flow'),
  report('t05_hotline_orders_on_time', 'T05', '按时办结工单数', 'count', 'flow', handledShare('t05_hotline_orders')),
  report('t05_green_channel_cases', 'T05', '绿色通道办理件数（60岁以上老人、重度残疾人等）', 'count', 'flow'),

  report('t06_townships_delegated', 'T06', '审核确认权限下放的乡镇（街道）数', 'count', 'stock', coverTownships),
  report('t06_joint_review', 'T06', '建立社会救助联审联批制度', 'bool', undefined, trueBy),
  report('t06_avg_processing_days', 'T06', '低保、特困平均办理时限（工作日）', 'days', undefined, { kind: 'upper', max: 20 }, { range: { min: 0, max: 120 }, unit: '工作日' }),
  report('t06_over_limit_cases', 'T06', '超过20个工作日办结件数', 'count', 'flow', { kind: 'upper', max: 0 }),
  report('t06_certificates_cancelled', 'T06', '取消证明材料项数', 'count', 'stock'),

  report('t07_service_catalog', 'T07', '出台政府购买社会救助服务目录清单', 'bool', undefined, trueBy),
  report('t07_service_providers', 'T07', '签约服务机构数', 'count', 'stock', { kind: 'threshold', min: 1, deadline: DEADLINE }),
  report('t07_persons_served', 'T07', '获得访视、照料服务人数', 'count', 'flow'),
  report('t07_purchase_amount', 'T07', '政府购买服务资金（元）', 'amount', 'flow', undefined, { unit: '元' }),

  report('t08_residence_permit_open', 'T08', '持居住证人员可在居住地申办', 'bool'),
  report('t08_residence_permit_applicants', 'T08', '居住地申办人数', 'count', 'flow'),
  report('t08_migrants_included', 'T08', '农业转移人口纳入城镇救助人数', 'count', 'flow'),
  report('t08_unified_rules', 'T08', '执行城乡统一的低保、特困认定办法', 'bool', undefined, trueBy),

  report('t09_dispersed_tekun', 'T09', '分散供养特困人员数', 'count', 'stock'),
  report('t09_care_agreements', 'T09', '其中签订照料服务协议人数', 'count', 'stock', coverOf('t09_dispersed_tekun')),
  report('t09_disabled_dispersed', 'T09', '失能、重度残疾分散供养人数', 'count', 'stock'),
  report('t09_home_adaptations', 'T09', '适老化改造户数', 'count', 'flow'),

  { code: 't10_coordinator_coverage', task: 'T10', name: '村级社会救助协理员配备率', kind: 'ratio', source: 'roster', target: villageCoverage },
  { code: 't10_station_coverage', task: 'T10', name: '符合条件村（社区）服务站（点）建成率', kind: 'ratio', source: 'roster', target: { kind: 'ratio', denominator: null, share: 1, deadline: DEADLINE } },
  { code: 't10_civil_affairs_coverage', task: 'T10', name: '村（居）委会明确民政工作负责人比例', kind: 'ratio', source: 'roster', target: villageCoverage },
  { code: 't10_full_time_share', task: 'T10', name: '专职协理员占比', kind: 'ratio', source: 'roster', shownOnly: true },
  { code: 't10_avg_pay', task: 'T10', name: '协理员月均报酬（元）', kind: 'amount', source: 'roster', shownOnly: true, unit: '元' },
  { code: 't10_stations_per_200', task: 'T10', name: '每200名常年救助对象服务站（点）数', kind: 'ratio', source: 'roster', shownOnly: true },
  { code: 't10_eligible_villages', task: 'T10', name: '常年救助对象200人以上村（社区）数', kind: 'count', source: 'roster', shownOnly: true },
  { code: 't10_long_term_recipients', task: 'T10', name: '常年救助对象人数', kind: 'count', source: 'roster', shownOnly: true },

  report('t11_publicity_events', 'T11', '政策宣讲活动次数', 'count', 'flow'),
  report('t11_materials', 'T11', '口袋书、宣传册发放份数', 'count', 'flow'),
  report('t11_media_reports', 'T11', '媒体报道篇数', 'count', 'flow'),
  report('t11_typical_cases', 'T11', '总结典型案例数', 'count', 'flow', { kind: 'threshold', min: 1, deadline: '2021-12-15' }),
];

const townships = { orgCount: 'townships' } as const;

export const anhui2021: CampaignDef = {
  code: 'anhui-2021',
  name: '安徽省社会救助工作便民惠民优化服务行动',
  province: '34',
  timezone: 'Asia/Shanghai',
  start: '2021-07-01',
  end: '2021-12-31',
  rampStart: '2021-07-15',
  periods: ['2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12'],
  reportDueAfterDays: 5,
  summaryDue: '2021-12-15',
  stages: [
    { code: 'S1', name: '谋划部署', start: null, end: '2021-07-15', gates: ['m1_plan_issued'] },
    { code: 'S2', name: '政策落实', start: '2021-07-15', end: '2021-10-31', gates: ['m2_coordinators', 'm3_stations'] },
    { code: 'S3', name: '重点督导', start: '2021-11-01', end: '2021-11-30', gates: ['m4_supervised'] },
    { code: 'S4', name: '全面总结', start: '2021-12-01', end: '2021-12-31', gates: ['m5_city_summary'] },
  ],
  gates: [
    { code: 'm1_plan_issued', name: '县级实施方案印发', level: 'county', deadline: '2021-07-15' },
    { code: 'm2_coordinators', name: '村级协理员全覆盖', level: 'county', deadline: '2021-10-31' },
    { code: 'm3_stations', name: '服务站（点）初步建成', level: 'county', deadline: '2021-10-31' },
    { code: 'm4_supervised', name: '进展缓慢县区实地督导', level: 'county', deadline: '2021-11-30' },
    { code: 'm5_city_summary', name: '市级行动总结报送', level: 'city', deadline: '2021-12-15' },
  ],
  tasks: [
    { code: 'T01', name: '建立健全分层分类救助体系', weight: 1 },
    { code: 'T02', name: '做好社会救助兜底保障工作', weight: 1 },
    { code: 'T03', name: '创新发展急难社会救助', weight: 1 },
    { code: 'T04', name: '建立低收入人口动态监测预警机制', weight: 1 },
    { code: 'T05', name: '完善主动发现快速响应机制', weight: 1 },
    { code: 'T06', name: '加快社会救助"放管服"改革', weight: 1 },
    { code: 'T07', name: '积极开展服务类社会救助', weight: 1 },
    { code: 'T08', name: '统筹发展城乡社会救助制度', weight: 1 },
    { code: 'T09', name: '提升特困供养人员照料服务能力', weight: 1 },
    { code: 'T10', name: '加强基层社会救助经办能力', weight: 1 },
    { code: 'T11', name: '加大社会救助政策宣传力度', weight: 1 },
  ],
  indicators,
  relations: [
    { kind: 'part_of', part: 't02_incapable_covered', whole: { indicator: 't02_incapable_identified' } },
    { kind: 'part_of', part: 't04_warnings_handled', whole: { indicator: 't04_warnings_issued' } },
    { kind: 'part_of', part: 't05_hotline_orders_on_time', whole: { indicator: 't05_hotline_orders' } },
    { kind: 'part_of', part: 't09_care_agreements', whole: { indicator: 't09_dispersed_tekun' } },
    { kind: 'part_of', part: 't03_townships_with_reserve', whole: townships },
    { kind: 'part_of', part: 't06_townships_delegated', whole: townships },
    { kind: 'part_of', part: 't03_nonlocal_cases', whole: { indicator: 't03_temp_aid_cases' } },
    { kind: 'part_of', part: 't03_advance_aid_cases', whole: { indicator: 't03_temp_aid_cases' } },
  ],
  thresholds: {
    green: 0.95,
    amber: 0.8,
    lowScore: 80,
    manyRed: 3,
    lateReportDays: 5,
    outlierChange: 0.5,
    eligibleRecipients: 200,
    stationPolicy: 'per_eligible_village',
    stationsPer: 200,
  },
};
