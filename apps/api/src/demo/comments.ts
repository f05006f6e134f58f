import type { CampaignDef } from '@dudao/schema/campaign';

const rises: Record<string, string> = {
  t02_incapable_covered: '开展脱贫人口兜底保障集中排查，符合条件的及时纳入低保或特困供养',
  t03_townships_with_reserve: '督促乡镇（街道）集中建立临时救助备用金',
  t04_departments_sharing: '与医保、残联等部门完成数据对接',
  t04_monitored_persons: '低收入人口动态监测信息平台上线后批量导入部门数据',
  t06_townships_delegated: '集中完成乡镇（街道）审核确认权限下放',
  t06_certificates_cancelled: '按证明事项清理要求新取消一批证明材料',
  t07_service_providers: '完成政府购买服务采购，新签约服务机构',
  t09_care_agreements: '集中组织分散供养特困人员签订照料服务协议',
  t02_gradual_exit_households: '部分低保家庭收入超过标准后进入渐退期',
};
const falls: Record<string, string> = {
  t02_gradual_exit_households: '部分家庭渐退期满按规定退出',
  t04_monitored_persons: '开展数据比对，清理重复和不符合条件人员',
};

/** Stocks that move more than the outlier share from the previous period get a comment explaining why. */
export function outlierComments(
  campaign: CampaignDef,
  values: Record<string, string | null>,
  previous: Record<string, string | null> | null,
): Record<string, string> {
  const comments: Record<string, string> = {};
  if (previous === null) return comments;
  for (const def of campaign.indicators) {
    if (def.source !== 'report' || def.accumulation !== 'stock') continue;
    const now = Number(values[def.code] ?? NaN);
    const before = Number(previous[def.code] ?? NaN);
    if (Number.isNaN(now) || Number.isNaN(before) || !isOutlier(before, now, campaign.thresholds.outlierChange))
      continue;
    const up = now > before;
    const why =
      (up ? rises[def.code] : falls[def.code]) ??
      (up ? '本月集中开展排查核实，数据据实更新' : '开展动态管理，按规定清退不再符合条件的对象');
    const change =
      before === 0
        ? `由0增至${now}`
        : `由${before}${up ? '增至' : '降至'}${now}（${up ? '+' : ''}${Math.round(((now - before) / before) * 100)}%）`;
    comments[def.code] = `${def.name}${change}，主要原因是${why}。`;
  }
  return comments;
}

export function isOutlier(before: number, now: number, share: number): boolean {
  if (before === 0) return now !== 0;
  return Math.abs(now - before) / before > share;
}
