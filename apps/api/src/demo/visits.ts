import { intBetween, pick, shuffled } from './rng';
import type { VisitTexts } from './types';

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '汪',
];
const teams = [
  '市民政局社会救助科',
  '市民政局',
  '市民政局社会救助科、市财政局社会保障科',
  '省民政厅社会救助处',
  '市民政局督导组',
];

const findings: ((c: string) => string)[] = [
  (c) => `${c}部分村（社区）尚未配备社会救助协理员，协理员配备率低于序时进度。`,
  (c) => `${c}临时救助备用金制度尚未覆盖全部乡镇（街道），急难救助响应不够及时。`,
  (c) => `${c}低收入人口动态监测信息平台部门数据共享不充分，预警信息核查处置滞后。`,
  (c) => `${c}部分分散供养特困人员未签订照料服务协议，照料责任落实不到位。`,
  (c) => `${c}月度进展报送不及时，个别指标数据与系统数据存在差异。`,
  (c) => `${c}常年救助对象较多的村（社区）服务站（点）建设进度偏慢。`,
  (c) => `${c}审核确认权限下放后乡镇经办力量不足，部分办件超过规定时限。`,
];

const items: { description: string; owner: (scope: string) => string }[] = [
  {
    description: '一个月内完成未配备村（社区）社会救助协理员选聘',
    owner: (s) => `${s}民政局社会救助${s === '县' ? '股' : '科'}`,
  },
  { description: '督促未建立临时救助备用金的乡镇（街道）限期建立', owner: (s) => `${s}民政局、${s}财政局` },
  { description: '对超时限办件逐件分析原因并整改', owner: (s) => `${s}民政局社会救助${s === '县' ? '股' : '科'}` },
  { description: '加快符合条件村（社区）服务站（点）建设', owner: () => '相关乡镇人民政府（街道办事处）' },
  { description: '推进与医保、残联等部门数据共享', owner: (s) => `${s}民政局、${s}数据资源管理局` },
  {
    description: '组织分散供养特困人员照料服务协议集中签订',
    owner: (s) => `${s}民政局社会救助${s === '县' ? '股' : '科'}`,
  },
  { description: '建立月度报表审核机制，确保按时准确报送', owner: (s) => `${s}民政局办公室` },
];

/** Fictional supervision texts: visitors are named only as 某某, no real persons. */
export function visitTexts(countyName: string, rng: () => number): VisitTexts {
  const scope = /开发区|园区|新区|示范区/.test(countyName)
    ? '区'
    : /[县市]$/.test(countyName)
      ? countyName.slice(-1)
      : '区';
  const count = intBetween(rng, 2, 5);
  return {
    visitors: `${pick(rng, teams)} ${pick(rng, surnames)}某某等${count}人`,
    findings: shuffled(rng, findings)
      .slice(0, intBetween(rng, 2, 3))
      .map((f, i) => (i === 0 ? f(countyName) : f('')))
      .join(''),
    items: shuffled(rng, items)
      .slice(0, intBetween(rng, 1, 3))
      .map((item) => ({ description: item.description, owner: item.owner(scope) })),
  };
}
