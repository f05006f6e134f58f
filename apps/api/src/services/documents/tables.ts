import type { CountyStatus, GateStatus, IndicatorResult, RollupFigure } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';
import type { Block, Cell, Column } from './content';
import { gateWords, monthDay, tableAmount, tableCount, tablePercent, tableScore } from './format';
import type { Snapshot } from './snapshot';
import type { ScopeView } from './view';
import { rankCell } from './rank-text';

type Figure = Pick<RollupFigure, 'value' | 'numerator' | 'denominator'> | Pick<IndicatorResult, 'value' | 'numerator' | 'denominator'>;

interface CountColumn {
  header: string[];
  code: string;
  part: 'value' | 'numerator' | 'denominator';
  amount?: boolean;
}

/**
 * Whole numbers that add up: a county's cell and the total row read the same part of the same indicator, the total
 * from the roll-up, so the table shows its own reconciliation.
 */
export const countColumns: CountColumn[] = [
  { header: ['村（社区）', '（个）'], code: 't10_coordinator_coverage', part: 'denominator' },
  { header: ['配备协理员', '的村（个）'], code: 't10_coordinator_coverage', part: 'numerator' },
  { header: ['符合建站', '条件的村', '（个）'], code: 't10_station_coverage', part: 'denominator' },
  { header: ['已建站点', '的村（个）'], code: 't10_station_coverage', part: 'numerator' },
  { header: ['临时救助', '（人次）'], code: 't03_temp_aid_cases', part: 'value' },
  { header: ['临时救助', '金额（元）'], code: 't03_temp_aid_amount', part: 'value', amount: true },
  { header: ['分散供养', '特困人员', '（人）'], code: 't09_care_agreements', part: 'denominator' },
  { header: ['签订照料', '协议（人）'], code: 't09_care_agreements', part: 'numerator' },
];

export function countCell(column: CountColumn, figure: Figure | undefined): string {
  const n = figure?.[column.part];
  return column.amount ? tableAmount(n) : tableCount(n);
}

export function countTable(nameHeader: string, rows: { name: string; figures: Record<string, Figure> }[], total: { name: string; figures: Record<string, Figure> }): Block {
  // 小五: 9 columns of up to 6 characters need 45 of its characters, the 版心 holds 48.
  const name = Math.max(3, ...rows.map((r) => Math.min(6, r.name.length)), nameHeader.length);
  const columns: Column[] = [{ header: nameHeader, width: name }, ...countColumns.map((c) => ({ header: c.header, width: Math.max(...c.header.map((l) => l.length), c.amount ? 6.5 : 4), align: 'right' as const }))];
  const line = (r: { name: string; figures: Record<string, Figure> }): Cell[] => [r.name, ...countColumns.map((c) => countCell(c, r.figures[c.code]))];
  return { kind: 'table', columns, rows: [...rows.map(line), line(total)], note: '注：合计行为各单位数据汇总；“—”表示未报送或不适用。', small: true };
}

const coverageCodes = ['t10_coordinator_coverage', 't10_station_coverage', 't10_civil_affairs_coverage', 't02_incapable_covered'] as const;
const coverageHeaders = [['协理员', '配备率'], ['服务站', '（点）', '建成率'], ['民政工作', '负责人', '明确率'], ['兜底保障', '纳入率']];

const gateShort: Record<GateStatus, string> = { met: '按期', late: '逾期完成', overdue: '逾期未完成', pending: '未到期', 'n/a': '—' };
const gateLabels: Record<string, string> = { m1_plan_issued: '方案', m2_coordinators: '协理员', m3_stations: '服务站', m4_supervised: '督导' };

function gateLines(county: CountyStatus): string[] {
  return Object.entries(county.gates).map(([code, status]) => `${gateLabels[code] ?? code}：${gateShort[status]}`);
}

function gateNote(campaign: CampaignDef): string {
  const parts = campaign.gates.filter((g) => gateLabels[g.code]).map((g) => `“${gateLabels[g.code]}”指${g.name}（${monthDay(g.deadline)}前）`);
  return `注：关口栏中，${parts.join('，')}；“—”表示不适用。综合得分、排名和各项比率均为截至报告日期的数据。`;
}

/** 附件1 of a city summary: every county's score, rank, coverages, lagging flag and gates, best first. */
export function countyKeyTable(view: ScopeView): Block {
  const city = view.snapshot.status.cities.find((c) => c.code === view.code);
  const columns: Column[] = [
    { header: '县（市、区）', width: 5.5 },
    { header: ['综合得分', '（分）'], width: 4, align: 'right' },
    { header: ['市内', '排名'], width: 3 },
    ...coverageHeaders.map((header) => ({ header, width: Math.max(3.5, ...header.map((l) => l.length)), align: 'right' as const })),
    { header: ['进展', '缓慢'], width: 2 },
    { header: '关口', width: 9, align: 'left' as const },
  ];
  const rows: Cell[][] = [...view.counties]
    .sort((a, b) => a.rankInCity - b.rankInCity)
    .map((c) => [c.name, tableScore(c.score), rankCell(c.cityRank), ...coverageCodes.map((code) => tablePercent(c.indicators[code]?.value)), c.lagging ? '是' : '否', gateLines(c)]);
  rows.push([
    `全市`,
    tableScore(city?.score),
    city ? ['全省', rankCell(city.provinceRank)] : '—',
    ...coverageCodes.map((code) => tablePercent(view.figures[code]?.value)),
    `${city?.laggingCount ?? 0}个`,
    '—',
  ]);
  return { kind: 'table', columns, rows, note: gateNote(view.snapshot.campaign) };
}

/** 附件1 of the provincial summary: every city's score, rank, lagging count, coverages and its summary gate. */
export function cityKeyTable(snapshot: Snapshot): Block {
  const columns: Column[] = [
    { header: '市', width: 4 },
    { header: ['综合得分', '（分）'], width: 4, align: 'right' },
    { header: ['全省', '排名'], width: 3 },
    { header: ['进展缓慢', '县区数', '（个）'], width: 4, align: 'right' },
    ...coverageHeaders.map((header) => ({ header, width: Math.max(3.5, ...header.map((l) => l.length)), align: 'right' as const })),
    { header: ['市级总结', '报送'], width: 5 },
  ];
  const rows: Cell[][] = [...snapshot.status.cities]
    .sort((a, b) => a.rank - b.rank)
    .map((c) => [c.name, tableScore(c.score), rankCell(c.provinceRank), String(c.laggingCount), ...coverageCodes.map((code) => tablePercent(c.figures[code]?.value)), gateWords[c.gates.m5_city_summary]]);
  const { province } = snapshot.status;
  rows.push(['全省', tableScore(province.score), '—', String(province.laggingCount), ...coverageCodes.map((code) => tablePercent(province.figures[code]?.value)), '—']);
  return { kind: 'table', columns, rows, note: '注：市的综合得分为所辖县（市、区）综合得分的平均值；各项比率为所辖县（市、区）分子、分母分别汇总后计算。' };
}
