import type { Facts } from './narrative-facts';

type Template = (f: Facts) => string;

/** At least three wordings per task, in the register of a county bureau's monthly report. */
export const templates: Record<string, Template[]> = {
  T01: [
    (f) => `${f.c}严格落实分层分类救助制度，截至${f.m}月底，${f.s}共保障城市低保对象${f.v('t01_dibao_urban')}人、农村低保对象${f.v('t01_dibao_rural')}人、特困人员${f.v('t01_tekun')}人。`,
    (f) => `${f.c}对低收入家庭给予医疗、住房、教育、就业等专项救助，7月以来累计救助${f.v('t01_special_aid_households')}户，${f.m}月新增${f.d('t01_special_aid_households')}户。`,
    (f) => `${f.c}坚持应保尽保、应救尽救，7月以来累计救助受灾人员${f.v('t01_disaster_aid_persons')}人次，${f.m}月新增${f.d('t01_disaster_aid_persons')}人次。`,
    (f) => `${f.c}组织开展低保、特困对象动态核查，${f.s}城乡低保对象共${f.v('t01_dibao_urban') + f.v('t01_dibao_rural')}人，做到动态管理、应保尽保。`,
  ],
  T02: [
    (f) => `${f.c}将脱贫人口中丧失劳动能力、无法稳定增收的${f.v('t02_incapable_identified')}人中的${f.v('t02_incapable_covered')}人纳入低保或特困供养范围，纳入率${f.pct('t02_incapable_covered', 't02_incapable_identified')}。`,
    (f) => `${f.c}全面落实低保渐退政策，${f.m}月末处于渐退期的低保家庭${f.v('t02_gradual_exit_households')}户，累计落实就业成本扣减${f.v('t02_employment_cost_deductions')}户。`,
    (f) => `${f.c}对低收入家庭中的重病重残人员参照"单人户"纳入低保，7月以来累计纳入${f.v('t02_single_person_households')}人，${f.m}月新增${f.d('t02_single_person_households')}人。`,
    (f) => `${f.c}持续巩固拓展脱贫攻坚兜底保障成果，丧失劳动能力脱贫人口兜底纳入率达${f.pct('t02_incapable_covered', 't02_incapable_identified')}。`,
  ],
  T03: [
    (f) => `${f.c}创新发展急难社会救助，7月以来累计实施临时救助${f.v('t03_temp_aid_cases')}人次、发放救助金${f.wan('t03_temp_aid_amount')}，其中先行救助${f.v('t03_advance_aid_cases')}人次。`,
    (f) => `${f.c}已在${f.v('t03_townships_with_reserve')}个乡镇（街道）建立临时救助备用金制度，${f.m}月实施临时救助${f.d('t03_temp_aid_cases')}人次。`,
    (f) => `${f.c}逐步取消户籍地、居住地申请限制，累计在急难发生地为非户籍人员实施临时救助${f.v('t03_nonlocal_cases')}人次。`,
  ],
  T04: [
    (f) =>
      f.on('t04_platform_live')
        ? `${f.c}低收入人口动态监测信息平台已建成运行，与教育、人社、医保等${f.v('t04_departments_sharing')}个部门实现数据共享。`
        : `${f.c}加快推进低收入人口动态监测信息平台建设，目前已与${f.v('t04_departments_sharing')}个部门实现数据共享。`,
    (f) => `${f.c}健全动态监测预警机制，7月以来累计推送预警信息${f.v('t04_warnings_issued')}条，已核查处置${f.v('t04_warnings_handled')}条。`,
    (f) => `${f.c}常态化开展低收入人口监测，${f.m}月末纳入监测${f.v('t04_monitored_persons')}人，预警信息处置率${f.pct('t04_warnings_handled', 't04_warnings_issued')}。`,
  ],
  T05: [
    (f) => `${f.c}发挥${f.v('t05_grid_workers')}名网格员、信息员作用，主动发现困难群众，累计办理绿色通道件${f.v('t05_green_channel_cases')}件。`,
    (f) =>
      f.on('t05_hotline_module')
        ? `${f.c}在12345热线设置社会救助服务模块，累计受理社会救助工单${f.v('t05_hotline_orders')}件，按时办结${f.v('t05_hotline_orders_on_time')}件。`
        : `${f.c}正协调在12345热线设置社会救助服务模块，累计受理社会救助工单${f.v('t05_hotline_orders')}件。`,
    (f) => `${f.c}对60岁以上老人、重度残疾人等开通绿色通道，${f.m}月办理${f.d('t05_green_channel_cases')}件，做到即时受理、快速办结。`,
  ],
  T06: [
    (f) => `${f.c}已将低保、特困审核确认权限下放至${f.v('t06_townships_delegated')}个乡镇（街道），平均办理时限${f.v('t06_avg_processing_days').toFixed(1)}个工作日。`,
    (f) => `${f.c}深化社会救助"放管服"改革，累计取消证明材料${f.v('t06_certificates_cancelled')}项，${f.on('t06_joint_review') ? '已建立社会救助联审联批制度' : '联审联批制度正在制定中'}。`,
    (f) => `${f.c}压缩审核确认时限，低保、特困平均办理时限为${f.v('t06_avg_processing_days').toFixed(1)}个工作日，超过20个工作日办结${f.v('t06_over_limit_cases')}件。`,
  ],
  T07: [
    (f) =>
      f.on('t07_service_catalog')
        ? `${f.c}出台政府购买社会救助服务目录清单，签约服务机构${f.v('t07_service_providers')}家。`
        : `${f.c}正在研究制定政府购买社会救助服务目录清单，已签约服务机构${f.v('t07_service_providers')}家。`,
    (f) => `${f.c}积极开展服务类社会救助，累计为${f.v('t07_persons_served')}名困难群众提供访视、照料服务，投入政府购买服务资金${f.wan('t07_purchase_amount')}。`,
    (f) => `${f.c}引导社会力量参与社会救助，${f.m}月新增访视、照料服务${f.d('t07_persons_served')}人。`,
  ],
  T08: [
    (f) => `${f.c}${f.on('t08_unified_rules') ? '执行城乡统一的低保、特困认定办法' : '推进城乡低保、特困认定办法统一'}，累计将${f.v('t08_migrants_included')}名农业转移人口纳入城镇救助范围。`,
    (f) =>
      f.on('t08_residence_permit_open')
        ? `${f.c}允许持居住证人员在居住地申办社会救助，累计受理${f.v('t08_residence_permit_applicants')}人。`
        : `${f.c}研究推进持居住证人员在居住地申办社会救助，逐步放开户籍地申请限制。`,
    (f) => `${f.c}统筹城乡社会救助制度，${f.m}月新增农业转移人口纳入城镇救助${f.d('t08_migrants_included')}人。`,
  ],
  T09: [
    (f) => `${f.c}现有分散供养特困人员${f.v('t09_dispersed_tekun')}人，已签订照料服务协议${f.v('t09_care_agreements')}人，签约率${f.pct('t09_care_agreements', 't09_dispersed_tekun')}。`,
    (f) => `${f.c}重点关注失能、重度残疾分散供养特困人员${f.v('t09_disabled_dispersed')}人，逐人落实照料责任，累计完成适老化改造${f.v('t09_home_adaptations')}户。`,
    (f) => `${f.c}提升特困人员照料服务能力，定期开展探访，${f.m}月新增适老化改造${f.d('t09_home_adaptations')}户。`,
  ],
  T10: [
    (f) => (f.r ? `${f.c}推进村级社会救助协理员配备，${f.r.villages}个村（社区）中已有${f.r.withCoordinators}个配备协理员，共${f.r.coordinators}人。` : `${f.c}正组织各乡镇（街道）摸底填报村级社会救助台账。`),
    (f) =>
      f.r
        ? f.r.eligible > 0
          ? `${f.c}在常年救助对象200人以上的${f.r.eligible}个村（社区）建设社会救助服务站（点），已建成${f.r.stations}个。`
          : `${f.c}无常年救助对象200人以上的村（社区），已依托村（社区）综合服务中心设立服务点${f.r.stations}个。`
        : `${f.c}已部署村级社会救助协理员配备和服务站（点）建设工作。`,
    (f) => (f.r ? `${f.c}加强基层经办能力建设，${f.r.civilAffairs}个村（居）委会已明确民政工作负责人。` : `${f.c}正在推动各村（居）委会明确民政工作负责人。`),
  ],
  T11: [
    (f) => `${f.c}加大政策宣传力度，7月以来累计开展政策宣讲${f.v('t11_publicity_events')}场次，发放口袋书、宣传册${f.v('t11_materials')}份。`,
    (f) => `${f.c}利用报刊、广播电视和新媒体宣传社会救助政策，累计刊发报道${f.v('t11_media_reports')}篇${f.v('t11_typical_cases') > 0 ? `，总结典型案例${f.v('t11_typical_cases')}个` : ''}。`,
    (f) => `${f.c}${f.m}月开展政策宣讲${f.d('t11_publicity_events')}场次，发放宣传资料${f.d('t11_materials')}份，营造了良好舆论氛围。`,
  ],
};
