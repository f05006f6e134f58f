/**
 * '蚌埠市民政局关于社会救助工作便民惠民优化服务行动开展情况的报告' in two 2号 lines, broken after '便民惠民' so each line
 * stays whole words (GB/T 9704 7.3.1); a name without it breaks at the middle.
 */
export function reportTitle(issuer: string, campaignName: string, province: string, tail: string): string[] {
  const action = campaignName.startsWith(province) ? campaignName.slice(province.length) : campaignName;
  const full = `${issuer}关于${action}${tail}`;
  const at = full.indexOf('便民惠民');
  const cut = at === -1 ? Math.ceil(full.length / 2) : at + '便民惠民'.length;
  return [full.slice(0, cut), full.slice(cut)];
}
