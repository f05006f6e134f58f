import type { Facts } from './narrative-facts';

/** A sentence without the county's name in front and without its closing 。; null when the facts do not bear it out. */
type Template = (f: Facts) => string | null;

/**
 * Per task, the county's 主要做法 (what it built and how, a practice other counties may share word for word) and its
 * 成效 (cumulative figures of its own). Never a month's wording: the newest narrative is quoted in year-end documents.
 */
export const practices: Record<string, Template[]> = {
  T01: [
    () => '健全分层分类的社会救助体系，对低保、特困对象实行“一户一档”动态管理',
    () => '建立低收入家庭专项救助联动机制，民政、医保、住建、教育等部门按月会商救助对象名单',
    () => '开展低保、特困对象“回头看”专项排查，做到应保尽保、应退尽退',
    () => '把受灾群众纳入急难救助快速响应范围，灾后三日内完成救助对象核查',
    () => '组建乡镇（街道）社会救助经办专班，逐户核对收入和财产状况',
  ],
  T02: [
    () => '对脱贫人口中丧失劳动能力、无法稳定增收的人员逐户摸排，符合条件的全部纳入兜底保障',
    () => '落实低保渐退和就业成本扣减政策，帮助有劳动能力的低保对象稳定就业',
    () => '对低收入家庭中的重病、重残人员参照“单人户”纳入低保，做到兜底不漏一人',
    () => '建立脱贫不稳定户、边缘易致贫户与低保对象信息比对机制，每季度比对一次',
  ],
  T03: [
    () => '在乡镇（街道）设立临时救助备用金，对急难对象实行“先救助、后审批”',
    () => '取消临时救助户籍地、居住地申请限制，由急难发生地直接实施救助',
    () => '建立急难救助“绿色通道”，小额临时救助由乡镇（街道）审批发放',
    () => '将临时救助与慈善救助衔接，对救助后仍有困难的家庭转介慈善组织',
  ],
  T04: [
    (f) =>
      f.on('t04_platform_live')
        ? '建成低收入人口动态监测信息平台，与教育、人社、医保、残联等部门实时共享数据'
        : '加快建设低收入人口动态监测信息平台，先行与医保、残联等部门交换数据',
    () => '建立“大数据比对＋网格员走访”的双重预警机制，预警信息逐条核查、限时处置',
    () => '将低收入人口监测纳入乡镇（街道）网格化管理，实行“一月一比对、一季一走访”',
  ],
  T05: [
    () => '发挥网格员、信息员“前哨”作用，主动发现因病因灾陷入困境的群众',
    (f) =>
      f.on('t05_hotline_module')
        ? '在12345热线设置社会救助服务模块，工单实行“接单、转办、回访”闭环管理'
        : '与12345热线建立社会救助工单转办机制，热线服务模块正在开发',
    () => '对60岁以上老人、重度残疾人开通社会救助绿色通道，推行上门受理、代办服务',
    () => '依托乡镇便民服务中心设立社会救助服务窗口，推行“一门受理、协同办理”',
  ],
  T06: [
    () => '将低保、特困审核确认权限下放到乡镇（街道），县级民政部门加强抽查监督',
    (f) =>
      f.on('t06_joint_review')
        ? '建立社会救助联审联批制度，每周集中审核，压缩办理时限'
        : '推行社会救助集中审核，联审联批制度正在制定中',
    () => '全面推行证明事项告知承诺制，能通过数据比对核实的不再要求群众提供证明',
    () => '推行社会救助“掌上办”，群众通过手机即可提交申请、查询进度',
  ],
  T07: [
    (f) =>
      f.on('t07_service_catalog')
        ? '出台政府购买社会救助服务目录清单，明确访视、照料、心理疏导等服务内容'
        : '研究制定政府购买社会救助服务目录清单，先行购买访视照料服务',
    () => '通过政府购买服务引入社工机构，为困难群众提供探访、照料和心理疏导服务',
    () => '在村（社区）设立社会救助服务驿站，引导志愿者参与困难群众帮扶',
  ],
  T08: [
    (f) =>
      f.on('t08_unified_rules')
        ? '执行城乡统一的低保、特困认定办法，统一审核确认程序'
        : '推进城乡低保、特困认定办法统一，逐步缩小城乡保障差距',
    (f) =>
      f.on('t08_residence_permit_open')
        ? '允许持居住证人员在居住地申办社会救助，实现“一地申请、就近办理”'
        : '研究推进持居住证人员在居住地申办社会救助，逐步放开户籍地申请限制',
    () => '将符合条件的农业转移人口纳入城镇社会救助范围，做到进城落户与救助衔接',
  ],
  T09: [
    () => '为分散供养特困人员逐人签订照料服务协议，明确照料人和照料责任',
    () => '对失能、重度残疾分散供养特困人员实行包保责任制，村干部每周至少探访一次',
    () => '实施特困人员家庭适老化改造，加装扶手、防滑地面等设施',
    () => '委托乡镇敬老院为分散供养特困人员提供定期巡访、代购代办服务',
  ],
  T10: [
    () => '按照“一村一协理员”要求配备村级社会救助协理员，由乡镇（街道）统一培训、统一管理',
    (f) =>
      f.r && f.r.eligible > 0
        ? '在常年救助对象200人以上的村（社区）建设社会救助服务站（点），做到有场所、有人员、有制度'
        : '依托村（社区）综合服务中心设立社会救助服务点，方便群众就近求助',
    () => '明确村（居）委会民政工作负责人，将社会救助纳入村级便民服务事项清单',
  ],
  T11: [
    () => '组织社会救助政策进村入户宣讲，发放政策口袋书，提高群众知晓率',
    () => '利用报刊、广播电视和新媒体宣传社会救助政策，总结推广典型案例',
    () => '在村（社区）公开栏、便民服务中心公示救助政策和求助渠道',
  ],
};

export const effects: Record<string, Template[]> = {
  T01: [
    (f) =>
      `目前${f.s}共保障城市低保对象${f.v('t01_dibao_urban')}人、农村低保对象${f.v('t01_dibao_rural')}人、特困人员${f.v('t01_tekun')}人`,
    (f) =>
      f.v('t01_special_aid_households') > 0
        ? `行动开展以来累计为${f.v('t01_special_aid_households')}户低收入家庭落实专项救助`
        : null,
  ],
  T02: [
    (f) =>
      `已将${f.v('t02_incapable_identified')}名丧失劳动能力脱贫人口中的${f.v('t02_incapable_covered')}人纳入低保或特困供养，纳入率${f.pct('t02_incapable_covered', 't02_incapable_identified')}`,
    (f) =>
      f.v('t02_employment_cost_deductions') > 0
        ? `累计落实就业成本扣减${f.v('t02_employment_cost_deductions')}户，处于渐退期的低保家庭${f.v('t02_gradual_exit_households')}户`
        : null,
  ],
  T03: [
    (f) =>
      `行动开展以来累计实施临时救助${f.v('t03_temp_aid_cases')}人次、发放救助金${f.wan('t03_temp_aid_amount')}，其中先行救助${f.v('t03_advance_aid_cases')}人次`,
    (f) =>
      f.v('t03_nonlocal_cases') > 0 ? `累计在急难发生地为非户籍人员实施临时救助${f.v('t03_nonlocal_cases')}人次` : null,
  ],
  T04: [
    (f) =>
      `累计推送预警信息${f.v('t04_warnings_issued')}条、核查处置${f.v('t04_warnings_handled')}条，处置率${f.pct('t04_warnings_handled', 't04_warnings_issued')}`,
    (f) =>
      `纳入动态监测的低收入人口${f.v('t04_monitored_persons')}人，实现数据共享的部门${f.v('t04_departments_sharing')}个`,
  ],
  T05: [
    (f) =>
      f.v('t05_hotline_orders') > 0
        ? `累计受理热线社会救助工单${f.v('t05_hotline_orders')}件、按时办结${f.v('t05_hotline_orders_on_time')}件`
        : null,
    (f) =>
      f.v('t05_green_channel_cases') > 0 ? `累计通过绿色通道办理救助事项${f.v('t05_green_channel_cases')}件` : null,
  ],
  T06: [
    (f) =>
      `权限已下放至${f.v('t06_townships_delegated')}个乡镇（街道），低保、特困平均办理时限${f.v('t06_avg_processing_days').toFixed(1)}个工作日`,
    (f) => (f.v('t06_certificates_cancelled') > 0 ? `累计取消证明材料${f.v('t06_certificates_cancelled')}项` : null),
  ],
  T07: [
    (f) =>
      f.v('t07_persons_served') > 0
        ? `累计为${f.v('t07_persons_served')}名困难群众提供访视、照料服务，投入政府购买服务资金${f.wan('t07_purchase_amount')}`
        : null,
    (f) => (f.v('t07_service_providers') > 0 ? `已签约服务机构${f.v('t07_service_providers')}家` : null),
  ],
  T08: [
    (f) =>
      f.v('t08_migrants_included') > 0 ? `累计将${f.v('t08_migrants_included')}名农业转移人口纳入城镇救助范围` : null,
    (f) =>
      f.on('t08_residence_permit_open') && f.v('t08_residence_permit_applicants') > 0
        ? `累计受理居住地申办${f.v('t08_residence_permit_applicants')}人`
        : null,
  ],
  T09: [
    (f) =>
      `${f.v('t09_dispersed_tekun')}名分散供养特困人员中已签订照料服务协议${f.v('t09_care_agreements')}人，签约率${f.pct('t09_care_agreements', 't09_dispersed_tekun')}`,
    (f) => (f.v('t09_home_adaptations') > 0 ? `累计完成适老化改造${f.v('t09_home_adaptations')}户` : null),
  ],
  T10: [
    (f) =>
      f.r ? `${f.r.villages}个村（社区）中已有${f.r.withCoordinators}个配备协理员，共${f.r.coordinators}人` : null,
    (f) => (f.r ? `${f.r.civilAffairs}个村（居）委会已明确民政工作负责人，建成服务站（点）${f.r.stations}个` : null),
  ],
  T11: [
    (f) =>
      `行动开展以来累计开展政策宣讲${f.v('t11_publicity_events')}场次，发放口袋书、宣传册${f.v('t11_materials')}份`,
    (f) =>
      f.v('t11_media_reports') > 0
        ? `累计刊发报道${f.v('t11_media_reports')}篇${f.v('t11_typical_cases') > 0 ? `，总结典型案例${f.v('t11_typical_cases')}个` : ''}`
        : null,
  ],
};
